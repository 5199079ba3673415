"""Bad input never crashes ingestion: each file ends in an `IngestError` naming it, in French."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.manifest import info_for, load_manifest
from ingest.models import IngestError, ParsedDocument
from ingest.pipeline import check_file, default_workers, largest_first, parse_corpus, parse_pdf
from tests.ingest import ACCORD, FICHE, MANIFEST, PDF_DIR
from tests.reliability.fixtures import encrypted_pdf, image_only_pdf, text_pdf

REAL = PDF_DIR / f"{ACCORD}.pdf"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _encrypted(tmp: Path) -> Path:
    return encrypted_pdf(tmp / "accord-chiffré.pdf")


def _truncated(tmp: Path) -> Path:
    data = REAL.read_bytes()
    return _write(tmp / "accord-tronqué.pdf", data[: len(data) // 2])


def _not_a_pdf(tmp: Path) -> Path:
    return _write(tmp / "tableur.pdf", b"PK\x03\x04" + b"pas un PDF, une archive renommee" * 50)


def _zero_bytes(tmp: Path) -> Path:
    return _write(tmp / "vide.pdf", b"")


def _image_only(tmp: Path) -> Path:
    return image_only_pdf(tmp / "scan.pdf")


def _many_pages(tmp: Path) -> Path:
    return _write(tmp / "annuaire.pdf", text_pdf(40))


def _copy_of_real(name: str) -> Callable[[Path], Path]:
    return lambda tmp: Path(shutil.copy(REAL, tmp / name))


def _missing(tmp: Path) -> Path:
    return tmp / "absent.pdf"


BAD_INPUTS: list[tuple[str, Callable[[Path], Path], dict[str, float], str]] = [
    ("chiffré", _encrypted, {}, "PDF chiffré ou protégé par mot de passe"),
    ("tronqué", _truncated, {}, "fichier PDF illisible ou tronqué"),
    ("pas un PDF", _not_a_pdf, {}, "ce n'est pas un PDF (en-tête %PDF absent)"),
    ("zéro octet", _zero_bytes, {}, "fichier vide (0 octet)"),
    ("image seule", _image_only, {}, "aucune couche texte exploitable (PDF scanné ou image ?)"),
    ("trop de pages", _many_pages, {"max_pages": 30}, "40 pages, au-delà de la limite de 30 pages"),
    (
        "trop gros",
        _copy_of_real("gros.pdf"),
        {"max_bytes": 50_000},
        "fichier de 94 Ko, au-delà de la limite de 50 Ko",
    ),
    ("délai", _copy_of_real("lent.pdf"), {"timeout_s": 0.05}, "délai dépassé"),
    ("introuvable", _missing, {}, "fichier introuvable"),
]


@pytest.mark.parametrize(
    ("make", "limits", "reason"), [pytest.param(m, lim, r, id=name) for name, m, lim, r in BAD_INPUTS]
)
def test_bad_input_raises_a_french_error_naming_the_file(
    tmp_path: Path, make: Callable[[Path], Path], limits: dict[str, float], reason: str
) -> None:
    path = make(tmp_path)
    started = time.monotonic()
    with pytest.raises(IngestError) as caught:
        parse_pdf(path, **limits)  # type: ignore[arg-type]
    error = caught.value
    assert error.file == path.name
    assert str(error).startswith(f"{path.name}: ")
    assert reason in error.reason
    assert "\n" not in str(error)
    assert time.monotonic() - started < 30


def test_byte_limit_message_gives_both_sizes(tmp_path: Path) -> None:
    big = _write(tmp_path / "gros.pdf", b"%PDF-1.7\n" + bytes(3_000_000))
    with pytest.raises(IngestError, match=r"gros\.pdf: fichier de 3 Mo, au-delà de la limite de 2 Mo"):
        check_file(big, max_bytes=2_000_000)


def test_timeout_message_gives_the_limit(tmp_path: Path) -> None:
    slow = Path(shutil.copy(REAL, tmp_path / "lent.pdf"))
    with pytest.raises(IngestError, match=r"lent\.pdf: analyse interrompue après 0 s \(délai dépassé\)"):
        parse_pdf(slow, timeout_s=0.05)


def test_pdf_header_after_junk_is_accepted_by_the_pre_check(tmp_path: Path) -> None:
    path = _write(tmp_path / "préfixé.pdf", b"\xef\xbb\xbf\n" + REAL.read_bytes()[:2000])
    check_file(path)  # %PDF- within the first kilobyte: left to the parser


@pytest.mark.parametrize("workers", [1, 2])
def test_parse_corpus_skips_a_bad_file_and_parses_the_others(tmp_path: Path, workers: int) -> None:
    fiche = Path(shutil.copy(PDF_DIR / f"{FICHE}.pdf", tmp_path / f"{FICHE}.pdf"))
    upload = Path(shutil.copy(PDF_DIR / f"{FICHE}.pdf", tmp_path / "televersement.pdf"))
    bad = _truncated(tmp_path)
    manifest = load_manifest(MANIFEST)
    finished: list[tuple[str, int, threading.Thread]] = []
    parsed, errors = parse_corpus(
        [fiche, bad, upload],
        manifest,
        workers=workers,
        on_file=lambda p, done: finished.append((p.name, done, threading.current_thread())),
    )
    # progress for every file, failed ones included, counted in the caller's thread (UI rule)
    assert sorted(name for name, _, _ in finished) == sorted([fiche.name, bad.name, upload.name])
    assert [(done, thread) for _, done, thread in finished] == [(n, threading.current_thread()) for n in (1, 2, 3)]
    assert [d.document for d in parsed] == [FICHE, "televersement"]
    assert parsed[0].info == manifest[FICHE]
    # a PDF outside the manifest is described by itself: its title line and its page count (issue #16)
    described = info_for(upload, manifest)
    assert parsed[1].info.document == described.document and parsed[1].info.kind == "document"
    assert parsed[1].info.title == "Les certificats de qualification professionnelle (CQP) du Régime général"
    assert parsed[1].info.pages == 5
    assert parsed[0].content_hash == parsed[1].content_hash
    assert [(e.file, type(e)) for e in errors] == [(bad.name, IngestError)]
    assert "tronqué" in errors[0].reason


def test_parallel_parse_corpus_keeps_errors_in_input_order(tmp_path: Path) -> None:
    """Two bad files around a good one, two children: each error names its file, input order."""
    good = PDF_DIR / f"{FICHE}.pdf"
    truncated, not_pdf = _truncated(tmp_path), _not_a_pdf(tmp_path)
    parsed, errors = parse_corpus([truncated, good, not_pdf], load_manifest(MANIFEST), workers=2)
    assert [d.document for d in parsed] == [FICHE]
    assert [e.file for e in errors] == [truncated.name, not_pdf.name]


def test_one_child_or_several_give_the_same_documents_in_input_order(corpus_list: list[ParsedDocument]) -> None:
    """The shipped PDFs parsed sequentially and in parallel: same sections and hashes, same order.

    The session's `corpus_list` used the default number of children; this parse uses the other
    mode (one child if the default is several, two if it is one). In file-name order the files are
    not largest first, so the children start in a different order than the results come back.
    """
    paths = sorted(PDF_DIR.glob("*.pdf"))
    assert largest_first(paths) != list(range(len(paths)))
    manifest = load_manifest(MANIFEST)
    again, errors = parse_corpus(paths, manifest, workers=1 if default_workers() > 1 else 2)
    assert not errors
    assert [d.info for d in again] == [info_for(p, manifest) for p in paths]
    assert [d.content_hash for d in again] == [d.content_hash for d in corpus_list]
    assert [d.sections for d in again] == [d.sections for d in corpus_list]
    assert again == corpus_list


def test_largest_first_orders_by_size_then_input_order(tmp_path: Path) -> None:
    sizes = {"a.pdf": 10, "b.pdf": 30, "c.pdf": 10, "d.pdf": 20}
    paths = [_write(tmp_path / name, b"x" * size) for name, size in sizes.items()]
    paths.append(tmp_path / "absent.pdf")
    assert largest_first(paths) == [1, 3, 0, 2, 4]


def test_default_workers_is_bounded() -> None:
    assert 1 <= default_workers() <= 4
    assert default_workers(cap=1) == 1


def test_missing_manifest_gives_an_empty_one(tmp_path: Path) -> None:
    assert load_manifest(tmp_path / "absent.json") == {}


def test_on_parse_is_told_only_when_a_file_goes_to_a_child(tmp_path: Path) -> None:
    """A file in the shipped parses or one refused by the file checks starts no child and says
    nothing (the model is not needed for it); a changed file says so before its child starts."""
    from ingest.shipped_parses import KnownParses, shipped_file

    known = KnownParses.load(shipped_file(PDF_DIR.parent))
    assert len(known), "corpus/parsed.json.gz must be the current parser's (python -m ingest.shipped_parses)"
    shipped, changed, refused = PDF_DIR / f"{FICHE}.pdf", _truncated(tmp_path), _not_a_pdf(tmp_path)
    told: list[str] = []
    parsed, errors = parse_corpus(
        [shipped, refused], load_manifest(MANIFEST), known=known, on_parse=lambda: told.append("x")
    )
    assert [d.document for d in parsed] == [FICHE] and len(errors) == 1 and told == []
    parse_corpus([shipped, changed], load_manifest(MANIFEST), known=known, on_parse=lambda: told.append("x"))
    assert told == ["x"]
