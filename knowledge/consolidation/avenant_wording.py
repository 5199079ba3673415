"""The new wording an avenant carries, read from its parsed text: « … » quotations, articles, list rows.

The amendment description only says where the wording is (avenant article, which quotation); the
words themselves are always read from the parsed avenant, never copied into code or data, so a
consolidated article says exactly what the signed text says.
"""

from __future__ import annotations

import re

from ingest.models import ParsedDocument, Section
from knowledge.consolidation.amendments import ConsolidationError, Operation
from text.folding import compact

_HEADING = re.compile(r"^\s*Article\s+(\d+(?:\.\d+)*)(?:er)?\s*[|:–—-]\s*(.+?)\s*$")
_TOP_ARTICLE = re.compile(r"^\d+$")


def extract_quotes(text: str) -> list[str]:
    """The « … » quotations of a text, outermost only (nested ones stay inside), cleaned."""
    quotes: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch == "«":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "»" and depth:
            depth -= 1
            if depth == 0:
                quotes.append(_clean(text[start:i]))
    if depth:  # an unclosed quotation runs to the end of the article
        quotes.append(_clean(text[start:]))
    return quotes


def _clean(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


fold_compact = compact  # accent-free, case-folded, no white space: wording across line breaks


def article_text(avenant: ParsedDocument, number: str) -> tuple[str, Section]:
    """Full text of an avenant article, including any sub-sections the parser split off."""
    sections = list(avenant.sections)
    for i, section in enumerate(sections):
        if section.number == number:
            parts = [section.text]
            for inner in sections[i + 1 :]:
                if _TOP_ARTICLE.match(inner.number) or inner.number.lower().startswith("annexe"):
                    break
                heading = f"Article {inner.number} | {inner.title}" if inner.number else inner.title
                parts.append(f"{heading}\n{inner.text}" if heading else inner.text)
            return "\n\n".join(p for p in parts if p), section
    raise ConsolidationError(f"{avenant.document}: article {number!r} introuvable")


def quoted_wording(avenant: ParsedDocument, op: Operation) -> tuple[str, Section]:
    text, section = article_text(avenant, op.source)
    quotes = extract_quotes(text)
    if len(quotes) < op.quote:
        raise ConsolidationError(
            f"{avenant.document}, art. {op.source}: citation « … » n° {op.quote} introuvable ({len(quotes)} trouvée(s))"
        )
    return quotes[op.quote - 1], section


def split_headed_articles(text: str, default_number: str) -> list[tuple[str, str, str]]:
    """Split quoted wording on "Article N | Titre" lines → [(number, title, body)]."""
    parts: list[tuple[str, str, list[str]]] = []
    for line in text.splitlines():
        match = _HEADING.match(line)
        if match:
            parts.append((match.group(1), match.group(2), []))
        elif parts:
            parts[-1][2].append(line)
        else:
            parts.append((default_number, "", [line]))
    return [(n, t, _clean("\n".join(body))) for n, t, body in parts]
