"""Contribution conventionnelle supplémentaire (protocole du 19 décembre 2019, art. 9, renumbered 10
by the avenant of 11 October 2022, art. 4; rate maintained for 2023–2025 by its art. 5).

Organisations of the régime général pay 0.15 % of their gross payroll on top of the legal training
contribution. The avenant maintains that rate "for the years 2023 to 2025"; for later years the texts
of the corpus say nothing more than the article's 0.15 % and the three-yearly negotiation on the rate,
so the rate is applied with a warning rather than presented as settled.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from calculators import references as ref
from calculators.numbers import Number, format_euros, plain, round_cents, to_decimal
from calculators.result import CalcError, CalcResult

RATE = Decimal("0.0015")
RATE_TEXT = "0,15 %"
MAINTAINED_FROM, MAINTAINED_TO = 2023, 2025
PROTOCOLE_YEAR = 2020


def supplementary_contribution(
    payroll: Number,
    year: int | None = None,
    years: str | None = None,
    payrolls: str | None = None,
    payroll_low: Number | None = None,
) -> CalcResult:
    """The branch's supplementary training contribution for a gross payroll, with the rate's basis;
    with `years`, one line per year and the total (`yearly_contributions`); with `payroll_low`, the
    contribution of each end of a payroll range (`contribution_range`)."""
    if years:
        return yearly_contributions(payroll, years, payrolls)
    if payroll_low is not None:
        return contribution_range(payroll_low, payroll, year)
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


def yearly_contributions(payroll: Number, years: str, payrolls: str | None = None) -> CalcResult:
    """The contribution of several years, one line per year and their total (each year with its own rate
    basis: art. 9 of the protocole for 2020–2022, the avenant's art. 5 for 2023–2025).

    `years`: "2023, 2024, 2025" or "2023-2025"; `payrolls`: one payroll per year, in the same order
    ("2000000; 3000000"), else `payroll` for every year ("stable", "chaque année").
    """
    listed = _years(years)
    amounts = [to_decimal(payroll)] * len(listed)
    if payrolls:
        given = [_amount(p) for p in re.split(r"\s*;\s*", payrolls.strip()) if p]
        if len(given) != len(listed):
            raise CalcError(f"{len(given)} masses salariales pour {len(listed)} années : une par année, dans l'ordre.")
        amounts = given
    results = [supplementary_contribution(gross, year) for gross, year in zip(amounts, listed, strict=True)]
    per_year = [round_cents(gross * RATE) for gross in amounts]
    total = sum(per_year, Decimal(0))
    lines = [f"{r.details['year']} : {r.steps[1]}" for r in results]
    warnings = list(dict.fromkeys(w for r in results for w in r.warnings))
    references = list(dict.fromkeys(ref_ for r in results for ref_ in r.references))
    first, last = listed[0], listed[-1]
    summary = (
        f"Contribution conventionnelle supplémentaire de {first} à {last} : {format_euros(total)} au total "
        f"({len(listed)} années à {RATE_TEXT} de la masse salariale brute)."
    )
    return CalcResult(
        name="supplementary_contribution",
        value=plain(total),
        unit="€",
        summary=summary,
        formula=f"contribution = somme, année par année, de la masse salariale brute × {RATE_TEXT}",
        steps=[results[0].steps[0], *lines, *(s for r in results for s in r.steps[2:])],
        references=references,
        warnings=warnings,
        details={"years": listed, "per_year": [plain(amount) for amount in per_year]},
    )


def contribution_range(low: Number, high: Number, year: int | None = None) -> CalcResult:
    """The contribution for a payroll known only between two ends ("entre 40 et 50 M€"): the rate applied to
    each end gives the ends of the contribution's range, since the contribution is proportional to the payroll
    (art. 9: "0,15 % de leur masse salariale brute")."""
    bottom, top = supplementary_contribution(low, year), supplementary_contribution(high, year)
    # each end is the single-payroll result (one computation, one rounding): the range only reads them
    low_gross, high_gross = to_decimal(bottom.details["payroll"]), to_decimal(top.details["payroll"])
    if low_gross > high_gross:
        raise CalcError("Fourchette de masse salariale inversée : le bas doit être inférieur au haut.")
    when = f" pour {year}" if year is not None else ""
    low_amount, high_amount = _figure(bottom), _figure(top)
    summary = (
        f"Contribution conventionnelle supplémentaire{when} : entre {format_euros(low_amount)} et "
        f"{format_euros(high_amount)}, soit {RATE_TEXT} d'une masse salariale brute comprise entre "
        f"{format_euros(low_gross)} et {format_euros(high_gross)}."
    )
    return CalcResult(
        name="supplementary_contribution",
        value=plain(high_amount),
        unit="€",
        summary=summary,
        formula=f"contribution = masse salariale brute × {RATE_TEXT}, à chaque bout de la fourchette",
        steps=[
            bottom.steps[0],
            f"Bas de la fourchette : {bottom.steps[1]}",
            f"Haut de la fourchette : {top.steps[1]}",
            *top.steps[2:],
        ],
        references=top.references,
        warnings=top.warnings,
        details={**top.details, "payroll_low": plain(low_gross), "low": plain(low_amount)},
    )


def _figure(result: CalcResult) -> Decimal:
    """The euro figure of one payroll's result (`plain` keeps it exact to the cent: a float's shortest text)."""
    value = result.value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CalcError("Contribution introuvable pour ce bout de la fourchette.")
    return to_decimal(value)


def _amount(text: str) -> Decimal:
    """One payroll of the `payrolls` list ("2000000", "2 000 000,50")."""
    try:
        value = Decimal(re.sub(r"[\s\u00a0\u202f]", "", text).replace(",", "."))
    except InvalidOperation:
        raise CalcError(f"Masse salariale illisible : « {text} ».") from None
    if not value.is_finite() or value < 0:
        raise CalcError("La masse salariale brute doit être un montant positif en euros.")
    return value


def _years(text: str) -> list[int]:
    """ "2023, 2024, 2025", "2023 et 2025" or "2023-2025" → the years, in order, each once."""
    found: list[int] = []
    for start, end in re.findall(r"(\d{4})(?:\s*(?:-|à|a)\s*(\d{4}))?", text):
        first, last = int(start), int(end or start)
        if not 1900 <= first <= last <= 2200 or last - first > 50:
            raise CalcError(f"Années invalides : « {text} ».")
        found += [y for y in range(first, last + 1) if y not in found]
    if not found:
        raise CalcError(f"Années attendues (ex. « 2023, 2024 »), reçu « {text} ».")
    return found
