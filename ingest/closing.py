"""A text's closing parts — its signature block and what follows it — as parts of their own.

A convention ends its last article, then lays out where and how it is signed ("Fait en (x)
exemplaires, à …, le …" and one "Pour l'organisme …, (nom et qualité du signataire)" line per
party), then may list what it refers to under a heading of capitals ("DOCUMENTS DE REFERENCE").
None of these is set as a heading, so the parse left them inside the last article: the CQP COS
convention's art. 15 ("Différends éventuels") held its signature lines and its list of reference
documents, and a question on either was answered "article 15", a question on art. 15 quoted them.

The signature block is told by its drafting, not by a document's words: a closing formula
("Fait à …" / "Fait en …") *followed by signatory lines* ("Pour le / la / l' / les …"). A closing
formula alone ("Fait à Montreuil, le 19 décembre 2019. (Suivent les signatures.)", the accord's and
the avenant's) lays out no block: it stays the last sentence of its article. After a block, a
paragraph written in capitals only, short and without a sentence's end, is the heading of the next
part ("DOCUMENTS DE REFERENCE" and its list).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ingest.models import Section

SIGNATURES_TITLE = "Signatures"
_CLOSING_FORMULA = re.compile(r"^Fait\s+(à|a|en)\b", re.IGNORECASE)
_SIGNATORY = re.compile(r"^Pour\s+(l['’]|les?\s|la\s)", re.IGNORECASE)
_MAX_HEADING_CHARS = 80


def is_capitals_heading(paragraph: str) -> bool:
    """A short paragraph in capitals only, not a sentence ("DOCUMENTS DE REFERENCE")."""
    text = paragraph.strip()
    letters = [c for c in text if c.isalpha()]
    return (
        0 < len(text) <= _MAX_HEADING_CHARS
        and len(letters) >= 4
        and all(c.isupper() for c in letters)
        and not text.endswith((".", ";", ","))
    )


def _signature_start(paragraphs: Sequence[str]) -> int | None:
    """Index of the closing formula that opens a signature block (signatory lines right after it)."""
    for i, paragraph in enumerate(paragraphs):
        if _CLOSING_FORMULA.match(paragraph) and i + 1 < len(paragraphs) and _SIGNATORY.match(paragraphs[i + 1]):
            return i
    return None


def _part(section: Section, title: str, paragraphs: Sequence[str], pages: Sequence[int]) -> Section:
    return replace(
        section,
        number="",
        title=title,
        text="\n\n".join(paragraphs),
        page_start=pages[0] if pages else section.page_start,
        page_end=max(pages) if pages else section.page_end,
        path=(title,),
        trail=(title,),
        has_table=False,
        paragraph_pages=tuple(pages),
    )


def split_closing(sections: Sequence[Section]) -> list[Section]:
    """The sections with any signature block (and the capitals-headed parts after it) set apart."""
    out: list[Section] = []
    for section in sections:
        paragraphs = section.text.split("\n\n")
        start = _signature_start(paragraphs)
        if start is None or start == 0 or len(section.paragraph_pages) != len(paragraphs):
            out.append(section)
            continue
        pages = list(section.paragraph_pages)
        body = paragraphs[:start]
        text, kept_pages = "\n\n".join(body), tuple(pages[:start])
        out.append(replace(section, text=text, paragraph_pages=kept_pages, page_end=pages[start - 1]))
        title = SIGNATURES_TITLE
        block: list[str] = []
        block_pages: list[int] = []
        for paragraph, page in zip(paragraphs[start:], pages[start:], strict=True):
            if block and is_capitals_heading(paragraph):
                out.append(_part(section, title, block, block_pages))
                title, block, block_pages = paragraph.strip(), [], []  # the next part
                continue
            block.append(paragraph)
            block_pages.append(page)
        if block:
            out.append(_part(section, title, block, block_pages))
    return [replace(s, ordinal=n) for n, s in enumerate(out)]
