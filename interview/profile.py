"""The employee an HR advisor describes before an entretien professionnel (`EmployeeProfile`).

Every field is optional (an empty contract is an unknown one); the rights are computed from it in
`interview.rights`. `profile_lines` is how the profile reads at the top of the sheet.

Privacy: a profile is personal data. Nothing here logs it, and `EmployeeProfile`'s repr leaves the
name and the career wish out, so an accidental log line cannot carry them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from calculators.dates import format_date_fr
from calculators.qualification_levels import LEVEL_NAMES

CONTRACTS = ("CDI", "CDD", "CUI-CDI", "Autre")


@dataclass(frozen=True)
class Period:
    """A tutoring mission or a training action the employee ran, with its trainees for a mission."""

    start: date
    end: date
    trainees: int = 1


@dataclass(frozen=True)
class EmployeeProfile:
    """What the advisor knows about the employee. Every field is optional ("" for an unknown contract).

    `months_as_employee` is the total salaried activity (for a CDD: within the last 5 years); when
    left empty it is derived from `branch_start`, else from `organisation_start`. `never_trained` says
    that an empty `last_training` means "no training since the hire" rather than "not filled in": the
    training guarantee then counts from `organisation_start` (art. 8). `name` and
    `career_wish` stay out of the repr (personal data never reaches a log line).
    """

    contract: str = "CDI"
    organisation_start: date | None = None
    branch_start: date | None = None
    months_as_employee: int | None = None
    diploma_level: int | None = None
    last_training: date | None = None
    never_trained: bool = False
    interviews: tuple[date, ...] = ()
    bilans: tuple[date, ...] = ()
    cep_in_last_5_years: bool | None = None
    provider_far: bool | None = None
    job_threatened: bool | None = None
    tutor_missions: tuple[Period, ...] = ()
    trainer_actions: tuple[Period, ...] = ()
    career_wish: str = field(default="", repr=False)
    name: str = field(default="", repr=False)


def months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (0 when `end` is before `start`)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(0, months)


def contract_kind(contract: str) -> str:
    """The contract as the CEP absence rule reads it: "CDI" (CDI, CUI-CDI), "CDD", or "" for any other."""
    text = contract.strip().upper()
    if text in {"CDI", "CUI-CDI"}:
        return "CDI"
    if text == "CDD":
        return "CDD"
    return ""


def _level_text(level: int | None) -> str:
    return "non renseigné" if level is None else LEVEL_NAMES.get(level, str(level))


def profile_lines(profile: EmployeeProfile, today: date) -> list[str]:
    """The profile as the sheet shows it, one line per known fact (seniorities in months on `today`)."""
    lines = [f"Contrat : {profile.contract.strip() or 'non renseigné'}"]
    if profile.branch_start:
        lines.append(
            f"Entrée dans la branche : {format_date_fr(profile.branch_start)} "
            f"({months_between(profile.branch_start, today)} mois)"
        )
    if profile.organisation_start:
        lines.append(
            f"Entrée dans l'organisme : {format_date_fr(profile.organisation_start)} "
            f"({months_between(profile.organisation_start, today)} mois)"
        )
    if profile.months_as_employee is not None:
        lines.append(f"Activité salariée totale : {profile.months_as_employee} mois")
    lines.append(f"Niveau de diplôme : {_level_text(profile.diploma_level)}")
    lines.append(
        "Dernière formation : "
        + (
            format_date_fr(profile.last_training)
            if profile.last_training
            else ("aucune depuis l'entrée dans l'organisme" if profile.never_trained else "non renseignée")
        )
    )
    lines.append(
        "Entretiens professionnels passés : "
        + (", ".join(format_date_fr(d) for d in sorted(profile.interviews)) or "aucun renseigné")
    )
    lines.append(
        "Entretiens de bilan passés : "
        + (", ".join(format_date_fr(d) for d in sorted(profile.bilans)) or "aucun renseigné")
    )
    if profile.tutor_missions:
        lines.append(f"Missions de tutorat : {len(profile.tutor_missions)}")
    if profile.trainer_actions:
        lines.append(f"Actions de formation animées : {len(profile.trainer_actions)}")
    if profile.career_wish.strip():
        lines.append(f"Souhait d'évolution : {profile.career_wish.strip()}")
    return lines
