"""French elision and contraction, set right in a question the conversation rewrote.

A follow-up's standalone question is the earlier question with words replaced: "d'une Pro-A" with the contrat de
professionnalisation's name gives "d'le contrat de professionnalisation", "d'une alternante" with a count written in
digits gives "d'3 alternants". Each replacement would have to know what stands before it; instead the rewritten
question is read once for the forms French never writes — an elided "d'" or "qu'" before a consonant or a digit,
"d'le", "d'la", "de une" — and they are written as French writes them ("du contrat", "de 3 alternants", "d'une").
The words typed by the user go through the same reading: they are never written so by a French speaker either.
"""

from __future__ import annotations

import re

_VOWEL = "aeiouyàâäéèêëîïôöûüœ"
# "d'le" → "du", "d'les" → "des", "d'la" → "de la" (never French: "de le", "à les" may be pronouns, "de le faire")
_CONTRACTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b([dD])'le (?=\w)"), "u "),
    (re.compile(r"\b([dD])'les (?=\w)"), "es "),
    (re.compile(r"\b([dD])'la (?=\w)"), "e la "),
)
# an elided "d'" or "qu'" before a consonant or a digit: "d'3 alternants" → "de 3 alternants"
_ELIDED_BEFORE_CONSONANT = re.compile(rf"\b([dD]|[qQ]u)'(?=[^{_VOWEL}hH\W]|\d)", re.IGNORECASE)
# "de un", "de une", "que il": elided before the vowel of an article or a pronoun
_UNELIDED = re.compile(r"\b([dD]e|[qQ]ue) (?=(?:une?|il|ils|elle|elles|on)\b)")


def contracted(text: str) -> str:
    """`text` with the elisions and contractions French requires ("d'le contrat" → "du contrat")."""
    for pattern, ending in _CONTRACTIONS:
        text = pattern.sub(rf"\1{ending}", text)
    text = _ELIDED_BEFORE_CONSONANT.sub(lambda m: f"{m.group(1)}e ", text)
    return _UNELIDED.sub(lambda m: f"{m.group(1)[:-1]}'", text)
