"""Optional password (`CCN_UI_PASSWORD`): until it is given, no page of the application renders.

Failed attempts are slowed down per client and overall (`ui.login_throttle`).
"""

from __future__ import annotations

import hmac
import logging
import math
import uuid

import streamlit as st

from ui import backend
from ui.login_throttle import THROTTLE

log = logging.getLogger(__name__)

SESSION_KEY = "ui_authenticated"


def password_required() -> bool:
    return bool(backend.settings().ui_password)


def authenticated() -> bool:
    return not password_required() or bool(st.session_state.get(SESSION_KEY))


def check_password(given: str, expected: str) -> bool:
    """Constant-time comparison; an empty expected password never matches."""
    return bool(expected) and hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def client_key() -> str:
    """Who is trying: the client's IP address as Streamlit sees it, else this browser session."""
    try:
        address = st.context.ip_address
    except Exception:  # outside a real server (tests)
        address = None
    if isinstance(address, str) and address:
        return f"ip:{address}"
    key = st.session_state.setdefault("ui_client_key", f"session:{uuid.uuid4().hex}")
    return str(key)


def _submit() -> None:
    given = str(st.session_state.get("ui_password_input", ""))
    st.session_state["ui_password_input"] = ""
    client = client_key()
    wait = THROTTLE.wait_s(client)
    if wait > 0:  # not even checked: a guess during the delay tells nothing
        st.session_state["ui_password_error"] = f"Trop de tentatives : réessayez dans {math.ceil(wait)} s."
        return
    if check_password(given, backend.settings().ui_password):
        THROTTLE.succeeded(client)
        st.session_state[SESSION_KEY] = True
        st.session_state.pop("ui_password_error", None)
    else:
        THROTTLE.failed(client)
        log.warning("wrong UI password from %s", client)
        st.session_state["ui_password_error"] = "Mot de passe incorrect."


def login_page() -> None:
    st.title("Assistant formation — accès réservé")
    with st.form("login"):
        st.text_input("Mot de passe", type="password", key="ui_password_input")
        st.form_submit_button("Se connecter", type="primary", on_click=_submit)
    error = st.session_state.get("ui_password_error")
    if error:
        st.error(str(error) if isinstance(error, str) else "Mot de passe incorrect.")


def logout() -> None:
    """Forget the session (profile, sheet, chat) and the files it was sent, such as a sheet export."""
    for key in list(st.session_state):
        del st.session_state[key]
    forget_session_files()


def forget_session_files() -> None:
    """Remove this session's files from Streamlit's media store now rather than two reruns later.

    A download file is served from `/media/<id>` to anyone who has the address, without a cookie;
    Streamlit only marks an unreferenced download for deletion on one rerun and deletes it on the
    next, so an export would outlive the logout.
    """
    try:
        from streamlit.runtime import get_instance
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        manager = get_instance().media_file_mgr
        if ctx is None:
            return
        manager.clear_session_refs(ctx.session_id)
        manager.remove_orphaned_files()  # marks the session's downloads
        manager.remove_orphaned_files()  # deletes them
    except Exception:  # no runtime (tests) or another Streamlit: the session state is gone anyway
        log.debug("media store not cleared", exc_info=True)
