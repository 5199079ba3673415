"""A figure the user gives as a range or as a share, computed by the rule rather than left to them (issue #13).

Art. 9 of the protocole (devenu 10): "une contribution conventionnelle supplémentaire des organismes du régime
général correspondant à 0,15 % de leur masse salariale brute" — proportional, so a payroll known between two ends
gives a contribution between the two products. Circular of the CQP gestionnaire conseil, VI: "La durée de
l'expérience doit être au minimum de 3 ans, dans les 8 dernières années. Il s'agit de la durée réelle de
l'expérience, exprimée en équivalent temps plein, et non d'une période." — years at a part time are converted.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.routing.extraction.quantities import parse_money
from assistant.routing.router import route
from calculators.contribution import supplementary_contribution
from calculators.result import CalcError
from calculators.vae import cqp_vae_eligibility
from tests.calculators.helpers import FAST

TODAY = date(2026, 11, 29)

# (payroll low, payroll high, contribution low, contribution high)
RANGES = [
    (40_000_000, 50_000_000, "60 000 €", "75 000 €"),
    (2_000_000, 3_000_000, "3 000 €", "4 500 €"),
    (10_000_000, 12_000_000, "15 000 €", "18 000 €"),
]


@pytest.mark.parametrize(("low", "high", "bottom", "top"), RANGES)
def test_a_payroll_range_gives_the_contribution_range(low, high, bottom, top):
    result = supplementary_contribution(high, payroll_low=low)
    assert f"entre {bottom} et {top}" in result.summary.replace("\u202f", " ")
    assert result.details["low"] == low * 0.0015
    assert result.value == high * 0.0015


def test_an_inverted_range_is_refused_in_french():
    with pytest.raises(CalcError, match="inversée"):
        supplementary_contribution(1_000_000, payroll_low=2_000_000)


@FAST
@given(st.integers(1_000, 10**10), st.integers(0, 10**10))
def test_the_range_holds_each_end_alone(low, extra):
    ranged = supplementary_contribution(low + extra, payroll_low=low)
    assert ranged.details["low"] == supplementary_contribution(low).value
    assert ranged.value == supplementary_contribution(low + extra).value


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("une masse salariale comprise entre 40 et 50 millions d'euros", 40e6, 50e6),
        ("de 2 à 3 M€ selon les années", 2e6, 3e6),
        ("une masse salariale de 40 millions d'euros", None, 40e6),
    ],
)
def test_a_money_range_is_read_with_the_upper_multiplier(text, low, high):
    (money,) = parse_money(text)
    assert (money.low, money.amount) == (low, high)


@pytest.mark.parametrize(
    "question",
    [
        "Masse salariale brute entre 8 et 9 millions d'euros : quelle contribution supplémentaire à prévoir ?",
        "Notre masse salariale va de 2 M€ à 4 M€ : combien pour la contribution conventionnelle supplémentaire ?",
    ],
)
def test_a_range_asked_is_routed_with_both_ends(question):
    decision = route(question, TODAY)
    assert decision.calculator == "supplementary_contribution"
    assert decision.arguments["payroll_low"] < decision.arguments["payroll"]


# (years, share %, full-time years, reaches the circular's 3 years)
SHARES = [(4, 80, "3,2", True), (5, 50, "2,5", False), (6, 60, "3,6", True), (3, 90, "2,7", False)]


@pytest.mark.parametrize(("years", "share", "fte", "reached"), SHARES)
def test_part_time_years_in_full_time_equivalent(years, share, fte, reached):
    result = cqp_vae_eligibility(years, time_share=share)
    assert f"font {fte} an(s)" in result.summary
    assert ("n'atteint pas" not in result.summary) is reached
    assert result.eligible is True  # art. 7: one year of activity, continuous or not, suffices


@pytest.mark.parametrize("share", [0, -10, 120, float("nan")])
def test_an_impossible_share_is_refused_in_french(share):
    with pytest.raises(CalcError, match="quotité"):
        cqp_vae_eligibility(4, time_share=share)


def test_a_share_stated_by_the_user_is_read():
    decision = route(
        "J'ai 4 ans d'expérience à 80 % en lien avec le CQP gestionnaire conseil : suffisant pour la VAE ?", TODAY
    )
    assert decision.arguments == {"experience_years": 4.0, "time_share": 80.0}


def test_the_range_shows_both_operations():
    steps = supplementary_contribution(50_000_000, payroll_low=40_000_000).steps
    assert any(s.startswith("Bas de la fourchette") and "40" in s for s in steps)
    assert any(s.startswith("Haut de la fourchette") and "50" in s for s in steps)
