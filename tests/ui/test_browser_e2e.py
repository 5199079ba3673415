"""End to end in a real headless Chromium: `ccn-assistant ui` serves the app, a question gets an
answer with a citation, and a screenshot is saved to `artifacts/ui-chat.png`."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.settings import REPO_ROOT

pytestmark = pytest.mark.integration

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = REPO_ROOT / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
QUESTION = "Combien de points pour la prime de tutorat ?"
START_TIMEOUT_S = 60
INDEX_TIMEOUT_S = 540  # first start on an empty data dir indexes the corpus (about 4 min on 2 busy cores)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"ccn-assistant ui exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


@pytest.fixture
def server(real_data_dir: Path, tmp_path: Path) -> Iterator[str]:
    """`ccn-assistant ui --headless` on a free port of 127.0.0.1, stopped after the test."""
    port = _free_port()
    env = {**os.environ, "CCN_DATA_DIR": str(real_data_dir), "PYTHONUNBUFFERED": "1"}
    env.pop("CCN_UI_PASSWORD", None)
    log = (tmp_path / "ui.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "ui", "--headless", "--port", str(port)],
        cwd=REPO_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, START_TIMEOUT_S)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.mark.timeout(900)
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium absent (Debian: apt-get install -y chromium)")
def test_question_answer_and_citation_in_chromium(server: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install playwright)")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1600}, locale="fr-FR")
            page.goto(server, timeout=START_TIMEOUT_S * 1000)
            box = page.get_by_test_id("stChatInputTextArea")
            box.wait_for(timeout=INDEX_TIMEOUT_S * 1000)  # after indexing, if it was needed
            box.fill(QUESTION)
            box.press("Enter")
            answer = page.get_by_test_id("stChatMessage").filter(has_text="7 points")
            answer.first.wait_for(timeout=120_000)
            citation = page.get_by_test_id("stCaptionContainer").filter(has_text="4.3")
            citation.first.wait_for(timeout=60_000)
            page.get_by_test_id("stImage").first.wait_for(timeout=60_000)  # highlighted page
            page.wait_for_timeout(1000)
            page.screenshot(path=str(ARTIFACTS / "ui-chat.png"), full_page=True)
            assert QUESTION in page.get_by_test_id("stChatMessage").first.inner_text()
            assert "7 points" in answer.first.inner_text()
        finally:
            browser.close()
    assert (ARTIFACTS / "ui-chat.png").stat().st_size > 10_000
