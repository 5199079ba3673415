"""Sections → chunks, as a pure function.

Why these sizes: the default embedder (multilingual-e5-small) reads at most 512 tokens, about
1,500 characters of French; the heading path is prepended to every chunk, so passages are kept
under ~1,100 characters. Articles of these agreements are short (a few paragraphs), so most
sections give one chunk, which is also the unit a citation quotes. Paragraphs are never split
unless one alone exceeds the limit (then at sentence ends), and a table is always one chunk.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.models import Chunk, Section
from ingest.tables import TABLE_MARKER

MAX_CHARS = 1100
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+(?=[A-ZÀÂÉÈÊÎÔÛÇ«–])")


def _split_long(paragraph: str, max_chars: int) -> list[str]:
    if len(paragraph) <= max_chars or paragraph.startswith(TABLE_MARKER):
        return [paragraph]
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(paragraph):
        if current and len(current) + 1 + len(sentence) > max_chars:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        pieces.append(current)
    return pieces


def chunk_section(section: Section, max_chars: int = MAX_CHARS) -> list[Chunk]:
    """Greedy packing of whole paragraphs; a table paragraph always stands alone."""
    raw_paragraphs = section.text.split("\n\n")
    pages = list(section.paragraph_pages) or [section.page_start] * len(raw_paragraphs)
    if len(pages) != len(raw_paragraphs):
        pages = [section.page_start] * len(raw_paragraphs)
    paragraphs: list[tuple[str, int]] = [
        (piece, page)
        for raw, page in zip(raw_paragraphs, pages)
        for piece in _split_long(raw.strip(), max_chars)
        if piece
    ]
    groups: list[list[str]] = []
    group_pages: list[list[int]] = []
    size = 0
    for paragraph, page in paragraphs:
        is_table = paragraph.startswith(TABLE_MARKER)
        if (
            groups
            and not is_table
            and size + 2 + len(paragraph) <= max_chars  # "\n\n" joins it to the group
            and not groups[-1][-1].startswith(TABLE_MARKER)
        ):
            groups[-1].append(paragraph)
            group_pages[-1].append(page)
            size += len(paragraph) + 2
        else:
            groups.append([paragraph])
            group_pages.append([page])
            size = len(paragraph)
    return [
        Chunk(
            document=section.document,
            section_number=section.number,
            section_title=section.title,
            section_path=section.trail_label,
            text="\n\n".join(group),
            page_start=min(group_pages[i]),
            page_end=max(group_pages[i]) if i + 1 < len(groups) else max(section.page_end, *group_pages[i]),
            ordinal=i,
            section_ordinal=section.ordinal,
        )
        for i, group in enumerate(groups)
    ]


def chunk_sections(sections: Sequence[Section], max_chars: int = MAX_CHARS) -> list[Chunk]:
    """Chunks of all sections in reading order; none crosses a section boundary."""
    return [chunk for section in sections for chunk in chunk_section(section, max_chars)]
