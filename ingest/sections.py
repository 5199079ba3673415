"""Pages of lines → the agreement's own structure (Titre, Article, 4.3, Annexe, CQP headings).

Two layouts exist in the corpus. BOCC-style agreements (the protocole and its avenant) mark
headings in bold at body size: "Titre II …", "Article 4 | Tutorat", "4.3. …", "Annexe 1 …".
Web-page-style documents use bigger bold headings (h1–h3), with roman-numbered parts in the
circular and "Article N : …" in the model convention. Text quoted by an avenant (« … ») stays
inside the avenant article that carries it, even when the quote contains "Article 9.1 | …".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.models import Section
from ingest.pdf_reader import Block, TableBlock, TextLine
from ingest.tables import TABLE_MARKER, render_table, rows_from_linear_cells
from ingest.text_cleaning import (
    clean_text,
    document_words,
    find_running_keys,
    hyphenated_words,
    is_page_number,
    join_hyphenated,
    running_line_key,
)

MARGIN_SHARE = 0.07  # top/bottom share of the page where running headers and folios live

_TITRE = re.compile(r"^Titre\s+(Ier|premier|[IVXLC]+)\b\s*[.:–-]?\s*(.*)$", re.IGNORECASE)
_ARTICLE_PIPE = re.compile(r"^Article\s+(\d+)(?:er)?((?:\.\d+)*)\s*\|\s*(.*)$")
_ARTICLE_COLON = re.compile(r"^Article\s+(\d+)(?:er)?\s*:\s*(.*)$")
_SUB_ARTICLE = re.compile(r"^(\d+(?:\.\d+)+)\.?\s+(\S.*)$")
_ANNEXES = re.compile(r"^Annexes$", re.IGNORECASE)
_ANNEXE = re.compile(r"^Annexe\s+(\d+|[IVX]+)\b\s*[.:–-]?\s*(.*)$", re.IGNORECASE)
_ROMAN_PART = re.compile(r"^([IVXL]+)\s*[–—-]\s*(.+)$")
_PREAMBLE = re.compile(r"^(Préambule|Conclusion)$", re.IGNORECASE)
# A numbered part of an annex ("2. Les textes de référence"): set in the body's weight in the avenant, so it
# is told from a numbered list item by its place only — inside an annex, the next number of the annex's parts.
_ANNEX_PART = re.compile(r"^(\d{1,2})\.\s+([A-ZÀÂÉÈÊÎÔÛÇ][^.;:]*)$")
_LIST_ITEM = re.compile(r"^[–—•\-]\s")
_LINEAR_TABLE_HEADER = re.compile(r"^Intitulé\s+Famille professionnelle", re.IGNORECASE)
_FAMILY_CELL = re.compile(r"^\d{2}\s*[–-]\s")
_SANCTION_END = re.compile(r"\(CQP\)|RNCP|\(CCN\)|Diplôme d.État|enseignement supérieur")
LINEAR_TABLE_COLUMNS = ("Intitulé", "Famille professionnelle", "Organisme de formation et sanction")


@dataclass(frozen=True)
class Heading:
    level: int
    number: str
    title: str
    crumb: str  # what the path shows for this heading


@dataclass
class _Draft:
    heading: Heading
    path: tuple[str, ...]
    page_start: int
    page_end: int
    paragraphs: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    has_table: bool = False
    quote_depth: int = 0
    trail: tuple[str, ...] = ()


def _titled(heading: Heading) -> str:
    """A crumb with its title ("Article 2 – Recours à … (Pro-A)"), so every passage knows its topic."""
    if heading.title and heading.title not in heading.crumb:
        return f"{heading.crumb} – {heading.title}"
    return heading.crumb


def strip_running_lines(pages: Sequence[Sequence[Block]]) -> list[list[Block]]:
    """Remove running headers, footers and folios; keep everything else in order."""

    def in_margin(line: TextLine) -> bool:
        band = line.page_height * MARGIN_SHARE
        return line.top < band or line.bottom > line.page_height - band

    margin_texts = [[b.text for b in page if isinstance(b, TextLine) and in_margin(b)] for page in pages]
    running = find_running_keys(margin_texts)
    kept: list[list[Block]] = []
    for page in pages:
        kept.append(
            [
                b
                for b in page
                if not (
                    isinstance(b, TextLine)
                    and in_margin(b)
                    and (running_line_key(b.text) in running or is_page_number(b.text))
                )
            ]
        )
    return kept


def detect_layout(lines: Sequence[TextLine]) -> str:
    """ "bocc" when bold "Article N | …" headings exist, else "web"."""
    return "bocc" if any(line.bold and _ARTICLE_PIPE.match(line.text) for line in lines) else "web"


def body_size(lines: Sequence[TextLine]) -> float:
    sizes = [line.size for line in lines if not line.bold]
    return max(set(sizes), key=sizes.count) if sizes else 10.0


def classify_heading(line: TextLine, layout: str, body: float) -> Heading | None:
    """Is this line a heading of the document's structure, and at which level?"""
    text = " ".join(line.text.split())
    if layout == "bocc":
        if not line.bold:
            return None
        if m := _TITRE.match(text):
            number = "Titre " + ("I" if m.group(1).lower() in {"ier", "premier"} else m.group(1).upper())
            return Heading(1, number, m.group(2), number)
        if m := _ARTICLE_PIPE.match(text):
            number = m.group(1) + m.group(2)
            return Heading(2 + m.group(2).count("."), number, m.group(3), f"Article {number}")
        if m := _SUB_ARTICLE.match(text):
            number = m.group(1)
            return Heading(2 + number.count("."), number, m.group(2), number)
        if _ANNEXES.match(text):
            return Heading(1, "Annexes", "Annexes", "Annexes")
        if m := _ANNEXE.match(text):
            number = f"Annexe {m.group(1)}"
            return Heading(2, number, m.group(2), number)
        if _PREAMBLE.match(text):
            return Heading(9, "", text, text)  # level fixed by context in the builder
        return None
    # Web-page layout.
    if m := _ARTICLE_COLON.match(text):
        if line.bold:
            return Heading(2, m.group(1), m.group(2), f"Article {m.group(1)}")
        return None
    if not line.bold or line.size < body + 0.9:
        return None
    if line.size >= body + 4:
        return Heading(0, "", text, text)
    if m := _ROMAN_PART.match(text):
        return Heading(1, m.group(1), m.group(2), f"{m.group(1)} – {m.group(2)}")
    if line.size >= body + 2:
        return Heading(1, "", text, text)
    return Heading(2, "", text, text)


