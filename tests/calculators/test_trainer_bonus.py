"""Prime du formateur interne à titre accessoire: avenant du 11 octobre 2022, art. 3 (article 9.3) and 6."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.result import CalcError
from calculators.trainer_bonus import TrainingAction, trainer_bonus
from tests.calculators.helpers import FAST, d, dates

# (article, actions, expected points, payment months in the summary)
CASES = [
    (
        "9.3 deux actions en avril → 14 points versés en mai",
        [("2025-04-03", "2025-04-04"), ("2025-04-17", "2025-04-17")],
        14,
        ["mai 2025"],
    ),
    ("9.3 versée le mois suivant la fin de l'action", [("2025-11-03", "2025-11-15")], 7, ["décembre 2025"]),
    ("9.3 fin en décembre → versement en janvier", [("2025-12-01", "2025-12-19")], 7, ["janvier 2026"]),
    ("9.3 7 points par mois pour une action sur deux mois", [("2025-03-25", "2025-04-05")], 14, ["mai 2025"]),
    (
        "9.3 versements à des mois différents",
        [("2025-03-01", "2025-03-02"), ("2025-06-10", "2025-06-11")],
        14,
        ["avril 2025", "juillet 2025"],
    ),
    ("avenant art. 6 : dû à compter du 1er janvier 2022", [("2021-11-15", "2022-01-20")], 7, ["février 2022"]),
]


@pytest.mark.parametrize(("article", "actions", "expected", "months"), CASES, ids=[c[0] for c in CASES])
def test_trainer_bonus_table(article, actions, expected, months):
    result = trainer_bonus([TrainingAction(d(s), d(e)) for s, e in actions])
    assert result.value == expected, article
    assert f"{expected} points" in result.summary
    for month in months:
        assert month in result.summary
    assert result.references[0].document == "avenant-2022-10-11-formation-professionnelle"
    assert result.references[0].section == "3"


def test_action_before_2022_earns_nothing():
    result = trainer_bonus([TrainingAction(d("2021-03-01"), d("2021-03-05"))])
    assert result.value == 0
    assert "1er janvier 2022" in result.summary


def test_tutoring_does_not_open_the_bonus_warning():
    result = trainer_bonus([TrainingAction(d("2025-04-03"), d("2025-04-04"))])
    assert any("tuteur" in w and "9.2" in w for w in result.warnings)


@pytest.mark.parametrize("actions", [[], [TrainingAction(d("2025-05-02"), d("2025-05-01"))]])
def test_impossible_input_is_refused(actions):
    with pytest.raises(CalcError):
        trainer_bonus(actions)


actions_st = st.lists(st.tuples(dates, st.integers(min_value=0, max_value=120)), min_size=1, max_size=6).map(
    lambda rows: [TrainingAction(s, s + timedelta(days=n)) for s, n in rows]
)


@FAST
@given(actions_st, actions_st)
def test_more_actions_never_lower_the_bonus(actions, more):
    assert trainer_bonus(actions + more).value >= trainer_bonus(actions).value


@FAST
@given(actions_st)
def test_every_action_after_2022_earns_at_least_seven_points(actions):
    result = trainer_bonus(actions)
    assert result.value >= 7 * sum(1 for a in actions if a.end >= d("2022-01-01"))
    assert sum(p["points"] for p in result.details["payments"]) == result.value
