"""Entretiens professionnels (protocole du 19 décembre 2019, art. 6).

"Les organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un entretien de
bilan. Celui-ci est l'occasion de faire un état des lieux récapitulatif du parcours professionnel du
salarié et de ses objectifs."

Readings (docs/CALCULATORS.md):
- only periods after the protocole's entry into force are judged (`in_force_from`, by default
  19 December 2019): periods of 6 years run from the hire date, or from that date for an employee
  hired before it — a 2005 hire is not judged on 2005–2011;
- two interviews on the same day are one;
- a bilan belongs to the period it closes: one held in the first half of a period while the previous
  period has none closes the previous one, late (flagged), and the current period still needs its own;
  a bilan in the first year after the hire is flagged as implausible (it sums up a career path);
- periods count in years with `calculators.dates.anniversary` (29 February → 1 March).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from calculators import references as ref
from calculators.dates import anniversary, format_date_fr
from calculators.numbers import count_fr
from calculators.result import CalcError, CalcResult
from calculators.review_horizon import by_horizon

PERIOD_YEARS = 6
INTERVIEWS_PER_PERIOD = 2
BILANS_PER_PERIOD = 1
INTERVIEW_WORDS = ("entretien professionnel", "entretiens professionnels")
IN_FORCE = date(2019, 12, 19)


@dataclass(frozen=True)
class ReviewPeriod:
    """One 6-year period from the hire date, with the interviews and bilans held in it."""

    start: date
    end: date
    interviews: int
    bilans: int
    complete: bool

    @property
    def compliant(self) -> bool:
        """At least two entretiens professionnels and one bilan in the period."""
        return self.interviews >= INTERVIEWS_PER_PERIOD and self.bilans >= BILANS_PER_PERIOD


def team_minimum(headcount: int) -> CalcResult:
    """The interviews a team of `headcount` people is owed over one 6-year period: "Les organismes assurent, tous les
    6 ans, au moins deux entretiens professionnels et un entretien de bilan" — per employee, so 3 × headcount."""
    if headcount < 1:
        raise CalcError("L'effectif de l'équipe doit être d'au moins une personne.")
    interviews, bilans = INTERVIEWS_PER_PERIOD * headcount, BILANS_PER_PERIOD * headcount
    total = interviews + bilans
    per_person = INTERVIEWS_PER_PERIOD + BILANS_PER_PERIOD
    people = count_fr(headcount, "salarié", "salariés")
    return CalcResult(
        name="professional_reviews",
        value=total,
        unit="entretiens",
        summary=(
            f"Pour {people}, au moins {total} entretiens tous les {PERIOD_YEARS} ans : {interviews} entretiens "
            f"professionnels et {bilans} entretiens de bilan ({per_person} par salarié)."
        ),
        formula=f"par salarié et par période de {PERIOD_YEARS} ans : ≥ 2 entretiens professionnels + 1 bilan",
        steps=[
            f"Article 6 : tous les {PERIOD_YEARS} ans, au moins {INTERVIEWS_PER_PERIOD} entretiens professionnels et "
            "un entretien de bilan, pour chaque salarié.",
            f"{headcount} × {INTERVIEWS_PER_PERIOD} = {interviews} entretiens professionnels ; {headcount} × "
            f"{BILANS_PER_PERIOD} = {bilans} entretiens de bilan ; total {total}.",
        ],
        references=[ref.PROFESSIONAL_REVIEW],
        warnings=[
            "Minimum par période de 6 ans comptée depuis l'embauche de chacun : les échéances diffèrent d'un "
            "salarié à l'autre."
        ],
        details={"headcount": headcount, "interviews": interviews, "bilans": bilans},
    )


def parse_people(value: Any) -> list[tuple[str, date]]:
    """People and their hire dates, from "Paul:2021-04-01;Inès:2023-09-15" or a list of {name, hire_date}."""
    if isinstance(value, str):
        pairs = [part.partition(":") for part in filter(None, (p.strip() for p in value.split(";")))]
        value = [{"name": name.strip(), "hire_date": day.strip()} for name, _, day in pairs]
    if not isinstance(value, Sequence) or len(value) < 2:
        raise CalcError("« people » : au moins deux personnes, chacune avec sa date d'embauche (Nom:AAAA-MM-JJ;…).")
    people: list[tuple[str, date]] = []
    for person in value:
        if not isinstance(person, Mapping) or not str(person.get("name", "")).strip():
            raise CalcError(f"« people » : {person!r} n'a pas de nom.")
        day = person.get("hire_date")
        try:
            hired = day if isinstance(day, date) else date.fromisoformat(str(day))
        except ValueError:
            raise CalcError(f"« people » : date d'embauche illisible pour {person['name']} ({day!r}).") from None
        people.append((str(person["name"]).strip(), hired))
    return people


