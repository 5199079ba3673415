"""Sections → chunks, as a pure function.

Why these sizes: the default embedder (multilingual-e5-small) reads at most 512 tokens, about
1,500 characters of French; the heading path is prepended to every chunk, so passages are kept
under ~1,100 characters. Articles of these agreements are short (a few paragraphs), so most
sections give one chunk, which is also the unit a citation quotes. Paragraphs are never split
unless one alone exceeds the limit (then at sentence ends), and a table is never split. A table starts a chunk,
with the sentence announcing it ("Les participants, salariés de l'organisme bénéficiaire, seront :") and the
short form lines after it ("Nombre total de stagiaires : ....."): left alone, such a line was a passage of a
heading and a few words, which the dense ranking put first for any question on its text (the CQP COS
convention's "Article 9 – Dispositions financières / Articulation des coûts … :" led its questions on articles
3, 5, 10 and 12).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.models import Chunk, Section
from ingest.tables import TABLE_MARKER

MAX_CHARS = 1100
# A line this short after a table, in the same section, is the form's own line (a total to fill in, a row set as
# text), not a passage of its own.
FORM_LINE = 120
_FORM_END = re.compile(r"(?:\.{3,}|[^.!?;:…])\s*$")
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


def _announces(paragraph: str) -> bool:
    """A sentence that announces what follows ("… seront :"), not a table itself."""
    return not paragraph.startswith(TABLE_MARKER) and paragraph.rstrip().endswith(":")


def _form_line(paragraph: str) -> bool:
    """A short line of a form, not a sentence: it ends in blanks to fill ("….."), or without a sentence's end."""
    return len(paragraph) <= FORM_LINE and _FORM_END.search(paragraph) is not None


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
        after_table = bool(groups) and groups[-1][-1].startswith(TABLE_MARKER)
        if is_table and groups and _announces(groups[-1][-1]):
            # the sentence announcing the table ("Les participants … seront :") goes with it: alone, it is a
            # passage that says nothing of its own and ranks on its heading for any question on the text
            lead, lead_page = groups[-1].pop(), group_pages[-1].pop()
            if not groups[-1]:
                groups.pop()
                group_pages.pop()
            groups.append([lead, paragraph])
            group_pages.append([lead_page, page])
            size = len(lead) + 2 + len(paragraph)
        elif groups and not is_table and after_table and _form_line(paragraph):
            # a form's line after its table ("Nombre total de stagiaires : .....") belongs to the table
            groups[-1].append(paragraph)
            group_pages[-1].append(page)
            size += len(paragraph) + 2
        elif (
            groups
            and not is_table
            and size + 2 + len(paragraph) <= max_chars  # "\n\n" joins it to the group
            and not after_table
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
