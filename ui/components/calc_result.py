"""A calculator's result, as `CalcResult.to_dict()` gives it: summary, figure, formula, steps, articles."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import streamlit as st

from assistant.catalog import format_date_fr
from ui.components.text import escape_markdown


def french_date(value: str) -> str:
    """ "2027-03-01" → "1er mars 2027"; anything else unchanged."""
    try:
        day = date.fromisoformat(value)
    except (TypeError, ValueError):
        return value
    return format_date_fr(day)


def figure(result: Mapping[str, Any]) -> str:
    """The main figure in words: "35 points", "1er mars 2027", "0,5 jour", "éligible"."""
    value, unit = result.get("value"), str(result.get("unit") or "")
    if value is None or value == "":
        return ""
    if unit == "date":
        return french_date(str(value))
    if isinstance(value, float):
        text = f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", "\u202f").replace(".", ",")
    elif isinstance(value, int) and not isinstance(value, bool):
        text = f"{value:,}".replace(",", "\u202f")
    else:
        text = str(value)
    return f"{text} {unit}".strip()


def _summary_box(result: Mapping[str, Any]) -> None:
    summary = escape_markdown(str(result.get("summary", "")))
    verdict = result.get("eligible", result.get("certified"))
    if verdict is True:
        st.success(summary, icon=":material/check_circle:")
    elif verdict is False:
        st.warning(summary, icon=":material/block:")
    else:
        st.info(summary, icon=":material/calculate:")


def render_steps(result: Mapping[str, Any]) -> None:
    """Formula, numbered reasoning, points of attention and articles applied."""
    st.markdown("**Formule**")
    st.code(str(result.get("formula", "")), language=None, wrap_lines=True)
    steps = result.get("steps") or []
    if steps:
        st.markdown("**Raisonnement**")
        st.markdown("\n".join(f"{n}. {escape_markdown(str(step))}" for n, step in enumerate(steps, start=1)))
    warnings = result.get("warnings") or []
    if warnings:
        st.markdown("**Points de vigilance**")
        st.markdown("\n".join(f"- {escape_markdown(str(w))}" for w in warnings))
    references = result.get("references") or []
    if references:
        st.markdown("**Articles appliqués**")
        st.markdown("\n".join(f"- {escape_markdown(str(r.get('label', r)))}" for r in references))


def render_result(
    result: Mapping[str, Any], *, title: str = "", show_steps: bool = True, figure_label: str = "Résultat"
) -> None:
    """The whole result: summary box, figure (labelled `figure_label`), then (optionally) the working."""
    if title:
        st.markdown(f"#### {escape_markdown(title)}")
    _summary_box(result)
    shown = figure(result)
    if shown and result.get("unit"):
        st.metric(figure_label, shown)
    if show_steps:
        render_steps(result)


def render_arguments(arguments: Mapping[str, Any], labels: Mapping[str, str] | None = None) -> None:
    """The inputs a calculation used, as a small list (dates in French), each named by its label."""
    if not arguments:
        return
    lines = []
    for name, value in arguments.items():
        shown = ", ".join(_plain(v) for v in value) if isinstance(value, list) else _plain(value)
        label = (labels or {}).get(name) or name.replace("_", " ")
        lines.append(f"- {escape_markdown(label)} : {escape_markdown(shown)}")
    st.markdown("**Données retenues**\n\n" + "\n".join(lines))


def _plain(value: Any) -> str:
    if isinstance(value, Mapping):
        start, end = value.get("start"), value.get("end")
        if start and end:
            extra = f" ({value['trainees']} stagiaires)" if value.get("trainees", 1) not in (1, None) else ""
            return f"du {french_date(str(start))} au {french_date(str(end))}{extra}"
        return ", ".join(f"{k} = {_plain(v)}" for k, v in value.items())
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, str):
        return french_date(value)
    return str(value)
