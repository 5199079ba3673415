"""Shared helpers for the calculator tests: ISO dates, date strategies and fast hypothesis settings."""

from __future__ import annotations

from datetime import date

from hypothesis import settings
from hypothesis import strategies as st

FAST = settings(max_examples=60, deadline=None)

dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


def d(text: str) -> date:
    """`d("2025-02-01")` keeps the tables readable."""
    return date.fromisoformat(text)
