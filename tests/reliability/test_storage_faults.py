"""Storage faults from the command line: one French line and exit code 1, never a traceback.

Issue #19, defects 3 and 7. A corrupted Chroma database (overwritten, truncated) made `ask` and
`ingest --rebuild` print tracebacks, and nothing in the product could repair it; a read-only data
folder, a full disk or a data folder deleted mid-run did the same. Here the index of two small
generated agreements (hash embedder) is built once; each test works on a copy. The commands run
in-process through `cli.main.main` (what the `ccn-assistant` script calls), once as a real
subprocess. The read-only folder and the full disk are injected where the operating system would
report them (the root user of CI ignores file modes); corruption and deletion are real.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import knowledge.indexer
from assistant.index_build import explained
from assistant.settings import REPO_ROOT, Settings, get_settings
from cli.main import main
from knowledge.indexer import Indexer, UnitStatus
from tests.reliability.injection_attacks import local_agreement

QUESTION = "Quelle prime de tutorat dans l'organisme de lyon ?"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from assistant.library import index_pdfs

    root = tmp_path_factory.mktemp("faults")
    corpus = root / "corpus"
    (corpus / "pdf").mkdir(parents=True)
    (corpus / "manifest.json").write_text("[]", encoding="utf-8")
    for city in ("lyon", "nantes"):
        text = f"Dans l'organisme de {city}, la prime de tutorat suit l'article 4.3 du protocole."
        (corpus / "pdf" / f"accord-local-{city}.pdf").write_bytes(
            local_agreement(f"Accord local relatif au tutorat ({city})", [("body", text)])
        )
    report = index_pdfs(Settings(data_dir=root / "data", corpus_dir=corpus, embedding_backend="hash"))
    assert not report.failed, report.lines()
    return root


@pytest.fixture
def home(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the built data folder, with the environment the CLI reads pointing at it."""
    from assistant import service

    shutil.copytree(built, tmp_path / "home")
    home = tmp_path / "home"
    for key in [k for k in os.environ if k.startswith("CCN_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("CCN_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("CCN_CORPUS_DIR", str(home / "corpus"))
    monkeypatch.setenv("CCN_EMBEDDING_BACKEND", "hash")
    get_settings.cache_clear()
    service.get_assistant.cache_clear()
    yield home
    get_settings.cache_clear()
    service.get_assistant.cache_clear()
    from knowledge.store import forget_clients

    forget_clients()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    from assistant import service

    get_settings.cache_clear()
    service.get_assistant.cache_clear()
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def corrupt(home: Path, how: str) -> None:
    database = home / "data" / "index" / "chroma" / "chroma.sqlite3"
    size = database.stat().st_size
    if how == "overwritten":
        database.write_bytes(os.urandom(size))
    else:
        with database.open("r+b") as handle:
            handle.truncate(size // 2)


@pytest.mark.parametrize("how", ["overwritten", "truncated"])
def test_a_corrupted_index_is_explained_then_repaired_by_rebuild(
    home: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    corrupt(home, how)
    rc, out, err = run(capsys, "ask", QUESTION)
    assert rc == 1 and not out
    line = one_line(err)
    assert line.startswith("erreur : l'index de recherche est endommagé"), line
    assert "ccn-assistant ingest --rebuild" in line

    rc, out, err = run(capsys, "ingest")  # without --rebuild: the same explanation
    assert rc == 1 and one_line(err) == line

    from knowledge.store import forget_clients

    forget_clients()
    rc, out, err = run(capsys, "ingest", "--rebuild")
    assert rc == 0, err
    assert "Index endommagé mis de côté" in err
    assert out.splitlines() == ["accord-local-lyon: indexé, 5 passages", "accord-local-nantes: indexé, 5 passages"]
    aside = [p.name for p in (home / "data" / "index").iterdir() if p.name.startswith("chroma-endommage-")]
    assert len(aside) == 1, "the broken index was not kept aside"

    rc, out, err = run(capsys, "ask", QUESTION)
    assert rc == 0, err
    assert "accord-local-lyon" in out


def test_rebuild_keeps_a_healthy_index_in_place(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, _, err = run(capsys, "ingest", "--rebuild")
    assert rc == 0, err
    assert not [p for p in (home / "data" / "index").iterdir() if p.name.startswith("chroma-endommage")]


def test_the_real_command_prints_one_line(home: Path) -> None:
    corrupt(home, "overwritten")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CCN_")}
    env.update(CCN_DATA_DIR=str(home / "data"), CCN_CORPUS_DIR=str(home / "corpus"), CCN_EMBEDDING_BACKEND="hash")
    done = subprocess.run(
        [sys.executable, "-m", "cli.main", "ask", QUESTION],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1 and not done.stdout
    assert one_line(done.stderr).startswith("erreur : l'index de recherche est endommagé")


def test_a_read_only_data_folder(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = Path.open

    def read_only(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        if self.is_relative_to(home / "data") and any(c in mode for c in "wax+"):
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_open(self, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", read_only)
    rc, out, err = run(capsys, "ingest")
    assert rc == 1 and not out
    assert one_line(err).startswith("erreur : le dossier des données est en lecture seule"), err


def test_chroma_refusing_to_write_is_explained(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What Chroma says on a read-only or deleted folder (its own words), on ask and on ingest."""
    import chromadb

    def refuse(*args: object, **kwargs: object) -> object:
        raise chromadb.errors.InternalError(
            "error returned from database: (code: 8) attempt to write a readonly database"
        )

    monkeypatch.setattr(chromadb, "PersistentClient", refuse)
    for argv in (("ask", QUESTION), ("ingest",)):
        rc, out, err = run(capsys, *argv)
        assert rc == 1 and not out
        assert one_line(err).startswith("erreur : l'index ne peut pas être modifié"), err


def test_a_full_disk(home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def full(self: Indexer, units: object, *, rebuild: bool = False) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(knowledge.indexer.Indexer, "sync", full)
    rc, _, err = run(capsys, "ingest", "--rebuild")
    assert rc == 1
    assert one_line(err).startswith("erreur : le disque est plein"), err


def test_the_data_folder_deleted_mid_run(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sync = Indexer.sync

    def delete_then_sync(self: Indexer, units: object, *, rebuild: bool = False) -> object:
        shutil.rmtree(home / "data", ignore_errors=True)
        return sync(self, units, rebuild=rebuild)  # type: ignore[arg-type]

    monkeypatch.setattr(Indexer, "sync", delete_then_sync)
    rc, out, err = run(capsys, "ingest", "--rebuild")
    assert rc == 1
    assert "Traceback" not in err + out
    lines = [line for line in (out + err).splitlines() if line.strip()]
    assert lines and all(
        "lecture seule" in line or "disparu" in line or "supprimé" in line or "introuvable" in line for line in lines
    ), lines


def test_a_unit_error_after_the_folder_is_gone_names_the_folder(tmp_path: Path) -> None:
    """Whatever the store said while its folder was being deleted ("segment" here, another file another time), the
    cause told is the folder, never a damaged index; with the folder in place the store's words still decide."""
    error = UnitStatus("accord", "accord", "error", reason="Error loading segment: no such file")
    gone = explained([error], tmp_path / "data")
    assert "supprimé pendant l'exécution" in gone[0].reason
    assert "endommagé" not in gone[0].reason
    (tmp_path / "data").mkdir()
    present = explained([error], tmp_path / "data")
    assert "endommagé (segment illisible)" in present[0].reason
    indexed = UnitStatus("accord", "accord", "indexed")
    assert explained([indexed], tmp_path / "missing") == [indexed]
