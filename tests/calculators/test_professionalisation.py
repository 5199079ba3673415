"""Contrat de professionnalisation: protocole du 19 décembre 2019, art. 3.3 to 3.6."""

from __future__ import annotations

import pytest
from hypothesis import given

from calculators.dates import format_date_fr
from calculators.professionalisation import professionalisation_contract
from calculators.result import CalcError
from tests.calculators.helpers import FAST, d, dates

# (article, certification date, pay switch date, text)
SWITCH = [
    ("3.6 certification le 12 juin 2025 → 1er juillet 2025", "2025-06-12", "2025-07-01", "1er juillet 2025"),
    ("3.6 certification le 1er du mois → mois suivant", "2025-06-01", "2025-07-01", "1er juillet 2025"),
    ("3.6 certification en décembre → 1er janvier", "2025-12-20", "2026-01-01", "1er janvier 2026"),
]


@pytest.mark.parametrize(("article", "certified_on", "switch", "text"), SWITCH, ids=[c[0] for c in SWITCH])
def test_pay_switch_date_table(article, certified_on, switch, text):
    result = professionalisation_contract(certification_date=d(certified_on))
    assert result.value == switch, article
    assert text in result.summary
    assert any(r.section == "3.6" for r in result.references)


# (article, target level, pay base level)
PAY_BASE = [
    ("3.6 qualification de niveau 3 → coefficient du niveau 2", 3, 2),
    ("3.6 qualification de niveau 4 → coefficient du niveau 3", 4, 3),
    ("3.6 qualification de niveau 6 → coefficient du niveau 3", 6, 3),
]


@pytest.mark.parametrize(("article", "level", "base"), PAY_BASE, ids=[c[0] for c in PAY_BASE])
def test_pay_base_table(article, level, base):
    result = professionalisation_contract(target_level=level)
    assert result.value == base, article
    assert f"niveau {base}" in result.summary


def test_level_below_3_is_not_covered_by_the_text():
    result = professionalisation_contract(target_level=2)
    assert result.details["pay_base_level"] is None
    assert any("ne fixe pas" in w for w in result.warnings)


# (article, months, case, allowed)
DURATION = [
    ("3.4 entre 6 et 12 mois", 10, None, True),
    ("3.4 moins de 6 mois", 5, None, False),
    ("3.4 18 mois selon le cas", 18, None, None),
    ("3.4 18 mois, qualification qui l'exige", 18, "branch_qualification", True),
    ("3.4 au-delà de 36 mois", 40, None, False),
]


@pytest.mark.parametrize(("article", "months", "case", "allowed"), DURATION, ids=[c[0] for c in DURATION])
def test_duration_table(article, months, case, allowed):
    result = professionalisation_contract(months=months, case=case)
    assert result.details["duration_allowed"] is allowed, article
    assert any(r.section == "3.4" for r in result.references)


@pytest.mark.parametrize(
    "kwargs", [{"target_level": 0}, {"target_level": 15}, {"months": 0}, {"months": 12, "case": "autre"}]
)
def test_impossible_input_is_refused(kwargs):
    with pytest.raises(CalcError):
        professionalisation_contract(**kwargs)


def test_without_input_the_rules_are_summarised():
    result = professionalisation_contract()
    assert result.value is None
    assert "6 à 12 mois" in result.summary


@FAST
@given(dates)
def test_switch_is_always_the_first_of_a_later_month(day):
    result = professionalisation_contract(certification_date=day)
    switch = d(result.value)
    assert switch.day == 1 and switch > day and (switch - day).days <= 31
    assert format_date_fr(switch).startswith("1er ")
