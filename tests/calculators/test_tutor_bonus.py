"""Prime de tutorat: protocole du 19 décembre 2019, art. 4.3 (7 points/mois, 252/an) and 4.2 (3 salariés)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from calculators.result import CalcError
from calculators.tutor_bonus import ANNUAL_CAP, Mission, tutor_bonus
from tests.calculators.helpers import FAST, d, dates

AS_OF = d("2030-12-31")

# (article, missions as (start, end, trainees), expected points)
CASES = [
    ("4.3 mois complet ou non: 1er février-20 juin = 5 mois", [("2025-02-01", "2025-06-20", 1)], 35),
    ("4.3 un seul jour = 1 mois entamé", [("2025-03-10", "2025-03-10", 1)], 7),
    ("4.3 deux stagiaires toute l'année = 2 × 12 × 7", [("2025-01-01", "2025-12-31", 2)], 168),
    (
        "4.3 deux missions parallèles toute l'année",
        [("2025-01-01", "2025-12-31", 1), ("2025-01-01", "2025-12-31", 1)],
        168,
    ),
    ("4.3 plafond 252 points par année civile", [("2025-01-01", "2025-12-31", 4)], 252),
    (
        "4.3 plafond appliqué par année civile (mission à cheval)",
        [("2025-07-01", "2026-06-30", 4)],
        6 * 28 + 6 * 28,
    ),
    (
        "4.3 plafond 2025 atteint, 2026 non",
        [("2025-01-01", "2025-12-31", 3), ("2025-06-01", "2026-02-28", 1)],
        252 + 14,
    ),
]


@pytest.mark.parametrize(("article", "missions", "expected"), CASES, ids=[c[0] for c in CASES])
def test_tutor_bonus_table(article, missions, expected):
    result = tutor_bonus([Mission(d(s), d(e), n) for s, e, n in missions], as_of=AS_OF)
    assert result.value == expected, article
    assert result.unit == "points"
    assert f"{expected} points" in result.summary
    assert any(r.section == "4.3" for r in result.references)


def test_summary_gives_points_and_payment_at_end_of_mission():
    result = tutor_bonus([Mission(d("2025-02-01"), d("2025-06-20"))], as_of=d("2025-07-01"))
    assert "35 points" in result.summary
    assert "20 juin 2025" in result.summary
    assert any("objectifs pédagogiques" in w for w in result.warnings)


def test_more_than_three_trainees_at_once_is_flagged_with_art_4_2():
    missions = [Mission(d("2025-01-01"), d("2025-12-31"), 3), Mission(d("2025-03-10"), d("2025-04-30"))]
    result = tutor_bonus(missions, as_of=AS_OF)
    flagged = [w for w in result.warnings if "4 stagiaires" in w]
    assert flagged and "10 mars 2025" in flagged[0] and "30 avril 2025" in flagged[0]
    assert any(r.section == "4.2" for r in result.references)


def test_three_trainees_are_not_flagged():
    result = tutor_bonus([Mission(d("2025-01-01"), d("2025-12-31"), 3)], as_of=AS_OF)
    assert not any("stagiaires sont accompagnés" in w for w in result.warnings)


def test_unfinished_mission_is_reported():
    result = tutor_bonus([Mission(d("2025-02-01"), d("2025-06-20"))], as_of=d("2025-03-01"))
    assert result.value == 35
    assert any("non terminée" in w for w in result.warnings)


def test_counting_reading_difference_is_warned():
    result = tutor_bonus([Mission(d("2025-01-15"), d("2025-02-14"))], as_of=AS_OF)
    assert result.value == 14
    assert any("date à date" in w for w in result.warnings)


def test_point_value_converts_at_end_of_mission():
    result = tutor_bonus([Mission(d("2025-02-01"), d("2025-06-20"))], as_of=AS_OF, point_value=2)
    assert result.details["euros"] == 70
    assert any("Hypothèse" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("missions", "message"),
    [
        ([], "au moins une mission"),
        ([Mission(d("2025-06-01"), d("2025-02-01"))], "antérieure"),
        ([Mission(d("2025-02-01"), d("2025-06-01"), 0)], "au moins 1"),
    ],
)
def test_impossible_input_is_refused(missions, message):
    with pytest.raises(CalcError, match=message):
        tutor_bonus(missions, as_of=AS_OF)


missions_st = st.lists(
    st.tuples(dates, st.integers(min_value=0, max_value=800), st.integers(min_value=1, max_value=4)),
    min_size=1,
    max_size=5,
).map(lambda rows: [Mission(s, s + timedelta(days=n), t) for s, n, t in rows])


@FAST
@given(missions_st)
def test_yearly_cap_holds(missions):
    result = tutor_bonus(missions, as_of=AS_OF)
    for year in result.details["per_year"].values():
        assert year["points"] <= ANNUAL_CAP
    assert result.value == sum(y["points"] for y in result.details["per_year"].values())
    assert result.value <= result.details["gross_points"]
    assert result.value <= ANNUAL_CAP * len(result.details["per_year"])


@FAST
@given(missions_st, st.integers(min_value=1, max_value=400))
def test_longer_mission_never_lowers_the_bonus(missions, extra_days):
    last = missions[-1]
    longer = [*missions[:-1], Mission(last.start, last.end + timedelta(days=extra_days), last.trainees)]
    assert tutor_bonus(longer, as_of=AS_OF).value >= tutor_bonus(missions, as_of=AS_OF).value


@FAST
@given(missions_st, missions_st)
def test_another_mission_never_lowers_the_bonus(missions, more):
    assert tutor_bonus(missions + more, as_of=AS_OF).value >= tutor_bonus(missions, as_of=AS_OF).value


@FAST
@given(dates, st.integers(min_value=1, max_value=500))
def test_end_before_start_is_refused(start, days):
    assume(start - timedelta(days=days) >= d("2020-01-01"))
    with pytest.raises(CalcError):
        tutor_bonus([Mission(start, start - timedelta(days=days))], as_of=AS_OF)
