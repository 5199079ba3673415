"""Prime du formateur interne à titre accessoire: avenant du 11 octobre 2022, art. 3 (article 9.3) and 6."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.point_value import PointValue
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
    ("9.3 deux mois entamés depuis le début de l'action", [("2025-03-25", "2025-04-25")], 14, ["mai 2025"]),
    ("9.3 25 mars-5 avril : 1 mois entamé", [("2025-03-25", "2025-04-05")], 7, ["mai 2025"]),
    (
        "9.3 versements à des mois différents",
        [("2025-03-01", "2025-03-02"), ("2025-06-10", "2025-06-11")],
        14,
        ["avril 2025", "juillet 2025"],
    ),
    ("avenant art. 6 : dû à compter du 1er janvier 2022", [("2021-11-15", "2022-01-20")], 7, ["février 2022"]),
    (  # a rolling month begun in December that runs into January: the January month is due
        "avenant art. 6 : action finie le 1er janvier 2022",
        [("2021-11-02", "2022-01-01")],
        7,
        ["février 2022"],
    ),
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


def test_each_action_counts_months_begun_from_its_start():
    """Avenant 2022, art. 3 (article 9.3): "Le montant de la prime est fixé à 7 points par mois pour chaque
    action de formation professionnelle réalisée par un salarié intervenant en tant que formateur interne à
    titre accessoire." Months are counted as for the tutor, from the action's first day (issue 15, point 4)."""
    result = trainer_bonus(
        [TrainingAction(d("2025-01-31"), d("2025-02-01")), TrainingAction(d("2025-02-01"), d("2025-06-20"))]
    )
    assert [a["months"] for a in result.details["actions"]] == [1, 5]
    assert result.value == 42
    assert any("1 mois entamé" in s for s in result.steps)


def test_each_payment_is_converted_at_the_point_value_of_its_own_date():
    """Avenant 2022, art. 3 (article 9.3): "La prime est versée au salarié en qualité de formateur interne à
    titre accessoire le mois suivant la fin de l'action de formation." Each payment date has its own point
    value (issue 15, point 8): March and September actions are paid in April and October."""
    table = [PointValue(d("2025-01-01"), Decimal("7.5")), PointValue(d("2025-07-01"), Decimal("8"))]
    actions = [TrainingAction(d("2025-03-10"), d("2025-03-11")), TrainingAction(d("2025-09-01"), d("2025-09-02"))]
    result = trainer_bonus(actions, point_values=table)
    paid = result.details["payments_euros"]
    assert [(p["point_value"], p["euros"]) for p in paid] == [(7.5, 52.5), (8, 56)]
    assert result.details["euros"] == 108.5
