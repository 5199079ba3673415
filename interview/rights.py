"""The rights and obligations an employee profile opens, one `SheetItem` each, with the working.

`sheet_items` runs the calculators of `calculators.registry` that apply to a profile — entretien/bilan
schedule, garantie individuelle, CEP absence, VAE leave, Pro-A eligibility and the certifications the
career wish points to, tutor and trainer bonuses — and keeps each calculator's result (formula,
steps, articles). Impossible input becomes an "error" item with the calculator's message; missing
input a "missing" item that says what to fill in. Nothing here logs the profile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from calculators import references as ref
from calculators.pro_a_certifications import PRO_A_CERTIFICATIONS, Certification, find_certifications
from calculators.registry import CALCULATORS
from calculators.result import CalcError, CalcResult, Reference
from interview.profile import EmployeeProfile, contract_kind, months_between
from text.folding import words

Status = Literal["ok", "attention", "info", "missing", "not_applicable", "error"]

STATUS_LABELS: dict[str, str] = {
    "ok": "Favorable",
    "attention": "À traiter",
    "info": "Pour information",
    "missing": "Information à compléter",
    "not_applicable": "Non applicable",
    "error": "Données incohérentes",
}

CDD_WINDOW_MONTHS = 60

TRAINER_RECOGNITION = Reference(
    ref.AVENANT,
    "3",
    "Article 9.4 (créé par l'avenant du 11 octobre 2022, art. 3) — Point spécifique sur l'activité de "
    "formateur lors de l'entretien annuel",
)


@dataclass(frozen=True)
class SheetItem:
    """One right or obligation on the sheet, with the calculation behind it when there is one."""

    key: str
    title: str
    status: Status
    summary: str
    result: CalcResult | None = None
    note: str = ""
    references: tuple[Reference, ...] = ()

    @property
    def all_references(self) -> list[Reference]:
        """The calculator's references, then the item's own, without duplicates."""
        seen: dict[tuple[str, str, str], Reference] = {}
        for reference in [*(self.result.references if self.result else []), *self.references]:
            seen.setdefault((reference.document, reference.section, reference.label), reference)
        return list(seen.values())


def _run(name: str, **kwargs: Any) -> CalcResult:
    return CALCULATORS[name].run(**kwargs)


def _calc_item(
    key: str,
    title: str,
    compute: Callable[[], CalcResult],
    status_of: Callable[[CalcResult], Status],
    note: str = "",
    references: tuple[Reference, ...] = (),
) -> SheetItem:
    """Run one calculator; impossible input becomes an "error" item with the calculator's message."""
    try:
        result = compute()
    except CalcError as exc:
        return SheetItem(key, title, "error", str(exc), note=note, references=references)
    return SheetItem(key, title, status_of(result), result.summary, result, note, references)


def _eligibility_status(result: CalcResult) -> Status:
    return "ok" if result.eligible else "info"


_fold = words


# Words of a career wish that say nothing about the certification aimed at.
_WISH_STOPWORDS = {
    "devenir",
    "souhaite",
    "souhaiterait",
    "voudrait",
    "evoluer",
    "evolution",
    "metier",
    "metiers",
    "poste",
    "postes",
    "emploi",
    "formation",
    "former",
    "passer",
    "obtenir",
    "preparer",
    "vers",
    "dans",
    "avec",
    "pour",
    "sante",
    "securite",
    "sociale",
    "social",
}


def relevant_certifications(wish: str) -> list[Certification]:
    """Pro-A certifications a free-text career wish points to (title keywords, then significant words)."""
    folded = _fold(wish)
    if not folded:
        return []
    found = find_certifications(wish)
    words = [w for w in folded.split() if len(w) >= 5 and w not in _WISH_STOPWORDS]
    for certification in PRO_A_CERTIFICATIONS:
        haystack = _fold(f"{certification.title} {certification.family}")
        if certification not in found and any(word in haystack for word in words):
            found.append(certification)
    return found


_CEP_ASKS = {
    "contract": "Indiquez le type de contrat (CDI ou CDD) pour vérifier les conditions de l'article 5.",
    "months_in_organisation": "Indiquez la date d'entrée dans l'organisme pour vérifier les conditions d'ancienneté.",
    "months_as_employee": "Indiquez l'ancienneté salariée totale (en CDD : l'activité des 5 dernières années).",
}


