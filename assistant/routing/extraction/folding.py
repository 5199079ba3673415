"""The folded twin of a text: what every French parser of `assistant.routing.extraction` reads.

Users write "Épreuve", "epreuve", "d’août" and "d'aout" for the same thing; matching each variant
in every pattern would be error-prone. Parsers therefore search a lower-case, accent-free copy with
straight apostrophes, plain spaces and dashes, and cut what they found out of the original, which
works because folding keeps the length.
"""

from __future__ import annotations

import unicodedata

from text.folding import same_length

fold = same_length  # one char for one, so a match in the folded text can be cut out of the original


def prepare(text: str) -> tuple[str, str]:
    """NFC original and its folded twin, the pair every parser works on."""
    original = unicodedata.normalize("NFC", text)
    return original, fold(original)
