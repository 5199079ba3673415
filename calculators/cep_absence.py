"""Paid absence to see a conseil en évolution professionnelle (protocole du 19 décembre 2019, art. 5).

A CDI employee with at least 5 years as an employee, 12 months of them in the organisation, or a CDD
employee with at least 24 months of salaried activity in the last 5 years, 4 months of them in the
organisation, gets on request a paid absence of half a day, up to one day when the authorised provider
is particularly far from home; not granted again within 5 years of a previous conseil.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from calculators import references as ref
from calculators.conditions import Condition, all_of, at_least
from calculators.dates import anniversary, format_date_fr
from calculators.pro_a import contract_kind
from calculators.result import CalcError, CalcResult

MONTHS_IN_5_YEARS = 60
# "Elle n'est pas accordée au salarié qui a déjà bénéficié de ce conseil au cours des 5 dernières années."
YEARS_BETWEEN_CEP = 5


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


def _required(kind: str) -> str:
    """The seniority a contract type needs, in the article's words: "en CDI, au moins 5 années … dont 12 mois …"."""
    need = THRESHOLDS[kind]
    return f"en {kind}, au moins {need.as_employee_text}, dont {need.in_organisation} mois dans l'organisme"


def normalise_contract(contract: str) -> str | None:
    """Map the contract the user names to "CDI" or "CDD", the only two the article covers.

    "CDI à temps partiel", "C.D.I." and a CUI-CDI are a CDI; a wording naming neither is None (the
    contract is then asked: an apprenticeship may be either); a placement with no employment contract
    with the organisation (stage, intérim, vacation) is refused.
    """
    kind, _ = contract_kind(contract)
    if kind in ("CDI", "CUI-CDI"):
        return "CDI"
    if kind == "CDD":
        return "CDD"
    if kind in ("stage", "intérim", "vacation"):
        raise CalcError(f"Type de contrat « {contract} » : l'article 5 vise les salariés en CDI ou en CDD.")
    return None


def _branch(kind: str, months_as_employee: int | None, months_in_organisation: int | None) -> Condition:
    """The seniority conditions of one contract type; time in the organisation is a lower bound of the total."""
    need = THRESHOLDS[kind]
    employee = months_as_employee if months_as_employee is not None else None
    if employee is None and months_in_organisation is not None and months_in_organisation >= need.as_employee:
        employee = months_in_organisation  # the total is at least the time in the organisation
    organisation = at_least(months_in_organisation, need.in_organisation, "months_in_organisation")
    if months_in_organisation is None and months_as_employee is not None and months_as_employee < need.in_organisation:
        organisation = Condition(False)  # the time in the organisation cannot exceed the total
    return all_of(at_least(employee, need.as_employee, "months_as_employee"), organisation)


