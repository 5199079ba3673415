"""A figure the user corrects while speaking: "sept à l'écrit, euh non pardon, six à l'écrit" means six.

Dictated or typed on the fly, a message often states a figure and takes it back at once: "le 3 mars, non
pardon, le 4 mars", "dix mois, enfin non, douze mois", "8 à l'oral, je veux dire 9 à l'oral". Every
reader (grades, dates, durations, amounts) takes the first figure it meets, so the one taken back would
decide. The correction is read from the form of the sentence, not from the figure's kind: a number, a
marker of self-correction ("euh non", "non pardon", "pardon", "je veux dire", "ou plutôt"), then a number
said within a few words; the first number and the marker are dropped, and the text reads as if only the
corrected figure had been said. A plain "non" is not a correction on its own ("un CDD de 10 mois non
renouvelé, 3 ans avant"): it needs a hesitation before it ("euh non", "ah non", "enfin non") or an
apology after it ("non pardon", "non plutôt").
"""

from __future__ import annotations

import re

_NUMBER = r"\d+(?:[,.]\d+)?"
_MARKER = (
    r"(?:\b(?:euh|heu|ah|oh|enfin|hum)\b[\s,.]*\bnon\b(?:[\s,.!]*\b(?:pardon|plut[oô]t|je veux dire)\b)?"
    r"|\bnon\b[\s,.!]*\b(?:pardon|plut[oô]t|je veux dire|je voulais dire|excuse[sz]?-moi|je me suis tromp[ée]e?)\b"
    r"|\b(?:pardon|ou plut[oô]t|je veux dire|je voulais dire|je rectifie|rectification|correction)\b)"
)
# the figure said, its few words (a unit, an exam), the marker, a few words leading to the corrected figure
_CORRECTED = re.compile(
    rf"(?<![\d,.])(?P<said>{_NUMBER})(?P<tail>[^\d.?!;\n]{{0,30}}?)[\s,]*(?:\b(?:euh|heu)\b[\s,]*)?{_MARKER}"
    rf"[\s,:!.]*(?P<lead>[^\d.?!;\n]{{0,15}}?)(?={_NUMBER})",
    re.IGNORECASE,
)


def drop_corrected(text: str) -> str:
    """`text` without the figures the user took back (see the module's docstring); digits are expected,
    so numbers written in words are rewritten first (`extraction.spelled.spell_digits`)."""
    previous = None
    while previous != text:  # "7, euh non 8, non pardon 9": each correction in turn
        previous = text
        text = _CORRECTED.sub("", text, count=1)
    return text
