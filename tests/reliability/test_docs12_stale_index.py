"""An index built by other code is never served: rebuilt beside, swapped in whole, uploads kept (issue #13).

`Library.ensure_index` used to add only missing documents, so after an upgrade (a new parser, chunker,
embedder or shipped data) a start served the passages the earlier version had written. Each index now
records what built it (`knowledge.build_key`); a differing or missing record makes the start rebuild the
whole index beside the one in service (`knowledge.index_swap`). Here on the real PDFs of the fiche and
the circular (hash embedder, so the rebuild is seconds): an old key is rebuilt, an upload survives (re-read
from its stored PDF), an upload that no longer parses is said in French and its file kept, a failure
half-way leaves the old index served, and a swap interrupted between its two renames is undone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.library import index_is_stale, index_pdfs
from assistant.service import Assistant
from assistant.settings import Settings
from knowledge import build_key, index_swap
from knowledge.build_key import BuildKey
from knowledge.indexer import Indexer
from tests.reliability.injection_attacks import agreement_pdf
from tests.reliability.small_corpus import index_shipped, working_copy

DOCUMENTS = ("cqp-regime-general", "cqp-gestionnaire-conseil-mise-en-oeuvre")
UPLOAD_WORDS = "bibliothécaires itinérants"


def upload_pdf() -> bytes:
    return agreement_pdf(
        [
            ("title", "Note interne sur la formation des bibliothécaires itinérants"),
            ("heading", "Article 1 | Durée du stage"),
            ("body", "Le stage des bibliothécaires itinérants dure trois semaines, dont une en bibliobus."),
        ]
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Two shipped texts and one upload, indexed once for the module (each test works on a copy)."""
    settings = index_shipped(tmp_path_factory.mktemp("stale"), DOCUMENTS, ("manifest.json", "parsed.json.gz"))
    Assistant(settings).library.ingest_upload("note-bibliotheques.pdf", upload_pdf())
    return settings


@pytest.fixture
def assistant(built: Settings, tmp_path: Path) -> Assistant:
    return working_copy(built, tmp_path)


def generations(assistant: Assistant) -> dict[str, str]:
    return {unit: record.generation for unit, record in assistant.retriever.store.units().items()}


def age_the_key(settings: Settings, part: str = "passages") -> BuildKey:
    """Pretend the index was built by an earlier chunker (or parser…): its recorded key differs."""
    stored = build_key.read_key(settings.index_dir)
    assert stored is not None
    old = BuildKey({**stored.parts, part: "version-precedente"})
    build_key.write_key(settings.index_dir, old)
    return old


def test_a_whole_build_records_what_built_it(assistant: Assistant) -> None:
    settings = assistant.settings
    stored = build_key.read_key(settings.index_dir)
    assert stored is not None and not index_is_stale(settings)
    assert stored.parts["embedder"] == "hash-64"
    assert assistant.library.ensure_index() is None  # current and complete: nothing to do


def test_an_index_with_an_old_key_is_rebuilt_and_the_upload_survives(assistant: Assistant) -> None:
    settings = assistant.settings
    before = generations(assistant)
    assert "ajout-note-bibliotheques" in before
    age_the_key(settings)
    assert index_is_stale(settings)

    report = assistant.library.ensure_index()

    assert report is not None and not report.failed, report.lines()
    assert "Index construit par une autre version (découpage en passages)" in report.lines()[0]
    assert any("dont 1 ajouté(s) par vous" in line for line in report.lines())
    after = generations(assistant)
    assert set(after) == set(before)  # the upload is still there, re-read from its PDF
    assert all(after[u] != before[u] for u in before)  # every unit written anew
    assert not index_is_stale(settings)
    assert not (settings.data_dir / index_swap.STAGING).exists()
    assert not (settings.data_dir / index_swap.PREVIOUS).exists()
    hits = assistant.retriever.search(f"Combien dure le stage des {UPLOAD_WORDS} ?", k=3)
    assert any(hit.chunk.document == "ajout-note-bibliotheques" for hit in hits)


def test_an_index_that_recorded_nothing_is_rebuilt(assistant: Assistant) -> None:
    """An index written by a version before the keys (no `build.json`) is an old one."""
    settings = assistant.settings
    (settings.index_dir / build_key.FILE_NAME).unlink()
    before = generations(assistant)
    report = assistant.library.ensure_index()
    assert report is not None and "version inconnue" in report.lines()[0]
    assert all(generations(assistant)[u] != before[u] for u in before)
    assert build_key.read_key(settings.index_dir) is not None


