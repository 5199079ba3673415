"""Types produced by ingestion: what a parsed agreement looks like to the rest of the product."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

PATH_SEPARATOR = " › "


@dataclass(frozen=True)
class DocumentInfo:
    """One entry of the corpus manifest: who signed what, when, and what it amends."""

    document: str
    title: str
    kind: str = "accord"
    file: str = ""
    idcc: str = "218"
    signed: str | None = None
    in_force: str | None = None
    nor: str | None = None
    amends: str | None = None
    pages: int | None = None


@dataclass(frozen=True)
class Section:
    """A unit of the agreement's own structure (article, sub-article, annex, CQP heading).

    `path` is the chain of headings from the top of the document, e.g.
    ("Titre II", "Article 4", "4.3"); `number` is what citations use ("4.3", "Annexe 1", or
    "" for unnumbered parts such as a preamble or a web page heading).
    """

    document: str
    number: str
    title: str
    text: str
    page_start: int
    page_end: int
    path: tuple[str, ...] = ()
    ordinal: int = 0
    has_table: bool = False
    paragraph_pages: tuple[int, ...] = ()  # page where each "\n\n"-separated paragraph starts
    trail: tuple[str, ...] = ()  # the path with each heading's title, the context of every chunk

    @property
    def trail_label(self) -> str:
        return PATH_SEPARATOR.join(self.trail) if self.trail else self.path_label

    @property
    def path_label(self) -> str:
        return PATH_SEPARATOR.join(self.path) if self.path else self.title

    @property
    def label(self) -> str:
        """Human citation label: "Article 4.3", "Annexe 1", or the heading title."""
        return section_label(self.number, self.title)


def section_label(number: str, title: str = "") -> str:
    if not number:
        return title or "Texte"
    if number.lower().startswith(("annexe", "préambule", "titre")):
        return number
    if number[0].isdigit():
        return f"Article {number}"
    return number


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage: never crosses a section boundary, keeps the section's context."""

    document: str
    section_number: str
    section_title: str
    section_path: str
    text: str
    page_start: int
    page_end: int
    ordinal: int
    section_ordinal: int = 0
    metadata: dict[str, str | int | float | bool] = field(default_factory=dict, compare=False)

    @property
    def id(self) -> str:
        """Stable id: same document, section and text give the same id across re-indexing."""
        digest = hashlib.sha1(f"{self.document}|{self.section_number}|{self.ordinal}|{self.text}".encode()).hexdigest()[
            :12
        ]
        return f"{self.document}:{self.section_number or 'sec'}:{self.ordinal}:{digest}"

    @property
    def label(self) -> str:
        return section_label(self.section_number, self.section_title)

    @property
    def context_text(self) -> str:
        """The text given to embedders and the keyword index: heading path, then passage."""
        return f"{self.section_path}\n{self.text}" if self.section_path else self.text


@dataclass(frozen=True)
class ParsedDocument:
    """A whole PDF after parsing: its manifest entry, sections in reading order, page count."""

    info: DocumentInfo
    sections: tuple[Section, ...]
    page_count: int
    content_hash: str

    @property
    def document(self) -> str:
        return self.info.document


class IngestError(Exception):
    """A file that cannot be ingested; the message names the file and the reason."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason
