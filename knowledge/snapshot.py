"""What a `Retriever` searches: the active passages, their dates and BM25, loaded as one whole.

For every index unit the store's pointer names the active generation. Its passages come from
the generation's file (`knowledge.passage_files`: texts, metadata and keyword analysis saved by
the indexer) when there is one, else from the store, analysed here; both give the same
`Snapshot` (passages ordered by store id), so the files only make opening faster.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from ingest.models import Chunk
from knowledge.keyword import BM25Index, TermCounts
from knowledge.metadata import NO_DATE, OPEN_END, index_text
from knowledge.passage_files import GenerationPassages, read_generation
from knowledge.store import ChromaStore, StoredChunk

log = logging.getLogger(__name__)


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


def _from_store(store: ChromaStore, generations: dict[str, str], wanted: set[str]) -> list[GenerationPassages]:
    """Passages of the `wanted` generations read from the store and analysed (one read)."""
    if not wanted:
        return []
    stored = store.get_chunks({"generation": {"$in": sorted(wanted)}})
    stored = [s for s in stored if generations.get(str(s.metadata.get("unit"))) == s.metadata.get("generation")]
    chunks = [chunk_from_store(s) for s in stored]
    counts = TermCounts.of([index_text(c) for c in chunks])
    metadatas = [dict(s.metadata) for s in stored]
    return [GenerationPassages([s.id for s in stored], [s.text for s in stored], metadatas, counts)]


@dataclass
class Snapshot:
    """Everything a search reads, swapped as a whole on refresh."""

    generations: dict[str, str]
    store_ids: list[str]
    chunks: list[Chunk]
    position: dict[str, int]
    documents: np.ndarray
    valid_from: np.ndarray
    valid_to: np.ndarray
    bm25: BM25Index
    from_files: int = 0  # generations loaded from their files (the others: from the store)

    @classmethod
    def load(cls, store: ChromaStore) -> Snapshot:
        generations = {u.unit: u.generation for u in store.units().values()}
        parts: list[GenerationPassages] = []
        missing: set[str] = set()
        folder = store.passages_dir
        for unit, generation in sorted(generations.items()):
            saved = read_generation(folder, generation) if folder is not None else None
            if saved is not None and all(m.get("unit") == unit for m in saved.metadatas):
                parts.append(saved)
            else:
                missing.add(generation)
        from_files = len(parts)
        parts.extend(_from_store(store, generations, missing))
        ids = [i for part in parts for i in part.ids]
        order = np.argsort(np.array(ids, dtype=object), kind="stable") if ids else np.zeros(0, dtype=np.int64)
        texts = [t for part in parts for t in part.texts]
        metas = [m for part in parts for m in part.metadatas]
        chunks = [chunk_from_store(StoredChunk(ids[i], texts[i], metas[i])) for i in order]
        store_ids = [ids[i] for i in order]
        counts = TermCounts.concat([p.counts for p in parts]).reorder(order)
        if missing:
            log.info("%d generation(s) read from the store and analysed", len(missing))
        return cls(
            generations=generations,
            store_ids=store_ids,
            chunks=chunks,
            position={s: i for i, s in enumerate(store_ids)},
            documents=np.array([c.document for c in chunks], dtype=object),
            valid_from=np.array([int(c.metadata.get("valid_from", NO_DATE)) for c in chunks], dtype=np.int64),
            valid_to=np.array([int(c.metadata.get("valid_to", OPEN_END)) for c in chunks], dtype=np.int64),
            bm25=BM25Index.from_counts(counts),
            from_files=from_files,
        )
