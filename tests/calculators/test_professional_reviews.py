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
        "2020-03-12",
        ["2022-03-01", "2024-05-01", "2027-01-01"],
        ["2026-03-12"],
        "2028-06-01",
        True,
        1,
        True,
        "2032-03-12",
    ),
    (
        "art. 6 période achevée non conforme (1 seul entretien)",
        "2020-03-12",
        ["2022-03-01"],
        ["2026-03-01"],
        "2028-06-01",
        False,
        2,
        True,
        "2032-03-12",
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


def test_a_hire_still_to_come_is_planned_from_its_date():
    """Article 6: « Les organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un
    entretien de bilan. » The first period of a hire still to come runs six years from the hire date, so the
    deadline is known before the first day (no error, nothing asked)."""
    result = professional_reviews(d("2027-01-04"), as_of=d("2026-11-29"))
    assert result.missing == [] and result.value == "2033-01-04"
    assert "4 janvier 2033" in result.summary


@pytest.mark.parametrize(
    ("hire", "interviews", "as_of"),
    [
        ("2026-01-01", ["2025-06-01"], "2025-01-01"),
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


def test_only_periods_after_the_protocole_are_judged():
    """Protocole art. 6: "Les organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un
    entretien de bilan." The obligation dates from the protocole: a 2005 hire is judged from its entry into
    force (19 December 2019 by default, configurable), not on 2005–2011 (issue 15, point 6)."""
    result = professional_reviews(
        d("2005-03-01"), [d("2021-01-01"), d("2023-05-01")], [d("2025-10-01")], d("2026-06-01")
    )
    assert result.details["periods_from"] == d("2019-12-19")
    assert [p["compliant"] for p in result.details["periods"][:-1]] == [True]
    later = professional_reviews(d("2005-03-01"), [], [], d("2026-06-01"), in_force_from=d("2020-04-30"))
    assert later.details["periods_from"] == d("2020-04-30")


def test_two_interviews_on_the_same_day_are_one():
    """Protocole art. 6: "au moins deux entretiens professionnels" — two on one day are one interview."""
    result = professional_reviews(d("2020-01-01"), [d("2021-01-01"), d("2021-01-01")], [], d("2025-06-01"))
    assert result.details["interviews_still_due"] == 1


def test_a_late_bilan_closes_its_own_period_and_not_the_next():
    """Protocole art. 6: the entretien de bilan "est l'occasion de faire un état des lieux récapitulatif du
    parcours professionnel du salarié": it belongs to the period it closes. Held a few months late, it closes
    the previous period and the next one still owes its own bilan (issue 15, point 6)."""
    result = professional_reviews(
        d("2020-01-01"), [d("2021-01-01"), d("2023-01-01")], [d("2026-04-01")], d("2026-06-01")
    )
    periods = result.details["periods"]
    assert periods[0]["bilans"] == 1 and periods[0]["compliant"]
    assert result.details["bilan_due"] is True
    assert any("en retard" in w for w in result.warnings)


def test_a_bilan_months_after_hire_is_flagged_as_implausible():
    """Protocole art. 6: the bilan is "un état des lieux récapitulatif du parcours professionnel": a few
    months after the hire it is flagged (issue 15, point 6)."""
    result = professional_reviews(d("2022-01-10"), [], [d("2022-05-01")], d("2025-06-01"))
    assert any("peu vraisemblable" in w for w in result.warnings)


def test_unknown_hire_date_is_missing():
    """Without the hire date no period can be placed: the result names it as missing."""
    assert professional_reviews(None, as_of=d("2025-06-01")).missing == ["hire_date"]


def test_a_period_closed_without_its_interviews_is_said_first_with_the_day_it_was_due():
    """Article 6: « Les organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un
    entretien de bilan. » A period that ended without its bilan was due on its last day: an adviser asking "c'était
    pour quand ?" reads that day first, before the period now running."""
    result = professional_reviews(d("2020-02-02"), [d("2022-03-03"), d("2024-04-10")], as_of=d("2026-11-29"))
    assert result.summary.startswith("En retard : sur la période du 2 février 2020 au 2 février 2026")
    assert "l'entretien de bilan n'a pas été réalisé, il était dû au plus tard le 2 février 2026" in result.summary
    late = professional_reviews(d("2020-10-01"), [d("2022-12-12")], as_of=d("2026-11-29"))
    assert "1 entretien professionnel et l'entretien de bilan n'ont pas été réalisés" in late.summary


def test_several_people_each_get_their_own_schedule_from_their_own_hire():
    """Article 6: « Les organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un
    entretien de bilan. » The obligation runs per employee from their own hire: Paul's 1 April 2021 gives a bilan by
    1 April 2027, Inès's 15 September 2023 one by 15 September 2029; neither date is the other's interview."""
    result = professional_reviews(people="Paul:2021-04-01;Inès:2023-09-15", as_of=d("2026-11-29"))
    assert "Paul (embauche le 1er avril 2021) : période en cours jusqu'au 1er avril 2027" in result.summary
    assert "Inès (embauche le 15 septembre 2023) : période en cours jusqu'au 15 septembre 2029" in result.summary
    assert [p["name"] for p in result.details["people"]] == ["Paul", "Inès"]
    with pytest.raises(CalcError):
        professional_reviews(people="Paul:2021-04-01")
    with pytest.raises(CalcError):
        professional_reviews(d("2020-01-01"), people="Paul:2021-04-01;Inès:2023-09-15")
