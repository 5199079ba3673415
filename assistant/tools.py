"""The one adapter from `calculators` to langchain: one `StructuredTool` per registered calculator.

Argument schemas are generated from the registry's `Param`s so the model sees precise JSON types
(dates, integers, lists of periods), while validation stays lenient: the registry coerces the values
and reports bad input as a `CalcError`, which the tool returns as `{"error": ..., "name": ...}` rather
than raising, so the caller can ask the user for a correction. Hidden configuration (the path of the
point-value table) is bound here and never exposed to the model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel, Field, WithJsonSchema, create_model

from calculators.registry import CALCULATORS
from calculators.result import CalcError
from calculators.spec import CalculatorSpec, Param

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
    """Wrap one calculator; the tool returns the result dict, or an error dict on impossible input."""
    binds_point_file = any(p.name == "point_values_file" for p in spec.params)

    def call(**kwargs: Any) -> dict[str, Any]:
        arguments = {name: value for name, value in kwargs.items() if value is not None}
        if binds_point_file and point_values_file is not None:
            arguments["point_values_file"] = str(point_values_file)
        try:
            return spec.run(**arguments).to_dict()
        except CalcError as exc:
            return {"name": spec.name, "error": str(exc)}

    return StructuredTool.from_function(
        func=call,
        name=spec.name,
        description=f"{spec.title_fr}. {spec.description_fr}",
        args_schema=args_model(spec),
    )


def calculator_tools(point_values_file: str | Path | None = None) -> list[BaseTool]:
    """All calculators of the registry as langchain tools, in registry order."""
    return [calculator_tool(spec, point_values_file) for spec in CALCULATORS.values()]
