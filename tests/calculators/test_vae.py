"""Congé VAE (avenant 2022, art. 2 → protocole art. 7) and VAE of the CQP gestionnaire conseil (circular VI)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.result import CalcError
from calculators.vae import cqp_vae_eligibility, vae_leave
from tests.calculators.helpers import FAST, d

# (article, diploma level, job threatened, expected hours)
LEAVE_CASES = [
    ("avenant art. 2 : CAP (niveau 3) < niveau 4 → 48 h", 3, None, 48),
    ("avenant art. 2 : nom de diplôme accepté (CAP)", "CAP", None, 48),
    ("avenant art. 2 : bac (niveau 4) → 24 h", 4, False, 24),
    ("avenant art. 2 : licence → 24 h", "licence", False, 24),
    ("avenant art. 2 : emploi menacé → 48 h", 6, True, 48),
    ("avenant art. 2 : sans qualification → 48 h", 0, None, 48),
    ("avenant art. 2 : niveau inconnu, emploi menacé → 48 h", None, True, 48),
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


def test_unknown_level_without_threat_is_undecided_and_asks_the_level():
    """Avenant 2022, art. 2 (article 7): "Le congé pour préparer la validation des acquis de l'expérience
    (VAE) d'une durée de 24 heures est augmenté pour les agents n'ayant pas atteint le niveau 4 ou dont
    l'emploi est menacé par les évolutions économiques ou technologiques, à 48 heures maximum." """
    result = vae_leave()
    assert result.value is None and result.missing == ["diploma_level"]
    assert "24 heures" in result.summary and "48 heures" in result.summary


def test_a_threatened_job_gives_48_hours_whatever_the_diploma():
    """Avenant 2022, art. 2 (article 7): the leave is raised "à 48 heures maximum" for agents "dont l'emploi
    est menacé par les évolutions économiques ou technologiques": the diploma is not needed (issue 13)."""
    result = vae_leave(None, True)
    assert result.value == 48 and result.missing == []


def test_before_the_avenant_the_branch_text_sets_no_hours():
    """Protocole art. 7 in its 2019 wording: "Tout salarié peut bénéficier de la validation des acquis de son
    expérience dans le cadre législatif et réglementaire en vigueur" — no number of hours until the avenant of
    11 October 2022 (art. 2) rewrote it (issue 15, point 10)."""
    before = vae_leave(3, None, on=d("2021-05-01"))
    assert before.value is None
    assert "ne fixait pas de nombre d'heures" in before.summary
    assert vae_leave(3, None, on=d("2023-05-01")).value == 48


# (article, years of activity, requests already this year, eligible)
CQP_CASES = [
    ("art. 7 : 1 an d'activité → recevable", 1, 0, True),
    ("art. 7 : 2,5 ans → recevable (la circulaire en demandait 3)", 2.5, 0, True),
    ("art. 7 : 8 mois → non recevable", 0.67, 0, False),
    ("circulaire VI : une demande par an", 5, 1, False),
    ("art. 7 : 12 ans, hors fenêtre de la circulaire → recevable", 12, 0, True),
    ("circulaire VI : demande déjà faite, expérience inconnue → non recevable", None, 1, False),
    ("art. 7 : expérience inconnue → à préciser", None, 0, None),
]


@pytest.mark.parametrize(("article", "years", "requests", "eligible"), CQP_CASES, ids=[c[0] for c in CQP_CASES])
def test_cqp_vae_table(article, years, requests, eligible):
    result = cqp_vae_eligibility(years, requests)
    assert result.eligible is eligible, article
    assert [r.section for r in result.references] == ["7", "2", "VI"]


def test_one_year_of_activity_suffices_and_the_circular_is_noted_as_replaced():
    """Avenant 2022, art. 2 (article 7): "La validation des acquis de l'expérience permet d'accéder à tout ou
    partie d'une certification professionnelle dès lors que la personne justifie d'une activité, continue ou
    non, d'au moins une année, en lien avec la certification recherchée. Cette certification peut être un
    diplôme, un titre, un certificat de qualification professionnelle (CQP)". The 2013 circular's "au minimum
    de 3 ans, dans les 8 dernières années" is an older rule the agreement replaced (issue 15, point 2)."""
    result = cqp_vae_eligibility(1)
    assert result.eligible is True
    assert "3 ans" in result.summary and "remplacée" in result.summary
    assert {r.document for r in result.references} >= {
        "accord-2019-12-19-formation-professionnelle",
        "cqp-gestionnaire-conseil-mise-en-oeuvre",
    }


@pytest.mark.parametrize(("years", "requests"), [(-1, 0), (3, -1)])
def test_cqp_vae_impossible_input(years, requests):
    with pytest.raises(CalcError):
        cqp_vae_eligibility(years, requests)


@FAST
@given(st.floats(min_value=0, max_value=8, allow_nan=False), st.floats(min_value=0, max_value=8, allow_nan=False))
def test_more_experience_never_makes_a_candidate_ineligible(a, b):
    low, high = sorted((a, b))
    assert cqp_vae_eligibility(high).eligible >= cqp_vae_eligibility(low).eligible
