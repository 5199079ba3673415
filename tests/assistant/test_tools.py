"""The langchain adapter: one StructuredTool per calculator, schemas from the registry, errors as data."""

from __future__ import annotations

import json

import pytest
from langchain_core.tools import BaseTool
from langchain_core.utils.function_calling import convert_to_openai_tool

from assistant.tools import calculator_tools
from calculators.registry import CALCULATORS


def _tools(**kwargs):
    return {tool.name: tool for tool in calculator_tools(**kwargs)}


def test_one_tool_per_calculator_with_french_description():
    tools = calculator_tools()
    assert [t.name for t in tools] == list(CALCULATORS)
    assert all(isinstance(t, BaseTool) for t in tools)
    assert all(t.description.startswith(CALCULATORS[t.name].title_fr) for t in tools)


def test_schemas_expose_public_params_with_json_types():
    schema = convert_to_openai_tool(_tools()["tutor_bonus"])["function"]["parameters"]
    assert schema["required"] == ["missions"]
    missions = schema["properties"]["missions"]
    assert missions["type"] == "array"
    assert set(missions["items"]["properties"]) == {"start", "end", "trainees"}
    assert schema["properties"]["as_of"]["format"] == "date"
    assert "point_values_file" not in schema["properties"]
    cep = convert_to_openai_tool(_tools()["cep_absence"])["function"]["parameters"]
    assert cep["properties"]["contract"]["enum"] == ["CDI", "CDD"]
    assert cep["properties"]["provider_far"]["type"] == "boolean"


def test_tool_returns_the_result_dict():
    result = _tools()["tutor_bonus"].invoke(
        {"missions": [{"start": "2025-02-01", "end": "2025-06-20"}], "as_of": "2025-07-01"}
    )
    assert result["value"] == 35
    assert "35 points" in result["summary"]
    assert result["references"][0]["section"] == "4.3"
    json.dumps(result)  # JSON-ready for the answer contract


def test_eligibility_and_certification_flags_are_in_the_dict():
    tools = _tools()
    cep = tools["cep_absence"].invoke({"contract": "CDI", "months_as_employee": 128, "months_in_organisation": 8})
    assert cep["eligible"] is False and "12 mois" in cep["summary"]
    grades = {"continuous_common": 12, "continuous_option": 11, "written": 9, "oral": 10, "tutored": 14}
    assert tools["cqp_certification"].invoke(grades)["certified"] is True


def test_impossible_input_comes_back_as_an_error_dict():
    tools = _tools()
    bad_dates = tools["tutor_bonus"].invoke({"missions": [{"start": "2025-07-01", "end": "2025-06-20"}]})
    assert bad_dates["name"] == "tutor_bonus" and "antérieure" in bad_dates["error"]
    bad_grade = tools["cqp_certification"].invoke(
        {"continuous_common": 12, "continuous_option": 11, "written": 25, "oral": 10, "tutored": 14}
    )
    assert "Note invalide" in bad_grade["error"]
    bad_type = tools["pro_a_training_hours"].invoke({"total_hours": "beaucoup"})
    assert "error" in bad_type


def test_point_value_table_is_bound_by_the_adapter(tmp_path):
    table = tmp_path / "point_values.json"
    table.write_text('{"values": [{"effective_from": "2020-01-01", "value": 2}]}')
    result = _tools(point_values_file=table)["points_to_euros"].invoke({"points": 35, "on": "2025-06-20"})
    assert (result["value"], result["unit"]) == (70, "€")


def test_the_assistant_runs_calculators_through_the_tools():
    """`run_calculator` sends a tool call and takes the CalcResult back as the tool message's artifact."""
    from assistant.tools import run_calculator
    from calculators.result import CalcError, CalcResult

    result = run_calculator("tutor_bonus", {"missions": [{"start": "2025-02-01", "end": "2025-06-20"}]})
    assert isinstance(result, CalcResult) and result.value == 35
    with pytest.raises(CalcError, match="Paramètre obligatoire manquant : « missions »"):
        run_calculator("tutor_bonus", {})
    with pytest.raises(CalcError, match="antérieure"):
        run_calculator("tutor_bonus", {"missions": [{"start": "2025-07-01", "end": "2025-06-20"}]})
