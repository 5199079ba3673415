"""The passages behind a rule the assistant applied rather than retrieved: the articles a calculator or
a skill names (`Reference`), and the article a clarification points the user to.

A calculation, a skill's reply and a clarification do not start from a search on the question: they
know which article decides (a calculator's references) or which rule they ask about. Each still cites
the texts like a retrieval answer, so the article is searched for, matched by its section number, and
cited with the sentences of it nearest the question. One home for the three steps of `assistant.service`
that do so, instead of the same loop written twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answering.citations import CitationBook
from assistant.answering.composer import select_units
from calculators.result import Reference
from knowledge.hybrid import Evidence

Search = Callable[..., list[Evidence]]  # the service's search: (query, k, document=…) -> passages
Passages = dict[tuple[str, str], Evidence]  # by (document, section) of the reference


def reference_passages(search: Search, refs: list[Reference], query: str) -> Passages:
    """For each (document, section) the references name, the first passage found of that section
    (or of a sub- or parent section); a reference whose section is not found is left out."""
    found: Passages = {}
    for ref in refs:
        key = (ref.document, ref.section)
        if key in found:
            continue
        hits = search(f"{ref.label} {query}", 15, document=ref.document)
        for e in hits:
            if key in e.sources or _same_section(e.section, ref.section):
                found[key] = e
                break
    return found


def cite_passages(book: CitationBook, passages: Passages, query: str) -> dict[tuple[str, str], int]:
    """Each passage cited in `book` (`cite_nearest`): its citation number by key."""
    return {key: cite_nearest(book, evidence, query) for key, evidence in passages.items()}


def cite_nearest(book: CitationBook, evidence: Evidence, query: str) -> int:
    """`evidence` cited in `book` with its sentences nearest `query` (the whole passage when none is)."""
    units = select_units(query, evidence.chunk.text)
    return book.cite(evidence, "\n".join(u.text for u in units) or None)


def stating(evidence: list[Evidence], clarification: str | None) -> Evidence:
    """Of the passages found for a clarified question, the one that states the rule the clarification
    applies ("…si vous n'avez pas atteint le grade de la licence" → the beneficiaries' article, not the
    scheme's purpose): the most words of 5 letters or more in common, the search order on a tie."""

    def words(text: str) -> set[str]:
        return set(re.findall(r"[a-zà-ÿ]{5,}", text.lower()))

    asked = words(clarification or "")
    return max(evidence, key=lambda e: (len(asked & words(e.chunk.text)), -evidence.index(e)))


def _same_section(got: str, want: str) -> bool:
    if not got or not want:
        return False
    return got == want or got.startswith(want + ".") or want.startswith(got + ".")
