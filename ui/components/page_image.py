"""An image of a PDF page with a cited passage highlighted (pdfplumber renders, PIL draws).

The quote comes from the cleaned passage text (hyphenation repaired, ligatures fixed), so it is
located on the page by letters and digits only: the page's words are folded to lowercase ASCII,
concatenated without separators, and the folded quote is searched in that stream. A line break
in "profes-sionnelle" or the "Certifi cat" ligature artefact then matches as well. When the whole
quote is not on the page (it runs onto the next one, or started on the previous one), its longest
beginning or ending found on the page is highlighted.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MIN_MATCH_CHARS = 12
MIN_PARTIAL_CHARS = 20
CONTEXT_PT = 60.0
MARGIN_PT = 10.0
HIGHLIGHT_FILL = (255, 214, 0, 90)
HIGHLIGHT_STROKE = (230, 150, 0, 220)


@dataclass(frozen=True)
class PassageImage:
    """The rendered page (PNG) and whether the passage was found on it."""

    png: bytes
    page: int
    found: bool
    cropped: bool


def fold(text: str) -> str:
    """Lowercase letters and digits only, accents and ligatures decomposed ("ﬁ" → "fi", "É" → "e")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed.lower() if c.isalnum() and not unicodedata.combining(c))


def _stream(words: Sequence[str]) -> tuple[str, list[int]]:
    """The folded words end to end, and for each character the index of the word it came from."""
    chars: list[str] = []
    owner: list[int] = []
    for index, word in enumerate(words):
        folded = fold(word)
        chars.append(folded)
        owner.extend([index] * len(folded))
    return "".join(chars), owner


def locate_passage(words: Sequence[str], quote: str) -> list[int]:
    """Indexes of the page words covered by `quote`, its lines located one by one.

    A passage made of selected sentences (lines of the quote) may skip some of the text between
    them, so each line is located on its own and the results united.
    """
    lines = [line for line in quote.splitlines() if len(fold(line)) >= MIN_MATCH_CHARS]
    if len(lines) <= 1:
        return locate(words, quote)
    found: set[int] = set()
    for line in lines:
        found.update(locate(words, line))
    return sorted(found)


def _longest_prefix(stream: str, target: str) -> tuple[int, int]:
    """Start and length of the longest prefix of `target` found in `stream` (length 0 if none)."""
    low, high = 0, len(target)
    while low < high:
        middle = (low + high + 1) // 2
        if stream.find(target[:middle]) >= 0:
            low = middle
        else:
            high = middle - 1
    return (stream.find(target[:low]), low) if low else (-1, 0)


def locate(words: Sequence[str], quote: str) -> list[int]:
    """Indexes of the page words covered by `quote` (empty when it is not on the page).

    The whole quote first; otherwise its longest beginning found on the page (the quote runs onto
    the next page) or its longest ending (it started on the previous page), if long enough.
    """
    stream, owner = _stream(words)
    target = fold(quote)
    if not stream or not target:
        return []
    start = stream.find(target)
    if start >= 0:
        return sorted(set(owner[start : start + len(target)]))
    head_start, head = _longest_prefix(stream, target)
    tail_start_reversed, tail = _longest_prefix(stream[::-1], target[::-1])
    if max(head, tail) < min(MIN_PARTIAL_CHARS, len(target)):
        return []
    if head >= tail:
        return sorted(set(owner[head_start : head_start + head]))
    end = len(stream) - tail_start_reversed
    return sorted(set(owner[end - tail : end]))


def line_boxes(
    words: Sequence[dict[str, Any]], indexes: Sequence[int], tolerance: float = 3.0
) -> list[tuple[float, ...]]:
    """One rectangle per text line of the selected words: (x0, top, x1, bottom)."""
    lines: list[list[float]] = []
    for index in indexes:
        word = words[index]
        for line in lines:
            if abs(line[1] - word["top"]) <= tolerance:
                line[0] = min(line[0], word["x0"])
                line[2] = max(line[2], word["x1"])
                line[3] = max(line[3], word["bottom"])
                break
        else:
            lines.append([word["x0"], word["top"], word["x1"], word["bottom"]])
    return [(x0 - 1.5, top - 1.5, x1 + 1.5, bottom + 1.5) for x0, top, x1, bottom in lines]


@dataclass(frozen=True)
class Hit:
    """Where a quote was found: page (1-based), highlight boxes, horizontal extent of the page's text."""

    page: int
    boxes: list[tuple[float, ...]]
    text_x0: float
    text_x1: float


def find_passage(pdf_path: Path, pages: Sequence[int], quote: str) -> Hit | None:
    """The first of `pages` (1-based) where the quote is found."""
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        for number in pages:
            if not 1 <= number <= len(pdf.pages):
                continue
            words = pdf.pages[number - 1].extract_words()
            indexes = locate_passage([w["text"] for w in words], quote)
            if indexes:
                x0 = min(float(w["x0"]) for w in words)
                x1 = max(float(w["x1"]) for w in words)
                return Hit(number, line_boxes(words, indexes), x0, x1)
    return None


def render_passage(
    pdf_path: Path,
    page: int,
    quote: str,
    *,
    page_end: int | None = None,
    resolution: int = 144,
    crop: bool = True,
) -> PassageImage:
    """Render the page holding `quote`, passage highlighted; cropped around it unless `crop` is False.

    Pages from `page` to `page_end` are tried first, then the rest of the document (a consolidated
    passage may quote another document's pages). Raises OSError/ValueError for an unreadable PDF.
    """
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        count = len(pdf.pages)
    first = min(max(page, 1), count)
    last = min(max(page_end or first, first), count)
    preferred = list(range(first, last + 1))
    others = [n for n in range(1, count + 1) if n not in preferred]
    hit = find_passage(pdf_path, preferred, quote) or find_passage(pdf_path, others, quote)
    number, boxes = (hit.page, hit.boxes) if hit else (first, [])
    with pdfplumber.open(pdf_path) as pdf:
        source = pdf.pages[number - 1]
        cropped = bool(crop and hit)
        if hit and cropped:
            width, height = float(source.width), float(source.height)
            top = max(0.0, min(b[1] for b in boxes) - CONTEXT_PT)
            bottom = min(height, max(b[3] for b in boxes) + CONTEXT_PT)
            left = max(0.0, min(hit.text_x0, *(b[0] for b in boxes)) - MARGIN_PT)
            right = min(width, max(hit.text_x1, *(b[2] for b in boxes)) + MARGIN_PT)
            source = source.crop((left, top, right, bottom))
        image = source.to_image(resolution=resolution)
        if boxes:
            image.draw_rects(boxes, fill=HIGHLIGHT_FILL, stroke=HIGHLIGHT_STROKE, stroke_width=1)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", quantize=False)
    return PassageImage(buffer.getvalue(), number, bool(boxes), cropped)
