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

from pathlib import Path

import pytest

from assistant.answering.lead import Candidate, choose_lead
from assistant.answering.units import idf_weights, passage_units, query_weights, unit_scores

ROOT = Path(__file__).resolve().parents[2]
ACCORD = "accord-2019-12-19-formation-professionnelle"
EXTENDED = "jusqu’à 36 mois pour :"


@pytest.fixture(scope="module")
def sections() -> dict[str, str]:
    """The protocole's numbered sections (consolidated text), each as one passage."""
    from knowledge.shipped_vectors import shipped_chunks

    texts: dict[str, list[str]] = {}
    for chunk in shipped_chunks(ROOT / "corpus", known_parses=True):
        if chunk.document == ACCORD and chunk.section_number:
            texts.setdefault(chunk.section_number, []).append(chunk.text)
    return {number: "\n\n".join(parts) for number, parts in texts.items()}


def lead_of(question: str, sections: dict[str, str], number: str) -> str:
    """The unit that leads the answer from section `number`, scored as the composer scores it."""
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
