"""A rule's result asked for a case told, the deciding fact not given: the question back asks for that fact only.

Issue #13 class 1 (clarify24): the result of a rule asked for the asker's own case, a colleague's or a recruit's,
was answered by the article as if asked for anyone. The rule is the one whose result the asking sentence names
(`assistant.routing.calculator_inputs.asked_result.RESULTS`); a general question on the same subject, and the same
case with its deciding fact given, are not asked back.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.router import route

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("question", "calculator", "missing"),
    [
        # art. 3.6: "Ceux visant des qualifications supérieures au niveau 3, sont rémunérés, au minimum, sur la base
        # du coefficient de qualification du niveau 3." The level aimed at decides.
        (
            "Je commence un contrat de professionnalisation en janvier, quel coefficient minimum pour ma paie ?",
            "professionalisation_contract",
            ["target_level"],
        ),
        # avenant art. 2: the Pro-A's training lasts at least 15 % of its total, 150 hours at least; the total decides
        (
            "Combien d'heures de formation au minimum pour la Pro-A de ma collaboratrice ?",
            "pro_a_training_hours",
            ["total_hours"],
        ),
        # art. 3.4: "cette durée peut être portée jusqu'à 36 mois pour : – les personnes âgées de 16 à 25 ans
        # révolus …": who the beneficiary is decides
        (
            "Le contrat de professionnalisation de notre future recrue pourra-t-il durer jusqu'à 24 mois ?",
            "professionalisation_duration",
            ["public"],
        ),
        # art. 6: "Les organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un entretien de
        # bilan." The hire date decides.
        ("Mes entretiens professionnels sont-ils à jour ?", "professional_reviews", ["hire_date"]),
    ],
)
def test_the_result_asked_for_a_case_asks_back_what_decides_it(
    question: str, calculator: str, missing: list[str]
) -> None:
    decision = route(question, TODAY)
    assert decision.route == "clarify"
    assert decision.calculator == calculator
    assert decision.missing[: len(missing)] == missing
    assert decision.follow_up


@pytest.mark.parametrize(
    "question",
    [
        # the same results asked for anyone: the articles answer
        "Combien d'heures de formation au minimum dans une Pro-A ?",
        "Sur quelle base est rémunéré un salarié en contrat de professionnalisation ?",
        # a property of the scheme asked for one's own case: art. 4.3 "n'est pas proratisée en fonction de la durée
        # de travail contractuelle du salarié"
        "Ma prime de tuteur est-elle proratisée si je suis à temps partiel ?",
    ],
)
def test_a_rule_asked_or_a_property_is_not_asked_back(question: str) -> None:
    assert route(question, TODAY).route != "clarify"


def test_the_deciding_fact_given_is_calculated() -> None:
    """Avenant art. 2: a Pro-A of 1 000 hours holds at least 150 hours of training (15 % is 150)."""
    decision = route(
        "La Pro-A de mon agent compte 1 000 heures au total, combien d'heures de formation au minimum ?", TODAY
    )
    assert decision.route == "calculator"
    assert decision.calculator == "pro_a_training_hours"
    assert decision.arguments["total_hours"] == 1000


def test_a_readers_own_question_stands() -> None:
    """The contract's reader asks which "niveau" is meant (RNCP or classification): that question is kept."""
    decision = route("Je prépare un CQP de niveau 5 en contrat de professionnalisation, quelle rémunération ?", TODAY)
    assert decision.missing == ["level_kind"]
