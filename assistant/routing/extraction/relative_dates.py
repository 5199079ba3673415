"""Dates said relative to today, and the pieces of a date before its year is known.

"demain", "lundi prochain", "le mois dernier", "fin février prochain", "à la rentrée", "dans 3 mois",
"il y a 2 ans": each is read against `today` (`relative_atom`, `relative`). A year said beside a yearless
date ("l'an dernier, le 1er septembre") gives it that year (`years_beside`). `assistant.routing.extraction.dates`
finds these expressions and joins them into periods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from assistant.routing.extraction.numbers import parse_number
from assistant.routing.extraction.quantities import UNITS
from calculators.dates import add_months
from calculators.result import CalcError

Precision = Literal["day", "month", "year"]
DateKind = Literal["point", "range", "since", "from"]

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
RELATIVE_DAYS = {"avant-hier": -2, "avant hier": -2, "hier": -1, "demain": 1, "apres-demain": 2, "apres demain": 2}


@dataclass
class Atom:
    """A date expression before ranges are joined and missing parts filled."""

    start: int
    end: int
    day: int | None = None
    month: int | None = None
    year: int | None = None
    mod: str | None = None
    kind: DateKind = "point"
    fixed: tuple[date, date] | None = None  # fully resolved (relative expressions)
    precision: Precision = "day"


def relative(today: date, value: float, unit: str) -> date | None:
    """The date `value` units before `today` ("il y a 2 ans", "depuis 8 mois").

    None beyond a century back ("depuis 2025 ans" is not a period anyone works), and None before
    the calendar's year 1 (`add_months` raises `CalcError` there).
    """
    unit_key = UNITS.get(unit, "month")
    days = value * {"year": 365.25, "month": 30.44, "week": 7.0}.get(unit_key, 1.0)
    if days > 36_525:
        return None
    try:
        if unit_key == "year":
            return add_months(today, -round(value * 12))
        if unit_key == "month":
            return add_months(today, -round(value))
        return today - timedelta(days=round(days))
    except (CalcError, OverflowError):
        return None


def next_or_last(today: date, month: int, ahead: bool) -> int:
    """The year of "<mois> prochain" (the first such month after this one) or "<mois> dernier" (before it)."""
    if ahead:
        return today.year if month > today.month else today.year + 1
    return today.year if month < today.month else today.year - 1


def relative_atom(m: re.Match[str], atom: Atom, today: date) -> bool:
    """Fill `atom` from a date said relative to today; False when the match is not one of them.

    "demain", "après-demain", "hier" (a day); "lundi prochain" (the next Monday after today); "le mois
    prochain", "le mois dernier", "ce mois-ci", "fin du mois" (a month, or its last day with "fin");
    "à la rentrée" (the start of September: this year's, unless the tense puts it in the next or
    last one, read as any yearless date); "dans 3 mois" (that far ahead of today).
    """
    if m.group("relday"):
        day = today + timedelta(days=RELATIVE_DAYS[m.group("relday")])
        atom.fixed = (day, day)
    elif m.group("weekday"):
        target = WEEKDAYS.index(m.group("wd"))
        step = (target - today.weekday()) % 7 or 7
        day = today + timedelta(days=step if m.group("wrel") == "prochain" else step - 7)
        atom.fixed = (day, day)
    elif m.group("relmonth") or m.group("endmonth"):
        rel = m.group("rmrel") if m.group("relmonth") else None
        offset = {"prochain": 1, "suivant": 1, "dernier": -1, "passe": -1}.get(rel or "", 0)
        first = add_months(today.replace(day=1), offset)
        last = add_months(first, 1) - timedelta(days=1)
        mod = "fin" if m.group("endmonth") else m.group("rmmod")
        if mod == "fin":
            atom.fixed = (last, last)
        elif mod == "debut":
            atom.fixed = (first, first)
        elif mod == "mi":
            atom.fixed = (first.replace(day=15), first.replace(day=15))
        else:
            atom.fixed, atom.precision = (first, last), "month"
    elif m.group("rentree"):
        atom.month, atom.day, atom.mod = 9, 1, "debut"
        atom.year = int(m.group("ry")) if m.group("ry") else None
    elif m.group("ahead"):
        value = parse_number(m.group("ahn"))
        back = relative(today, -value, m.group("ahu")) if 0 < value <= 100 else None
        if back is None:
            return False
        atom.fixed = (back, back)
        atom.precision = "day" if m.group("ahu").startswith(("j", "s")) else "month"
    return True


_YEAR_THEN_DAY = re.compile(r"^ *,? *(?:le |en |au |du |a partir du |des le )?$")
_DAY_THEN_YEAR = re.compile(r"^ *,? *(?:de |d'|en )?$")


def years_beside(folded: str, atoms: list[Atom]) -> list[Atom]:
    """A yearless day or month next to a year said alone gives that year to it: "l'an dernier le 1er
    septembre", "en 2025, le 3 mars", "le 28 février de cette année". The year is then part of that date,
    not a date of its own."""
    atoms = _framed_by_a_year(folded, atoms)
    kept: list[Atom] = []
    skip: set[int] = set()
    for i, a in enumerate(atoms):
        if i in skip:
            continue
        if a.month is not None and a.year is None and a.fixed is None:
            prev = kept[-1] if kept else None
            nxt = atoms[i + 1] if i + 1 < len(atoms) else None
            if year_alone(prev) and prev is not None and _YEAR_THEN_DAY.match(folded[prev.end : a.start]):
                a.year, a.start = prev.year, prev.start
                kept.pop()
            elif year_alone(nxt) and nxt is not None and _DAY_THEN_YEAR.match(folded[a.end : nxt.start]):
                a.year, a.end = nxt.year, nxt.end
                skip.add(i + 1)
        kept.append(a)
    return kept


# "En 2013, un stagiaire avait commencé Prem'ss le 4 mars": a year opening its sentence, then a comma, frames it
_FRAME_BEFORE = re.compile(r"(?:^|[.?!;:]) *(?:en|courant|au cours de l'annee|durant l'annee) *$")
_FRAME_AFTER = re.compile(r"^ *,")


def _framed_by_a_year(folded: str, atoms: list[Atom]) -> list[Atom]:
    """A year said alone as the frame of its sentence ("En 2013, …") is the year of that sentence's yearless days and
    months; it then dates them, and is no date of its own."""
    for i, frame in enumerate(atoms):
        if not (
            year_alone(frame)
            and _FRAME_BEFORE.search(folded[: frame.start])
            and _FRAME_AFTER.match(folded[frame.end :])
        ):
            continue
        sentence_end = re.search(r"[.?!;]", folded[frame.end :])
        limit = frame.end + sentence_end.start() if sentence_end else len(folded)
        framed = [
            a for a in atoms[i + 1 :] if a.start < limit and a.month is not None and a.year is None and a.fixed is None
        ]
        if not framed:
            continue
        for a in framed:
            a.year = frame.year
        return atoms[:i] + atoms[i + 1 :]
    return atoms


def year_alone(atom: Atom | None) -> bool:
    return atom is not None and atom.precision == "year" and atom.month is None and atom.fixed is None
