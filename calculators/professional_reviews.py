"""Entretiens professionnels (protocole du 19 décembre 2019, art. 6).

Organisations hold, every 6 years, at least two entretiens professionnels and one entretien de bilan
(a summary of the employee's career path and goals). Periods of 6 years run from the hire date; for
each, this module counts the interviews held (from the first day of the period, excluded its last)
and the bilan (which closes the period, so it may fall on its last day), then says what remains due
in the current period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from calculators import references as ref
from calculators.dates import add_years, format_date_fr
from calculators.numbers import count_fr
from calculators.result import CalcError, CalcResult

PERIOD_YEARS = 6
INTERVIEWS_PER_PERIOD = 2
BILANS_PER_PERIOD = 1
INTERVIEW_WORDS = ("entretien professionnel", "entretiens professionnels")


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
    milestones = [add_years(current.start, 2), add_years(current.start, 4)]
    items: list[dict[str, Any]] = [  # a milestone already past is due now, and says since when
        {"what": "entretien professionnel", "by": max(milestone, today), "due": milestone}
        for milestone in milestones[len(milestones) - remaining :]
    ]
    if bilan_due:
        items.append({"what": "entretien de bilan", "by": current.end})
    return items


def professional_reviews(
    hire_date: date,
    interviews: Sequence[date] = (),
    bilans: Sequence[date] = (),
    as_of: date | None = None,
) -> CalcResult:
    """Compliance of past 6-year periods and what is still due in the current one (art. 6)."""
    today = as_of or date.today()
    if hire_date > today:
        raise CalcError(
            f"La date d'embauche ({format_date_fr(hire_date)}) est postérieure à la date de référence "
            f"({format_date_fr(today)})."
        )
    _check_dates("Entretien professionnel", interviews, hire_date, today)
    _check_dates("Entretien de bilan", bilans, hire_date, today)
    steps = [
        f"Article 6 : tous les {PERIOD_YEARS} ans, au moins {INTERVIEWS_PER_PERIOD} entretiens "
        "professionnels et un entretien de bilan (état des lieux récapitulatif du parcours professionnel).",
        f"Périodes de {PERIOD_YEARS} ans décomptées à partir de l'embauche ({format_date_fr(hire_date)}).",
    ]
    warnings: list[str] = []
    periods: list[ReviewPeriod] = []
    while not periods or periods[-1].complete:
        index = len(periods)
        start = add_years(hire_date, PERIOD_YEARS * index)
        end = add_years(hire_date, PERIOD_YEARS * (index + 1))
        period = ReviewPeriod(
            start=start,
            end=end,
            interviews=sum(start <= d < end for d in interviews),
            bilans=sum(start < d <= end for d in bilans),
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
    if todo:
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
        },
    )
