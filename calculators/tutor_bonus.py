"""Prime de tutorat (protocole du 19 décembre 2019, art. 4.3 and 4.2).

Article 4.3: "Le montant de la prime est proportionnel à la durée de la mission d'accompagnement
tutoré effectuée dans l'organisme ; il correspond à 7 points par mois, complet ou non", at most 252
points per calendar year and per tutor; not prorated for part time; paid once, at the end of the
mission, when it met its teaching objectives. Article 4.2: "chaque tuteur accompagne, au maximum,
3 salariés".

Months are months of duration counted from the mission's start date, each month begun counting as
one (15 January–14 February is 1 month, 1 February–20 June is 5). The yearly cap applies to the
months falling in each calendar year (a month belongs to the year it begins in). At most 3 trainees
count at once: a trainee beyond the third earns nothing for the months where the tutor already
accompanies 3 (docs/CALCULATORS.md). Each mission is paid at its end, converted at the point value
in force on that date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from calculators import references as ref
from calculators.dates import format_date_fr, month_slots
from calculators.numbers import Number
from calculators.point_value import PointValue, payments_conversion
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


@dataclass
class _Counted:
    """How a mission's months were counted: months begun, trainees paid per month, points per year."""

    months: int
    paid_trainee_months: int = 0
    excess_trainee_months: int = 0
    points_by_year: dict[int, int] = field(default_factory=dict)


def _count(missions: Sequence[Mission]) -> list[_Counted]:
    """Months begun per mission, at most 3 trainees at once (art. 4.2), missions taken by start date."""
    occupancy: dict[date, int] = defaultdict(int)
    counted: list[_Counted] = [_Counted(0) for _ in missions]
    for index in sorted(range(len(missions)), key=lambda i: (missions[i].start, missions[i].end)):
        mission = missions[index]
        slots = month_slots(mission.start, mission.end)
        record = counted[index]
        record.months = len(slots)
        for first, last in slots:
            days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
            room = max(0, MAX_TRAINEES - max(occupancy[day] for day in days))
            paid = min(mission.trainees, room)
            for day in days:
                occupancy[day] += paid
            record.paid_trainee_months += paid
            record.excess_trainee_months += mission.trainees - paid
            record.points_by_year[first.year] = record.points_by_year.get(first.year, 0) + POINTS_PER_MONTH * paid
    return counted


def _period(mission: Mission, months: int) -> str:
    begun = "1 mois entamé" if months == 1 else f"{months} mois entamés"
    return f"du {format_date_fr(mission.start)} au {format_date_fr(mission.end)} : {begun}"


