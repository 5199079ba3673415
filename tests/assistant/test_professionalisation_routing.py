"""Questions with the user's own figures reach the contrat de professionnalisation and VAE calculators.

Art. 3.4 (length by public), art. 3.5 (training share up to 70 %) and art. 7 (VAE after 1 year of
activity): each row is a question, the calculator it must reach and the arguments that matter; the
questions about the rule itself, without figures, stay with retrieval.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.routing.router import route
from assistant.tools import run_calculator

TODAY = date(2026, 11, 29)

CASES: list[tuple[str, str, dict[str, Any], Any]] = [
    (
        "Contrat de professionnalisation de 1 200 heures pour un jeune de 22 ans sans diplôme : combien d'heures "
        "de formation au maximum ?",
        "professionalisation_training_share",
        {"total_hours": 1200, "age": 22, "without_diploma": True},
        840,
    ),
    (
        "Mon contrat pro dure 1000 heures dont 750 heures de formation, je touche le RSA, est-ce possible ?",
        "professionalisation_training_share",
        {"total_hours": 1000, "planned_training": 750, "minimum_benefit": True},
        700,
    ),
    (
        "Un contrat de professionnalisation de 12 mois pour une bénéficiaire du RSA : combien de mois de "
        "formation au maximum ?",
        "professionalisation_training_share",
        {"total_months": 12, "minimum_benefit": True},
        8.4,
    ),
    (
        "Je suis demandeur d'emploi depuis 18 mois, j'ai 30 ans. Quelle durée maximale pour mon contrat de "
        "professionnalisation ?",
        "professionalisation_duration",
        {"age": 30, "jobseeker_months": 18},
        36,
    ),
    (
        "J'ai 23 ans et le bac, mon contrat de professionnalisation peut-il durer 30 mois ?",
        "professionalisation_duration",
        {"age": 23, "without_diploma": False, "months": 30},
        12,
    ),
    ("J'ai 8 mois d'expérience comme gestionnaire, puis-je faire une VAE ?", "vae_experience", {"months": 8}, 8),
    (
        "J'ai travaillé 6 mois en 2022 et 8 mois en 2024 dans ce métier, puis-je demander une VAE ?",
        "vae_experience",
        {"months": 14},
        14,
    ),
]


@pytest.mark.parametrize(("question", "calculator", "arguments", "value"), CASES, ids=[c[1] for c in CASES])
def test_own_figures_reach_the_calculator(question, calculator, arguments, value):
    decision = route(question, TODAY)
    assert decision.route == "calculator" and decision.calculator == calculator, decision
    for key, expected in arguments.items():
        assert decision.arguments.get(key) == expected, (key, decision.arguments)
    result = run_calculator(calculator, decision.arguments)
    assert result.value == pytest.approx(value)


@pytest.mark.parametrize(
    "question",
    [
        "Quelle part de formation dans un contrat de professionnalisation ?",
        "Qui peut bénéficier d'un contrat de professionnalisation ?",
        "Quelle durée d'expérience faut-il pour demander une VAE ?",
        "Combien de temps peut durer un contrat de professionnalisation ?",
    ],
)
def test_questions_about_the_rule_stay_with_retrieval(question):
    assert route(question, TODAY).route == "retrieval"


def test_other_readers_keep_their_questions():
    leave = route("J'ai un CAP et je veux préparer une VAE. Combien d'heures de congé ai-je ?", TODAY)
    assert leave.calculator == "vae_leave"
    pay = route(
        "J'obtiens ma certification en contrat de professionnalisation le 12 juin 2025. À partir de quand ma "
        "rémunération est-elle fixée par le cadre conventionnel ?",
        TODAY,
    )
    assert pay.calculator == "professionalisation_contract"


def test_a_training_date_is_not_read_as_a_past_interview():
    """Art. 6 schedule: « dernière formation en 2020 » is the art. 8 date, not an entretien professionnel."""
    decision = route(
        "Embauché en 2010, dernière formation en 2020, quand dois-je avoir mon prochain entretien professionnel ?",
        TODAY,
    )
    assert decision.calculator == "professional_reviews"
    assert decision.arguments["hire_date"] == date(2010, 1, 1)
    assert "interviews" not in decision.arguments
