"""A partial index is completed, never served as ready (issue #19, defect 2; pending uploads, defect 8).

A first indexing killed after some units leaves an index that is not empty but lacks documents;
`ask` then answered from what was there and the UI never finished the job, because
`ensure_index` only looked at whether the index was empty. The state a kill leaves is made here
directly (one unit indexed out of three; a PDF in `uploads/` never indexed, as a killed upload
leaves it), with small generated agreements and the hash embedder so that each run takes seconds.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.library import index_pdfs
from assistant.service import Assistant
from assistant.settings import REPO_ROOT, Settings
from knowledge.factory import open_indexer
from knowledge.store import UnitRecord
from tests.reliability.injection_attacks import local_agreement

CITIES = ("lyon", "nantes", "brest")


def _agreement(city: str) -> bytes:
    text = f"Dans l'organisme de {city}, la prime de tutorat suit l'article 4.3 du protocole."
    return local_agreement(f"Accord local relatif au tutorat ({city})", [("body", text)])


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Two local agreements shipped in the corpus folder and one uploaded."""
    corpus = tmp_path / "corpus"
    (corpus / "pdf").mkdir(parents=True)
    (corpus / "manifest.json").write_text("[]", encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus, embedding_backend="hash")
    for city in CITIES[:2]:
        (settings.pdf_dir / f"accord-local-{city}.pdf").write_bytes(_agreement(city))
    settings.uploads_dir.mkdir(parents=True)
    (settings.uploads_dir / f"accord-local-{CITIES[2]}.pdf").write_bytes(_agreement(CITIES[2]))
    return settings


def _units(settings: Settings) -> set[str]:
    return set(Assistant(settings).retriever.store.units())


def test_ensure_index_completes_a_partial_first_index(settings: Settings) -> None:
    report = index_pdfs(settings, [settings.pdf_dir / "accord-local-lyon.pdf"])  # killed after one unit
    assert not report.failed
    assistant = Assistant(settings)
    assert assistant.retriever.size > 0  # what the old check looked at: "ready"
    assert [p.name for p in assistant.library.missing()] == ["accord-local-nantes.pdf", "accord-local-brest.pdf"]

    report = assistant.library.ensure_index()
    assert report is not None and not report.failed, report
    assert [s.unit for s in report.statuses if s.status == "indexed"] == [
        "accord-local-nantes",
        "ajout-accord-local-brest",
    ]
    assert _units(settings) == {"accord-local-lyon", "accord-local-nantes", "ajout-accord-local-brest"}
    assert assistant.library.ensure_index() is None  # complete: nothing parsed again
    assert any(e.document == "accord-local-nantes" for e in assistant.retriever.search("organisme de nantes", k=5))


def test_ask_from_the_command_line_completes_the_index_first(settings: Settings) -> None:
    index_pdfs(settings, [settings.pdf_dir / "accord-local-lyon.pdf"])
    env = {
        "CCN_DATA_DIR": str(settings.data_dir),
        "CCN_CORPUS_DIR": str(settings.corpus_dir),
        "CCN_EMBEDDING_BACKEND": "hash",
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(REPO_ROOT),
    }
    run = subprocess.run(
        [sys.executable, "-m", "cli.main", "ask", "--json", "Quelle prime de tutorat dans l'organisme de brest ?"],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Indexation de ajout-accord-local-brest" in run.stderr
    assert json.loads(run.stdout)["answer"]
    assert _units(settings) == {"accord-local-lyon", "accord-local-nantes", "ajout-accord-local-brest"}


def test_a_missing_consolidated_view_counts_as_missing(tmp_path: Path) -> None:
    """Killed between an agreement and its consolidated view: the agreement is indexed again."""
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO_ROOT / "corpus", corpus)
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus, embedding_backend="hash")
    indexer = open_indexer(settings)
    shipped = sorted(p.stem for p in settings.pdf_dir.glob("*.pdf"))
    for document in shipped:
        indexer.store.set_unit(UnitRecord(document, "h", "g", 1, {"document": document}))
    missing = Assistant(settings).library.missing()
    assert [p.stem for p in missing] == ["accord-2019-12-19-formation-professionnelle"]
    agreement = "accord-2019-12-19-formation-professionnelle@consolidated"
    indexer.store.set_unit(UnitRecord(agreement, "h", "g", 1, {"document": agreement.split("@")[0]}))
    assert Assistant(settings).library.missing() == []
