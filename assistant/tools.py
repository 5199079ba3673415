"""The one adapter from `calculators` to langchain, and the one way the assistant runs a calculator.

One `StructuredTool` per registered calculator. Argument schemas are generated from the registry's
`Param`s so a model sees precise JSON types (dates, integers, lists of periods), while validation
stays lenient: the registry coerces the values and reports bad input as a
`CalcError`, which the tool returns as `{"error": ..., "name": ...}` rather than raising, so the
caller can ask the user for a correction. Hidden configuration (the path of the point-value table)
is bound here and never exposed to the model.

The deterministic router and a model's tool calls go through the same tool objects:
`run_calculator` sends the router's arguments as a tool call and takes the `CalcResult` back as the
tool message's artifact, so both paths share validation, binding and error handling.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from langchain_core.messages import ToolMessage
from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel, Field, WithJsonSchema, create_model

from calculators.registry import CALCULATORS
from calculators.result import CalcError, CalcResult
from calculators.spec import CalculatorSpec, Param, coerce_arguments

DATE_SCHEMA: dict[str, Any] = {"type": "string", "format": "date", "description": "AAAA-MM-JJ"}


def param_json_schema(param: Param) -> dict[str, Any]:
    """The JSON schema the model sees for one calculator parameter."""
    if param.type == "date":
        return dict(DATE_SCHEMA)
    if param.type == "int":
        return {"type": "integer"}
    if param.type == "float":
        return {"type": "number"}
    if param.type == "bool":
        return {"type": "boolean"}
    if param.type == "level":
        return {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 8}, {"type": "string"}]}
    if param.type == "date_list":
        return {"type": "array", "items": dict(DATE_SCHEMA)}
    if param.type == "period_list":
        properties: dict[str, Any] = {"start": dict(DATE_SCHEMA), "end": dict(DATE_SCHEMA)}
        properties.update({key: {"type": "integer", "minimum": 1} for key in param.item_keys})
        return {
            "type": "array",
            "items": {"type": "object", "properties": properties, "required": ["start", "end"]},
        }
    schema: dict[str, Any] = {"type": "string"}
    if param.choices:
        schema["enum"] = list(param.choices)
    return schema


def args_model(spec: CalculatorSpec) -> type[BaseModel]:
    """A pydantic model whose JSON schema describes the public parameters of `spec`."""
    fields: dict[str, Any] = {}
    for param in spec.public_params:
        annotation = Annotated[Any, WithJsonSchema(param_json_schema(param))]
        if param.required:
            fields[param.name] = (annotation, Field(description=param.help))
        else:
            fields[param.name] = (annotation, Field(default=None, description=param.help))
    model_name = "".join(part.capitalize() for part in spec.name.split("_")) + "Args"
    return create_model(model_name, **fields)


def calculator_tool(spec: CalculatorSpec, point_values_file: str | Path | None = None) -> StructuredTool:
    """Wrap one calculator; the tool returns the result dict, or an error dict on impossible input.

    Called with a tool call, it answers a `ToolMessage` whose artifact is the `CalcResult` (None on
    an error), which is how `run_calculator` gets the result object back.
    """
    binds_point_file = any(p.name == "point_values_file" for p in spec.params)

    def call(**kwargs: Any) -> tuple[dict[str, Any], CalcResult | None]:
        arguments = {name: value for name, value in kwargs.items() if value is not None}
        if binds_point_file and point_values_file is not None:
            arguments["point_values_file"] = str(point_values_file)
        try:
            result = spec.run(**arguments)
        except CalcError as exc:
            return {"name": spec.name, "error": str(exc)}, None
        return result.to_dict(), result

    return StructuredTool.from_function(
        func=call,
        name=spec.name,
        description=f"{spec.title_fr}. {spec.description_fr}",
        args_schema=args_model(spec),
        response_format="content_and_artifact",
    )


def calculator_tools(point_values_file: str | Path | None = None) -> list[BaseTool]:
    """All calculators of the registry as langchain tools, in registry order."""
    return list(_tools_by_name(str(point_values_file) if point_values_file else None).values())


@lru_cache(maxsize=4)
def _tools_by_name(point_values_file: str | None) -> dict[str, StructuredTool]:
    """Built once per point-value file: schemas are generated from the registry at construction."""
    return {name: calculator_tool(spec, point_values_file) for name, spec in CALCULATORS.items()}


def run_calculator(name: str, arguments: dict[str, Any], point_values_file: str | Path | None = None) -> CalcResult:
    """Run calculator `name` through its tool, as a model's tool call would; `CalcError` on bad input."""
    tool = _tools_by_name(str(point_values_file) if point_values_file else None).get(name)
    if tool is None:
        raise CalcError(f"calculateur inconnu « {name} ».")
    # The registry's checks first: a missing, unknown or malformed argument gets its French message
    # (the tool's schema validation would answer in English, or drop an unknown name silently).
    checked = coerce_arguments(CALCULATORS[name], arguments)
    message = tool.invoke({"type": "tool_call", "name": name, "args": checked, "id": f"call-{name}"})
    if not isinstance(message, ToolMessage) or message.artifact is None:
        content = message.content if isinstance(message, ToolMessage) else message
        raise CalcError(_error_text(content))
    result: CalcResult = message.artifact
    return result


def _error_text(content: Any) -> str:
    """The registry's French message out of the tool's error content (a dict, or its JSON text)."""
    if isinstance(content, dict):
        return str(content.get("error", content))
    if isinstance(content, str):
        try:
            data = json.loads(content)
        except ValueError:
            return content
        if isinstance(data, dict):
            return str(data.get("error", content))
    return str(content)
