"""Synthetic corpus for the scale benchmark: *variants* of the real parsed documents.

Growing the real corpus by copying it verbatim would flatter BM25 (identical posting lists, exact
duplicates that tie) and make no realistic competition for the real passages. Each variant keeps
the structure of the agreement but renumbers its articles, changes figures (amounts, durations,
percentages), swaps organisation names and recombines paragraphs across sections, so the index
sees a realistic vocabulary and near-duplicate passages compete with the real ones. Variants are
seeded per document and index, so a given checkpoint always holds the same corpus.
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections.abc import Iterator, Sequence

from ingest.models import DocumentInfo, ParsedDocument

ORGANISATIONS = (
    "Urssaf",
    "CPAM",
    "CAF",
    "Carsat",
    "CGSS",
    "Ucanss",
    "Cnam",
    "Cnaf",
    "Acoss",
    "CNAV",
    "MSA",
    "UGECAM",
)
_ORG_RE = re.compile(r"\b(" + "|".join(ORGANISATIONS) + r")\b")
_NUMBER_RE = re.compile(r"(?<![\w.,])(\d{1,4})(?:,(\d+))?(?![\w])")
_LEADING_NUMBER_RE = re.compile(r"^(\D*?)(\d+)")


def _perturb_number(match: re.Match[str], rng: random.Random) -> str:
    if rng.random() < 0.4:
        return match.group(0)  # many figures stay (legal texts share them)
    whole = int(match.group(1))
    if 1900 <= whole <= 2100:  # a year
        new = whole + rng.randint(-3, 3)
    else:
        new = max(0, whole + rng.randint(-max(1, whole // 3), max(1, whole // 3) + 1))
    decimals = match.group(2)
    return f"{new},{rng.randint(0, 10 ** len(decimals) - 1):0{len(decimals)}d}" if decimals else str(new)


def _renumber(label: str, offset: int) -> str:
    """ "4.3" → "6.3", "Article 4" → "Article 6"; annexes and unnumbered headings stay."""
    if not offset or label.lower().startswith(("annexe", "préambule")):
        return label
    return _LEADING_NUMBER_RE.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + offset}", label, count=1)


def _perturb_text(text: str, rng: random.Random, pool: Sequence[str]) -> str:
    text = _NUMBER_RE.sub(lambda m: _perturb_number(m, rng), text)
    text = _ORG_RE.sub(lambda _m: rng.choice(ORGANISATIONS), text)
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) > 1 and rng.random() < 0.2:
        paragraphs.pop(rng.randrange(len(paragraphs)))
    if pool and rng.random() < 0.35:  # recombine: a paragraph from elsewhere in the corpus
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), rng.choice(pool))
    return "\n\n".join(paragraphs) or text


def paragraph_pool(docs: Sequence[ParsedDocument]) -> list[str]:
    """Non-table paragraphs of the real corpus, the material variants recombine."""
    return [
        p.strip()
        for doc in docs
        for section in doc.sections
        for p in section.text.split("\n\n")
        if 40 <= len(p.strip()) <= 900 and not p.startswith("[")
    ]


def make_variant(doc: ParsedDocument, index: int, pool: Sequence[str], seed: int = 218) -> ParsedDocument:
    """Variant `index` of a real document: renumbered, figures and names changed, recombined."""
    rng = random.Random(f"{seed}:{doc.document}:{index}")
    offset = rng.randint(0, 3)
    document = f"{doc.document}--v{index:04d}"
    sections = tuple(
        dataclasses.replace(
            section,
            document=document,
            number=_renumber(section.number, offset),
            path=tuple(_renumber(part, offset) for part in section.path),
            text=_perturb_text(section.text, rng, pool),
            paragraph_pages=(),
        )
        for section in doc.sections
    )
    info: DocumentInfo = dataclasses.replace(
        doc.info, document=document, title=f"{doc.info.title} (variante {index})", file="", amends=None
    )
    return ParsedDocument(
        info=info, sections=sections, page_count=doc.page_count, content_hash=f"v{index}-{doc.content_hash}"
    )


def variants(docs: Sequence[ParsedDocument], start: int, stop: int) -> Iterator[list[ParsedDocument]]:
    """Copies `start`..`stop - 1` of the whole corpus, one list at a time; copy 0 is the real one."""
    pool = paragraph_pool(docs)
    for index in range(start, stop):
        yield list(docs) if index == 0 else [make_variant(doc, index, pool) for doc in docs]
