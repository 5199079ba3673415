"""Prime de tutorat (protocole du 19 décembre 2019, art. 4.3 and 4.2).

Article 4.3: 7 points per month of tutoring mission, complete or not; at most 252 points per calendar
year and per tutor; not prorated for part time; paid once, at the end of the mission, when it met its
teaching objectives. Article 4.2: a tutor accompanies at most 3 employees.

Months are counted as the calendar months a mission touches (a started month counts), which also
lets the yearly cap be applied month by month; when counting from the start date would give another
number of months, a warning says so. Each trainee is a mission: two trainees over the same months
earn two × 7 points per month, within the same yearly cap.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from calculators import references as ref
from calculators.dates import calendar_months, format_date_fr, format_month_fr, started_months
from calculators.numbers import Number
from calculators.point_value import PointValue, bonus_conversion
from calculators.result import CalcError, CalcResult

POINTS_PER_MONTH = 7
ANNUAL_CAP = 252
MAX_TRAINEES = 3
PROTOCOLE_IN_FORCE = date(2020, 4, 30)

CONDITIONS = (
    "La prime est due pour une mission de tuteur exercée au-delà des activités liées à votre emploi, dans "
    "un dispositif sanctionné par un examen qui prévoit des phases tutorées, et réalisée conformément aux "
    "objectifs pédagogiques fixés au préalable (article 4.3) : à vérifier."
)


@dataclass(frozen=True)
class Mission:
    """A tutoring mission: its dates and how many trainees it covers (one per trainee by default)."""

    start: date
    end: date
    trainees: int = 1


def _validate(missions: Sequence[Mission]) -> None:
    if not missions:
        raise CalcError("Indiquez au moins une mission de tutorat, avec ses dates de début et de fin.")
    for number, mission in enumerate(missions, start=1):
        if mission.end < mission.start:
            raise CalcError(
                f"Mission {number} : la date de fin ({format_date_fr(mission.end)}) est antérieure à la "
                f"date de début ({format_date_fr(mission.start)})."
            )
        if mission.trainees < 1:
            raise CalcError(f"Mission {number} : le nombre de stagiaires accompagnés doit être d'au moins 1.")


def _overload_periods(missions: Sequence[Mission]) -> list[tuple[date, date, int]]:
    """Periods during which the tutor accompanies more than 3 trainees at once (art. 4.2)."""
    deltas: dict[date, int] = defaultdict(int)
    for mission in missions:
        deltas[mission.start] += mission.trainees
        deltas[mission.end + timedelta(days=1)] -= mission.trainees
    periods: list[tuple[date, date, int]] = []
    current, since, peak = 0, date.min, 0
    for day in sorted(deltas):
        before = current
        current += deltas[day]
        if before <= MAX_TRAINEES < current:
            since, peak = day, current
        elif current > MAX_TRAINEES:
            peak = max(peak, current)
        elif before > MAX_TRAINEES >= current:
            periods.append((since, day - timedelta(days=1), peak))
    return periods


def tutor_bonus(
    missions: Sequence[Mission],
    as_of: date | None = None,
    *,
    point_value: Number | None = None,
    point_values: Sequence[PointValue] = (),
) -> CalcResult:
    """Compute a tutor's bonus in points from dated missions, applying the yearly cap of art. 4.3."""
    _validate(missions)
    today = as_of or date.today()
    steps = [
        f"Article 4.3 : {POINTS_PER_MONTH} points par mois de mission, complet ou non, dans la limite de "
        f"{ANNUAL_CAP} points par année civile et par tuteur ; la prime n'est pas proratisée selon le temps "
        "de travail.",
    ]
    warnings: list[str] = []
    gross_by_year: dict[int, int] = defaultdict(int)
    mission_details = []
    total_months = 0
    for number, mission in enumerate(missions, start=1):
        months = calendar_months(mission.start, mission.end)
        points = POINTS_PER_MONTH * len(months) * mission.trainees
        for year, _ in months:
            gross_by_year[year] += POINTS_PER_MONTH * mission.trainees
        total_months += len(months) * mission.trainees
        trainees = f" × {mission.trainees} stagiaires" if mission.trainees > 1 else ""
        steps.append(
            f"Mission {number} : du {format_date_fr(mission.start)} au {format_date_fr(mission.end)}, "
            f"{len(months)} mois civils ({format_month_fr(*months[0])} à {format_month_fr(*months[-1])}) × "
            f"{POINTS_PER_MONTH} points{trainees} = {points} points."
        )
        by_duration = started_months(mission.start, mission.end)
        if by_duration != len(months):
            warnings.append(
                f"Mission {number} : le texte compte « 7 points par mois, complet ou non ». Le calcul "
                f"retient les mois civils touchés ({len(months)}) ; compté de date à date depuis le début "
                f"de la mission, on obtiendrait {by_duration} mois. Vérifiez l'usage de votre organisme."
            )
        if mission.start < PROTOCOLE_IN_FORCE:
            warnings.append(
                f"Mission {number} : elle commence avant l'agrément du protocole (30 avril 2020) ; le texte "
                "alors applicable peut différer."
            )
        status = "terminée" if mission.end <= today else "en cours ou à venir"
        mission_details.append(
            {
                "start": mission.start,
                "end": mission.end,
                "trainees": mission.trainees,
                "months": len(months),
                "points": points,
                "payment": f"à l'issue de la mission ({format_date_fr(mission.end)})",
                "status": status,
            }
        )
        if mission.end > today:
            warnings.append(
                f"Mission {number} : non terminée au {format_date_fr(today)} ; la prime sera versée à son "
                f"issue ({format_date_fr(mission.end)}) si les objectifs pédagogiques sont atteints."
            )

    per_year = {}
    total = 0
    capped_years = []
    for year in sorted(gross_by_year):
        gross = gross_by_year[year]
        kept = min(gross, ANNUAL_CAP)
        total += kept
        per_year[year] = {"gross": gross, "points": kept, "capped": gross > ANNUAL_CAP}
        if gross > ANNUAL_CAP:
            capped_years.append(year)
            steps.append(f"{year} : {gross} points bruts, ramenés au plafond de {ANNUAL_CAP} points.")
        else:
            steps.append(f"{year} : {gross} points (plafond annuel de {ANNUAL_CAP} points non atteint).")
    gross_total = sum(gross_by_year.values())

    for since, until, peak in _overload_periods(missions):
        warnings.append(
            f"Du {format_date_fr(since)} au {format_date_fr(until)}, {peak} stagiaires sont accompagnés en "
            f"même temps : l'article 4.2 limite à {MAX_TRAINEES} le nombre de salariés par tuteur."
        )
    warnings.append(CONDITIONS)
    last_end = max(mission.end for mission in missions)
    steps.append(
        "Versement en une seule fois à l'issue de chaque mission, lorsqu'elle s'est réalisée conformément "
        "aux objectifs pédagogiques fixés."
    )
    euro_steps, euro_warnings, euro_details = bonus_conversion(total, last_end, point_value, point_values)
    steps += euro_steps
    warnings += euro_warnings

    points_text = f"{total} points"
    if capped_years:
        years = ", ".join(str(y) for y in capped_years)
        points_text += (
            f" après plafonnement à {ANNUAL_CAP} points par année civile ({years} ; {gross_total} points bruts)"
        )
    if len(missions) == 1:
        only = missions[0]
        factors = f"{total_months // only.trainees} mois × {POINTS_PER_MONTH} points"
        if only.trainees > 1:
            factors += f" × {only.trainees} stagiaires"
        summary = (
            f"Prime de tutorat : {points_text} ({factors}), versée en une seule fois à l'issue de la mission "
            f"({format_date_fr(last_end)})."
        )
    else:
        if any(mission.trainees > 1 for mission in missions):  # a month with 2 trainees counts twice
            counted = (
                f"{total_months} mois-stagiaires, soit les mois de mission multipliés par le nombre de stagiaires,"
            )
        else:
            counted = f"{total_months} mois de mission"
        summary = (
            f"Prime de tutorat : {points_text} pour {len(missions)} missions ({counted} × {POINTS_PER_MONTH} "
            "points), chaque mission étant payée en une seule fois à son issue."
        )
    references = [ref.TUTOR_BONUS]
    if any(mission.trainees > 1 for mission in missions) or len(missions) > 1:
        references.append(ref.TUTOR_ORGANISATION)
    return CalcResult(
        name="tutor_bonus",
        value=total,
        unit="points",
        summary=summary,
        formula=(
            f"prime = {POINTS_PER_MONTH} points × mois de mission (complets ou non) × stagiaires, plafonnée "
            f"à {ANNUAL_CAP} points par année civile"
        ),
        steps=steps,
        references=references,
        warnings=warnings,
        details={
            "gross_points": gross_total,
            "months": total_months,
            "per_year": per_year,
            "missions": mission_details,
            "as_of": today,
            **euro_details,
        },
    )
