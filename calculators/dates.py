"""Calendar helpers shared by the calculators: month counting and French date wording.

The agreements count bonuses "par mois, complet ou non" and deadlines in years; these helpers do
that arithmetic once, with the end-of-month clamping a payroll clerk would apply (31 January plus
one month is 28 or 29 February), and format dates the way a French reader writes them.
"""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import MAXYEAR, MINYEAR, date, timedelta

from calculators.result import CalcError

MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def add_months(day: date, months: int) -> date:
    """Shift a date by whole months, clamping to the month's last day (31 Jan + 1 month → 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    if not MINYEAR <= year <= MAXYEAR:
        raise CalcError(f"Date hors du calendrier : {day.isoformat()} décalée de {months} mois.")
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def add_years(day: date, years: int) -> date:
    """Shift a date by whole years; 29 February becomes 28 February in a non-leap year."""
    return add_months(day, 12 * years)


def anniversary(day: date, years: int) -> date:
    """The date `years` years after `day`; the anniversary of 29 February is 1 March in a common year.

    One reading everywhere a period counts in years from a date (the training guarantee's 4 and 5
    years, the CQP path's two-year amplitude, the 6-year interview cycle): the years are complete only
    once the whole of 28 February has passed, so a period that opened on 29 February 2024 ends the
    day before 1 March 2026, that is on 28 February 2026 (docs/CALCULATORS.md).
    """
    year = day.year + years
    if not MINYEAR <= year <= MAXYEAR:
        raise CalcError(f"Date hors du calendrier : {day.isoformat()} décalée de {years} ans.")
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return date(year, 3, 1)
    return day.replace(year=year)


def first_day_of_next_month(day: date) -> date:
    """The "1er jour du mois qui suit" used for pay switches and bonus payment months."""
    return add_months(day.replace(day=1), 1)


def calendar_months(start: date, end: date) -> list[tuple[int, int]]:
    """The calendar months (year, month) a period touches, each counted once whether complete or not."""
    first = start.year * 12 + start.month - 1
    last = end.year * 12 + end.month - 1
    return [(i // 12, i % 12 + 1) for i in range(first, last + 1)]


def months_by_year(start: date, end: date) -> dict[int, int]:
    """How many calendar months of the period fall in each calendar year (for yearly caps)."""
    return dict(Counter(year for year, _ in calendar_months(start, end)))


def started_months(start: date, end: date) -> int:
    """Months of duration counted from the start date, the last one counted even if incomplete.

    1 February → 20 June is 4 months and 20 days, hence 5 started months; 15 January → 14 February
    is exactly 1 month; 31 January → 1 February is 1 month begun.
    """
    return len(month_slots(start, end))


def month_slots(start: date, end: date) -> list[tuple[date, date]]:
    """The months of duration of a period, each `(first day, last day)`, counted from its start date.

    Month n begins n months after the start (31 January → 28 February → 31 March, clamped as
    `add_months` does); the last one is cut at `end` and still counts ("complet ou non").
    """
    slots: list[tuple[date, date]] = []
    begin = start
    while begin <= end:
        following = add_months(start, len(slots) + 1)
        slots.append((begin, min(end, following - timedelta(days=1))))
        begin = following
    return slots


def format_date_fr(day: date) -> str:
    """French long date: "1er juillet 2025", "20 juin 2025"."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS_FR[day.month - 1]} {day.year}"


def format_month_fr(year: int, month: int) -> str:
    """French month and year: "mai 2025"."""
    return f"{MONTHS_FR[month - 1]} {year}"


def format_month_of(day: date) -> str:
    """French month and year of a date: "décembre 2025"."""
    return format_month_fr(day.year, day.month)


def day_before(day: date) -> date:
    """The last day of a period that runs "à compter du" `day` for whole years or months."""
    return day - timedelta(days=1)
