"""A sum asked by its unit, which the lead does not state in euros, is answered by the lead's section's sentence
stating euros, however e5 weighs it against the lead (facts29: `asked_detail.clause_detail`).

The sentence that answers, in the circular on the CQP gestionnaire conseil, part IX: "Les durées d'enseignement,
d'applications tutorées et d'évaluations peuvent être prise en charge (dans la limite des durées maximales fixées
nationalement), à raison de 12 €/h pour l'année 2013."
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.asked_detail import _EUROS

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("à raison de 12 €/h pour l'année 2013", True),
        ("une participation de 1 500 euros par stagiaire", True),
        ("il correspond à 7 points par mois, complet ou non", False),  # points, not money
        ("0,15 % de leur masse salariale brute", False),  # a percentage
        ("Le nombre d'heures est indiqué dans la liste des priorités de financement", False),
    ],
)
def test_a_sum_in_euros(text: str, states: bool) -> None:
    assert bool(_EUROS.search(text)) is states


@pytest.mark.parametrize(
    "question",
    [
        # the lead « 1 Le nombre d'heures est indiqué … » stood nearer the clause by e5 than the rate's sentence
        "En 2013, combien d'euros de l'heure étaient pris en charge pour le CQP GC ?",
        # the lead names a cost (« prise en charge », the options presented to the CPNEFP) but no sum in euros
        "À quel tarif horaire Uniformation prenait-elle en charge le parcours CQP gestionnaire conseil en 2013 ?",
    ],
)
def test_the_hourly_rate_follows_a_lead_without_euros(assistant: Any, question: str) -> None:
    answer = assistant.ask(question, today=TODAY)
    assert "12 €/h" in answer.text
    assert answer.text.index("12 €/h") < answer.text.index("\n\n")  # in the answer's lead paragraph, not only a quote
