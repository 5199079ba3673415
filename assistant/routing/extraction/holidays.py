"""Days named by a fixed public holiday, or as the eve or the day after a date, rewritten as that date.

Why: users date a mission or a conseil by the calendar they live in ("de la fête du Travail au 14 juillet", "le
lendemain du 14 juillet 2025", "jusqu'à la Toussaint", "la veille de Noël 2023"), and every calculator counts from a
day. The holidays of the Code du travail (art. L. 3133-1) whose day is fixed are read; the movable ones (Easter
Monday, Ascension, Whit Monday, and the Sundays users name beside them) are computed for their year from Easter's
date (`easter_sunday`, the Gregorian computus), a year being the one said after the holiday, else the one the
message gives elsewhere, else the latest such day up to today — so "depuis l'Ascension" in November is this May's, a
day that asks nothing back. Easter holidays ("les vacances de Pâques") are a period, not a day, and are left. The
rewrite keeps the preposition's grammar ("de la fête du Travail" → "du 1er mai", "à la Toussaint" → "au 1er
novembre"), so the date readers (`extraction.dates`) read the result as they read a typed date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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
# the movable holidays, as days after Easter Sunday: the Monday, Ascension Thursday, Whit Sunday and Whit Monday
_MOVABLE: dict[str, int] = {
    "lundi de paques": 1,
    "dimanche de paques": 0,
    "paques": 0,
    "jeudi de l'ascension": 39,
    "ascension": 39,
    "lundi de pentecote": 50,
    "dimanche de pentecote": 49,
    "pentecote": 49,
}
_MONTH = "|".join(without_accents(m) for m in MONTHS_FR)
_NAMES = "|".join(re.escape(n) for n in sorted(_FIXED, key=len, reverse=True))
# what stands before the day: "de la", "du", "à la", "au", "jusqu'à la", "depuis la", "le jour de", "la", "le"
_BEFORE = r"(?P<prep>jusqu'(?:a|au)|depuis|des|de|du|a|au|le jour de|la|le|l')?\s*(?:(?:la|le|l')\s*)?(?:jour de\s+)?"
_HOLIDAY = re.compile(rf"(?<![\w-]){_BEFORE}(?P<name>{_NAMES})(?:\s+(?P<y>\d{{4}}))?\b")
_MOVABLE_NAMES = "|".join(re.escape(n) for n in sorted(_MOVABLE, key=len, reverse=True))
_MOVABLE_DAY = re.compile(rf"(?<![\w-]){_BEFORE}(?P<name>{_MOVABLE_NAMES})(?:\s+(?P<y>\d{{4}}))?\b")
# "les vacances de Pâques", "le week-end de la Pentecôte", "le pont de l'Ascension": a period around the day
_PERIOD_BEFORE = re.compile(r"(?:vacances|conges|week-end|weekend|pont|semaine)\s+(?:de\s+|du\s+|d')?(?:la\s+|l')?$")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
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


def easter_sunday(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus, "Meeus/Jones/Butcher")."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _movable_day(name: str, said_year: str | None, folded: str, at: int, today: date) -> date:
    """The day of a movable holiday: in the year said after it, else the message's nearest year, else the latest one
    up to `today` (a message without a year speaks of the last Ascension, not of next year's)."""
    offset = timedelta(days=_MOVABLE[name])
    if said_year:
        return easter_sunday(int(said_year)) + offset
    years = [(abs(y.start() - at), int(y.group())) for y in _YEAR.finditer(folded)]
    if years:
        return easter_sunday(min(years)[1]) + offset
    day = easter_sunday(today.year) + offset
    return day if day <= today else easter_sunday(today.year - 1) + offset


def _rewritten(text: str, pattern: re.Pattern[str], said: Callable[[re.Match[str], str], str | None]) -> str:
    """`text` with each match of `pattern` on its folded twin (`same_length`: the same offsets) replaced by what
    `said(match, folded)` gives, kept as written where it gives None."""
    folded = same_length(text)
    out, last = [], 0
    for m in pattern.finditer(folded):
        written = said(m, folded)
        if written is None:
            continue
        out += [text[last : m.start()], written]
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def _movable_said(today: date) -> Callable[[re.Match[str], str], str | None]:
    """A movable holiday as its date with its year (see the module's docstring); a period around it is kept."""

    def said(m: re.Match[str], folded: str) -> str | None:
        if _PERIOD_BEFORE.search(folded[: m.start("name")]):
            return None
        day = _movable_day(m.group("name"), m.group("y"), folded, m.start(), today)
        return _said(m.group("prep"), day.day, day.month, str(day.year))

    return said


def _fixed_said(m: re.Match[str], folded: str) -> str:
    """A fixed holiday as its day, with the year said after it if any."""
    month, day = _FIXED[m.group("name")]
    return _said(m.group("prep"), day, month, m.group("y"))


def _shifted_said(today: date) -> Callable[[re.Match[str], str], str | None]:
    """The eve or the day after a date as that day; a date that does not exist is kept as written."""

    def said(m: re.Match[str], folded: str) -> str | None:
        month = [without_accents(x) for x in MONTHS_FR].index(m.group("m")) + 1
        year = int(m.group("y")) if m.group("y") else today.year
        try:
            shifted = date(year, month, int(m.group("d"))) + timedelta(days=-1 if m.group("shift") == "veille" else 1)
        except ValueError:
            return None
        said_year = str(shifted.year) if m.group("y") else None
        return _said(m.group("prep"), shifted.day, shifted.month, said_year)

    return said


def name_days(text: str, today: date) -> str:
    """`text` with its fixed holidays and its eves and days after written as dates (see the module's docstring).

    Matching runs on the accent-free lower-case text, whose offsets are those of `text` (`same_length`), so the
    rest of the message is kept as written."""
    if not re.search(rf"{_NAMES}|{_MOVABLE_NAMES}|veille|lendemain", same_length(text)):
        return text
    text = _rewritten(text, _MOVABLE_DAY, _movable_said(today))
    text = _rewritten(text, _HOLIDAY, _fixed_said)
    return _rewritten(text, _SHIFTED, _shifted_said(today))