def people_reviews(
    people: Any, as_of: date | None = None, in_force_from: date | None = None, horizon: date | None = None
) -> CalcResult:
    """Each person's own schedule, side by side: art. 6 is owed to each employee from their own hire date ("Les
    organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un entretien de bilan"), so a
    team told with everyone's hire date gets one line per person, never one person's dates read as another's."""
    results = [
        (name, hired, professional_reviews(hired, as_of=as_of, in_force_from=in_force_from, horizon=horizon))
        for name, hired in parse_people(people)
    ]
    lines = [
        f"{name} (embauche le {format_date_fr(hired)}) : {result.summary[:1].lower()}{result.summary[1:]}"
        for name, hired, result in results
    ]
    return CalcResult(
        name="professional_reviews",
        value=None,
        unit="date",
        summary=" ".join(lines),
        formula="par salarié, par période de 6 ans depuis son embauche : ≥ 2 entretiens professionnels + 1 bilan",
        steps=[f"{name} : {step}" for name, _, result in results for step in result.steps[1:]],
        references=[ref.PROFESSIONAL_REVIEW],
        warnings=list(dict.fromkeys(w for _, _, result in results for w in result.warnings)),
        details={
            "people": [
                {"name": name, "hire_date": hired, "current_period_end": result.details["current_period_end"]}
                for name, hired, result in results
            ]
        },
    )


def _check_dates(label: str, dates: Sequence[date], hire_date: date, today: date) -> None:
    for day in dates:
        if day < hire_date:
            raise CalcError(f"{label} du {format_date_fr(day)} antérieur à l'embauche ({format_date_fr(hire_date)}).")
        if day > today:
            raise CalcError(
                f"{label} du {format_date_fr(day)} postérieur à la date de référence "
                f"({format_date_fr(today)}) : indiquez seulement les entretiens déjà réalisés."
            )


def _schedule(current: ReviewPeriod, remaining: int, bilan_due: bool, today: date) -> list[dict[str, Any]]:
    """Indicative due dates in the current period: interviews at its 2nd and 4th year, bilan at its end."""
    milestones = [anniversary(current.start, 2), anniversary(current.start, 4)]
    items: list[dict[str, Any]] = [  # a milestone already past is due now, and says since when
        {"what": "entretien professionnel", "by": max(milestone, today), "due": milestone}
        for milestone in milestones[len(milestones) - remaining :]
    ]
    if bilan_due:
        items.append({"what": "entretien de bilan", "by": current.end})
    return items


