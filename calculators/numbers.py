"""Exact arithmetic and French number wording for the calculators.

Amounts and grades go through `Decimal` built from their decimal text, so 0,15 % of 40 000 000 € is
exactly 60 000 € and a 10/20 average is not lost to binary rounding. Figures are written as a French
reader expects them: "60 000 €", "10,8", "0,15 %" (a regular space separates thousands).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

# Enough digits to quantize any finite float to the cent (quantize fails past the context precision).
WIDE = Context(prec=1000, rounding=ROUND_HALF_UP)

Number = int | float | Decimal


def to_decimal(value: Number) -> Decimal:
    """Exact decimal of a user-supplied number (a float goes through its shortest text: 0.1 → 0.1)."""
    if isinstance(value, Decimal):
        return value
    return Decimal(str(value))


def round_cents(value: Decimal) -> Decimal:
    """Round a euro amount to the cent, half up, as payroll does."""
    return value.quantize(Decimal("0.01"), context=WIDE)


def plain(value: Decimal) -> int | float:
    """JSON-friendly number: an int when whole (60000), else a float (10.8)."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def format_number(value: Number, max_decimals: int = 2) -> str:
    """French number: "60 000", "10,8", "0,15"; trailing zeros dropped, at most `max_decimals`."""
    dec = to_decimal(value)
    if not dec.is_finite():
        return str(value)
    quantum = Decimal(1).scaleb(-max_decimals)
    dec = dec.quantize(quantum, context=WIDE).normalize(context=WIDE)
    sign = "-" if dec < 0 else ""
    text = f"{abs(dec):f}"
    whole, _, fraction = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = " ".join(groups)
    if fraction:
        result += "," + fraction
    return sign + result


def format_euros(value: Number) -> str:
    """French amount: "60 000 €" when whole, "262,50 €" otherwise."""
    text = format_number(round_cents(to_decimal(value)), 2)
    whole, comma, cents = text.partition(",")
    return f"{whole},{cents.ljust(2, '0')} €" if comma else f"{whole} €"


def count_fr(count: int, singular: str, plural_form: str | None = None) -> str:
    """ "1 entretien professionnel", "2 entretiens professionnels", "0 bilan" (French: 0 and 1 are "
    "singular)."""
    word = singular if abs(count) < 2 else (plural_form or singular + "s")
    return f"{count} {word}"
