"""A clarification answered by a bare value: dates as people type them, rewritten as the readers read them.

After "Sur quelle période ?", users answer with the value alone, in any written form: "1/02 → 31/05/2026",
"03/03/2025 au 30/09/2025", "15.01.25 - 30.04.25", "1er février → 31 mai". The routing's date readers
(`assistant.routing.extraction`) read the forms a sentence uses ("du 1er février 2026 au 31 mai 2026"); a
bare value has neither the preposition nor, often, the year on its first end. The message is rewritten only
when it is nothing but dates and the marks between them (an arrow, a dash, "au", "à", "jusqu'au"); a year
left out is the other end's (the year before when the months would run backwards), else the current year.
The rewritten value then completes the pending question like any typed answer (`restate.completed`).
"""

from __future__ import annotations

import re
from datetime import date

from calculators.dates import MONTHS_FR, format_date_fr
from text.folding import same_length, without_accents

_MONTHS = tuple(without_accents(month) for month in MONTHS_FR)  # as the folded message writes them
_MONTH = "|".join(_MONTHS)
# "1/02", "01/02/2026", "1.2.26", "1-02-2026", "1er février", "31 mai 2026"
_DATE = re.compile(
    r"(?P<d>\d{1,2})(?:er)?\s*[/.](?P<m>\d{1,2})(?:\s*[/.](?P<y>\d{4}|\d{2}))?(?![\d/.])"
    r"|(?P<d2>\d{1,2})(?:er)?-(?P<m2>\d{1,2})-(?P<y2>\d{4}|\d{2})(?![\d-])"
    rf"|(?P<d3>\d{{1,2}})(?:er)?\s+(?P<month>{_MONTH})(?:\s+(?P<y3>\d{{4}}))?\b"
)
# what may stand around the dates of a bare value
_AROUND = re.compile(
    r"^(?:\s|[,;:.!?()]|->|=>|→|⇒|>|[-–—]|\b(?:du|de|le|la|au|a|jusqu'au|jusqu'a|jusqu|et|puis|debut|fin|"
    r"depuis|entre|periode|mission)\b|')*$"
)


def written_out(message: str, today: date) -> str | None:
    """`message` rewritten as "du 1er février 2026 au 31 mai 2026" (two dates) or "le 14 octobre 2021" (one)
    when it is a bare value made of dates; None when it says anything else or holds no valid date."""
    folded = same_length(message).lower()
    found = list(_DATE.finditer(folded))
    if not found or len(found) > 2:
        return None
    rest = _DATE.sub(" ", folded)
    if not _AROUND.match(rest):
        return None
    parts = [_parts(m) for m in found]
    if any(p is None for p in parts):
        return None
    ends = [p for p in parts if p is not None]
    years = [y for _, _, y in ends if y is not None]
    if len(ends) == 2 and ends[0][2] is None:
        y = years[0] if years else today.year
        ends[0] = (ends[0][0], ends[0][1], y - 1 if ends[0][1] > ends[1][1] else y)
    dates: list[date] = []
    for day, month, year in ends:
        y = year if year is not None else (dates[0].year if dates else today.year)
        try:
            dates.append(date(y, month, day))
        except ValueError:
            return None
    if len(dates) == 1:
        return f"le {format_date_fr(dates[0])}"
    if dates[1] < dates[0]:
        return None
    return f"du {format_date_fr(dates[0])} au {format_date_fr(dates[1])}"


def _parts(m: re.Match[str]) -> tuple[int, int, int | None] | None:
    """Day, month and year (None when left out) of one date as typed."""
    if m.group("month"):
        day, month, year = int(m.group("d3")), _MONTHS.index(m.group("month")) + 1, m.group("y3")
    elif m.group("d2"):
        day, month, year = int(m.group("d2")), int(m.group("m2")), m.group("y2")
    else:
        day, month, year = int(m.group("d")), int(m.group("m")), m.group("y")
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    full = None if year is None else int(year) + (2000 if len(year) == 2 else 0)
    return day, month, full
