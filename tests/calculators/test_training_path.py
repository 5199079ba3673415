"""CQP training path: circular IV (amplitude) and IX (hours, 12 €/h in 2013); convention de formation art. 7."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.result import CalcError
from calculators.training_path import COMMON_HOURS, PREMSS_HOURS, training_path_hours
from tests.calculators.helpers import FAST, d, dates


def test_hours_pass_40_premss_61():
    result = training_path_hours()
    assert (result.value, PREMSS_HOURS, COMMON_HOURS) == (101, 61, 101)
    assert "Pass 40 heures" in result.summary and "61 heures" in result.summary
    sections = {(r.document, r.section) for r in result.references}
    assert ("cqp-gestionnaire-conseil-mise-en-oeuvre", "IX") in sections
    assert ("convention-formation-cqp-conseiller-offres-de-service", "7") in sections


# (article, first PREM'SS day, end, within, latest end)
AMPLITUDE = [
    ("IV amplitude de deux ans respectée", "2013-03-04", "2014-12-15", True, "2015-03-03"),
    ("IV amplitude dépassée d'un jour", "2013-03-04", "2015-03-04", False, "2015-03-03"),
    ("IV sans date de fin : date limite", "2025-01-06", None, None, "2027-01-05"),
]


@pytest.mark.parametrize(("article", "first", "end", "within", "latest"), AMPLITUDE, ids=[c[0] for c in AMPLITUDE])
def test_amplitude_table(article, first, end, within, latest):
    result = training_path_hours(d(first), d(end) if end else None)
    assert result.details["latest_end"] == d(latest), article
    assert result.details.get("within_amplitude") is within
    assert result.references[0].section == "IV"


def test_common_part_funding_is_decided_without_hours():
    """Circulaire, IX: « Les durées d'enseignement, d'applications tutorées et d'évaluations peuvent être prise
    en charge (dans la limite des durées maximales fixées nationalement), à raison de 12 €/h pour l'année
    2013. » Pass 40 h + PREM'SS 61 h = 101 h → at most 1 212 € per trainee, option excluded."""
    result = training_path_hours()
    assert result.details["common_funding_2013"] == 1212
    assert "1 212 €" in result.summary
    assert "common_funding_2013" not in training_path_hours(hours=20).details


def test_funding_2013_at_12_euros_per_hour():
    result = training_path_hours(hours=101)
    assert result.value == 1212
    assert "1 212 €" in result.summary
    assert any("2013" in w for w in result.warnings)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"hours": -5},
        {"first_premss_day": d("2025-03-01"), "end_date": d("2025-01-01")},
        {"end_date": d("2025-01-01")},
    ],
)
def test_impossible_input_is_refused(kwargs):
    with pytest.raises(CalcError):
        training_path_hours(**kwargs)


@FAST
@given(dates, st.integers(min_value=0, max_value=2000))
def test_amplitude_verdict_matches_latest_end(first, days):
    from datetime import timedelta

    end = first + timedelta(days=days)
    result = training_path_hours(first, end)
    assert result.details["within_amplitude"] is (end <= result.details["latest_end"])


def test_two_year_amplitude_from_29_february_ends_on_28_february():
    """Circulaire, IV: "L'amplitude du parcours de formation ne doit pas excéder deux ans, à compter du premier
    jour du tronc commun interbranche (Prem'ss …)". From
    29 February 2024 the second anniversary is 1 March 2026, so the path ends by 28 February 2026 — the same
    29 February reading as the training guarantee (issue 15, point 7)."""
    result = training_path_hours(d("2024-02-29"))
    assert result.details["latest_end"] == d("2026-02-28")
