"""Do the retrieved passages answer the question, or are the texts silent on it?

A passage answers only if it speaks of the question's subject, not merely of a word in it: "la
durée maximale d'un CDD" is not answered by the CEP article that mentions employees on a CDD. The
retrieval and clarification steps of the service both ask this before quoting anything.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answering.composer import query_weights, unit_terms
from assistant.routing.router import RouteDecision
from assistant.routing.subject import speaks_of, subject_phrase
from knowledge.hybrid import Evidence

MIN_COVERAGE = 0.34
# The bank's out-of-scope share above which best passages that do not speak of the question's
# subject mean the texts are silent (below it, the word coverage decides, as before).
SUBJECT_OUTSIDE_SHARE = 0.3


def decision_names_topic(decision: RouteDecision | None) -> bool:
    """The router found a corpus topic by its cues and meaning together (a strong in-scope reading)."""
    return decision is not None and decision.topic is not None and decision.outside < 0.5


def texts_are_silent(query: str, evidence: Sequence[Evidence], decision: RouteDecision | None = None) -> bool:
    """True when the best passages do not answer the question: the texts are silent.

    A passage answers only if it speaks of the question's subject (its head noun phrase,
    `assistant.routing.subject`), not merely of a word in it. When none of the best passages
    does, the texts are silent if the passages also share too few of the question's words, or
    if the example bank reads the question as a labour-law subject outside the texts
    (`SUBJECT_OUTSIDE_SHARE`): "la durée maximale d'un CDD" is not answered by the CEP article
    that mentions a CDD.
    """
    terms = set(query_weights(query))
    bags = [unit_terms(e.chunk.context_text) for e in evidence[:3]]
    subject = unit_terms(subject_phrase(query))
    if any(speaks_of(subject, bag) for bag in bags):
        return False
    outside = decision.outside if decision is not None else 0.0
    if subject and outside >= SUBJECT_OUTSIDE_SHARE and not decision_names_topic(decision):
        return True
    if len(terms) < 2:
        return False
    found: set[str] = set().union(*bags) if bags else set()
    return len(terms & found) / len(terms) < MIN_COVERAGE
