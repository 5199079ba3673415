"""Shipped parses: equal to a fresh parse of the real PDFs, used only when file, info and parser match."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

from ingest.manifest import info_for, load_manifest
from ingest.models import ParsedDocument
from ingest.pipeline import parse_corpus
from ingest.shipped_parses import KnownParses, shipped_file, write_parses
from tests.ingest import ACCORD, FICHE, MANIFEST, PDF_DIR

SHIPPED = shipped_file(PDF_DIR.parent)
REGENERATE = "run `python -m ingest.shipped_parses` and commit corpus/parsed.json.gz"


def test_shipped_parses_equal_a_fresh_parse_of_the_real_pdfs(corpus_list: list[ParsedDocument]) -> None:
    """`corpus_list` is the session's fresh parse (one pdfplumber child per PDF, no shipped parses):
    the shipped file must give exactly the same documents, sections and hashes, for today's parser.
    A change to the PDFs, the manifest, the parser or pdfplumber that forgets to regenerate fails here."""
    assert SHIPPED.exists(), REGENERATE
    known = KnownParses.load(SHIPPED)
    assert len(known) == len(corpus_list), f"made by another parser or for other files: {REGENERATE}"
    manifest = load_manifest(MANIFEST)
    for fresh in corpus_list:
        shipped = known.get(fresh.content_hash, info_for(PDF_DIR / f"{fresh.document}.pdf", manifest))
        assert shipped == fresh, f"{fresh.document}: {REGENERATE}"


def test_parse_corpus_takes_known_files_and_parses_the_others(
    tmp_path: Path, corpus: dict[str, ParsedDocument]
) -> None:
    """A known file starts no child; a changed file or the same bytes under an upload's info do."""
    manifest = load_manifest(MANIFEST)
    fiche = PDF_DIR / f"{FICHE}.pdf"
    fresh = [corpus[FICHE]]
    path = tmp_path / "parsed.json.gz"
    write_parses(path, [(manifest[FICHE], fresh[0])])
    known = KnownParses.load(path)

    upload = Path(shutil.copy(fiche, tmp_path / "televersement.pdf"))
    changed = tmp_path / f"{ACCORD}.pdf"
    changed.write_bytes(fiche.read_bytes() + b"\n%% une ligne ajoutee\n")  # same text, other bytes
    parsed, errors = parse_corpus([fiche, upload, changed], manifest, known=known, workers=1)
    assert not errors and known.hits == 1
    assert parsed[0] == fresh[0]
    assert parsed[1].document == "televersement" and parsed[1].info.kind == "document"  # parsed as an upload
    assert parsed[1].info.title.startswith("Les certificats de qualification")  # read from its page 1
    assert parsed[2].document == ACCORD and parsed[2].content_hash != fresh[0].content_hash


def test_another_parser_or_a_damaged_file_gives_no_parses(tmp_path: Path) -> None:
    path = tmp_path / "parsed.json.gz"
    path.write_bytes(gzip.compress(json.dumps({"format": 1, "parser": "autre", "documents": []}).encode()))
    assert len(KnownParses.load(path)) == 0
    path.write_bytes(b"pas du gzip")
    assert len(KnownParses.load(path)) == 0
    assert len(KnownParses.load(tmp_path / "absent.json.gz")) == 0


def test_known_files_still_obey_the_page_limit() -> None:
    """A shipped parse is no way around the page limit: the file is parsed and refused as before."""
    manifest = load_manifest(MANIFEST)
    fiche = PDF_DIR / f"{FICHE}.pdf"
    known = KnownParses.load(SHIPPED)
    assert len(known), REGENERATE
    parsed, errors = parse_corpus([fiche], manifest, known=known, max_pages=2)
    assert not parsed and known.hits == 0
    assert "limite de 2 pages" in errors[0].reason
