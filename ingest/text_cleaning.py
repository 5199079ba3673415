"""Pure text repairs for agreement PDFs: running headers, hyphenation, ligature artefacts.

These PDFs are laid out like their published versions, so extraction brings back typesetting:
running headers and page numbers on every page, words cut at line ends (`for-` / `mation`), and
the "fi" ligature rendered as "fi " (`Certifi cat`). The functions here undo that, and only that.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

# Line-final hyphens that belong to the word (compounds), not to typesetting.
_COMPOUND_PREFIXES = frozenset(
    {
        "demi",
        "mi",
        "semi",
        "non",
        "quasi",
        "sous",
        "vice",
        "ex",
        "après",
        "avant",
        "arrière",
        "grand",
        "grande",
        "petit",
        "bien",
        "mal",
        "peut",
        "c'est",
        "c’est",
        "au",
        "celles",
        "celui",
        "ceux",
        "là",
        "ci",
        "porte",
        "garde",
        "contre",
        "entre",
        "extra",
        "inter",
        "post",
        "pré",
        "savoir",
        "chef",
        "plus",
        "à",  # vis-à-vis
    }
)
_COMPOUND_SUFFIXES = frozenset(
    {"ci", "là", "même", "mêmes", "t", "il", "elle", "ils", "elles", "on", "conseil", "conseils"}
)  # "conseil(s)": médecins-conseils, ingénieurs-conseils; no French word ends in "…conseil"
_LIGATURE_WORDS_ENDING_FI = frozenset({"défi", "défis", "wifi", "fi"})

_PAGE_NUMBER = re.compile(r"^[\s\-–—]*(page\s*)?\d{1,4}(\s*/\s*\d{1,4})?[\s\-–—]*$", re.IGNORECASE)
_LIGATURE = re.compile(r"(\w*?)(ffi|ffl|fi|fl)\s(?=[a-zàâçéèêëîïôûùüÿœæ])")
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")
_LETTERS = re.compile(r"[^\W\d_]+")


def normalise_spaces(text: str) -> str:
    """Collapse runs of spaces (incl. no-break spaces) and strip the line."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def running_line_key(text: str) -> str:
    """Key under which a header/footer repeats across pages: digits and spacing ignored."""
    return re.sub(r"\d+", "#", normalise_spaces(text).lower())


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text))


def find_running_keys(page_texts: Sequence[Iterable[str]], min_share: float = 0.5) -> set[str]:
    """Keys of lines that recur on at least `min_share` of the pages (at least 2 pages).

    Callers only apply this to lines in the top and bottom margins, so a body sentence that
    happens to repeat is never dropped.
    """
    counts: Counter[str] = Counter()
    for texts in page_texts:
        counts.update({running_line_key(t) for t in texts})
    threshold = max(2, int(len(page_texts) * min_share + 0.5))
    if len(page_texts) < 2:
        return set()
    return {key for key, n in counts.items() if n >= threshold}


def repair_ligatures(text: str) -> str:
    """`Certifi cat` → `Certificat`, `bénéfi cie` → `bénéficie`, keeping real words like "défi"."""

    def join(match: re.Match[str]) -> str:
        word = match.group(1) + match.group(2)
        if word.lower() in _LIGATURE_WORDS_ENDING_FI:
            return match.group(0)
        return word

    return _LIGATURE.sub(join, text)


def join_hyphenated(
    lines: Sequence[str],
    known_compounds: frozenset[str] = frozenset(),
    known_words: frozenset[str] = frozenset(),
) -> str:
    """Join lines of one paragraph, undoing typesetting hyphenation but keeping real hyphens.

    `for-` + `mation` → `formation`; `demi-` + `journée`, `L. 6325-` + `1-1`, `Pro-` + `A` keep
    their hyphen (compound prefix, digits or a capital after the break). `known_compounds`
    holds hyphenated words seen elsewhere in the document, which are kept whole;
    `known_words` holds words seen whole elsewhere (`document_words`): a break whose joined
    form is one of them is typesetting even after a prefix-like piece (`entre-` + `tien`).
    """
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        match = re.search(r"(\S*?)-$", out)
        if match and not out.endswith(" -") and not out.endswith("--"):
            left = match.group(1)
            right_word = re.match(r"[^\s,;:.!?»)]*", line)
            right = right_word.group(0) if right_word else ""
            left_tail = re.split(r"[\s'’(«]", left)[-1]
            last_part = left_tail.split("-")[-1].lower()
            right_lower = right.lower().rstrip(".,;:")
            keep = (
                not left_tail
                or not left_tail[-1:].isalpha()
                or not right[:1].islower()
                or f"{left_tail}-{right}".lower().rstrip(".,;:") in known_compounds
                or (
                    f"{last_part}{right_lower}" not in known_words
                    and (last_part in _COMPOUND_PREFIXES or right_lower in _COMPOUND_SUFFIXES)
                )
            )
            out = out + line if keep else out[:-1] + line
        else:
            out = f"{out} {line}"
    return out


def document_words(lines: Sequence[str]) -> frozenset[str]:
    """Lower-cased words written whole in a document's lines (not the pieces of a line-end break)."""
    words: set[str] = set()
    after_break = False
    for raw in lines:
        line = repair_ligatures(normalise_spaces(raw))
        tokens = _LETTERS.findall(line)
        breaks = line.endswith("-") and not line.endswith(" -")
        if after_break and tokens:
            tokens = tokens[1:]
        if breaks and tokens:
            tokens = tokens[:-1]
        words.update(t.lower() for t in tokens)
        after_break = breaks
    return frozenset(words)


def hyphenated_words(text: str) -> frozenset[str]:
    """Hyphenated words written on one line somewhere in a document (real compounds)."""
    return frozenset(m.lower() for m in re.findall(r"\b\w+(?:-\w+)+\b", text))


def clean_text(text: str) -> str:
    """Final per-paragraph cleanup: ligatures, spacing, stray spaces before punctuation."""
    text = repair_ligatures(normalise_spaces(text))
    text = re.sub(r"\s+([,.])(?=\s|$)", r"\1", text)
    return text