def _assign_bilans(bilans: list[date], bounds: list[tuple[date, date]]) -> tuple[list[int], list[str]]:
    """How many bilans close each period, and the late ones (a bilan belongs to the period it closes)."""
    counts = [0] * len(bounds)
    notes: list[str] = []
    for day in sorted(bilans):
        index = next((i for i, (start, end) in enumerate(bounds) if start < day <= end), None)
        if index is None:
            continue
        start, _ = bounds[index]
        if index > 0 and counts[index - 1] == 0 and day < anniversary(start, PERIOD_YEARS // 2):
            counts[index - 1] += 1
            notes.append(
                f"Bilan du {format_date_fr(day)} : tenu après la fin de la période qu'il clôt "
                f"({format_date_fr(start)}), compté pour cette période, en retard ; la période suivante "
                "reste à clôturer par son propre bilan."
            )
        else:
            counts[index] += 1
    return counts, notes


def _lateness(period: ReviewPeriod) -> str:
    """What a completed period lacked and the day it was due, said first: an adviser asking "est-on en retard ?" or
    "c'était pour quand ?" is answered by the period that closed without its interviews, not by the one running."""
    short = max(0, INTERVIEWS_PER_PERIOD - period.interviews)
    lacking = [count_fr(short, *INTERVIEW_WORDS)] if short else []
    if period.bilans < BILANS_PER_PERIOD:
        lacking.append("l'entretien de bilan")
    several = short > 1 or len(lacking) > 1
    verb = "n'ont pas été réalisés, ils étaient dus" if several else "n'a pas été réalisé, il était dû"
    return (
        f"En retard : sur la période du {format_date_fr(period.start)} au {format_date_fr(period.end)}, "
        f"{' et '.join(lacking)} {verb} au plus tard le {format_date_fr(period.end)}."
    )


def professional_reviews(
    hire_date: date | None = None,
    interviews: Sequence[date] = (),
    bilans: Sequence[date] = (),
    as_of: date | None = None,
    in_force_from: date | None = None,
    headcount: int | None = None,
    people: Any = None,
    horizon: date | None = None,
) -> CalcResult:
    """Compliance of past 6-year periods and what is still due in the current one (art. 6); for a team
    (`headcount` people, no hire date), the least the organisation holds for them over one 6-year period; for
    several people told with their hire dates (`people`), each one's schedule. `horizon`, a date after `as_of`
    (today): what must be held by then (`review_horizon`), the periods to come owed, not late."""
    if people is not None:
        if hire_date is not None or interviews or bilans or headcount is not None:
            raise CalcError("« people » : les dates de chacun se donnent dans la liste, pas à côté.")
        return people_reviews(people, as_of, in_force_from, horizon)
    today = as_of or date.today()
    if horizon is not None and hire_date is not None:
        if horizon <= today:  # a past horizon is the date the state is read at
            return professional_reviews(hire_date, interviews, bilans, horizon, in_force_from)
        now = professional_reviews(hire_date, interviews, bilans, today, in_force_from)
        return by_horizon(now, now.details["as_of"], horizon)
    in_force = in_force_from or IN_FORCE
    if hire_date is None and headcount is not None:
        return team_minimum(headcount)
    if hire_date is None:
        return CalcResult(
            name="professional_reviews",
            value=None,
            unit="date",
            summary=(
                "Tous les 6 ans, au moins deux entretiens professionnels et un entretien de bilan (article 6) : "
                "indiquez votre date d'embauche pour situer vos périodes."
            ),
            formula="par période de 6 ans depuis l'embauche : ≥ 2 entretiens professionnels + 1 bilan",
            references=[ref.PROFESSIONAL_REVIEW],
            details={"as_of": today},
            missing=["hire_date"],
        )
    upcoming = hire_date > today  # a hire still to come: its first period is planned from the hire date
    if upcoming:
        if interviews or bilans:
            raise CalcError(
                f"La date d'embauche ({format_date_fr(hire_date)}) est postérieure à la date de référence "
                f"({format_date_fr(today)}) : aucun entretien ne peut encore avoir eu lieu."
            )
        today = hire_date
    _check_dates("Entretien professionnel", interviews, hire_date, today)
    _check_dates("Entretien de bilan", bilans, hire_date, today)
    anchor = max(hire_date, in_force)
    held = sorted(set(interviews))
    steps = [
        f"Article 6 : tous les {PERIOD_YEARS} ans, au moins {INTERVIEWS_PER_PERIOD} entretiens "
        "professionnels et un entretien de bilan (état des lieux récapitulatif du parcours professionnel).",
    ]
    warnings: list[str] = []
    if anchor > hire_date:
        steps.append(
            f"Embauche le {format_date_fr(hire_date)}, avant l'entrée en vigueur du protocole "
            f"({format_date_fr(in_force)}) : périodes de {PERIOD_YEARS} ans décomptées à partir de cette entrée en "
            "vigueur."
        )
    else:
        steps.append(f"Périodes de {PERIOD_YEARS} ans décomptées à partir de l'embauche ({format_date_fr(hire_date)}).")
    if len(held) < len(interviews):
        steps.append("Deux entretiens le même jour ne comptent que pour un.")
    ignored = [d for d in [*held, *bilans] if d < anchor]
    if ignored:
        steps.append(
            f"{count_fr(len(ignored), 'entretien antérieur', 'entretiens antérieurs')} au "
            f"{format_date_fr(anchor)} : hors des périodes examinées."
        )
    bounds: list[tuple[date, date]] = []
    while not bounds or bounds[-1][1] <= today:
        bounds.append(
            (anniversary(anchor, PERIOD_YEARS * len(bounds)), anniversary(anchor, PERIOD_YEARS * (len(bounds) + 1)))
        )
    bilan_counts, late = _assign_bilans([b for b in bilans if b >= anchor], bounds)
    warnings += late
    for day in bilans:
        if anchor == hire_date and hire_date <= day < anniversary(hire_date, 1):
            warnings.append(
                f"Bilan du {format_date_fr(day)}, moins d'un an après l'embauche : peu vraisemblable, l'entretien "
                "de bilan fait l'état des lieux récapitulatif du parcours ; vérifiez sa date ou sa nature."
            )
    periods: list[ReviewPeriod] = []
    for (start, end), bilan_count in zip(bounds, bilan_counts, strict=True):
        period = ReviewPeriod(
            start=start,
            end=end,
            interviews=sum(start <= d < end for d in held),
            bilans=bilan_count,
            complete=end <= today,
        )
        periods.append(period)
        label = f"Période du {format_date_fr(start)} au {format_date_fr(end)}"
        counts = f"{count_fr(period.interviews, *INTERVIEW_WORDS)}, {count_fr(period.bilans, 'bilan')}"
        if not period.complete:
            steps.append(f"{label} (en cours) : {counts} à ce jour.")
        elif period.compliant:
            steps.append(f"{label} (achevée) : {counts} → conforme.")
        else:
            steps.append(f"{label} (achevée) : {counts} → non conforme.")
            warnings.append(
                f"{label} : obligation non respectée ({counts} pour {INTERVIEWS_PER_PERIOD} entretiens et 1 "
                "bilan attendus)."
            )

    current = periods[-1]
    past = periods[:-1]
    failed = sum(not p.compliant for p in past)
    remaining = max(0, INTERVIEWS_PER_PERIOD - current.interviews)
    bilan_due = current.bilans < BILANS_PER_PERIOD
    todo = []
    if remaining:
        todo.append(count_fr(remaining, *INTERVIEW_WORDS))
    if bilan_due:
        todo.append("l'entretien de bilan")
    schedule = _schedule(current, remaining, bilan_due, today)
    if schedule:
        steps.append(
            "Calendrier indicatif : "
            + " ; ".join(f"{item['what']} au plus tard le {format_date_fr(item['by'])}" for item in schedule)
            + "."
        )
    else:
        steps.append("Période en cours : obligations déjà remplies.")
    if upcoming:
        steps.insert(
            1, f"Embauche à venir le {format_date_fr(hire_date)} : première période calculée depuis cette date."
        )
        summary = (
            f"Embauche le {format_date_fr(hire_date)} : première période de 6 ans jusqu'au "
            f"{format_date_fr(current.end)} ; {' et '.join(todo)} à réaliser avant cette date"
        )
    elif todo:
        summary = (
            f"Période en cours jusqu'au {format_date_fr(current.end)} : il reste à réaliser "
            f"{' et '.join(todo)} avant cette date"
        )
    else:
        summary = f"Période en cours jusqu'au {format_date_fr(current.end)} : les entretiens requis sont réalisés"
    if not past:
        summary += "."
    elif failed:
        summary += f" ; {count_fr(failed, 'période achevée non conforme', 'périodes achevées non conformes')}."
        summary = f"{_lateness(next(p for p in reversed(past) if not p.compliant))} {summary}"
    else:
        summary += " ; périodes de 6 ans précédentes conformes."
    if remaining:
        warnings.append(
            "Le protocole ne fixe pas d'intervalle entre les entretiens : le calendrier indicatif suit le "
            "rythme de 2 ans du code du travail (à vérifier selon la réglementation en vigueur)."
        )
    return CalcResult(
        name="professional_reviews",
        value=current.end.isoformat(),
        unit="date",
        summary=summary,
        formula="par période de 6 ans depuis l'embauche : ≥ 2 entretiens professionnels + 1 bilan",
        steps=steps,
        references=[ref.PROFESSIONAL_REVIEW],
        warnings=warnings,
        details={
            "periods": [asdict(p) | {"compliant": p.compliant} for p in periods],
            "current_period_end": current.end,
            "interviews_still_due": remaining,
            "bilan_due": bilan_due,
            "schedule": schedule,
            "past_periods_compliant": not failed,
            "as_of": today,
            "periods_from": anchor,
        },
    )
