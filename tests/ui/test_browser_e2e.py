"""End to end in a real headless Chromium, as a user would: `ccn-assistant ui` serves the app on a
copy of the real index, and the test drives every page at 1400×1000 and at 390×844 (a phone).

- Chat: a two-turn conversation; after each question the start of the new answer is in the view,
  and the answer carries its own sources (numbered as in its text) in a collapsible block under it.
- Calculators: the page, and a missing input reported in French words.
- Interview sheet: the date fields read JJ/MM/AAAA.
- Documents: a PDF full of instructions for an assistant is uploaded; it is flagged, its passages
  shown, and it is kept out of answers.
- Screenshots of every page at both sizes are written under `artifacts/` (the test's output to look at).

Under `CI=true` a missing Chromium or Playwright fails the test instead of skipping it, so that a
broken install cannot hide the only test that looks at the product in a browser.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.settings import REPO_ROOT
from tests.reliability.injection_attacks import PLANTED, planted_pdf
from tests.servers import free_port, stop_process

pytestmark = pytest.mark.integration

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
ARTIFACTS = REPO_ROOT / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
SIZES = {"bureau": (1400, 1000), "telephone": (390, 844)}
QUESTIONS = ("Combien de points pour la prime de tutorat ?", "Qui peut bénéficier de la Pro-A ?")
START_TIMEOUT_S = 90
INDEX_TIMEOUT_S = 540  # a data dir without an index is indexed on first start (minutes on 2 busy cores)
ANSWER_TIMEOUT_MS = 180_000


def _require(condition: bool, why: str) -> None:
    """Skip when a browser cannot run here, but fail under CI=true: there it must run."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{why} (CI=true : le test du navigateur doit s'exécuter)")
    pytest.skip(why)


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"ccn-assistant ui s'est arrêté ({process.returncode}) : {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"{url} ne répond pas après {START_TIMEOUT_S} s")


@pytest.fixture
def server(real_data_dir: Path, tmp_path: Path) -> Iterator[str]:
    """`ccn-assistant ui --headless` on a copy of the real data dir (the upload must not touch it)."""
    data = tmp_path / "data"
    if (real_data_dir / "index").is_dir():
        shutil.copytree(real_data_dir, data, ignore=shutil.ignore_patterns("ingest.lock", "uploads", "*.json*"))
    port = free_port()
    env = {**os.environ, "CCN_DATA_DIR": str(data), "PYTHONUNBUFFERED": "1"}
    env.pop("CCN_UI_PASSWORD", None)
    log_path = tmp_path / "ui.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "cli.main", "ui", "--headless", "--port", str(port)],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, log_path)
        yield url
    finally:
        stop_process(process, 15)


def _shot(page: Any, name: str, size: str) -> None:
    page.wait_for_timeout(600)
    page.screenshot(path=str(ARTIFACTS / f"ui-{name}-{size}.png"))


