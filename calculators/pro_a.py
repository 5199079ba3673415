"""Pro-A, reconversion ou promotion par l'alternance (protocole du 19 décembre 2019, art. 2 and annex 1;
avenant du 11 octobre 2022, art. 1 and 6).

- Eligibility (art. 2.3): employees on a CDI or a CUI-CDI who have not reached a certification at the
  level of the licence (level 6).
- Duration (art. 2.4): 6 to 12 months; up to 24 months when the qualification requires it; up to
  36 months for the listed publics (young people without a diploma, long-term job seekers, minimum
  social benefit recipients).
- Training hours (art. 2.5): at least 15 % of the total and never under 150 hours; up to 70 % for the
  employees of L. 6325-1-1 and those whose qualification is insufficient for the branch's jobs.
- Certification list (art. 2.2): annex 1 of 2019, plus the five certifications the avenant of 2022
  added, open only from the avenant's extension (avenant art. 6), whose date the corpus does not give.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from calculators import references as ref
from calculators.dates import format_date_fr
from calculators.numbers import Number, format_number, plain, to_decimal
from calculators.qualification_levels import LEVEL_NAMES, LICENCE_LEVEL, parse_level
from calculators.result import CalcError, CalcResult

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
AVENANT_SIGNED = date(2022, 10, 11)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


# ---------------------------------------------------------------- eligibility (art. 2.3)

ELIGIBLE_CONTRACTS = {"cdi": "CDI", "cui cdi": "CUI-CDI", "contrat a duree indeterminee": "CDI"}


def pro_a_eligibility(contract: str, diploma_level: int | str | None = None) -> CalcResult:
    """Whether an employee may use the Pro-A, from the contract type and the qualification level."""
    folded = _fold(contract)
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


# ---------------------------------------------------------------- certification list (art. 2.2, annex)


@dataclass(frozen=True)
class Certification:
    """An entry of the Pro-A list and the words that recognise it in a user's phrasing."""

    title: str
    family: str
    provider: str
    added_2022: bool
    keywords: tuple[str, ...]
    abbreviations: tuple[str, ...] = ()

    def matches(self, folded: str) -> bool:
        """True when every keyword occurs in the folded text, or one abbreviation is a word of it."""
        words = set(folded.split())
        return all(k in folded for k in self.keywords) or any(a in words for a in self.abbreviations)


PRO_A_CERTIFICATIONS = (
    Certification(
        "CQP conseiller offres de services",
        "01 – Gestion des situations clients",
        "Institut 4.10",
        False,
        ("conseiller", "offre"),
        ("cos",),
    ),
    Certification(
        "CQP gestionnaire conseil de la sécurité sociale",
        "01 – Gestion des situations clients",
        "Institut 4.10",
        False,
        ("gestionnaire conseil",),
    ),
    Certification(
        "CQP contrôleur allocataire",
        "02 – Métiers du contrôle et maîtrise des risques externes",
        "Institut 4.10",
        False,
        ("controleur allocataire",),
    ),
    Certification(
        "CQP contrôleur du recouvrement",
        "02 – Métiers du contrôle et maîtrise des risques externes",
        "Institut 4.10",
        False,
        ("controleur", "recouvrement"),
    ),
    Certification(
        "DAMC : dispositif d'accès aux métiers de contrôle – formation initiale des inspecteurs",
        "02 – Métiers du contrôle et maîtrise des risques externes",
        "Institut 4.10",
        False,
        ("acces aux metiers de controle",),
        ("damc",),
    ),
    Certification(
        "CQP délégué de l'assurance maladie",
        "07 – Métiers de la régulation du système de soins",
        "Institut 4.10",
        False,
        ("delegue", "assurance maladie"),
        ("dam",),
    ),
    Certification(
        "Diplôme d'État d'infirmier",
        "06 – Métiers de l'offre de soins et prise en charge du handicap",
        "Organismes agréés de type IFSI",
        False,
        ("infirmi",),
        ("ide",),
    ),
    Certification(
        "Diplôme d'État d'aide-soignant",
        "06 – Métiers de l'offre de soins et prise en charge du handicap",
        "Organismes agréés de type Instituts AS-AP",
        False,
        ("aide soignant",),
        ("deas",),
    ),
    Certification(
        "Diplôme d'État de moniteur éducateur",
        "06 – Métiers de l'offre de soins et prise en charge du handicap",
        "Organismes agréés par le ministère des solidarités et de la santé",
        False,
        ("moniteur educateur",),
        ("deme",),
    ),
    Certification(
        "Diplôme d'État d'éducateur spécialisé (DEES)",
        "06 – Métiers de l'offre de soins et prise en charge du handicap",
        "Organismes agréés par le ministère des solidarités et de la santé",
        False,
        ("educateur specialise",),
        ("dees",),
    ),
    Certification(
        "CQP manager opérationnel",
        "17 – Management et pilotage",
        "Institut 4.10",
        True,
        ("manager operationnel",),
    ),
    Certification(
        "Diplôme d'État accompagnant éducatif et social (AES)",
        "06 – Offre de soins et prise en charge du handicap",
        "Organismes agréés par le ministère des solidarités et de la santé",
        True,
        ("accompagnant educatif",),
        ("aes", "deaes"),
    ),
    Certification(
        "Diplôme d'État assistante de service social",
        "04 – Intervention et développement social",
        "Organismes agréés par le ministère des solidarités et de la santé",
        True,
        ("service social",),
        ("deass",),
    ),
    Certification(
        "Diplôme d'État de conseiller en économie sociale familiale",
        "04 – Intervention et développement social",
        "Organismes agréés par le ministère des solidarités et de la santé",
        True,
        ("economie sociale",),
        ("cesf", "decesf"),
    ),
    Certification(
        "Master manager stratégique",
        "17 – Management et pilotage",
        "EN3S",
        True,
        ("manager strategique",),
    ),
)


