"""Parse PDFs safely: checks first, then pdfplumber in a child process with time and memory limits.

A hostile or broken PDF (encrypted, truncated, scanned, huge, a compression bomb) must cost a
bounded amount of time and memory and end in a one-line `IngestError` naming the file, while the
other files go on. Nothing half-parsed is returned: a document is either fully parsed or absent.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import replace
from pathlib import Path

from ingest.manifest import info_for
from ingest.models import DocumentInfo, IngestError, ParsedDocument
from ingest.shipped_parses import KnownParses

log = logging.getLogger(__name__)

DEFAULT_MAX_PAGES = 500
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_TIMEOUT_S = 120.0
DEFAULT_MEMORY_BYTES = 2 * 1024**3
MIN_TEXT_CHARS_PER_PAGE = 20
MAX_PARSE_WORKERS = 4
PARSE_DIR_PREFIX = "ccn-parse-"  # then the parent's pid: a folder whose process is gone is stale
STALE_LEGACY_S = 3600.0  # each child may take `memory_bytes` of address space: 4 × 2 Gio at most


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Cheap checks before any parsing: exists, not empty, not too big, really a PDF."""
    name = path.name
    if not path.exists():
        raise IngestError(name, "fichier introuvable")
    if not path.is_file():  # a folder, a named pipe (reading it would block) or a device
        raise IngestError(name, "n'est pas un fichier ordinaire (dossier, tube ou périphérique)")
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
    if info.kind == "document" and info.title == info.document:  # no manifest entry: an upload
        info = replace(info, title=visual_title(pages) or info.title, pages=len(pages))
    sections = build_sections(pages, info.document, info.title)
    if not sections:
        raise IngestError(path.name, "aucun texte structuré n'a pu être extrait")
    return ParsedDocument(info=info, sections=tuple(sections), page_count=len(pages), content_hash=file_hash(path))


