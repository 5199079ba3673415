"""Points → euros, with a point value the user configures; the corpus does not give one.

The bonuses of the agreements are expressed in points. The euro value of the point is set by salary
negotiations outside this corpus and changes over time, so it is never invented here: it comes from
an explicit `point_value` argument or from a dated table (a JSON file the user edits, by default
`<data_dir>/point_values.json`), and every conversion is shown as an assumption. Without a value the
points are returned as they are, with a warning saying a point value must be configured.

Table format (a template ships as `calculators/point_values.example.json`)::

    {"values": [{"effective_from": "2025-01-01", "value": 7.5, "source": "protocole salarial ..."}]}

The value in force on a date is the entry with the latest `effective_from` on or before that date.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from calculators.dates import format_date_fr
from calculators.numbers import Number, format_euros, format_number, plain, round_cents, to_decimal
from calculators.references import TRAINER_BONUS, TUTOR_BONUS
from calculators.result import CalcError, CalcResult

EXAMPLE_TABLE = Path(__file__).with_name("point_values.example.json")
NOT_IN_CORPUS = (
    "La valeur du point n'est pas fixée par les textes sur la formation professionnelle : elle relève des "
    "accords salariaux de la branche et doit être vérifiée."
)


@dataclass(frozen=True)
class PointValue:
    """One row of the dated table: the point is worth `value` euros from `effective_from` on."""

    effective_from: date
    value: Decimal
    source: str = ""


@dataclass(frozen=True)
class Conversion:
    """A points → euros conversion and where its point value came from (shown to the user)."""

    points: Decimal
    point_value: Decimal
    euros: Decimal
    on: date
    origin: str


def parse_point_values(data: Any) -> list[PointValue]:
    """Validate the table's JSON content (a `{"values": [...]}` object or a bare list), oldest first."""
    rows = data.get("values") if isinstance(data, Mapping) else data
    if not isinstance(rows, list):
        raise CalcError("Table des valeurs du point invalide : une liste « values » est attendue.")
    table: list[PointValue] = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            raise CalcError(f"Table des valeurs du point : la ligne {number} n'est pas un objet.")
        try:
            effective = date.fromisoformat(str(row["effective_from"]))
            value = Decimal(str(row["value"]))
        except (KeyError, ValueError, InvalidOperation) as exc:
            raise CalcError(
                f"Table des valeurs du point : ligne {number} invalide (attendu « effective_from » au "
                "format AAAA-MM-JJ et « value » en euros)."
            ) from exc
        if not value.is_finite() or value <= 0:
            raise CalcError(f"Table des valeurs du point : la valeur de la ligne {number} doit être positive.")
        table.append(PointValue(effective, value, str(row.get("source", ""))))
    return sorted(table, key=lambda pv: pv.effective_from)


def load_point_values(path: str | Path | None) -> list[PointValue]:
    """Read the user's table; a missing file simply means no value is configured yet."""
    if path is None:
        return []
    file = Path(path)
    if not file.is_file():
        return []
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CalcError(f"Table des valeurs du point illisible ({file.name}) : {exc}.") from exc
    return parse_point_values(data)


def value_on(table: Iterable[PointValue], on: date) -> PointValue | None:
    """The row in force on `on`, or None when the table has no value yet for that date."""
    in_force = [pv for pv in table if pv.effective_from <= on]
    return max(in_force, key=lambda pv: pv.effective_from) if in_force else None


def convert(
    points: Number, on: date, point_value: Number | None = None, table: Sequence[PointValue] = ()
) -> Conversion | None:
    """Convert points with an explicit value, else the table's value on `on`; None when neither exists."""
    pts = to_decimal(points)
    if point_value is not None:
        value = to_decimal(point_value)
        if not value.is_finite() or value <= 0:
            raise CalcError("La valeur du point doit être un montant positif en euros.")
        return Conversion(pts, value, round_cents(pts * value), on, "valeur du point fournie")
    row = value_on(table, on)
    if row is None:
        return None
    origin = f"table des valeurs du point, en vigueur depuis le {format_date_fr(row.effective_from)}"
    if row.source:
        origin += f" ({row.source})"
    return Conversion(pts, row.value, round_cents(pts * row.value), on, origin)


def describe(conversion: Conversion) -> str:
    """One line: "35 points × 7,5 € = 262,50 € (valeur du point fournie, au 20 juin 2025)"."""
    return (
        f"{format_number(conversion.points)} points × {format_number(conversion.point_value, 5)} € = "
        f"{format_euros(conversion.euros)} ({conversion.origin}, au {format_date_fr(conversion.on)})"
    )


def assumption_warning(conversion: Conversion) -> str:
    """The warning that makes the point value an explicit assumption."""
    return (
        f"Hypothèse : valeur du point de {format_number(conversion.point_value, 5)} € "
        f"({conversion.origin}). {NOT_IN_CORPUS}"
    )


def missing_value_warning(on: date) -> str:
    """What to do when no point value is known for the date."""
    return (
        f"Aucune valeur du point n'est configurée pour le {format_date_fr(on)} : montant en euros non "
        "calculé. Indiquez la valeur du point si vous la connaissez, ou demandez à l'administrateur de "
        "l'assistant de la renseigner. " + NOT_IN_CORPUS
    )


