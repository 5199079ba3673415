"""Days named by a fixed public holiday, or as the eve or the day after a date, rewritten as that date.

Why: users date a mission or a conseil by the calendar they live in ("de la fête du Travail au 14 juillet", "le
lendemain du 14 juillet 2025", "jusqu'à la Toussaint", "la veille de Noël 2023"), and every calculator counts from a
day. The holidays of the Code du travail (art. L. 3133-1) whose day is fixed are read; the movable ones (Easter
Monday, Ascension, Whit Monday) are left as they are, so the day is asked rather than guessed. The rewrite keeps the
preposition's grammar ("de la fête du Travail" → "du 1er mai", "à la Toussaint" → "au 1er novembre"), so the date
readers (`extraction.dates`) read the result as they read a typed date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from calculators.dates import MONTHS_FR
from text.folding import same_length, without_accents

# the fixed holidays of art. L. 3133-1 and the two days users name beside them (New Year's Eve)
_FIXED: dict[str, tuple[int, int]] = {
    "fete du travail": (5, 1),
    "noel": (12, 25),
    "jour de l'an": (1, 1),
    "nouvel an": (1, 1),
    "toussaint": (11, 1),
    "armistice": (11, 11),
    "fete nationale": (7, 14),
    "assomption": (8, 15),
    "saint-sylvestre": (12, 31),
    "saint sylvestre": (12, 31),
}
_MONTH = "|".join(without_accents(m) for m in MONTHS_FR)
_NAMES = "|".join(re.escape(n) for n in sorted(_FIXED, key=len, reverse=True))
# what stands before the day: "de la", "du", "à la", "au", "jusqu'à la", "depuis la", "le jour de", "la", "le"
_BEFORE = r"(?P<prep>jusqu'(?:a|au)|depuis|des|de|du|a|au|le jour de|la|le|l')?\s*(?:(?:la|le|l')\s*)?(?:jour de\s+)?"
_HOLIDAY = re.compile(rf"(?<![\w-]){_BEFORE}(?P<name>{_NAMES})(?:\s+(?P<y>\d{{4}}))?\b")
_SHIFTED = re.compile(
    rf"(?<![\w-])(?P<prep>jusqu'(?:a|au)|depuis|des|de|du|a|au)?\s*(?:la|le)\s+(?P<shift>veille|lendemain)\s+"
    rf"(?:du|de la|de l'|de)\s+(?:jour de\s+)?(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{_MONTH})(?:\s+(?P<y>\d{{4}}))?\b"
)


_LEADS = {"de": "du", "du": "du", "des": "dès le", "a": "au", "au": "au", "jusqu'a": "jusqu'au", "jusqu'au": "jusqu'au"}
_LEADS["depuis"] = "depuis le"


def _said(prep: str | None, day: int, month: int, year: str | None) -> str:
    """The date in words after the preposition's own contraction ("du", "au", "jusqu'au", "depuis le", "le")."""
    name = f"{'1er' if day == 1 else day} {MONTHS_FR[month - 1]}" + (f" {year}" if year else "")
    return f"{_LEADS.get(prep or '', 'le')} {name}"


def name_days(text: str, today: date) -> str:
    """`text` with its fixed holidays and its eves and days after written as dates (see the module's docstring).

    Matching runs on the accent-free lower-case text, whose offsets are those of `text` (`same_length`), so the
    rest of the message is kept as written."""
    folded = same_length(text)
    if not re.search(rf"{_NAMES}|veille|lendemain", folded):
        return text
    out, last = [], 0
    for m in _HOLIDAY.finditer(folded):
        month, day = _FIXED[m.group("name")]
        out += [text[last : m.start()], _said(m.group("prep"), day, month, m.group("y"))]
        last = m.end()
    out.append(text[last:])
    text = "".join(out)
    folded = same_length(text)
    out, last = [], 0
    for m in _SHIFTED.finditer(folded):
        month = [without_accents(x) for x in MONTHS_FR].index(m.group("m")) + 1
        year = int(m.group("y")) if m.group("y") else today.year
        try:
            shifted = date(year, month, int(m.group("d"))) + timedelta(days=-1 if m.group("shift") == "veille" else 1)
        except ValueError:
            continue
        said_year = str(shifted.year) if m.group("y") else None
        out += [text[last : m.start()], _said(m.group("prep"), shifted.day, shifted.month, said_year)]
        last = m.end()
    out.append(text[last:])
    return "".join(out)
