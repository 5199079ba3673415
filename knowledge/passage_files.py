"""One file per index generation: its passages and their keyword analysis, ready to load.

A process opening the index used to read every active passage back from Chroma and analyse all
of them for BM25: 28 s at 50k passages. The indexer now writes, for each generation it creates,
`<generation>.npz` next to the Chroma directory holding the passages' store ids, texts, metadata
and `TermCounts`; a reader loads these files instead (no analysis, no SQLite reads).

Metadata is saved as columns (one list per key, `None` where a passage lacks the key): decoding
a few long lists of numbers and strings is several times cheaper than 50k small dictionaries,
and the reader keeps them as columns (`knowledge.snapshot`), building a passage's dictionary
only when a search returns it. Files of format 1 (one dictionary per passage) are still read.

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

FORMAT = 4  # bump when the content changes: files of another format are ignored (read from the store)
READABLE = (1, 2, 3, 4)  # 1: metadata as one dictionary per passage; 1–2: one array per field
# Format 3 holds 4 arrays instead of 9: at 250 generations, reading each array's header was a
# fifth of the opening time. `text` is one JSON object, `counts` the doc/term/tf triples (3 × n).
# Format 4 holds 2: `text`, and `numbers` = [format, passages, lengths…, doc…, term…, tf…] (int32);
# numpy parses each array header with `ast` and opens a zip member per array (1,000 at 250
# generations in format 3, 500 now).
_SAFE = re.compile(r"^[A-Za-z0-9_-]+$")


Columns = dict[str, list[Any]]  # metadata key → one value per passage, None where absent


def to_columns(metadatas: Sequence[dict[str, Any]]) -> Columns:
    """One list per key (keys in first-seen order); a passage without the key holds None."""
    keys = list(dict.fromkeys(k for m in metadatas for k in m))
    return {k: [m.get(k) for m in metadatas] for k in keys}


def row(columns: Columns, n: int) -> dict[str, Any]:
    """The metadata dictionary of passage `n` (the keys it has, in column order)."""
    return {k: values[n] for k, values in columns.items() if values[n] is not None}


@dataclass(frozen=True)
class GenerationPassages:
    """The passages of one generation, in the order their counts are numbered."""

    ids: list[str]
    texts: list[str]
    columns: Columns
    counts: TermCounts

    @property
    def metadatas(self) -> list[dict[str, Any]]:
        return [row(self.columns, n) for n in range(len(self.ids))]


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
            counts = passages.counts
            text = {"ids": passages.ids, "texts": passages.texts, "columns": passages.columns}
            head = np.array([FORMAT, counts.size], dtype=np.int32)
            parts = [head, counts.lengths, counts.doc, counts.term, counts.tf]
            np.savez(
                out,
                text=_json_bytes({**text, "vocabulary": counts.vocabulary}),
                numbers=np.concatenate([np.asarray(p, dtype=np.int32) for p in parts]),
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
            numbers = data["numbers"] if "numbers" in data.files else None
            version = int(data["format"]) if numbers is None else int(numbers[0])
            if version not in READABLE:
                return None

            def loads(name: str) -> Any:
                return json.loads(data[name].tobytes().decode("utf-8"))

            if numbers is not None:
                text, size = loads("text"), int(numbers[1])
                vocabulary, ids, texts, columns = text["vocabulary"], text["ids"], text["texts"], text["columns"]
                lengths, doc, term, tf = _split_numbers(numbers[2:], size)
            elif version == 3:
                text, triples, lengths = loads("text"), data["counts"], data["lengths"]
                vocabulary, ids, texts, columns = text["vocabulary"], text["ids"], text["texts"], text["columns"]
                doc, term, tf = triples[0], triples[1], triples[2]
            else:
                lengths = data["lengths"]
                vocabulary, ids, texts = loads("vocabulary"), loads("ids"), loads("texts")
                columns = loads("columns") if version == 2 else to_columns(loads("metadatas"))
                doc, term, tf = data["doc"], data["term"], data["tf"]
            counts = TermCounts(lengths, list(vocabulary), doc, term, tf)
            passages = GenerationPassages(list(ids), list(texts), dict(columns), counts)
    except FileNotFoundError:
        return None
    except Exception as exc:  # damaged file: the store still has everything
        log.warning("passages of generation %s unreadable (%s); reading them from the store", generation, exc)
        return None
    sizes = {len(passages.ids), len(passages.texts), counts.size} | {len(v) for v in passages.columns.values()}
    if len(sizes) != 1:
        log.warning("passages of generation %s inconsistent; reading them from the store", generation)
        return None
    return passages


def _split_numbers(values: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Format 4's lengths (`size` of them) then the doc, term and tf columns of equal length."""
    rest = values[size:]
    if size > len(values) or len(rest) % 3:
        raise ValueError("numbers of unexpected length")
    third = len(rest) // 3
    return values[:size], rest[:third], rest[third : 2 * third], rest[2 * third :]


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
    return GenerationPassages(list(ids), list(texts), to_columns(metadatas), TermCounts.of(index_texts))
