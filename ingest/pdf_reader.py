"""The only module that talks to pdfplumber: a PDF becomes pages of positioned lines and tables.

Everything downstream (cleaning, sectioning, chunking) is pure and works on these plain records,
so the layout heuristics can be tested without opening a PDF. For showing a cited passage, this
module also reads a page's positioned words (`iter_page_words`, `page_count`) and renders a page,
optionally cropped, as a PNG with rectangles drawn on it (`render_page_png`); locating the passage
among the words is pure (`assistant.pages.passage_locator`).
"""

from __future__ import annotations

import io
import logging
import re
import threading
import unicodedata
import zlib
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.layout import LTChar
from pdfminer.pdftypes import PDFStream, resolve1
from pdfplumber.page import ALL_ATTRS
from pdfplumber.utils import resolve_all, resolve_and_decode

from ingest.models import IngestError

log = logging.getLogger(__name__)

# PDFium, which renders pages behind pdfplumber's `to_image`, is not thread-safe, not even across
# documents: two Streamlit sessions rendering at once can abort the whole process. One at a time.
_PDFIUM = threading.Lock()
MAX_INFLATED_STREAM_BYTES = 64 * 1024 * 1024  # a page's text content is kilobytes, not gigabytes
MAX_NESTING = 256  # arrays / dictionaries opened in a row; real PDFs nest a handful of levels
# Two patterns, each starting with a literal, so the scan runs at memchr speed.
_DEEP_NESTING = (
    re.compile(rb"\[(?:\s*\[){%d}" % (MAX_NESTING - 1)),
    re.compile(rb"<<(?:\s*<<){%d}" % (MAX_NESTING - 1)),
)


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
Rect = tuple[float, float, float, float]  # (x0, top, x1, bottom) in points from the page's top left corner
Rgba = tuple[int, int, int, int]


