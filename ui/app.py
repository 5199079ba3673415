"""Streamlit entry point: `ccn-assistant ui` runs `streamlit run ui/app.py`.

Pages (st.navigation): Chat (default), Calculateurs, Préparer un entretien professionnel, Documents.
When `CCN_UI_PASSWORD` is set, only the login page exists until the password is given. On the first
start the shipped corpus is indexed, with a progress bar, if no index exists yet.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts only ui/ on the path
    sys.path.insert(0, str(ROOT))

import logging  # noqa: E402

import streamlit as st  # noqa: E402

from ui import backend  # noqa: E402
from ui.auth import authenticated, login_page, logout  # noqa: E402

log = logging.getLogger("ui.app")
VIEWS = Path(__file__).resolve().parent / "views"
THEME = Path(__file__).resolve().parent / "assets" / "theme.css"  # fixed layout rules, no user data

st.set_page_config(
    page_title="Assistant formation — CCN Sécurité sociale",
    page_icon=":material/menu_book:",
    layout="wide",
)
st.html(THEME)


def ensure_index() -> None:
    """Index the shipped corpus once per process if needed, showing progress."""
    if st.session_state.get("index_ready") or backend.index_checked():
        st.session_state["index_ready"] = True
        return
    holder = st.empty()
    with holder.status("Chargement de l'assistant et de l'index des accords…", expanded=True) as status:
        bar = st.empty()

        def progress(message: str, fraction: float) -> None:
            status.update(label="Première utilisation : indexation des accords fournis (quelques minutes)…")
            bar.progress(min(max(float(fraction), 0.0), 1.0), text=message)

        try:
            lines = backend.ensure_index(progress)
        except Exception as exc:
            log.error("indexing failed: %s", type(exc).__name__, exc_info=True)
            status.update(label="L'index n'a pas pu être construit", state="error")
            from assistant.faults import storage_fault

            fault = storage_fault(exc)
            cause = (
                f"Cause : {fault.message}." if fault else "Détail dans le journal ; relancez `ccn-assistant ingest`."
            )
            st.error(
                "L'indexation des accords a échoué : le chat et la page Documents sont indisponibles. Les "
                f"calculateurs restent utilisables. {cause}"
            )
            return
        bar.empty()
    holder.empty()  # the box served while loading; the chat starts right under the title
    if lines:
        st.toast("Les accords fournis sont indexés : l'assistant est prêt.", icon=":material/check_circle:")
    st.session_state["index_ready"] = True


if not authenticated():
    st.navigation([st.Page(login_page, title="Connexion", icon=":material/lock:")]).run()
    st.stop()

pages = [
    st.Page(VIEWS / "chat.py", title="Chat", icon=":material/forum:", default=True),
    st.Page(VIEWS / "calculators.py", title="Calculateurs", icon=":material/calculate:", url_path="calculateurs"),
    st.Page(
        VIEWS / "interview.py",
        title="Entretien professionnel",
        icon=":material/assignment_ind:",
        url_path="entretien",
    ),
    st.Page(VIEWS / "documents.py", title="Documents", icon=":material/folder_open:", url_path="documents"),
]
page = st.navigation(pages)
with st.sidebar:
    st.caption("Assistant sur les accords de formation professionnelle de la Sécurité sociale (IDCC 218).")
    if backend.settings().ui_password:
        st.button("Se déconnecter", icon=":material/logout:", on_click=logout)
ensure_index()
page.run()
