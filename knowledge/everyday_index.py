"""The everyday glossary as a keyword field of the passages: everyday words find the section they gloss.

Why (issues #13 point 2, #21): BM25 over the texts cannot find "la prime quand j'anime des sessions
pour les collègues" in an article that says "formateur interne à titre accessoire". Each passage gets
a second, separate keyword document: the glossary terms and questions of its section
(`knowledge.everyday`). Its ranking is fused with the text's BM25 and the dense ranking at a lower
weight than either (`hybrid.DEFAULT_WEIGHTS["glossary"]`), so the texts' own words still decide when
the question uses them; the glossary only adds candidates and lifts the glossed section. The passage
quoted is always the section's own text.

A consolidated passage (the agreement as amended) is glossed by the row of its number and title in
force, else by the row of its number as published, else by the avenant article that wrote it.
"""

from __future__ import annotations

from collections.abc import Iterable

from ingest.models import Chunk
from knowledge.everyday import Glossary, GlossaryRow, shipped_glossary
from knowledge.keyword import BM25Index


def section_rows(chunk: Chunk, glossary: Glossary) -> list[GlossaryRow]:
    """The glossary rows of the section a passage belongs to (empty for an uploaded text)."""
    rows = glossary.rows_of(chunk.document, chunk.section_number, chunk.section_title)
    if rows or not chunk.metadata.get("consolidated"):
        return rows
    original = str(chunk.metadata.get("original_number") or "")
    if original:
        rows = glossary.rows_of(chunk.document, original, chunk.section_title)
        if rows:
            return rows
    amended_by = [d for d in str(chunk.metadata.get("amended_by") or "").split(",") if d]
    sections = [s for s in str(chunk.metadata.get("amended_by_sections") or "").split(",") if s]
    if len(amended_by) == 1:
        return [row for s in sections for row in glossary.rows_of(amended_by[0], s)]
    return []


def glossary_texts(chunks: Iterable[Chunk], glossary: Glossary | None = None) -> list[str]:
    """One keyword document per passage: its section's glossary terms and questions ("" when none)."""
    glossary = shipped_glossary() if glossary is None else glossary
    return [" ; ".join(row.text for row in section_rows(c, glossary)) for c in chunks]


def glossary_index(chunks: Iterable[Chunk], glossary: Glossary | None = None) -> BM25Index | None:
    """The BM25 index of the passages' glossary documents, or None when no passage has one."""
    texts = glossary_texts(chunks, glossary)
    return BM25Index(texts) if any(texts) else None
