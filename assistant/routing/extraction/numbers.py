"""French number tokens: "1 600", "12,5", "2.300.000", "deux", "vingt-quatre".

Dates, durations, amounts and counts all start from a number written the French way (a space or a
dot between thousands, a decimal comma, or a word), so the pattern that finds one and the function
that reads its value live here once.
"""

from __future__ import annotations

import re

# fmt: off
NUMBER_WORDS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "vingt-quatre": 24,
    "trente": 30, "trente-six": 36, "quarante": 40, "quarante-huit": 48, "cinquante": 50,
    "soixante": 60, "cent": 100,
}
# fmt: on

NUM_WORD = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
MAX_QUANTITY = 1e6  # larger durations are not durations; amounts stop at a million billions
NUM = r"(?<![\d,.])(?:\d{1,3}(?:[ .]\d{3})+|\d+)(?:,\d+|\.\d{1,2}(?!\d))?(?![\d])"
NUM_OR_WORD = rf"(?:{NUM}|\b(?:{NUM_WORD})\b)"


def parse_number(token: str) -> float:
    """Value of a French number token: "1 600", "12,5", "2.300.000", "deux", "vingt-quatre"."""
    token = token.strip()
    if token in NUMBER_WORDS:
        return float(NUMBER_WORDS[token])
    if re.fullmatch(r"\d{1,3}(?:[ .]\d{3})+(?:,\d+)?", token):
        token = token.replace(" ", "").replace(".", "")
    return float(token.replace(" ", "").replace(",", "."))
