"""An entry of a list, a table or an annex named by its acronym: its passage leads (issue #13, lookup30).

The texts hold their lists as rows ("– DAMC : dispositif d'accès aux métiers de contrôle — Famille
professionnelle : 02 …", "Le diplôme d'État d'accompagnant éducatif et social (DEAES) …"). A question naming
one entry by its acronym also says where the entry sits ("le DAMC qu'on voit sur la liste des certifications
Pro-A, ça désigne quoi ?"), and those other words ("liste", "certifications", "Pro-A") are the words of the
articles about the list: the search ranks article 2.2 or 2.3 first and the composer answers from it, while
the one passage that holds "DAMC" comes fifth or not at all (a table passage is long, BM25 discounts it).

An acronym is a name, not a subject: a rare one (in the passages of one or two sections of the texts) says which
passage the question is about. So when the question writes such an acronym in capitals and the lead passage
does not hold it, the passages that do are searched by the acronym alone and put first; the composer then
picks the row among them by the question's words as it does when the table passage leads. A common acronym
(RNCP, CQP, CPF, OPCO: in many sections) names no entry and changes nothing; an acronym the texts never write
("CESF") neither: nothing is read from a list of names, only from the texts' own words.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from assistant.settings import get_settings
from knowledge.everyday import corpus_sections
from knowledge.hybrid import Evidence

log = logging.getLogger(__name__)
T = TypeVar("T")

# a word written in capitals, three letters or more ("DAMC", "DEAES", "DEES"); "Pro-A" and "CQP GC" are not
# acronyms of one entry, and two letters ("AS", "GC") are too often a word's abbreviation
_ACRONYM = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý]{3,}(?![\w-])")
# an acronym defined: "(DEES)" after its name, or "DAMC :" opening a row
_DEFINED = re.compile(r"\(([A-ZÀ-Ý]{3,})\)|(?:^|[–-] )([A-ZÀ-Ý]{3,}) :")
_ROW_MARKS = ("–", "-", "•")
# how many passages are asked for by the acronym alone, and in how many sections it may stand to name one entry
DEPTH = 8
MAX_SECTIONS = 1


def acronyms(question: str) -> list[str]:
    """The words the question writes in capitals, in its order, once each (a question written all in capitals
    names nothing by them)."""
    if question.upper() == question:
        return []
    return list(dict.fromkeys(_ACRONYM.findall(question)))


@lru_cache(maxsize=2)
def _entry_acronyms(corpus_dir: Path) -> frozenset[str]:
    """The acronyms that name an entry of the texts' lists: defined ("(DEES)", "DAMC :") on a list or table row,
    and standing in capitals in at most `MAX_SECTIONS` sections (an article and its consolidated version count
    once). "CDI", "CPF", "CPAM" are written by users but defined by no row: they name no entry. Measured on the
    released sets (docs/evaluation/lookup30.md): an acronym defined in an annex's prose ("DEAES", "UGECAM") or
    standing in two sections ("AES": the avenant's row and the annex named after it) moved passages that were not
    the one asked (the moniteur éducateur's row behind the DEAES of the conversation's first question)."""
    try:
        texts = corpus_sections(corpus_dir)
    except (OSError, ValueError):
        log.warning("shipped parse unreadable in %s: no acronym names a list entry", corpus_dir)
        return frozenset()
    places: dict[str, set[tuple[str, str]]] = {}
    defined: set[str] = set()
    for (document, number, _), text in texts.items():
        for acronym in set(_ACRONYM.findall(text)):
            places.setdefault(acronym, set()).add((document, number))
        for line in text.splitlines():
            if line.lstrip().startswith(_ROW_MARKS):
                # the row's own name, before its columns ("– DAMC : … — Famille professionnelle : …; … (CCN)")
                defined.update(a or b for a, b in _DEFINED.findall(line.split(" — ")[0]))
    return frozenset(a for a in defined if len(places.get(a, ())) <= MAX_SECTIONS)


def rare_acronyms(question: str) -> list[str]:
    """The acronyms of the question that stand in one to `MAX_SECTIONS` sections of the texts: each names one
    entry (a common one, or one the texts never write, names none)."""
    entries = _entry_acronyms(get_settings().corpus_dir)
    return [a for a in acronyms(question) if a in entries]


def holds(text: str, acronym: str) -> bool:
    """The passage writes the acronym as a word of its own, in capitals ("(DEAES)", "DAMC :")."""
    return re.search(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text) is not None


def entry_passages(acronym: str, search: Callable[..., list[Evidence]]) -> list[Evidence]:
    """The passages holding an acronym, best first, searched by the acronym alone (its words only)."""
    return [e for e in search(acronym, DEPTH, mode="bm25") if holds(e.chunk.text, acronym)]


def entry_first(question: str, evidence: Sequence[Evidence], search: Callable[..., list[Evidence]]) -> list[Evidence]:
    """`evidence` with the passages holding the rare acronym the question names first, when the lead does not
    hold it; unchanged otherwise (no acronym, a common one, or the lead already names the entry)."""
    ordered = list(evidence)
    if not ordered:
        return ordered
    for acronym in rare_acronyms(question):
        if holds(ordered[0].chunk.text, acronym):
            return ordered
        entries = entry_passages(acronym, search)
        if entries:
            ids = {e.id for e in entries}
            kept = [e for e in ordered if e.id in ids] or entries
            return kept + [e for e in ordered if e.id not in {k.id for k in kept}]
    return ordered


def entry_led(question: str, ranked: list[T], text: Callable[[T], str]) -> list[T]:
    """The composer's ranking with the best-ranked passage holding the rare acronym the question names first,
    when the first does not hold it: the learnt order weighs the retrieval's ranks, which the question's other
    words decided ("numéro de fiche au répertoire" → the CQP pages' RNCP sentences for "le DEAES")."""
    for acronym in rare_acronyms(question):
        if not ranked or holds(text(ranked[0]), acronym):
            return ranked
        holder = next((n for n, item in enumerate(ranked) if holds(text(item), acronym)), None)
        if holder is not None:
            return [ranked[holder], *ranked[:holder], *ranked[holder + 1 :]]
    return ranked
