"""An image of a PDF page with a cited passage highlighted, for the sources panel of the UI.

`ingest.pdf_reader` reads the pages' positioned words and renders a page; `assistant.pages.passage_locator`
finds the quote among the words (by letters and digits only, so hyphenation and ligature artefacts
still match). This module chooses the page, the highlight boxes and the crop around them.
`Assistant.passage_image` is the UI's door to it.

`ingest.pdf_reader` is imported when a page is rendered, not with this module: its PDF library takes
about a third of a second to import, and the UI imports `PassageImage` at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.pages.passage_locator import Box, line_boxes, locate_passage

CONTEXT_PT = 60.0  # text kept above and below the passage when cropping
MARGIN_PT = 10.0  # left and right of the page's text when cropping
HIGHLIGHT_FILL = (255, 214, 0, 90)
HIGHLIGHT_STROKE = (230, 150, 0, 220)
CACHE_ENTRIES = 256
BOX_PADDING_PT = 1.5  # what `line_boxes` adds around each line


@dataclass(frozen=True)
class PassageImage:
    """The rendered page (PNG) and whether the passage was found on it.

    `width_pt` is the width of the rendered area in PDF points and `text_pt` the height of the
    highlighted lines' text (about the body font size; 0 when the passage was not found): together
    they let the UI show the image at a size where the text reads like its own.
    """

    png: bytes
    page: int
    found: bool
    cropped: bool
    width_pt: float = 0.0
    text_pt: float = 0.0


@dataclass(frozen=True)
class Hit:
    """Where a quote was found: page (1-based), highlight boxes, horizontal extent of the page's text."""

    page: int
    boxes: list[Box]
    text_x0: float
    text_x1: float


def find_passage(pdf_path: Path, pages: Sequence[int], quote: str) -> Hit | None:
    """The first of `pages` (1-based) where the quote is found."""
    from ingest.pdf_reader import iter_page_words

    with closing(iter_page_words(pdf_path, pages)) as read:
        for number, words in read:
            indexes = locate_passage([w.text for w in words], quote)
            if indexes:
                x0 = min(w.x0 for w in words)
                x1 = max(w.x1 for w in words)
                return Hit(number, line_boxes(words, indexes), x0, x1)
    return None


def find_passages(pdf_path: Path, pages: Sequence[int], quote: str) -> list[Hit]:
    """Every one of `pages` holding part of the quote: a passage that runs from page 5 onto page 6
    is found at the end of page 5 (its beginning) and at the top of page 6 (its end)."""
    from ingest.pdf_reader import iter_page_words

    hits = []
    with closing(iter_page_words(pdf_path, pages)) as read:
        for number, words in read:
            indexes = locate_passage([w.text for w in words], quote)
            if indexes:
                x0 = min(w.x0 for w in words)
                x1 = max(w.x1 for w in words)
                hits.append(Hit(number, line_boxes(words, indexes), x0, x1))
    return hits


def text_height(boxes: Sequence[Box]) -> float:
    """The median height of the highlighted lines, without their padding: about the font size."""
    heights = sorted(b[3] - b[1] - 2 * BOX_PADDING_PT for b in boxes)
    return max(heights[len(heights) // 2], 1.0) if heights else 0.0


def crop_box(hit: Hit) -> Box:
    """The part of the page shown around a hit: the passage's lines, `CONTEXT_PT` above and below,
    the page's text width (`MARGIN_PT` more on each side); `render_page_png` clips it to the page."""
    top = min(b[1] for b in hit.boxes) - CONTEXT_PT
    bottom = max(b[3] for b in hit.boxes) + CONTEXT_PT
    left = min(hit.text_x0, *(b[0] for b in hit.boxes)) - MARGIN_PT
    right = max(hit.text_x1, *(b[2] for b in hit.boxes)) + MARGIN_PT
    return (left, top, right, bottom)


def render_passages(
    pdf_path: Path,
    page: int,
    quote: str,
    *,
    page_end: int | None = None,
    resolution: int = 144,
    crop: bool = True,
) -> tuple[PassageImage, ...]:
    """Render the page(s) holding `quote`, passage highlighted; cropped around it unless `crop` is False.

    Every page from `page` to `page_end` holding part of the quote is rendered (a passage on
    "pages 5 à 6" gives two images); when none does, the rest of the document is tried (a
    consolidated passage may quote another document's pages). When the quote is nowhere, `page`
    is shown whole. Raises OSError/ValueError for an unreadable PDF.
    """
    from ingest.pdf_reader import page_count, render_page_png

    count = page_count(pdf_path)
    first = min(max(page, 1), count)
    last = min(max(page_end or first, first), count)
    preferred = list(range(first, last + 1))
    hits = find_passages(pdf_path, preferred, quote)
    if not hits:
        other = find_passage(pdf_path, [n for n in range(1, count + 1) if n not in preferred], quote)
        hits = [other] if other else []
    images = []
    targets: list[Hit | None] = list(hits) if hits else [None]
    for hit in targets:
        number, boxes = (hit.page, hit.boxes) if hit else (first, [])
        area = crop_box(hit) if hit and crop else None
        png = render_page_png(
            pdf_path,
            number,
            resolution=resolution,
            crop=area,
            rects=boxes,
            fill=HIGHLIGHT_FILL,
            stroke=HIGHLIGHT_STROKE,
        )
        width = _png_width(png) * 72.0 / resolution
        images.append(PassageImage(png, number, bool(boxes), area is not None, width, text_height(boxes)))
    return tuple(images)


def render_passage(
    pdf_path: Path,
    page: int,
    quote: str,
    *,
    page_end: int | None = None,
    resolution: int = 144,
    crop: bool = True,
) -> PassageImage:
    """The first image of `render_passages`."""
    return render_passages(pdf_path, page, quote, page_end=page_end, resolution=resolution, crop=crop)[0]


def _png_width(png: bytes) -> int:
    """Width in pixels, from the PNG header (IHDR is always the first chunk)."""
    return int.from_bytes(png[16:20], "big") if png[:8] == b"\x89PNG\r\n\x1a\n" else 0


@lru_cache(maxsize=CACHE_ENTRIES)
def _cached_passages(
    path: str, mtime_ns: int, page: int, quote: str, page_end: int | None, resolution: int, crop: bool
) -> tuple[PassageImage, ...]:
    del mtime_ns  # part of the cache key only: a replaced PDF is rendered again
    return render_passages(Path(path), page, quote, page_end=page_end, resolution=resolution, crop=crop)


def passage_images(
    pdf_path: Path,
    page: int,
    quote: str,
    *,
    page_end: int | None = None,
    resolution: int = 144,
    crop: bool = True,
) -> tuple[PassageImage, ...]:
    """`render_passages`, cached for the process by file, modification time and arguments (each page
    is rendered once). Raises FileNotFoundError when `pdf_path` is not a file."""
    if not pdf_path.is_file():
        raise FileNotFoundError(str(pdf_path))
    mtime_ns = pdf_path.stat().st_mtime_ns
    return _cached_passages(str(pdf_path), mtime_ns, page, quote, page_end, resolution, crop)


def passage_image(
    pdf_path: Path,
    page: int,
    quote: str,
    *,
    page_end: int | None = None,
    resolution: int = 144,
    crop: bool = True,
) -> PassageImage:
    """The first page of `passage_images` (the one where the passage starts)."""
    return passage_images(pdf_path, page, quote, page_end=page_end, resolution=resolution, crop=crop)[0]
