"""Form fields generated from a calculator's parameters (`Param`, from `assistant.catalog`).

Dates use date pickers, levels a list of the French nomenclature, optional yes/no questions a
three-way choice (not said / yes / no), lists of dates or periods a number of rows and a date
picker per bound. The values go to `CalculatorSpec.run` as they are; the registry coerces and
checks them, so no rule lives here.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import streamlit as st

from assistant.catalog import CASE_LABELS, LEVEL_NAMES, Param

MIN_DATE, MAX_DATE = date(1950, 1, 1), date(2100, 12, 31)
MAX_ROWS = 12
DATE_FORMAT = "DD/MM/YYYY"
UNSET = "Non précisé"
CHOICE_LABELS: dict[str, str] = {**CASE_LABELS, "CDI": "CDI", "CDD": "CDD"}
COUNT_LABELS = {
    "missions": "Nombre de missions de tutorat",
    "actions": "Nombre d'actions de formation animées",
    "interviews": "Nombre d'entretiens professionnels déjà réalisés",
    "bilans": "Nombre d'entretiens de bilan déjà réalisés",
}
LIST_ITEM_WORDS = {
    "missions": "Mission",
    "actions": "Action",
    "interviews": "Entretien",
    "bilans": "Bilan",
}


def plain_label(param: Param, capital: bool = True) -> str:
    """The parameter's help without the command-line examples ("(ex. 2025-02-01:2025-06-20)")."""
    text = re.sub(r"\s*\(ex\.[^)]*\)", "", param.help)
    return text[:1].upper() + text[1:] if capital else text


def label_for(param: Param) -> str:
    """The field's label: the plain help, starred when required."""
    return plain_label(param) + (" *" if param.required else "")


def _date(param: Param, key: str, label: str | None = None) -> date | None:
    value = st.date_input(
        label or label_for(param),
        value=None,
        min_value=MIN_DATE,
        max_value=MAX_DATE,
        format=DATE_FORMAT,
        key=key,
    )
    return value if isinstance(value, date) else None


def _bool(param: Param, key: str) -> bool | None:
    choice = st.radio(label_for(param), [UNSET, "Oui", "Non"], horizontal=True, key=key)
    return None if choice == UNSET else choice == "Oui"


def _level(param: Param, key: str) -> int | None:
    options: list[int | None] = [None, *LEVEL_NAMES]
    return st.selectbox(
        label_for(param),
        options,
        format_func=lambda level: UNSET if level is None else LEVEL_NAMES[level],
        key=key,
    )


def _choice(param: Param, key: str) -> str | None:
    options: list[str | None] = [*param.choices] if param.required else [None, *param.choices]
    return st.selectbox(
        label_for(param),
        options,
        format_func=lambda value: UNSET if value is None else CHOICE_LABELS.get(value, value),
        key=key,
    )


def _rows(param: Param, key: str) -> int:
    word = LIST_ITEM_WORDS.get(param.name, "Élément")
    label = COUNT_LABELS.get(param.name, f"{label_for(param)} — nombre")
    return int(
        st.number_input(
            label + (" *" if param.required and not label.endswith("*") else ""),
            min_value=1 if param.required else 0,
            max_value=MAX_ROWS,
            value=1 if param.required else 0,
            step=1,
            key=f"{key}-count",
            help=f"Nombre de lignes « {word} » à saisir.",
        )
    )


def _date_list(param: Param, key: str) -> list[date]:
    count = _rows(param, key)
    word = LIST_ITEM_WORDS.get(param.name, "Date")
    values = []
    columns = st.columns(3)
    for index in range(count):
        with columns[index % 3]:
            day = _date(param, f"{key}-{index}", f"{word} {index + 1}")
        if day:
            values.append(day)
    return values


def _period_list(param: Param, key: str) -> list[dict[str, Any]]:
    count = _rows(param, key)
    word = LIST_ITEM_WORDS.get(param.name, "Période")
    periods = []
    for index in range(count):
        columns = st.columns(3 if "trainees" in param.item_keys else 2)
        with columns[0]:
            start = _date(param, f"{key}-{index}-start", f"{word} {index + 1} : début")
        with columns[1]:
            end = _date(param, f"{key}-{index}-end", f"{word} {index + 1} : fin")
        period: dict[str, Any] = {"start": start, "end": end}
        if "trainees" in param.item_keys:
            with columns[2]:
                period["trainees"] = int(
                    st.number_input(
                        f"{word} {index + 1} : stagiaires",
                        min_value=1,
                        max_value=10,
                        value=1,
                        step=1,
                        key=f"{key}-{index}-trainees",
                    )
                )
        if start or end:
            periods.append(period)
    return periods


def field(param: Param, key: str) -> Any:
    """One input widget for `param`; returns its value, None when left empty."""
    if param.type == "date":
        return _date(param, key)
    if param.type == "bool":
        return _bool(param, key)
    if param.type == "level":
        return _level(param, key)
    if param.type == "int":
        return st.number_input(label_for(param), value=None, step=1, min_value=0, key=key, placeholder=UNSET)
    if param.type == "float":
        return st.number_input(
            label_for(param), value=None, step=1.0, min_value=0.0, format="%.2f", key=key, placeholder=UNSET
        )
    if param.type == "date_list":
        return _date_list(param, key) or None
    if param.type == "period_list":
        return _period_list(param, key) or None
    if param.choices:
        return _choice(param, key)
    return st.text_input(label_for(param), key=key, placeholder=UNSET).strip() or None


def fields(params: list[Param], key: str) -> tuple[dict[str, Any], list[str]]:
    """Widgets for every parameter; the filled values and the labels of missing required ones."""
    values: dict[str, Any] = {}
    missing: list[str] = []
    for param in params:
        value = field(param, f"{key}-{param.name}")
        if value is None:
            if param.required:
                missing.append(plain_label(param, capital=False))
            continue
        values[param.name] = value
    return values, missing
