"""Contribution conventionnelle supplémentaire (protocole du 19 décembre 2019, art. 9, renumbered 10
by the avenant of 11 October 2022, art. 4; rate maintained for 2023–2025 by its art. 5).

Organisations of the régime général pay 0.15 % of their gross payroll on top of the legal training
contribution. The avenant maintains that rate "for the years 2023 to 2025"; for later years the texts
of the corpus say nothing more than the article's 0.15 % and the three-yearly negotiation on the rate,
so the rate is applied with a warning rather than presented as settled.
"""

from __future__ import annotations

from decimal import Decimal

from calculators import references as ref
from calculators.numbers import Number, format_euros, plain, round_cents, to_decimal
from calculators.result import CalcError, CalcResult

RATE = Decimal("0.0015")
RATE_TEXT = "0,15 %"
MAINTAINED_FROM, MAINTAINED_TO = 2023, 2025
PROTOCOLE_YEAR = 2020


def supplementary_contribution(payroll: Number, year: int | None = None) -> CalcResult:
    """The branch's supplementary training contribution for a gross payroll, with the rate's basis."""
    gross = to_decimal(payroll)
    if not gross.is_finite() or gross < 0:
        raise CalcError("La masse salariale brute doit être un montant positif en euros.")
    if year is not None and not 1900 <= year <= 2200:
        raise CalcError(f"Année invalide : {year}.")
    amount = round_cents(gross * RATE)
    steps = [
        f"Article 9 du protocole (devenu article 10) : contribution de {RATE_TEXT} de la masse salariale "
        "brute, en plus de la contribution légale, gérée par l'OPCO et pilotée par la CPNEFP.",
        f"{format_euros(gross)} × {RATE_TEXT} = {format_euros(amount)}.",
    ]
    warnings: list[str] = []
    references = [ref.CONTRIBUTION, ref.CONTRIBUTION_2023_2025]
    if year is None:
        warnings.append(
            f"Année non précisée : le taux de {RATE_TEXT} est maintenu pour {MAINTAINED_FROM} à "
            f"{MAINTAINED_TO} (avenant, article 5) ; les textes ne disent rien des années suivantes."
        )
    elif MAINTAINED_FROM <= year <= MAINTAINED_TO:
        steps.append(f"Avenant du 11 octobre 2022, article 5 : taux maintenu à {RATE_TEXT} pour {year}.")
    elif year > MAINTAINED_TO:
        warnings.append(
            f"Pour {year}, les textes du corpus ne fixent pas le taux : l'avenant ne le maintient que pour "
            f"{MAINTAINED_FROM} à {MAINTAINED_TO}, l'article 10 prévoit une négociation tous les 3 ans sur "
            f"son amélioration. Le taux de {RATE_TEXT} de l'article est appliqué par défaut : vérifiez "
            "qu'aucun accord plus récent ne l'a modifié."
        )
    elif year >= PROTOCOLE_YEAR:
        steps.append(f"{year} : taux de {RATE_TEXT} fixé par l'article 9 du protocole du 19 décembre 2019.")
        references = [ref.CONTRIBUTION]
    else:
        warnings.append(
            f"Pour {year}, le taux relevait d'accords antérieurs au protocole (l'avenant du 23 octobre 2018 "
            f"l'avait prorogé à {RATE_TEXT} jusqu'au 31 décembre 2019) : à vérifier."
        )
        references = [ref.CONTRIBUTION]
    when = f" pour {year}" if year is not None else ""
    summary = (
        f"Contribution conventionnelle supplémentaire{when} : {format_euros(amount)}, soit {RATE_TEXT} "
        f"d'une masse salariale brute de {format_euros(gross)}"
    )
    if year is not None and year > MAINTAINED_TO:
        summary += f", taux appliqué par défaut car les textes ne le fixent que jusqu'en {MAINTAINED_TO}"
    summary += "."
    return CalcResult(
        name="supplementary_contribution",
        value=plain(amount),
        unit="€",
        summary=summary,
        formula=f"contribution = masse salariale brute × {RATE_TEXT}",
        steps=steps,
        references=references,
        warnings=warnings,
        details={"payroll": plain(gross), "rate": float(RATE), "year": year},
    )
