"""The preparation sheet of an entretien professionnel: profile, dated deadlines, rights, art. 6 points.

`prepare_sheet` gathers the items of `interview.rights` for a profile, merges the dated
steps their calculators return into `deadlines`, and lists what the interviewer must inform the
employee about (protocole, art. 6), adapted to the profile. The sheet is plain data; the exports
are in `interview.export`. Nothing here logs the profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from calculators import references as ref
from calculators.dates import format_date_fr
from calculators.qualification_levels import BAC_LEVEL
from calculators.result import Reference
from interview.profile import EmployeeProfile, profile_lines
from interview.rights import TRAINER_RECOGNITION, SheetItem, sheet_items

LOW_QUALIFICATION_MAX_LEVEL = BAC_LEVEL - 1  # below the bac (CAP, BEP or none)

CPF_TOP_UP = Reference(
    ref.PROTOCOLE,
    "10",
    "Protocole d'accord du 19 décembre 2019, article 10 — Abondement du compte personnel de formation "
    "(devenu article 11 après l'avenant de 2022)",
)


@dataclass(frozen=True)
class Deadline:
    """A dated step the interview should plan for."""

    by: date
    what: str
    source: str
    due: date | None = None  # the date the texts aimed at, when earlier than `by` (already late)

    def state(self, today: date) -> str:
        """ "en retard depuis le 20 novembre 2023", "dépassée" or "à venir"."""
        if self.due is not None and self.due < today:
            return f"en retard depuis le {format_date_fr(self.due)}"
        return "dépassée" if self.by < today else "à venir"


@dataclass(frozen=True)
class InformationPoint:
    """Something art. 6 asks the interviewer to inform the employee about."""

    topic: str
    text: str
    reference: Reference = ref.PROFESSIONAL_REVIEW
    emphasis: bool = False


@dataclass(frozen=True)
class PreparationSheet:
    """Everything the interviewer needs, as of `today`: the sheet's data, exported as Markdown or PDF."""

    today: date
    heading: str
    profile_lines: tuple[str, ...]
    items: tuple[SheetItem, ...]
    deadlines: tuple[Deadline, ...]
    information_points: tuple[InformationPoint, ...]


def information_points(profile: EmployeeProfile) -> list[InformationPoint]:
    """What the interviewer informs the employee about (art. 6), adapted to the profile."""
    low = profile.diploma_level is not None and profile.diploma_level <= LOW_QUALIFICATION_MAX_LEVEL
    points = [
        InformationPoint(
            "Conseil en évolution professionnelle",
            "Modalités d'utilisation et d'accès au conseil en évolution professionnelle, ou orientation vers "
            "les interlocuteurs compétents.",
        ),
        InformationPoint(
            "Compte personnel de formation",
            "Modalités d'utilisation du compte personnel de formation et abondements éventuels (la CPNEFP "
            "fixe chaque année les publics et formations visés par l'abondement de branche).",
        ),
        InformationPoint(
            "Abondement de branche",
            "Les salariés des 2 premiers niveaux des grilles de classification peuvent bénéficier d'un "
            "abondement pour accéder aux certifications spécifiques à la branche.",
            reference=CPF_TOP_UP,
        ),
        InformationPoint(
            "Validation des acquis de l'expérience",
            "Modalités d'accès à la VAE (au moins 1 année d'activité en lien avec une certification inscrite "
            "au RNCP ; les CQP de la branche sont accessibles par la VAE).",
        ),
        InformationPoint("Bilan de compétences", "Modalités d'accès aux bilans de compétences."),
        InformationPoint(
            "Document de présentation",
            "Présenter le document de présentation des dispositifs de formation professionnelle validé par la CPNEFP.",
        ),
        InformationPoint(
            "Faible niveau de qualification",
            "Attention particulière à l'information des salariés détenant un faible niveau de qualification, "
            "pour faciliter leur accès à la formation"
            + (" : le salarié est concerné (niveau inférieur au bac)." if low else "."),
            emphasis=low,
        ),
        InformationPoint(
            "Après l'entretien",
            "L'interlocuteur se rapproche du service des ressources humaines pour tenir compte des besoins "
            "en formation (évolution de l'emploi, projet professionnel) dans le plan de développement des "
            "compétences.",
        ),
    ]
    if profile.trainer_actions:
        points.append(
            InformationPoint(
                "Formateur interne à titre accessoire",
                "Faire un point spécifique sur l'activité de formateur interne lors de l'entretien annuel "
                "d'évaluation et d'accompagnement.",
                reference=TRAINER_RECOGNITION,
            )
        )
    return points


def _deadlines(items: list[SheetItem]) -> list[Deadline]:
    """Dated steps from the calculators, same date and step merged ("entretien professionnel (× 2)")."""
    found: list[tuple[date, str, str, date | None]] = []
    for item in items:
        result = item.result
        if result is None:
            continue
        if result.name == "training_guarantee":
            if result.details.get("status") == "not_open":
                found.append((result.details["opens_on"], "ouverture de la garantie individuelle", item.key, None))
            else:
                found.append(
                    (result.details["deadline"], "formation à réaliser (garantie individuelle)", item.key, None)
                )
        if result.name == "professional_reviews":
            schedule = result.details.get("schedule", [])
            found += [(step["by"], step["what"], item.key, step.get("due")) for step in schedule]
    merged: dict[tuple[date, str, str], int] = {}
    late: dict[tuple[date, str, str], date] = {}  # the earliest date a merged step was already due
    for by, what, source, due in found:
        key = (by, what, source)
        merged[key] = merged.get(key, 0) + 1
        if due is not None and due < by:
            late[key] = min(due, late.get(key, due))
    return sorted(
        (
            Deadline(by, what if count == 1 else f"{what} (× {count})", source, late.get((by, what, source)))
            for (by, what, source), count in merged.items()
        ),
        key=lambda d: d.by,
    )


def prepare_sheet(
    profile: EmployeeProfile, today: date | None = None, *, point_values_file: str | Path | None = None
) -> PreparationSheet:
    """Run the calculators that apply to `profile` on `today` and gather the art. 6 information points."""
    day = today or date.today()
    file = str(point_values_file) if point_values_file else None
    items = sheet_items(profile, day, file)
    heading = "Fiche de préparation de l'entretien professionnel"
    if profile.name.strip():
        heading += f" — {profile.name.strip()}"
    return PreparationSheet(
        today=day,
        heading=heading,
        profile_lines=tuple(profile_lines(profile, day)),
        items=tuple(items),
        deadlines=tuple(_deadlines(items)),
        information_points=tuple(information_points(profile)),
    )
