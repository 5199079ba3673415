"""Pro-A, reconversion ou promotion par l'alternance: who may use it, how long it lasts, how much training
it holds (protocole du 19 décembre 2019, art. 2.3 to 2.5; avenant du 11 octobre 2022, art. 1).

- Eligibility (art. 2.3): employees on a CDI or a CUI-CDI who have not reached a certification at the
  level of the licence (level 6).
- Duration (art. 2.4): 6 to 12 months; up to 24 months when the qualification requires it; up to
  36 months for the listed publics (young people without a diploma, long-term job seekers, minimum
  social benefit recipients).
- Training hours (art. 2.5): at least 15 % of the total and never under 150 hours; up to 70 % for the
  employees of L. 6325-1-1 and those whose qualification is insufficient for the branch's jobs.
- Certification list (art. 2.2): in `calculators.pro_a_certifications`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from calculators import references as ref
from calculators.conditions import Condition, all_of
from calculators.dates import add_months, format_date_fr
from calculators.input_ranges import ranged_result
from calculators.numbers import Number, format_number, plain, to_decimal
from calculators.qualification_levels import LEVEL_NAMES, LICENCE_LEVEL, parse_level
from calculators.result import CalcError, CalcResult
from text.folding import words

MIN_MONTHS = 6
MAX_MONTHS = {
    "standard": 12,
    "branch_qualification": 24,
    "young_or_jobseeker": 36,
    "minimum_social_benefit": 36,
}
CASE_LABELS = {
    "standard": "cas général, 6 à 12 mois",
    "branch_qualification": "qualification qui l'exige, notamment reconnue par la branche, jusqu'à 24 mois",
    "young_or_jobseeker": "jeune de 16 à 25 ans sans diplôme ou demandeur d'emploi, jusqu'à 36 mois",
    "minimum_social_benefit": "bénéficiaire du RSA, de l'ASS, de l'AAH ou d'un CUI, jusqu'à 36 mois",
}
MIN_SHARE = Decimal("0.15")
MAX_SHARE_EXTENDED = Decimal("0.70")
MIN_TRAINING_HOURS = 150


fold_wording = words  # lower-case, accent-free words ("CUI-CDI" → "cui cdi"), to match contracts and titles


# ---------------------------------------------------------------- eligibility (art. 2.3)

# Words of a contract's wording that settle art. 2.3 (folded, single letters joined: "C.D.I." → "cdi").
_OPEN_ENDED = ("cdi", "duree indeterminee", "indetermine")
_CUI = ("cui", "contrat unique d insertion")
_FIXED_TERM = {
    "cdd": "CDD",
    "duree determinee": "CDD",
    "interim": "intérim",
    "interimaire": "intérim",
    "apprenti": "contrat d'apprentissage",
    "apprentissage": "contrat d'apprentissage",
    "professionnalisation": "contrat de professionnalisation",
    "contrat pro": "contrat de professionnalisation",
    "stage": "stage",
    "stagiaire": "stage",
    "vacataire": "vacation",
}


_CONTRACT_NAMES = {"CUI-CDI": "CUI-CDI (contrat unique d'insertion à durée indéterminée, que l'article 2.3 vise)"}


def _joined_letters(folded: str) -> str:
    """ "c d i a temps partiel" → "cdi a temps partiel": initials written with dots or spaces."""
    return re.sub(r"\b(?:[a-z] ){2,}[a-z]\b", lambda m: m.group(0).replace(" ", ""), folded)


def contract_kind(contract: str) -> tuple[str | None, bool | None]:
    """The contract art. 2.3 sees in a wording, and whether it is covered (None: not recognised).

    "CDI à temps partiel", "CDI en activité partielle", "C.D.I.", "contrat à durée indéterminée" are
    a CDI: the article names employees "en contrat à durée indéterminée" and, among them, "les salariés
    en activité partielle"; working time does not matter. A fixed-term or training contract is not.
    """
    words = f" {_joined_letters(fold_wording(contract))} "

    def has(term: str) -> bool:  # a whole word or a whole phrase of the wording
        return f" {term} " in words

    fixed = next((label for term, label in _FIXED_TERM.items() if has(term)), None)
    open_ended = any(has(term) for term in _OPEN_ENDED)
    if open_ended and any(has(term) for term in _CUI):
        return "CUI-CDI", True
    if open_ended and not fixed:
        return "CDI", True
    if fixed and not open_ended:
        return fixed, False
    return None, None


def pro_a_eligibility(contract: str | None = None, diploma_level: int | str | None = None) -> CalcResult:
    """Whether an employee may use the Pro-A (art. 2.3), deciding with whatever is known.

    A qualification at the licence grade or above closes the Pro-A whatever the contract; a fixed-term
    contract closes it whatever the diploma; an unrecognised contract is asked about, never refused.
    """
    wording = (contract or "").strip()
    level = None if diploma_level is None else parse_level(diploma_level)
    kind, covered = contract_kind(wording) if wording else (None, None)
    steps = [
        "Article 2.3 : « La Pro-A concerne les salariés en contrat à durée indéterminée et les salariés "
        "bénéficiaires d'un contrat unique d'insertion à durée indéterminée, […] ainsi que les salariés en "
        "activité partielle. Sont concernés, les salariés n'ayant pas atteint un niveau de qualification "
        "sanctionné par une certification professionnelle enregistrée au RNCP et correspondant au grade de "
        "la licence. »",
    ]
    reasons: list[str] = []
    if covered is None:
        contract_ok = Condition.unknown("contract")
        steps.append(
            f"Contrat : « {wording} » → à préciser (CDI, CUI-CDI ou autre)." if wording else "Contrat : non précisé."
        )
    else:
        contract_ok = Condition.known(covered)
        if covered:
            partial = " (temps partiel ou activité partielle : sans effet)" if "parti" in fold_wording(wording) else ""
            steps.append(f"Contrat : {kind}{partial} → condition remplie.")
        else:
            steps.append(f"Contrat : {kind} → ni CDI ni CUI-CDI.")
            reasons.append(f"la Pro-A est réservée aux salariés en CDI ou en CUI-CDI (contrat indiqué : {wording})")
    if level is None:
        level_ok = Condition.unknown("diploma_level")
        steps.append("Qualification : non précisée.")
    elif level >= LICENCE_LEVEL:
        level_ok = Condition.known(False)
        steps.append(f"Qualification : {LEVEL_NAMES[level]} → grade de la licence atteint.")
        reasons.append(f"votre qualification, {LEVEL_NAMES[level]}, atteint déjà le grade de la licence")
    else:
        level_ok = Condition.known(True)
        steps.append(f"Qualification : {LEVEL_NAMES[level]} → inférieure à la licence, condition remplie.")
    verdict = all_of(contract_ok, level_ok)
    warnings = [
        "La certification visée doit figurer sur la liste Pro-A de la branche (annexe du protocole et "
        "ajouts de l'avenant de 2022) ; un avenant au contrat de travail précise la durée et l'objet."
    ]
    if verdict.holds is False:
        summary = "Non éligible à la Pro-A : " + " ; ".join(reasons) + "."
        if len(reasons) == 1 and (level is None or covered is None):
            summary = summary[:-1] + ", quel que soit " + ("le contrat." if covered is None else "le diplôme.")
        value = "non éligible"
    elif verdict.holds:
        summary = f"Éligible à la Pro-A : salarié en {kind} sans certification de niveau licence."
        value = "éligible"
    else:
        asks = []
        if "contract" in verdict.needs:
            asks.append("votre contrat (CDI, CUI-CDI ou autre)")
        if "diploma_level" in verdict.needs:
            asks.append("votre plus haut diplôme (la Pro-A est réservée aux salariés sous le grade de la licence)")
        summary = "Éligibilité à la Pro-A à confirmer : elle dépend de " + " et de ".join(asks) + "."
        if covered:
            named = _CONTRACT_NAMES.get(kind or "", kind)  # the article's own words for the contract
            # the contract's condition is decided: said with the article's words, before the diploma asked
            summary = (
                f"Éligible à la Pro-A en {named} si vous n'avez pas atteint le grade de la licence (niveau 6) : "
                "votre contrat remplit la condition de l'article 2.3, qui vise les salariés en contrat à durée "
                "indéterminée (à temps plein, à temps partiel ou en activité partielle) ; seul votre diplôme reste "
                "à vérifier."
            )
        elif level is not None and level_ok.holds:  # the qualification meets its condition: said first
            summary = (
                f"Votre qualification, {LEVEL_NAMES[level]}, n'atteint pas le grade de la licence (niveau 6) : elle "
                "ne vous ferme pas la Pro-A, qui dépend de votre contrat : elle concerne les salariés en CDI ou en "
                "CUI-CDI."
            )
        value = "à préciser"
    return CalcResult(
        name="pro_a_eligibility",
        value=value,
        unit="",
        summary=summary,
        formula=(
            "CDI ou CUI-CDI (temps plein, temps partiel ou activité partielle), et qualification inférieure au "
            "grade de la licence (niveau 6)"
        ),
        steps=steps,
        references=[ref.PRO_A_BENEFICIARIES],
        warnings=warnings,
        eligible=verdict.holds,
        details={"contract": kind or wording or None, "diploma_level": level},
        missing=list(verdict.needs),
        verdict="eligible",
    )


# ---------------------------------------------------------------- duration (art. 2.4)


# Shared by a duration checked (`pro_a_duration`) and the longest one the case allows (`_longest_pro_a`)
_DURATION_FORMULA = "6 ≤ durée ≤ 12 mois (24 si la qualification l'exige, 36 pour les publics listés)"
_BEYOND_TWO_YEARS = (
    "Avenant de 2022, article 1 : la Pro-A peut s'articuler avec d'autres dispositifs en cas de "
    "formation excédant la durée de deux années."
)
_DEROGATIONS = "Les cas dérogatoires s'appliquent « dans le cadre fixé par le code du travail » : à vérifier."


def pro_a_duration(months: int | None = None, case: str = "standard", start: date | None = None) -> CalcResult:
    """Whether a Pro-A of `months` months fits the duration rules of art. 2.4 for the given case.

    Without a length, the case alone decides the longest Pro-A allowed ("je touche l'AAH : ma Pro-A
    peut durer combien ?" is 36 months whatever the length envisaged). With its `start`, the last day it may
    reach is dated too ("elle démarre le 1er février 2027 : jusqu'à quand au plus tard ?", `_dated_end`).
    """
    result = _pro_a_duration(months, case)
    return result if start is None else _dated_end(result, start)


def _dated_end(result: CalcResult, start: date) -> CalcResult:
    """The result with the Pro-A's last day: the start plus the length envisaged (else the case's longest), minus a
    day — a Pro-A of 12 months from 1 February 2027 ends on 31 January 2028 at the latest."""
    length = result.details["months"] if result.details["months"] is not None else result.details["max_months"]
    end = add_months(start, int(length)) - timedelta(days=1)
    sentence = (
        f"Commencée le {format_date_fr(start)}, une Pro-A de {length} mois s'achève au plus tard le "
        f"{format_date_fr(end)}."
    )
    return replace(
        result,
        summary=f"{result.summary} {sentence}",
        steps=[*result.steps, f"{format_date_fr(start)} + {length} mois − 1 jour = {format_date_fr(end)}."],
        details={**result.details, "start": start, "end": end},
    )


def _pro_a_duration(months: int | None, case: str) -> CalcResult:
    """`pro_a_duration` without its dates."""
    if case not in MAX_MONTHS:
        raise CalcError(f"Cas inconnu : « {case} ». Cas possibles : {', '.join(MAX_MONTHS)}.")
    if months is not None and months <= 0:
        raise CalcError("La durée de la Pro-A doit être d'au moins 1 mois.")
    limit = MAX_MONTHS[case]
    if months is None:
        return _longest_pro_a(case, limit)
    steps = [
        "Article 2.4 : la Pro-A dure de 6 à 12 mois ; jusqu'à 24 mois lorsque la nature de la qualification "
        "l'exige (notamment qualification reconnue par la branche, diplôme ou titre RNCP lié aux métiers de "
        "la sécurité sociale) ; jusqu'à 36 mois pour les jeunes de 16 à 25 ans sans diplôme, les demandeurs "
        "d'emploi et les bénéficiaires de minima sociaux.",
        f"Cas retenu : {CASE_LABELS[case]}.",
    ]
    warnings = []
    if months < MIN_MONTHS:
        allowed = False
        summary = f"Une Pro-A de {months} mois est trop courte : la durée minimale est de {MIN_MONTHS} mois."
    elif months <= limit:
        allowed = True
        summary = f"Une Pro-A de {months} mois est possible : {CASE_LABELS[case]}."
    else:
        allowed = False
        wider = [c for c, m in MAX_MONTHS.items() if m >= months]
        hint = " ; elle serait possible dans le cas : " + " ; ou ".join(CASE_LABELS[c] for c in wider) if wider else ""
        summary = (
            f"Une Pro-A de {months} mois dépasse le maximum de {limit} mois pour ce cas ({CASE_LABELS[case]}){hint}."
        )
    if months > 24:
        warnings.append(_BEYOND_TWO_YEARS)
    warnings.append(_DEROGATIONS)
    steps.append(f"Durée demandée : {months} mois, maximum {limit} mois → {'possible' if allowed else 'impossible'}.")
    return CalcResult(
        name="pro_a_duration",
        value=limit,
        unit="mois",
        summary=summary,
        formula=_DURATION_FORMULA,
        steps=steps,
        references=[ref.PRO_A_DURATION, ref.PRO_A_LIST_2022] if months > 24 else [ref.PRO_A_DURATION],
        warnings=warnings,
        eligible=allowed,
        details={"months": months, "case": case, "min_months": MIN_MONTHS, "max_months": limit},
    )


def _longest_pro_a(case: str, limit: int) -> CalcResult:
    """The longest Pro-A the case allows (art. 2.4), when no length is envisaged yet."""
    summary = f"Une Pro-A peut durer de {MIN_MONTHS} à {limit} mois dans votre cas ({CASE_LABELS[case]})."
    warnings = [_DEROGATIONS]
    if limit > 24:
        warnings.insert(0, _BEYOND_TWO_YEARS)
    return CalcResult(
        name="pro_a_duration",
        value=limit,
        unit="mois",
        summary=summary,
        formula=_DURATION_FORMULA,
        steps=[
            "Article 2.4 : « Le dispositif Pro-A s'étend sur une durée comprise entre 6 et 12 mois » ; jusqu'à "
            "24 mois lorsque la nature de la qualification l'exige ; jusqu'à 36 mois pour les jeunes de 16 à 25 "
            "ans sans diplôme, les demandeurs d'emploi et les bénéficiaires de minima sociaux.",
            f"Cas retenu : {CASE_LABELS[case]} → durée maximale {limit} mois.",
        ],
        references=[ref.PRO_A_DURATION, ref.PRO_A_LIST_2022] if limit > 24 else [ref.PRO_A_DURATION],
        warnings=warnings,
        details={"months": None, "case": case, "min_months": MIN_MONTHS, "max_months": limit},
    )


# ---------------------------------------------------------------- training hours (art. 2.5)


def pro_a_training_hours(
    total_hours: Number, extended_public: bool = False, total_hours_low: Number | None = None
) -> CalcResult:
    """Minimum (and, for the listed employees, maximum) training hours of a Pro-A (art. 2.5); with
    `total_hours_low`, the hours of each end of a total known as a range (`training_hours_range`)."""
    if total_hours_low is not None:
        return training_hours_range(total_hours_low, total_hours, extended_public)
    total = to_decimal(total_hours)
    if not total.is_finite() or total <= 0:
        raise CalcError("La durée totale de la Pro-A doit être un nombre d'heures positif.")
    if total < MIN_TRAINING_HOURS:
        raise CalcError(
            f"Durée incohérente : {format_number(total)} heures au total, moins que le plancher de "
            f"{MIN_TRAINING_HOURS} heures de formation fixé par l'article 2.5."
        )
    share = total * MIN_SHARE
    minimum = max(share, to_decimal(MIN_TRAINING_HOURS))
    steps = [
        "Article 2.5 : actions de positionnement, d'évaluation, d'accompagnement et enseignements d'une "
        "durée au moins égale à 15 % de la durée totale, sans être inférieure à 150 heures ; jusqu'à 70 % "
        "pour les salariés visés à l'article L. 6325-1-1 et ceux dont la qualification est insuffisante au "
        "regard des métiers institutionnels.",
        f"15 % de {format_number(total)} heures = {format_number(share)} heures.",
        f"Minimum retenu : {format_number(minimum)} heures "
        + ("(plancher de 150 heures)." if share < MIN_TRAINING_HOURS else "(15 %, au-dessus du plancher)."),
    ]
    warnings = [
        "Le texte rapporte les 15 % à « la durée de la certification » et les 70 % à « la durée de l'action "
        "» : la durée totale indiquée est retenue pour les deux.",
        "Les formations Pro-A se déroulent pendant le temps de travail, avec maintien de la rémunération.",
    ]
    maximum = None
    summary = (
        f"Pour une Pro-A de {format_number(total)} heures, la formation doit durer au moins "
        f"{format_number(minimum)} heures"
    )
    summary += (
        " (15 % de la durée totale, au-dessus du plancher de 150 heures)"
        if share >= MIN_TRAINING_HOURS
        else f" (plancher de 150 heures, 15 % ne donnant que {format_number(share)} heures)"
    )
    if extended_public:
        maximum = total * MAX_SHARE_EXTENDED
        steps.append(f"Public visé : jusqu'à 70 % de {format_number(total)} heures = {format_number(maximum)} heures.")
        summary += f" et peut aller jusqu'à {format_number(maximum)} heures (70 %)"
        if maximum < minimum:
            warnings.append(
                f"Le maximum de 70 % ({format_number(maximum)} heures) est inférieur au plancher de "
                f"{MIN_TRAINING_HOURS} heures : durée totale trop courte pour respecter les deux bornes."
            )
    else:  # the rule's other bound, computed too: a question asking "entre quel minimum et quel maximum"
        bound = total * MAX_SHARE_EXTENDED
        steps.append(
            f"Maximum pour les publics visés : 70 % de {format_number(total)} heures = {format_number(bound)} heures."
        )
        warnings.append(
            "Pour les salariés visés à l'article L. 6325-1-1 ou dont la qualification est insuffisante, la "
            f"formation peut aller jusqu'à 70 % de la durée totale, soit {format_number(bound)} heures."
        )
    summary += "."
    return CalcResult(
        name="pro_a_training_hours",
        value=plain(minimum),
        unit="heures",
        summary=summary,
        formula="formation ≥ max(15 % × durée totale, 150 h) ; ≤ 70 % pour les publics visés",
        steps=steps,
        references=[ref.PRO_A_TRAINING],
        warnings=warnings,
        details={
            "total_hours": plain(total),
            "min_hours": plain(minimum),
            "max_hours": None if maximum is None else plain(maximum),
            "extended_public": extended_public,
        },
    )


def training_hours_range(low: Number, high: Number, extended_public: bool = False) -> CalcResult:
    """The training hours of a Pro-A whose total is known between two ends ("entre 1 000 et 1 400 heures"):
    art. 2.5's minimum, max(15 %, 150 h), and its 70 % only grow with the total, so each end of the total
    gives an end of the training's range."""
    bottom, top = pro_a_training_hours(low, extended_public), pro_a_training_hours(high, extended_public)
    low_total, high_total = to_decimal(bottom.details["total_hours"]), to_decimal(top.details["total_hours"])
    if low_total > high_total:
        raise CalcError("Fourchette d'heures inversée : le bas doit être inférieur au haut.")
    if low_total == high_total:
        return top
    low_min, high_min = to_decimal(bottom.details["min_hours"]), to_decimal(top.details["min_hours"])
    minimum = (
        f"au moins {format_number(high_min)} heures"
        if low_min == high_min
        else f"au moins {format_number(low_min)} à {format_number(high_min)} heures selon la durée retenue"
    )
    summary = (
        f"Pour une Pro-A de {format_number(low_total)} à {format_number(high_total)} heures, la formation doit "
        f"durer {minimum} (15 % de la durée totale, sans être inférieure à 150 heures)"
    )
    low_max, high_max = low_total * MAX_SHARE_EXTENDED, high_total * MAX_SHARE_EXTENDED
    summary += (
        f" et peut aller jusqu'à {format_number(low_max)} à {format_number(high_max)} heures (70 %)."
        if extended_public
        else f" ; jusqu'à 70 % pour les publics visés, soit {format_number(low_max)} à {format_number(high_max)} "
        "heures."
    )
    return ranged_result(
        bottom, top, summary, f"{format_number(low_total)} heures", f"{format_number(high_total)} heures"
    )
