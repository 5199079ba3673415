"""Optional password: with CCN_UI_PASSWORD set, nothing renders before it is given."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from assistant.settings import get_settings
from tests.ui.conftest import APP, FakeAssistant
from ui.auth import check_password


@pytest.fixture
def password(fake_assistant: FakeAssistant, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CCN_UI_PASSWORD", "s3cret-ç")
    get_settings.cache_clear()
    return "s3cret-ç"


def test_no_page_before_the_password(password: str, fake_assistant: FakeAssistant) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert at.title[0].value == "Assistant formation — accès réservé"
    assert not at.chat_input
    assert fake_assistant.indexed == 0
    with pytest.raises(ValueError, match="Known pages: \\['Connexion'\\]"):
        at.switch_page("views/interview.py")  # the other pages are not even registered


def test_wrong_then_right_password(password: str, fake_assistant: FakeAssistant) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.text_input(key="ui_password_input").input("non")
    at.button[0].click().run()
    assert any("Mot de passe incorrect" in e.value for e in at.error)
    assert not at.chat_input
    at.text_input(key="ui_password_input").input(password)
    at.button[0].click().run()
    assert not at.exception
    assert at.chat_input
    assert any(b.label == "Se déconnecter" for b in at.button)


def test_off_by_default(fake_assistant: FakeAssistant) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert at.chat_input


def test_check_password() -> None:
    assert check_password("abc", "abc")
    assert not check_password("abd", "abc")
    assert not check_password("", "")
