"""Prime du formateur interne à titre accessoire (protocole art. 9.3, created by the avenant of
11 October 2022, art. 3; retroactive to 1 January 2022 by its art. 6).

Article 9.3: 7 points per month for each internal training action the employee runs as an occasional
trainer, paid the month after the action ends, prorated neither for part time nor for the length of
the training. Article 9.2: being a tutor (or an "occasional trainer" under the 2010 agreement) does not
open this bonus. Months before January 2022 are not paid.

Months are counted as for the tutor (art. 4.3, "par mois, complet ou non"): months of duration from
the action's start date, each month begun counting as one, so a one-day action counts one month and
25 March–5 April counts one too (docs/CALCULATORS.md). Each payment is converted at the point value
in force on its own payment date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from calculators import references as ref
from calculators.dates import first_day_of_next_month, format_date_fr, format_month_of, month_slots
from calculators.numbers import Number
from calculators.point_value import PointValue, payments_conversion
from calculators.result import CalcError, CalcResult

POINTS_PER_MONTH = 7
DUE_FROM = date(2022, 1, 1)


@dataclass(frozen=True)
class TrainingAction:
    """An internal training action the employee ran as an occasional trainer."""

    start: date
    end: date


def trainer_bonus(
    actions: Sequence[TrainingAction],
    *,
    point_value: Number | None = None,
    point_values: Sequence[PointValue] = (),
) -> CalcResult:
    """Compute the occasional trainer's bonus per action and the month each amount is paid."""
    if not actions:
        raise CalcError("Indiquez au moins une action de formation, avec ses dates de début et de fin.")
    for number, action in enumerate(actions, start=1):
        if action.end < action.start:
            raise CalcError(
                f"Action {number} : la date de fin ({format_date_fr(action.end)}) est antérieure à la date "
                f"de début ({format_date_fr(action.start)})."
            )
    steps = [
        f"Article 9.3 : {POINTS_PER_MONTH} points par mois pour chaque action de formation animée en tant "
        "que formateur interne à titre accessoire, versés le mois suivant la fin de l'action ; la prime "
        "n'est proratisée ni selon le temps de travail ni selon la durée de la formation.",
        "Article 6 de l'avenant : prime due à compter du 1er janvier 2022.",
    ]
    warnings: list[str] = []
    by_payment: dict[date, int] = defaultdict(int)
    action_details = []
    total = 0
    for number, action in enumerate(actions, start=1):
        slots = month_slots(action.start, action.end)
        # the months due are counted from 1 January 2022 when the action began before it: an action of
        # 2 November 2021 to 1 January 2022 still earns its January month ("complet ou non")
        months = month_slots(max(action.start, DUE_FROM), action.end) if action.end >= DUE_FROM else []
        excluded = max(0, len(slots) - len(months))
        points = POINTS_PER_MONTH * len(months)
        payment = first_day_of_next_month(action.end)
        total += points
        if points:
            by_payment[payment] += points
        period = (
            f"le {format_date_fr(action.start)}"
            if action.start == action.end
            else f"du {format_date_fr(action.start)} au {format_date_fr(action.end)}"
        )
        begun = "1 mois entamé" if len(slots) == 1 else f"{len(slots)} mois entamés"
        counted = f"{begun}, dont {len(months)} depuis janvier 2022" if excluded else begun
        steps.append(
            f"Action {number}, {period} : {counted} × {POINTS_PER_MONTH} points = {points} points, versés "
            f"en {format_month_of(payment)}."
        )
        if excluded:
            warnings.append(
                f"Action {number} : {excluded} mois antérieur(s) à janvier 2022 ne donne(nt) pas droit à la "
                "prime (effet rétroactif limité au 1er janvier 2022)."
            )
        if len(months) > 1:
            warnings.append(
                f"Action {number} : elle dure {len(months)} mois entamés depuis son premier jour, chacun compté "
                f"pour {POINTS_PER_MONTH} points ; le texte ne précise pas le décompte d'une action sur "
                "plusieurs mois (lecture retenue : celle de la prime de tutorat, « par mois, complet ou non »)."
            )
        action_details.append(
            {
                "start": action.start,
                "end": action.end,
                "months": len(months),
                "points": points,
                "paid_in": payment,
            }
        )
    warnings.append(
        "La fonction de tuteur et celle de formateur occasionnel du protocole du 3 septembre 2010 n'ouvrent "
        "pas droit à cette prime (article 9.2) ; le formateur est retenu sur la base du volontariat par la "
        "direction pour une action de formation professionnelle interne."
    )
    payments = sorted(by_payment.items())
    if payments:
        steps.append(
            "Versements : " + " ; ".join(f"{points} points en {format_month_of(day)}" for day, points in payments) + "."
        )
    nothing = [(first_day_of_next_month(max(a.end for a in actions)), 0)]
    payments_for_euros = list(payments) or nothing
    euro_steps, euro_warnings, euro_details = payments_conversion(payments_for_euros, point_value, point_values)
    steps += euro_steps
    warnings += euro_warnings

    count = f"{len(actions)} actions" if len(actions) > 1 else "1 action"
    if not payments:
        summary = (
            "Aucune prime de formateur interne : 0 points, les actions ont eu lieu avant le 1er janvier "
            "2022, date d'effet de la prime."
        )
    elif len(payments) == 1:
        summary = (
            f"Prime de formateur interne à titre accessoire : {total} points ({count} × {POINTS_PER_MONTH} "
            f"points par mois), versée en {format_month_of(payments[0][0])}."
        )
    else:
        schedule = ", ".join(f"{points} points en {format_month_of(day)}" for day, points in payments)
        summary = (
            f"Prime de formateur interne à titre accessoire : {total} points ({count} × {POINTS_PER_MONTH} "
            f"points par mois), versés ainsi : {schedule}."
        )
    return CalcResult(
        name="trainer_bonus",
        value=total,
        unit="points",
        summary=summary,
        formula=f"prime = {POINTS_PER_MONTH} points × mois × actions, versée le mois suivant la fin",
        steps=steps,
        references=[ref.TRAINER_BONUS, ref.AVENANT_EFFECT],
        warnings=warnings,
        details={
            "actions": action_details,
            "payments": [{"month": format_month_of(day), "date": day, "points": pts} for day, pts in payments],
            **euro_details,
        },
    )