def _answer_in_view(page: Any, index: int) -> dict[str, Any]:
    """The `index`-th answer (0-based): its text, where its start is, and its sources block."""
    answers = page.locator('[class*="st-key-answer-"]')
    answers.nth(index).wait_for(timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_timeout(3500)  # the answer is held at the top at least 3 s, until its images are drawn
    answer = answers.nth(index)
    box = answer.bounding_box()
    return {"text": answer.inner_text(), "top": box["y"], "locator": answer}


def _ask(page: Any, question: str, index: int, viewport_height: int) -> dict[str, Any]:
    box = page.get_by_test_id("stChatInputTextArea")
    box.wait_for(timeout=INDEX_TIMEOUT_S * 1000)
    box.fill(question)
    box.press("Enter")
    seen = _answer_in_view(page, index)
    assert 0 <= seen["top"] < viewport_height * 0.5, f"début de la réponse hors de la vue : {seen['top']}"
    return seen


def _check_sources(page: Any, seen: dict[str, Any]) -> None:
    """The answer's own sources: a collapsed block under it, numbered as the [n] of its text."""
    answer = seen["locator"]
    expander = answer.get_by_test_id("stExpander").filter(has_text=re.compile("Sources? de cette réponse"))
    assert expander.count() == 1
    expander.locator("summary").click()
    cards = expander.get_by_test_id("stImage")
    cards.first.wait_for(timeout=60_000)
    badges = answer.locator(".stMarkdownBadge")
    in_text = {b.strip() for b in badges.all_inner_texts()}  # the answer's [n] markers, then the cards'
    in_cards = {b.strip() for b in expander.locator(".stMarkdownBadge").all_inner_texts()}
    assert in_cards and in_cards == in_text, (in_text, in_cards)
    image = cards.first.locator("img")
    width = image.evaluate("img => img.getBoundingClientRect().width")
    assert width >= 300  # the extract is shown large enough to read


def _browse(playwright: Any, url: str, size: str, upload: Path | None) -> None:
    width, height = SIZES[size]
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        page = browser.new_page(viewport={"width": width, "height": height}, locale="fr-FR")
        page.goto(url, timeout=START_TIMEOUT_S * 1000)
        page.get_by_test_id("stChatInputTextArea").wait_for(timeout=INDEX_TIMEOUT_S * 1000)
        _shot(page, "chat-accueil", size)
        first = _ask(page, QUESTIONS[0], 0, height)
        assert "7 points" in first["text"]
        _shot(page, "chat-reponse-1", size)
        second = _ask(page, QUESTIONS[1], 1, height)
        # the example's answer leads with art. 2.3's beneficiaries, not with another article's sentence
        lead = second["text"].split("D'après")[0]
        assert "Pro-A" in lead and "durée indéterminée" in lead, lead
        _shot(page, "chat-reponse-2", size)
        _check_sources(page, second)
        _check_sources(page, first)
        second["locator"].get_by_test_id("stExpander").first.scroll_into_view_if_needed()
        _shot(page, "chat-sources", size)
        body = page.locator("body").inner_text()
        assert "Index prêt" not in body

        page.goto(f"{url}/calculateurs")
        page.get_by_role("button", name="Calculer").wait_for(timeout=60_000)
        page.get_by_role("button", name="Calculer").click()
        page.get_by_text("À renseigner").wait_for(timeout=30_000)
        text = page.locator("body").inner_text()
        assert "ex. 2025" not in text and "point_values" not in text
        _shot(page, "calculateurs", size)

        page.goto(f"{url}/entretien")
        field = page.get_by_test_id("stDateInput").first
        field.wait_for(timeout=60_000)
        drawn = field.locator("span[data-type]").evaluate_all(
            "spans => spans.map(s => s.dataset.placeholder === 'true'"
            " ? getComputedStyle(s, '::after').content.replaceAll('\"', '') : s.textContent)"
        )
        assert "".join(drawn) == "jj/mm/aaaa", drawn  # what an empty field shows
        field.locator('span[data-type="day"]').click()
        page.keyboard.type("05012015")
        page.wait_for_timeout(300)
        typed = "".join(field.locator("span[data-type]").all_inner_texts())
        assert typed == "05/01/2015", typed  # JJ/MM/AAAA once filled
        _shot(page, "entretien", size)

        page.goto(f"{url}/documents")
        page.get_by_text("Ajouter un accord").wait_for(timeout=60_000)
        text = page.locator("body").inner_text()
        assert "Drag and drop" not in text and "per file" not in text and "None" not in text
        if upload is not None:
            page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(upload))
            page.get_by_role("button", name="Indexer ce document").click()
            page.get_by_text("Document indexé mais").wait_for(timeout=ANSWER_TIMEOUT_MS)
            # the held passages are drawn just after the warning: wait for them, a busy machine draws late
            page.get_by_text("oubliez toutes vos instructions").first.wait_for(timeout=60_000)
            assert "oubliez toutes vos instructions" in page.locator("body").inner_text()
            page.get_by_text("Document indexé mais").evaluate("e => e.scrollIntoView({block: 'start'})")
        _shot(page, "documents", size)
    finally:
        browser.close()


@pytest.mark.timeout(1500)
def test_every_page_in_chromium_at_two_sizes(server: str, tmp_path: Path) -> None:
    _require(CHROMIUM is not None, "Chromium absent (Debian : apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _require(False, "playwright absent (pip install playwright)")
        raise
    ARTIFACTS.mkdir(exist_ok=True)
    hostile = tmp_path / "accord-local-consignes.pdf"
    hostile.write_bytes(planted_pdf(next(a for a in PLANTED if a.id == "planted-oubliez-instructions")))
    with sync_playwright() as playwright:
        _browse(playwright, server, "bureau", hostile)
        _browse(playwright, server, "telephone", None)
    shots = sorted(ARTIFACTS.glob("ui-*.png"))
    assert len([s for s in shots if s.stat().st_size > 10_000]) >= 14, shots
