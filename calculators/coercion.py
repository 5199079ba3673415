"""JSON-like values turned into the typed values calculators take: dates, exact decimals, booleans.

Arguments reach the calculators as text from the CLI, as JSON from a language model and as Python
values from the UI. Converting them once, leniently ("0,15", "oui", "2025-02", "01/02/2025") and
with a French message naming the argument when it cannot be done, keeps every caller's errors alike
and keeps the calculators themselves strictly typed.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from calculators.result import CalcError

MIN_YEAR, MAX_YEAR = 1950, 2100
MAX_MAGNITUDE = Decimal(10) ** 13  # no payroll, grade or duration of the agreements comes near it


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def to_date(value: Any, name: str) -> date:
    """A date from a `date`, a `datetime`, "2025-02-01", "2025-02" (1st of the month) or "01/02/2025"."""
    day = _parse_date(value, name)
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise CalcError(f"« {name} » : date hors limites ({day.isoformat()}), attendue entre {MIN_YEAR} et {MAX_YEAR}.")
    return day


def _parse_date(value: Any, name: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                return date.fromisoformat(text)
            if re.fullmatch(r"\d{4}-\d{2}", text):
                return date.fromisoformat(text + "-01")
            match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
            if match:
                return date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError as exc:
            raise CalcError(f"« {name} » : date impossible ({text}).") from exc
    raise CalcError(f"« {name} » : date attendue au format AAAA-MM-JJ, reçu {value!r}.")


def _number_text(value: str) -> str:
    text = re.sub(r"[\s\u00a0\u202f€]", "", value).replace(",", ".")
    return text


def to_float(value: Any, name: str) -> Decimal:
    """An exact decimal from a number or a French/English numeric text ("40 000 000", "0,15")."""
    if isinstance(value, bool):
        raise CalcError(f"« {name} » : nombre attendu, reçu {value!r}.")
    if isinstance(value, float) and not math.isfinite(value):
        raise CalcError(f"« {name} » : nombre fini attendu.")
    try:
        number = Decimal(_number_text(value)) if isinstance(value, str) else Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError) as exc:
        raise CalcError(f"« {name} » : nombre attendu, reçu {value!r}.") from exc
    if not number.is_finite():
        raise CalcError(f"« {name} » : nombre fini attendu.")
    if abs(number) > MAX_MAGNITUDE:
        raise CalcError(f"« {name} » : valeur hors limites ({value!r}).")
    return number


def to_int(value: Any, name: str) -> int:
    """A whole number from an int, an integral float or a numeric text."""
    number = to_float(value, name)
    if number != number.to_integral_value():
        raise CalcError(f"« {name} » : nombre entier attendu, reçu {value!r}.")
    return int(number)


TRUE_WORDS = {"true", "vrai", "oui", "yes", "1", "o", "y"}
FALSE_WORDS = {"false", "faux", "non", "no", "0", "n"}


def to_bool(value: Any, name: str) -> bool:
    """A boolean from a bool or "true"/"false", "oui"/"non", "1"/"0"."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise CalcError(f"« {name} » : oui ou non attendu, reçu {value!r}.")


def _split_list(value: Any) -> list[Any]:
    if isinstance(value, str):
        return [part for part in re.split(r"[,;\s]+", value.strip()) if part]
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def to_date_list(value: Any, name: str) -> list[date]:
    """Dates from a list, a comma-separated text, or a list mixing both (repeated CLI options)."""
    items = [part for item in _split_list(value) for part in _split_list(item)]
    return [to_date(item, name) for item in items]