def tutor_bonus(
    missions: Sequence[Mission],
    as_of: date | None = None,
    *,
    point_value: Number | None = None,
    point_values: Sequence[PointValue] = (),
) -> CalcResult:
    """Compute a tutor's bonus in points from dated missions, applying art. 4.2's 3 trainees and art. 4.3's cap."""
    _validate(missions)
    today = as_of or date.today()
    steps = [
        f"Article 4.3 : prime proportionnelle à la durée de la mission, {POINTS_PER_MONTH} points par mois, "
        f"complet ou non, dans la limite de {ANNUAL_CAP} points par année civile et par tuteur ; la prime "
        "n'est pas proratisée selon le temps de travail. Article 4.2 : chaque tuteur accompagne au maximum "
        f"{MAX_TRAINEES} salariés.",
    ]
    warnings: list[str] = []
    counted = _count(missions)
    gross_by_year: dict[int, int] = defaultdict(int)
    for number, (mission, record) in enumerate(zip(missions, counted, strict=True), start=1):
        gross = sum(record.points_by_year.values())
        for year, points in record.points_by_year.items():
            gross_by_year[year] += points
        trainees = f" × {mission.trainees} stagiaires" if mission.trainees > 1 else ""
        if record.excess_trainee_months:
            steps.append(
                f"Mission {number}, {_period(mission, record.months)}{trainees} ; au plus {MAX_TRAINEES} "
                f"stagiaires comptent en même temps : {record.paid_trainee_months} mois-stagiaire × "
                f"{POINTS_PER_MONTH} points = {gross} points."
            )
            warnings.append(
                f"Mission {number} : {record.excess_trainee_months} mois-stagiaire au-delà du {MAX_TRAINEES}e "
                f"stagiaire accompagné en même temps ne donnent pas de prime "
                f"({record.excess_trainee_months * POINTS_PER_MONTH} points non comptés) : l'article 4.2 limite "
                f"à {MAX_TRAINEES} le nombre de salariés qu'un tuteur accompagne."
            )
        else:
            steps.append(
                f"Mission {number}, {_period(mission, record.months)} × {POINTS_PER_MONTH} points{trainees} = "
                f"{gross} points."
            )
        if mission.start < PROTOCOLE_IN_FORCE:
            warnings.append(
                f"Mission {number} : elle commence avant l'agrément du protocole (30 avril 2020) ; le texte "
                "alors applicable peut différer."
            )
        if mission.end > today:
            warnings.append(
                f"Mission {number} : non terminée au {format_date_fr(today)} ; la prime sera versée à son "
                f"issue ({format_date_fr(mission.end)}) si les objectifs pédagogiques sont atteints."
            )

    per_year = {}
    capped_years = []
    kept_by_year: dict[int, int] = {}
    for year in sorted(gross_by_year):
        gross = gross_by_year[year]
        kept_by_year[year] = min(gross, ANNUAL_CAP)
        per_year[year] = {"gross": gross, "points": kept_by_year[year], "capped": gross > ANNUAL_CAP}
        if gross > ANNUAL_CAP:
            capped_years.append(year)
            steps.append(f"{year} : {gross} points bruts, ramenés au plafond de {ANNUAL_CAP} points.")
        else:
            steps.append(f"{year} : {gross} points (plafond annuel de {ANNUAL_CAP} points non atteint).")
    total = sum(kept_by_year.values())
    gross_total = sum(gross_by_year.values())
    kept = _kept_per_mission(missions, counted, kept_by_year)

    mission_details = []
    for number, (mission, record, points) in enumerate(zip(missions, counted, kept, strict=True), start=1):
        if points > ANNUAL_CAP:
            split = ", ".join(f"{y} : {p} points" for y, p in sorted(record.points_by_year.items()))
            warnings.append(
                f"Mission {number} : le versement unique de {points} points dépasse {ANNUAL_CAP} points car la "
                f"mission s'étend sur plusieurs années civiles ; le plafond s'applique aux mois de chaque année "
                f"({split})."
            )
        mission_details.append(
            {
                "start": mission.start,
                "end": mission.end,
                "trainees": mission.trainees,
                "months": record.months,
                "paid_trainee_months": record.paid_trainee_months,
                "excess_trainee_months": record.excess_trainee_months,
                "points": points,
                "payment": f"à l'issue de la mission ({format_date_fr(mission.end)})",
                "paid_on": mission.end,
                "status": "terminée" if mission.end <= today else "en cours ou à venir",
            }
        )
    warnings.append(CONDITIONS)
    steps.append(
        "Versement en une seule fois à l'issue de chaque mission, lorsqu'elle s'est réalisée conformément "
        "aux objectifs pédagogiques fixés."
    )
    payments = [(mission.end, points) for mission, points in zip(missions, kept, strict=True)]
    euro_steps, euro_warnings, euro_details = payments_conversion(payments, point_value, point_values)
    steps += euro_steps
    warnings += euro_warnings

    points_text = f"{total} points"
    if capped_years:
        years = ", ".join(str(y) for y in capped_years)
        points_text += (
            f" après plafonnement à {ANNUAL_CAP} points par année civile ({years} ; {gross_total} points bruts)"
        )
    last_end = max(mission.end for mission in missions)
    total_months = sum(record.paid_trainee_months for record in counted)
    if len(missions) == 1:
        only, record = missions[0], counted[0]
        paid_trainees = min(only.trainees, MAX_TRAINEES)
        factors = f"{record.months} mois entamés × {POINTS_PER_MONTH} points"
        if record.months == 1:
            factors = f"1 mois entamé × {POINTS_PER_MONTH} points"
        if paid_trainees > 1:
            factors += f" × {paid_trainees} stagiaires"
        if record.excess_trainee_months:
            factors += f" ; au plus {MAX_TRAINEES} stagiaires en même temps, article 4.2"
        summary = (
            f"Prime de tutorat : {points_text} ({factors}), versée en une seule fois à l'issue de la mission "
            f"({format_date_fr(last_end)})."
        )
    else:
        summary = (
            f"Prime de tutorat : {points_text} pour {len(missions)} missions ({total_months} mois de "
            f"tutorat × {POINTS_PER_MONTH} points), chaque mission étant payée en une seule fois à son "
            "issue."
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
            f"prime = {POINTS_PER_MONTH} points × mois entamés depuis le début de la mission × stagiaires "
            f"(au plus {MAX_TRAINEES} en même temps), plafonnée à {ANNUAL_CAP} points par année civile"
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


def _kept_per_mission(missions: Sequence[Mission], counted: list[_Counted], kept_by_year: dict[int, int]) -> list[int]:
    """Each mission's points once the yearly cap is taken, missions ending first served first."""
    left = dict(kept_by_year)
    kept = [0] * len(missions)
    for index in sorted(range(len(missions)), key=lambda i: (missions[i].end, missions[i].start)):
        for year, points in sorted(counted[index].points_by_year.items()):
            taken = min(points, left.get(year, 0))
            left[year] = left.get(year, 0) - taken
            kept[index] += taken
    return kept
