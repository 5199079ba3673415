"""Crash safety of ingestion: `ccn-assistant ingest` killed (SIGKILL) mid-way leaves the previous index
serving and complete, a re-run completes; two ingests at once are serialised by the lock.

The corpus is kept small so that each ingest run takes seconds (hash embedder): the protocole and two
generated local agreements uploaded beside it, i.e. three index units written one after the other.
Each check runs on a copy of the data directory taken after the kill (a fresh Chroma client sees
exactly what is on disk, as a restarted process would).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from assistant.library import index_pdfs
from assistant.settings import REPO_ROOT, Settings
from knowledge.indexer import IndexBusyError, index_lock
from tests.reliability.injection_attacks import local_agreement

PROTOCOLE = "accord-2019-12-19-formation-professionnelle"
QUESTION = "Combien de salariés un tuteur peut-il accompagner au maximum ?"
TODAY = date(2025, 11, 25)
UPLOADS = ("accord-local-lyon", "accord-local-nantes")
RUN_TIMEOUT_S = 180
_STARTED: list[subprocess.Popen[str]] = []


@dataclass
class IndexState:
    """What a fresh process sees in a data directory."""

    passages: int  # passages of the active generations (what searches read)
    stored: int  # chunks in the store, orphans of an interrupted write included
    generations: dict[str, str]
    answer: str
    cited: list[tuple[str, str]]


def _command() -> list[str]:
    script = Path(sys.executable).parent / "ccn-assistant"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cli.main"]


def _env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CCN_")}
    env.update(
        CCN_DATA_DIR=str(settings.data_dir),
        CCN_CORPUS_DIR=str(settings.corpus_dir),
        CCN_EMBEDDING_BACKEND="hash",
        PYTHONUNBUFFERED="1",
    )
    return env


@pytest.fixture(autouse=True)
def _stop_leftover_ingests() -> Iterator[None]:
    """A failed test must not leave its ingest running (only the processes this module started)."""
    yield
    while _STARTED:
        proc = _STARTED.pop()
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """A corpus of the protocole (no avenant: no consolidation) and two uploaded local agreements."""
    corpus = tmp_path / "corpus"
    (corpus / "pdf").mkdir(parents=True)
    shutil.copy(REPO_ROOT / "corpus" / "manifest.json", corpus / "manifest.json")
    shutil.copy(REPO_ROOT / "corpus" / "pdf" / f"{PROTOCOLE}.pdf", corpus / "pdf")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus, embedding_backend="hash")
    settings.uploads_dir.mkdir(parents=True)
    for city in UPLOADS:
        text = f"Dans l'organisme de {city.rsplit('-', 1)[1]}, la prime de tutorat suit l'article 4.3 du protocole."
        (settings.uploads_dir / f"{city}.pdf").write_bytes(
            local_agreement(f"Accord local relatif au tutorat ({city})", [("body", text)])
        )
    return settings


def snapshot(settings: Settings, tmp_path: Path, name: str) -> IndexState:
    """Copy the data directory and open it as a restarted process would; ask the tutor question."""
    from assistant.service import Assistant

    copy = tmp_path / f"snapshot-{name}"
    shutil.copytree(settings.data_dir, copy)
    assistant = Assistant(settings.model_copy(update={"data_dir": copy}))
    store = assistant.retriever.store
    answer = assistant.ask(QUESTION, today=TODAY)
    return IndexState(
        passages=assistant.retriever.size,
        stored=store.count(),
        generations={u: r.generation for u, r in store.units().items()},
        answer=answer.text,
        cited=[(c.document, c.section) for c in answer.citations],
    )


def assert_serves(state: IndexState, baseline: IndexState) -> None:
    assert state.passages == baseline.passages, "the index lost or gained passages"
    assert set(state.generations) == set(baseline.generations), "a unit disappeared"
    assert (PROTOCOLE, "Article 4.2") in state.cited, state.answer
    assert "Article 4.2" in [c[1] for c in baseline.cited]


class Ingest:
    """`ccn-assistant -v ingest …` in the background, its stderr read line by line."""

    def __init__(self, settings: Settings, *args: str, verbose: bool = True) -> None:
        command = [*_command(), *(["-v"] if verbose else []), "ingest", *args]
        self.proc = subprocess.Popen(
            command,
            env=_env(settings),
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        _STARTED.append(self.proc)
        self.lines: list[str] = []
        self._cond = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.stdout = ""

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            with self._cond:
                self.lines.append(line.rstrip("\n"))
                self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()

    def wait_for(self, text: str, timeout: float = RUN_TIMEOUT_S) -> str:
        """Block until a stderr line contains `text`; returns it."""
        deadline = time.monotonic() + timeout
        seen = 0
        with self._cond:
            while True:
                for line in self.lines[seen:]:
                    if text in line:
                        return line
                seen = len(self.lines)
                if self.proc.poll() is not None and not self._reader.is_alive():
                    raise AssertionError(f"ingest ended (rc {self.proc.returncode}) before {text!r}: {self.tail()}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no {text!r} after {timeout} s: {self.tail()}")
                self._cond.wait(min(left, 0.5))

    def kill(self) -> int:
        self.proc.send_signal(signal.SIGKILL)
        return self.finish()

    def finish(self, timeout: float = RUN_TIMEOUT_S) -> int:
        out, _ = self.proc.communicate(timeout=timeout)
        self._reader.join(timeout=10)
        self.stdout = out or ""
        return self.proc.returncode

    def tail(self) -> str:
        return "\n".join(line for line in self.lines[-15:] if "chromadb" not in line)


def _baseline(settings: Settings, tmp_path: Path) -> IndexState:
    report = index_pdfs(settings)
    assert not report.failed, report.lines()
    baseline = snapshot(settings, tmp_path, "baseline")
    assert len(baseline.generations) == 3 and baseline.passages == baseline.stored
    return baseline


def _complete_rerun(settings: Settings, tmp_path: Path, baseline: IndexState) -> None:
    """A plain re-run after the crashes completes, reports every unit and leaves no orphan chunk."""
    run = Ingest(settings, verbose=False)
    assert run.finish() == 0, run.tail()
    assert not any("une autre ingestion" in line for line in run.lines), "a dead process's lock blocked"
    lines = run.stdout.splitlines()
    assert len(lines) == 3 and all(("indexé" in line or "inchangé" in line) for line in lines), lines
    final = snapshot(settings, tmp_path, "final")
    assert_serves(final, baseline)
    assert final.stored == final.passages, "orphan chunks of the killed runs were not collected"


def test_kill_during_indexing_and_parsing_keeps_the_previous_index(settings: Settings, tmp_path: Path) -> None:
    baseline = _baseline(settings, tmp_path)

    # 1. killed as it starts writing the second unit: the first one is switched, the others are not
    run = Ingest(settings, "--rebuild")
    run.wait_for(f"Indexation de ajout-{UPLOADS[0]}")
    assert run.kill() == -signal.SIGKILL
    state = snapshot(settings, tmp_path, "mid-index")
    assert_serves(state, baseline)
    switched = {u for u, g in state.generations.items() if g != baseline.generations[u]}
    assert PROTOCOLE in switched, "the kill came before indexing began"
    assert switched != set(baseline.generations), "the run completed before the kill"

    # 2. killed as it writes the first unit (the kill lands inside the write or right after the switch)
    run = Ingest(settings, "--rebuild")
    run.wait_for(f"Indexation de {PROTOCOLE}")
    assert run.kill() == -signal.SIGKILL
    assert_serves(snapshot(settings, tmp_path, "first-unit"), baseline)

    # 3. killed while parsing: nothing was written yet
    run = Ingest(settings, "--rebuild")
    run.wait_for("Analyse de ")
    assert run.kill() == -signal.SIGKILL
    state = snapshot(settings, tmp_path, "parse")
    assert_serves(state, baseline)

    _complete_rerun(settings, tmp_path, baseline)


@pytest.mark.slow
@pytest.mark.parametrize("delay_s", [0.0, 0.05, 0.15, 0.3, 0.6])
def test_kill_at_random_points_of_the_indexing_phase(settings: Settings, tmp_path: Path, delay_s: float) -> None:
    baseline = _baseline(settings, tmp_path)
    run = Ingest(settings, "--rebuild")
    run.wait_for("Indexation de")
    time.sleep(delay_s)
    rc = run.kill()
    assert rc in (-signal.SIGKILL, 0)  # a long delay may let the run finish: still a valid index
    assert_serves(snapshot(settings, tmp_path, "killed"), baseline)
    _complete_rerun(settings, tmp_path, baseline)


# -- the lock ------------------------------------------------------------------------------------


def test_a_second_ingest_waits_for_the_lock_with_a_message(settings: Settings) -> None:
    upload = settings.uploads_dir / f"{UPLOADS[0]}.pdf"
    with index_lock(settings.data_dir):
        run = Ingest(settings, str(upload), verbose=False)
        line = run.wait_for("une autre ingestion est en cours", timeout=60)
        assert f"processus {os.getpid()}" in line and "attente" in line
        time.sleep(1.0)
        assert run.proc.poll() is None, "the second ingest did not wait for the lock"
    assert run.finish() == 0, run.tail()
    assert f"{UPLOADS[0]}: indexé" in run.stdout


def test_lock_timeout_gives_a_clear_error(tmp_path: Path) -> None:
    told: list[str] = []
    second = index_lock(tmp_path, timeout_s=0.3, on_wait=told.append)
    with index_lock(tmp_path), pytest.raises(IndexBusyError, match="toujours tenu après 0 s"), second:
        pass
    assert told and "une autre ingestion est en cours" in told[0] and str(os.getpid()) in told[0]
    with index_lock(tmp_path, timeout_s=0.3):  # released: taken at once
        pass
