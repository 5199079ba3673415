"""`ccn-assistant ingest`: per-document status, bad files, incremental re-runs, lock, pruning."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.settings import get_settings
from cli.main import main
from knowledge.indexer import index_lock
from tests.knowledge.conftest import CORPUS

SMALL = ("cqp-regime-general.pdf", "convention-formation-cqp-conseiller-offres-de-service.pdf")


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A corpus folder with two shipped PDFs, the manifest and amendments; hash embedder."""
    root = tmp_path / "corpus"
    (root / "pdf").mkdir(parents=True)
    for name in SMALL:
        shutil.copy(CORPUS / "pdf" / name, root / "pdf" / name)
    shutil.copy(CORPUS / "manifest.json", root / "manifest.json")
    shutil.copy(CORPUS / "amendments.json", root / "amendments.json")
    monkeypatch.setenv("CCN_CORPUS_DIR", str(root))
    monkeypatch.setenv("CCN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CCN_EMBEDDING_BACKEND", "hash")
    monkeypatch.setenv("CCN_CHROMA_URL", "")
    get_settings.cache_clear()
    yield root
    get_settings.cache_clear()


def test_corpus_is_indexed_once_then_unchanged(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest"]) == 0
    out = capsys.readouterr().out
    assert "convention-formation-cqp-conseiller-offres-de-service: indexé," in out
    assert "cqp-regime-general: indexé," in out
    assert main(["ingest"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "convention-formation-cqp-conseiller-offres-de-service: inchangé",
        "cqp-regime-general: inchangé",
    ]
    (corpus / "pdf" / SMALL[1]).unlink()
    assert main(["ingest"]) == 0
    out = capsys.readouterr().out
    assert "convention-formation-cqp-conseiller-offres-de-service: retiré de l'index" in out


def test_bad_file_is_reported_and_others_continue(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "cassé.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage, no objects at all")
    empty = tmp_path / "vide.pdf"
    empty.write_bytes(b"")
    assert main(["ingest", str(bad), str(corpus / "pdf" / SMALL[0]), str(empty)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("cassé.pdf: erreur: ")
    assert lines[1].startswith("cqp-regime-general: indexé, ")
    assert lines[2] == "vide.pdf: erreur: fichier vide (0 octet)"
    assert len(lines) == 3


def test_second_ingest_waits_for_the_first(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = Path(get_settings().data_dir)
    result: list[int] = []
    with index_lock(data_dir):
        worker = threading.Thread(target=lambda: result.append(main(["ingest", str(corpus / "pdf" / SMALL[0])])))
        worker.start()
        time.sleep(1.0)
        assert worker.is_alive() and not result  # blocked on the lock
    worker.join(120)
    assert result == [0]
    captured = capsys.readouterr()
    assert "une autre ingestion est en cours" in captured.err
    assert "cqp-regime-general: indexé" in captured.out
