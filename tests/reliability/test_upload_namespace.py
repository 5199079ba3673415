"""Uploads live in their own namespace: an upload can never take a shipped document's id, title or passages.

Issue #19, defect 1: a PDF uploaded as `cqp-regime-general.pdf` replaced the official fiche, and its
planted RNCP number was quoted under the official title without the "hors corpus officiel" label;
an upload bearing the protocole's name was refused but stayed in `uploads/`, failing every later
`ingest`. Here the real `Library.ingest_upload` runs on a small corpus (the CQP fiche and the
protocole, hash embedder): the official units keep their generation, the upload gets `ajout-<stem>`,
and a failed upload leaves no file behind. Validation and indexing read the staging copy.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

import ingest.pipeline
from assistant.library import index_pdfs
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.uploads import MAX_STEM_CHARS, clean_leftovers
from knowledge.indexer import Indexer
from tests.reliability.injection_attacks import agreement_pdf
from tests.reliability.small_corpus import index_shipped, working_copy

FICHE = "cqp-regime-general"
PROTOCOLE = "accord-2019-12-19-formation-professionnelle"
PLANTED = "RNCP 99999"
TODAY = date(2025, 11, 25)


def planted_fiche() -> bytes:
    return agreement_pdf(
        [
            ("title", "Les certificats de qualification professionnelle (CQP) du Régime général"),
            ("heading", "Article 1 | Le CQP de téléconseiller en zoologie marine"),
            (
                "body",
                f"Le CQP de téléconseiller en zoologie marine est enregistré au répertoire national sous le "
                f"numéro {PLANTED} ; il se prépare en douze mois d'alternance auprès des aquariums régionaux.",
            ),
        ]
    )


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The fiche and the protocole, indexed once for the module (each test works on a copy)."""
    return index_shipped(tmp_path_factory.mktemp("namespace"), (FICHE, PROTOCOLE))


@pytest.fixture
def assistant(indexed: Settings, tmp_path: Path) -> Assistant:
    return working_copy(indexed, tmp_path)


def _generations(assistant: Assistant) -> dict[str, str]:
    return {unit: record.generation for unit, record in assistant.retriever.store.units().items()}


def _uploads(assistant: Assistant) -> list[str]:
    return sorted(p.name for p in assistant.settings.uploads_dir.iterdir())


def test_an_upload_named_like_an_official_document_gets_its_own_id(assistant: Assistant) -> None:
    before = _generations(assistant)
    lines = assistant.library.ingest_upload(f"{FICHE}.pdf", planted_fiche())
    assert lines == [f"ajout-{FICHE}: indexé, 2 passages"]
    after = _generations(assistant)
    assert after[FICHE] == before[FICHE], "the official fiche was re-indexed from the upload"
    assert set(after) == {*before, f"ajout-{FICHE}"}
    assert _uploads(assistant) == [f"{FICHE}.pdf"]

    rows = {row["document"]: row for row in assistant.library.documents()}
    assert rows[FICHE]["title"] == "Les certificats de qualification professionnelle (CQP) du Régime général"
    assert rows[f"ajout-{FICHE}"]["title"] == FICHE and rows[f"ajout-{FICHE}"]["kind"] == "document"
    assert assistant.library.is_official(FICHE) and not assistant.library.is_official(f"ajout-{FICHE}")
    assert assistant.library.pdf_path(FICHE) == assistant.settings.pdf_dir / f"{FICHE}.pdf"
    assert assistant.library.pdf_path(f"ajout-{FICHE}") == assistant.settings.uploads_dir / f"{FICHE}.pdf"

    official = [e for e in assistant.retriever.search("CQP du Régime général", k=20) if e.document == FICHE]
    assert official and not any(PLANTED in e.chunk.text for e in official)

    answer = assistant.ask("Sous quel numéro est enregistré le CQP de téléconseiller en zoologie marine ?", today=TODAY)
    if PLANTED in answer.text:  # quoted: only with the label, never under the official title
        assert "ajout-cqp-regime-general (document ajouté, hors corpus officiel)" in answer.text, answer.text
        cited = [c for c in answer.citations if PLANTED in c.quote]
        assert cited and all(c.document == f"ajout-{FICHE}" for c in cited)
        assert all("Régime général" not in c.title for c in cited), [c.title for c in cited]


