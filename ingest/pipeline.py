"""Parse PDFs safely: checks first, then pdfplumber in a child process with time and memory limits.

A hostile or broken PDF (encrypted, truncated, scanned, huge, a compression bomb) must cost a
bounded amount of time and memory and end in a one-line `IngestError` naming the file, while the
other files go on. Nothing half-parsed is returned: a document is either fully parsed or absent.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ingest.manifest import info_for
from ingest.models import DocumentInfo, IngestError, ParsedDocument

log = logging.getLogger(__name__)

DEFAULT_MAX_PAGES = 500
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_TIMEOUT_S = 120.0
DEFAULT_MEMORY_BYTES = 2 * 1024**3
MIN_TEXT_CHARS_PER_PAGE = 20


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Cheap checks before any parsing: exists, not empty, not too big, really a PDF."""
    name = path.name
    if not path.is_file():
        raise IngestError(name, "fichier introuvable")
    size = path.stat().st_size
    if size == 0:
        raise IngestError(name, "fichier vide (0 octet)")
    if size > max_bytes:
        raise IngestError(name, f"fichier de {_size(size)}, au-delà de la limite de {_size(max_bytes)}")
    with path.open("rb") as f:
        head = f.read(1024)
    if b"%PDF-" not in head:
        raise IngestError(name, "ce n'est pas un PDF (en-tête %PDF absent)")


def _size(n: int) -> str:
    """Bytes in French units: "3,2 Mo", "50 Ko"."""
    if n >= 1_000_000:
        return f"{n / 1e6:.1f} Mo".replace(".", ",").replace(",0 ", " ")
    return f"{max(1, round(n / 1e3))} Ko"


def parse_pdf_in_process(path: Path, info: DocumentInfo, max_pages: int = DEFAULT_MAX_PAGES) -> ParsedDocument:
    """Parse without isolation (used inside the child process, and by tests of pure parsing)."""
    from ingest.pdf_reader import TextLine, read_pdf
    from ingest.sections import build_sections

    pages = read_pdf(path, max_pages=max_pages)
    text_chars = sum(len(b.text) for page in pages for b in page if isinstance(b, TextLine))
    if text_chars < MIN_TEXT_CHARS_PER_PAGE * max(1, len(pages)) / 4:
        raise IngestError(path.name, "aucune couche texte exploitable (PDF scanné ou image ?)")
    sections = build_sections(pages, info.document, info.title)
    if not sections:
        raise IngestError(path.name, "aucun texte structuré n'a pu être extrait")
    return ParsedDocument(info=info, sections=tuple(sections), page_count=len(pages), content_hash=file_hash(path))


def _limit_memory(memory: int) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ImportError, ValueError, OSError):  # not on this platform: the time limit still holds
        pass


def parse_pdf(
    path: Path,
    info: DocumentInfo | None = None,
    *,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    memory_bytes: int = DEFAULT_MEMORY_BYTES,
) -> ParsedDocument:
    """Parse one PDF into sections, isolated in a child process; raise `IngestError` on failure.

    The child (`python -m ingest.worker`) gets an address-space limit and a wall-clock limit;
    it writes the pickled result to a temporary file that only this process reads back.
    """
    path = Path(path)
    info = info or info_for(path, {})
    check_file(path, max_bytes)
    with tempfile.TemporaryDirectory(prefix="ccn-parse-") as tmp:
        request = Path(tmp) / "request.pickle"
        result = Path(tmp) / "result.pickle"
        request.write_bytes(pickle.dumps((str(path.resolve()), info, max_pages)))
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "ingest.worker", str(request), str(result)],
                timeout=timeout_s,
                capture_output=True,
                preexec_fn=lambda: _limit_memory(memory_bytes),
                check=False,
                cwd=str(Path(__file__).resolve().parent.parent),
            )
        except subprocess.TimeoutExpired:
            raise IngestError(path.name, f"analyse interrompue après {timeout_s:.0f} s (délai dépassé)") from None
        if not result.exists():
            reason = "mémoire insuffisante ou processus interrompu" if proc.returncode else "aucun résultat"
            log.debug("worker stderr for %s: %s", path.name, proc.stderr.decode(errors="replace")[-2000:])
            raise IngestError(path.name, f"l'analyse du PDF a échoué ({reason})")
        status, payload = pickle.loads(result.read_bytes())
    if status == "error":
        raise IngestError(path.name, str(payload))
    assert isinstance(payload, ParsedDocument)
    return payload


def parse_corpus(
    pdf_paths: Iterable[Path],
    manifest: dict[str, DocumentInfo],
    **limits: float,
) -> tuple[list[ParsedDocument], list[IngestError]]:
    """Parse every file; a bad file is reported and skipped, the others continue."""
    parsed: list[ParsedDocument] = []
    errors: list[IngestError] = []
    for path in pdf_paths:
        try:
            parsed.append(parse_pdf(Path(path), info_for(Path(path), manifest), **limits))  # type: ignore[arg-type]
        except IngestError as exc:
            log.warning("%s", exc)
            errors.append(exc)
    return parsed, errors