def _cep_item(profile: EmployeeProfile, today: date) -> SheetItem:
    """Art. 5, evaluated with what the profile gives: a fact that decides alone (a CEP in the last 5 years,
    too little seniority for either contract) decides; otherwise the item lists only what could change it."""
    title = "Absence pour un conseil en évolution professionnelle (CEP)"
    kind = contract_kind(profile.contract)
    if profile.contract.strip() and not kind:
        return SheetItem(
            "cep_absence",
            title,
            "not_applicable",
            f"L'article 5 vise les salariés en CDI ou en CDD (contrat indiqué : {profile.contract.strip()}).",
            references=(ref.CEP,),
        )
    kwargs: dict[str, Any] = {"contract": kind} if kind else {}
    notes: list[str] = []
    in_organisation = None
    if profile.organisation_start is not None:
        in_organisation = months_between(profile.organisation_start, today)
    as_employee: int | None = None
    if profile.months_as_employee is not None:
        as_employee, origin = profile.months_as_employee, "ancienneté salariée indiquée"
    elif profile.branch_start is not None:
        as_employee, origin = months_between(profile.branch_start, today), "ancienneté dans la branche"
    elif in_organisation is not None:
        as_employee, origin = in_organisation, "ancienneté dans l'organisme"
    if as_employee is not None:
        notes.append(f"Activité salariée retenue : {as_employee} mois ({origin}).")
        if kind == "CDD" and as_employee > CDD_WINDOW_MONTHS:
            as_employee = CDD_WINDOW_MONTHS
            notes.append("En CDD, seule l'activité des 5 dernières années compte : 60 mois retenus.")
        kwargs["months_as_employee"] = as_employee
    if in_organisation is not None:
        if as_employee is not None and in_organisation > as_employee:
            in_organisation = as_employee
            notes.append("Ancienneté dans l'organisme ramenée à l'activité salariée retenue.")
        kwargs["months_in_organisation"] = in_organisation
    if profile.months_as_employee is None and as_employee is not None:
        notes.append("Si le salarié a travaillé avant d'entrer dans la branche, indiquez son ancienneté salariée.")
    if profile.provider_far is not None:
        kwargs["provider_far"] = profile.provider_far
    if profile.cep_in_last_5_years is not None:
        kwargs["cep_in_last_5_years"] = profile.cep_in_last_5_years
    item = _calc_item("cep_absence", title, lambda: _run("cep_absence", **kwargs), _eligibility_status, " ".join(notes))
    if item.result is not None and item.result.missing:
        asks = " ".join(_CEP_ASKS[m] for m in item.result.missing if m in _CEP_ASKS)
        return SheetItem("cep_absence", title, "missing", asks or item.summary, item.result, item.note, (ref.CEP,))
    return item


def _guarantee_item(profile: EmployeeProfile, today: date) -> SheetItem:
    title = "Garantie individuelle d'accès à la formation"
    if profile.last_training is None and profile.never_trained and profile.organisation_start is not None:
        hired = profile.organisation_start
        return _calc_item(
            "training_guarantee",
            title,
            lambda: _run("training_guarantee", hire_date=hired, as_of=today),
            _guarantee_status,
        )
    if profile.last_training is None:
        if profile.never_trained:
            return SheetItem(
                "training_guarantee",
                title,
                "missing",
                "Aucune formation depuis l'entrée dans l'organisme : indiquez la date d'entrée, les 4 ans sans "
                "formation se comptent depuis l'embauche.",
                references=(ref.TRAINING_GUARANTEE,),
            )
        return SheetItem(
            "training_guarantee",
            title,
            "missing",
            "Date de la dernière formation non renseignée : sans formation depuis 4 ans, une formation doit "
            "intervenir dans l'année qui suit. Vérifiez-la avant l'entretien.",
            references=(ref.TRAINING_GUARANTEE,),
        )
    last = profile.last_training
    return _calc_item(
        "training_guarantee",
        title,
        lambda: _run("training_guarantee", last_training=last, as_of=today),
        _guarantee_status,
    )


def _guarantee_status(result: CalcResult) -> Status:
    """Favorable while the four years without training have not run out, to act on once they have."""
    return "ok" if result.details.get("status") == "not_open" else "attention"


def _vae_item(profile: EmployeeProfile) -> SheetItem:
    kwargs: dict[str, Any] = {}
    if profile.diploma_level is not None:
        kwargs["diploma_level"] = profile.diploma_level
    if profile.job_threatened is not None:
        kwargs["job_threatened"] = profile.job_threatened
    return _calc_item(
        "vae_leave",
        "Congé pour préparer une validation des acquis de l'expérience (VAE)",
        lambda: _run("vae_leave", **kwargs),
        lambda _result: "info",
    )