@dataclass(frozen=True)
class PageWord:
    """One word as pdfplumber extracts it, with its box (points from the page's top left corner)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


def read_pdf(path: Path, *, max_pages: int = 500) -> list[list[Block]]:
    """Read every page into blocks in reading order (top to bottom).

    Raises `IngestError` for files pdfplumber cannot open, encrypted files and files with more
    pages than `max_pages`; the caller runs this in a subprocess with a time limit.
    """
    name = path.name
    check_nesting(path)
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        raise IngestError(name, _open_error_reason(exc)) from exc
    with pdf:
        page_count = len(pdf.pages)
        for page in pdf.pages:
            page.process_object = partial(_char_or_object, page)  # type: ignore[method-assign]
        if page_count == 0:
            raise IngestError(name, "le PDF ne contient aucune page")
        if page_count > max_pages:
            raise IngestError(name, f"{page_count} pages, au-delà de la limite de {max_pages} pages")
        pages: list[list[Block]] = []
        for number, page in enumerate(pdf.pages, start=1):
            try:
                check_page_streams(page.page_obj, name, number)
                pages.append(_read_page(page, number))
            except IngestError:
                raise
            except Exception as exc:
                cause = _root_cause(exc)
                if isinstance(cause, MemoryError):
                    raise IngestError(name, f"page {number} : mémoire insuffisante (limite dépassée)") from exc
                log.info("unreadable page %d: %s", number, type(cause).__name__)
                raise IngestError(name, f"page {number} illisible") from exc
    return pages


_PLAIN = (float, int, str, bool, type(None))


def _resolved(value: Any) -> Any:
    """`resolve_all(value)` without its calls for the plain numbers, names and number tuples of a char."""
    kind = type(value)
    if kind in _PLAIN or (kind is tuple and all(type(v) in _PLAIN for v in value)):
        return value
    return resolve_all(value)


def _char_or_object(page: pdfplumber.page.Page, obj: Any) -> dict[str, Any]:
    """pdfplumber's `Page.process_object`, with a direct path for characters.

    pdfplumber turns every pdfminer object into a dictionary, resolving each attribute through a
    recursive generic walk; for the 160k characters of the corpus that walk was about 40 % of the
    parse's CPU (docs/PERFORMANCE.md, perf6). A character's attributes are plain numbers, names
    and tuples of numbers, which that walk returns as they are, so they are copied directly: the
    same keys in the same order and the same values (`tests/ingest/test_pdf_objects.py` compares
    both paths on every page of the corpus). Any other object takes pdfplumber's own path.
    """
    if type(obj) is not LTChar:
        return pdfplumber.page.Page.process_object(page, obj)
    attr = {k: _resolved(v) for k, v in obj.__dict__.items() if k in ALL_ATTRS}
    attr["object_type"] = "char"
    attr["page_number"] = page.page_number
    for cs in ("ncs", "scs"):
        if hasattr(obj, cs):
            attr[cs] = resolve_and_decode(getattr(obj, cs).name)
    text = obj.get_text()
    norm = page.pdf.unicode_norm
    attr["text"] = text if norm is None else unicodedata.normalize(norm, text)
    gs = obj.graphicstate
    attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
    attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
    if isinstance(attr["fontname"], bytes):  # rare byte-encoded font names: pdfplumber's own fix
        return pdfplumber.page.Page.process_object(page, obj)
    mb_x0, mb_top = page.mediabox[:2]
    if "y0" in attr:
        attr["top"] = (page.height - attr["y1"]) + mb_top
        attr["bottom"] = (page.height - attr["y0"]) + mb_top
        attr["doctop"] = page.initial_doctop + attr["top"]
    if "x0" in attr and mb_x0 != 0:
        attr["x0"] = attr["x0"] + mb_x0
        attr["x1"] = attr["x1"] + mb_x0
    return attr


def _root_cause(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's errors (`PdfminerException(PDFPasswordIncorrect())`): unwrap."""
    seen: set[int] = set()
    while id(exc) not in seen:
        seen.add(id(exc))
        inner = next((a for a in exc.args if isinstance(a, BaseException)), None) or exc.__cause__
        if inner is None:
            break
        exc = inner
    return exc


def _open_error_reason(exc: Exception) -> str:
    cause = _root_cause(exc)
    text = f"{type(exc).__name__} {exc} {type(cause).__name__} {cause}".lower()
    if "password" in text or "encrypt" in text:
        return "PDF chiffré ou protégé par mot de passe"
    if isinstance(cause, MemoryError):
        return "mémoire insuffisante pour ouvrir ce PDF (limite dépassée)"
    log.info("unreadable PDF: %s", type(cause).__name__)  # the parser's error name is for the log only
    return "fichier PDF illisible ou tronqué"


def check_nesting(path: Path, chunk: int = 1 << 20) -> None:
    """Refuse arrays or dictionaries opened hundreds of times in a row (a parser attack).

    pdfminer parses them iteratively, but slowly, and later recursive walks can blow the stack;
    no genuine document comes close to `MAX_NESTING` levels, so the raw bytes are scanned first.
    """
    overlap = 8 * MAX_NESTING
    tail = b""
    with path.open("rb") as f:
        for block in iter(lambda: f.read(chunk), b""):
            window = tail + block
            if any(pattern.search(window) for pattern in _DEEP_NESTING):
                raise IngestError(
                    path.name,
                    f"structure PDF trop imbriquée (plus de {MAX_NESTING} niveaux de tableaux ou dictionnaires)",
                )
            tail = window[-overlap:]


