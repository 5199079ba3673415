"""What a `Retriever` searches: the active passages, their dates and BM25, loaded as one whole.

For every index unit the store's pointer names the active generation. Its passages come from
the generation's file (`knowledge.passage_files`: texts, metadata and keyword analysis saved by
the indexer) when there is one, else from the store, analysed here; both give the same
`Snapshot` (passages ordered by store id), so the files only make opening faster.

Opening is paid by every process at start (52k passages: the bulk of it used to be building one
frozen `Chunk` and one metadata dictionary per passage). The passages are therefore kept as
columns (`Passages`): a search needs only the documents and dates as arrays and the BM25
postings; a `Chunk` is built when a search returns it, and the lookups by id or by section use
indexes built on their first use.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

import numpy as np

from ingest.models import Chunk
from knowledge.keyword import BM25Index, TermCounts
from knowledge.metadata import NO_DATE, OPEN_END, index_text
from knowledge.passage_files import Columns, GenerationPassages, read_generation, row, to_columns
from knowledge.store import ChromaStore, StoredChunk

log = logging.getLogger(__name__)

SectionKey = tuple[Any, Any, Any, Any, Any]  # unit, document, section number, section ordinal, ordinal


def chunk_from_store(stored: StoredChunk) -> Chunk:
    meta = stored.metadata
    return Chunk(
        document=str(meta.get("document", "")),
        section_number=str(meta.get("section_number", "")),
        section_title=str(meta.get("section_title", "")),
        section_path=str(meta.get("section_path", "")),
        text=stored.text,
        page_start=int(meta.get("page_start", 0) or 0),
        page_end=int(meta.get("page_end", 0) or 0),
        ordinal=int(meta.get("ordinal", 0) or 0),
        section_ordinal=int(meta.get("section_ordinal", 0) or 0),
        metadata=dict(meta),
    )


class Passages:
    """The snapshot's passages as columns; `passages[n]` builds (once) the `Chunk` of passage n."""

    def __init__(self, store_ids: list[str], texts: list[str], columns: Columns) -> None:
        self.store_ids = store_ids
        self.texts = texts
        self.columns = columns
        self._built: list[Chunk | None] = [None] * len(texts)

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, n: int) -> Chunk:
        chunk = self._built[n]
        if chunk is None:
            chunk = chunk_from_store(StoredChunk(self.store_ids[n], self.texts[n], row(self.columns, n)))
            self._built[n] = chunk
        return chunk

    def __iter__(self) -> Iterator[Chunk]:
        return (self[n] for n in range(len(self)))

    def column(self, key: str) -> list[Any]:
        return self.columns.get(key) or [None] * len(self)


def _from_store(store: ChromaStore, generations: dict[str, str], wanted: set[str]) -> list[GenerationPassages]:
    """Passages of the `wanted` generations read from the store and analysed (one read)."""
    if not wanted:
        return []
    stored = store.get_chunks({"generation": {"$in": sorted(wanted)}})
    stored = [s for s in stored if generations.get(str(s.metadata.get("unit"))) == s.metadata.get("generation")]
    counts = TermCounts.of([index_text(chunk_from_store(s)) for s in stored])
    columns = to_columns([s.metadata for s in stored])
    return [GenerationPassages([s.id for s in stored], [s.text for s in stored], columns, counts)]


def _picked(values: list[Any], order: list[int] | None) -> list[Any]:
    """`values` in `order` (None: already in order). `itemgetter` gathers in C: at 52k passages
    and twenty columns, a list comprehension was a tenth of the opening time."""
    if order is None:
        return values
    if len(order) < 2:
        return [values[i] for i in order]
    return list(itemgetter(*order)(values))


def _joined(parts: Sequence[GenerationPassages], order: list[int] | None) -> Columns:
    """The parts' columns end to end (None where a part lacks a key), in `order`."""
    keys = list(dict.fromkeys(k for p in parts for k in p.columns))
    out: Columns = {}
    for key in keys:
        values: list[Any] = []
        for part in parts:
            values.extend(part.columns.get(key) or [None] * len(part.ids))
        out[key] = _picked(values, order)
    return out


def _int_array(values: list[Any], default: int) -> np.ndarray:
    return np.array([default if v is None else int(v) for v in values], dtype=np.int64)


