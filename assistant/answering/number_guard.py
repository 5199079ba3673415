"""Every figure in an answer must come from a cited passage or a calculator result.

A language model can write "50 points" where the text says 7. The guard finds each number in
the answer (digits, with French thousands and decimal separators) and keeps a sentence only if
all its numbers appear in the allowed sources; removed sentences are reported so the caller can
fall back to quoting the passages.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?(?!\d)|(?<![\w])\d+(?:[.,]\d+)?")
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")
_MARKER = re.compile(r"\[\d+\]")
# Numbers written in words, as the texts and users write them (also read by `claims`).
WORD_NUMBERS = {
    "un": "1",
    "une": "1",
    "deux": "2",
    "trois": "3",
    "quatre": "4",
    "cinq": "5",
    "six": "6",
    "sept": "7",
    "huit": "8",
    "neuf": "9",
    "dix": "10",
    "douze": "12",
    "vingt": "20",
    "trente": "30",
}


def canonical(number: str) -> str:
    """ "60 000" → "60000", "0,15" → "0.15", "12.0" → "12"."""
    text = re.sub(r"[ \u00a0\u202f]", "", number)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    text = text.replace(",", ".")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def numbers_in(text: str) -> set[str]:
    cleaned = _MARKER.sub(" ", unicodedata.normalize("NFC", text))
    return {canonical(m.group(0)) for m in _NUMBER.finditer(cleaned)}


def allowed_numbers(sources: Iterable[str]) -> set[str]:
    allowed: set[str] = set()
    for source in sources:
        allowed |= numbers_in(source)
        words = re.findall(r"[a-zà-ÿ]+", source.lower())
        allowed |= {WORD_NUMBERS[w] for w in words if w in WORD_NUMBERS}
    return allowed


@dataclass(frozen=True)
class GuardResult:
    text: str
    removed: list[str]

    @property
    def changed(self) -> bool:
        return bool(self.removed)


def guard_numbers(answer: str, sources: Iterable[str]) -> GuardResult:
    """Drop the sentences of `answer` holding a number found in none of `sources`."""
    allowed = allowed_numbers(sources)
    kept: list[str] = []
    removed: list[str] = []
    for sentence in _SENTENCE.split(answer):
        if not sentence.strip():
            continue
        unknown = numbers_in(sentence) - allowed
        (removed if unknown else kept).append(sentence.strip())
    return GuardResult(" ".join(kept), removed)
