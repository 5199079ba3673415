"""Access (`CCN_UI_PASSWORD`): no page of the app renders, and no backend call happens, before login.

Complements tests/ui/test_access.py (login page, wrong then right password, off by default) with
every page: before login none is registered, nothing is indexed, asked or listed; after login each
renders; logging out forgets the session and closes every page again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from assistant.settings import REPO_ROOT, get_settings
from tests.ui.conftest import APP, FakeAssistant

PASSWORD = "mot-de-passe-de-test-ç"
PAGES = {
    "views/chat.py": "Questions sur les accords",
    "views/calculators.py": "Calculateurs",
    "views/interview.py": "Préparer un entretien professionnel",
    "views/documents.py": "Documents indexés",
}


class CountingAssistant(FakeAssistant):
    """Records every call the pages make."""

    def __init__(self, pdf_dir: Path) -> None:
        super().__init__(pdf_dir)
        self.calls: list[str] = []

    def documents(self) -> list[dict[str, Any]]:
        self.calls.append("documents")
        return super().documents()

    def ensure_index(self, progress: Any = None) -> None:
        self.calls.append("ensure_index")
        super().ensure_index(progress)


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CountingAssistant]:
    from assistant import service

    monkeypatch.setenv("CCN_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CCN_UI_PASSWORD", PASSWORD)
    get_settings.cache_clear()
    fake = CountingAssistant(REPO_ROOT / "corpus" / "pdf")
    monkeypatch.setattr(service, "get_assistant", lambda: fake)
    yield fake
    get_settings.cache_clear()


def _login(at: AppTest, password: str = PASSWORD) -> None:
    at.text_input(key="ui_password_input").input(password)
    next(b for b in at.button if b.label == "Se connecter").click().run()


def _assert_locked(at: AppTest) -> None:
    assert [t.value for t in at.title] == ["Assistant formation — accès réservé"]
    assert not at.chat_input and not at.get("file_uploader") and not at.get("download_button")
    assert not any(b.label in ("Se déconnecter", "Nouvelle conversation") for b in at.button)
    for page in PAGES:
        with pytest.raises(ValueError, match=r"Known pages: \['Connexion'\]"):
            at.switch_page(page)


def test_no_page_and_no_backend_call_before_login(locked: CountingAssistant) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    _assert_locked(at)
    _login(at, "pas le bon")
    assert any("Mot de passe incorrect" in e.value for e in at.error)
    _assert_locked(at)
    assert locked.calls == [] and locked.questions == [] and locked.uploads == [] and locked.indexed == 0


def test_every_page_renders_after_login_and_logout_closes_them(locked: CountingAssistant) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    _login(at)
    assert not at.exception
    for page, title in PAGES.items():
        at.switch_page(page).run()
        assert not at.exception, page
        assert title in [t.value for t in at.title], page
    at.switch_page("views/chat.py").run()
    at.chat_input[0].set_value("Combien de points pour la prime de tutorat ?").run()
    assert at.session_state["chat_history"]
    next(b for b in at.button if b.label == "Se déconnecter").click().run()
    _assert_locked(at)
    assert "chat_history" not in at.session_state
    calls = len(locked.calls)
    at.run()  # a rerun after logout still shows nothing and calls nothing
    _assert_locked(at)
    assert len(locked.calls) == calls
