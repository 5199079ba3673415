"""The only module that talks to pdfplumber: a PDF becomes pages of positioned lines and tables.

Everything downstream (cleaning, sectioning, chunking) is pure and works on these plain records,
so the layout heuristics can be tested without opening a PDF.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from ingest.models import IngestError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TextLine:
    """One visual line: its text, page, vertical position and typography."""

    text: str
    page: int
    top: float
    bottom: float
    x0: float
    size: float
    bold: bool
    page_height: float = 842.0
    bullet: bool = False  # a drawn list bullet sits just left of the line


@dataclass(frozen=True)
class TableBlock:
    """A ruled table found by pdfplumber, as rows of cell strings (None cells become "")."""

    page: int
    top: float
    rows: tuple[tuple[str, ...], ...]


Block = TextLine | TableBlock


def read_pdf(path: Path, *, max_pages: int = 500) -> list[list[Block]]:
    """Read every page into blocks in reading order (top to bottom).

    Raises `IngestError` for files pdfplumber cannot open, encrypted files and files with more
    pages than `max_pages`; the caller runs this in a subprocess with a time limit.
    """
    name = path.name
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        raise IngestError(name, _open_error_reason(exc)) from exc
    with pdf:
        page_count = len(pdf.pages)
        if page_count == 0:
            raise IngestError(name, "le PDF ne contient aucune page")
        if page_count > max_pages:
            raise IngestError(name, f"{page_count} pages, au-delà de la limite de {max_pages} pages")
        pages: list[list[Block]] = []
        for number, page in enumerate(pdf.pages, start=1):
            try:
                pages.append(_read_page(page, number))
            except IngestError:
                raise
            except Exception as exc:
                raise IngestError(name, f"page {number} illisible ({type(exc).__name__})") from exc
    return pages


def _open_error_reason(exc: Exception) -> str:
    text = f"{type(exc).__name__} {exc}".lower()
    if "password" in text or "encrypt" in text:
        return "PDF chiffré ou protégé par mot de passe"
    return f"fichier PDF illisible ou tronqué ({type(exc).__name__})"


def _read_page(page: pdfplumber.page.Page, number: int) -> list[Block]:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside_tables(obj: dict) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    text_page = page.filter(outside_tables) if boxes else page
    marks = [
        (float(o["x0"]), float(o["x1"]), (float(o["top"]) + float(o["bottom"])) / 2)
        for o in [*page.curves, *page.rects]
        if float(o["x1"]) - float(o["x0"]) < 8 and float(o["bottom"]) - float(o["top"]) < 8
    ]
    blocks: list[Block] = []
    for line in text_page.extract_text_lines(return_chars=True):
        chars = [c for c in line["chars"] if c["text"].strip()]
        if not chars:
            continue
        blocks.append(
            TextLine(
                text=line["text"],
                page=number,
                top=float(line["top"]),
                bottom=float(line["bottom"]),
                x0=float(line["x0"]),
                size=round(max(float(c["size"]) for c in chars), 1),
                bold=all("bold" in c["fontname"].lower() for c in chars),
                page_height=float(page.height),
                bullet=any(
                    line["x0"] - 24 <= x0 and x1 <= line["x0"] + 1 and line["top"] <= y <= line["bottom"]
                    for x0, x1, y in marks
                ),
            )
        )
    for table in tables:
        rows = tuple(tuple(" ".join((cell or "").split()) for cell in row) for row in table.extract() if any(row))
        if rows:
            blocks.append(TableBlock(page=number, top=float(table.bbox[1]), rows=rows))
    blocks.sort(key=lambda b: b.top)
    return blocks
