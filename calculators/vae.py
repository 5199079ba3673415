"""Validation des acquis de l'expérience: the leave to prepare it and the CQP gestionnaire conseil route.

- Congé VAE (protocole art. 7 as rewritten by the avenant of 11 October 2022, art. 2): 24 hours,
  raised to at most 48 hours for agents who have not reached level 4 (bac) or whose job is threatened
  by economic or technological change.
- VAE of the CQP gestionnaire conseil (circular, section VI): at least 3 years of experience, in
  full-time equivalent, within the last 8 years; one request per year at most.
"""

from __future__ import annotations

from calculators import references as ref
from calculators.numbers import Number, format_number, plain, to_decimal
from calculators.qualification_levels import BAC_LEVEL, LEVEL_NAMES, parse_level
from calculators.result import CalcError, CalcResult

BASE_HOURS = 24
RAISED_HOURS = 48
MIN_FTE_YEARS = 3
WINDOW_YEARS = 8
REQUESTS_PER_YEAR = 1


def vae_leave(diploma_level: int | str | None = None, job_threatened: bool | None = None) -> CalcResult:
    """How many hours of leave an agent gets to prepare a VAE, by qualification level and job threat."""
    level = None if diploma_level is None else parse_level(diploma_level)
    steps = [
        f"Article 7 (rédaction de l'avenant du 11 octobre 2022, art. 2) : congé VAE de {BASE_HOURS} heures, "
        f"porté à {RAISED_HOURS} heures au maximum pour les agents n'ayant pas atteint le niveau 4 ou dont "
        "l'emploi est menacé par les évolutions économiques ou technologiques.",
    ]
    warnings: list[str] = []
    reasons: list[str] = []
    if level is not None:
        if level < BAC_LEVEL:
            reasons.append(f"votre niveau de qualification ({level}) est inférieur au niveau 4 (bac)")
            steps.append(f"Niveau atteint : {LEVEL_NAMES[level]}, inférieur au niveau 4 → jusqu'à 48 heures.")
        else:
            steps.append(f"Niveau atteint : {LEVEL_NAMES[level]}, au moins égal au niveau 4.")
    else:
        warnings.append(
            "Niveau de qualification non précisé : si vous n'avez pas atteint le niveau 4 (bac), le congé "
            f"peut aller jusqu'à {RAISED_HOURS} heures."
        )
    if job_threatened:
        reasons.append("votre emploi est menacé par les évolutions économiques ou technologiques")
        steps.append("Emploi menacé par les évolutions économiques ou technologiques → jusqu'à 48 heures.")
    elif job_threatened is None:
        warnings.append(
            "Si votre emploi est menacé par les évolutions économiques ou technologiques, le congé peut "
            f"aller jusqu'à {RAISED_HOURS} heures."
        )
    warnings.append(
        "La VAE suppose une activité, continue ou non, d'au moins une année en lien avec la certification "
        "visée, inscrite au RNCP (article 7)."
    )
    if reasons:
        hours = RAISED_HOURS
        summary = f"Congé VAE : jusqu'à {RAISED_HOURS} heures, car {' et '.join(reasons)}."
        steps.append(f"Durée retenue : {RAISED_HOURS} heures au maximum.")
    else:
        hours = BASE_HOURS
        summary = f"Congé VAE : {BASE_HOURS} heures pour préparer la validation des acquis de l'expérience."
        steps.append(f"Durée retenue : {BASE_HOURS} heures.")
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
    )


def cqp_vae_eligibility(fte_experience_years: Number, requests_this_year: int = 0) -> CalcResult:
    """Whether a candidate may apply for the CQP gestionnaire conseil through VAE (circular VI)."""
    years = to_decimal(fte_experience_years)
    if not years.is_finite() or years < 0:
        raise CalcError("La durée d'expérience doit être un nombre d'années positif ou nul.")
    if years > WINDOW_YEARS:
        raise CalcError(
            f"Durée incohérente : l'expérience est comptée dans les {WINDOW_YEARS} dernières années, elle "
            f"ne peut donc dépasser {WINDOW_YEARS} ans en équivalent temps plein."
        )
    if requests_this_year < 0:
        raise CalcError("Le nombre de demandes de VAE déjà déposées cette année ne peut être négatif.")
    shown = format_number(years)
    steps = [
        f"Circulaire, VI : au moins {MIN_FTE_YEARS} ans d'expérience dans les {WINDOW_YEARS} dernières "
        "années, en durée réelle exprimée en équivalent temps plein (et non en période).",
        f"Expérience déclarée : {shown} an(s) en équivalent temps plein.",
        f"Une seule demande de VAE par an pour ce CQP ; demandes déjà déposées cette année : {requests_this_year}.",
    ]
    enough = years >= MIN_FTE_YEARS
    request_ok = requests_this_year < REQUESTS_PER_YEAR
    eligible = enough and request_ok
    if eligible:
        summary = (
            f"Candidature recevable à la VAE du CQP gestionnaire conseil : {shown} ans d'expérience en "
            f"équivalent temps plein sur les {WINDOW_YEARS} dernières années (minimum {MIN_FTE_YEARS} ans)."
        )
    else:
        missing = []
        if not enough:
            missing.append(
                f"{shown} an(s) d'expérience en équivalent temps plein, pour un minimum de {MIN_FTE_YEARS} "
                f"ans dans les {WINDOW_YEARS} dernières années"
            )
        if not request_ok:
            missing.append("une demande a déjà été déposée cette année (une seule demande par an)")
        summary = "Candidature non recevable à la VAE du CQP gestionnaire conseil : " + " ; ".join(missing) + "."
    return CalcResult(
        name="cqp_vae_eligibility",
        value=plain(years),
        unit="années ETP",
        summary=summary,
        formula="expérience ETP sur 8 ans ≥ 3 ans et au plus 1 demande par an",
        steps=steps,
        references=[ref.CQP_VAE],
        warnings=[
            "L'expérience doit être en relation avec le contenu du CQP gestionnaire conseil (référentiel "
            "métier) ; le dossier est présenté devant le jury de VAE désigné par la CPNEFP."
        ],
        eligible=eligible,
        details={
            "min_years": MIN_FTE_YEARS,
            "window_years": WINDOW_YEARS,
            "requests_this_year": requests_this_year,
        },
    )
