"""A rule applied to an input known only as a range ("une mission de 4 à 6 mois", "entre 1 000 et 1 400 heures").

The rules of the agreements are monotonic in these inputs (7 points per month begun, art. 4.3 and 9.3; 15 % of
a duration with a floor, art. 2.5), so the rule applied to each end gives the ends of the result's range: the
user gets both figures and both computations instead of the upper end alone. Each calculator states its own
summary; this module holds what the ranged results share (the merged result, the shortened periods).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Protocol, TypeVar

from calculators.dates import add_months, month_slots
from calculators.result import CalcError, CalcResult

MAX_RANGE_MONTHS = 600


class Period(Protocol):
    """A dated mission or action: a tutor's `Mission`, a trainer's `TrainingAction`."""

    @property
    def start(self) -> date: ...

    @property
    def end(self) -> date: ...


P = TypeVar("P", bound=Period)


def ranged_result(bottom: CalcResult, top: CalcResult, summary: str, low_label: str, high_label: str) -> CalcResult:
    """One result for both ends: the top's figure and working, the bottom's figure in `details["low"]`, each
    end's own summary as a step (so the two computations are shown), the warnings of both."""
    return replace(
        top,
        summary=summary,
        steps=[
            f"Bas de la fourchette ({low_label}) : {bottom.summary}",
            f"Haut de la fourchette ({high_label}) : {top.summary}",
            *top.steps,
        ],
        warnings=list(dict.fromkeys([*bottom.warnings, *top.warnings])),
        references=list(dict.fromkeys([*top.references, *bottom.references])),
        details={**top.details, "low": bottom.value, "low_details": bottom.details},
    )


def months_begun(start: date, end: date) -> int:
    """The months of a period counted from its start, each month begun counting as one (art. 4.3, 9.3)."""
    return len(month_slots(start, end))


def shortened(periods: Sequence[P], months_low: int) -> list[P]:
    """The periods of one length said as a range, cut to the range's lower end: each keeps its start and lasts
    `months_low` months (the dates given, or the upper end of the length, are the longest case).

    Only one length can be a range: every period must share the same dates (one period, or one per trainee).
    """
    if not periods:
        raise CalcError("Indiquez la période concernée, avec ses dates de début et de fin.")
    if len({(p.start, p.end) for p in periods}) != 1:
        raise CalcError(
            "Une fourchette de durée ne vaut que pour une seule période : indiquez les dates de chacune à part."
        )
    if not 1 <= months_low <= MAX_RANGE_MONTHS:
        raise CalcError("Le bas de la fourchette de durée doit être d'au moins 1 mois.")
    first = periods[0]
    longest = months_begun(first.start, first.end)
    if months_low >= longest:
        raise CalcError(
            f"Fourchette de durée inversée : le bas ({months_low} mois) doit être inférieur à la durée de la "
            f"période ({longest} mois)."
        )
    end = add_months(first.start, months_low) - timedelta(days=1)
    return [replace(p, end=end) for p in periods]  # type: ignore[type-var]


def over_length_range(
    periods: Sequence[P],
    months_low: int | None,
    compute: Callable[[list[P]], CalcResult],
    summary: Callable[[CalcResult, CalcResult, int], str],
) -> CalcResult:
    """The rule applied to the periods as dated and, when their length is a range, to the range's lower end too.

    `compute` applies the rule to periods; `summary(bottom, top, longest)` words the ranged result, `longest`
    being the dated length in months begun. Without `months_low` the dated result is returned as it is.
    """
    top = compute(list(periods))
    if months_low is None:
        return top
    bottom = compute(shortened(periods, months_low))
    longest = months_begun(periods[0].start, periods[0].end)
    return ranged_result(bottom, top, summary(bottom, top, longest), f"{months_low} mois", f"{longest} mois")
