"""Accent folding, once, in the variants the product needs, each named by what it keeps.

Users, PDFs and the texts write "Épreuve", "epreuve", "CUI-CDI", "C.D.I.", "d’août" for the same
things. Each reader compares a folded copy, and the variants differ only in what they keep:

| variant | keeps | example |
|---|---|---|
| `without_accents` | case, spacing, punctuation | "Évolution" → "Evolution" |
| `same_length` | the length (one char for one), so a match can be cut out of the original | "D’Août" → "d'aout" |
| `spelt_out` | `same_length` with ligatures spelt out, single spaces: fixed phrases | "Œuvre\n du" → "oeuvre du" |
| `words` | lower-case ASCII words, single-spaced | "CUI-CDI à temps" → "cui cdi a temps" |
| `compact` | lower-case text without white space | "Certifi cat" → "certificat" |
| `letters_and_digits` | lower-case letters and digits only | "ﬁ-nancement" → "financement" |
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "\u2019\u2018\u02bc\u00b4`"
_SPACES = "\u00a0\u202f\u2009\u2007\u2002\u2003\t\r\n"
_DASHES = "\u2013\u2014\u2010\u2011\u2212"
_LIGATURES = (("œ", "oe"), ("Œ", "OE"), ("æ", "ae"), ("Æ", "AE"))
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_WHITE = re.compile(r"\s+")


def without_accents(text: str, *, expand_ligatures: bool = False) -> str:
    """Combining marks dropped (NFKD), everything else kept; œ/æ spelt out when asked."""
    if expand_ligatures:
        for ligature, letters in _LIGATURES:
            text = text.replace(ligature, letters)
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def same_length(text: str) -> str:
    """Lower-case, accent-free copy with the same length, straight apostrophes, plain spaces and dashes.

    Keeping the length lets a match in the folded text be cut out of the original (the router
    strips injected instructions this way). Call it on NFC text: a decomposed accent would stay.
    """
    out: list[str] = []
    for ch in text:
        if ch in _APOSTROPHES:
            out.append("'")
        elif ch in _SPACES:
            out.append(" ")
        elif ch in _DASHES:
            out.append("-")
        else:
            base = without_accents(ch).lower()
            lowered = ch.lower()
            out.append(base if len(base) == 1 else lowered if len(lowered) == 1 else ch)
    return "".join(out)


def spelt_out(text: str) -> str:
    """`same_length` with œ/æ spelt out and runs of white space made one space, trimmed.

    For matching fixed phrases (the texts' everyday names: "la note de mise en œuvre du CQP") written with or
    without the ligature, over a line break. The length is not kept: nothing is cut out of the original.
    """
    return finish_spelling(same_length(unicodedata.normalize("NFC", text)))


def finish_spelling(folded: str) -> str:
    """`spelt_out` of a text already folded by `same_length` (the router's twin): ligatures and spaces only."""
    for ligature, letters in _LIGATURES:
        folded = folded.replace(ligature.lower(), letters.lower())
    return _WHITE.sub(" ", folded).strip()


def words(text: str) -> str:
    """Lower-case, accent-free ASCII words separated by one space: "CUI-CDI" → "cui cdi"."""
    return " ".join(_NOT_WORD.sub(" ", without_accents(text).lower()).split())


def compact(text: str) -> str:
    """Accent-free, case-folded text without white space: matches wording across line breaks and typography."""
    return _WHITE.sub("", without_accents(text.replace("\u2019", "'")).casefold())


def letters_and_digits(text: str) -> str:
    """Lower-case letters and digits only, accents and ligatures decomposed ("ﬁ" → "fi", "É" → "e")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed.lower() if c.isalnum() and not unicodedata.combining(c))
