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

from pathlib import Path

import pytest

from assistant.answering.answer_types import LIMIT, asked_types, largest_bounds
from assistant.answering.lead import Candidate, choose_lead
from assistant.answering.units import idf_weights, passage_units, query_weights, unit_scores

ROOT = Path(__file__).resolve().parents[2]
ACCORD = "accord-2019-12-19-formation-professionnelle"


@pytest.fixture(scope="module")
def sections() -> dict[str, str]:
    from knowledge.shipped_vectors import shipped_chunks

    texts: dict[str, list[str]] = {}
    for chunk in shipped_chunks(ROOT / "corpus", known_parses=True):
        if chunk.document == ACCORD and chunk.section_number:
            texts.setdefault(chunk.section_number, []).append(chunk.text)
    return {number: "\n\n".join(parts) for number, parts in texts.items()}


def lead_of(question: str, sections: dict[str, str], number: str) -> str:
    text = sections[number]
    others = [sections[n] for n in ("2.1", "3.5", "4.1", "6", "8") if n != number]
    units = passage_units(text)
    idf = idf_weights([text, *others], query_weights(question))
    scores = unit_scores(question, units, idf)
    lead = choose_lead(question, [Candidate(u, 0, s, 1.0) for u, s in zip(units, scores, strict=True)])
    assert lead is not None
    return lead.unit.text


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
