"""Contrat de professionnalisation by public: its length (art. 3.4) and its training share (art. 3.5).

Protocole du 19 décembre 2019:

- art. 3.4: "La durée de l'action de professionnalisation est comprise entre 6 et 12 mois. Toutefois
  [...] cette durée peut être portée jusqu'à 36 mois pour" three publics (young people of 16 to 25
  without a second-cycle or vocational diploma; people of 16 to 25 and job seekers of 26 and over
  registered for more than 1 year; recipients of the RSA, ASS, AAH or former CUI holders), and "peut
  être allongée jusqu'à 24 mois lorsque la nature des qualifications professionnelles visées l'exige".
- art. 3.5: the training "peut être augmentée, sans toutefois pouvoir excéder 70 % de la durée totale
  de l'action de professionnalisation pour les salariés visés à l'article L. 6325-1-1 et à tous les
  salariés dont la qualification est insuffisante au regard des métiers institutionnels".

Why a module apart from `calculators.professionalisation` (pay and a duration check by named case):
here the public is *derived* from the employee's facts (age, diploma, months on the job seekers'
list, minimum social benefit), and a fact left unknown is reported as such — the limit that depends
on it is stated as conditional, never assumed. Reading choice: in the second public, "inscrites
depuis plus de 1 an" agrees with "personnes" and applies to both the 16-25 and the 26-and-over
(L. 6325-1-1, 2°, of the code du travail, to which the article refers).
The legal share of training for the other employees is "fixée au regard des dispositions légales"
(art. 3.5, first paragraph): the texts give no figure for it, so none is computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from calculators import references as ref
from calculators.numbers import Number, format_number, plain, to_decimal
from calculators.result import CalcError, CalcResult

MIN_MONTHS, STANDARD_MAX, QUALIFICATION_MAX, PUBLICS_MAX = 6, 12, 24, 36
YOUNG_MIN_AGE, YOUNG_MAX_AGE, JOBSEEKER_MIN_AGE = 16, 25, 26
JOBSEEKER_MIN_MONTHS = 12  # "inscrites depuis plus de 1 an": strictly more than 12 months
MAX_TRAINING_SHARE = Decimal("0.70")
MAX_AGE = 100

PUBLIC_LABELS = {
    "young_without_diploma": "jeune de 16 à 25 ans révolus sans second cycle du secondaire validé ni diplôme "
    "de l'enseignement technologique ou professionnel",
    "long_term_jobseeker": "personne de 16 à 25 ans révolus ou demandeur d'emploi de 26 ans et plus, inscrit "
    "depuis plus de 1 an sur la liste des demandeurs d'emploi",
    "minimum_social_benefit": "bénéficiaire du RSA, de l'ASS ou de l'AAH, ou ancien titulaire d'un contrat "
    "unique d'insertion",
}
PUBLICS_SENTENCE = (
    "Article 3.4 : jusqu'à 36 mois pour les jeunes de 16 à 25 ans révolus sans second cycle du secondaire "
    "validé ni diplôme technologique ou professionnel, les personnes de 16 à 25 ans et les demandeurs "
    "d'emploi de 26 ans et plus inscrits depuis plus de 1 an, les bénéficiaires du RSA, de l'ASS, de l'AAH "
    "ou d'un ancien contrat unique d'insertion (salariés visés à l'article L. 6325-1-1)."
)


@dataclass
class PublicReading:
    """Which art. 3.4 public the facts establish (`public`), and what was checked or left unknown."""

    public: str | None
    steps: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    @property
    def settled(self) -> bool:
        """True when the facts decide the question: a public is found, or every public is excluded."""
        return self.public is not None or not self.unknown


def read_public(
    age: int | None = None,
    without_diploma: bool | None = None,
    jobseeker_months: int | None = None,
    minimum_benefit: bool | None = None,
) -> PublicReading:
    """The public of art. 3.4 (L. 6325-1-1) the facts place the employee in, checking each in the text's order."""
    if age is not None and not YOUNG_MIN_AGE <= age <= MAX_AGE:
        raise CalcError(
            f"Âge incohérent : {age} ans. Le contrat de professionnalisation s'adresse aux personnes de "
            f"{YOUNG_MIN_AGE} ans et plus (article 3.3)."
        )
    if jobseeker_months is not None and jobseeker_months < 0:
        raise CalcError("La durée d'inscription comme demandeur d'emploi ne peut pas être négative.")
    reading = PublicReading(None)
    young = None if age is None else age <= YOUNG_MAX_AGE
    # 1. young people without a second-cycle or vocational diploma
    if young is False:
        reading.steps.append(f"Jeune de 16 à 25 ans sans diplôme : non ({age} ans).")
    elif without_diploma is False:
        reading.steps.append("Jeune de 16 à 25 ans sans diplôme : non (diplôme détenu).")
    elif young and without_diploma:
        reading.steps.append(f"Jeune de 16 à 25 ans sans diplôme : oui ({age} ans, sans diplôme).")
        reading.public = "young_without_diploma"
    else:
        reading.unknown.append(
            "l'âge et le diplôme"
            if young is None and without_diploma is None
            else ("l'âge" if young is None else "le diplôme (second cycle ou diplôme professionnel)")
        )
    # 2. registered on the job seekers' list for more than one year (16-25, or 26 and over)
    if reading.public is None:
        if jobseeker_months is None:
            reading.unknown.append("la durée d'inscription comme demandeur d'emploi")
        elif jobseeker_months > JOBSEEKER_MIN_MONTHS:
            reading.steps.append(
                f"Inscrit comme demandeur d'emploi depuis {jobseeker_months} mois : plus de 1 an (art. 3.4), oui."
            )
            reading.public = "long_term_jobseeker"
        else:
            reading.steps.append(
                f"Inscrit comme demandeur d'emploi depuis {jobseeker_months} mois : il faut être inscrit "
                "« depuis plus de 1 an » (art. 3.4), non."
            )
    # 3. minimum social benefits or former CUI
    if reading.public is None:
        if minimum_benefit is None:
            reading.unknown.append("le bénéfice du RSA, de l'ASS, de l'AAH ou d'un ancien CUI")
        elif minimum_benefit:
            reading.steps.append("Bénéficiaire du RSA, de l'ASS, de l'AAH ou ancien CUI : oui.")
            reading.public = "minimum_social_benefit"
        else:
            reading.steps.append("Bénéficiaire du RSA, de l'ASS, de l'AAH ou ancien CUI : non.")
    if reading.public is not None:
        reading.unknown = []
    return reading