def build_sections(pages: Sequence[Sequence[Block]], document: str, doc_title: str = "") -> list[Section]:
    """Turn the pages of one document into ordered sections with their text and pages."""
    pages = strip_running_lines(pages)
    lines = [b for page in pages for b in page if isinstance(b, TextLine)]
    if not lines and not any(isinstance(b, TableBlock) for page in pages for b in page):
        return []
    layout = detect_layout(lines)
    body = body_size(lines)
    compounds = hyphenated_words(" ".join(line.text for line in lines))
    builder = _Builder(document, layout, body, compounds, doc_title, document_words([line.text for line in lines]))
    for page in pages:
        for block in page:
            builder.feed(block)
    return builder.finish()


class _Builder:
    """Streams blocks into section drafts; one instance per document."""

    def __init__(
        self,
        document: str,
        layout: str,
        body: float,
        compounds: frozenset[str],
        title: str,
        words: frozenset[str] = frozenset(),
    ):
        self.document = document
        self.layout = layout
        self.body = body
        self.compounds = compounds
        self.words = words
        first = Heading(0, "", title or "En-tête", title or "En-tête")
        self.stack: list[Heading] = []
        self.current = _Draft(first, (), 1, 1)
        self.drafts: list[_Draft] = [self.current]
        self.para: list[str] = []
        self.para_page = 1
        self.last: TextLine | None = None
        self.last_gap = 12.0
        self.linear_cells: list[list[str]] | None = None  # cells of a BOCC single-column table
        self.linear_anchor: list[bool] = []
        self.linear_page = 1
        self.heading_open: TextLine | None = None  # to merge multi-line headings
        self.annex_parts = 0  # the last numbered part of the current annex ("3. Les conditions d'accès")

    # -- blocks ---------------------------------------------------------------------------
    def feed(self, block: Block) -> None:
        if isinstance(block, TableBlock):
            self._flush_paragraph()
            self._end_linear_table()
            text = render_table(block.rows)
            if text:
                self.current.paragraphs.append(text)
                self.current.pages.append(block.page)
                self.current.has_table = True
                self.current.page_end = max(self.current.page_end, block.page)
            self.heading_open = None
            return
        line = block
        text = " ".join(line.text.split())
        if self._continues_heading(line) and not _ROMAN_PART.match(text) and not _ARTICLE_COLON.match(text):
            self._extend_heading(text)
            self.last = line
            return
        quoted = self.layout == "bocc" and self.current.quote_depth > 0
        heading = None if quoted else classify_heading(line, self.layout, self.body) or self._annex_part(text)
        if heading is not None:
            self._flush_paragraph()
            self._end_linear_table()
            self._open_section(heading, line)
            self.heading_open = line
            self.last = line
            return
        self.heading_open = None
        if self.linear_cells is not None:
            self._feed_linear_cell(line, text)
            return
        if self.layout == "bocc" and _LINEAR_TABLE_HEADER.match(text):
            self._flush_paragraph()
            self.linear_cells = []
            self.linear_page = line.page
            self.last = line
            return
        self._feed_text(line, text)

    def _annex_part(self, text: str) -> Heading | None:
        """The next numbered part of the current annex ("1. Présentation du métier", then "2. …"), which the
        avenant sets in the body's weight: a heading only inside an annex and only as the number that follows
        the annex's last part, so a numbered list in the text is never taken for one."""
        annex = next((h for h in reversed(self.stack) if h.number.startswith("Annexe ")), None)
        m = _ANNEX_PART.match(text) if self.layout == "bocc" and annex is not None else None
        if m is None or annex is None or int(m.group(1)) != self.annex_parts + 1 or len(text) > 120:
            return None
        self.annex_parts += 1
        return Heading(3, annex.number, text, text)

    def _continues_heading(self, line: TextLine) -> bool:
        prev = self.heading_open
        return (
            prev is not None
            and line.bold
            and abs(line.size - prev.size) < 0.2
            and line.page == prev.page
            and 0 < line.top - prev.top < prev.size * 2.0
            and self.layout == "web"
        )

    def _extend_heading(self, text: str) -> None:
        h = self.current.heading
        title = f"{h.title} {text}".strip()
        crumb = f"{h.crumb} {text}".strip()
        self.current.heading = Heading(h.level, h.number, title, crumb)
        self.current.path = (*self.current.path[:-1], crumb) if self.current.path else (crumb,)
        self.current.trail = (*self.current.trail[:-1], crumb) if self.current.trail else (crumb,)
        if self.stack:
            self.stack[-1] = self.current.heading
        self.heading_open = None if self.heading_open is None else self.heading_open

    def _open_section(self, heading: Heading, line: TextLine) -> None:
        if heading.level == 9:  # Préambule / Conclusion: top level, or inside the current annex
            in_annex = any(h.number.startswith("Annexe ") for h in self.stack)
            parent = next((h for h in reversed(self.stack) if h.number.startswith("Annexe ")), None)
            number = parent.number if parent else heading.title
            heading = Heading(3 if in_annex else 2, number, heading.title, heading.crumb)
        if heading.level <= 2 and heading.number.startswith("Annexe "):
            self.annex_parts = 0  # a new annex numbers its parts from 1
        if heading.number.startswith("Annexe ") and not any(h.number == "Annexes" for h in self.stack):
            heading = Heading(1, heading.number, heading.title, heading.crumb)
        if heading.level == 0 and self.layout == "web":
            # The page title: it names the introduction that follows it.
            self.stack = [heading]
            if not self.current.paragraphs:
                self.current.heading = heading
                self.current.path = (heading.crumb,)
                self.current.page_start = line.page
                return
        else:
            while self.stack and self.stack[-1].level >= heading.level:
                self.stack.pop()
            if self.layout == "web" and heading.level >= 2 and not heading.number:
                parent = next((h for h in reversed(self.stack) if h.number), None)
                if parent is not None:
                    heading = Heading(heading.level, parent.number, heading.title, heading.crumb)
            self.stack.append(heading)
        path = tuple(h.crumb for h in self.stack if h.level > 0 or self.layout == "web")
        trail = tuple(_titled(h) for h in self.stack if h.level > 0 or self.layout == "web")
        self.current = _Draft(heading, path, line.page, line.page, trail=trail)
        self.drafts.append(self.current)

    # -- text -----------------------------------------------------------------------------
    def _feed_text(self, line: TextLine, text: str) -> None:
        new_paragraph = False
        if self.last is not None and self.para:
            if line.page != self.last.page:
                new_paragraph = self.para[-1].rstrip().endswith((".", ":", ";", "!", "?", "»"))
            else:
                gap = line.top - self.last.top
                factor = 1.5 if self.layout == "bocc" else 1.2
                new_paragraph = gap > max(self.last_gap, line.size * 1.15) * factor
                new_paragraph |= self.last.x0 - line.x0 > 10  # back to the margin after a list
                if not new_paragraph:
                    self.last_gap = gap if 0 < gap < line.size * 2 else self.last_gap
            if _LIST_ITEM.match(text) or line.bullet:
                new_paragraph = True
        if new_paragraph:
            self._flush_paragraph()
        if not self.para:
            self.para_page = line.page
        self.para.append(f"– {text}" if line.bullet and not self.para else text)
        self.current.page_end = max(self.current.page_end, line.page)
        self.current.quote_depth = max(0, self.current.quote_depth + text.count("«") - text.count("»"))
        self.last = line

    def _flush_paragraph(self) -> None:
        if self.para:
            text = clean_text(join_hyphenated(self.para, self.compounds, self.words))
            if text:
                self.current.paragraphs.append(text)
                self.current.pages.append(self.para_page)
            self.para = []

    # -- BOCC single-column tables ---------------------------------------------------------
    def _feed_linear_cell(self, line: TextLine, text: str) -> None:
        assert self.linear_cells is not None
        if _LINEAR_TABLE_HEADER.match(text):
            return  # the header printed again on a new page
        last = self.last
        same_cell = (
            last is not None
            and self.linear_cells
            and line.page == last.page
            and 0 < line.top - last.top < line.size * 1.6
            and not _FAMILY_CELL.match(text)
        )
        if (
            (same_cell and not self.linear_anchor[-1])
            or same_cell
            or (self.linear_anchor and self.linear_anchor[-1] and not self._gap(line))
        ):
            self.linear_cells[-1].append(text)
        else:
            self.linear_cells.append([text])
            self.linear_anchor.append(bool(_FAMILY_CELL.match(text)))
        self.current.page_end = max(self.current.page_end, line.page)
        self.last = line

    def _gap(self, line: TextLine) -> bool:
        last = self.last
        return last is None or line.page != last.page or line.top - last.top >= line.size * 1.6

    def _end_linear_table(self) -> None:
        if self.linear_cells is None:
            return
        cells = [
            (clean_text(join_hyphenated(c, self.compounds, self.words)), anchor)
            for c, anchor in zip(self.linear_cells, self.linear_anchor)
        ]
        header = re.compile(r"Sanction de l.action( de formation)?|de formation", re.IGNORECASE)
        cells = [(c, a) for c, a in cells if not header.fullmatch(c)]
        rows = rows_from_linear_cells(cells, _FAMILY_CELL, _SANCTION_END)
        if rows:
            self.current.paragraphs.append(render_table([list(LINEAR_TABLE_COLUMNS), *rows]))
            self.current.pages.append(self.linear_page)
            self.current.has_table = True
        self.linear_cells = None
        self.linear_anchor = []

    def finish(self) -> list[Section]:
        self._flush_paragraph()
        self._end_linear_table()
        sections: list[Section] = []
        for draft in self.drafts:
            text = "\n\n".join(draft.paragraphs).strip()
            if not text:
                continue
            h = draft.heading
            sections.append(
                Section(
                    document=self.document,
                    number=h.number,
                    title=clean_text(h.title),
                    text=text,
                    page_start=draft.page_start,
                    page_end=draft.page_end,
                    path=tuple(clean_text(p) for p in draft.path) or (clean_text(h.crumb),),
                    trail=tuple(clean_text(p) for p in (draft.trail or draft.path)) or (clean_text(h.crumb),),
                    ordinal=len(sections),
                    has_table=draft.has_table or TABLE_MARKER + " " in text[:12],
                    paragraph_pages=tuple(draft.pages),
                )
            )
        return sections
