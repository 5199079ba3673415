"""Paid absence to see a conseil en évolution professionnelle (protocole du 19 décembre 2019, art. 5).

A CDI employee with at least 5 years as an employee, 12 months of them in the organisation, or a CDD
employee with at least 24 months of salaried activity in the last 5 years, 4 months of them in the
organisation, gets on request a paid absence of half a day, up to one day when the authorised provider
is particularly far from home; not granted again within 5 years of a previous conseil.
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators import references as ref
from calculators.result import CalcError, CalcResult

MONTHS_IN_5_YEARS = 60


@dataclass(frozen=True)
class Thresholds:
    """Seniority required for one contract type, in months."""

    as_employee: int
    in_organisation: int
    as_employee_text: str


THRESHOLDS = {
    "CDI": Thresholds(60, 12, "5 années d'ancienneté en qualité de salarié"),
    "CDD": Thresholds(24, 4, "24 mois d'activité salariée au cours des 5 dernières années"),
}


def normalise_contract(contract: str) -> str:
    """Map the contract the user names to "CDI" or "CDD", the only two the article covers."""
    text = contract.strip().upper().replace("É", "E")
    if text in {"CDI", "CONTRAT A DUREE INDETERMINEE"}:
        return "CDI"
    if text in {"CDD", "CONTRAT A DUREE DETERMINEE"}:
        return "CDD"
    raise CalcError(f"Type de contrat inconnu : « {contract} ». L'article 5 vise les salariés en CDI ou en CDD.")


def cep_absence(
    contract: str,
    months_as_employee: int,
    months_in_organisation: int,
    provider_far: bool | None = None,
    cep_in_last_5_years: bool | None = None,
) -> CalcResult:
    """Whether the employee may take the paid CEP absence, and for how long (half a day or one day)."""
    kind = normalise_contract(contract)
    if months_as_employee < 0 or months_in_organisation < 0:
        raise CalcError("Les durées d'ancienneté doivent être positives ou nulles.")
    if months_in_organisation > months_as_employee:
        raise CalcError(
            f"Données incohérentes : {months_in_organisation} mois dans l'organisme, mais seulement "
            f"{months_as_employee} mois d'activité salariée au total."
        )
    if kind == "CDD" and months_as_employee > MONTHS_IN_5_YEARS:
        raise CalcError("Pour un CDD, l'activité salariée se compte sur les 5 dernières années : au plus 60 mois.")
    need = THRESHOLDS[kind]
    employee_ok = months_as_employee >= need.as_employee
    organisation_ok = months_in_organisation >= need.in_organisation
    steps = [
        "Article 5 : en CDI, au moins 5 années passées en qualité de salarié dont 12 mois dans l'organisme "
        "; en CDD, au moins 24 mois d'activité salariée au cours des 5 dernières années dont 4 mois dans "
        "l'organisme. Absence rémunérée d'une demi-journée, portée à 1 journée si l'organisme habilité est "
        "particulièrement éloigné du domicile ; pas de nouvelle absence dans les 5 ans suivant un conseil.",
        f"{kind} : {months_as_employee} mois d'activité salariée (minimum {need.as_employee}) → "
        f"{'condition remplie' if employee_ok else 'condition non remplie'}.",
        f"{months_in_organisation} mois dans l'organisme (minimum {need.in_organisation}) → "
        f"{'condition remplie' if organisation_ok else 'condition non remplie'}.",
    ]
    warnings: list[str] = []
    missing: list[str] = []
    if not employee_ok:
        missing.append(f"il faut {need.as_employee_text} ({months_as_employee} mois actuellement)")
    if not organisation_ok:
        missing.append(
            f"il faut au moins {need.in_organisation} mois dans l'organisme ({months_in_organisation} mois "
            "actuellement)"
        )
    if cep_in_last_5_years:
        missing.append(
            "vous avez déjà bénéficié d'un conseil en évolution professionnelle au cours des 5 dernières années"
        )
        steps.append("Conseil déjà suivi au cours des 5 dernières années → absence non accordée.")
    elif cep_in_last_5_years is None:
        warnings.append(
            "L'absence n'est pas accordée si vous avez déjà bénéficié d'un conseil en évolution "
            "professionnelle au cours des 5 dernières années : à vérifier."
        )
    eligible = not missing
    if not eligible:
        value: float = 0
        duration = "aucune"
        summary = f"Pas d'absence rémunérée pour un conseil en évolution professionnelle en {kind} : " + (
            " ; ".join(missing) + "."
        )
    elif provider_far:
        value, duration = 1, "1 journée"
        summary = (
            "Éligible : autorisation d'absence rémunérée d'une journée pour réaliser un conseil en "
            "évolution professionnelle (organisme habilité éloigné du domicile ; sinon une demi-journée), "
            f"en {kind}."
        )
    else:
        value, duration = 0.5, "demi-journée"
        summary = (
            "Éligible : autorisation d'absence rémunérée d'une demi-journée pour réaliser un conseil en "
            f"évolution professionnelle ({kind} : {months_as_employee} mois d'activité salariée, dont "
            f"{months_in_organisation} dans l'organisme)."
        )
        warnings.append(
            "L'absence peut être portée à 1 journée si l'organisme habilité est particulièrement éloigné de "
            "votre domicile."
        )
    if eligible:
        steps.append(f"Durée de l'absence : {duration}, à la demande du salarié.")
        warnings.append(
            "Les frais de transport et de repas sont remboursés selon le protocole du 23 juillet 2015 "
            "relatif aux frais de déplacement."
        )
    return CalcResult(
        name="cep_absence",
        value=value,
        unit="jour",
        summary=summary,
        formula=(
            "CDI : 60 mois salarié dont 12 dans l'organisme ; CDD : 24 mois sur 5 ans dont 4 → ½ journée (1 si éloigné)"
        ),
        steps=steps,
        references=[ref.CEP],
        warnings=warnings,
        eligible=eligible,
        details={
            "contract": kind,
            "duration": duration,
            "required_months_as_employee": need.as_employee,
            "required_months_in_organisation": need.in_organisation,
        },
    )