def check_page_streams(page: Any, name: str, number: int, limit: int = MAX_INFLATED_STREAM_BYTES) -> None:
    """Refuse a page whose content streams inflate beyond `limit` (a compression bomb).

    pdfminer inflates a whole stream in memory before reading it; here each Flate stream of the
    page (contents and form XObjects) is inflated at most `limit` + 1 bytes to measure it first.
    """
    streams = [resolve1(s) for s in getattr(page, "contents", None) or []]
    resources = resolve1(getattr(page, "resources", None) or {})
    xobjects = resolve1(resources.get("XObject", {})) if isinstance(resources, dict) else {}
    if isinstance(xobjects, dict):  # forms are read like pages; images are never decoded here
        forms = [resolve1(x) for x in xobjects.values()]
        streams += [x for x in forms if isinstance(x, PDFStream) and _name(x.get("Subtype")) == "Form"]
    for stream in streams:
        if isinstance(stream, PDFStream) and _inflates_beyond(stream, limit):
            raise IngestError(
                name,
                f"page {number} : flux compressé de plus de {limit // (1024 * 1024)} Mo une fois décompressé "
                "(bombe de décompression ?)",
            )


def _name(value: Any) -> str:
    """A PDF name (`/FlateDecode`) as text, whatever pdfminer wrapped it in."""
    value = resolve1(value)
    return str(getattr(value, "name", value))


def _inflates_beyond(stream: PDFStream, limit: int) -> bool:
    data = stream.rawdata
    if data is None:  # already decoded
        return len(stream.data or b"") > limit
    filters = stream.get_filters()
    if not filters or _name(filters[0][0]) not in {"FlateDecode", "Fl"}:
        return False
    if stream.decipher is not None:
        if stream.objid is None or stream.genno is None:
            return False
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    try:
        return len(zlib.decompressobj().decompress(data, limit + 1)) > limit
    except zlib.error:
        return False  # corrupt data: pdfminer's own recovery decides


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


# ---------------------------------------------------------------- page images (cited passages)


def page_count(path: Path) -> int:
    """Number of pages of the PDF at `path` (pdfplumber's own exceptions for an unreadable file)."""
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def page_texts(path: Path) -> list[str]:
    """pdfplumber's plain text of every page, nothing else: what a first pipeline starts from
    (`bench/plain_pipeline.py` compares the product with it; the product reads `read_pdf`)."""
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def iter_page_words(path: Path, pages: Sequence[int]) -> Generator[tuple[int, list[PageWord]], None, None]:
    """(page number, its words) for each of `pages` (1-based; numbers outside the document skipped).

    The PDF is opened once and the pages read lazily, in the given order: a caller that stops at the
    first page it wants reads no further (close the iterator, e.g. with `contextlib.closing`).
    """
    with pdfplumber.open(path) as pdf:
        for number in pages:
            if not 1 <= number <= len(pdf.pages):
                continue
            words = [
                PageWord(str(w["text"]), float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]))
                for w in pdf.pages[number - 1].extract_words()
            ]
            yield number, words


def render_page_png(
    path: Path,
    page: int,
    *,
    resolution: int = 144,
    crop: Rect | None = None,
    rects: Sequence[Rect] = (),
    fill: Rgba = (0, 0, 255, 50),
    stroke: Rgba = (255, 0, 0, 200),
) -> bytes:
    """Page `page` (1-based) as a PNG at `resolution` dpi, with `rects` drawn on it.

    `crop`, when given, is clipped to the page and only that part is rendered (`rects` stay in page
    coordinates). Raises ValueError for a page number outside the document.
    """
    with pdfplumber.open(path) as pdf:
        if not 1 <= page <= len(pdf.pages):
            raise ValueError(f"page {page} hors du document ({len(pdf.pages)} pages)")
        source = pdf.pages[page - 1]
        if crop is not None:
            width, height = float(source.width), float(source.height)
            left, top, right, bottom = crop
            source = source.crop((max(0.0, left), max(0.0, top), min(width, right), min(height, bottom)))
        with _PDFIUM:
            image = source.to_image(resolution=resolution)
        if rects:
            image.draw_rects(list(rects), fill=fill, stroke=stroke, stroke_width=1)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", quantize=False)
    return buffer.getvalue()
