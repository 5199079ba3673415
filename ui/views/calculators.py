"""Calculateurs: one form per calculator of the registry, result with its working and articles."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import streamlit as st

from assistant.catalog import CALCULATORS, CalcError, CalculatorSpec, load_point_values, value_on
from ui import backend
from ui.components.calc_form import fields
from ui.components.calc_result import french_date, render_result
from ui.components.text import escape_markdown

log = logging.getLogger(__name__)

POINT_FILE = "point_values_file"
RESULTS = "calc_results"


def point_value_assumption() -> None:
    """Show the configured point value (the texts do not fix it), or say none is configured."""
    file = backend.settings().point_values_file
    try:
        row = value_on(load_point_values(file), date.today())
    except CalcError as exc:
        st.error(f"Table des valeurs du point illisible : {escape_markdown(str(exc))}")
        return
    if row is None:
        st.info(
            "Hypothèse : aucune valeur du point n'est configurée, les primes restent en points. Indiquez la "
            "valeur du point ci-dessous si vous la connaissez (l'administrateur de l'assistant peut aussi la "
            "renseigner pour tous).",
            icon=":material/info:",
        )
        return
    source = f" ({escape_markdown(row.source)})" if row.source else ""
    amount = f"{row.value:f}".rstrip("0").rstrip(".").replace(".", ",")
    st.info(
        f"Hypothèse : valeur du point de **{amount} €**, en vigueur depuis le "
        f"{french_date(row.effective_from.isoformat())}{source}. Les textes sur la formation ne fixent pas "
        "cette valeur : elle relève des accords salariaux.",
        icon=":material/info:",
    )


def _run(spec: CalculatorSpec, values: dict[str, Any]) -> dict[str, Any]:
    arguments = dict(values)
    if any(p.name == POINT_FILE for p in spec.params):
        arguments[POINT_FILE] = str(backend.settings().point_values_file)
    try:
        return {"result": spec.run(**arguments).to_dict()}
    except CalcError as exc:
        return {"error": str(exc)}
    except Exception as exc:
        log.error("calculator %s failed: %s", spec.name, type(exc).__name__, exc_info=True)
        return {"error": "Le calcul n'a pas pu aboutir à cause d'une erreur interne : réessayez ou signalez-le."}


st.title("Calculateurs")
st.caption(
    "Calculs déterministes des règles des accords : chaque résultat montre sa formule, son raisonnement et "
    "les articles appliqués."
)
names = list(CALCULATORS)
name = st.selectbox(
    "Calculateur",
    names,
    format_func=lambda n: CALCULATORS[n].title_fr,
    key="calc_name",
)
spec = CALCULATORS[name]
st.markdown(escape_markdown(spec.description_fr))
if any(p.name == POINT_FILE for p in spec.params):
    point_value_assumption()

with st.container(border=True):
    values, missing = fields(spec.public_params, key=f"calc-{name}")
    st.caption("\\* champ obligatoire")
    clicked = st.button("Calculer", type="primary", key=f"calc-{name}-run", icon=":material/calculate:")

results: dict[str, dict[str, Any]] = st.session_state.setdefault(RESULTS, {})
if clicked:
    if missing:
        results[name] = {"values": values, "error": "À renseigner : " + " ; ".join(missing) + "."}
    else:
        results[name] = {"values": values, **_run(spec, values)}

outcome = results.get(name)
if outcome is not None:
    if outcome["values"] != values:
        st.caption("Les données ont changé : cliquez sur « Calculer » pour mettre le résultat à jour.")
    elif "error" in outcome:
        st.error(escape_markdown(outcome["error"]), icon=":material/error:")
    else:
        st.subheader("Résultat")
        render_result(outcome["result"], figure_label=spec.title_fr)
