"""The lead sentence of one section, scored as the composer scores it: shared by the answer-lead tests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assistant.answering.lead import Candidate, choose_lead
from assistant.answering.units import idf_weights, passage_units, query_weights, unit_scores

# Sections standing for the other retrieved passages (the local idf is computed over them too).
OTHERS = ("2.1", "3.5", "4.1", "6", "8")


def lead_of(question: str, sections: dict[str, str], number: str, others: Sequence[str] = OTHERS) -> str:
    """The unit that leads the answer to `question` from section `number` (local idf among a few
    retrieved sections, lexical score times the answer-type factor, as `composer` does)."""
    text = sections[number]
    idf = idf_weights([text, *(sections[n] for n in others if n != number)], query_weights(question))
    units = passage_units(text)
    scores = unit_scores(question, units, idf)
    lead = choose_lead(question, [Candidate(u, 0, s, 1.0) for u, s in zip(units, scores, strict=True)])
    assert lead is not None
    return lead.unit.text


def answer_lead(answer: Any) -> str:
    """An answer's first paragraph: the lead the user reads before the quotes."""
    return str(answer.text).split("\n\n")[0]
