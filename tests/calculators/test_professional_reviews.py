"""Entretiens professionnels: protocole du 19 décembre 2019, art. 6 (tous les 6 ans, 2 entretiens + 1 bilan)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.professional_reviews import professional_reviews
from calculators.result import CalcError
from tests.calculators.helpers import FAST, d

# (article, hire date, interviews, bilans, as of, past compliant, interviews still due, bilan due, period end)
CASES = [
    (
        "art. 6 nouvel embauché : 2 entretiens et 1 bilan à venir",
        "2025-03-12",
        [],
        [],
        "2025-06-01",
        True,
        2,
        True,
        "2031-03-12",
    ),
    (
        "art. 6 période achevée conforme (2 entretiens + bilan)",
        "2015-03-12",
        ["2017-03-01", "2019-05-01", "2023-01-01"],
        ["2021-03-12"],
        "2025-06-01",
        True,
        1,
        True,
        "2027-03-12",
    ),
    (
        "art. 6 période achevée non conforme (1 seul entretien)",
        "2015-03-12",
        ["2017-03-01"],
        ["2021-03-01"],
        "2025-06-01",
        False,
        2,
        True,
        "2027-03-12",
    ),
    (
        "art. 6 période en cours déjà remplie",
        "2020-01-01",
        ["2021-01-01", "2023-01-01"],
        ["2025-06-01"],
        "2025-07-01",
        True,
        0,
        False,
        "2026-01-01",
    ),
]


@pytest.mark.parametrize(
    ("article", "hire", "interviews", "bilans", "as_of", "past_ok", "due", "bilan_due", "end"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_professional_reviews_table(article, hire, interviews, bilans, as_of, past_ok, due, bilan_due, end):
    result = professional_reviews(d(hire), [d(x) for x in interviews], [d(x) for x in bilans], d(as_of))
    assert result.details["past_periods_compliant"] is past_ok, article
    assert result.details["interviews_still_due"] == due
    assert result.details["bilan_due"] is bilan_due
    assert result.value == end
    assert result.references[0].section == "6"


def test_schedule_lists_the_remaining_interviews_and_the_bilan():
    result = professional_reviews(d("2025-03-12"), as_of=d("2025-03-12"))
    what = [item["what"] for item in result.details["schedule"]]
    assert what == ["entretien professionnel", "entretien professionnel", "entretien de bilan"]
    assert "12 mars 2031" in result.summary


@pytest.mark.parametrize(
    ("hire", "interviews", "as_of"),
    [
        ("2026-01-01", [], "2025-01-01"),
        ("2020-01-01", ["2019-01-01"], "2025-01-01"),
        ("2020-01-01", ["2026-01-01"], "2025-01-01"),
    ],
)
def test_incoherent_dates_are_refused(hire, interviews, as_of):
    with pytest.raises(CalcError):
        professional_reviews(d(hire), [d(x) for x in interviews], [], d(as_of))


@FAST
@given(
    st.dates(min_value=d("2005-01-01"), max_value=d("2020-01-01")),
    st.lists(st.integers(min_value=0, max_value=7000), max_size=6),
    st.integers(min_value=0, max_value=7000),
)
def test_another_interview_never_worsens_compliance(hire, offsets, extra):
    as_of = d("2025-06-01")
    interviews = [hire + timedelta(days=o) for o in offsets if hire + timedelta(days=o) <= as_of]
    more = hire + timedelta(days=extra)
    base = professional_reviews(hire, interviews, [], as_of)
    if more <= as_of:
        richer = professional_reviews(hire, [*interviews, more], [], as_of)
        assert richer.details["interviews_still_due"] <= base.details["interviews_still_due"]
        failed = sum(not p["compliant"] for p in richer.details["periods"][:-1])
        assert failed <= sum(not p["compliant"] for p in base.details["periods"][:-1])