def points_to_euros(
    points: Number,
    on: date | None = None,
    point_value: Number | None = None,
    table: Sequence[PointValue] = (),
) -> CalcResult:
    """Convert a bonus in points to euros, the point value being an explicit, dated assumption."""
    pts = to_decimal(points)
    if not pts.is_finite() or pts < 0:
        raise CalcError("Le nombre de points doit être positif ou nul.")
    day = on or date.today()
    conversion = convert(pts, day, point_value, table)
    steps = [
        "Les primes conventionnelles (tutorat, formateur interne) sont exprimées en points.",
        "Montant en euros = nombre de points × valeur du point en vigueur à la date de versement.",
    ]
    # the articles that state the bonuses in points (art. 4.3: "il correspond à 7 points par mois, complet ou non";
    # art. 9.3: "Le montant de la prime est fixé à 7 points par mois"): the conversion's first step is theirs
    references = [TUTOR_BONUS, TRAINER_BONUS]
    if conversion is None:
        return CalcResult(
            name="points_to_euros",
            value=plain(pts),
            unit="points",
            summary=(
                f"{format_number(pts)} points : montant en euros non calculé, faute de valeur du point "
                f"configurée au {format_date_fr(day)}."
            ),
            formula="montant (€) = points × valeur du point (à configurer)",
            steps=[*steps, missing_value_warning(day)],
            references=references,
            warnings=[missing_value_warning(day)],
            details={"points": plain(pts), "on": day, "point_value": None},
        )
    return CalcResult(
        name="points_to_euros",
        value=plain(conversion.euros),
        unit="€",
        summary=(
            f"{format_number(pts)} points représentent {format_euros(conversion.euros)}, avec une valeur du "
            f"point de {format_number(conversion.point_value, 5)} € retenue comme hypothèse."
        ),
        formula="montant (€) = points × valeur du point",
        steps=[*steps, describe(conversion)],
        references=references,
        warnings=[assumption_warning(conversion)],
        details={
            "points": plain(pts),
            "on": day,
            "point_value": plain(conversion.point_value),
            "point_value_origin": conversion.origin,
            "euros": plain(conversion.euros),
        },
    )


def bonus_conversion(
    points: Number, on: date, point_value: Number | None, table: Sequence[PointValue]
) -> tuple[list[str], list[str], dict[str, Any]]:
    """Steps, warnings and details a bonus calculator adds to show its points in euros, if it can."""
    conversion = convert(points, on, point_value, table)
    if conversion is None:
        step = (
            "Montant en euros non calculé : aucune valeur du point n'est configurée pour le "
            f"{format_date_fr(on)} : indiquez-la si vous la connaissez."
        )
        return [step], [], {"euros": None}
    details = {
        "euros": plain(conversion.euros),
        "point_value": plain(conversion.point_value),
        "point_value_origin": conversion.origin,
    }
    return [f"Conversion : {describe(conversion)}."], [assumption_warning(conversion)], details


def payments_conversion(
    payments: Sequence[tuple[date, Number]], point_value: Number | None, table: Sequence[PointValue]
) -> tuple[list[str], list[str], dict[str, Any]]:
    """Each payment converted at the point value in force on its own payment date.

    A trainer paid in March and in September is paid at two point values when the table changed
    between them; the total in euros is the sum of the converted payments (None when one of them
    has no value configured). With a single payment this is `bonus_conversion`.
    """
    paid = [(day, points) for day, points in payments if to_decimal(points) > 0]
    if len(paid) <= 1:
        day, points = paid[0] if paid else (payments[-1][0] if payments else date.today(), 0)
        return bonus_conversion(points, day, point_value, table)
    conversions = [convert(points, day, point_value, table) for day, points in paid]
    steps: list[str] = []
    warnings: list[str] = []
    known = [c for c in conversions if c is not None]
    for (day, points), conversion in zip(paid, conversions, strict=True):
        if conversion is None:
            steps.append(
                f"Versement du {format_date_fr(day)} ({format_number(points)} points) : montant en euros non "
                "calculé, aucune valeur du point configurée à cette date."
            )
        else:
            steps.append(f"Versement du {format_date_fr(day)} : {describe(conversion)}.")
    values = sorted({c.point_value for c in known})
    if known:
        warnings.append(
            "Hypothèse : chaque versement est converti avec la valeur du point en vigueur à sa date ("
            + ", ".join(f"{format_number(v, 5)} €" for v in values)
            + "). "
            + NOT_IN_CORPUS
        )
    total = sum((c.euros for c in known), Decimal(0)) if len(known) == len(conversions) else None
    if total is not None:
        steps.append(f"Total en euros : {format_euros(total)}.")
    details: dict[str, Any] = {
        "euros": None if total is None else plain(total),
        "point_value": plain(values[0]) if len(values) == 1 else None,
        "payments_euros": [
            {
                "date": day,
                "points": plain(to_decimal(points)),
                "point_value": None if c is None else plain(c.point_value),
                "euros": None if c is None else plain(c.euros),
            }
            for (day, points), c in zip(paid, conversions, strict=True)
        ],
    }
    return steps, warnings, details
