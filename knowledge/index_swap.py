"""A whole index built beside the one in service, and swapped in only once complete.

The index of a data directory is one folder, `<data_dir>/index` (Chroma's database under `chroma/`,
the passages' files under `passages/`, what built it in `build.json`). Rebuilding it in place, unit
by unit, would serve a mix of old and new passages while it runs, and a failure half-way would leave
that mix. Instead the new index is written under `<data_dir>/index-nouveau/index` (a data directory of
its own for `knowledge.factory`), then two renames put it in service:

1. `index` → `index-ancien` (the old one, kept until the end);
2. `index-nouveau/index` → `index`.

A crash before 1 leaves the old index served and a staging folder that the next run deletes; a
crash between 1 and 2 leaves no `index` but an `index-ancien`, which `recover` puts back. Chroma
keeps one client per folder in a process: `forget_clients` must run before the renames, and every
store of the process must be reopened after them (`ChromaStore.reopen`).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from knowledge.store import forget_clients

log = logging.getLogger(__name__)

LIVE = "index"
STAGING = "index-nouveau"
PREVIOUS = "index-ancien"


def staging_root(data_dir: Path) -> Path:
    """The data directory the new index is built in (emptied first)."""
    root = Path(data_dir) / STAGING
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    return root


def discard_staging(data_dir: Path) -> None:
    """Delete a staging build (failed, or left by a killed run)."""
    forget_clients()
    shutil.rmtree(Path(data_dir) / STAGING, ignore_errors=True)


def recover(data_dir: Path) -> bool:
    """Undo what a run killed during the swap or the build left; True when the old index was put back."""
    data_dir = Path(data_dir)
    live, previous = data_dir / LIVE, data_dir / PREVIOUS
    restored = False
    if previous.exists() and not live.exists():
        previous.rename(live)
        log.warning("index swap interrupted: the previous index is back in service")
        restored = True
    elif previous.exists():
        shutil.rmtree(previous, ignore_errors=True)
    if (data_dir / STAGING).exists():
        discard_staging(data_dir)
    return restored


def swap_in(data_dir: Path, built: Path) -> None:
    """Put the complete index folder `built` in service in place of `<data_dir>/index`."""
    data_dir = Path(data_dir)
    live, previous = data_dir / LIVE, data_dir / PREVIOUS
    forget_clients()
    shutil.rmtree(previous, ignore_errors=True)
    if live.exists():
        live.rename(previous)
    built.rename(live)
    shutil.rmtree(previous, ignore_errors=True)
    shutil.rmtree(data_dir / STAGING, ignore_errors=True)
    log.info("rebuilt index swapped in at %s", live)
