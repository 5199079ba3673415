"""Hostile PDFs (issue #8): each ends in a one-line `IngestError` naming the file, in bounded time
and memory, and an index built before keeps answering afterwards.

Parsing runs in a child process (`ingest.pipeline.parse_pdf`) under an address-space limit and a
wall-clock limit; cheap guards in the child (nesting scan, bounded inflate of page streams, page
count) refuse most attacks in about a second, the limits catch the rest.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.manifest import load_manifest
from ingest.models import IngestError
from ingest.pipeline import DEFAULT_MEMORY_BYTES, parse_corpus, parse_pdf
from tests.reliability.fixtures import (
    CORPUS_PDF,
    REAL_PDF,
    font_bomb_pdf,
    interleaved_nested_pdf,
    write_hostile_pdfs,
)

MANIFEST = CORPUS_PDF.parent / "manifest.json"
MAX_SECONDS = 30  # per file, default limits; each takes 0-3 s on an idle machine
REPO_ROOT = Path(__file__).resolve().parents[2]
MiB = 1024 * 1024


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_hostile_pdfs(tmp_path_factory.mktemp("hostile"))


EXPECTED = {
    "vide": "fichier vide (0 octet)",
    "pas_un_pdf": "ce n'est pas un PDF (en-tête %PDF absent)",
    "tronque": "fichier PDF illisible ou tronqué",
    "chiffre": "PDF chiffré ou protégé par mot de passe",
    "image": "aucune couche texte exploitable (PDF scanné ou image ?)",
    "deux_mille_pages": "2000 pages, au-delà de la limite de 500 pages",
    "bombe": "page 1 : flux compressé de plus de 64 Mo une fois décompressé (bombe de décompression ?)",
    "imbrique": "structure PDF trop imbriquée (plus de 256 niveaux de tableaux ou dictionnaires)",
}


def _peak_rss() -> tuple[int, int]:
    """Peak resident memory (bytes) of this process and of its largest finished child (Linux: KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return own, children


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_hostile_pdf_ends_in_a_clear_error(hostile: dict[str, Path], kind: str) -> None:
    path = hostile[kind]
    started = time.monotonic()
    with pytest.raises(IngestError) as caught:
        parse_pdf(path)  # default limits: 500 pages, 50 Mo, 120 s, 2 Gio
    elapsed = time.monotonic() - started
    assert caught.value.file == path.name
    assert str(caught.value).startswith(f"{path.name}: {EXPECTED[kind]}")
    assert elapsed < MAX_SECONDS, f"{kind}: {elapsed:.1f} s"


def test_fixtures_are_what_they_claim(hostile: dict[str, Path]) -> None:
    assert hostile["deux_mille_pages"].stat().st_size < 1 * MiB
    assert hostile["deux_mille_pages"].read_bytes().count(b"/Type /Page ") == 2000
    bomb = hostile["bombe"].stat().st_size
    assert bomb < 8 * MiB  # a few megabytes on disk…
    assert b"/Filter /FlateDecode" in hostile["bombe"].read_bytes()
    assert hostile["imbrique"].read_bytes().count(b"[" * 1000) >= 100


def test_deflate_bomb_really_inflates_beyond_gigabytes() -> None:
    import zlib

    from tests.reliability.fixtures import deflate_bomb

    data = deflate_bomb(3 * 1024**3)
    inflater = zlib.decompressobj()
    inflated = 0
    for start in range(0, 64 * 1024, 4096):  # the first 64 KiB of input alone give >60 MiB of zeros
        inflated += len(inflater.decompress(data[start : start + 4096]))
    assert inflated > 60 * MiB
    assert len(data) * 900 < 3 * 1024**3  # compression ratio near deflate's maximum (1032:1)
    small = deflate_bomb(8 * MiB)
    assert zlib.decompress(small) == bytes(8 * MiB)  # a valid stream, checksum included


def test_interleaved_nesting_is_parsed_in_bounded_time(tmp_path: Path) -> None:
    """`[0 [0 [0 …` 100,000 deep: pdfminer parses it iteratively (no recursion), so the page's
    text is read; what matters is that it neither hangs nor crashes the parent."""
    path = tmp_path / "imbrique-entrelace.pdf"
    path.write_bytes(interleaved_nested_pdf())
    started = time.monotonic()
    parsed = parse_pdf(path)
    assert time.monotonic() - started < MAX_SECONDS
    assert "formation professionnelle" in parsed.sections[0].text


# Run in a fresh interpreter: RUSAGE_CHILDREN is the largest of ALL the children a process ever waited
# for, so inside pytest it also counts whatever earlier tests started (a served model, a UI).
_MEASURE_BOMB = """
import json, resource, sys
from pathlib import Path
from ingest.models import IngestError
from ingest.pipeline import parse_pdf
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    parse_pdf(Path(sys.argv[1]))
    error = ""
except IngestError as exc:
    error = str(exc)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"own_growth": (after - before) * 1024, "child_peak": child * 1024, "error": error}))
"""


def test_compression_bomb_keeps_both_processes_bounded(hostile: dict[str, Path]) -> None:
    run = subprocess.run(
        [sys.executable, "-c", _MEASURE_BOMB, str(hostile["bombe"])],
        capture_output=True,
        text=True,
        timeout=MAX_SECONDS * 4,
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        check=True,
    )
    measured = json.loads(run.stdout.strip().splitlines()[-1])
    assert "bombe de décompression" in measured["error"]
    assert measured["own_growth"] < 64 * MiB  # the parent never holds the inflated data
    assert 0 < measured["child_peak"] < DEFAULT_MEMORY_BYTES


def test_memory_limit_stops_a_bomb_the_guards_do_not_see(tmp_path: Path) -> None:
    """The bomb hides in an embedded font, which pdfminer inflates whole: only the limit stops it.

    A tighter limit than the default (768 Mio instead of 2 Gio) keeps this test short; with the
    default the same file fails the same way after inflating about 2 Gio (≈15 s).
    """
    path = tmp_path / "police-piegee.pdf"
    path.write_bytes(font_bomb_pdf())
    own_before, _ = _peak_rss()
    started = time.monotonic()
    with pytest.raises(IngestError) as caught:
        parse_pdf(path, memory_bytes=768 * MiB, timeout_s=60)
    assert str(caught.value) == "police-piegee.pdf: page 1 : mémoire insuffisante (limite dépassée)"
    assert time.monotonic() - started < 60
    own_after, _ = _peak_rss()
    assert own_after - own_before < 64 * MiB


def test_time_limit_stops_a_slow_parse(tmp_path: Path) -> None:
    slow = Path(shutil.copy(REAL_PDF, tmp_path / "lent.pdf"))
    started = time.monotonic()
    with pytest.raises(IngestError, match=r"^lent\.pdf: analyse interrompue après 0 s \(délai dépassé\)$"):
        parse_pdf(slow, timeout_s=0.2)
    assert time.monotonic() - started < 5  # the child is killed, not waited for


def test_hostile_files_do_not_stop_the_good_ones(hostile: dict[str, Path]) -> None:
    files = [hostile["bombe"], REAL_PDF, hostile["imbrique"], hostile["deux_mille_pages"]]
    parsed, errors = parse_corpus(files, load_manifest(MANIFEST))
    assert [d.document for d in parsed] == [REAL_PDF.stem]
    assert [e.file for e in errors] == ["bombe.pdf", "imbrique.pdf", "deux_mille_pages.pdf"]


def test_existing_index_still_answers_after_hostile_uploads(
    hostile: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The UI/CLI path (`assistant.library.index_pdfs`), hash embedder, a temporary data dir.

    The corpus here is the protocole alone (no amendments file, so no avenant to parse); hostile
    files then arrive as uploads and the whole corpus is re-indexed, as at the UI's start.
    """
    from assistant.library import index_pdfs
    from assistant.settings import get_settings
    from knowledge.embedder import make_embedder
    from knowledge.factory import open_retriever, open_store

    corpus = tmp_path / "corpus"
    (corpus / "pdf").mkdir(parents=True)
    shutil.copy(MANIFEST, corpus / "manifest.json")
    shutil.copy(REAL_PDF, corpus / "pdf" / REAL_PDF.name)
    monkeypatch.delenv("CCN_CHROMA_URL", raising=False)
    settings = get_settings().model_copy(
        update={"corpus_dir": corpus, "data_dir": tmp_path / "data", "embedding_backend": "hash", "chroma_url": ""}
    )

    def tutor_bonus_found() -> bool:
        retriever = open_retriever(settings)
        hits = retriever.search("prime de tutorat", k=3)
        return any(h.chunk.document == REAL_PDF.stem and h.chunk.section_number == "4.3" for h in hits)

    def generations() -> dict[str, str]:
        store = open_store(make_embedder("hash"), data_dir=settings.data_dir, collection=settings.collection)
        return {name: record.generation for name, record in store.units().items()}

    built = index_pdfs(settings)
    assert not built.failed, built.lines()
    assert tutor_bonus_found()
    before = generations()
    assert list(before) == [REAL_PDF.stem]

    settings.uploads_dir.mkdir(parents=True)
    attacks = [
        shutil.copy(hostile[k], settings.uploads_dir) for k in ("bombe", "imbrique", "deux_mille_pages", "chiffre")
    ]
    started = time.monotonic()
    report = index_pdfs(settings)
    assert time.monotonic() - started < 4 * MAX_SECONDS
    assert report.failed
    assert sorted(e.file for e in report.errors) == sorted(Path(p).name for p in attacks)
    assert [(s.unit, s.status) for s in report.statuses] == [(REAL_PDF.stem, "unchanged")]
    assert report.removed == []  # a failed upload never prunes what is indexed
    assert generations() == before  # nothing rewritten, nothing half-written
    assert tutor_bonus_found()
