"""Validation des acquis de l'expérience: the leave to prepare it and the experience a VAE requires.

- Congé VAE (protocole art. 7 as rewritten by the avenant of 11 October 2022, art. 2): "Le congé pour
  préparer la validation des acquis de l'expérience (VAE) d'une durée de 24 heures est augmenté pour
  les agents n'ayant pas atteint le niveau 4 ou dont l'emploi est menacé par les évolutions économiques
  ou technologiques, à 48 heures maximum." The 2019 article 7 set no number of hours: before the
  avenant applies (`corpus/amendments.json`, by default its signature date) the result says so.
- Experience (art. 7, same rewriting): "dès lors que la personne justifie d'une activité, continue ou
  non, d'au moins une année, en lien avec la certification recherchée. Cette certification peut être
  un diplôme, un titre, un certificat de qualification professionnelle (CQP)". The 2013 circular's
  condition for the CQP gestionnaire conseil (3 years in full-time equivalent within the last 8)
  predates it: it is shown as an older, stricter rule the agreement replaced; its one request per
  year, which the agreement does not address, is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from calculators import references as ref
from calculators.amendment_dates import avenant_2022_dates
from calculators.conditions import Condition, all_of, at_least
from calculators.dates import format_date_fr
from calculators.numbers import Number, format_number, plain, to_decimal
from calculators.qualification_levels import BAC_LEVEL, LEVEL_NAMES, parse_level
from calculators.result import CalcError, CalcResult

BASE_HOURS = 24
RAISED_HOURS = 48
MIN_ACTIVITY_YEARS = 1
CIRCULAR_FTE_YEARS = 3
CIRCULAR_WINDOW_YEARS = 8
REQUESTS_PER_YEAR = 1


def vae_leave(
    diploma_level: int | str | None = None, job_threatened: bool | None = None, on: date | None = None
) -> CalcResult:
    """Hours of leave to prepare a VAE on date `on`, deciding with what is known.

    A threatened job gives up to 48 hours whatever the diploma; a level below 4 too. A level of at
    least 4 gives 24 hours unless the job is threatened, an exception the user would mention (assumed
    not, with a warning). Without the level and without a threat, the level is missing.
    """
    level = None if diploma_level is None else parse_level(diploma_level)
    in_force = avenant_2022_dates().in_force
    if on is not None and on < in_force:
        return CalcResult(
            name="vae_leave",
            value=None,
            unit="heures",
            summary=(
                f"Au {format_date_fr(on)}, le texte de la branche ne fixait pas de nombre d'heures de congé pour "
                "préparer une VAE : l'article 7 du protocole de 2019 renvoyait au cadre légal ; les 24 heures "
                "(jusqu'à 48 heures) résultent de l'avenant du 11 octobre 2022, applicable à compter du "
                f"{format_date_fr(in_force)}."
            ),
            formula="avant l'avenant de 2022 : pas de durée conventionnelle ; ensuite 24 h, jusqu'à 48 h",
            steps=[
                "Article 7 du protocole du 19 décembre 2019 (rédaction d'origine) : « Tout salarié peut bénéficier "
                "de la validation des acquis de son expérience dans le cadre législatif et réglementaire en "
                "vigueur » ; aucun nombre d'heures de congé.",
                f"Avenant du 11 octobre 2022, article 2 : congé de {BASE_HOURS} heures, {RAISED_HOURS} heures au "
                f"maximum sous conditions, applicable à compter du {format_date_fr(in_force)}.",
            ],
            references=[ref.VAE_PROTOCOLE, ref.VAE_LEAVE],
            warnings=["Pour cette date, le congé relève des dispositions légales en vigueur."],
            details={"on": on, "avenant_in_force": in_force, "max_hours": None},
        )
    steps = [
        f"Article 7 (rédaction de l'avenant du 11 octobre 2022, art. 2) : congé VAE de {BASE_HOURS} heures, "
        f"porté à {RAISED_HOURS} heures au maximum pour les agents n'ayant pas atteint le niveau 4 ou dont "
        "l'emploi est menacé par les évolutions économiques ou technologiques.",
    ]
    warnings: list[str] = []
    reasons: list[str] = []
    low_level = Condition.unknown("diploma_level") if level is None else Condition.known(level < BAC_LEVEL)
    if level is not None:
        if level < BAC_LEVEL:
            reasons.append(f"votre niveau de qualification ({level}) est inférieur au niveau 4 (bac)")
            steps.append(f"Niveau atteint : {LEVEL_NAMES[level]}, inférieur au niveau 4 → jusqu'à 48 heures.")
        else:
            steps.append(f"Niveau atteint : {LEVEL_NAMES[level]}, au moins égal au niveau 4.")
    if job_threatened:
        reasons.append("votre emploi est menacé par les évolutions économiques ou technologiques")
        steps.append("Emploi menacé par les évolutions économiques ou technologiques → jusqu'à 48 heures.")
    elif job_threatened is None:
        warnings.append(
            "Si votre emploi est menacé par les évolutions économiques ou technologiques, le congé peut "
            f"aller jusqu'à {RAISED_HOURS} heures."
        )
    raised = Condition(True) if job_threatened else low_level
    warnings.append(
        "La VAE suppose une activité, continue ou non, d'au moins une année en lien avec la certification "
        "visée, inscrite au RNCP (article 7)."
    )
    hours: int | None
    if raised.holds:
        hours = RAISED_HOURS
        summary = f"Congé VAE : jusqu'à {RAISED_HOURS} heures, car {' et '.join(reasons)}."
        steps.append(f"Durée retenue : {RAISED_HOURS} heures au maximum.")
    elif raised.holds is False:
        hours = BASE_HOURS
        summary = f"Congé VAE : {BASE_HOURS} heures pour préparer la validation des acquis de l'expérience."
        steps.append(f"Durée retenue : {BASE_HOURS} heures.")
    else:
        hours = None
        summary = (
            f"Congé VAE : {BASE_HOURS} heures, porté jusqu'à {RAISED_HOURS} heures si vous n'avez pas atteint le "
            "niveau 4 (bac) ou si votre emploi est menacé."
        )
        steps.append("Niveau de qualification non précisé : durée à confirmer (24 ou 48 heures).")
    return CalcResult(
        name="vae_leave",
        value=hours,
        unit="heures",
        summary=summary,
        formula="24 h ; jusqu'à 48 h si niveau < 4 ou emploi menacé",
        steps=steps,
        references=[ref.VAE_LEAVE, ref.VAE_PROTOCOLE],
        warnings=warnings,
        details={"diploma_level": level, "job_threatened": job_threatened, "max_hours": hours},
        missing=list(raised.needs),
    )


def cqp_vae_eligibility(
    experience_years: Number | None = None,
    requests_this_year: int = 0,
    time_share: Number | None = None,
    earlier_certificate_on: date | None = None,
) -> CalcResult:
    """Whether a candidate may apply for the CQP gestionnaire conseil through VAE (art. 7; circular VI).

    `time_share` (the part of a full time worked, in %) converts the years into full-time equivalent, the unit of
    the circular's condition ("Il s'agit de la durée réelle de l'expérience, exprimée en équivalent temps plein"):
    a part-timer asking whether their years reach it gets the product, not the rule to apply themselves.

    `earlier_certificate_on`: the date a Tam Tam, Vadémécaf, Oméga+, Sm'pro or Startech certification was obtained;
    between June 2009 and December 2013 the jury decides on the file, without an oral (`_jury_on_file`). The
    result states it first, whatever the admissibility still needs: it is what "aurai-je un oral ?" asks.
    """
    years = None if experience_years is None else to_decimal(experience_years)
    if years is not None and (not years.is_finite() or years < 0):
        raise CalcError("La durée d'expérience doit être un nombre d'années positif ou nul.")
    share = None if time_share is None else to_decimal(time_share)
    if share is not None and (not share.is_finite() or not 0 < share <= 100):
        raise CalcError("La quotité de travail doit être un pourcentage d'un temps plein, entre 0 et 100 %.")
    if requests_this_year < 0:
        raise CalcError("Le nombre de demandes de VAE déjà déposées cette année ne peut être négatif.")
    shown = "non précisée" if years is None else f"{format_number(years)} an(s)"
    steps = [
        "Article 7 du protocole, rédaction de l'avenant du 11 octobre 2022 (art. 2) : la VAE est ouverte dès "
        "lors que la personne justifie d'une activité, continue ou non, d'au moins une année, en lien avec la "
        "certification recherchée, qui peut être un CQP.",
        f"Activité déclarée en lien avec le CQP : {shown}.",
        "Circulaire de 2013, VI : une seule demande de VAE par an pour ce CQP ; demandes déjà déposées cette "
        f"année : {requests_this_year}.",
        f"Circulaire de 2013, VI (règle antérieure) : {CIRCULAR_FTE_YEARS} ans d'expérience en équivalent temps "
        f"plein dans les {CIRCULAR_WINDOW_YEARS} dernières années ; condition plus stricte, remplacée par "
        "l'article 7 de l'accord.",
    ]
    fte = _full_time_equivalent(years, share)
    if fte is not None:
        steps.append(fte.step)
    jury = None if earlier_certificate_on is None else _jury_on_file(earlier_certificate_on)
    if jury is not None:
        steps.append(jury.step)
    enough = at_least(None if years is None else float(years), MIN_ACTIVITY_YEARS, "experience_years")
    request_ok = Condition.known(requests_this_year < REQUESTS_PER_YEAR)
    verdict = all_of(enough, request_ok)
    circular = (
        "La circulaire de 2013 exigeait 3 ans d'expérience en équivalent temps plein sur les 8 dernières "
        "années : cette règle plus ancienne et plus stricte a été remplacée par l'article 7 de l'accord "
        "(une année d'activité suffit)."
    )
    if verdict.holds:
        summary = (
            f"Candidature recevable à la VAE du CQP gestionnaire conseil : {shown} d'activité en lien avec le "
            f"CQP, pour au moins une année exigée par l'article 7 du protocole (avenant de 2022). "
            f"{fte.sentence if fte is not None else circular}"
        )
    elif verdict.holds is False:
        reasons = []
        if enough.holds is False:
            reasons.append(f"{shown} d'activité en lien avec le CQP, pour au moins une année exigée (article 7)")
        if not request_ok.holds:
            reasons.append("une demande a déjà été déposée cette année (une seule demande par an, circulaire)")
        summary = "Candidature non recevable à la VAE du CQP gestionnaire conseil : " + " ; ".join(reasons) + "."
        summary += f" {fte.sentence}" if fte is not None else ""
    else:
        summary = (
            "VAE du CQP gestionnaire conseil : recevable si vous justifiez d'au moins une année d'activité, "
            f"continue ou non, en lien avec le CQP (article 7). {circular}"
        )
    if jury is not None:  # the fact the user gave decides the jury's procedure: said first
        summary = f"{jury.sentence} {summary}"
    return CalcResult(
        name="cqp_vae_eligibility",
        value=None if years is None else plain(years),
        unit="années",
        summary=summary,
        formula="activité en lien avec le CQP ≥ 1 an (art. 7) et au plus 1 demande par an (circulaire)",
        steps=steps,
        references=[ref.VAE_PROTOCOLE, ref.VAE_2022, ref.CQP_VAE],
        warnings=[
            "L'expérience doit être en relation avec le contenu du CQP gestionnaire conseil (référentiel "
            "métier) ; le dossier est présenté devant le jury de VAE désigné par la CPNEFP.",
            circular,
        ],
        eligible=verdict.holds,
        details={
            "min_years": MIN_ACTIVITY_YEARS,
            "requests_this_year": requests_this_year,
            "full_time_years": None if fte is None else plain(fte.years),
            "jury_on_file": None if jury is None else jury.on_file,
            "circular_condition": {
                "min_fte_years": CIRCULAR_FTE_YEARS,
                "window_years": CIRCULAR_WINDOW_YEARS,
                "replaced_by": "article 7 (avenant du 11 octobre 2022, art. 2)",
            },
        },
        missing=list(verdict.needs),
        verdict="eligible",
    )


# Circular VI: "Pour les candidats ayant obtenu la certification Tam Tam, Vadémécaf, Oméga+, Sm'pro ou Startech entre
# juin 2009 et décembre 2013, le jury se prononcera sur dossier (pas d'oral, sauf si le jury l'estime nécessaire)."
EARLIER_CERTIFICATES = ("Tam Tam", "Vadémécaf", "Oméga+", "Sm'pro", "Startech")
ON_FILE_FROM, ON_FILE_TO = date(2009, 6, 1), date(2013, 12, 31)


@dataclass(frozen=True)
class _Jury:
    """How the VAE jury decides for a holder of an earlier certification: on the file alone, or as usual."""

    on_file: bool
    step: str
    sentence: str


def _jury_on_file(obtained: date) -> _Jury:
    """The circular's dispensation from the oral, by the date the earlier certification was obtained."""
    names = ", ".join(EARLIER_CERTIFICATES[:-1]) + f" ou {EARLIER_CERTIFICATES[-1]}"
    window = "entre juin 2009 et décembre 2013"
    step = (
        f"Circulaire de 2013, VI : pour les candidats ayant obtenu la certification {names} {window}, le jury se "
        f"prononce sur dossier (pas d'oral, sauf si le jury l'estime nécessaire) ; certification obtenue le "
        f"{format_date_fr(obtained)}."
    )
    if ON_FILE_FROM <= obtained <= ON_FILE_TO:
        sentence = (
            f"Certification antérieure obtenue {window} : le jury de VAE se prononcera sur dossier (pas d'oral, "
            "sauf si le jury l'estime nécessaire ; circulaire de 2013, VI)."
        )
        return _Jury(True, step, sentence)
    sentence = (
        "Certification antérieure obtenue hors de la période de juin 2009 à décembre 2013 : la dispense d'oral de "
        "la circulaire de 2013 (VI) ne s'applique pas ; le dossier est présenté par le candidat devant le jury de VAE."
    )
    return _Jury(False, step, sentence)


