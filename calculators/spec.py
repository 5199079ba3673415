"""How a calculator is described to the outside: its parameters, their types, and the check of a call.

The CLI's options, the language model's tool schemas and the UI's forms are all generated from
these descriptions, and every call goes through `CalculatorSpec.run`, which checks the argument
names, the required parameters and each value's type before the calculator runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from calculators.coercion import is_blank, to_bool, to_date, to_date_list, to_float, to_int
from calculators.qualification_levels import parse_level
from calculators.result import CalcError, CalcResult

ParamType = Literal["date", "int", "float", "bool", "str", "level", "date_list", "period_list"]

TYPE_LABELS: dict[str, str] = {
    "date": "date AAAA-MM-JJ",
    "int": "nombre entier",
    "float": "nombre",
    "bool": "oui/non",
    "str": "texte",
    "level": "niveau 0 à 8 ou diplôme (CAP, bac, licence…)",
    "date_list": "liste de dates AAAA-MM-JJ",
    "period_list": "liste de périodes début:fin",
}


@dataclass(frozen=True)
class Param:
    """One keyword argument of a calculator.

    `hidden` marks configuration the application supplies (the point-value table's path), which
    is neither asked to the user nor exposed to the language model. `item_keys` lists the optional
    keys a `period_list` item may carry besides `start` and `end` (e.g. `trainees`).
    """

    name: str
    type: ParamType
    help: str
    required: bool = False
    choices: tuple[str, ...] = ()
    hidden: bool = False
    item_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class CalculatorSpec:
    """A calculator as the outside sees it: name, French title and description, parameters, function.

    `partial` marks the rules that decide with missing inputs: they run without their optional
    parameters and list in `CalcResult.missing` only those that could still change the result, so
    a caller asks for those alone (the assistant's router does).
    """

    name: str
    title_fr: str
    description_fr: str
    params: list[Param]
    func: Callable[..., CalcResult] = field(repr=False)
    partial: bool = False

    @property
    def public_params(self) -> list[Param]:
        """Parameters a user or a language model provides (hidden configuration left out)."""
        return [p for p in self.params if not p.hidden]

    def run(self, **kwargs: Any) -> CalcResult:
        """Coerce JSON-like arguments, check them against `params`, and run the calculator."""
        return self.func(**coerce_arguments(self, kwargs))


def to_str(value: Any, param: Param) -> str:
    """A text, matched case-insensitively to the parameter's choices when it has some."""
    if not isinstance(value, str | int | float):
        raise CalcError(f"« {param.name} » : texte attendu, reçu {value!r}.")
    text = str(value).strip()
    if param.choices:
        for choice in param.choices:
            if choice.lower() == text.lower():
                return choice
        raise CalcError(
            f"« {param.name} » : valeur inconnue « {text} » (valeurs possibles : {', '.join(param.choices)})."
        )
    return text


def to_period(item: Any, param: Param) -> dict[str, Any]:
    """A period `{start, end, ...}` from a mapping, a `[start, end]` pair or "START:END[:N]"."""
    if isinstance(item, str):
        parts = [p.strip() for p in item.split(":")]
        if len(parts) not in (2, 3) or (len(parts) == 3 and not param.item_keys):
            raise CalcError(f"« {param.name} » : période attendue sous la forme DÉBUT:FIN, reçu « {item} ».")
        item = dict(zip(("start", "end", *param.item_keys), parts, strict=False))
    elif isinstance(item, list | tuple):
        if len(item) != 2:
            raise CalcError(f"« {param.name} » : période attendue sous la forme [début, fin].")
        item = {"start": item[0], "end": item[1]}
    if not isinstance(item, Mapping):
        raise CalcError(f"« {param.name} » : période attendue (objet avec « start » et « end »), reçu {item!r}.")
    unknown = set(item) - {"start", "end", *param.item_keys}
    if unknown:
        raise CalcError(f"« {param.name} » : champ(s) inconnu(s) {', '.join(sorted(map(str, unknown)))}.")
    for key in ("start", "end"):
        if is_blank(item.get(key)):
            raise CalcError(f"« {param.name} » : chaque période doit avoir une date « {key} ».")
    period: dict[str, Any] = {
        "start": to_date(item["start"], f"{param.name}.start"),
        "end": to_date(item["end"], f"{param.name}.end"),
    }
    for key in param.item_keys:
        if not is_blank(item.get(key)):
            period[key] = to_int(item[key], f"{param.name}.{key}")
    return period


def coerce_value(param: Param, value: Any) -> Any:
    """Convert one JSON-like value to the parameter's type, or raise `CalcError`."""
    if param.type == "date":
        return to_date(value, param.name)
    if param.type == "int":
        return to_int(value, param.name)
    if param.type == "float":
        return to_float(value, param.name)
    if param.type == "bool":
        return to_bool(value, param.name)
    if param.type == "str":
        return to_str(value, param)
    if param.type == "level":
        return parse_level(value)
    if param.type == "date_list":
        return to_date_list(value, param.name)
    if param.type == "period_list":
        items = value if isinstance(value, list | tuple) else [value]
        return [to_period(item, param) for item in items]
    raise CalcError(f"Type de paramètre inconnu : {param.type}.")  # pragma: no cover - catalogue error


def coerce_arguments(spec: CalculatorSpec, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """Check names, required parameters and types; blank optional values count as absent."""
    known = {p.name: p for p in spec.params}
    unknown = sorted(set(kwargs) - set(known))
    if unknown:
        raise CalcError(
            f"Paramètre(s) inconnu(s) pour {spec.name} : {', '.join(unknown)} (attendus : "
            f"{', '.join(p.name for p in spec.public_params)})."
        )
    values: dict[str, Any] = {}
    for param in spec.params:
        raw = kwargs.get(param.name)
        if is_blank(raw) or (isinstance(raw, list | tuple) and not raw and param.required):
            if param.required:
                raise CalcError(f"Paramètre obligatoire manquant : « {param.name} » ({param.help}).")
            continue
        values[param.name] = coerce_value(param, raw)
    return values
