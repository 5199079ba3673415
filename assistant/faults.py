"""Storage faults told in one French line: what went wrong with the data folder, and what to do.

A read-only or deleted data folder, a full disk or a corrupted index surfaces as an `OSError`, an
SQLite error, or a Chroma error whose text carries SQLite's message ("attempt to write a readonly
database", "database disk image is malformed"), often wrapped in our `StoreError`. The front ends
print `storage_fault(exc).message` instead of a traceback, and `ingest --rebuild` uses `kind` to
decide whether the index may be moved aside and rebuilt (only when it is corrupt: moving it would
not help a full disk or a read-only folder).
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from dataclasses import dataclass

REBUILD = "reconstruisez-le avec « ccn-assistant ingest --rebuild »"


@dataclass(frozen=True)
class Fault:
    kind: str  # "corrupt" | "readonly" | "full" | "missing" | "access" | "io"
    message: str


_ERRNO = {
    errno.ENOSPC: ("full", "le disque est plein : libérez de la place puis relancez"),
    errno.EDQUOT: ("full", "le quota disque est atteint : libérez de la place puis relancez"),
    errno.EROFS: ("readonly", "le dossier des données est en lecture seule (système de fichiers monté en lecture)"),
    errno.EACCES: ("access", "accès refusé au dossier des données (droits insuffisants)"),
    errno.EPERM: ("access", "accès refusé au dossier des données (droits insuffisants)"),
    errno.ENOENT: ("missing", "un fichier du dossier des données a disparu (dossier supprimé ou déplacé ?)"),
    errno.EIO: ("io", "erreur de lecture ou d'écriture sur le disque"),
}

# Lower-case fragments of SQLite and Chroma messages, most specific first.
_TEXTS = (
    (
        "readonly database",
        "readonly",
        "l'index ne peut pas être modifié : dossier des données en lecture seule, ou supprimé pendant l'exécution",
    ),
    ("read-only file system", "readonly", "le dossier des données est en lecture seule"),
    ("database or disk is full", "full", "le disque est plein : libérez de la place puis relancez"),
    ("no space left on device", "full", "le disque est plein : libérez de la place puis relancez"),
    ("file is not a database", "corrupt", f"l'index de recherche est endommagé (base illisible) : {REBUILD}"),
    ("disk image is malformed", "corrupt", f"l'index de recherche est endommagé (base corrompue) : {REBUILD}"),
    ("no such table", "corrupt", f"l'index de recherche est incomplet ou endommagé : {REBUILD}"),
    ("hnsw", "corrupt", f"l'index de recherche est endommagé (index vectoriel illisible) : {REBUILD}"),
    ("segment", "corrupt", f"l'index de recherche est endommagé (segment illisible) : {REBUILD}"),
    ("disk i/o error", "io", "erreur disque sur l'index (dossier des données supprimé ou disque défaillant)"),
    ("unable to open database", "missing", "l'index de recherche est introuvable ou inaccessible"),
    ("permission denied", "access", "accès refusé au dossier des données (droits insuffisants)"),
)


# A unit's error while the data folder itself is gone: whatever the store said of it (a segment it could not read, a
# database it could not open), the cause to tell is the folder (`index_build.explained`).
FOLDER_GONE = Fault(
    "missing",
    "le dossier des données a été supprimé pendant l'exécution : relancez « ccn-assistant ingest » pour reconstruire "
    "l'index",
)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def storage_fault(exc: BaseException) -> Fault | None:
    """The storage fault behind `exc` (or its causes), or None when it is something else."""
    for link in _chain(exc):
        if isinstance(link, OSError) and link.errno in _ERRNO:
            kind, message = _ERRNO[link.errno]
            where = f" ({link.filename})" if link.filename else ""
            return Fault(kind, message + where)
        text = str(link).lower()
        for fragment, kind, message in _TEXTS:
            if fragment in text:
                return Fault(kind, message)
    return None
