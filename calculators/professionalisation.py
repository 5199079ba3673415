"""Contrat de professionnalisation (protocole du 19 décembre 2019, art. 3.3 to 3.6).

- Beneficiaries (3.3): young people aged 16 to 25, job seekers aged 26 and over, recipients of
  minimum social benefits or former CUI holders.
- Duration (3.4): 6 to 12 months; up to 24 months when the qualification requires it; up to 36 months
  for the listed publics.
- Training (3.5): up to 70 % of the contract for the employees of L. 6325-1-1 and those whose
  qualification is insufficient for the branch's jobs.
- Pay (3.6): during training, at least the level 2 qualification coefficient when the target
  qualification is at level 3 of the job classification, the level 3 coefficient above it; from the
  first day of the month after the certification, pay follows the collective agreement.
"""

from __future__ import annotations

from datetime import date

from calculators import references as ref
from calculators.dates import first_day_of_next_month, format_date_fr
from calculators.result import CalcError, CalcResult

MIN_MONTHS, STANDARD_MAX, QUALIFICATION_MAX, PUBLICS_MAX = 6, 12, 24, 36
MAX_CLASSIFICATION_LEVEL = 9
CASES = {
    "standard": STANDARD_MAX,
    "branch_qualification": QUALIFICATION_MAX,
    "young_or_jobseeker": PUBLICS_MAX,
    "minimum_social_benefit": PUBLICS_MAX,
}
BENEFICIARIES = (
    "Bénéficiaires (article 3.3) : jeunes de 16 à 25 ans révolus complétant leur formation initiale, "
    "demandeurs d'emploi de 26 ans et plus, bénéficiaires du RSA, de l'ASS, de l'AAH ou personnes ayant "
    "bénéficié d'un contrat unique d'insertion."
)


def _duration(months: int, case: str | None) -> tuple[bool | None, str]:
    """Whether `months` fits art. 3.4 (None when it depends on a case the user did not give)."""
    if months < MIN_MONTHS:
        return False, f"une durée de {months} mois est inférieure au minimum de {MIN_MONTHS} mois"
    if case is not None:
        limit = CASES[case]
        if months <= limit:
            return True, f"une durée de {months} mois est possible (maximum {limit} mois dans ce cas)"
        return False, f"une durée de {months} mois dépasse le maximum de {limit} mois dans ce cas"
    if months <= STANDARD_MAX:
        return True, f"une durée de {months} mois respecte le cas général de 6 à 12 mois"
    if months <= QUALIFICATION_MAX:
        return None, (
            f"une durée de {months} mois n'est possible que si la qualification visée l'exige (jusqu'à 24 "
            "mois) ou pour les publics prioritaires (jusqu'à 36 mois)"
        )
    if months <= PUBLICS_MAX:
        return (
            None,
            f"une durée de {months} mois n'est possible que pour les publics prioritaires (jusqu'à 36 mois)",
        )
    return False, f"une durée de {months} mois dépasse le maximum absolu de {PUBLICS_MAX} mois"