def find_certifications(name: str) -> list[Certification]:
    """The list entries a user's wording designates (several when it is ambiguous)."""
    folded = _fold(name)
    return [c for c in PRO_A_CERTIFICATIONS if c.matches(folded)]


def pro_a_certification(certification: str, as_of: date | None = None) -> CalcResult:
    """Whether a certification is on the branch's Pro-A list on `as_of` (2019 annex + 2022 additions)."""
    if not _fold(certification):
        raise CalcError("Indiquez l'intitulé de la certification visée.")
    today = as_of or date.today()
    found = find_certifications(certification)
    steps = [
        "Article 2.2 : la Pro-A donne accès aux certifications figurant sur la liste de la branche (annexe "
        "1 du protocole) ; l'avenant du 11 octobre 2022 (article 1) y ajoute cinq certifications, ouvertes "
        "à la date de son extension (article 6).",
    ]
    warnings: list[str] = []
    listed = [c.title for c in PRO_A_CERTIFICATIONS]
    references = [ref.PRO_A_LIST, ref.PRO_A_ANNEX]
    if not found:
        steps.append(f"« {certification.strip()} » ne correspond à aucune certification de la liste.")
        return CalcResult(
            name="pro_a_certification",
            value="non inscrite",
            unit="",
            summary=(
                f"« {certification.strip()} » ne figure pas sur la liste des certifications éligibles à la "
                "Pro-A de la branche (annexe 1 du protocole et ajouts de l'avenant de 2022)."
            ),
            formula="certification ∈ annexe 1 (2019) ∪ ajouts de l'avenant de 2022 (après extension)",
            steps=steps,
            references=[*references, ref.PRO_A_LIST_2022],
            warnings=["Vérifiez l'intitulé exact : la recherche porte sur les intitulés de la liste."],
            eligible=False,
            details={"list": listed},
        )
    if len(found) > 1:
        warnings.append(
            "Intitulé ambigu, plusieurs certifications correspondent : " + " ; ".join(c.title for c in found) + "."
        )
    match = found[0]
    steps.append(f"Certification reconnue : {match.title} ({match.family}, {match.provider}).")
    if not match.added_2022:
        eligible = True
        steps.append("Elle figure à l'annexe 1 du protocole du 19 décembre 2019.")
        summary = f"{match.title} figure sur la liste des certifications éligibles à la Pro-A (annexe 1 du protocole)."
    elif today < AVENANT_SIGNED:
        eligible = False
        references.append(ref.PRO_A_LIST_2022)
        steps.append(f"Elle a été ajoutée par l'avenant du 11 octobre 2022, postérieur au {format_date_fr(today)}.")
        summary = (
            f"Au {format_date_fr(today)}, {match.title} ne figurait pas encore sur la liste Pro-A : elle y "
            "a été ajoutée par l'avenant du 11 octobre 2022, sous réserve de son extension."
        )
    else:
        eligible = True
        references += [ref.PRO_A_LIST_2022, ref.AVENANT_EFFECT]
        steps.append("Elle a été ajoutée par l'avenant du 11 octobre 2022 (article 1).")
        summary = (
            f"{match.title} figure sur la liste Pro-A depuis l'avenant du 11 octobre 2022, à compter de "
            "l'extension de cet avenant par le ministère chargé du travail."
        )
        warnings.append(
            "L'ouverture à la Pro-A des certifications ajoutées en 2022 est conditionnée à l'extension de "
            "l'avenant (article 6) ; la date de l'arrêté d'extension ne figure pas dans les textes : "
            "vérifiez-la."
        )
    return CalcResult(
        name="pro_a_certification",
        value="inscrite" if eligible else "non inscrite",
        unit="",
        summary=summary,
        formula="certification ∈ annexe 1 (2019) ∪ ajouts de l'avenant de 2022 (après extension)",
        steps=steps,
        references=references,
        warnings=warnings,
        eligible=eligible,
        details={
            "certification": match.title,
            "family": match.family,
            "provider": match.provider,
            "added_2022": match.added_2022,
            "subject_to_extension": match.added_2022,
            "as_of": today,
        },
    )
