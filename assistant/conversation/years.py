"""A year counted from the conversation's dates: "et l'an prochain ?", "l'année d'après, aux mêmes dates ?".

After a calculation on dates, a follow-up that moves by a year relative to them ("l'an prochain", "l'année
suivante", "un an plus tard") speaks of the same facts a year on, never of a date "next year" read from
today as a new fact. French says which facts move by what the earlier message's dates are:

* a **period** of activity (a mission, an action of training: a start and an end) is the thing done again a
  year on: its written years move by the offset ("du 1er mars au 31 mai 2026" → "… 2027"), unless the
  follow-up writes its own dates, which replace it as usual (the year phrase then only frames them);
* a **point** in the past (the last training, the date of a certificate) is an event that happened: a year
  on, it is the moment of asking that moves, not the event. The earlier question stays as it was, and a
  date of the follow-up later than today ("en juillet 2027") is that moment, not a new date of the event.

Only the written years move: the calculators' readers (calc owns them) read the moved question as typed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Protocol

from text.folding import same_length

# a year counted from the dates already given: +1 or -1
_RELATIVE_YEAR = re.compile(
    r"\b(?:(?P<next>l'an prochain|l'annee prochaine|l'annee suivante|l'an suivant|l'annee d'apres|l'an d'apres|"
    r"un an (?:plus tard|apres)|une annee plus tard)|(?P<before>l'annee d'avant|l'an d'avant|l'annee precedente|"
    r"un an (?:plus tot|avant)))\b"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


class _Span(Protocol):
    @property
    def start(self) -> date: ...


class _Fact(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def span(self) -> tuple[int, int]: ...
    @property
    def when(self) -> _Span | None: ...


def relative_year(follow: str) -> tuple[int, tuple[int, int]] | None:
    """The offset in years a follow-up counts from the earlier dates, and where it says it; None if none."""
    m = _RELATIVE_YEAR.search(same_length(follow).lower())
    if m is None:
        return None
    return (1 if m.group("next") else -1), m.span()


def moved_periods(earlier: str, facts: Sequence[_Fact], offset: int) -> str | None:
    """`earlier` with the written years of its periods moved by `offset`; None when it holds no period with
    a written year (a point in the past stays: the moment of asking moves, see the module docstring)."""
    periods = [f for f in facts if f.kind == "period"]
    text, moved = earlier, False
    for fact in sorted(periods, key=lambda f: f.span, reverse=True):
        start, end = fact.span
        words = _YEAR.sub(lambda y: str(int(y.group(0)) + offset), earlier[start:end])
        if words != earlier[start:end]:
            text, moved = text[:start] + words + text[end:], True
    return text if moved else None


def is_moment_of_asking(fact: _Fact, earlier_facts: Sequence[_Fact], today: date) -> bool:
    """A date of the follow-up after today, when the earlier message's dates are points in the past: the
    moment the user asks about ("l'an prochain, en juillet 2027"), not a new date of the past event."""
    if fact.kind != "date" or fact.when is None or fact.when.start <= today:
        return False
    points = [f for f in earlier_facts if f.when is not None and f.kind == "date"]
    return bool(points) and all(f.when is not None and f.when.start <= today for f in points)