def test_an_index_is_never_rebuilt_from_a_corpus_without_pdfs(assistant: Assistant) -> None:
    """Nothing to rebuild from: the index in service stays (the benchmark indexes its own texts this way);
    found when a rebuild from an empty corpus folder swapped in an index of no passage."""
    settings = assistant.settings
    (settings.index_dir / build_key.FILE_NAME).unlink()
    before = generations(assistant)
    folders = (settings.pdf_dir, settings.uploads_dir)
    for pdf in [p for folder in folders for p in folder.glob("*.pdf")]:
        pdf.rename(pdf.with_suffix(".pdf.aside"))
    try:
        assert not index_is_stale(settings)
        assistant.library.ensure_index()
        assert generations(assistant) == before and assistant.retriever.size > 0
    finally:
        for aside in [p for folder in folders for p in folder.glob("*.pdf.aside")]:
            aside.rename(aside.with_suffix(""))


def test_a_failure_midway_leaves_the_old_index_served(assistant: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = assistant.settings
    before = generations(assistant)
    old = age_the_key(settings)
    written: list[str] = []
    real_write = Indexer.write_unit

    def fail_on_second(self: Indexer, unit: object, previous: object = None) -> str:
        if written:
            raise OSError(28, "No space left on device")
        written.append("one")
        return real_write(self, unit, previous)  # type: ignore[arg-type]

    monkeypatch.setattr(Indexer, "write_unit", fail_on_second)

    report = assistant.library.ensure_index()

    assert report is not None and report.failed and report.kept_previous
    assert any("l'index précédent reste en service" in line for line in report.lines())
    assert generations(assistant) == before  # the old index, whole, still serves
    assert build_key.read_key(settings.index_dir) == old  # and is still known as old: next start retries
    assert not (settings.data_dir / index_swap.STAGING).exists()
    assert assistant.retriever.search("Qu'est-ce qu'un CQP ?", k=2)


def test_an_upload_that_no_longer_parses_is_said_and_kept(assistant: Assistant) -> None:
    settings = assistant.settings
    stored = settings.uploads_dir / "note-bibliotheques.pdf"
    stored.write_bytes(b"%PDF-1.4\nceci n'est plus un PDF lisible\n")
    age_the_key(settings, part="parser")

    report = assistant.library.ensure_index()

    assert report is not None and not report.kept_previous, report.lines()
    said = [line for line in report.lines() if "note-bibliotheques.pdf : document ajouté qui ne se lit plus" in line]
    assert said and "son PDF est conservé" in said[0]
    assert stored.exists()
    assert set(generations(assistant)) == {*DOCUMENTS}  # the shipped texts rebuilt, served
    assert not index_is_stale(settings)


def test_a_swap_interrupted_between_its_renames_is_undone(assistant: Assistant) -> None:
    settings = assistant.settings
    before = generations(assistant)
    del assistant
    index_swap.discard_staging(settings.data_dir)  # releases Chroma's clients on the folder
    settings.index_dir.rename(settings.data_dir / index_swap.PREVIOUS)  # killed after rename 1
    (settings.data_dir / index_swap.STAGING / "index").mkdir(parents=True)  # and a half-built staging

    report = index_pdfs(settings)

    assert "l'index précédent a été remis en service" in report.lines()[0]
    assert not (settings.data_dir / index_swap.STAGING).exists()
    fresh = Assistant(settings)
    assert generations(fresh) == before  # put back, found current, nothing rewritten


def test_a_first_start_builds_in_place_and_serves_what_it_built(built: Settings, tmp_path: Path) -> None:
    """A store opened before the first indexing (the front ends open the retriever first) is no old index:
    the first start builds in place, says nothing of another version, and the retriever serves it."""
    settings = built.model_copy(update={"data_dir": tmp_path / "first"})
    assistant = Assistant(settings)
    assert assistant.retriever.size == 0  # opened: Chroma's folder exists, empty
    report = assistant.library.ensure_index()
    assert report is not None and not report.failed, report.lines()
    assert not any("autre version" in line for line in report.lines())
    assert assistant.retriever.size > 0 and not index_is_stale(settings)
    assert assistant.library.ensure_index() is None


def test_a_rebuild_is_served_by_a_retriever_opened_before_it(assistant: Assistant) -> None:
    """The swap replaces the folder under an open store: the library reopens it (else: 0 passages)."""
    size = assistant.retriever.size
    age_the_key(assistant.settings)
    assistant.library.ensure_index()
    assert assistant.retriever.size == size
    assert assistant.retriever.search("Qu'est-ce qu'un CQP ?", k=2)
