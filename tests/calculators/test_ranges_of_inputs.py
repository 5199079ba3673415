"""An input known only as a range gives the rule's result at each end (issue #13 class 1, calc18).

Art. 4.3 of the protocole: "il correspond à 7 points par mois, complet ou non" — a tutor's mission of "4 à 6
mois" earns 28 to 42 points. Art. 9.3 (avenant 2022, art. 3): "Le montant de la prime est fixé à 7 points par
mois pour chaque action de formation professionnelle" — an action of 2 to 3 months, 14 to 21 points. Art. 2.5:
"d'une durée au moins égale à 15 % de la durée de la certification, sans être inférieure à 150 heures. Cette
durée peut être portée jusqu'à 70 % du total de la durée de l'action" — a certification of 1 000 to 1 400 hours
needs at least 150 to 210 hours. Each end is the single-value result, never recomputed apart.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.routing.extraction.quantities import parse_durations
from assistant.routing.router import route
from calculators.contribution import supplementary_contribution
from calculators.pro_a import pro_a_training_hours
from calculators.registry import CALCULATORS
from calculators.result import CalcError
from tests.calculators.helpers import FAST

TODAY = date(2026, 11, 29)

# (calculator, kwargs with the range's lower end, bottom, top, text of the summary)
BONUS_RANGES = [
    ("tutor_bonus", {"missions": ["2027-01-01:2027-06-30"], "months_low": 4, "as_of": "2026-11-29"}, 28, 42),
    ("tutor_bonus", {"missions": ["2027-01-01:2027-06-30:2"], "months_low": 3, "as_of": "2026-11-29"}, 42, 84),
    ("trainer_bonus", {"actions": ["2026-03-01:2026-05-31"], "months_low": 2}, 14, 21),
    ("trainer_bonus", {"actions": ["2026-03-01:2026-05-31", "2026-03-01:2026-05-31"], "months_low": 1}, 14, 42),
]


@pytest.mark.parametrize(("name", "kwargs", "bottom", "top"), BONUS_RANGES)
def test_a_length_range_gives_the_bonus_range(name, kwargs, bottom, top):
    result = CALCULATORS[name].run(**kwargs)
    assert (result.details["low"], result.value) == (bottom, top)
    assert f"entre {bottom} et {top} points" in result.summary
    assert result.steps[0].startswith("Bas de la fourchette") and f"{bottom} points" in result.steps[0]
    assert result.steps[1].startswith("Haut de la fourchette") and f"{top} points" in result.steps[1]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"missions": ["2027-01-01:2027-06-30"], "months_low": 6}, "inversée"),
        ({"missions": ["2027-01-01:2027-06-30"], "months_low": 9}, "inversée"),
        ({"missions": ["2027-01-01:2027-06-30"], "months_low": 0}, "au moins 1 mois"),
        ({"missions": ["2027-01-01:2027-06-30"], "months_low": -3}, "au moins 1 mois"),
        ({"missions": ["2027-01-01:2027-06-30", "2027-02-01:2027-06-30"], "months_low": 2}, "une seule période"),
    ],
)
def test_an_impossible_length_range_is_refused_in_french(kwargs, message):
    with pytest.raises(CalcError, match=message):
        CALCULATORS["tutor_bonus"].run(**kwargs)


@FAST
@given(st.integers(1, 30), st.integers(1, 30))
def test_each_end_of_a_mission_range_is_the_mission_alone(low, extra):
    """The bottom is the same mission cut to `low` months; the top, the mission as dated."""
    start = date(2026, 1, 1)
    whole = CALCULATORS["tutor_bonus"].run(missions=[f"2026-01-01:{_end(start, low + extra)}"], as_of=TODAY)
    short = CALCULATORS["tutor_bonus"].run(missions=[f"2026-01-01:{_end(start, low)}"], as_of=TODAY)
    ranged = CALCULATORS["tutor_bonus"].run(
        missions=[f"2026-01-01:{_end(start, low + extra)}"], months_low=low, as_of=TODAY
    )
    assert (ranged.details["low"], ranged.value) == (short.value, whole.value)
    assert short.value <= whole.value  # type: ignore[operator]


def _end(start: date, months: int) -> str:
    from datetime import timedelta

    from calculators.dates import add_months

    return (add_months(start, months) - timedelta(days=1)).isoformat()


# (low total, high total, minimum text, 70 % text)
HOURS = [
    (1000, 1400, "au moins 150 à 210 heures", "700 à 980 heures"),
    (600, 900, "au moins 150 heures", "420 à 630 heures"),
    (1200, 2000, "au moins 180 à 300 heures", "840 à 1 400 heures"),
]


@pytest.mark.parametrize(("low", "high", "minimum", "most"), HOURS)
def test_a_pro_a_total_range_gives_the_training_range(low, high, minimum, most):
    result = pro_a_training_hours(high, total_hours_low=low)
    summary = result.summary.replace("\u202f", " ").replace("\u00a0", " ")
    assert minimum in summary and most in summary
    assert result.details["low"] == pro_a_training_hours(low).value
    assert result.value == pro_a_training_hours(high).value


def test_an_inverted_hours_range_is_refused_in_french():
    with pytest.raises(CalcError, match="inversée"):
        pro_a_training_hours(1000, total_hours_low=1400)
    with pytest.raises(CalcError, match="plancher"):  # the low end below art. 2.5's floor is no Pro-A total
        pro_a_training_hours(1000, total_hours_low=100)


@FAST
@given(st.integers(150, 5000), st.integers(1, 5000))
def test_the_hours_range_holds_each_end_alone(low, extra):
    ranged = pro_a_training_hours(low + extra, total_hours_low=low)
    assert ranged.details["low"] == pro_a_training_hours(low).value
    assert ranged.value == pro_a_training_hours(low + extra).value
    assert ranged.details["low"] <= ranged.value


@FAST
@given(st.decimals("1000", "1e12", places=2), st.decimals("0", "1e12", places=2))
def test_the_contribution_range_reads_its_ends_from_the_single_results(low, extra):
    """Behaviour-neutral mend: the range's figures are the single payrolls' results, cents included."""
    ranged = supplementary_contribution(low + extra, payroll_low=low)
    bottom, top = supplementary_contribution(low), supplementary_contribution(low + extra)
    assert (ranged.details["low"], ranged.value) == (bottom.value, top.value)
    assert bottom.summary.split(" : ")[1].split(",")[0] in ranged.summary  # the bottom's euros, as it writes them


@pytest.mark.parametrize("low", [float("nan"), float("inf"), -5])
def test_an_impossible_payroll_end_is_refused_in_french(low):
    with pytest.raises(CalcError, match="montant positif"):
        supplementary_contribution(1_000_000, payroll_low=low)


def test_a_length_range_is_read_with_both_ends():
    (length,) = parse_durations("une mission de 4 à 6 mois")
    assert (length.low_months, length.months) == (4, 6)
    (years,) = parse_durations("entre 1 et 2 ans")
    assert (years.low_months, years.months) == (12, 24)


@pytest.mark.parametrize(
    ("question", "calculator", "low"),
    [
        ("Je serai tutrice d'une alternante pour une mission de 4 à 6 mois : combien de points ?", "tutor_bonus", 4),
        ("Formateur interne, j'anime une action de 2 à 3 mois : combien de points ?", "trainer_bonus", 2),
    ],
)
def test_a_range_of_months_is_routed_with_its_low_end(question, calculator, low):
    decision = route(question, TODAY)
    assert decision.calculator == calculator
    assert decision.arguments["months_low"] == low


def test_a_range_of_pro_a_hours_is_routed_with_its_low_end():
    decision = route("Ma Pro-A fera entre 1 200 et 2 000 heures : combien d'heures de formation au minimum ?", TODAY)
    assert decision.calculator == "pro_a_training_hours"
    assert (decision.arguments["total_hours_low"], decision.arguments["total_hours"]) == (1200, 2000)


def test_one_length_has_no_low_end():
    decision = route("Je serai tutrice d'une alternante pour une mission de 6 mois : combien de points ?", TODAY)
    assert "months_low" not in decision.arguments


@pytest.mark.parametrize(
    ("kwargs", "total", "per_tutor"),
    [
        ({"missions": ["2026-01-01:2026-12-31"] * 3, "tutors": 5}, 1260, 252),
        ({"missions": ["2026-01-01:2026-06-30"], "tutors": 2}, 84, 42),
        ({"missions": ["2026-01-01:2026-12-31"] * 4, "tutors": 3}, 756, 252),  # each capped at 252 a year
    ],
)
def test_several_tutors_each_get_their_capped_bonus(kwargs, total, per_tutor):
    """Art. 4.3: « la prime peut atteindre un montant correspondant au maximum à 252 points par année civile et par
    tuteur » — the cap is each tutor's, so 5 tutors with 3 trainees for a year earn 5 × 252 (calc18)."""
    result = CALCULATORS["tutor_bonus"].run(**kwargs, as_of=TODAY)
    assert (result.value, result.details["per_tutor"]) == (total, per_tutor)
    assert f"{total} points au total" in result.summary


@pytest.mark.parametrize("tutors", [0, -2, 5000])
def test_an_impossible_count_of_tutors_is_refused_in_french(tutors):
    with pytest.raises(CalcError, match="nombre de tuteurs"):
        CALCULATORS["tutor_bonus"].run(missions=["2026-01-01:2026-06-30"], tutors=tutors, as_of=TODAY)


def test_tutors_counted_each_are_read():
    decision = route(
        "Mes 5 tuteurs ont chacun accompagné 3 alternants toute l'année 2026 : combien de points au total ?", TODAY
    )
    assert decision.arguments["tutors"] == 5 and len(decision.arguments["missions"]) == 3
    assert (
        "tutors"
        not in route("Deux tuteurs pour un alternant du 1er janvier au 30 juin 2026 : combien ?", TODAY).arguments
    )
