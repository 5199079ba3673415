"""conv27: the facts an adviser told of a person, carried to a later question about that person by a pronoun.

Protocole d'accord du 19 décembre 2019, art. 2.3: "La Pro-A concerne les salariés en contrat à durée indéterminée et
les salariés bénéficiaires d'un contrat unique d'insertion à durée indéterminée […]. Sont concernés, les salariés
n'ayant pas atteint un niveau de qualification sanctionné par une certification professionnelle enregistrée au RNCP
et correspondant au grade de la licence."
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.conversation.fact_merge import merge_facts
from assistant.conversation.state import Turn
from assistant.conversation.told_person import speaks_of_told, told_at
from tests.assistant.conversation_helpers import TODAY, ask_in_turn


def _turn(question: str, *, statement: bool = False) -> Turn:
    return Turn(question=question, resolved=question, kind="new", route="retrieval", statement=statement)


TOLD = _turn("Je prépare l'entretien de Mme Roux, technicienne en CDI depuis 12 ans, niveau bac.", statement=True)
BETWEEN = _turn("Elle veut devenir gestionnaire conseil : quelle certification viser ?")


def test_the_adviser_telling_a_named_persons_facts_is_that_persons_case() -> None:
    assert told_at([TOLD, BETWEEN], TODAY) == 0


def test_a_pronoun_after_a_question_in_between_points_to_the_person_told() -> None:
    assert speaks_of_told("Peut-elle y aller par la Pro-A, vu son contrat et son niveau ?", [TOLD, BETWEEN], TODAY) == 0
    assert speaks_of_told("Et lui, avec son contrat, il y a accès ?", [TOLD, BETWEEN], TODAY) == 0
    assert speaks_of_told("A-t-elle droit à l'absence rémunérée ?", [TOLD, BETWEEN], TODAY) == 0


@pytest.mark.parametrize(
    "message",
    [
        "Qui finance la Pro-A ?",  # no person spoken of
        "Il faut combien d'heures de formation ?",  # an impersonal "il"
        "Y a-t-il un plafond d'heures ?",
        "Et un salarié en CDD, peut-il en bénéficier ?",  # another person, named
    ],
)
def test_no_person_or_another_one_is_not_the_person_told(message: str) -> None:
    assert speaks_of_told(message, [TOLD, BETWEEN], TODAY) is None


def test_the_users_own_case_told_since_leaves_no_other_person() -> None:
    own = _turn("Je suis en CDD depuis six mois.", statement=True)
    assert told_at([TOLD, own, BETWEEN], TODAY) is None


def test_a_question_that_states_nothing_tells_no_person() -> None:
    assert told_at([BETWEEN], TODAY) is None


def test_a_denied_contract_is_no_new_fact_of_the_case() -> None:
    merged = merge_facts(
        "Mme Da Silva est en CDD depuis huit mois, niveau BTS.",
        "La Pro-A lui est-elle ouverte, vu qu'elle n'est pas en CDI ?",
        TODAY,
    )
    assert merged.replaced == [] and "CDD" in merged.text


def test_a_correction_denying_the_old_contract_still_puts_the_new_one() -> None:
    merged = merge_facts("Elle est en CDI, niveau BTS.", "non, elle n'est pas en CDI, elle est en CDD", TODAY)
    assert merged.text == "Elle est en CDD, niveau BTS."


@pytest.mark.integration
def test_the_pro_a_is_decided_on_the_facts_told_before_a_question_on_something_else(assistant: Any) -> None:
    answer = ask_in_turn(
        assistant,
        "Je reçois M. Lefèvre en entretien professionnel : agent d'accueil en CDI depuis 2015, titulaire d'un CAP.",
        "Au fait, c'est quoi exactement la Pro-A ?",
        "Et lui, avec son contrat et son diplôme, il y a accès ?",
    )
    assert answer.route == "calculator", answer.text[:300]
    assert answer.tool_calls[0].name == "pro_a_eligibility"
    assert "Éligible" in answer.text


@pytest.mark.integration
def test_a_fixed_term_contract_told_earlier_is_not_eligible(assistant: Any) -> None:
    answer = ask_in_turn(
        assistant,
        "Entretien pro de Mme Da Silva : elle est en CDD depuis huit mois, niveau BTS.",
        "Quels dispositifs de reconversion la branche prévoit-elle ?",
        "La Pro-A lui est-elle ouverte, vu qu'elle n'est pas en CDI ?",
    )
    assert answer.route == "calculator", answer.text[:300]
    assert "Non éligible" in answer.text or "non éligible" in answer.text
