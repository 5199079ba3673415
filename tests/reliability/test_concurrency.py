"""Concurrency: five users at once get their own correct answers, from the assistant and in the UI.

The assistant is one per process (`assistant.service.get_assistant`), shared by every Streamlit
session, so five threads share the session's real assistant (`real_assistant`, real embedder) and ask
different questions at the same time, several rounds each, while a sixth thread keeps reloading the
index snapshot (what happens when another process re-indexes). Each answer must equal the one given
to the same question asked alone, and carry that thread's own question, id and facts.

In the UI, five `AppTest` sessions of the app chat turn by turn with an assistant that echoes the
question, and rate answers; each session's history, messages and sources panel hold only its own
turns, and the shared feedback file every rating. Two interview sessions prepare sheets for two
employees. What the sessions share in the process is also hit from threads: the feedback file and the
page renderer (PDFium, which aborts the process when two threads render at once unless serialised).
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from assistant.answer import Answer
from assistant.service import Assistant
from assistant.settings import REPO_ROOT, get_settings
from interview import sheet_to_markdown
from tests.ui.conftest import APP, FakeAssistant, tutor_citation
from ui.feedback import record_feedback

TODAY = date(2025, 11, 25)
PROTOCOLE = "accord-2019-12-19-formation-professionnelle"
ROUNDS = 4
USERS = 5


@dataclass(frozen=True)
class Case:
    """One user's question and the facts its answer must hold."""

    user: str
    question: str
    route: str
    contains: tuple[str, ...]
    cites: tuple[tuple[str, str], ...] = ()  # (document, text found in the section label)
    tool: str | None = None

    def problems(self, answer: Answer, id: str) -> list[str]:
        found = []
        if answer.question != self.question:
            found.append(f"question of another user: {answer.question!r}")
        if answer.id != id:
            found.append(f"id {answer.id!r} instead of {id!r}")
        if answer.route != self.route:
            found.append(f"route {answer.route}")
        found += [f"missing {text!r}" for text in self.contains if text not in answer.text]
        for document, section in self.cites:
            if not any(c.document == document and section in c.section for c in answer.citations):
                found.append(f"no citation of {document} {section}")
        if not self.cites and answer.citations:
            found.append("unexpected citations")
        tools = [call.name for call in answer.tool_calls]
        if tools != ([self.tool] if self.tool else []):
            found.append(f"tools {tools}")
        return found


CASES = (
    Case(
        "tuteur",
        "Je suis tuteur d'un alternant du 1er février au 20 juin 2025. Quelle prime vais-je percevoir ?",
        "calculator",
        ("35 points", "5 mois entamés × 7 points"),
        ((PROTOCOLE, "4.3"),),
        tool="tutor_bonus",
    ),
    Case(
        "pro-a",
        "Quelle est la durée maximale d'une Pro-A ?",
        "retrieval",
        ("entre 6 et 12 mois", "36 mois"),
        ((PROTOCOLE, "2.4"),),
    ),
    Case(
        "cep",
        "Je suis en CDI, salarié depuis 5 ans dont 2 ans dans mon organisme : ai-je droit à une absence pour un "
        "conseil en évolution professionnelle ?",
        "calculator",
        ("Éligible", "demi-journée"),
        ((PROTOCOLE, "Article 5"),),
        tool="cep_absence",
    ),
    Case(
        "refus",
        "Combien de jours de congés payés ai-je par an ?",
        "refusal",
        ("congés payés", "service RH"),
    ),
    Case(
        "cqp",
        "À quel niveau du RNCP est inscrit le CQP contrôleur du recouvrement ?",
        "retrieval",
        ("niveau 6",),
        (("cqp-regime-general", "Contrôleur du recouvrement"),),
    ),
)


@pytest.fixture(scope="module")
def assistant(real_assistant: Any) -> Assistant:
    assert isinstance(real_assistant, Assistant)
    return real_assistant