def _beneficiary_warnings(age: int | None, jobseeker_months: int | None, minimum_benefit: bool | None) -> list[str]:
    """Art. 3.3: someone of 26 or over who is neither a job seeker nor on a minimum benefit is not a beneficiary."""
    if age is not None and age >= JOBSEEKER_MIN_AGE and jobseeker_months is None and not minimum_benefit:
        return [
            "Article 3.3 : à 26 ans et plus, le contrat de professionnalisation s'adresse aux demandeurs "
            "d'emploi et aux bénéficiaires du RSA, de l'ASS, de l'AAH ou d'un ancien CUI : à vérifier."
        ]
    return []


def professionalisation_duration(
    months: int | None = None,
    age: int | None = None,
    without_diploma: bool | None = None,
    jobseeker_months: int | None = None,
    minimum_benefit: bool | None = None,
    qualification_requires: bool | None = None,
) -> CalcResult:
    """Longest contrat de professionnalisation the public allows (art. 3.4), and whether `months` fits."""
    if months is not None and months <= 0:
        raise CalcError("La durée du contrat doit être d'au moins 1 mois.")
    reading = read_public(age, without_diploma, jobseeker_months, minimum_benefit)
    steps = [
        "Article 3.4 : la durée de l'action de professionnalisation est comprise entre 6 et 12 mois ; jusqu'à "
        "24 mois lorsque la nature de la qualification visée l'exige (notamment une qualification reconnue par "
        "la branche, un diplôme ou un titre RNCP lié aux métiers de la sécurité sociale).",
        PUBLICS_SENTENCE,
        *reading.steps,
    ]
    warnings = ["Ces durées s'appliquent « dans le cadre fixé par le code du travail »."]
    conditional: list[str] = []
    if reading.public is not None:
        limit, why = PUBLICS_MAX, f"public visé : {PUBLIC_LABELS[reading.public]}"
    elif qualification_requires:
        limit, why = QUALIFICATION_MAX, "la nature de la qualification visée l'exige"
    else:
        limit, why = STANDARD_MAX, "cas général"
        if qualification_requires is None:
            conditional.append("jusqu'à 24 mois si la nature de la qualification visée l'exige")
    if reading.unknown:
        conditional.append(f"jusqu'à 36 mois selon {', '.join(reading.unknown)} (non indiqués)")
        warnings.append("Non indiqué : " + " ; ".join(reading.unknown) + ".")
    warnings += _beneficiary_warnings(age, jobseeker_months, minimum_benefit)
    steps.append(f"Durée maximale retenue : {limit} mois ({why}).")
    summary = f"Contrat de professionnalisation : de {MIN_MONTHS} à {limit} mois ({why})"
    if conditional:
        summary += " ; " + " ; ".join(conditional)
    allowed: bool | None = None
    if months is not None:
        if months < MIN_MONTHS:
            allowed, verdict = False, f"une durée de {months} mois est en dessous du minimum de {MIN_MONTHS} mois"
        elif months <= limit:
            allowed, verdict = True, f"une durée de {months} mois est possible"
        elif months <= PUBLICS_MAX and conditional:
            verdict = f"une durée de {months} mois dépasse {limit} mois : possible seulement " + " ou ".join(
                conditional
            )
        else:
            allowed, verdict = False, f"une durée de {months} mois dépasse le maximum de {limit} mois"
        steps.append(f"Durée envisagée : {verdict}.")
        summary += f". Durée envisagée : {verdict}"
    return CalcResult(
        name="professionalisation_duration",
        value=limit,
        unit="mois",
        summary=summary + ".",
        formula="6 ≤ durée ≤ 12 mois ; 24 si la qualification l'exige ; 36 pour les publics de L. 6325-1-1",
        steps=steps,
        references=[ref.PRO_CONTRACT_DURATION, ref.PRO_CONTRACT_BENEFICIARIES],
        warnings=warnings,
        eligible=allowed,
        details={
            "min_months": MIN_MONTHS,
            "max_months": limit,
            "public": reading.public,
            "unknown": list(reading.unknown),
            "months": months,
        },
    )


