"""Month arithmetic and French wording shared by every calculator."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given

from calculators.dates import (
    add_months,
    add_years,
    calendar_months,
    first_day_of_next_month,
    format_date_fr,
    format_month_fr,
    months_by_year,
    started_months,
)
from calculators.numbers import count_fr, format_euros, format_number
from tests.calculators.helpers import FAST, d, dates


@pytest.mark.parametrize(
    ("day", "expected"),
    [(d("2025-07-01"), "1er juillet 2025"), (d("2025-06-20"), "20 juin 2025"), (d("2026-08-15"), "15 août 2026")],
)
def test_format_date_fr(day, expected):
    assert format_date_fr(day) == expected


def test_format_month_fr():
    assert format_month_fr(2025, 5) == "mai 2025"
    assert format_month_fr(2025, 12) == "décembre 2025"


@pytest.mark.parametrize(
    ("value", "text"),
    [(60000, "60 000"), (Decimal("0.15"), "0,15"), (10.8, "10,8"), (108, "108"), (1234567.891, "1 234 567,89")],
)
def test_format_number(value, text):
    assert format_number(value) == text


def test_format_euros():
    assert format_euros(Decimal("60000.00")) == "60 000 €"
    assert format_euros(262.5) == "262,50 €"


def test_count_fr():
    assert count_fr(1, "bilan") == "1 bilan"
    assert count_fr(2, "entretien professionnel", "entretiens professionnels") == "2 entretiens professionnels"


def test_month_arithmetic_clamps_to_month_end():
    assert add_months(d("2025-01-31"), 1) == d("2025-02-28")
    assert add_years(d("2024-02-29"), 1) == d("2025-02-28")
    assert first_day_of_next_month(d("2025-12-15")) == d("2026-01-01")


def test_calendar_months_and_started_months():
    assert len(calendar_months(d("2025-02-01"), d("2025-06-20"))) == 5
    assert started_months(d("2025-02-01"), d("2025-06-20")) == 5
    assert started_months(d("2025-01-15"), d("2025-02-14")) == 1
    assert len(calendar_months(d("2025-01-15"), d("2025-02-14"))) == 2
    assert months_by_year(d("2024-11-10"), d("2025-02-01")) == {2024: 2, 2025: 2}


@FAST
@given(dates, dates)
def test_months_by_year_adds_up(a, b):
    start, end = min(a, b), max(a, b)
    assert sum(months_by_year(start, end).values()) == len(calendar_months(start, end))
    assert started_months(start, end) >= 1
