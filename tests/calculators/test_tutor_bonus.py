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
    (
        "4.3 plafond 252 points par année civile",
        [("2025-01-01", "2025-12-31", 3), ("2025-01-01", "2025-12-31", 1)],
        252,
    ),
    (
        "4.3 plafond appliqué par année civile (mission à cheval)",
        [("2025-07-01", "2026-06-30", 3)],
        6 * 21 + 6 * 21,
    ),
    ("4.3 15 janvier-14 février = 1 mois", [("2025-01-15", "2025-02-14", 1)], 7),
    ("4.3 31 janvier-1er février = 1 mois entamé", [("2025-01-31", "2025-02-01", 1)], 7),
    ("4.3 15 janvier-15 février = 2 mois entamés", [("2025-01-15", "2025-02-15", 1)], 14),
    ("4.2 quatre stagiaires trois mois → 3 comptent", [("2025-01-01", "2025-03-31", 4)], 63),
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


def test_a_fourth_trainee_at_once_earns_nothing_and_is_explained():
    """Protocole art. 4.2: "Afin d'optimiser l'accomplissement de sa mission, chaque tuteur accompagne, au
    maximum, 3 salariés." At most 3 simultaneous trainees count (issue 15, point 5)."""
    missions = [Mission(d("2025-01-01"), d("2025-12-31"), 3), Mission(d("2025-03-10"), d("2025-04-30"))]
    result = tutor_bonus(missions, as_of=AS_OF)
    assert result.value == 252
    assert result.details["missions"][1]["points"] == 0
    flagged = [w for w in result.warnings if "Mission 2" in w and "au-delà du 3e" in w]
    assert flagged and "14 points non comptés" in flagged[0] and "4.2" in flagged[0]
    assert any(r.section == "4.2" for r in result.references)


def test_four_trainees_for_three_months_give_63_points():
    """Protocole art. 4.2: "chaque tuteur accompagne, au maximum, 3 salariés"; art. 4.3: "7 points par mois,
    complet ou non". 4 trainees over 3 months: 3 × 3 × 7 = 63 points, the fourth explained."""
    result = tutor_bonus([Mission(d("2025-01-01"), d("2025-03-31"), 4)], as_of=AS_OF)
    assert result.value == 63
    assert "au plus 3 stagiaires en même temps" in result.summary
    assert any("21 points non comptés" in w for w in result.warnings)


def test_three_trainees_are_not_flagged():
    result = tutor_bonus([Mission(d("2025-01-01"), d("2025-12-31"), 3)], as_of=AS_OF)
    assert not any("stagiaires sont accompagnés" in w for w in result.warnings)


def test_unfinished_mission_is_reported():
    result = tutor_bonus([Mission(d("2025-02-01"), d("2025-06-20"))], as_of=d("2025-03-01"))
    assert result.value == 35
    assert any("non terminée" in w for w in result.warnings)


def test_months_are_counted_from_the_start_date_each_begun_month_counting():
    """Protocole art. 4.3: "Le montant de la prime est proportionnel à la durée de la mission
    d'accompagnement tutoré effectuée dans l'organisme ; il correspond à 7 points par mois, complet ou non."
    Months of duration from the start date, each month begun counting as one (issue 15, point 4)."""
    result = tutor_bonus([Mission(d("2025-01-15"), d("2025-02-14"))], as_of=AS_OF)
    assert result.value == 7
    assert any("du 15 janvier 2025 au 14 février 2025 : 1 mois entamé" in s for s in result.steps)
    assert tutor_bonus([Mission(d("2025-02-01"), d("2025-06-20"))], as_of=AS_OF).value == 35


def test_a_single_payment_above_252_points_is_explained_by_the_years_it_spans():
    """Protocole art. 4.3: "la prime peut atteindre un montant correspondant au maximum à 252 points par année
    civile et par tuteur." The cap applies to the months falling in each year; one payment spanning two years
    may exceed 252 points, and the result says why (issue 15, point 4)."""
    result = tutor_bonus([Mission(d("2025-01-01"), d("2026-06-30"), 3)], as_of=AS_OF)
    assert result.value == 252 + 126
    assert any("dépasse 252 points" in w and "2026 : 126 points" in w for w in result.warnings)


def test_each_mission_is_converted_at_the_point_value_of_its_payment_date():
    """Protocole art. 4.3: "Cette prime est versée en une seule fois à l'issue de la mission de tutorat".
    Each mission's payment is converted at the point value in force on its own end date (issue 15, point 8)."""
    from decimal import Decimal

    from calculators.point_value import PointValue

    table = [PointValue(d("2025-01-01"), Decimal("7")), PointValue(d("2025-07-01"), Decimal("8"))]
    missions = [Mission(d("2025-01-01"), d("2025-03-31")), Mission(d("2025-08-01"), d("2025-09-30"))]
    result = tutor_bonus(missions, as_of=AS_OF, point_values=table)
    assert [p["euros"] for p in result.details["payments_euros"]] == [21 * 7, 14 * 8]
    assert result.details["euros"] == 21 * 7 + 14 * 8


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
def test_longer_last_mission_never_lowers_the_bonus(missions, extra_days):
    """Lengthening the mission that starts last only adds months (earlier ones keep their trainees)."""
    missions = sorted(missions, key=lambda m: (m.start, m.end))
    last = missions[-1]
    assume(all(m.start < last.start for m in missions[:-1]))
    longer = [*missions[:-1], Mission(last.start, last.end + timedelta(days=extra_days), last.trainees)]
    assert tutor_bonus(longer, as_of=AS_OF).value >= tutor_bonus(missions, as_of=AS_OF).value


later_st = st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400), st.integers(1, 4)), min_size=1, max_size=3)


@FAST
@given(missions_st, later_st)
def test_a_later_mission_never_lowers_the_bonus(missions, extra):
    """A trainee arriving when 3 are already accompanied is the one beyond art. 4.2's limit: missions that
    start after all the others never take anything from them."""
    latest = max(m.start for m in missions)
    more = [
        Mission(latest + timedelta(days=1 + offset), latest + timedelta(days=1 + offset + length), trainees)
        for offset, length, trainees in extra
    ]
    assert tutor_bonus(missions + more, as_of=AS_OF).value >= tutor_bonus(missions, as_of=AS_OF).value


@FAST
@given(dates, st.integers(min_value=1, max_value=500))
def test_end_before_start_is_refused(start, days):
    assume(start - timedelta(days=days) >= d("2020-01-01"))
    with pytest.raises(CalcError):
        tutor_bonus([Mission(start, start - timedelta(days=days))], as_of=AS_OF)
