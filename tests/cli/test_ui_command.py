"""`ccn-assistant ui` on a new machine: no question asked, the address printed in French (#22).

Each test starts the real command (`python -m cli.main ui`) as a user's `make run` would, but with
a brand-new HOME, no standard input and no terminal, then checks that Streamlit's health endpoint
answers, that nothing was asked, that the address was printed in French, and that nothing was
written into the home directory.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assistant.settings import REPO_ROOT
from cli.commands.ui import addresses, startup_message, streamlit_command
from tests.servers import free_port, stop_process

PROMPT_WORDS = ("Email", "e-mail", "Welcome to Streamlit", "You can now view", "gatherUsageStats", "skills")


def _start(tmp_path: Path, env_extra: dict[str, str]) -> tuple[subprocess.Popen[bytes], int, Path, Path]:
    home = tmp_path / "home"
    home.mkdir()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY", "BROWSER"}}
    env.update(
        {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "CCN_DATA_DIR": str(tmp_path / "data"),
            "PYTHONPATH": str(REPO_ROOT),
            **env_extra,
        }
    )
    log_path = tmp_path / "ui.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "cli.main", "ui", "--port", str(port)],
            cwd=tmp_path,  # not the repository: no project config.toml to lean on
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,  # no controlling terminal
        )
    return proc, port, home, log_path


def _wait_healthy(proc: subprocess.Popen[bytes], port: int, log_path: Path) -> None:
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                if response.status == 200 and response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        if proc.poll() is not None:
            pytest.fail(f"l'interface s'est arrêtée (code {proc.returncode}) : {log_path.read_text()[-3000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"l'interface ne répond pas après 90 s : {log_path.read_text()[-3000:]}")
        time.sleep(0.3)


@pytest.mark.parametrize(
    "desktop",
    [False, True],
    ids=["sans-ecran", "avec-ecran"],
)
def test_ui_starts_on_a_new_machine_without_terminal(tmp_path: Path, desktop: bool) -> None:
    """The README's `make run`: fresh HOME, stdin closed, no terminal; with and without a desktop.

    With a desktop the browser is opened (a stand-in `xdg-open` records where): that is the path
    where Streamlit used to ask for an e-mail.
    """
    extra: dict[str, str] = {}
    opened = tmp_path / "opened.txt"
    if desktop:  # a stand-in `xdg-open` first on PATH records the address instead of opening a browser
        fake_bin = tmp_path / "bin"
        fake_bin.mkdir()
        xdg_open = fake_bin / "xdg-open"
        xdg_open.write_text(f'#!/bin/sh\necho "$1" >> {opened}\n', encoding="utf-8")
        xdg_open.chmod(0o755)
        extra = {"DISPLAY": ":99", "BROWSER": "true", "PATH": str(fake_bin) + os.pathsep + os.environ["PATH"]}
    proc, port, home, log_path = _start(tmp_path, extra)
    try:
        _wait_healthy(proc, port, log_path)
        time.sleep(1.0)  # let Streamlit print whatever it prints after starting
    finally:
        stop_process(proc)
    output = log_path.read_text(encoding="utf-8", errors="replace")
    assert proc.returncode is not None
    for word in PROMPT_WORDS:
        assert word.lower() not in output.lower(), (word, output)
    assert "Adresse à ouvrir dans votre navigateur" in output, output
    assert f"http://127.0.0.1:{port}" in output
    assert ("Le navigateur va s'ouvrir" in output) is desktop
    if desktop:
        assert opened.read_text().split() == [f"http://127.0.0.1:{port}"]  # the browser is sent there
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    assert written == [], f"fichiers écrits dans HOME : {written}"


def test_command_line_carries_every_first_run_setting() -> None:
    """Settings on the command line, not in ~/.streamlit: they win over any user config file."""
    options = dict(zip(*[iter(streamlit_command(8501, "127.0.0.1", headless=False)[5:])] * 2))
    assert options["--server.showEmailPrompt"] == "false"
    assert options["--browser.gatherUsageStats"] == "false"
    assert options["--logger.hideWelcomeMessage"] == "true"
    assert options["--server.headless"] == "false"


def test_startup_message_is_french_and_names_every_address() -> None:
    assert addresses(8501, "127.0.0.1") == ["http://127.0.0.1:8501"]
    assert addresses(8501, "0.0.0.0")[0] == "http://localhost:8501"
    message = startup_message(8501, "0.0.0.0", headless=True)
    assert "Adresses à ouvrir" in message and "Ctrl+C" in message
    assert "navigateur va s'ouvrir" not in message
