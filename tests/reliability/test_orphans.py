"""What a kill leaves behind (issue #19, defect 8): parse workers, parse folders.

A parse worker survived its killed parent and went on parsing; its `/tmp/ccn-parse-*` folder kept
the parsed agreement text. Now the worker dies with its parent (Linux `PR_SET_PDEATHSIG`) and has
its own time limit; folders of dead processes are removed when parsing starts. Leftovers in
`uploads/` (staging folders, `.part` files) and uploads never indexed are covered in
test_upload_namespace.py and test_partial_index.py.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from assistant.settings import REPO_ROOT
from ingest.manifest import info_for
from ingest.pipeline import clean_stale_parse_dirs
from tests.reliability.fixtures import text_pdf

SLOW_PAGES = 3000  # a PDF that takes the worker many seconds to parse on the CI machines


def _workers_of(marker: str) -> list[int]:
    """Pids of live `ingest.worker` processes whose command line mentions `marker`."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().decode(errors="replace")
            state = (entry / "stat").read_text().split(") ", 1)[1][0]
        except OSError:
            continue
        if "ingest.worker" in command and marker in command and state != "Z":
            pids.append(int(entry.name))
    return pids


def _wait(predicate: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux only")
def test_a_worker_dies_with_its_killed_parent(tmp_path: Path) -> None:
    slow = tmp_path / "lent.pdf"
    slow.write_bytes(text_pdf(SLOW_PAGES))
    temp = tmp_path / "tmp"
    temp.mkdir()
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                from pathlib import Path
                from ingest.pipeline import parse_pdf
                parse_pdf(Path({str(slow)!r}), max_pages={SLOW_PAGES}, timeout_s=300)
                """
            ),
        ],
        cwd=REPO_ROOT,
        env={**os.environ, "TMPDIR": str(temp), "PYTHONPATH": str(REPO_ROOT)},
    )
    try:
        assert _wait(lambda: _workers_of(str(temp)), 60), "the worker never started"
        workers = _workers_of(str(temp))
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=30)
        assert _wait(lambda: not _workers_of(str(temp)), 10), f"worker(s) {workers} survived their parent"
    finally:
        if parent.poll() is None:
            parent.kill()
        for pid in _workers_of(str(temp)):
            os.kill(pid, signal.SIGKILL)
    assert [p.name.startswith(f"ccn-parse-{parent.pid}-") for p in temp.iterdir()] == [True]
    assert clean_stale_parse_dirs(temp) and not list(temp.iterdir()), "the dead parent's folder was not removed"


def test_a_worker_has_its_own_time_limit(tmp_path: Path) -> None:
    """Even with nobody waiting for it, the worker stops at the time limit it was given."""
    slow = tmp_path / "lent.pdf"
    slow.write_bytes(text_pdf(SLOW_PAGES))
    request, result = tmp_path / "request.pickle", tmp_path / "result.pickle"
    request.write_bytes(pickle.dumps((str(slow), info_for(slow, {}), SLOW_PAGES)))
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "ingest.worker", str(request), str(result), str(2 * 1024**3), "1", str(os.getpid())],
        cwd=REPO_ROOT,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == -signal.SIGALRM, done.stderr[-500:]
    assert time.monotonic() - started < 30 and not result.exists()


def test_only_the_folders_of_dead_processes_are_removed(tmp_path: Path) -> None:
    dead = tmp_path / "ccn-parse-999999999-abcd"
    live = tmp_path / f"ccn-parse-{os.getpid()}-abcd"
    legacy_old, legacy_new = tmp_path / "ccn-parse-x1y2", tmp_path / "ccn-parse-z3w4"
    other = tmp_path / "autre-dossier"
    for folder in (dead, live, legacy_old, legacy_new, other):
        folder.mkdir()
        (folder / "request.pickle").write_bytes(b"texte de l'accord")
    os.utime(legacy_old, (time.time() - 7200, time.time() - 7200))
    assert sorted(clean_stale_parse_dirs(tmp_path)) == sorted([dead, legacy_old])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (live, legacy_new, other))