def professionalisation_contract(
    target_level: int | None = None,
    certification_date: date | None = None,
    months: int | None = None,
    case: str | None = None,
) -> CalcResult:
    """Pay base during training, pay switch date and duration check of a contrat de professionnalisation."""
    if target_level is not None and not 1 <= target_level <= MAX_CLASSIFICATION_LEVEL:
        raise CalcError(
            f"Niveau de classification inconnu : {target_level}. Indiquez un niveau de 1 à "
            f"{MAX_CLASSIFICATION_LEVEL} de la classification des emplois."
        )
    if months is not None and months <= 0:
        raise CalcError("La durée du contrat doit être d'au moins 1 mois.")
    if case is not None and case not in CASES:
        raise CalcError(f"Cas inconnu : « {case} ». Cas possibles : {', '.join(CASES)}.")
    steps = [BENEFICIARIES]
    warnings = ["Vérifiez que le salarié relève bien de l'un des publics de l'article 3.3."]
    references = [ref.PRO_CONTRACT_BENEFICIARIES]
    parts: list[str] = []
    value: int | str | None = None
    unit = ""
    details: dict[str, object] = {}

    if certification_date is not None:
        switch = first_day_of_next_month(certification_date)
        steps.append(
            "Article 3.6 : à compter du 1er jour du mois qui suit l'obtention de la certification, la "
            "rémunération est fixée par référence au cadre conventionnel ; certification le "
            f"{format_date_fr(certification_date)} → {format_date_fr(switch)}."
        )
        parts.append(
            f"la rémunération est fixée par le cadre conventionnel à compter du {format_date_fr(switch)}, "
            f"1er jour du mois qui suit la certification du {format_date_fr(certification_date)}"
        )
        value, unit = switch.isoformat(), "date"
        details["conventional_pay_from"] = switch

    if target_level is not None:
        if target_level == 3:
            base: int | None = 2
        elif target_level > 3:
            base = 3
        else:
            base = None
        if base is None:
            steps.append(
                "Article 3.6 : le texte ne fixe la base de rémunération que pour les qualifications de "
                f"niveau 3 et au-delà ; niveau visé {target_level}."
            )
            warnings.append(
                f"Qualification visée de niveau {target_level} : l'article 3.6 ne fixe pas de base "
                "conventionnelle pour ce niveau ; les minima légaux s'appliquent."
            )
            parts.append(
                f"l'article 3.6 ne fixe pas de base de rémunération pour une qualification de niveau {target_level}"
            )
        else:
            steps.append(
                "Article 3.6 : pendant la formation, rémunération au minimum sur la base du coefficient de "
                "qualification du niveau 2 pour une qualification de niveau 3, du niveau 3 au-delà ; "
                f"qualification visée de niveau {target_level} → coefficient du niveau {base}."
            )
            parts.append(
                "pendant la formation, la rémunération est au minimum celle du coefficient de "
                f"qualification du niveau {base} (qualification visée de niveau {target_level})"
            )
            if value is None:
                value, unit = base, "niveau"
        details["pay_base_level"] = base

    if certification_date is not None or target_level is not None:
        references.append(ref.PRO_CONTRACT_PAY)

    if months is not None:
        allowed, text = _duration(months, case)
        steps.append(
            "Article 3.4 : durée de 6 à 12 mois ; jusqu'à 24 mois lorsque la nature de la qualification "
            "l'exige ; jusqu'à 36 mois pour les jeunes de 16 à 25 ans sans diplôme, les demandeurs "
            f"d'emploi et les bénéficiaires de minima sociaux ; {text}."
        )
        parts.append(text)
        references.append(ref.PRO_CONTRACT_DURATION)
        details["duration_allowed"] = allowed
        if value is None:
            value, unit = months, "mois"

    steps.append(
        "Article 3.5 : la durée totale de la formation peut aller jusqu'à 70 % de la durée de l'action pour "
        "les salariés visés à l'article L. 6325-1-1 et ceux dont la qualification est insuffisante."
    )
    references.append(ref.PRO_CONTRACT_TRAINING)
    if parts:
        summary = "Contrat de professionnalisation : " + " ; ".join(parts) + "."
    else:
        summary = (
            "Contrat de professionnalisation : 6 à 12 mois (jusqu'à 24 ou 36 mois selon les cas), "
            "rémunération pendant la formation au minimum au coefficient du niveau 2 (qualification de "
            "niveau 3) ou 3 (au-delà), puis cadre conventionnel dès le mois qui suit la certification."
        )
    return CalcResult(
        name="professionalisation_contract",
        value=value,
        unit=unit,
        summary=summary,
        formula=(
            "base pendant la formation : niveau 2 si qualification visée de niveau 3, niveau 3 au-delà ; "
            "cadre conventionnel dès le 1er jour du mois suivant la certification"
        ),
        steps=steps,
        references=references,
        warnings=warnings,
        details=details,
    )
