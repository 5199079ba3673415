"""The interview sheet's exports (issue #19, defect 4): built on click, gone from the media store at logout.

The export with the employee's name stayed downloadable from its `/media/...` address, without a
cookie, even after "Se déconnecter": it was built with the sheet and handed to Streamlit's media
store, which serves any stored file to whoever has its address. Now the page keeps only the sheet;
each export is built when its button is clicked (deferred download), and logging out clears the
sheet, its buttons and this session's files in the media store.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from streamlit.runtime import get_instance
from streamlit.testing.v1 import AppTest

from assistant.settings import REPO_ROOT, get_settings
from tests.ui.conftest import APP, FakeAssistant

PASSWORD = "mot-de-passe-de-test"
NAME = "Zéphyrine Kraskowiak"


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from assistant import service

    monkeypatch.setenv("CCN_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CCN_UI_PASSWORD", PASSWORD)
    get_settings.cache_clear()
    fake = FakeAssistant(REPO_ROOT / "corpus" / "pdf")
    monkeypatch.setattr(service, "get_assistant", lambda: fake)
    yield
    get_settings.cache_clear()


def _stored_with_name() -> list[str]:
    """Files in Streamlit's media store (what `/media/<id>` serves) holding the employee's name."""
    try:
        storage = get_instance().media_file_mgr._storage
    except Exception:
        return []
    files = getattr(storage, "_files_by_id", {})
    return [i for i, f in files.items() if NAME.encode() in bytes(f.content)]


def test_exports_are_built_on_click_and_forgotten_at_logout(locked: None) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.text_input(key="ui_password_input").input(PASSWORD)
    next(b for b in at.button if b.label == "Se connecter").click().run()
    at.switch_page("views/interview.py").run()
    at.text_input(key="iv_name").input(NAME)
    at.selectbox(key="iv_contract").set_value("CDI")
    at.date_input(key="iv_org_start").set_value(date(2015, 3, 1))
    at.run()
    next(b for b in at.button if b.label == "Préparer la fiche").click().run()
    assert not at.exception
    assert len(at.get("download_button")) == 2
    assert set(at.session_state["iv_sheet"]) == {"profile", "sheet"}, "an export was built before any click"
    for button in at.get("download_button"):
        assert button.proto.HasField("deferred_file_id"), "the export is not built on demand"
    assert _stored_with_name() == []

    next(b for b in at.button if b.label == "Se déconnecter").click().run()
    assert "iv_sheet" not in at.session_state
    assert not at.get("download_button")
    at.text_input(key="ui_password_input").input(PASSWORD)
    next(b for b in at.button if b.label == "Se connecter").click().run()
    at.switch_page("views/interview.py").run()
    assert not at.get("download_button") and "iv_sheet" not in at.session_state
    assert _stored_with_name() == []
