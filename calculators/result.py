"""The result object every calculator returns, and the error it raises on impossible input."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


class CalcError(ValueError):
    """Impossible or incoherent input. The message is French and meant for the end user."""


@dataclass(frozen=True)
class Reference:
    """An article a rule comes from: `section` uses the document's own numbering ("4.3", "2")."""

    document: str
    section: str
    label: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class CalcResult:
    """What a calculator found, and how.

    `value`/`unit` hold the main figure (e.g. 35, "points"); `eligible` is set for eligibility
    rules, `certified` for the CQP grade. `summary` is one French sentence stating the result,
    `formula` the rule in one line, `steps` the reasoning, `references` the articles applied,
    `warnings` what the user must still check. `details` holds secondary figures (dates, caps).

    Partial inputs, publicodes-style: a rule's conditions are true, false or unknown. `missing`
    names the parameters (as in the calculator's spec) that are not given and whose value could
    still change the result; it is empty once the known inputs decide it, even if some are absent
    (a doctorate closes the Pro-A whatever the contract). An undecided yes/no rule has
    `eligible=None` (or `certified=None`); `verdict` names that key ("eligible", "certified") for
    yes/no rules, so it is always serialised and `null` reads "not decided". Inputs that describe an
    exception (a threatened job, a provider far away) default to "no" with a warning instead of
    being listed.
    """

    name: str
    value: float | int | str | None
    unit: str
    summary: str
    formula: str
    steps: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    eligible: bool | None = None
    certified: bool | None = None
    details: dict[str, Any] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    verdict: str = ""

    @property
    def decided(self) -> bool:
        """True when no absent input could still change the result."""
        return not self.missing

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form used by the answer contract (`tool_calls[].result`)."""
        data: dict[str, Any] = {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "summary": self.summary,
            "formula": self.formula,
            "steps": list(self.steps),
            "references": [r.to_dict() for r in self.references],
            "warnings": list(self.warnings),
            "details": _jsonable(self.details),
            "missing": list(self.missing),
        }
        if self.eligible is not None or self.verdict == "eligible":
            data["eligible"] = self.eligible
        if self.certified is not None or self.verdict == "certified":
            data["certified"] = self.certified
        return data


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