def _pro_a_item(profile: EmployeeProfile) -> SheetItem:
    """Art. 2.3 with what is known: a diploma at the licence grade closes the Pro-A whatever the contract."""
    title = "Reconversion ou promotion par l'alternance (Pro-A)"
    kwargs: dict[str, Any] = {}
    if profile.contract.strip():
        kwargs["contract"] = profile.contract if profile.contract != "Autre" else "autre contrat"
    if profile.diploma_level is not None:
        kwargs["diploma_level"] = profile.diploma_level
    item = _calc_item("pro_a_eligibility", title, lambda: _run("pro_a_eligibility", **kwargs), _eligibility_status)
    if not profile.contract.strip() and (item.result is None or item.result.missing):
        return SheetItem(
            "pro_a_eligibility",
            title,
            "missing",
            "Indiquez le type de contrat : la Pro-A concerne les salariés en CDI ou en CUI-CDI.",
            references=(ref.PRO_A_BENEFICIARIES,),
        )
    return item


def _certification_items(profile: EmployeeProfile, today: date) -> list[SheetItem]:
    title = "Certifications Pro-A en lien avec le projet"
    matches = relevant_certifications(profile.career_wish)
    if not matches:
        listing = " ; ".join(c.title for c in PRO_A_CERTIFICATIONS)
        summary = (
            "Aucune certification de la liste Pro-A ne correspond au souhait exprimé."
            if profile.career_wish.strip()
            else "Souhait d'évolution non renseigné."
        )
        return [
            SheetItem(
                "pro_a_certifications",
                title,
                "info",
                summary,
                note=f"Certifications accessibles par la Pro-A : {listing}.",
                references=(ref.PRO_A_LIST, ref.PRO_A_ANNEX, ref.PRO_A_LIST_2022),
            )
        ]

    def check(certification: Certification) -> Callable[[], CalcResult]:
        return lambda: _run("pro_a_certification", certification=certification.title, as_of=today)

    return [
        _calc_item(
            f"pro_a_certification:{number}",
            f"{title} : {certification.title}",
            check(certification),
            _eligibility_status,
        )
        for number, certification in enumerate(matches, start=1)
    ]


def _reviews_item(profile: EmployeeProfile, today: date) -> SheetItem:
    title = "Entretiens professionnels et entretien de bilan"
    if profile.organisation_start is None:
        return SheetItem(
            "professional_reviews",
            title,
            "missing",
            "Indiquez la date d'entrée dans l'organisme pour établir le calendrier des entretiens (périodes "
            "de 6 ans depuis l'embauche).",
            references=(ref.PROFESSIONAL_REVIEW,),
        )
    hire = profile.organisation_start

    def status(result: CalcResult) -> Status:
        details = result.details
        due = details.get("interviews_still_due") or details.get("bilan_due")
        return "attention" if due or not details.get("past_periods_compliant", True) else "ok"

    return _calc_item(
        "professional_reviews",
        title,
        lambda: _run(
            "professional_reviews",
            hire_date=hire,
            interviews=list(profile.interviews),
            bilans=list(profile.bilans),
            as_of=today,
        ),
        status,
    )


def _bonus_items(profile: EmployeeProfile, today: date, point_values_file: str | None) -> list[SheetItem]:
    items: list[SheetItem] = []
    extra: dict[str, Any] = {"point_values_file": point_values_file} if point_values_file else {}
    if profile.tutor_missions:
        missions = [{"start": m.start, "end": m.end, "trainees": m.trainees} for m in profile.tutor_missions]
        items.append(
            _calc_item(
                "tutor_bonus",
                "Prime de tutorat",
                lambda: _run("tutor_bonus", missions=missions, as_of=today, **extra),
                lambda _result: "info",
            )
        )
    if profile.trainer_actions:
        actions = [{"start": a.start, "end": a.end} for a in profile.trainer_actions]
        items.append(
            _calc_item(
                "trainer_bonus",
                "Prime de formateur interne à titre accessoire",
                lambda: _run("trainer_bonus", actions=actions, **extra),
                lambda _result: "info",
                note="Un point spécifique sur l'activité de formateur est fait lors de l'entretien annuel "
                "d'évaluation et d'accompagnement (article 9.4).",
                references=(TRAINER_RECOGNITION,),
            )
        )
    return items


def sheet_items(profile: EmployeeProfile, today: date, point_values_file: str | None = None) -> list[SheetItem]:
    """Every item of the sheet, in the order it shows them (bonuses only for missions/actions given)."""
    return [
        _reviews_item(profile, today),
        _guarantee_item(profile, today),
        _cep_item(profile, today),
        _vae_item(profile),
        _pro_a_item(profile),
        *_certification_items(profile, today),
        *_bonus_items(profile, today, point_values_file),
    ]