def test_five_users_at_once_get_their_own_correct_answers(assistant: Assistant) -> None:
    alone = {case.user: assistant.ask(case.question, today=TODAY, id="alone") for case in CASES}
    for case in CASES:  # the expectations hold when asked alone
        assert not case.problems(alone[case.user], "alone"), (case.user, alone[case.user].text)

    start = threading.Barrier(USERS + 1)
    stop = threading.Event()
    reloads = 0

    def user(case: Case) -> list[str]:
        start.wait()
        problems = []
        for round_ in range(ROUNDS):
            id = f"{case.user}-{round_}"
            answer = assistant.ask(case.question, today=TODAY, id=id)
            problems += [f"{id}: {p}" for p in case.problems(answer, id)]
            if answer.text != alone[case.user].text:
                problems.append(f"{id}: answer differs from the one given alone")
            if [c.evidence_id for c in answer.citations] != [c.evidence_id for c in alone[case.user].citations]:
                problems.append(f"{id}: citations differ from the ones given alone")
        return problems

    def reloader() -> None:  # another process re-indexed: the snapshot is swapped under the readers
        nonlocal reloads
        start.wait()
        while not stop.is_set():
            assistant.retriever.refresh(force=True)
            reloads += 1
            time.sleep(0.05)

    background = threading.Thread(target=reloader, daemon=True)
    background.start()
    with ThreadPoolExecutor(max_workers=USERS) as pool:
        futures = [pool.submit(user, case) for case in CASES]
        problems = [p for future in futures for p in future.result(timeout=300)]
    stop.set()
    background.join(timeout=30)
    assert not problems, problems
    assert reloads > 0


# -- the UI ------------------------------------------------------------------------------------------
# `AppTest` cannot run sessions in parallel threads: each run installs and then removes a process-wide
# mock `Runtime` and patches the global config, so a run ending in one thread breaks the others
# ("Runtime hasn't been created!"). The sessions are therefore interleaved turn by turn, which shows
# that nothing of one session leaks into another through module-level state; the state they really
# share at the same time (the assistant, the page renderer, the feedback file) is exercised with
# threads, above and below.


class EchoAssistant(FakeAssistant):
    """Answers "Réponse à : <question>"."""

    def ask(self, question: str, today: Any = None) -> Answer:
        self.questions.append(question)
        return Answer(question, f"Réponse à : {question}", "retrieval", citations=[tutor_citation()])


