"""The bonus calculators as the registry runs them: coerced periods become missions and actions,
and the point-value table configured for the assistant converts points to euros.

Kept apart from the catalogue (`calculators.registry`) so the catalogue lists what each calculator is,
and this module how the three point-based ones are fed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from calculators.input_ranges import over_length_range
from calculators.point_value import PointValue, load_point_values, points_to_euros
from calculators.result import CalcError, CalcResult
from calculators.trainer_bonus import TrainingAction, trainer_bonus
from calculators.tutor_bonus import POINTS_PER_MONTH, Mission, tutor_bonus

MAX_TUTORS = 1000


def _table(point_values_file: str | Path | None) -> list[PointValue]:
    return load_point_values(point_values_file)


def run_tutor_bonus(
    missions: list[dict[str, Any]],
    as_of: date | None = None,
    point_value: Decimal | None = None,
    point_values_file: str | None = None,
    months_low: int | None = None,
    tutors: int | None = None,
) -> CalcResult:
    """Build `Mission`s from coerced periods and apply the configured point-value table.

    `months_low`: the mission's length known only as a range ("de 4 à 6 mois"), its lower end; the dates give
    the upper end. The bonus being 7 points per month begun, each end gives an end of the bonus's range.
    `tutors`: several tutors with the same missions each ("mes 5 tuteurs ont chacun accompagné 3 alternants"): the
    bonus is per tutor, capped per tutor (art. 4.3: "252 points par année civile et par tuteur"), then summed.
    """
    single = _one_tutor(missions, as_of, point_value, point_values_file, months_low)
    return single if tutors is None or tutors == 1 else each_tutor(single, tutors)


def each_tutor(single: CalcResult, tutors: int) -> CalcResult:
    """One tutor's bonus counted for each of `tutors` tutors with the same missions (art. 4.3's cap is per tutor)."""
    if not 1 <= tutors <= MAX_TUTORS:
        raise CalcError(f"Le nombre de tuteurs doit être compris entre 1 et {MAX_TUTORS}.")
    value = int(single.value or 0) * tutors
    low = single.details.get("low")
    figure = f"{value} points" if low is None else f"entre {int(low) * tutors} et {value} points"
    return replace(
        single,
        value=value,
        summary=(
            f"Prime de tutorat pour {tutors} tuteurs : {figure} au total, chacun ayant sa propre prime (plafond de "
            f"252 points par année civile et par tuteur, article 4.3). Pour un tuteur : {single.summary}"
        ),
        steps=[*single.steps, f"{tutors} tuteurs × {single.value} points = {value} points."],
        details={
            **single.details,
            "tutors": tutors,
            "per_tutor": single.value,
            **({} if low is None else {"low": int(low) * tutors}),
        },
    )


def _one_tutor(
    missions: list[dict[str, Any]],
    as_of: date | None,
    point_value: Decimal | None,
    point_values_file: str | None,
    months_low: int | None,
) -> CalcResult:
    """One tutor's bonus: the missions as dated, or the range of their length."""
    built = [Mission(**m) for m in missions]
    table = _table(point_values_file)
    return over_length_range(
        built,
        months_low,
        lambda periods: tutor_bonus(periods, as_of, point_value=point_value, point_values=table),
        lambda bottom, top, longest: (
            f"Prime de tutorat : entre {bottom.value} et {top.value} points selon la durée de la mission, de "
            f"{months_low} à {longest} mois ({POINTS_PER_MONTH} points par mois, complet ou non, article 4.3), "
            "versée en une seule fois à l'issue de la mission."
        ),
    )


def run_trainer_bonus(
    actions: list[dict[str, Any]],
    point_value: Decimal | None = None,
    point_values_file: str | None = None,
    months_low: int | None = None,
) -> CalcResult:
    """Build `TrainingAction`s from coerced periods and apply the configured point-value table.

    `months_low`: the action's length known only as a range ("entre 2 et 3 mois"), its lower end (as for the
    tutor: 7 points per month for each action, art. 9.3, so each end gives an end of the bonus's range).
    """
    built = [TrainingAction(**a) for a in actions]
    table = _table(point_values_file)
    count = f"{len(built)} actions" if len(built) > 1 else "1 action"
    return over_length_range(
        built,
        months_low,
        lambda periods: trainer_bonus(periods, point_value=point_value, point_values=table),
        lambda bottom, top, longest: (
            f"Prime de formateur interne à titre accessoire : entre {bottom.value} et {top.value} points selon la "
            f"durée de l'action, de {months_low} à {longest} mois ({count} × {POINTS_PER_MONTH} points par mois, "
            "article 9.3), versée le mois suivant la fin de l'action."
        ),
    )


def run_points_to_euros(
    points: Decimal,
    on: date | None = None,
    point_value: Decimal | None = None,
    point_values_file: str | None = None,
) -> CalcResult:
    """Convert with an explicit value or the configured table."""
    return points_to_euros(points, on, point_value, _table(point_values_file))


def run_both_bonuses(
    missions: list[dict[str, Any]],
    actions: list[dict[str, Any]],
    as_of: date | None = None,
    point_value: Decimal | None = None,
    point_values_file: str | None = None,
) -> CalcResult:
    """A tutor's and a trainer's bonuses told in one message, each computed by its own rule.

    The two bonuses are distinct (art. 9.2: "La fonction de tuteur … n'ouvre pas droit au bénéfice de
    la prime de formateur interne"), so neither is merged into the other: each keeps its formula, its
    steps, its payment date and its article, and the total is their sum only as a figure to budget.
    """
    tutor = run_tutor_bonus(missions, as_of, point_value, point_values_file)
    trainer = run_trainer_bonus(actions, point_value, point_values_file)
    total = (tutor.value or 0) + (trainer.value or 0)  # type: ignore[operator]
    return CalcResult(
        name="tutor_and_trainer_bonus",
        value=total,
        unit="points",
        summary=f"{tutor.summary} {trainer.summary} Ensemble : {total} points.",
        formula=f"tutorat : {tutor.formula} ; formateur interne : {trainer.formula}",
        steps=[
            "Prime de tutorat (article 4.3) :",
            *tutor.steps,
            "Prime de formateur interne à titre accessoire (article 9.3) :",
            *trainer.steps,
        ],
        references=list(dict.fromkeys([*tutor.references, *trainer.references])),
        warnings=list(dict.fromkeys([*tutor.warnings, *trainer.warnings])),
        details={"tutor_bonus": tutor.to_dict(), "trainer_bonus": trainer.to_dict()},
    )
