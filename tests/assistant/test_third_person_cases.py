"""A rule applied to someone else's hypothetical case, and to a case told in bare fragments.

"Une alternante de 19 ans peut-elle avoir un contrat pro de 30 mois ?" asks the rule applied to the
facts it states, whoever they describe; so does "VAE CQP GC, 2 ans d'expérience, recevable ?", whose
first fragment names the scheme and the next one the case. Both go to the calculator, not to quotes.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.calculator_inputs.facts import read_facts, terse_case
from assistant.routing.extraction.folding import fold
from assistant.routing.router import route

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("question", "age", "months"),
    [
        ("Une stagiaire de 19 ans peut-elle avoir un contrat de professionnalisation de 30 mois ?", 19, 30),
        ("Mon fils de 20 ans a-t-il le droit à un contrat pro de 24 mois ?", 20, 24),
        ("Pourrait-on signer un contrat pro de 36 mois avec une jeune femme de 23 ans ?", 23, 36),
        ("Notre nouvelle recrue de 31 ans peut signer un contrat de pro de 18 mois ?", 31, 18),
    ],
)
def test_a_third_persons_length_is_checked_against_the_rule(question: str, age: int, months: int) -> None:
    """Art. 3.4: "cette durée peut être portée jusqu'à 36 mois pour : – les personnes âgées de 16 à 25 ans
    révolus qui n'ont pas validé un 2d cycle de l'enseignement secondaire …": the age and the length stated
    are the rule's inputs, asked as a permission of anyone ("peut-elle", "a-t-il le droit")."""
    decision = route(question, TODAY)
    assert decision.calculator == "professionalisation_duration"
    assert decision.arguments["age"] == age
    assert decision.arguments["months"] == months


def test_a_length_of_service_is_not_an_age() -> None:
    """ "une ancienneté de 10 ans" measures time on the job, not the employee's age."""
    decision = route("Une ancienneté de 10 ans et un contrat pro de 24 mois, c'est possible ?", TODAY)
    assert "age" not in (decision.arguments or {})


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("VAE du CQP gestionnaire conseil ; 18 mois d'activité ; recevable ?", 1.5),
        ("CQP GC en VAE, trois ans de métier, OK ?", 3.0),
        ("VAE CQP gestionnaire conseil : six mois d'ancienneté, ça passe ?", 0.5),
    ],
)
def test_a_case_in_fragments_opened_by_the_scheme_is_a_case(question: str, years: float) -> None:
    """Art. 7 (avenant 2022): "la VAE est ouverte dès lors que la personne justifie d'une activité, continue
    ou non, d'au moins une année, en lien avec la certification recherchée, qui peut être un CQP"."""
    decision = route(question, TODAY)
    assert decision.calculator == "cqp_vae_eligibility"
    assert decision.arguments["experience_years"] == years


@pytest.mark.parametrize(
    "text",
    [
        "Comment se passe la VAE du CQP quand on a deux ans d'expérience dans un autre organisme de la branche ?",
        "La Pro-A, combien de temps ?",
    ],
)
def test_a_sentence_or_a_question_without_fact_is_not_a_case_in_fragments(text: str) -> None:
    assert not terse_case(text)
    assert not read_facts(text, fold(text), TODAY).personal or "on a" in text
