"""Where a quoted passage lies among a page's words (pure: no PDF library, no I/O).

The quote comes from the cleaned passage text (hyphenation repaired, ligatures fixed), so it is
located on the page by letters and digits only: the page's words are folded to lowercase ASCII,
concatenated without separators, and the folded quote is searched in that stream. A line break
in "profes-sionnelle" or the "Certifi cat" ligature artefact then matches as well. When the whole
quote is not on the page (it runs onto the next one, or started on the previous one), its longest
beginning or ending found on the page is located.

`ingest.pdf_reader.iter_page_words` reads the positioned words; `assistant.pages.page_images` renders the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from text.folding import letters_and_digits

MIN_MATCH_CHARS = 12
MIN_PARTIAL_CHARS = 20

Box = tuple[float, float, float, float]
"""A rectangle in PDF points, from the page's top left corner: (x0, top, x1, bottom)."""


class WordBox(Protocol):
    """A word's position on its page (what `ingest.pdf_reader.PageWord` provides)."""

    @property
    def x0(self) -> float: ...

    @property
    def top(self) -> float: ...

    @property
    def x1(self) -> float: ...

    @property
    def bottom(self) -> float: ...


fold = letters_and_digits  # letters and digits only, so hyphenation and ligature artefacts match


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


def line_boxes(words: Sequence[WordBox], indexes: Sequence[int], tolerance: float = 3.0) -> list[Box]:
    """One rectangle per text line of the selected words, 1.5 pt of padding around it."""
    lines: list[list[float]] = []
    for index in indexes:
        word = words[index]
        for line in lines:
            if abs(line[1] - word.top) <= tolerance:
                line[0] = min(line[0], word.x0)
                line[2] = max(line[2], word.x1)
                line[3] = max(line[3], word.bottom)
                break
        else:
            lines.append([word.x0, word.top, word.x1, word.bottom])
    return [(x0 - 1.5, top - 1.5, x1 + 1.5, bottom + 1.5) for x0, top, x1, bottom in lines]
