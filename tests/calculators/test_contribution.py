"""Contribution conventionnelle supplémentaire: protocole art. 9 (devenu 10), avenant 2022 art. 5."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.contribution import supplementary_contribution
from calculators.result import CalcError
from tests.calculators.helpers import FAST

# (article, payroll, year, amount, text, warned)
CASES = [
    ("art. 9 : 0,15 % de 40 M€", 40_000_000, None, 60_000, "60 000 €", True),
    ("avenant art. 5 : maintenu à 0,15 % en 2024", 40_000_000, 2024, 60_000, "60 000 €", False),
    ("art. 9 : 2021, taux du protocole", 10_000_000, 2021, 15_000, "15 000 €", False),
    ("après 2025 : les textes ne disent rien", 40_000_000, 2026, 60_000, "2025", True),
    ("arrondi au centime", 1_234_567.89, 2025, 1851.85, "1 851,85 €", False),
]


@pytest.mark.parametrize(("article", "payroll", "year", "amount", "text", "warned"), CASES, ids=[c[0] for c in CASES])
def test_contribution_table(article, payroll, year, amount, text, warned):
    result = supplementary_contribution(payroll, year)
    assert result.value == amount, article
    assert text in result.summary
    assert bool(result.warnings) is warned
    assert result.references[0].section == "9"


def test_default_cites_protocole_9_and_avenant_5():
    refs = {(r.document, r.section) for r in supplementary_contribution(40_000_000).references}
    assert ("accord-2019-12-19-formation-professionnelle", "9") in refs
    assert ("avenant-2022-10-11-formation-professionnelle", "5") in refs


@pytest.mark.parametrize(("payroll", "year"), [(-1, None), (float("nan"), None), (1000, 3000)])
def test_impossible_input_is_refused(payroll, year):
    with pytest.raises(CalcError):
        supplementary_contribution(payroll, year)


@FAST
@given(st.integers(min_value=0, max_value=10**10), st.integers(min_value=0, max_value=10**9))
def test_contribution_is_monotonic_and_at_the_rate(payroll, extra):
    low = supplementary_contribution(payroll).value
    assert abs(low - payroll * 0.0015) <= 0.01
    assert supplementary_contribution(payroll + extra).value >= low


# (several years, payrolls, total, per-year amounts, warned)
YEARLY = [
    ("2023, 2024, 2025", None, 10_000_000, 45_000, [15_000, 15_000, 15_000], False),
    ("2021-2023", None, 2_000_000, 9_000, [3_000, 3_000, 3_000], False),
    ("2024, 2025", "2000000; 3000000", 0, 7_500, [3_000, 4_500], False),
    ("2025, 2026", None, 1_000_000, 3_000, [1_500, 1_500], True),
]


@pytest.mark.parametrize(("years", "payrolls", "payroll", "total", "per_year", "warned"), YEARLY)
def test_several_years_one_line_each_and_the_total(years, payrolls, payroll, total, per_year, warned):
    """Protocole art. 9 : contribution « correspondant à 0,15 % de leur masse salariale brute » ; avenant art. 5 :
    « Pour les années 2023 à 2025, le taux de la contribution conventionnelle supplémentaire est maintenu à
    0,15 %. » Each year keeps its own basis (2026: not fixed by the texts, warned)."""
    result = supplementary_contribution(payroll, years=years, payrolls=payrolls)
    assert result.value == total
    assert result.details["per_year"] == per_year
    assert bool(result.warnings) is warned
    for year in result.details["years"]:
        assert any(step.startswith(f"{year} : ") for step in result.steps)


@pytest.mark.parametrize(("years", "payrolls"), [("", None), ("2020-2090", None), ("2023, 2024", "1000000")])
def test_several_years_refuse_what_cannot_be_read(years, payrolls):
    with pytest.raises(CalcError):
        supplementary_contribution(1_000_000, years=years or "aucune", payrolls=payrolls)