@pytest.fixture
def echo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[EchoAssistant]:
    from assistant import service

    monkeypatch.setenv("CCN_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("CCN_UI_PASSWORD", raising=False)
    get_settings.cache_clear()
    fake = EchoAssistant(REPO_ROOT / "corpus" / "pdf")
    monkeypatch.setattr(service, "get_assistant", lambda: fake)
    yield fake
    get_settings.cache_clear()


def _session(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception
    return at


def test_five_chat_sessions_keep_their_own_history(echo: EchoAssistant, tmp_path: Path) -> None:
    sessions = [_session() for _ in range(USERS)]

    def question(index: int, turn: int) -> str:
        return f"Utilisateur {index}, question {turn} : combien pour la prime de tutorat ?"

    for turn in range(3):  # turn by turn: user 0, 1, …, 4, then user 0 again…
        for index, at in enumerate(sessions):
            at.chat_input[0].set_value(question(index, turn)).run()
            if turn == 1:
                at.feedback[0].set_value(1 if index % 2 else 0).run()
    assert len(echo.questions) == USERS * 3
    for index, at in enumerate(sessions):
        assert not at.exception
        own = [question(index, turn) for turn in range(3)]
        history = at.session_state["chat_history"]
        assert [turn["question"] for turn in history] == own
        assert [turn["answer"].text for turn in history] == [f"Réponse à : {q}" for q in own]
        shown = "\n".join(m.value for m in at.markdown).replace("\\", "")
        for other in range(USERS):
            if other != index:
                assert f"Utilisateur {other}," not in shown, (index, other)
        for own_question in own:
            assert own_question in shown
        assert [m.name for m in at.chat_message] == ["user", "assistant"] * 3
        last = "\n".join(m.value for m in at.chat_message[-1].markdown).replace("\\", "")
        assert f"Réponse à : {own[-1]}" in last  # each answer sits under its question: this session's last turn
    ratings = [json.loads(line) for line in (tmp_path / "feedback.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted((r["question"], r["rating"]) for r in ratings) == sorted(
        (question(index, 0), "up" if index % 2 else "down") for index in range(USERS)
    )


def test_two_interview_sessions_keep_their_own_profile(echo: EchoAssistant) -> None:
    names = ["Salariée Aubépine-Marqueur", "Salarié Bouleau-Marqueur"]
    sessions = [_session("views/interview.py") for _ in names]
    for index, at in enumerate(sessions):
        at.text_input(key="iv_name").input(names[index])
        at.selectbox(key="iv_contract").set_value("CDI" if index == 0 else "CDD")
        at.date_input(key="iv_org_start").set_value(date(2015 + index, 3, 1))
        at.run()
    for at in sessions:
        next(b for b in at.button if b.label == "Préparer la fiche").click().run()
    for index, at in enumerate(sessions):
        assert not at.exception
        headings = [s.value for s in at.subheader if s.value.startswith("Fiche de préparation")]
        assert headings == [f"Fiche de préparation de l'entretien professionnel — {names[index]}"]
        sheet = at.session_state["iv_sheet"]
        assert sheet["profile"].name == names[index]
        assert names[1 - index] not in sheet_to_markdown(sheet["sheet"])


# -- what the sessions share, from threads -----------------------------------------------------------


def test_feedback_from_many_sessions_at_once_keeps_every_line(tmp_path: Path) -> None:
    path = tmp_path / "feedback.jsonl"
    start = threading.Barrier(USERS)

    def rate(index: int) -> None:
        start.wait()
        for turn in range(20):
            answer = Answer(f"Utilisateur {index} question {turn}", "x" * 3000, "retrieval")
            record_feedback(path, answer, "up", f"{index}-{turn}")

    with ThreadPoolExecutor(max_workers=USERS) as pool:
        list(pool.map(rate, range(USERS)))
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["turn"] for r in records) == sorted(f"{i}-{t}" for i in range(USERS) for t in range(20))


STRESS_RENDER = """
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from ingest.pdf_reader import render_page_png
pdf = Path("corpus/pdf/accord-2019-12-19-formation-professionnelle.pdf")
start = threading.Barrier(8)
def work(index):
    start.wait()
    for n in range(4):
        crop = (0, 100, 600, 500) if n % 2 else None
        png = render_page_png(pdf, 1 + (index + n) % 6, resolution=72, crop=crop, rects=[(60, 120, 300, 140)])
        assert png.startswith(bytes([0x89]) + b"PNG")
    return index
with ThreadPoolExecutor(8) as pool:
    print(sorted(pool.map(work, range(8))))
"""


def test_page_images_rendered_by_many_sessions_at_once() -> None:
    """PDFium (behind pdfplumber's `to_image`) is not thread-safe: concurrent renderings must be serialised
    (`ingest.pdf_reader`), or the process aborts. Run in a child process, so that an abort fails this test
    instead of killing the test run."""
    done = subprocess.run(
        [sys.executable, "-c", STRESS_RENDER], cwd=REPO_ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == str(list(range(8)))


def test_page_renderings_never_overlap(monkeypatch: pytest.MonkeyPatch) -> None:
    """The renderer itself is replaced by a slow stub that counts overlapping calls: one at a time."""
    import pdfplumber.page

    from ingest.pdf_reader import render_page_png

    active = peak = 0
    count = threading.Lock()

    class Image:
        def draw_rects(self, *args: Any, **kwargs: Any) -> None:
            pass

        def save(self, buffer: Any, **kwargs: Any) -> None:
            buffer.write(b"\x89PNG stub")

    def slow_to_image(self: Any, **kwargs: Any) -> Image:
        nonlocal active, peak
        with count:
            active += 1
            peak = max(peak, active)
        time.sleep(0.05)
        with count:
            active -= 1
        return Image()

    monkeypatch.setattr(pdfplumber.page.Page, "to_image", slow_to_image)
    pdf = REPO_ROOT / "corpus" / "pdf" / "accord-2019-12-19-formation-professionnelle.pdf"
    start = threading.Barrier(USERS)

    def render(index: int) -> bytes:
        start.wait()
        return render_page_png(pdf, 1 + index, crop=(0, 100, 600, 500) if index % 2 else None, rects=[(1, 1, 2, 2)])

    with ThreadPoolExecutor(max_workers=USERS) as pool:
        pngs = list(pool.map(render, range(USERS)))
    assert pngs == [b"\x89PNG stub"] * USERS
    assert peak == 1, f"{peak} renderings at once"
