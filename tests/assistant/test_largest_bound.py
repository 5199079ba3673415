"""« Au maximum ? » is answered by the largest upper bound the article states (issue #13, design point 3).

Art. 3.4 of the protocole states two bounds on the action de professionnalisation: « Toutefois, dans le
cadre fixé par le code du travail, cette durée peut être portée jusqu'à 36 mois pour : … » and « La durée
de l'action de professionnalisation peut être allongée jusqu'à 24 mois lorsque la nature des
qualifications professionnelles visées l'exige … ». A question asking for the maximum, with no case
stated, is led by the 36 months; a question stating the 24 months' own condition still gets it. The
bounds are read from the sentences' form ("jusqu'à N mois", "ne peut excéder"), for any article.
Wordings written for these tests, unlike the evaluation sets'.
"""

from __future__ import annotations

import pytest

from assistant.answering.answer_types import LIMIT, asked_types, largest_bounds
from tests.assistant.lead_helpers import lead_of


@pytest.mark.parametrize(
    "question",
    [
        "Combien de temps au plus pour un contrat de professionnalisation ?",
        "Mon contrat de professionnalisation peut s'étendre jusqu'à combien de mois, au maximum ?",
        "Le plafond de durée d'un contrat de professionnalisation, c'est quoi ?",
    ],
)
def test_the_largest_bound_leads(sections: dict[str, str], question: str) -> None:
    assert LIMIT in asked_types(question)
    assert "jusqu’à 36 mois" in lead_of(question, sections, "3.4")


def test_the_bound_of_a_stated_condition_still_leads(sections: dict[str, str]) -> None:
    """« peut être allongée jusqu'à 24 mois lorsque la nature des qualifications professionnelles visées
    l'exige »: the question names that condition, so its bound answers, not the larger one."""
    question = "Si la nature de la qualification visée l'exige, jusqu'à combien de mois peut aller l'action ?"
    assert "jusqu’à 24" in lead_of(question, sections, "3.4")


@pytest.mark.parametrize(
    "question",
    [
        "Au plus tard quand doit avoir lieu l'entretien de bilan ?",
        "Combien de mois dure l'action de professionnalisation ?",
        "Quel est le minimum de durée ?",
    ],
)
def test_no_maximum_asked_no_bound_preferred(question: str) -> None:
    assert LIMIT not in asked_types(question)
    assert largest_bounds(asked_types(question), ["jusqu'à 36 mois", "jusqu'à 24 mois"]) == [False, False]
