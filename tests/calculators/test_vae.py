"""Congé VAE (avenant 2022, art. 2 → protocole art. 7) and VAE of the CQP gestionnaire conseil (circular VI)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.result import CalcError
from calculators.vae import cqp_vae_eligibility, vae_leave
from tests.calculators.helpers import FAST

# (article, diploma level, job threatened, expected hours)
LEAVE_CASES = [
    ("avenant art. 2 : CAP (niveau 3) < niveau 4 → 48 h", 3, None, 48),
    ("avenant art. 2 : nom de diplôme accepté (CAP)", "CAP", None, 48),
    ("avenant art. 2 : bac (niveau 4) → 24 h", 4, False, 24),
    ("avenant art. 2 : licence → 24 h", "licence", False, 24),
    ("avenant art. 2 : emploi menacé → 48 h", 6, True, 48),
    ("avenant art. 2 : sans qualification → 48 h", 0, None, 48),
    ("avenant art. 2 : niveau inconnu → 24 h de base", None, None, 24),
]


@pytest.mark.parametrize(("article", "level", "threatened", "hours"), LEAVE_CASES, ids=[c[0] for c in LEAVE_CASES])
def test_vae_leave_table(article, level, threatened, hours):
    result = vae_leave(level, threatened)
    assert result.value == hours, article
    assert f"{hours} heures" in result.summary
    assert result.references[0].section == "2"


def test_unknown_level_mentions_the_48_hours_in_a_warning():
    result = vae_leave()
    assert any("48 heures" in w for w in result.warnings)


@pytest.mark.parametrize("level", [9, -1, 25, "doctorat en magie", True])
def test_unknown_level_is_refused(level):
    with pytest.raises(CalcError, match="inconnu"):
        vae_leave(level)


@FAST
@given(st.integers(min_value=0, max_value=8), st.booleans())
def test_leave_is_24_or_48_and_threat_never_lowers_it(level, threatened):
    hours = vae_leave(level, threatened).value
    assert hours in (24, 48)
    assert vae_leave(level, True).value >= hours


# (article, FTE years, requests already this year, eligible)
CQP_CASES = [
    ("circulaire VI : 3 ans ETP sur 8 ans → recevable", 3, 0, True),
    ("circulaire VI : 2,5 ans ETP → non recevable", 2.5, 0, False),
    ("circulaire VI : une demande par an", 5, 1, False),
    ("circulaire VI : 8 ans ETP → recevable", 8, 0, True),
]


@pytest.mark.parametrize(("article", "years", "requests", "eligible"), CQP_CASES, ids=[c[0] for c in CQP_CASES])
def test_cqp_vae_table(article, years, requests, eligible):
    result = cqp_vae_eligibility(years, requests)
    assert result.eligible is eligible, article
    assert result.references[0].section == "VI"


@pytest.mark.parametrize(("years", "requests"), [(-1, 0), (9, 0), (3, -1)])
def test_cqp_vae_impossible_input(years, requests):
    with pytest.raises(CalcError):
        cqp_vae_eligibility(years, requests)


@FAST
@given(st.floats(min_value=0, max_value=8, allow_nan=False), st.floats(min_value=0, max_value=8, allow_nan=False))
def test_more_experience_never_makes_a_candidate_ineligible(a, b):
    low, high = sorted((a, b))
    assert cqp_vae_eligibility(high).eligible >= cqp_vae_eligibility(low).eligible
