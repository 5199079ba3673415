"""The amendment description (`corpus/amendments.json`): which avenant changes which article, how, from when.

Consolidation is driven by data so that a new avenant means a new entry in the JSON file, not new
code. This module validates that description and turns it into typed `Amendment`s and
`Operation`s, with a French error naming the faulty entry; `knowledge.consolidation.apply` applies them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

OPERATIONS = (
    "insert_paragraph",
    "append_to_list",
    "replace_article",
    "create_article",
    "renumber",
    "append_paragraphs",
)


class ConsolidationError(ValueError):
    """The amendment description does not fit the parsed texts (missing article, no quote…)."""


@dataclass(frozen=True)
class Operation:
    op: str
    source: str  # avenant article (section number) whose text carries the new wording
    target: str = ""  # article number in force when the operation applies
    number: str = ""  # create_article: number of the new article
    after: str = ""  # create_article: article it follows; append_to_list: text marker
    position: str = "end"
    quote: int = 1  # which « … » quotation of the source article (1-based)
    mapping: Mapping[str, str] = field(default_factory=dict)  # renumber: old → new
    items: tuple[str, ...] = ()  # append_to_list: list entries, checked against the avenant text
    heading: str = ""
    effective_from: date | None = None  # None: the amendment's date
    effective_note: str = ""
    date_certain: bool = True


@dataclass(frozen=True)
class Amendment:
    avenant: str
    target: str
    label: str
    effective_from: date
    effective_note: str
    operations: tuple[Operation, ...]
    signed: date | None = None


def _parse_date(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ConsolidationError(f"{where}: date invalide {value!r}") from exc


def parse_amendments(data: Mapping[str, Any]) -> list[Amendment]:
    """Validate the JSON description and turn it into `Amendment`s."""
    amendments: list[Amendment] = []
    for a_index, raw in enumerate(data.get("amendments", [])):
        where = f"amendments[{a_index}]"
        try:
            avenant, target = str(raw["avenant"]), str(raw["target"])
        except KeyError as exc:
            raise ConsolidationError(f"{where}: champ {exc} manquant") from exc
        signed = _parse_date(raw.get("signed"), where)
        effective = _parse_date(raw.get("effective_from"), where) or signed
        if effective is None:
            raise ConsolidationError(f"{where}: ni 'effective_from' ni 'signed'")
        ops: list[Operation] = []
        for o_index, op in enumerate(raw.get("operations", [])):
            o_where = f"{where}.operations[{o_index}]"
            kind = op.get("op")
            if kind not in OPERATIONS:
                raise ConsolidationError(f"{o_where}: opération inconnue {kind!r}")
            if "source" not in op:
                raise ConsolidationError(f"{o_where}: 'source' (article de l'avenant) manquant")
            if kind == "renumber" and not op.get("mapping"):
                raise ConsolidationError(f"{o_where}: 'mapping' manquant")
            if kind == "create_article" and not op.get("number"):
                raise ConsolidationError(f"{o_where}: 'number' manquant")
            if kind not in ("renumber", "create_article") and not op.get("target"):
                raise ConsolidationError(f"{o_where}: 'target' manquant")
            op_date = _parse_date(op.get("effective_from"), o_where)
            condition = str(op.get("effective_condition", ""))
            ops.append(
                Operation(
                    op=kind,
                    source=str(op["source"]),
                    target=str(op.get("target", "")),
                    number=str(op.get("number", "")),
                    after=str(op.get("after", "")),
                    position=str(op.get("position", "end")),
                    quote=int(op.get("quote", 1)),
                    mapping={str(k): str(v) for k, v in (op.get("mapping") or {}).items()},
                    items=tuple(str(i) for i in op.get("items", ())),
                    heading=str(op.get("heading", "")),
                    effective_from=op_date,
                    effective_note=str(op.get("effective_note", "")) or condition,
                    date_certain=not condition,
                )
            )
        amendments.append(
            Amendment(
                avenant=avenant,
                target=target,
                label=str(raw.get("label") or avenant),
                effective_from=effective,
                effective_note=str(raw.get("effective_note", "")),
                operations=tuple(ops),
                signed=signed,
            )
        )
    return amendments


def load_amendments(path: Path) -> list[Amendment]:
    """Read `corpus/amendments.json` (an absent file means no amendment)."""
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ConsolidationError(f"{path}: JSON invalide ({exc})") from exc
    return parse_amendments(data)
