"""Contrat de professionnalisation by public: length (art. 3.4) and training share (art. 3.5) of the protocole."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.professionalisation_terms import (
    professionalisation_duration,
    professionalisation_training_share,
    read_public,
)
from calculators.result import CalcError
from tests.calculators.helpers import FAST


def test_general_case_is_6_to_12_months():
    """Art. 3.4: « La durée de l'action de professionnalisation est comprise entre 6 et 12 mois. »"""
    result = professionalisation_duration(
        months=10, age=30, jobseeker_months=6, minimum_benefit=False, qualification_requires=False
    )
    assert result.value == 12 and result.details["min_months"] == 6
    assert result.eligible is True
    assert professionalisation_duration(months=5, age=30, jobseeker_months=6, minimum_benefit=False).eligible is False
    too_long = professionalisation_duration(
        months=13, age=30, jobseeker_months=6, minimum_benefit=False, qualification_requires=False
    )
    assert too_long.eligible is False and "13 mois dépasse le maximum de 12 mois" in too_long.summary


def test_qualification_that_requires_it_allows_24_months():
    """Art. 3.4: « La durée de l'action de professionnalisation peut être allongée jusqu'à 24 mois lorsque la
    nature des qualifications professionnelles visées l'exige »."""
    result = professionalisation_duration(
        months=24, age=40, jobseeker_months=3, minimum_benefit=False, qualification_requires=True
    )
    assert result.value == 24 and result.eligible is True
    assert professionalisation_duration(months=25, qualification_requires=True, minimum_benefit=False).value == 24


# (public, facts, expected maximum)
PUBLICS = [
    ("16-25 sans diplôme", {"age": 19, "without_diploma": True}, 36),
    ("25 ans révolus encore dans la tranche", {"age": 25, "without_diploma": True}, 36),
    ("26 ans : hors de la tranche des jeunes", {"age": 26, "without_diploma": True, "minimum_benefit": False}, 12),
    ("jeune diplômé", {"age": 22, "without_diploma": False, "jobseeker_months": 2, "minimum_benefit": False}, 12),
    ("demandeur d'emploi de 30 ans inscrit 13 mois", {"age": 30, "jobseeker_months": 13}, 36),
    ("inscrit 12 mois : pas « plus de 1 an »", {"age": 30, "jobseeker_months": 12, "minimum_benefit": False}, 12),
    ("jeune de 20 ans inscrit 18 mois", {"age": 20, "without_diploma": False, "jobseeker_months": 18}, 36),
    ("bénéficiaire du RSA", {"age": 45, "minimum_benefit": True}, 36),
]


@pytest.mark.parametrize(("case", "facts", "maximum"), PUBLICS, ids=[p[0] for p in PUBLICS])
def test_publics_of_l_6325_1_1_allow_36_months(case, facts, maximum):
    """Art. 3.4: « cette durée peut être portée jusqu'à 36 mois pour : les personnes âgées de 16 à 25 ans révolus
    qui n'ont pas validé un 2d cycle de l'enseignement secondaire et qui ne sont pas titulaires d'un diplôme de
    l'enseignement technologique ou professionnel ; les personnes âgées de 16 à 25 ans révolus et les demandeurs
    d'emploi âgés de 26 ans et plus inscrites depuis plus de 1 an sur la liste des demandeurs d'emploi [...] ;
    les bénéficiaires du revenu de solidarité active, de l'allocation de solidarité spécifique ou de l'allocation
    aux adultes handicapés ou aux personnes ayant bénéficié d'un contrat unique d'insertion »."""
    assert professionalisation_duration(**facts).value == maximum, case


def test_unknown_public_is_stated_as_a_condition_not_assumed():
    """Art. 3.4: the 36 months depend on the public; with no fact given, 12 months stand and the rest is conditional."""
    result = professionalisation_duration(months=18)
    assert result.value == 12
    assert result.eligible is None  # depends on facts not given
    assert "jusqu'à 24 mois si" in result.summary and "jusqu'à 36 mois selon" in result.summary
    assert set(result.details["unknown"]) >= {"l'âge et le diplôme", "la durée d'inscription comme demandeur d'emploi"}
    assert any(w.startswith("Non indiqué") for w in result.warnings)


def test_age_below_16_is_refused():
    """Art. 3.3: « aux jeunes de 16 à 25 ans révolus [...] ; aux demandeurs d'emploi âgés de 26 ans et plus »."""
    with pytest.raises(CalcError, match="16 ans"):
        professionalisation_duration(age=15)
    with pytest.raises(CalcError):
        professionalisation_duration(months=0)


def test_read_public_settles_only_when_the_facts_do():
    assert read_public(age=30, jobseeker_months=2, minimum_benefit=False).settled
    assert not read_public(age=30).settled
    assert read_public(minimum_benefit=True).public == "minimum_social_benefit"


def test_training_share_up_to_70_percent_for_the_listed_publics():
    """Art. 3.5: « la durée totale de l'action de formation peut être augmentée, sans toutefois pouvoir excéder
    70 % de la durée totale de l'action de professionnalisation pour les salariés visés à l'article L. 6325-1-1
    et à tous les salariés dont la qualification est insuffisante au regard des métiers institutionnels »."""
    young = professionalisation_training_share(total_hours=1200, age=22, without_diploma=True)
    assert young.value == 840 and young.unit == "heures" and young.eligible is True
    assert "840 heures (70 %)" in young.summary
    low = professionalisation_training_share(total_months=24, insufficient_qualification=True)
    assert low.value == pytest.approx(16.8) and low.unit == "mois"
    assert any(r.section == "3.5" for r in low.references)


def test_training_share_checks_the_planned_training():
    """Art. 3.5: « sans toutefois pouvoir excéder 70 % de la durée totale de l'action de professionnalisation »."""
    over = professionalisation_training_share(total_hours=1000, planned_training=750, minimum_benefit=True)
    assert over.details["planned_within_limit"] is False and over.details["training_share_percent"] == 75
    assert "dépasse ce plafond" in over.summary
    within = professionalisation_training_share(total_hours=1000, planned_training=700, minimum_benefit=True)
    assert within.details["planned_within_limit"] is True


def test_training_share_for_other_employees_follows_the_law_without_a_figure():
    """Art. 3.5: « La durée des actions d'évaluation et d'accompagnement, ainsi que des enseignements [...], est
    fixée au regard des dispositions légales » — the texts give no figure, so none is computed."""
    result = professionalisation_training_share(
        total_hours=1200,
        age=35,
        jobseeker_months=4,
        minimum_benefit=False,
        insufficient_qualification=False,
    )
    assert result.value is None and result.eligible is False
    assert "dispositions légales" in result.summary


def test_training_share_with_unknown_public_is_conditional():
    result = professionalisation_training_share(total_hours=1200)
    assert result.value == 840 and result.eligible is None
    assert "si le salarié relève" in result.summary
    assert result.warnings[0].startswith("À vérifier, non indiqué")


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"total_hours": 100, "total_months": 6}, {"total_hours": 0}, {"total_hours": 100, "planned_training": 120}],
)
def test_training_share_bad_input(kwargs):
    with pytest.raises(CalcError):
        professionalisation_training_share(**kwargs)


@FAST
@given(total=st.integers(min_value=1, max_value=5000))
def test_training_ceiling_is_70_percent_of_any_total(total):
    result = professionalisation_training_share(total_hours=total, minimum_benefit=True)
    assert result.value == pytest.approx(total * 0.7)