def cep_absence(
    contract: str | None = None,
    months_as_employee: int | None = None,
    months_in_organisation: int | None = None,
    provider_far: bool | None = None,
    cep_in_last_5_years: bool | None = None,
    last_cep: date | None = None,
) -> CalcResult:
    """Whether the employee may take the paid CEP absence, and for how long, deciding with what is known.

    A conseil already had in the last 5 years closes the right whatever the seniority; time in the
    organisation that already meets the total-seniority threshold makes the total unnecessary. With the date of
    that conseil (`last_cep`), the date from which the 5 years are past is computed: "à partir de quand ?" asks it.
    """
    kind = normalise_contract(contract) if contract and contract.strip() else None
    for months in (months_as_employee, months_in_organisation):
        if months is not None and months < 0:
            raise CalcError("Les durées d'ancienneté doivent être positives ou nulles.")
    if months_as_employee is not None and months_in_organisation is not None:  # noqa: SIM102
        if months_in_organisation > months_as_employee:
            raise CalcError(
                f"Données incohérentes : {months_in_organisation} mois dans l'organisme, mais seulement "
                f"{months_as_employee} mois d'activité salariée au total."
            )
    if kind == "CDD" and months_as_employee is not None and months_as_employee > MONTHS_IN_5_YEARS:
        raise CalcError("Pour un CDD, l'activité salariée se compte sur les 5 dernières années : au plus 60 mois.")
    steps = [
        "Article 5 : en CDI, au moins 5 années passées en qualité de salarié dont 12 mois dans l'organisme "
        "; en CDD, au moins 24 mois d'activité salariée au cours des 5 dernières années dont 4 mois dans "
        "l'organisme. Absence rémunérée d'une demi-journée, portée à 1 journée si l'organisme habilité est "
        "particulièrement éloigné du domicile ; « Elle n'est pas accordée au salarié qui a déjà bénéficié de "
        "ce conseil au cours des 5 dernières années. »",
    ]
    warnings: list[str] = []
    missing_text: list[str] = []
    not_recent = Condition.known(not cep_in_last_5_years)
    renewal = None if last_cep is None else anniversary(last_cep, YEARS_BETWEEN_CEP)
    if cep_in_last_5_years:
        missing_text.append(
            "vous avez déjà bénéficié d'un conseil en évolution professionnelle au cours des 5 dernières années"
        )
        steps.append("Conseil déjà suivi au cours des 5 dernières années → absence non accordée.")
        if renewal is not None and last_cep is not None:
            missing_text.append(
                f"une nouvelle absence pourra être accordée à partir du {format_date_fr(renewal)}, 5 ans après le "
                f"conseil du {format_date_fr(last_cep)}"
            )
            steps.append(
                f"Conseil du {format_date_fr(last_cep)} + 5 ans = {format_date_fr(renewal)} : date à partir de "
                "laquelle il n'est plus « au cours des 5 dernières années »."
            )
    elif cep_in_last_5_years is None:
        warnings.append(
            "L'absence n'est pas accordée si vous avez déjà bénéficié d'un conseil en évolution "
            "professionnelle au cours des 5 dernières années : à vérifier."
        )
    if kind is not None:
        seniority = _branch(kind, months_as_employee, months_in_organisation)
        need = THRESHOLDS[kind]
        employee_text = "non précisée" if months_as_employee is None else f"{months_as_employee} mois"
        organisation_text = "non précisé" if months_in_organisation is None else f"{months_in_organisation} mois"
        steps.append(
            f"{kind} : activité salariée {employee_text} (minimum {need.as_employee}) ; temps dans l'organisme "
            f"{organisation_text} (minimum {need.in_organisation})."
        )
        if months_as_employee is None and months_in_organisation is not None:
            steps.append("Ancienneté totale non précisée : elle est au moins égale au temps passé dans l'organisme.")
        if months_as_employee is not None and months_as_employee < need.as_employee:
            missing_text.append(f"il faut {need.as_employee_text} ({months_as_employee} mois actuellement)")
        if months_in_organisation is not None and months_in_organisation < need.in_organisation:
            missing_text.append(
                f"il faut au moins {need.in_organisation} mois dans l'organisme ({months_in_organisation} mois "
                "actuellement)"
            )
    else:
        cdi, cdd = (_branch(k, months_as_employee, months_in_organisation) for k in ("CDI", "CDD"))
        if cdi.holds is True and cdd.holds is True:
            seniority = Condition(True)
        elif cdi.holds is False and cdd.holds is False:
            seniority = Condition(False)
            missing_text.append("l'ancienneté indiquée n'atteint le seuil ni d'un CDI ni d'un CDD")
        else:
            seniority = Condition(None, ("contract", *cdi.needs, *cdd.needs))
        steps.append("Contrat non précisé : les conditions du CDI et du CDD sont examinées toutes les deux.")
    verdict = all_of(not_recent, seniority)
    label = f" en {kind}" if kind else ""
    value: float | None
    if verdict.holds is False:
        value, duration = 0, "aucune"
        summary = f"Pas d'absence rémunérée pour un conseil en évolution professionnelle{label} : " + (
            " ; ".join(missing_text) + "."
        )
    elif verdict.holds is None:
        value, duration = None, "à préciser"
        # what still decides, stated with its figures: "quelle ancienneté faut-il en CDI ?" is answered by them
        wanted = " ; ".join(_required(k) for k in ([kind] if kind else list(THRESHOLDS)))
        summary = (
            "Absence rémunérée d'une demi-journée pour un conseil en évolution professionnelle (une journée si "
            f"l'organisme est éloigné) : droit à confirmer selon votre contrat et votre ancienneté ({wanted})."
        )
    elif provider_far:
        value, duration = 1, "1 journée"
        summary = (
            "Éligible : autorisation d'absence rémunérée d'une journée pour réaliser un conseil en "
            "évolution professionnelle (organisme habilité éloigné du domicile ; sinon une demi-journée), "
            f"{label.strip() or 'en CDI comme en CDD'}."
        )
    else:
        value, duration = 0.5, "demi-journée"
        counts = []
        if months_as_employee is not None:
            counts.append(f"{months_as_employee} mois d'activité salariée")
        if months_in_organisation is not None:
            counts.append(f"{months_in_organisation} dans l'organisme")
        summary = (
            "Éligible : autorisation d'absence rémunérée d'une demi-journée pour réaliser un conseil en "
            f"évolution professionnelle ({kind or 'CDI ou CDD'} : {', dont '.join(counts)})."
        )
        warnings.append(
            "L'absence peut être portée à 1 journée si l'organisme habilité est particulièrement éloigné de "
            "votre domicile."
        )
    if verdict.holds:
        steps.append(f"Durée de l'absence : {duration}, à la demande du salarié.")
        warnings.append(
            "Les frais de transport et de repas sont remboursés selon le protocole du 23 juillet 2015 "
            "relatif aux frais de déplacement."
        )
    required = THRESHOLDS[kind] if kind else None
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
        eligible=verdict.holds,
        details={
            "contract": kind,
            "duration": duration,
            "required_months_as_employee": required.as_employee if required else None,
            "required_months_in_organisation": required.in_organisation if required else None,
            "renewal": renewal,
        },
        missing=list(verdict.needs),
        verdict="eligible",
    )
