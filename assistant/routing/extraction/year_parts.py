"""Half-years and quarters named as periods ("tout le premier semestre", "au troisième trimestre 2025"), rewritten as
the dates they span.

Why: a tutor or a trainer dates a mission by the part of the year it covered ("deux alternants sur tout le premier
semestre"), and the bonus rules count months from a first day to a last one (protocole art. 4.3: "7 points par mois,
complet ou non"). The period is written out as "du 1er janvier 2026 au 30 juin 2026", so the date readers
(`extraction.dates`) read it as they read a typed range. The year is the one said after the period, else the one the
message gives elsewhere, else the latest such period begun by today (said in November, "le premier semestre" is this
year's; said in March, last year's second one).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from calculators.dates import MONTHS_FR
from text.folding import same_length

_ORDINALS = {
    "premier": 1,
    "1er": 1,
    "second": 2,
    "deuxieme": 2,
    "2e": 2,
    "2eme": 2,
    "troisieme": 3,
    "3e": 3,
    "3eme": 3,
    "quatrieme": 4,
    "4e": 4,
    "4eme": 4,
}
_PERIOD = re.compile(
    r"\b(?:(?:sur|pendant|durant|au cours d[eu]|tout au long d[eu])\s+)?(?:tout\s+)?(?:le|du|au)\s+"
    r"(?P<ord>" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")\s+(?P<unit>semestre|trimestre)\b"
    r"(?:\s+(?:de\s+|d'\s*)?(?P<year>20\d\d)\b)?"
)
_YEAR = re.compile(r"\b(20\d\d)\b")


def name_year_parts(text: str, today: date) -> str:
    """`text` with each half-year or quarter named as a period written as its first and last days."""
    folded = same_length(text)
    if "mestre" not in folded:
        return text
    out, last = [], 0
    for m in _PERIOD.finditer(folded):
        rank, months = _ORDINALS[m.group("ord")], 6 if m.group("unit") == "semestre" else 3
        if rank * months > 12:
            continue  # "le troisième semestre" of a training course is no part of a calendar year
        first = (rank - 1) * months + 1
        year = _year(m, folded, today, first)
        last_month = first + months - 1
        last_day = calendar.monthrange(year, last_month)[1]
        written = f"du 1er {MONTHS_FR[first - 1]} {year} au {last_day} {MONTHS_FR[last_month - 1]} {year}"
        out += [text[last : m.start()], written]
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def _year(m: re.Match[str], folded: str, today: date, first_month: int) -> int:
    """The period's year: said after it, else the message's only other year, else the latest one begun by today."""
    if m.group("year"):
        return int(m.group("year"))
    others = {int(y) for y in _YEAR.findall(folded[: m.start()] + " " + folded[m.end() :])}
    if len(others) == 1:
        return others.pop()
    return today.year if date(today.year, first_month, 1) <= today else today.year - 1
