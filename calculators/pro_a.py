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

from decimal import Decimal

from calculators import references as ref
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

ELIGIBLE_CONTRACTS = {"cdi": "CDI", "cui cdi": "CUI-CDI", "contrat a duree indeterminee": "CDI"}


def pro_a_eligibility(contract: str, diploma_level: int | str | None = None) -> CalcResult:
    """Whether an employee may use the Pro-A, from the contract type and the qualification level."""
    folded = fold_wording(contract)
    if not folded:
        raise CalcError("Indiquez le type de contrat de travail (CDI, CUI-CDI, CDD…).")
    level = None if diploma_level is None else parse_level(diploma_level)
    kind = ELIGIBLE_CONTRACTS.get(folded) or (
        "CUI-CDI" if "contrat unique d insertion" in folded and "indetermine" in folded else None
    )
    steps = [
        "Article 2.3 : la Pro-A concerne les salariés en CDI et les bénéficiaires d'un contrat unique "
        "d'insertion à durée indéterminée (CUI-CDI) n'ayant pas atteint une certification de niveau licence.",
    ]
    reasons = []
    if kind:
        steps.append(f"Contrat : {kind} → condition remplie.")
    else:
        steps.append(f"Contrat : {contract.strip()} → ni CDI ni CUI-CDI.")
        reasons.append(
            f"la Pro-A est réservée aux salariés en CDI ou en CUI-CDI (contrat indiqué : {contract.strip()})"
        )
    warnings = []
    if level is None:
        warnings.append(
            "Niveau de qualification non précisé : la Pro-A est réservée aux salariés n'ayant pas atteint "
            "une certification de niveau licence (niveau 6)."
        )
    elif level >= LICENCE_LEVEL:
        steps.append(f"Qualification : {LEVEL_NAMES[level]} → grade de la licence atteint.")
        reasons.append(f"votre qualification, {LEVEL_NAMES[level]}, atteint déjà le grade de la licence")
    else:
        steps.append(f"Qualification : {LEVEL_NAMES[level]} → inférieure à la licence, condition remplie.")
    warnings.append(
        "La certification visée doit figurer sur la liste Pro-A de la branche (annexe du protocole et "
        "ajouts de l'avenant de 2022) ; un avenant au contrat de travail précise la durée et l'objet."
    )
    eligible = not reasons
    if not eligible:
        summary = "Non éligible à la Pro-A : " + " ; ".join(reasons) + "."
    elif level is None:
        summary = f"Éligible à la Pro-A en {kind}, sous réserve de ne pas avoir atteint le niveau licence."
    else:
        summary = f"Éligible à la Pro-A : salarié en {kind} sans certification de niveau licence."
    return CalcResult(
        name="pro_a_eligibility",
        value="éligible" if eligible else "non éligible",
        unit="",
        summary=summary,
        formula="CDI ou CUI-CDI, et qualification inférieure au grade de la licence (niveau 6)",
        steps=steps,
        references=[ref.PRO_A_BENEFICIARIES],
        warnings=warnings,
        eligible=eligible,
        details={"contract": kind or contract.strip(), "diploma_level": level},
    )


# ---------------------------------------------------------------- duration (art. 2.4)


def pro_a_duration(months: int, case: str = "standard") -> CalcResult:
    """Whether a Pro-A of `months` months fits the duration rules of art. 2.4 for the given case."""
    if case not in MAX_MONTHS:
        raise CalcError(f"Cas inconnu : « {case} ». Cas possibles : {', '.join(MAX_MONTHS)}.")
    if months <= 0:
        raise CalcError("La durée de la Pro-A doit être d'au moins 1 mois.")
    limit = MAX_MONTHS[case]
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
        warnings.append(
            "Avenant de 2022, article 1 : la Pro-A peut s'articuler avec d'autres dispositifs en cas de "
            "formation excédant la durée de deux années."
        )
    warnings.append("Les cas dérogatoires s'appliquent « dans le cadre fixé par le code du travail » : à vérifier.")
    steps.append(f"Durée demandée : {months} mois, maximum {limit} mois → {'possible' if allowed else 'impossible'}.")
    return CalcResult(
        name="pro_a_duration",
        value=limit,
        unit="mois",
        summary=summary,
        formula="6 ≤ durée ≤ 12 mois (24 si la qualification l'exige, 36 pour les publics listés)",
        steps=steps,
        references=[ref.PRO_A_DURATION, ref.PRO_A_LIST_2022] if months > 24 else [ref.PRO_A_DURATION],
        warnings=warnings,
        eligible=allowed,
        details={"months": months, "case": case, "min_months": MIN_MONTHS, "max_months": limit},
    )


# ---------------------------------------------------------------- training hours (art. 2.5)


def pro_a_training_hours(total_hours: Number, extended_public: bool = False) -> CalcResult:
    """Minimum (and, for the listed employees, maximum) training hours of a Pro-A (art. 2.5)."""
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
    else:
        warnings.append(
            "Pour les salariés visés à l'article L. 6325-1-1 ou dont la qualification est insuffisante, la "
            "formation peut aller jusqu'à 70 % de la durée totale."
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
