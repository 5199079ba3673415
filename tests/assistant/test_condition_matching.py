"""Condition matching (issue #13, design point 3): when the question states a case, the rule whose
list of cases holds it leads, not the general rule before it.

Art. 3.4 of the protocole: « La durée de l'action de professionnalisation est comprise entre 6 et 12
mois. Toutefois, dans le cadre fixé par le code du travail, cette durée peut être portée jusqu'à 36 mois
pour : – les personnes âgées de 16 à 25 ans révolus qui n'ont pas validé un 2d cycle de l'enseignement
secondaire […] ; – les personnes âgées de 16 à 25 ans révolus et les demandeurs d'emploi âgés de 26 ans
et plus inscrites depuis plus de 1 an […] ; – les bénéficiaires du revenu de solidarité active, de
l'allocation de solidarité spécifique ou de l'allocation aux adultes handicapés […]. »

The case is read from the list's own items (`units._stated_case`), never from a list of cases typed by
hand. The articles come from the shipped corpus (`knowledge.shipped_vectors.shipped_chunks`, shipped
parses). Every question is worded for these tests, unlike the evaluation sets' questions.
"""

from __future__ import annotations

import pytest

from tests.assistant.lead_helpers import lead_of

EXTENDED = "jusqu’à 36 mois pour :"


@pytest.mark.parametrize(
    "question",
    [
        "Mon futur alternant touche l'AAH : sur combien de mois peut s'étaler son action de professionnalisation ?",
        "Chômeur de 41 ans inscrit depuis deux ans comme demandeur d'emploi, ma professionnalisation dure combien ?",
        "Elle a 18 ans et n'a pas validé son second cycle du secondaire : quelle durée de professionnalisation ?",
        "Allocataire de la solidarité spécifique, quelle durée maximale pour l'action de professionnalisation ?",
    ],
)
def test_the_rule_whose_case_the_question_states_leads(sections: dict[str, str], question: str) -> None:
    """« cette durée peut être portée jusqu'à 36 mois pour : – les bénéficiaires du revenu de solidarité
    active, de l'allocation de solidarité spécifique ou de l'allocation aux adultes handicapés »."""
    assert EXTENDED in lead_of(question, sections, "3.4")


@pytest.mark.parametrize(
    "question",
    [
        "Combien de temps dure l'action de professionnalisation en règle générale ?",
        "La durée normale d'une action de professionnalisation, c'est combien de mois ?",
        "Pour un salarié sans situation particulière, quelle durée d'action de professionnalisation ?",
    ],
)
def test_no_case_stated_the_general_rule_is_not_displaced(sections: dict[str, str], question: str) -> None:
    """« La durée de l'action de professionnalisation est comprise entre 6 et 12 mois. »: with no case
    named by one of the list's items, the list's introduction is not lifted by them."""
    assert EXTENDED not in lead_of(question, sections, "3.4")
