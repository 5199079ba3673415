"""Hybrid retrieval: BM25 (French analysis) and dense (Chroma) fused by reciprocal rank fusion.

`Retriever.search(question, k, document=None, as_of=None, mode="hybrid")` returns `Evidence`
objects: the passage (`Chunk`, with its metadata), a fused score, the rank each retriever gave
it, and a stable id (`Chunk.id`: same document, section and text give the same id across
re-indexing). Only passages in force on `as_of` (today by default) are searched: an article
rewritten by an avenant is found in its consolidated wording, and "as of 2021" finds the
original one.

The retriever loads the active generation of every index unit (`knowledge.snapshot`: passages
and BM25 from the files the indexer saved, else from the store), and notices a newer generation
written by another process within `refresh_s` seconds.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, TypeVar, cast

import numpy as np

from ingest.models import Chunk
from knowledge.embedder import Embedder, Reranker
from knowledge.everyday_index import glossary_index
from knowledge.keyword import BM25Index
from knowledge.metadata import date_key, index_text
from knowledge.snapshot import Snapshot
from knowledge.store import ChromaStore, DenseHit, Where, where_all

log = logging.getLogger(__name__)

Mode = Literal["hybrid", "bm25", "dense"]
MODES: tuple[Mode, ...] = ("hybrid", "bm25", "dense")
T = TypeVar("T")
# Chosen on the dev questions (docs/EMBEDDINGS.md): a sharper fusion than the usual k=60, and
# the dense ranking weighted above BM25, which alone is weaker on everyday wording.
RRF_K = 20
# The everyday glossary's keyword field (`knowledge.everyday_index`) as a third ranking: off by default.
# Measured at the eighth session's merge (docs/evaluation/sessions.md): at 0.3 it broke three released
# unseen-2026g questions (081, 109, 135) and two real-index tests (a claim on the contribution refused, the
# year naming the avenant) and fixed on unseen-2026h exactly as many as it broke; at 0 the glossary still
# counts in the scope check (`corpus_words.glossary_speaks`), where its gains are. Counting it once per
# section instead of once per passage is the next thing to try (gloss10's note) before turning it back on.
GLOSSARY_WEIGHT = 0.0
DEFAULT_WEIGHTS = {"bm25": 0.5, "dense": 1.0, "glossary": GLOSSARY_WEIGHT}
GLOSSARY_DEPTH = 10  # glossary candidates fused: the few sections whose everyday words the question uses
DENSE_OVERFETCH = 3  # unfiltered dense candidates per kept one (other generations, other dates)
HITS_CACHE = 64  # keyword and dense candidate lists remembered per loaded index (`Retriever._hits`)


@dataclass(frozen=True)
class Evidence:
    """A retrieved passage with its score, per-retriever ranks and stable id."""

    id: str
    chunk: Chunk
    score: float
    ranks: dict[str, int] = field(default_factory=dict)  # retriever → 1-based rank
    scores: dict[str, float] = field(default_factory=dict)  # retriever → raw score

    @property
    def document(self) -> str:
        return self.chunk.document

    @property
    def section(self) -> str:
        return self.chunk.section_number

    @property
    def citation(self) -> str:
        """ "Article 7 (rédaction issue de l'avenant du 11 octobre 2022, art. 2)" or "Article 4.3"."""
        return str(self.chunk.metadata.get("citation") or self.chunk.label)

    @property
    def consolidated(self) -> bool:
        return bool(self.chunk.metadata.get("consolidated"))

    @property
    def sources(self) -> list[tuple[str, str]]:
        """(document, section) pairs this passage stands for: a consolidated article is also its
        original number and the avenant articles that wrote it."""
        meta = self.chunk.metadata
        pairs = [(self.chunk.document, self.chunk.section_number)]
        original = str(meta.get("original_number") or "")
        if original and original != self.chunk.section_number:
            pairs.append((self.chunk.document, original))
        amended_by = [d for d in str(meta.get("amended_by") or "").split(",") if d]
        sections = [s for s in str(meta.get("amended_by_sections") or "").split(",") if s]
        if len(amended_by) == 1:
            pairs.extend((amended_by[0], s) for s in sections)
        return pairs

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "document": self.document,
            "section": self.section,
            "citation": self.citation,
            "score": self.score,
            "ranks": dict(self.ranks),
            "pages": [self.chunk.page_start, self.chunk.page_end],
            "text": self.chunk.text,
        }


def reciprocal_rank_fusion(
    rankings: Mapping[str, Sequence[str]], k: int = RRF_K, weights: Mapping[str, float] | None = None
) -> list[tuple[str, float, dict[str, int]]]:
    """Fuse ranked id lists: score(id) = Σ weight / (k + rank). Ties keep first-seen order."""
    scores: dict[str, float] = {}
    ranks: dict[str, dict[str, int]] = {}
    for name, ids in rankings.items():
        weight = (weights or {}).get(name, 1.0)
        for rank, item in enumerate(ids, start=1):
            if name in ranks.setdefault(item, {}):
                continue  # an id listed twice by one retriever counts once, at its best rank
            ranks[item][name] = rank
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    order = sorted(scores, key=lambda item: -scores[item])  # stable: ties keep insertion order
    return [(item, scores[item], ranks[item]) for item in order]


class Retriever:
    """Hybrid (BM25 + dense, RRF) search over the active index, with date and document filters."""

    def __init__(
        self,
        store: ChromaStore,
        embedder: Embedder,
        *,
        reranker: Reranker | None = None,
        candidates: int = 40,
        rrf_k: int = RRF_K,
        weights: dict[str, float] | None = None,
        refresh_s: float = 30.0,
        query_cache: int = 512,
    ) -> None:
        if store.embedder_name != embedder.name:
            raise ValueError(f"store built for {store.embedder_name}, embedder is {embedder.name}")
        self.store = store
        self.embedder = embedder
        self.reranker = reranker
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.weights = weights or dict(DEFAULT_WEIGHTS)
        self.refresh_s = refresh_s
        self._query_cache: OrderedDict[str, list[float]] = OrderedDict()
        self._query_cache_size = query_cache
        self._lock = threading.Lock()
        self._snapshot = Snapshot.load(store)
        self._glossary: tuple[Snapshot, BM25Index | None] | None = None
        self._checked = time.monotonic()
        self._headed: tuple[Snapshot, list[str]] | None = None  # passage_texts of one snapshot
        self._hits_of: Snapshot | None = None  # the snapshot `_hit_cache` was filled from
        self._hit_cache: OrderedDict[tuple[object, ...], tuple[object, ...]] = OrderedDict()

    # -- index state -------------------------------------------------------------------------

    @property
    def size(self) -> int:
        return len(self._snapshot.chunks)

    def refresh(self, force: bool = False) -> bool:
        """Reload if another process switched a unit's generation; True when reloaded."""
        with self._lock:
            self._checked = time.monotonic()
            current = {u.unit: u.generation for u in self.store.units().values()}
            if not force and current == self._snapshot.generations:
                return False
            changed = {g for u, g in current.items() if self._snapshot.generations.get(u) != g}
            if not all(self.store.written_here(g) for g in changed):
                self.store.reopen()  # another process's vectors are not in this client's cache
            self._snapshot = Snapshot.load(self.store)
            log.info("retriever reloaded: %d passages", len(self._snapshot.chunks))
            return True

    def _maybe_refresh(self) -> None:
        if self.refresh_s >= 0 and time.monotonic() - self._checked > self.refresh_s:
            try:
                self.refresh()
            except Exception:  # a store hiccup must not break searching the loaded snapshot
                log.warning("index refresh failed; searching the loaded index", exc_info=True)

    def set_query_cache(self, size: int) -> None:
        """Resize (0 disables) the cache of question embeddings."""
        with self._lock:
            self._query_cache_size = size
            self._query_cache.clear()
            self._hit_cache.clear()

    def chunk(self, evidence_id: str) -> Chunk | None:
        """The passage with this stable id, if it is in the active index."""
        return self._snapshot.find(evidence_id)

    def following(self, chunk: Chunk) -> Chunk | None:
        """The next passage of the same section (e.g. the table a sentence ending in ":" announces)."""
        return self._snapshot.following(chunk)

    def passage_texts(self) -> Sequence[str]:
        """The text of every passage of the loaded index: what a vocabulary of the whole corpus is built from
        (`assistant.answering.corpus_words`), each with its heading path and title (`index_text`): a word the
        texts use only in a heading ("2. Les textes de référence" of the avenant's annexes) is theirs too; the same
        list object until the index is reloaded."""
        snapshot = self._snapshot
        headed = self._headed
        if headed is None or headed[0] is not snapshot:
            headed = (snapshot, [index_text(chunk) for chunk in snapshot.chunks])
            self._headed = headed
        return headed[1]

    def passages(self) -> Iterable[Chunk]:
        """Every passage of the loaded index, with its metadata (the texts' own facts are read from them:
        `assistant.answering.document_facts`); the same object until the index is reloaded."""
        return self._snapshot.chunks

    def locate(self, document: str, section: str) -> Chunk | None:
        """The first passage of a section of a document as published (not a consolidated view)."""
        return self._snapshot.locate(document, section)

    # -- searching ---------------------------------------------------------------------------

    def search(
        self,
        query: str,
        k: int = 6,
        document: str | Sequence[str] | None = None,
        as_of: date | None = None,
        mode: Mode = "hybrid",
        everyday: bool = True,
    ) -> list[Evidence]:
        """The `k` best passages for `query` in force on `as_of` (today when None); `everyday=False` leaves the
        everyday glossary's field out (a question the caller reads as out of scope)."""
        if mode not in MODES:
            raise ValueError(f"mode inconnu {mode!r} (choix: {', '.join(MODES)})")
        query = query.strip()
        if not query or k <= 0:
            return []
        self._maybe_refresh()
        snap = self._snapshot
        if not snap.chunks:
            return []
        day = date_key(as_of or date.today())
        docs = [document] if isinstance(document, str) else list(document or [])
        allowed = (snap.valid_from <= day) & (snap.valid_to > day)
        if docs:
            allowed &= np.isin(snap.documents, docs)
        depth = max(self.candidates, k)
        rankings: dict[str, list[str]] = {}
        raw: dict[str, dict[str, float]] = {}
        scope = (query, depth, day, tuple(docs))  # what the candidate lists below depend on, in one snapshot
        if mode in ("hybrid", "bm25"):
            hits = self._hits(snap, ("bm25", *scope), lambda: snap.bm25.search(query, depth, allowed=allowed))
            rankings["bm25"] = [snap.store_ids[h.index] for h in hits]
            raw["bm25"] = {snap.store_ids[h.index]: h.score for h in hits}
        glossed = mode == "hybrid" and everyday and self.weights.get("glossary")
        glossary = self._glossary_index(snap) if glossed else None
        if glossary is not None:
            hits = self._hits(
                snap, ("glossary", *scope), lambda: glossary.search(query, GLOSSARY_DEPTH, allowed=allowed)
            )
            rankings["glossary"] = [snap.store_ids[h.index] for h in hits]
            raw["glossary"] = {snap.store_ids[h.index]: h.score for h in hits}
        if mode in ("hybrid", "dense"):
            if docs:
                where = where_all(
                    {"generation": {"$in": sorted(set(snap.generations.values()))}},
                    {"document": {"$in": docs}},
                    {"valid_from": {"$lte": day}},
                    {"valid_to": {"$gt": day}},
                )
                dense = self._hits(snap, ("dense", *scope), lambda: self._dense(self._embed_query(query), depth, where))
            else:
                # No metadata filter on the main path: Chroma then walks its HNSW graph instead of
                # pre-filtering in SQLite (seconds at 50k passages). Passages of other generations or
                # out of force on `day` are dropped here, from a deeper candidate list.
                dense = self._hits(
                    snap,
                    ("dense", query, depth * DENSE_OVERFETCH),
                    lambda: self._dense(self._embed_query(query), depth * DENSE_OVERFETCH, None),
                )
            known = [h for h in dense if h.id in snap.position and allowed[snap.position[h.id]]][:depth]
            rankings["dense"] = [h.id for h in known]
            raw["dense"] = {h.id: 1.0 - h.distance for h in known}
        fused = reciprocal_rank_fusion(rankings, self.rrf_k, self.weights)
        results = self._evidence(snap, fused, raw)
        if self.reranker is not None and results:
            results = self._rerank(query, results[: max(depth // 2, k)])
        return results[:k]

    def _glossary_index(self, snap: Snapshot) -> BM25Index | None:
        """The glossary field of the loaded snapshot's passages, built once per snapshot (milliseconds)."""
        with self._lock:
            if self._glossary is None or self._glossary[0] is not snap:
                self._glossary = (snap, glossary_index(snap.chunks[n] for n in range(len(snap.chunks))))
            return self._glossary[1]

    def _embed_query(self, query: str) -> list[float]:
        """Question embedding, remembered for repeated questions (LRU of `query_cache` entries)."""
        if self._query_cache_size <= 0:
            return self.embedder.embed_query(query)
        with self._lock:
            cached = self._query_cache.get(query)
            if cached is not None:
                self._query_cache.move_to_end(query)
                return cached
        vector = self.embedder.embed_query(query)
        with self._lock:
            self._query_cache[query] = vector
            while len(self._query_cache) > self._query_cache_size:
                self._query_cache.popitem(last=False)
        return vector

    def _hits(self, snap: Snapshot, key: tuple[object, ...], compute: Callable[[], Sequence[T]]) -> Sequence[T]:
        """One candidate list (keyword, glossary or dense hits) of the loaded snapshot, remembered by what it depends
        on: an answer searches its question several times (the retrieval's plan, then the refusal judge's hybrid,
        dense and keyword searches, `assistant.service.Assistant._signals`), and each of those re-ran the same BM25
        scoring and HNSW walk. The lists are those a fresh search returns (the snapshot is immutable; a reload
        empties the memo); off with the question cache (`set_query_cache(0)`, the benchmark's cold searches); an
        empty list (a failed dense search) is not remembered."""
        if self._query_cache_size <= 0:
            return compute()
        with self._lock:
            if self._hits_of is not snap:
                self._hits_of, self._hit_cache = snap, OrderedDict()
            cached = self._hit_cache.get(key)
            if cached is not None:
                self._hit_cache.move_to_end(key)
                return cast("tuple[T, ...]", cached)
        hits = tuple(compute())
        if hits:
            with self._lock:
                if self._hits_of is snap:
                    self._hit_cache[key] = hits
                    while len(self._hit_cache) > HITS_CACHE:
                        self._hit_cache.popitem(last=False)
        return hits

    def _dense(self, embedding: list[float], depth: int, where: Where | None) -> list[DenseHit]:
        """Dense candidates; a stale local client is reopened once, else BM25 carries on alone."""
        try:
            return self.store.query(embedding, depth, where)
        except Exception:
            log.warning("dense search failed; reopening the store", exc_info=True)
        try:
            with self._lock:
                self.store.reopen()
            return self.store.query(embedding, depth, where)
        except Exception:
            log.error("dense search unavailable; keyword results only", exc_info=True)
            return []

    def _evidence(
        self, snap: Snapshot, fused: list[tuple[str, float, dict[str, int]]], raw: dict[str, dict[str, float]]
    ) -> list[Evidence]:
        out: list[Evidence] = []
        seen: set[str] = set()
        for store_id, score, ranks in fused:
            chunk = snap.chunks[snap.position[store_id]]
            if chunk.id in seen:  # the same passage from two units (identical id) counts once
                continue
            seen.add(chunk.id)
            scores = {name: raw[name][store_id] for name in ranks if store_id in raw.get(name, {})}
            out.append(Evidence(id=chunk.id, chunk=chunk, score=score, ranks=dict(ranks), scores=scores))
        return out

    def _rerank(self, query: str, results: list[Evidence]) -> list[Evidence]:
        assert self.reranker is not None
        scores = self.reranker.score(query, [index_text(e.chunk) for e in results])
        order = sorted(range(len(results)), key=lambda i: -scores[i])
        return [
            Evidence(
                id=results[i].id,
                chunk=results[i].chunk,
                score=float(scores[i]),
                ranks={**results[i].ranks, "rerank": n + 1},
                scores={**results[i].scores, "fused": results[i].score},
            )
            for n, i in enumerate(order)
        ]