def visual_title(pages: Sequence[Sequence[object]], max_lines: int = 3) -> str:
    """The title printed on the first page: its largest lines, or its first line when all share a size.

    An uploaded file has no manifest entry; its name ("accord_v2_final.pdf") says little, while the
    page says "Accord local du 3 mars 2025 relatif au tutorat". Empty when page 1 has no text.
    """
    from statistics import median

    from ingest.pdf_reader import TextLine

    lines = [b for b in (pages[0] if pages else ()) if isinstance(b, TextLine) and b.text.strip()]
    if not lines:
        return ""
    lines.sort(key=lambda line: line.top)
    largest = max(line.size for line in lines)
    if largest <= median(line.size for line in lines) + 0.5:
        chosen = lines[:1]
    else:
        start = next(i for i, line in enumerate(lines) if line.size >= largest - 0.5)
        chosen = []
        for line in lines[start : start + max_lines]:
            if line.size < largest - 0.5:
                break
            chosen.append(line)
    title = " ".join(" ".join(line.text.split()) for line in chosen)
    return title if len(title) <= 200 else title[:199].rstrip() + "…"


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
    it writes the pickled result to a temporary file that only this process reads back. The child
    sets its own memory limit before it imports pdfplumber or opens the file: a `preexec_fn` here
    would not be safe while `parse_corpus` runs several of these calls from threads.
    """
    path = Path(path)
    info = info or info_for(path, {})
    check_file(path, max_bytes)
    with tempfile.TemporaryDirectory(prefix=f"{PARSE_DIR_PREFIX}{os.getpid()}-") as tmp:
        request = Path(tmp) / "request.pickle"
        result = Path(tmp) / "result.pickle"
        request.write_bytes(pickle.dumps((str(path.resolve()), info, max_pages)))
        worker = [sys.executable, "-m", "ingest.worker", str(request), str(result), str(int(memory_bytes))]
        worker += [str(timeout_s + 5), str(os.getpid())]  # its own limit, a little after ours
        try:
            proc = subprocess.run(
                worker,
                timeout=timeout_s,
                capture_output=True,
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


def clean_stale_parse_dirs(root: Path | None = None) -> list[Path]:
    """Remove the parse folders (parsed agreement text) of processes that were killed; returns them.

    A folder is `ccn-parse-<pid>-<random>`: it is stale when that process no longer exists. Folders
    of older versions (no pid) are removed once an hour old, longer than any parse may take.
    """
    base = Path(root or tempfile.gettempdir())
    removed = []
    try:
        entries = [e for e in base.iterdir() if e.name.startswith(PARSE_DIR_PREFIX) and e.is_dir()]
    except OSError:
        return []
    for entry in entries:
        owner = entry.name[len(PARSE_DIR_PREFIX) :].split("-", 1)[0]
        if owner.isdigit():
            if _process_exists(int(owner)):
                continue
        else:
            try:
                if time.time() - entry.stat().st_mtime < STALE_LEGACY_S:
                    continue
            except OSError:
                continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def default_workers(cap: int = MAX_PARSE_WORKERS) -> int:
    """Children to run at once: the CPUs this process may use, at most `cap`.

    `sched_getaffinity` counts the CPUs a container or `taskset` really grants; `cpu_count` (the
    machine's) is the fallback where it does not exist.
    """
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = os.cpu_count() or 1
    return max(1, min(cap, usable))


def largest_first(paths: Sequence[Path]) -> list[int]:
    """Indices of `paths`, biggest file first (ties in input order); missing files count as empty.

    With fewer children than files, starting the longest parse first keeps it from being the
    one left running alone at the end; byte size is a cheap stand-in for parse time.
    """

    def size(i: int) -> int:
        try:
            return paths[i].stat().st_size
        except OSError:
            return 0

    return sorted(range(len(paths)), key=lambda i: (-size(i), i))


def parse_corpus(
    pdf_paths: Iterable[Path],
    manifest: dict[str, DocumentInfo],
    *,
    workers: int | None = None,
    on_file: Callable[[Path, int], None] | None = None,
    info_of: Callable[[Path], DocumentInfo] | None = None,
    known: KnownParses | None = None,
    on_parse: Callable[[], None] | None = None,
    **limits: float,
) -> tuple[list[ParsedDocument], list[IngestError]]:
    """Parse every file; a bad file is reported and skipped, the others continue.

    Each file is described by `info_of(path)` when given (the product keeps uploads out of the
    manifest's namespace), else by its manifest entry.

    `on_file(path, done)` is called in the caller's thread as each file is finished (`done`
    files so far), for progress bars: a UI may only be updated from its own thread.

    Up to `workers` files are parsed at once (default `default_workers()`; 1 parses one after
    another), each in its own isolated child as `parse_pdf` does, so one file's failure or limit
    never touches another's. Threads only wait on their child, so the GIL costs nothing here.
    Results and errors come back in input order whatever order the children finish in.

    A file found in `known` (the shipped parses: same bytes, same info, same parser) is taken
    from it after the same file checks, without starting a child. `on_parse()` is called (from
    a worker thread, possibly several times) before a child is started for a file that passed
    the file checks: a changed file, whose passages will need the model, so the caller may get
    the model ready meanwhile.
    """
    paths = [Path(p) for p in pdf_paths]
    clean_stale_parse_dirs()

    def parse(path: Path) -> ParsedDocument | IngestError:
        try:
            info = info_of(path) if info_of is not None else info_for(path, manifest)
            if (known is not None and len(known)) or on_parse is not None:
                check_file(path, int(limits.get("max_bytes", DEFAULT_MAX_BYTES)))
            if known is not None and len(known):
                shipped = known.get(file_hash(path), info, limits.get("max_pages", DEFAULT_MAX_PAGES))
                if shipped is not None:
                    return shipped
            if on_parse is not None:
                on_parse()
            return parse_pdf(path, info, **limits)  # type: ignore[arg-type]
        except IngestError as exc:
            return exc

    count = min(default_workers() if workers is None else max(1, workers), len(paths))
    if count <= 1:
        outcomes = []
        for path in paths:
            outcomes.append(parse(path))
            if on_file:
                on_file(path, len(outcomes))
    else:
        with ThreadPoolExecutor(max_workers=count, thread_name_prefix="ccn-parse") as pool:
            futures = {pool.submit(parse, paths[i]): i for i in largest_first(paths)}
            for done, future in enumerate(as_completed(futures), start=1):
                if on_file:
                    on_file(paths[futures[future]], done)
        by_index = {i: future.result() for future, i in futures.items()}
        outcomes = [by_index[i] for i in range(len(paths))]
    parsed: list[ParsedDocument] = []
    errors: list[IngestError] = []
    for outcome in outcomes:
        if isinstance(outcome, IngestError):
            log.warning("%s", outcome)
            errors.append(outcome)
        else:
            parsed.append(outcome)
    return parsed, errors
