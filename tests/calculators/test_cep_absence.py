"""Absence pour un conseil en évolution professionnelle: protocole du 19 décembre 2019, art. 5."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.cep_absence import cep_absence
from calculators.result import CalcError
from tests.calculators.helpers import FAST

# (article, contract, months as employee, months in organisation, far, cep in 5 years, eligible, expected text)
CASES = [
    ("art. 5 CDI 7 ans dont 3 dans l'organisme → demi-journée", "CDI", 84, 36, None, False, True, "demi-journée"),
    ("art. 5 CDI 8 mois dans l'organisme → 12 mois requis", "CDI", 128, 8, None, False, False, "12 mois"),
    ("art. 5 CDI 4 ans d'ancienneté → 5 années requises", "CDI", 48, 24, None, False, False, "5 années"),
    ("art. 5 CDI limite exacte 60/12", "CDI", 60, 12, None, False, True, "demi-journée"),
    ("art. 5 CDD 24 mois sur 5 ans dont 4 → demi-journée", "CDD", 24, 4, None, False, True, "demi-journée"),
    ("art. 5 CDD 3 mois dans l'organisme → 4 mois requis", "CDD", 30, 3, None, False, False, "4 mois"),
    ("art. 5 organisme éloigné → 1 journée", "CDI", 84, 36, True, False, True, "une journée"),
    ("art. 5 déjà bénéficié dans les 5 ans → refus", "CDI", 84, 36, None, True, False, "5 dernières années"),
]


@pytest.mark.parametrize(
    ("article", "contract", "employee", "organisation", "far", "recent", "eligible", "text"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_cep_absence_table(article, contract, employee, organisation, far, recent, eligible, text):
    result = cep_absence(contract, employee, organisation, far, recent)
    assert result.eligible is eligible, article
    assert text in result.summary
    assert result.references[0].section == "5"


@pytest.mark.parametrize(
    ("contract", "employee", "organisation"),
    [("CDI", 10, 20), ("CDI", -1, 0), ("CDD", 70, 10), ("intérim", 60, 12)],
)
def test_incoherent_input_is_refused(contract, employee, organisation):
    with pytest.raises(CalcError):
        cep_absence(contract, employee, organisation)


@FAST
@given(
    st.sampled_from(["CDI", "CDD"]),
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=0, max_value=12),
)
def test_more_seniority_never_removes_the_right(contract, organisation, employee_extra, more):
    employee = organisation + employee_extra
    if contract == "CDD":
        employee = min(employee, 60)
        organisation = min(organisation, employee)
    base = cep_absence(contract, employee, organisation).eligible
    richer_employee = min(employee + more, 60) if contract == "CDD" else employee + more
    assert cep_absence(contract, richer_employee, organisation).eligible >= base


def test_a_recent_conseil_closes_the_absence_whatever_the_seniority():
    """Protocole art. 5: "Elle n'est pas accordée au salarié qui a déjà bénéficié de ce conseil au cours des 5
    dernières années." No contract nor seniority is needed to decide (issue 13, point 1)."""
    result = cep_absence(cep_in_last_5_years=True)
    assert result.eligible is False and result.missing == []


def test_a_cdd_with_enough_activity_in_the_organisation_needs_no_total():
    """Protocole art. 5: "tout salarié en CDD justifiant d'au moins 24 mois d'activité salariée au cours des 5
    dernières années dont 4 mois au sein de l'organisme bénéficie à sa demande d'une autorisation d'absence
    rémunérée de 1 demi-journée". The total is at least the time in the organisation (issue 13, point 1)."""
    assert cep_absence("CDD", 30, 8).eligible is True
    alone = cep_absence("CDD", None, 30)
    assert alone.eligible is True and alone.missing == []
    short = cep_absence("CDI", None, 36)
    assert short.eligible is None and short.missing == ["months_as_employee"]
    assert cep_absence("CDI", 3, None).eligible is False  # 3 months in all cannot hold 12 in the organisation


def test_part_time_cdi_wording_is_a_cdi():
    """Protocole art. 5 speaks of "tout salarié en CDI": working time does not matter."""
    assert cep_absence("CDI à temps partiel", 84, 36).eligible is True
