"""Dates typed as numbers or as a day and a month, with or without their year: "1/02", "31/05/2026", "1er février".

Users leave the year out ("du 1/02 au 31/05/2026", "1er février → 31 mai") and type dates in several forms
("15.01.25", "1-02-2026"). Two readers need them: the date reader of sentences (`extraction.dates`, where
"8/10" may also be a grade) and the reader of a bare value answering "Sur quelle période ?"
(`conversation.bare_values`, where every figure is a date). Both read them here, so a form learnt once is
read in both places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from calculators.dates import MONTHS_FR
from text.folding import without_accents

MONTH_NAMES = tuple(without_accents(month) for month in MONTHS_FR)  # as a folded message writes them
_MONTH = "|".join(MONTH_NAMES)
# "1/02", "01/02/2026", "1.2.26", "1-02-2026", "1er février", "31 mai 2026"
WRITTEN_DATE = re.compile(
    r"(?P<d>\d{1,2})(?:er)?\s*[/.](?P<m>\d{1,2})(?:\s*[/.](?P<y>\d{4}|\d{2}))?(?![\d/.])"
    r"|(?P<d2>\d{1,2})(?:er)?-(?P<m2>\d{1,2})-(?P<y2>\d{4}|\d{2})(?![\d-])"
    rf"|(?P<d3>\d{{1,2}})(?:er)?\s+(?P<month>{_MONTH})(?:\s+(?P<y3>\d{{4}}))?\b"
)


@dataclass(frozen=True)
class WrittenDate:
    """One typed date: its day, month and year (None when left out), and where it stands in the text."""

    day: int
    month: int
    year: int | None
    span: tuple[int, int]


def written_date(m: re.Match[str]) -> WrittenDate | None:
    """The date one `WRITTEN_DATE` match writes; None when its day or month cannot be one."""
    if m.group("month"):
        day, month, year = int(m.group("d3")), MONTH_NAMES.index(m.group("month")) + 1, m.group("y3")
    elif m.group("d2"):
        day, month, year = int(m.group("d2")), int(m.group("m2")), m.group("y2")
    else:
        day, month, year = int(m.group("d")), int(m.group("m")), m.group("y")
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    full = None if year is None else int(year) + (2000 if len(year) == 2 else 0)
    return WrittenDate(day, month, full, m.span())


def written_dates(folded: str) -> list[WrittenDate | None]:
    """Every typed date of a folded text, in order (None for a match that is no date: "45/13")."""
    return [written_date(m) for m in WRITTEN_DATE.finditer(folded)]


def without_written_dates(folded: str) -> str:
    """`folded` with its typed dates replaced by a space: what stands around them."""
    return WRITTEN_DATE.sub(" ", folded)


def yearless_day_month(day: str, month: str) -> bool:
    """Whether "day/month" typed in a sentence without a year is a date rather than a grade or a fraction:
    a zero-padded part ("1/02") or a day above the month ("31/05"); "8/10" and "1/2" never are."""
    return day.startswith("0") or month.startswith("0") or int(day) > int(month)
