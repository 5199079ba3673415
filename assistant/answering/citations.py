"""Citations are data: an answer cites evidence ids, and only ids that were really retrieved.

`CitationBook` numbers the passages an answer uses ([1], [2], …) and maps each number back to
its document, section label, page and quoted passage. Markers in a generated text that point to
no retrieved passage are removed, as paper-qa does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from assistant.answer import Citation
from ingest.models import Chunk
from knowledge.hybrid import Evidence

_MARKER = re.compile(r"\s?\[(\d+)\]")


class CitationBook:
    """The passages an answer may cite, numbered in the order they are first used."""

    def __init__(
        self, titles: dict[str, str] | None = None, locate: Callable[[str, str], Chunk | None] | None = None
    ) -> None:
        self._titles = titles or {}
        self._locate = locate
        self._by_key: dict[tuple[str, str, str], int] = {}
        self._citations: list[Citation] = []
        self._lead: Evidence | None = None

    def cite(self, evidence: Evidence, quote: str | None = None) -> int:
        """Number of the citation for this passage (and each source it stands for); adds it once."""
        first = 0
        self._lead = self._lead or evidence
        for document, section in evidence.sources or [(evidence.document, evidence.section)]:
            key = (evidence.id, document, section)
            if key in self._by_key:
                first = first or self._by_key[key]
                continue
            number = first or len({c.number for c in self._citations}) + 1
            chunk = evidence.chunk
            if document == evidence.document:
                label, source = evidence.citation, chunk
            else:  # the avenant article a consolidated passage comes from: its own page and path
                label = _avenant_label(section)
                source = (self._locate(document, section) if self._locate else None) or chunk
            self._citations.append(
                Citation(
                    number=number,
                    evidence_id=evidence.id,
                    document=document,
                    section=label,
                    page=source.page_start,
                    quote=(quote or chunk.text).strip(),
                    title=self._titles.get(document, document),
                    path=source.section_path,
                    page_end=source.page_end,
                )
            )
            self._by_key[key] = number
            first = first or number
        return first

    @property
    def lead(self) -> Evidence | None:
        """The passage cited first: the one the answer's lead sentence quotes (citation [1]), None before any."""
        return self._lead

    @property
    def numbers(self) -> set[int]:
        return {c.number for c in self._citations}

    def citations(self) -> list[Citation]:
        return list(self._citations)


def _avenant_label(section: str) -> str:
    return f"Article {section}" if section[:1].isdigit() else section or "Texte"


def drop_unknown_markers(text: str, known: Iterable[int]) -> str:
    """Remove [n] markers whose number is not a retrieved passage's citation number."""
    allowed = set(known)
    return _MARKER.sub(lambda m: m.group(0) if int(m.group(1)) in allowed else "", text)


def markers_in(text: str) -> list[int]:
    return [int(n) for n in _MARKER.findall(text)]
