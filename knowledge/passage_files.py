"""One file per index generation: its passages and their keyword analysis, ready to load.

A process opening the index used to read every active passage back from Chroma and analyse all
of them for BM25: 28 s at 50k passages. The indexer now writes, for each generation it creates,
`<generation>.npz` next to the Chroma directory holding the passages' store ids, texts, metadata
and `TermCounts`; a reader loads these files instead (no analysis, no SQLite reads).

Written *before* the unit's pointer is switched to the generation (temp file + rename), so a
reader that sees the new generation finds its file; deleted with the generation's chunks. A
missing or unreadable file (an index built before these files, a server store, a race with a
concurrent re-index) is never an error: that generation is read from the store and analysed, as
before, so the files only ever make opening faster.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.keyword import TermCounts

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the content changes: files of another format are ignored (read from the store)
_SAFE = re.compile(r"^[A-Za-z0-9_-]+$")


@dataclass(frozen=True)
class GenerationPassages:
    """The passages of one generation, in the order their counts are numbered."""

    ids: list[str]
    texts: list[str]
    metadatas: list[dict[str, Any]]
    counts: TermCounts


def _path(folder: Path, generation: str) -> Path:
    if not _SAFE.match(generation):
        raise ValueError(f"generation id {generation!r}")
    return folder / f"{generation}.npz"


def _json_bytes(value: object) -> np.ndarray:
    return np.frombuffer(json.dumps(value, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)


def write_generation(folder: Path, generation: str, passages: GenerationPassages) -> Path:
    """Save one generation's passages atomically (readers see the whole file or none)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = _path(folder, generation)
    handle, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            np.savez(
                out,
                format=np.int32(FORMAT),
                ids=_json_bytes(passages.ids),
                texts=_json_bytes(passages.texts),
                metadatas=_json_bytes(passages.metadatas),
                vocabulary=_json_bytes(passages.counts.vocabulary),
                lengths=passages.counts.lengths,
                doc=passages.counts.doc,
                term=passages.counts.term,
                tf=passages.counts.tf,
            )
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def read_generation(folder: Path, generation: str) -> GenerationPassages | None:
    """The saved passages of `generation`, or None (absent, other format, unreadable)."""
    try:
        with np.load(_path(folder, generation), allow_pickle=False) as data:
            if int(data["format"]) != FORMAT:
                return None

            def loads(name: str) -> list[Any]:
                return list(json.loads(data[name].tobytes().decode("utf-8")))

            arrays = {name: data[name] for name in ("lengths", "doc", "term", "tf")}
            counts = TermCounts(vocabulary=loads("vocabulary"), **arrays)
            passages = GenerationPassages(loads("ids"), loads("texts"), loads("metadatas"), counts)
    except FileNotFoundError:
        return None
    except Exception as exc:  # damaged file: the store still has everything
        log.warning("passages of generation %s unreadable (%s); reading them from the store", generation, exc)
        return None
    if not (len(passages.ids) == len(passages.texts) == len(passages.metadatas) == counts.size):
        log.warning("passages of generation %s inconsistent; reading them from the store", generation)
        return None
    return passages


def remove_generations(folder: Path, keep: Iterable[str]) -> int:
    """Delete the files of generations not in `keep` (and stray temp files); how many went."""
    if not folder.is_dir():
        return 0
    wanted = {f"{g}.npz" for g in keep}
    removed = 0
    for path in folder.iterdir():
        if path.name not in wanted and path.suffix in (".npz", ".tmp"):
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def analysed(
    ids: Sequence[str], texts: Sequence[str], metadatas: Sequence[dict[str, Any]], index_texts: Sequence[str]
) -> GenerationPassages:
    """Passages with the keyword analysis of the text each is indexed by."""
    return GenerationPassages(list(ids), list(texts), [dict(m) for m in metadatas], TermCounts.of(index_texts))