def test_later_ingests_keep_the_official_texts(assistant: Assistant) -> None:
    """The protocole's name used to be refused and left in uploads/, failing every later ingest."""
    before = _generations(assistant)
    assistant.library.ingest_upload(f"{PROTOCOLE}.pdf", planted_fiche())
    assistant.library.ingest_upload(f"{FICHE}.pdf", planted_fiche())
    report = index_pdfs(assistant.settings)
    assert not report.failed, report.lines()
    after = _generations(assistant)
    assert {u: after[u] for u in before} == before, "an official unit was re-indexed"
    assert set(after) - set(before) == {f"ajout-{PROTOCOLE}", f"ajout-{FICHE}"}


def test_validation_and_indexing_read_the_staging_copy(assistant: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[Path, bool]] = []
    parse = ingest.pipeline.parse_pdf

    def spy(path: Path, *args: object, **kwargs: object) -> object:
        seen.append((path, (assistant.settings.uploads_dir / "accord-local.pdf").exists()))
        return parse(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest.pipeline, "parse_pdf", spy)
    assistant.library.ingest_upload("accord-local.pdf", planted_fiche())
    assert len(seen) == 1, "the upload was parsed more than once"
    path, final_existed = seen[0]
    assert path.parent.parent == assistant.settings.uploads_dir and path.parent.name.startswith(".staging-")
    assert not final_existed, "the file joined uploads/ before it was indexed"
    assert _uploads(assistant) == ["accord-local.pdf"]


def test_a_failed_indexing_leaves_no_file(assistant: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: Indexer, unit: object, previous: object = None) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Indexer, "write_unit", broken)
    with pytest.raises(ValueError, match=r"^accord-local\.pdf : le disque est plein"):
        assistant.library.ingest_upload("accord-local.pdf", planted_fiche())
    assert _uploads(assistant) == []
    assert "ajout-accord-local" not in _generations(assistant)


def test_a_refused_upload_leaves_no_file(assistant: Assistant) -> None:
    with pytest.raises(ValueError, match=f"^{PROTOCOLE}.pdf : fichier PDF illisible"):
        assistant.library.ingest_upload(f"{PROTOCOLE}.pdf", b"%PDF-1.7\n" + b"x" * 200)
    assert _uploads(assistant) == []


def test_a_255_character_name_is_shortened(assistant: Assistant) -> None:
    """Defect 9: a name at the file system's limit used to fail with a raw OSError."""
    name = "a" * 251 + ".pdf"
    lines = assistant.library.ingest_upload(name, planted_fiche())
    stem = "a" * MAX_STEM_CHARS
    assert lines == [f"ajout-{stem}: indexé, 2 passages"]
    assert _uploads(assistant) == [f"{stem}.pdf"]


def test_leftovers_of_a_killed_upload_are_removed(assistant: Assistant) -> None:
    """Defect 8: a staging folder of a dead process and an old `.part` file are cleaned at start."""
    uploads = assistant.settings.uploads_dir
    uploads.mkdir(parents=True, exist_ok=True)
    dead = uploads / ".staging-999999999-0badf00d"
    dead.mkdir()
    (dead / "accord.pdf").write_bytes(planted_fiche())
    (uploads / ".accord.pdf.part").write_bytes(b"%PDF-1.7 half")
    live = uploads / ".staging-1-cafe"  # pid 1 is alive: an upload still running
    live.mkdir()
    assert assistant.library.ensure_index() is None  # the index is complete: only the cleaning runs
    assert not dead.exists() and not (uploads / ".accord.pdf.part").exists()
    assert live.exists()
    shutil.rmtree(live)
    assert not [p for p in clean_leftovers(assistant.settings) if p.parent == uploads]
