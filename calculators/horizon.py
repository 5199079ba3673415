"""A dated rule's result read at a date to come: does its date fall before the horizon asked?

"D'ici mars 2027, ma caisse devra-t-elle m'avoir fait suivre une formation ? Ma dernière remonte à février 2022."
Art. 8: "Le bénéfice d'une formation est ainsi garanti à tous les salariés présents qui n'en auraient pas suivi depuis
4 ans. Celle-ci intervient dans l'année suivant cette période de 4 ans." The calculator gives the date (before 1
February 2027); the question asks whether it falls by the horizon (31 March 2027). Each dated rule's result names
its date in `details`; this module reads it and says both the date and where it falls, so that the answer is the
rule's date and the yes/no asked, for every dated calculator alike. The professional reviews count to a horizon
themselves (`review_horizon`) and are left as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from calculators.dates import format_date_fr
from calculators.result import CalcResult


def _latest(rows: Any, key: str) -> date | None:
    days = [row.get(key) for row in rows or [] if isinstance(row, dict)]
    kept = [d for d in days if isinstance(d, date)]
    return max(kept) if kept else None


def _one(key: str) -> Callable[[dict[str, Any]], date | None]:
    def read(details: dict[str, Any]) -> date | None:
        value = details.get(key)
        return value if isinstance(value, date) else None

    return read


# calculator → (its dated result in `details`, what that date is, said in French)
DATED: dict[str, tuple[Callable[[dict[str, Any]], date | None], str]] = {
    # art. 8: "Celle-ci intervient dans l'année suivant cette période de 4 ans."
    "training_guarantee": (_one("deadline"), "la date limite de la formation garantie"),
    # art. 5: "Elle n'est pas accordée au salarié qui a déjà bénéficié de ce conseil au cours des 5 dernières années."
    "cep_absence": (_one("renewal"), "la date à partir de laquelle une nouvelle absence peut être accordée"),
    # circular IV: "L'amplitude du parcours de formation ne doit pas excéder deux ans, à compter du premier jour du
    # tronc commun interbranche"
    "training_path_hours": (_one("latest_end"), "la date limite de fin du parcours (amplitude de deux ans)"),
    # art. 9.3: the bonus "est versée … le mois suivant la fin de l'action de formation"
    "trainer_bonus": (lambda d: _latest(d.get("payments"), "date"), "le versement de la prime"),
    # art. 4.3: "Cette prime est versée en une seule fois à l'issue de la mission de tutorat"
    "tutor_bonus": (lambda d: _latest(d.get("missions"), "paid_on"), "le versement de la prime (fin de la mission)"),
    # art. 3.6: "À compter du 1er jour du mois qui suit l'obtention de la certification, la rémunération est fixée par
    # référence au cadre conventionnel."
    "professionalisation_contract": (
        _one("conventional_pay_from"),
        "le passage à la rémunération du cadre conventionnel",
    ),
    # art. 2.4: the Pro-A's last day, from its first day and length
    "pro_a_duration": (_one("end"), "la fin de la Pro-A"),
}


def at_horizon(result: CalcResult, horizon: date) -> CalcResult:
    """`result` with one more sentence: its date and whether it falls by `horizon` (on or before it), and both dates
    in `details`. A result with no date of its own (an eligibility not decided, a calculator not listed) is
    returned unchanged: the horizon then changes nothing the rule says."""
    dated = DATED.get(result.name)
    when = dated[0](result.details) if dated else None
    if dated is None or when is None:
        return result
    by_then = when <= horizon
    place = "avant" if when < horizon else "le jour même de" if when == horizon else "après"
    line = (
        f"À l'horizon demandé, le {format_date_fr(horizon)} : {dated[1]} tombe le {format_date_fr(when)}, "
        f"{place} cette date."
    )
    return replace(
        result,
        summary=f"{result.summary} {line}",
        steps=[*result.steps, line],
        details={**result.details, "horizon": horizon, "horizon_date": when, "by_horizon": by_then},
    )
