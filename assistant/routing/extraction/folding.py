"""The folded twin of a text: what every French parser of `assistant.routing.extraction` reads.

Users write "Épreuve", "epreuve", "d’août" and "d'aout" for the same thing; matching each variant
in every pattern would be error-prone. Parsers therefore search a lower-case, accent-free copy with
straight apostrophes, plain spaces and dashes, and cut what they found out of the original, which
works because folding keeps the length.
"""

from __future__ import annotations

import unicodedata

_APOSTROPHES = "\u2019\u2018\u02bc\u00b4`"
_SPACES = "\u00a0\u202f\u2009\u2007\u2002\u2003\t\r\n"
_DASHES = "\u2013\u2014\u2010\u2011\u2212"


def fold(text: str) -> str:
    """Lower-case, accent-free copy of `text` with the same length (one char for one).

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
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).lower()
            lowered = ch.lower()
            out.append(base if len(base) == 1 else lowered if len(lowered) == 1 else ch)
    return "".join(out)


def prepare(text: str) -> tuple[str, str]:
    """NFC original and its folded twin, the pair every parser works on."""
    original = unicodedata.normalize("NFC", text)
    return original, fold(original)
