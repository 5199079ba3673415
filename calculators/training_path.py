"""Hours, amplitude and 2013 funding of the CQP training path (circular sections IV and IX; convention
de formation CQP conseiller offres de service, art. 7).

- Pass: 40 hours of classroom teaching (5.5 days); PREM'SS: 61 hours (8.5 days) = 46 hours of teaching,
  14 hours of tutored applications and 1 hour of assessment; the option's hours are set by each
  national fund and are not in the corpus.
- Amplitude (circular IV): the path must not exceed two years from the first day of PREM'SS.
- Funding (circular IX): teaching, tutored and assessment hours, within the national maximum
  durations, were funded at 12 € per hour for 2013; later rates are set by the CPNEFP's priorities.
"""

from __future__ import annotations

from datetime import date

from calculators import references as ref
from calculators.dates import anniversary, day_before, format_date_fr
from calculators.numbers import Number, format_euros, format_number, plain, round_cents, to_decimal
from calculators.result import CalcError, CalcResult

PASS_HOURS = 40
PREMSS_TEACHING, PREMSS_TUTORED, PREMSS_ASSESSMENT = 46, 14, 1
PREMSS_HOURS = PREMSS_TEACHING + PREMSS_TUTORED + PREMSS_ASSESSMENT
COMMON_HOURS = PASS_HOURS + PREMSS_HOURS
AMPLITUDE_YEARS = 2
HOURLY_RATE_2013 = to_decimal(12)


def training_path_hours(
    first_premss_day: date | None = None,
    end_date: date | None = None,
    hours: Number | None = None,
) -> CalcResult:
    """Hours of the common part of the CQP path, its latest end date, and its funding at 12 €/h (2013)."""
    if end_date is not None and first_premss_day is None:
        raise CalcError("Indiquez aussi le premier jour de PREM'SS pour vérifier l'amplitude du parcours.")
    steps = [
        f"Circulaire, IX, et convention de formation, article 7 : Pass {PASS_HOURS} heures ; PREM'SS "
        f"{PREMSS_HOURS} heures = {PREMSS_TEACHING} heures d'enseignement + {PREMSS_TUTORED} heures "
        f"d'applications tutorées + {PREMSS_ASSESSMENT} heure d'évaluation ; soit {COMMON_HOURS} heures "
        "pour la partie commune, l'option étant fixée par la caisse nationale.",
    ]
    warnings: list[str] = []
    references = [ref.CQP_FUNDING, ref.PATH_ORGANISATION]
    parts = [
        f"Pass {PASS_HOURS} heures et PREM'SS {PREMSS_HOURS} heures ({PREMSS_TEACHING} + {PREMSS_TUTORED} + "
        f"{PREMSS_ASSESSMENT})"
    ]
    value: int | float | str = COMMON_HOURS
    unit = "heures"
    details: dict[str, object] = {
        "pass_hours": PASS_HOURS,
        "premss_hours": PREMSS_HOURS,
        "common_hours": COMMON_HOURS,
    }
    if first_premss_day is not None:
        latest_end = day_before(anniversary(first_premss_day, AMPLITUDE_YEARS))
        references.insert(0, ref.CQP_PATH)
        steps.append(
            "Circulaire, IV : amplitude d'au plus deux ans à compter du premier jour de PREM'SS "
            f"({format_date_fr(first_premss_day)}) → fin au plus tard le {format_date_fr(latest_end)}."
        )
        details["latest_end"] = latest_end
        value, unit = latest_end.isoformat(), "date"
        if end_date is None:
            parts.append(f"parcours à achever au plus tard le {format_date_fr(latest_end)} (amplitude de deux ans)")
        else:
            if end_date < first_premss_day:
                raise CalcError(
                    f"La fin du parcours ({format_date_fr(end_date)}) précède le premier jour de PREM'SS "
                    f"({format_date_fr(first_premss_day)})."
                )
            within = end_date <= latest_end
            verdict = "respecte" if within else "dépasse"
            steps.append(f"Fin prévue le {format_date_fr(end_date)} → {verdict} l'amplitude de deux ans.")
            parts.append(
                f"une fin le {format_date_fr(end_date)} {verdict} l'amplitude de deux ans (au plus tard le "
                f"{format_date_fr(latest_end)})"
            )
            details["within_amplitude"] = within

    if hours is None:
        # The common part's hours are the national maximum durations, so its 2013 funding is decided
        # without any figure from the user: "combien max l'OPCA prenait en charge ?" has an answer.
        common_funding = round_cents(to_decimal(COMMON_HOURS) * HOURLY_RATE_2013)
        steps.append(
            f"Circulaire, IX : à 12 €/h pour l'année 2013, la partie commune ({COMMON_HOURS} h) était prise en "
            f"charge au plus {COMMON_HOURS} h × 12 € = {format_euros(common_funding)} par stagiaire (hors option)."
        )
        parts.append(f"prise en charge 2013 de la partie commune : au plus {format_euros(common_funding)} (12 €/h)")
        details["common_funding_2013"] = plain(common_funding)
    else:
        amount_hours = to_decimal(hours)
        if not amount_hours.is_finite() or amount_hours < 0:
            raise CalcError("Le nombre d'heures à financer doit être positif ou nul.")
        funding = round_cents(amount_hours * HOURLY_RATE_2013)
        steps.append(
            f"Circulaire, IX : prise en charge à 12 €/h pour l'année 2013 : {format_number(amount_hours)} h "
            f"× 12 € = {format_euros(funding)}."
        )
        parts.append(f"{format_number(amount_hours)} heures financées à 12 €/h (taux 2013) = {format_euros(funding)}")
        warnings.append(
            "Le taux de 12 €/h vaut pour l'année 2013 et dans la limite des durées maximales fixées "
            "nationalement ; les taux ultérieurs relèvent des priorités de financement de la CPNEFP."
        )
        if amount_hours > COMMON_HOURS:
            warnings.append(
                f"Au-delà des {COMMON_HOURS} heures de Pass et PREM'SS, les heures de l'option sont "
                "plafonnées par la caisse nationale concernée (non précisé dans les textes)."
            )
        details.update(hours=plain(amount_hours), hourly_rate=12, funding=plain(funding))
        value, unit = plain(funding), "€"

    summary = "Parcours CQP : " + " ; ".join(parts) + "."
    return CalcResult(
        name="training_path_hours",
        value=value,
        unit=unit,
        summary=summary,
        formula=(
            "Pass 40 h + PREM'SS 61 h (46 + 14 + 1) ; fin ≤ 1er jour PREM'SS + 2 ans ; financement 2013 = heures × 12 €"
        ),
        steps=steps,
        references=references,
        warnings=warnings,
        details=details,
    )
