"""Privacy: the employee profile typed on the interview page never reaches logs, feedback, index or disk.

The whole app runs in `AppTest` with the real assistant (hash embedder, a temporary data directory
holding an index of the protocole): an HR advisor prepares a sheet for a profile full of marker
strings, then asks a question in the chat of the same session and rates the answer. Every log
record of every logger (DEBUG, Streamlit's non-propagating loggers included), every file of the
data directory (feedback, index) and of the temporary directory is then searched for the markers.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.library import index_pdfs
from assistant.settings import REPO_ROOT, Settings, get_settings
from interview import EmployeeProfile, Period, prepare_sheet, sheet_to_markdown
from tests.ui.conftest import APP, fill_interview_profile

PROTOCOLE = "accord-2019-12-19-formation-professionnelle"
NAME = "Zéphyrine Kraskowiak-Privée"
WISH = "devenir inspectrice du recouvrement à Tréguier-Xanadu"
MARKERS = ("Kraskowiak", "Zéphyrine", "Xanadu", "Tréguier")


class EveryRecord(logging.Handler):
    """Keeps every record, formatted with its arguments and traceback."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.texts: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(self.format(record) + repr(record.args) + repr(getattr(record, "__dict__", {})))


@pytest.fixture
def all_logs(caplog: pytest.LogCaptureFixture) -> Iterator[EveryRecord]:
    """DEBUG on every logger; a handler on the root and on each logger that does not propagate."""
    caplog.set_level(logging.DEBUG)
    handler = EveryRecord()
    loggers = [logging.getLogger()] + [
        logger for logger in logging.Logger.manager.loggerDict.values() if isinstance(logger, logging.Logger)
    ]
    levels = {logger: logger.level for logger in loggers}
    attached = [logger for logger in loggers if logger is logging.getLogger() or not logger.propagate]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
    for logger in attached:
        logger.addHandler(handler)
    yield handler
    for logger in attached:
        logger.removeHandler(handler)
    for logger, level in levels.items():
        logger.setLevel(level)


@pytest.fixture
def app_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The real assistant on a temporary data dir indexing the protocole (hash embedder)."""
    from assistant import service

    corpus = tmp_path / "corpus"
    (corpus / "pdf").mkdir(parents=True)
    shutil.copy(REPO_ROOT / "corpus" / "manifest.json", corpus / "manifest.json")
    shutil.copy(REPO_ROOT / "corpus" / "pdf" / f"{PROTOCOLE}.pdf", corpus / "pdf")
    data = tmp_path / "data"
    report = index_pdfs(Settings(data_dir=data, corpus_dir=corpus, embedding_backend="hash"))
    assert not report.failed, report.lines()
    monkeypatch.setenv("CCN_DATA_DIR", str(data))
    monkeypatch.setenv("CCN_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("CCN_EMBEDDING_BACKEND", "hash")
    monkeypatch.delenv("CCN_UI_PASSWORD", raising=False)
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    get_settings.cache_clear()
    service.get_assistant.cache_clear()
    yield data
    get_settings.cache_clear()
    service.get_assistant.cache_clear()


def _files_with_markers(root: Path) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for marker in MARKERS:
            if any(marker.encode(codec) in data for codec in ("utf-8", "utf-16-le", "latin-1")):
                found.append(f"{path.relative_to(root)}: {marker}")
    return found


def test_profile_never_reaches_logs_feedback_index_or_disk(app_data: Path, all_logs: EveryRecord) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/interview.py").run()
    fill_interview_profile(at, NAME, WISH)
    next(b for b in at.button if b.label == "Préparer la fiche").click().run()
    assert not at.exception
    assert any(NAME in s.value for s in at.subheader)  # the sheet was made for this profile
    assert WISH in sheet_to_markdown(at.session_state["iv_sheet"]["sheet"])

    # Same session: a question in the chat, rated down then up (the feedback file is written twice).
    at.switch_page("views/chat.py").run()
    at.chat_input[0].set_value("Combien de points par mois pour la prime de tutorat ?").run()
    assert not at.exception
    assert "7 points" in at.session_state["chat_history"][-1]["answer"].text
    at.feedback[0].set_value(0).run()
    at.feedback[0].set_value(1).run()
    feedback = app_data / "feedback.jsonl"
    assert feedback.read_text(encoding="utf-8").count('"rating"') == 2

    assert len(all_logs.texts) > 10, "logging was not captured"
    leaked = [text[:300] for text in all_logs.texts if any(marker in text for marker in MARKERS)]
    assert not leaked, leaked
    assert any((app_data / "index").rglob("*.sqlite3")), "no index to search"
    assert not _files_with_markers(app_data), "profile written in the data directory (feedback, index)"
    assert not _files_with_markers(Path(str(tempfile.tempdir))), "profile written to a temporary file"


def test_profile_repr_and_sheet_preparation_log_nothing_personal(all_logs: EveryRecord) -> None:
    profile = EmployeeProfile(
        contract="CDI",
        organisation_start=date(2015, 3, 1),
        tutor_missions=(Period(date(2025, 2, 1), date(2025, 6, 20), 1),),
        career_wish=WISH,
        name=NAME,
    )
    assert not any(marker in repr(profile) for marker in MARKERS)  # what a traceback or a log line would show
    sheet = prepare_sheet(profile, date(2025, 11, 25))
    assert NAME in sheet.heading
    assert not [t for t in all_logs.texts if any(marker in t for marker in MARKERS)]
