"""Optional password (`CCN_UI_PASSWORD`): until it is given, no page of the application renders."""

from __future__ import annotations

import hmac

import streamlit as st

from ui import backend

SESSION_KEY = "ui_authenticated"


def password_required() -> bool:
    return bool(backend.settings().ui_password)


def authenticated() -> bool:
    return not password_required() or bool(st.session_state.get(SESSION_KEY))


def check_password(given: str, expected: str) -> bool:
    """Constant-time comparison; an empty expected password never matches."""
    return bool(expected) and hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _submit() -> None:
    given = str(st.session_state.get("ui_password_input", ""))
    st.session_state["ui_password_input"] = ""
    if check_password(given, backend.settings().ui_password):
        st.session_state[SESSION_KEY] = True
        st.session_state.pop("ui_password_error", None)
    else:
        st.session_state["ui_password_error"] = True


def login_page() -> None:
    st.title("Assistant formation — accès réservé")
    with st.form("login"):
        st.text_input("Mot de passe", type="password", key="ui_password_input")
        st.form_submit_button("Se connecter", type="primary", on_click=_submit)
    if st.session_state.get("ui_password_error"):
        st.error("Mot de passe incorrect.")


def logout() -> None:
    for key in list(st.session_state):
        del st.session_state[key]
