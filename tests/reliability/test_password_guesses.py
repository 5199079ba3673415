"""Password guesses (issue #19, defect 5): a growing delay per client, and a limit for all clients together.

The probe tried about 17 passwords a second over parallel sessions, never slowed. The throttle is
tested with a fake clock, then through the app: after the free tries, even the right password is
refused until the delay has passed, and other sessions are not affected by one client's delay.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.settings import REPO_ROOT, get_settings
from tests.ui.conftest import APP, FakeAssistant
from ui import login_throttle
from ui.login_throttle import LoginThrottle

PASSWORD = "mot-de-passe-de-test"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_each_failure_past_the_free_tries_doubles_the_delay() -> None:
    clock = Clock()
    throttle = LoginThrottle(free_tries=3, base_delay_s=2, max_delay_s=60, clock=clock)
    waits = []
    for _ in range(9):
        assert throttle.wait_s("a") == 0
        throttle.failed("a")
        waits.append(throttle.wait_s("a"))
        clock.now += waits[-1]
    assert waits == [0, 0, 2, 4, 8, 16, 32, 60, 60]
    assert throttle.wait_s("b") == 0  # another client is not slowed by this one
    throttle.succeeded("a")
    assert throttle.wait_s("a") == 0


def test_many_clients_together_hit_the_overall_limit() -> None:
    clock = Clock()
    throttle = LoginThrottle(free_tries=3, overall_limit=30, window_s=60, clock=clock)
    for n in range(30):  # one guess from each of 30 addresses within 29 seconds
        assert throttle.wait_s(f"ip:{n}") == 0
        throttle.failed(f"ip:{n}")
        clock.now += 1
    assert throttle.wait_s("ip:new") == 30  # until the first failure leaves the minute
    clock.now += 30
    assert throttle.wait_s("ip:new") == 0


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from assistant import service

    monkeypatch.setenv("CCN_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CCN_UI_PASSWORD", PASSWORD)
    monkeypatch.setattr(login_throttle, "THROTTLE", LoginThrottle(base_delay_s=60))
    monkeypatch.setattr("ui.auth.THROTTLE", login_throttle.THROTTLE)
    get_settings.cache_clear()
    fake = FakeAssistant(REPO_ROOT / "corpus" / "pdf")
    monkeypatch.setattr(service, "get_assistant", lambda: fake)
    yield
    get_settings.cache_clear()


def _try(at: AppTest, password: str) -> list[str]:
    at.text_input(key="ui_password_input").input(password)
    next(b for b in at.button if b.label == "Se connecter").click().run()
    return [e.value for e in at.error]


def test_the_app_refuses_even_the_right_password_during_the_delay(locked: None) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    for _ in range(3):
        assert _try(at, "mauvais") == ["Mot de passe incorrect."]
    refused = _try(at, PASSWORD)
    assert len(refused) == 1 and refused[0].startswith("Trop de tentatives : réessayez dans "), refused
    assert "ui_authenticated" not in at.session_state

    other = AppTest.from_file(APP, default_timeout=60)  # another browser session: not slowed
    other.run()
    assert _try(other, PASSWORD) == []
    assert other.session_state["ui_authenticated"]
