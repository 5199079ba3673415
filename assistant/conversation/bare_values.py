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

from assistant.routing.extraction.written_dates import without_written_dates, written_dates
from calculators.dates import format_date_fr
from text.folding import same_length

# what may stand around the dates of a bare value
_AROUND = re.compile(
    r"^(?:\s|[,;:.!?()]|->|=>|→|⇒|>|[-–—]|\b(?:du|de|le|la|au|a|jusqu'au|jusqu'a|jusqu|et|puis|debut|fin|"
    r"depuis|entre|periode|mission)\b|')*$"
)


def written_out(message: str, today: date) -> str | None:
    """`message` rewritten as "du 1er février 2026 au 31 mai 2026" (two dates) or "le 14 octobre 2021" (one)
    when it is a bare value made of dates; None when it says anything else or holds no valid date."""
    folded = same_length(message).lower()
    found = written_dates(folded)  # the typed dates, read as the routing's readers read them
    if not found or len(found) > 2:
        return None
    if not _AROUND.match(without_written_dates(folded)):
        return None
    if any(p is None for p in found):
        return None
    ends = [(p.day, p.month, p.year) for p in found if p is not None]
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


# where the clause telling the two dates begins: after the last mark that ends a phrase before the first date
_CLAUSE_START = re.compile(r".*[,;:(]\s*", re.S)


def two_ends(message: str, dates: list[tuple[tuple[int, int], date, bool]]) -> str | None:
    """A period told by its two ends as two single dates, each with its own verb ("arrivée le 1er avril 2026 et
    partie le 15 août", "venu le 2 février, reparti le 20 juin"), rewritten "du 1er avril 2026 au 15 août 2026".

    Why: the readers read a period from the forms of a range ("du … au …", "de … à …"); two dates joined by "et"
    with a verb each are two points, and a calculator asking "sur quelle période ?" asks again. `dates` are the
    message's dates in reading order, each with its span, the day read and whether its year was inferred. Only for
    exactly two days in order: the clause that tells them (from the last comma, colon or semicolon before the first
    date) is replaced, the rest of the message kept. A year left out on the second end is the first end's (the year
    after when the months would run backwards)."""
    if len(dates) != 2:
        return None
    (first_span, start, _), (last_span, end, end_inferred) = dates
    if end_inferred:
        end = end.replace(year=start.year if (end.month, end.day) >= (start.month, start.day) else start.year + 1)
    if end <= start:
        return None
    before = message[: first_span[0]]
    clause = _CLAUSE_START.match(before)
    cut = clause.end() if clause else 0
    rest = message[last_span[1] :]
    return f"{message[:cut]}du {format_date_fr(start)} au {format_date_fr(end)}{rest}"
