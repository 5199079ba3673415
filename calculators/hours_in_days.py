"""A result in hours restated in the days the user counts in: "à combien de demi-journées de quatre heures ?".

The texts set leaves in hours (congé VAE, avenant 2022 art. 2: "d'une durée de 24 heures est augmenté …
jusqu'à 48 heures") and absences in half-days (art. 5: "autorisation d'absence rémunérée de 1 demi-journée");
an employee plans in (half-)days of their own working hours. When the question gives that length, the
hours are divided by it and the division is shown as a step, so the figure answered is one the calculator
stated (the number guard checks every figure against the result).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from calculators.numbers import format_number, plain, to_decimal
from calculators.result import CalcResult


def hours_in_days(result: CalcResult, day_hours: float, *, half: bool) -> CalcResult:
    """`result` with its hours also counted in (half-)days of `day_hours` hours; unchanged when it has no hours."""
    if result.unit != "heures" or isinstance(result.value, str) or not result.value or not 0 < day_hours <= 24:
        return result
    count = to_decimal(result.value) / to_decimal(day_hours)
    shown = format_number(plain(count.quantize(Decimal("0.01"))), 2)
    noun = "demi-journées" if half else "journées"
    each = "demi-journée" if half else "journée"
    hours, per = format_number(result.value), format_number(day_hours)
    step = f"{hours} heures ÷ {per} heures par {each} = {shown} {noun}."
    summary = f"{result.summary.rstrip('.')}, soit {shown} {noun} de {per} heures."
    return replace(result, summary=summary, steps=[*result.steps, step])