def professionalisation_training_share(
    total_hours: Number | None = None,
    total_months: Number | None = None,
    planned_training: Number | None = None,
    age: int | None = None,
    without_diploma: bool | None = None,
    jobseeker_months: int | None = None,
    minimum_benefit: bool | None = None,
    insufficient_qualification: bool | None = None,
) -> CalcResult:
    """Most training a contrat de professionnalisation may hold for the employee's public (art. 3.5): 70 %."""
    if (total_hours is None) == (total_months is None):
        raise CalcError("Indiquez la durée totale du contrat, soit en heures, soit en mois (l'une des deux).")
    total = to_decimal(total_hours if total_hours is not None else total_months)  # type: ignore[arg-type]
    unit = "heures" if total_hours is not None else "mois"
    if not total.is_finite() or total <= 0:
        raise CalcError(f"La durée totale du contrat doit être un nombre de {unit} positif.")
    planned = None if planned_training is None else to_decimal(planned_training)
    if planned is not None and (not planned.is_finite() or planned < 0):
        raise CalcError(f"La durée de formation prévue doit être un nombre de {unit} positif.")
    if planned is not None and planned > total:
        raise CalcError(
            f"Durée incohérente : {format_number(planned)} {unit} de formation pour un contrat de "
            f"{format_number(total)} {unit} au total."
        )
    reading = read_public(age, without_diploma, jobseeker_months, minimum_benefit)
    steps = [
        "Article 3.5 : la durée totale de l'action de formation peut être augmentée sans excéder 70 % de la "
        "durée totale de l'action de professionnalisation pour les salariés visés à l'article L. 6325-1-1 et "
        "tous les salariés dont la qualification est insuffisante au regard des métiers institutionnels.",
        PUBLICS_SENTENCE,
        *reading.steps,
    ]
    if reading.public is None and insufficient_qualification is not None:
        steps.append(
            "Qualification insuffisante au regard des métiers institutionnels : "
            + ("oui." if insufficient_qualification else "non.")
        )
    if reading.public is not None:
        applies: bool | None = True
        who = PUBLIC_LABELS[reading.public]
    elif insufficient_qualification:
        applies, who = True, "salarié dont la qualification est insuffisante au regard des métiers institutionnels"
    elif insufficient_qualification is False and not reading.unknown:
        applies, who = False, ""
    else:
        applies, who = None, ""
    maximum = total * MAX_TRAINING_SHARE
    warnings = [
        "La durée des actions d'évaluation, d'accompagnement et des enseignements est fixée au regard des "
        "dispositions légales (article 3.5) ; ces textes n'en donnent pas le chiffre."
    ]
    details: dict[str, object] = {"total": plain(total), "total_unit": unit, "public": reading.public}
    if applies is False:
        summary = (
            "Le plafond de 70 % de l'article 3.5 ne vise pas ce salarié (ni public de l'article L. 6325-1-1, ni "
            "qualification insuffisante) : la durée de formation suit les dispositions légales."
        )
        steps.append("Aucun des publics visés : l'augmentation jusqu'à 70 % ne s'applique pas.")
        value: int | float | None = None
        result_unit = ""
    else:
        steps.append(f"70 % de {format_number(total)} {unit} = {format_number(maximum)} {unit}.")
        value, result_unit = plain(maximum), unit
        details["max_training"] = plain(maximum)
        if applies:
            summary = (
                f"Pour un contrat de {format_number(total)} {unit}, la formation peut aller jusqu'à "
                f"{format_number(maximum)} {unit} (70 %) : {who}."
            )
        else:
            unknown = [*reading.unknown]
            if insufficient_qualification is None:
                unknown.append("l'insuffisance de la qualification au regard des métiers institutionnels")
            summary = (
                f"Pour un contrat de {format_number(total)} {unit}, la formation peut aller jusqu'à "
                f"{format_number(maximum)} {unit} (70 %) si le salarié relève des publics de l'article "
                "L. 6325-1-1 ou si sa qualification est insuffisante au regard des métiers institutionnels."
            )
            warnings.insert(0, "À vérifier, non indiqué : " + " ; ".join(unknown) + ".")
    if planned is not None:
        share = planned / total * 100
        details["training_share_percent"] = plain(share.quantize(Decimal("0.1")))
        within = planned <= maximum
        steps.append(
            f"Formation prévue : {format_number(planned)} {unit}, soit {format_number(share, 1)} % de "
            f"{format_number(total)} {unit} → {'dans' if within else 'au-delà de'} la limite de 70 %."
        )
        details["planned_within_limit"] = within
        if applies is not False:
            summary += f" La formation prévue ({format_number(planned)} {unit}, soit {format_number(share, 1)} %) " + (
                "respecte ce plafond." if within else "dépasse ce plafond."
            )
    return CalcResult(
        name="professionalisation_training_share",
        value=value,
        unit=result_unit,
        summary=summary,
        formula="formation ≤ 70 % × durée totale, pour les publics de L. 6325-1-1 et les qualifications insuffisantes",
        steps=steps,
        references=[ref.PRO_CONTRACT_TRAINING, ref.PRO_CONTRACT_DURATION],
        warnings=warnings,
        eligible=applies,
        details=details,
    )
