"""Readers for amounts in euros: the supplementary contribution (payroll) and points to euros.

Both questions give one figure the calculator converts — a gross payroll, a number of points — with
an optional year, point value or date beside it.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.routing.calculator_inputs.facts import Facts, Plan
from assistant.routing.extraction.numbers import parse_number
from assistant.routing.extraction.quantities import Money, parse_money


def plan_contribution(facts: Facts) -> Plan | None:
    """Supplementary contribution (art. 9): the gross payroll in euros, and the year when said."""
    moneys = [m for m in parse_money(facts.text) if m.amount >= 1000]
    amounts = [m.amount for m in moneys]
    if not amounts:
        bare = re.search(r"\bmasse salariale[^.?!]{0,40}?(\d{1,3}(?:[ .]\d{3}){2,}|\d{6,})", facts.folded)
        amounts = [parse_number(bare.group(1))] if bare else []
    amounts = [a for a in amounts if a <= 1e15]  # beyond any payroll: a typo, not a figure
    years = _years(facts)
    if not amounts:
        if facts.personal and facts.asks and not facts.general:
            return Plan("supplementary_contribution", {}, ["payroll"])
        return None
    arguments: dict[str, Any] = {"payroll": max(amounts)}
    if len(years) > 1:  # "en 2023, 2024 et 2025", "de 2023 à 2025": one line per year, and the total
        arguments["years"] = ", ".join(map(str, years))
        if len(amounts) == len(years):  # "2 M€ en 2024 et 3 M€ en 2025": each year its own payroll, in order
            arguments["payrolls"] = "; ".join(f"{a:.2f}" for a in amounts)
    elif years:
        arguments["year"] = years[0]
    low = _range_low(facts, moneys)
    if low is not None and "years" not in arguments:  # "entre 40 et 50 M€": the contribution's range
        arguments["payroll_low"] = low
    return Plan("supplementary_contribution", arguments)


def _range_low(facts: Facts, moneys: list[Money]) -> float | None:
    """The lower end of a payroll given as a range: "entre 40 et 50 M€", "de 2 à 3 M€", "entre 1 M€ et 2 M€"."""
    if len(moneys) == 1:
        return moneys[0].low
    if len(moneys) == 2:
        first, second = moneys
        between = facts.folded[first.span[1] : second.span[0]]
        before = facts.folded[max(0, first.span[0] - 8) : first.span[0]]
        if re.fullmatch(r"\s*(?:et|a|-)\s*", between) and re.search(r"\b(?:entre|de)\s*$", before):
            return min(first.amount, second.amount) if first.amount != second.amount else None
    return None


def _years(facts: Facts) -> list[int]:
    """The years the message names, in order, each once; a span of years ("de 2023 à 2025") gives each."""
    years: list[int] = []
    for d in facts.dates:
        if d.kind in ("point", "range") and d.precision == "year":
            years += [y for y in range(d.start.year, d.end.year + 1) if y not in years]
    # several years only when written ("2023, 2024", "de 2023 à 2025"): "cette année" beside "2027" is the
    # asker's context, not a second payroll year
    written = [
        y
        for d in facts.dates
        if d.precision == "year" and re.search(r"\d{4}", d.text)
        for y in range(d.start.year, d.end.year + 1)
    ]
    if len(years) > 1 and len(set(written)) < 2:
        return [y for y in years if y in written][:1] or years[:1]
    return years if len(years) <= 50 else years[:1]


def plan_points(facts: Facts) -> Plan | None:
    """Points to euros: the points, and the point value or date when the user gives them."""
    found = re.search(r"(?<![\d,.])(\d+(?:[,.]\d+)?) ?(?:points?|pts)\b", facts.folded)
    if not found:
        return None
    arguments: dict[str, Any] = {"points": parse_number(found.group(1))}
    value = re.search(
        r"\b(?:valeur du point|le point|un point|par point)\b[^.?!\d]{0,25}(\d+(?:[,.]\d+)?) ?(?:€|euros?)"
        r"|(\d+(?:[,.]\d+)?) ?(?:€|euros?) (?:le|par) point\b",
        facts.folded,
    )
    if value:
        arguments["point_value"] = parse_number(value.group(1) or value.group(2))
    dated = [d for d in facts.dates if d.precision in ("day", "month")]
    if dated:
        arguments["on"] = dated[0].start
    return Plan("points_to_euros", arguments)
