"""Points → euros with a configured, dated point value (the corpus gives none)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.point_value import EXAMPLE_TABLE, load_point_values, parse_point_values, points_to_euros, value_on
from calculators.result import CalcError
from tests.calculators.helpers import FAST, d

TABLE = parse_point_values(
    {
        "values": [
            {"effective_from": "2025-01-01", "value": 7.5, "source": "hypothèse de test"},
            {"effective_from": "2024-01-01", "value": 7.25},
        ]
    }
)


def test_without_value_points_come_back_with_a_warning():
    result = points_to_euros(35, d("2025-06-20"))
    assert (result.value, result.unit) == (35, "points")
    assert any("Aucune valeur du point" in w for w in result.warnings)


def test_explicit_point_value_is_shown_as_an_assumption():
    result = points_to_euros(35, d("2025-06-20"), point_value=7.5)
    assert (result.value, result.unit) == (262.5, "€")
    assert "262,50 €" in result.summary
    assert any(w.startswith("Hypothèse") for w in result.warnings)


@pytest.mark.parametrize(("on", "expected"), [("2024-06-01", 253.75), ("2025-06-20", 262.5), ("2023-12-31", 35)])
def test_dated_table_uses_the_value_in_force(on, expected):
    assert points_to_euros(35, d(on), table=TABLE).value == expected


def test_table_file_round_trip_and_missing_file(tmp_path):
    path = tmp_path / "point_values.json"
    assert load_point_values(path) == []
    path.write_text(json.dumps({"values": [{"effective_from": "2025-01-01", "value": "7,5".replace(",", ".")}]}))
    assert value_on(load_point_values(path), d("2025-02-01")).value == 7.5


def test_shipped_example_table_has_no_invented_value():
    assert load_point_values(EXAMPLE_TABLE) == []


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        json.dumps({"values": [{"effective_from": "2025-13-01", "value": 7}]}),
        json.dumps({"values": [{"effective_from": "2025-01-01", "value": -1}]}),
        json.dumps({"x": 1}),
    ],
)
def test_malformed_table_is_refused(tmp_path, content):
    path = tmp_path / "point_values.json"
    path.write_text(content)
    with pytest.raises(CalcError):
        load_point_values(path)


@pytest.mark.parametrize(("points", "value"), [(-1, None), (10, 0), (10, -2)])
def test_impossible_input_is_refused(points, value):
    with pytest.raises(CalcError):
        points_to_euros(points, d("2025-01-01"), point_value=value)


@FAST
@given(st.integers(min_value=0, max_value=10_000), st.decimals(min_value="0.01", max_value="100", places=4))
def test_conversion_is_points_times_value(points, value):
    result = points_to_euros(points, d("2025-01-01"), point_value=value)
    assert abs(result.value - float(points * value)) <= 0.005 + 1e-9