@dataclass
class Snapshot:
    """Everything a search reads, swapped as a whole on refresh."""

    generations: dict[str, str]
    store_ids: list[str]
    chunks: Passages
    position: dict[str, int]
    documents: np.ndarray
    valid_from: np.ndarray
    valid_to: np.ndarray
    bm25: BM25Index
    from_files: int = 0  # generations loaded from their files (the others: from the store)
    _by_chunk_id: dict[str, int] | None = field(default=None, repr=False)
    _by_section: dict[SectionKey, int] | None = field(default=None, repr=False)

    @classmethod
    def load(cls, store: ChromaStore) -> Snapshot:
        generations = {u.unit: u.generation for u in store.units().values()}
        parts: list[GenerationPassages] = []
        missing: set[str] = set()
        folder = store.passages_dir
        for unit, generation in sorted(generations.items()):
            saved = read_generation(folder, generation) if folder is not None else None
            if saved is not None and all(u == unit for u in saved.columns.get("unit", [None])):
                parts.append(saved)
            else:
                missing.add(generation)
        from_files = len(parts)
        parts.extend(_from_store(store, generations, missing))
        ids = [i for part in parts for i in part.ids]
        order = sorted(range(len(ids)), key=ids.__getitem__)  # stable: equal ids keep their order
        texts = [t for part in parts for t in part.texts]
        counts = TermCounts.concat([p.counts for p in parts])
        if order == list(range(len(ids))):
            picked: list[int] | None = None  # the files came in store order: nothing to move
        else:
            picked, counts = order, counts.reorder(np.asarray(order, dtype=np.int64))
        store_ids = _picked(ids, picked)
        passages = Passages(store_ids, _picked(texts, picked), _joined(parts, picked))
        if missing:
            log.info("%d generation(s) read from the store and analysed", len(missing))
        return cls(
            generations=generations,
            store_ids=store_ids,
            chunks=passages,
            position={s: i for i, s in enumerate(store_ids)},
            documents=np.array([str(d or "") for d in passages.column("document")], dtype=object),
            valid_from=_int_array(passages.column("valid_from"), NO_DATE),
            valid_to=_int_array(passages.column("valid_to"), OPEN_END),
            bm25=BM25Index.from_counts(counts),
            from_files=from_files,
        )

    # -- lookups (indexes built on first use) ---------------------------------------------------

    def find(self, chunk_id: str) -> Chunk | None:
        """The passage whose stable id (`Chunk.id`, the store id after its generation) is `chunk_id`."""
        if self._by_chunk_id is None:
            index: dict[str, int] = {}
            for n, store_id in enumerate(self.store_ids):
                index.setdefault(store_id.split(":", 1)[-1], n)
            self._by_chunk_id = index
        found = self._by_chunk_id.get(chunk_id)
        return None if found is None else self.chunks[found]

    def following(self, chunk: Chunk) -> Chunk | None:
        """The next passage of the same section and unit (e.g. the table a ":" announces)."""
        if self._by_section is None:
            c = self.chunks
            names = ("unit", "document", "section_number", "section_ordinal", "ordinal")
            columns = [c.column(name) for name in names]
            index: dict[SectionKey, int] = {}
            for n, values in enumerate(zip(*columns, strict=True)):
                index.setdefault(_key(*values), n)
            self._by_section = index
        key = _key(
            chunk.metadata.get("unit"), chunk.document, chunk.section_number, chunk.section_ordinal, chunk.ordinal + 1
        )
        found = self._by_section.get(key)
        return None if found is None else self.chunks[found]

    def locate(self, document: str, section: str) -> Chunk | None:
        """The first passage of a section of a document as published (not a consolidated view)."""
        c = self.chunks
        numbers, consolidated = c.column("section_number"), c.column("consolidated")
        section_ordinals, ordinals = c.column("section_ordinal"), c.column("ordinal")
        best: tuple[int, int, int] | None = None
        for n in np.flatnonzero(self.documents == document).tolist():
            if str(numbers[n] or "") != section or consolidated[n]:
                continue
            key = (int(section_ordinals[n] or 0), int(ordinals[n] or 0), n)
            if best is None or key < best:
                best = key
        return None if best is None else c[best[2]]


def _key(unit: Any, document: Any, number: Any, section_ordinal: Any, ordinal: Any) -> SectionKey:
    """A passage's place as `chunk_from_store` reads it (missing values → the `Chunk` defaults)."""
    return (unit, str(document or ""), str(number or ""), int(section_ordinal or 0), int(ordinal or 0))