@dataclass(frozen=True)
class _FullTime:
    """Years of part-time activity in full-time equivalent, the step that computes them and what they mean."""

    years: Decimal
    step: str
    sentence: str


def _full_time_equivalent(years: Decimal | None, share: Decimal | None) -> _FullTime | None:
    """The years × the share of a full time, set against the circular's 3 years (VI: "La durée de l'expérience
    doit être au minimum de 3 ans, dans les 8 dernières années. Il s'agit de la durée réelle de l'expérience,
    exprimée en équivalent temps plein, et non d'une période.")."""
    if years is None or share is None:
        return None
    fte = (years * share / 100).quantize(Decimal("0.01"))
    shown = format_number(fte)
    reached = "atteint" if fte >= CIRCULAR_FTE_YEARS else "n'atteint pas"
    return _FullTime(
        fte,
        f"Équivalent temps plein (circulaire, VI) : {format_number(years)} an(s) × {format_number(share)} % = "
        f"{shown} an(s).",
        f"En équivalent temps plein, {format_number(years)} an(s) à {format_number(share)} % font {shown} an(s) : "
        f"cela {reached} les {CIRCULAR_FTE_YEARS} ans en équivalent temps plein sur les {CIRCULAR_WINDOW_YEARS} "
        "dernières années qu'exigeait la circulaire de 2013, règle plus ancienne remplacée par l'article 7 de "
        "l'accord (une année d'activité, continue ou non, suffit).",
    )
