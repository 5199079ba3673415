"""The words of a whole section of the shipped texts, for checking that a question is that section's matter (#13 p2).

Why: the section model's first section answers a would-be refusal under its confidence only when the question's
words are that section's (`glossary_places.section_covers`, prop15). Those words were read from the section's first
three passages among the ones retrieved, so a question in everyday words found only the part of the article the
search happened to rank: "qui choisit la formation que l'on me doit" is art. 8's matter ("la formation est choisie
d'un commun accord"), but the passage retrieved was the article's first one. An article's matter is all its
sentences, however the chunker cut them; the whole text is read here, once per process, from the shipped parse
(`knowledge.everyday.corpus_sections`, keyed as the glossary's rows and the section model's sections are).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from assistant.answering.units import PREFIX, unit_terms
from assistant.routing.extraction.folding import fold
from assistant.settings import get_settings
from knowledge.everyday import corpus_sections, shipped_glossary
from knowledge.french import analyze

log = logging.getLogger(__name__)

SectionKey = tuple[str, str, str]


def section_terms(key: SectionKey) -> frozenset[str]:
    """The terms (`units.unit_terms`, as the question's are read) of the section `key`'s title and whole text, with
    those of its everyday glossary rows (`knowledge.everyday`, read as `corpus_words.glossed_sequences` reads them for
    a retrieved passage); empty for a section the shipped parse does not hold (an uploaded document's)."""
    return _section_terms(get_settings().corpus_dir).get(key, frozenset()) | _glossary_terms(key)


@lru_cache(maxsize=512)
def _glossary_terms(key: SectionKey) -> frozenset[str]:
    rows = shipped_glossary().rows_of(*key)
    return frozenset(t[:PREFIX] for row in rows for item in (*row.terms, *row.questions) for t in analyze(fold(item)))


@lru_cache(maxsize=2)
def _section_terms(corpus_dir: Path) -> dict[SectionKey, frozenset[str]]:
    try:
        texts = corpus_sections(corpus_dir)
    except (OSError, ValueError, KeyError):
        log.warning("shipped parse unreadable in %s: sections read from their retrieved passages only", corpus_dir)
        return {}
    return {key: frozenset(unit_terms(f"{key[2]}\n{text}")) for key, text in texts.items()}
