"""An adviser's description read into a profile: what is read, what is missing, nothing invented."""

from __future__ import annotations

from datetime import date

import pytest

from interview import prepare_sheet
from interview.reading import is_interview_request, read_profile

TODAY = date(2026, 11, 29)
EXAMPLE = (
    "Prépare l'entretien de M. X, CDI depuis 2010, BTS, dernière formation en 2020, veut devenir contrôleur "
    "du recouvrement"
)


def test_the_issue_example_is_read_fact_by_fact():
    reading = read_profile(EXAMPLE, TODAY)
    profile = reading.profile
    assert profile.contract == "CDI"
    assert profile.diploma_level == 5  # BTS
    assert profile.organisation_start == date(2010, 1, 1)
    assert profile.last_training == date(2020, 1, 1)  # a training date, not an interview
    assert profile.interviews == ()
    assert profile.career_wish == "devenir contrôleur du recouvrement"
    assert profile.name == "M. X"
    # year-only dates are flagged, the interviews not given are listed as missing
    assert any("« 2010 »" in line and "seule l'année" in line for line in reading.approximations)
    assert any("entretiens professionnels passés" in line for line in reading.missing)


def test_a_seniority_is_not_turned_into_a_hire_date():
    """The issue: a hire date of "today minus 12 years" was invented from "depuis 12 ans"."""
    for text in (
        "Prépare l'entretien pro de Mme Durand, CDI depuis 12 ans, bac",
        "Prépare l'entretien de M. Y : 12 ans d'ancienneté, CDI, bac",
    ):
        reading = read_profile(text, TODAY)
        assert reading.profile.organisation_start is None, text
        assert any("date d'entrée dans l'organisme" in m and "pas déduite" in m for m in reading.missing), text
        items = {item.key: item for item in prepare_sheet(reading.profile, TODAY).items}
        assert items["professional_reviews"].status == "missing"
        assert items["professional_reviews"].result is None


def test_dates_take_the_role_of_their_clause():
    text = (
        "Fiche d'entretien pour Mme Z : CDD, embauchée le 3 février 2025, entretiens en mars 2019 et le 4 avril "
        "2022, bilan le 2 mai 2023, formée en juin 2021, entrée dans la branche en 2015"
    )
    profile = read_profile(text, TODAY).profile
    assert profile.contract == "CDD"
    assert profile.organisation_start == date(2025, 2, 3)
    assert profile.interviews == (date(2019, 3, 1), date(2022, 4, 4))
    assert profile.bilans == (date(2023, 5, 2),)
    assert profile.last_training == date(2021, 6, 1)
    assert profile.branch_start == date(2015, 1, 1)


def test_nothing_given_means_everything_missing_and_no_default_contract():
    reading = read_profile("Prépare l'entretien professionnel de Mme W", TODAY)
    assert reading.profile.contract == ""
    assert len(reading.missing) >= 5
    items = {item.key: item for item in prepare_sheet(reading.profile, TODAY).items}
    for key in ("professional_reviews", "training_guarantee", "cep_absence", "pro_a_eligibility"):
        assert items[key].status == "missing", key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (EXAMPLE, True),
        ("Prépare l'entretien professionnel de Mme W", True),
        ("Fiche de préparation d'entretien : salarié en CDI embauché le 1er mars 2015, bac", True),
        ("Comment préparer mon entretien professionnel ?", False),
        ("Embauchée le 1er septembre 2021, avant quelle date doit avoir lieu mon entretien de bilan ?", False),
        ("Quels sujets aborder lors de l'entretien professionnel ?", False),
    ],
)
def test_interview_requests_are_told_from_questions_about_the_rule(text, expected):
    assert is_interview_request(text) is expected


def test_no_training_since_the_hire_is_read_as_a_fact_not_a_gap():
    text = "Prépare l'entretien de Mme Y, CDI, embauchée le 1er mars 2015, jamais formée depuis, BTS"
    reading = read_profile(text, TODAY)
    assert reading.profile.last_training is None
    assert reading.profile.never_trained
    assert not any("dernière formation" in line for line in reading.missing)
    item = {i.key: i for i in prepare_sheet(reading.profile, TODAY).items}["training_guarantee"]
    assert item.status == "attention"  # four years from 1 March 2015: the deadline has passed


def test_a_training_date_wins_over_a_denial_elsewhere():
    text = "Prépare l'entretien de M. Z, CDI depuis 2012, aucun entretien ; dernière formation en 2023"
    reading = read_profile(text, TODAY)
    assert reading.profile.last_training == date(2023, 1, 1)
    assert not reading.profile.never_trained
