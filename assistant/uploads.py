"""Uploaded PDFs: their own namespace, their staging area, and what a killed upload leaves behind.

A shipped document is identified by its file name in `corpus/pdf` and described by the manifest.
An uploaded file must never take that identity: it would then be indexed under the official title
and quoted without the "hors corpus officiel" label, and replace the official passages. So every
PDF outside the shipped folder gets the id `ajout-<stem>` and a description of its own, whatever
its name; the manifest is never consulted for it.

An upload is written to a staging folder `uploads/.staging-<pid>-<random>/`, validated and indexed
from there, and moved into `uploads/` only once indexed; the folder is removed whatever happens.
A process killed mid-way leaves its staging folder behind: `clean_leftovers` removes the folders of
dead processes (and the `.part` files older versions left) when indexing starts.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

from assistant.settings import Settings
from ingest.manifest import info_for
from ingest.models import DocumentInfo
from ingest.pipeline import clean_stale_parse_dirs

log = logging.getLogger(__name__)

UPLOAD_PREFIX = "ajout-"
MAX_STEM_CHARS = 100  # a file name is at most 255 bytes; the stem also goes into ids and folders
STAGING_PREFIX = ".staging-"


def upload_stem(filename: str) -> str:
    """The safe stem an upload is stored under: path dropped, odd characters folded, length capped."""
    stem = Path(Path(filename).name).stem
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.")
    return safe[:MAX_STEM_CHARS].rstrip("-.") or "document"


def is_upload_id(document: str) -> bool:
    return document.startswith(UPLOAD_PREFIX)


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().parent == folder.resolve()
    except OSError:
        return False


def document_info(path: Path, settings: Settings, manifest: dict[str, DocumentInfo]) -> DocumentInfo:
    """Who a PDF is: the manifest entry for a shipped file, an upload's own description otherwise."""
    if _inside(path, settings.pdf_dir):
        return info_for(path, manifest)
    stem = path.stem
    return DocumentInfo(document=UPLOAD_PREFIX + stem, title=stem, kind="document", file=path.name)


def upload_file(settings: Settings, document: str) -> Path:
    """Where the PDF of the upload `document` lives."""
    return settings.uploads_dir / f"{document.removeprefix(UPLOAD_PREFIX)}.pdf"


@contextlib.contextmanager
def staging_folder(settings: Settings) -> Iterator[Path]:
    """A fresh staging folder in `uploads/` (same file system: the final move is a rename), always removed."""
    settings.uploads_dir.mkdir(parents=True, exist_ok=True)
    folder = settings.uploads_dir / f"{STAGING_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}"
    folder.mkdir()
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def clean_leftovers(settings: Settings) -> list[Path]:
    """Remove staging folders of dead processes and old `.part` files from `uploads/`, and parse
    folders of killed processes from the temporary directory; returns what was removed."""
    removed = clean_stale_parse_dirs()
    uploads = settings.uploads_dir
    if not uploads.is_dir():
        return removed
    for entry in uploads.iterdir():
        name = entry.name
        if name.startswith(STAGING_PREFIX) and entry.is_dir():
            pid = name[len(STAGING_PREFIX) :].split("-", 1)[0]
            if pid.isdigit() and _alive(int(pid)):
                continue
            shutil.rmtree(entry, ignore_errors=True)
        elif name.endswith(".part") and entry.is_file():
            entry.unlink(missing_ok=True)
        else:
            continue
        removed.append(entry)
    if removed:
        log.info("removed %d leftover(s) of interrupted uploads", len(removed))
    return removed
