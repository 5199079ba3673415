"""Access to a VAE: at least one year of activity linked to the certification (protocole, art. 7).

Art. 7 (wording of the avenant du 11 octobre 2022): the VAE gives access to a certification "dès lors
que la personne justifie d'une activité, continue ou non, d'au moins 1 année, en lien avec la
certification recherchée". "Continue ou non" is why the input is a total of months, whatever the
number of periods: the periods are added up. The certification must be registered in the RNCP; that
condition is a fact to check, not a figure, so it is a warning. For the CQP gestionnaire conseil,
`calculators.vae.cqp_vae_eligibility` applies the same year and the circular's one request per year.
"""

from __future__ import annotations

from calculators import references as ref
from calculators.numbers import Number, format_number, plain, to_decimal
from calculators.result import CalcError, CalcResult

MIN_MONTHS = 12  # "au moins 1 année"


def vae_experience(months: Number) -> CalcResult:
    """Whether `months` of activity linked to the certification (continuous or not) open a VAE."""
    total = to_decimal(months)
    if not total.is_finite() or total < 0:
        raise CalcError("La durée d'activité doit être un nombre de mois positif ou nul.")
    if total > 12 * 80:
        raise CalcError(f"Durée d'activité incohérente : {format_number(total)} mois.")
    enough = total >= MIN_MONTHS
    shown = format_number(total, 1)
    steps = [
        "Article 7 : la VAE permet d'accéder à tout ou partie d'une certification dès lors que la personne "
        "justifie d'une activité, continue ou non, d'au moins 1 année en lien avec la certification recherchée.",
        f"Activité en lien avec la certification : {shown} mois, périodes additionnées (continue ou non).",
        f"{shown} mois {'≥' if enough else '<'} {MIN_MONTHS} mois → condition "
        + ("remplie." if enough else "non remplie."),
    ]
    if enough:
        summary = f"Avec {shown} mois d'activité en lien avec la certification, la condition d'au moins 1 année "
        summary += "pour une VAE est remplie."
    else:
        missing = to_decimal(MIN_MONTHS) - total
        summary = (
            f"Avec {shown} mois d'activité en lien avec la certification, la condition d'au moins 1 année pour "
            f"une VAE n'est pas encore remplie (il manque {format_number(missing, 1)} mois)."
        )
    return CalcResult(
        name="vae_experience",
        value=plain(total),
        unit="mois",
        summary=summary,
        formula="activité en lien avec la certification, continue ou non ≥ 12 mois",
        steps=steps,
        references=[ref.VAE_PROTOCOLE],
        warnings=[
            "La certification visée doit être inscrite au répertoire national des certifications "
            "professionnelles (diplôme, titre ou CQP).",
        ],
        eligible=enough,
        details={"months": plain(total), "min_months": MIN_MONTHS},
    )
