"""Chroma vector store: the only module importing chromadb.

Two collections per (collection name, embedder):

- ``<name>-<embedder>``: one record per chunk, with our own embedding (Chroma never embeds),
  the chunk's text and flat metadata (document, section number and path, pages, kind, dates,
  unit, generation);
- ``<name>-<embedder>-units``: one record per indexed unit (a document, or a consolidated view)
  holding its content hash and its *active generation*. Switching a unit to a new generation is
  a single-record upsert, atomic in Chroma (SQLite transaction locally, one request to a
  server), so readers always see either the old chunks or the new ones.

Local mode is a `PersistentClient` under the data directory; server mode is an `HttpClient` to
a `chroma run` instance (url "http://host:port"), for several users sharing one index.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings as ChromaSettings

log = logging.getLogger(__name__)

MetadataValue = str | int | float | bool
Metadata = dict[str, MetadataValue]
Where = dict[str, Any]

PAGE_SIZE = 5000  # records per `get`: Chroma/SQLite cannot return ~32,766+ records in one call
EXACT_UP_TO = 20_000  # passages up to which a dense search visits them all (exact ranking; see `query`)
_BATCH = 256
# Generations switched on by this process: a reader needs to reopen its local client only for
# generations written by another process (this process's client already holds its own writes).
_WRITTEN_HERE: set[str] = set()


class StoreError(RuntimeError):
    """The vector store cannot be reached or used."""


@dataclass(frozen=True)
class StoredChunk:
    id: str
    text: str
    metadata: Metadata


@dataclass(frozen=True)
class DenseHit:
    id: str
    distance: float  # cosine distance (1 - cosine similarity)


@dataclass(frozen=True)
class UnitRecord:
    """What the store knows of one indexed unit: hash and active generation."""

    unit: str
    content_hash: str
    generation: str
    chunk_count: int
    info: dict[str, Any]


def collection_name(base: str, embedder_name: str) -> str:
    """Chroma-safe collection name: 3-63 chars of [a-zA-Z0-9._-], alphanumeric at both ends."""
    raw = re.sub(r"[^a-zA-Z0-9._-]+", "-", f"{base}-{embedder_name}")
    raw = re.sub(r"-{2,}", "-", raw).strip("-._")
    return raw[:63].rstrip("-._") or "ccn"


def _client_settings() -> ChromaSettings:
    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


class ChromaStore:
    """Chunks and unit pointers of one embedder in Chroma (local directory or HTTP server)."""

    def __init__(
        self,
        client: Any,
        base_name: str,
        embedder_name: str,
        dim: int,
        location: str,
        reconnect: Callable[[], Any] | None = None,
        page_size: int = PAGE_SIZE,
        passages_dir: Path | None = None,
    ) -> None:
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        self._client = client
        self.page_size = page_size
        # Where the indexer saves each generation's passages for fast opening (`passage_files`);
        # None for a server store, whose clients may run on other machines.
        self.passages_dir = passages_dir
        self._reconnect = reconnect
        self.location = location
        self.name = collection_name(base_name, embedder_name)
        self.embedder_name = embedder_name
        self.dim = dim
        self._open_collections()
        found = (self._chunks.metadata or {}).get("dim")
        if found not in (None, dim):
            raise StoreError(f"collection {self.name}: dimension {found} stockée, {dim} attendue")

    def _open_collections(self) -> None:
        meta = {"hnsw:space": "cosine", "embedder": self.embedder_name, "dim": self.dim}
        try:
            self._chunks = self._client.get_or_create_collection(self.name, embedding_function=None, metadata=meta)
            self._units = self._client.get_or_create_collection(
                collection_name(self.name, "units"), embedding_function=None, metadata={"dim": 1}
            )
        except Exception as exc:
            raise StoreError(f"Chroma ({self.location}): {exc}") from exc

    @staticmethod
    def written_here(generation: str) -> bool:
        """Whether this process switched a unit to `generation`."""
        return generation in _WRITTEN_HERE

    def reopen(self) -> None:
        """See what another process wrote: a local client caches its vector segments in memory.

        Only for the persistent mode (a server always answers with its current state). Chroma
        shares one client system per directory in a process; it is replaced, and collections
        are fetched again from the new one.
        """
        if self._reconnect is None:
            return
        self._client.clear_system_cache()
        self._client = self._reconnect()
        self._open_collections()

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        *,
        base_name: str,
        embedder_name: str,
        dim: int,
        path: Path | None = None,
        url: str = "",
        page_size: int = PAGE_SIZE,
    ) -> ChromaStore:
        """A persistent store under `path`, or a server store when `url` is given; reads return
        at most `page_size` records per request."""
        if url:
            parsed = urlparse(url if "://" in url else f"http://{url}")
            if not parsed.hostname:
                raise StoreError(f"adresse Chroma invalide: {url!r}")
            ssl = parsed.scheme == "https"
            port = parsed.port or (443 if ssl else 8000)
            try:
                client = chromadb.HttpClient(host=parsed.hostname, port=port, ssl=ssl, settings=_client_settings())
                client.heartbeat()
            except Exception as exc:
                raise StoreError(f"serveur Chroma injoignable à {url}: {exc}") from exc
            return cls(client, base_name, embedder_name, dim, location=url, page_size=page_size)
        if path is None:
            raise StoreError("ni dossier ni adresse pour le store Chroma")
        path.mkdir(parents=True, exist_ok=True)

        def connect() -> Any:
            return chromadb.PersistentClient(path=str(path), settings=_client_settings())

        try:
            client = connect()
        except StoreError:
            forget_clients()  # Chroma keeps a half-opened client per path: the next try must start clean
            raise
        except Exception as exc:
            forget_clients()
            raise StoreError(f"Chroma ({path}): {exc}") from exc
        passages = path.parent / "passages" / collection_name(base_name, embedder_name)
        return cls(
            client,
            base_name,
            embedder_name,
            dim,
            location=str(path),
            reconnect=connect,
            page_size=page_size,
            passages_dir=passages,
        )

    def check(self) -> None:
        """Read what every operation relies on (unit pointers, one chunk, one nearest-neighbour
        query); raise `StoreError` if the database or the vector segment cannot be read."""
        try:
            self.units()
            if self.count():
                self._chunks.get(limit=1, include=["documents", "metadatas"])
                self.query([1.0] + [0.0] * (self.dim - 1), 1)
        except Exception as exc:
            raise StoreError(f"Chroma ({self.location}): {exc}") from exc

    # -- chunks -----------------------------------------------------------------------------

    def add_chunks(
        self,
        ids: Sequence[str],
        texts: Sequence[str],
        embeddings: Sequence[Sequence[float]],
        metadatas: Sequence[Metadata],
    ) -> None:
        if not (len(ids) == len(texts) == len(embeddings) == len(metadatas)):
            raise ValueError("ids, texts, embeddings and metadatas must have the same length")
        for start in range(0, len(ids), _BATCH):
            end = start + _BATCH
            self._chunks.upsert(
                ids=list(ids[start:end]),
                documents=list(texts[start:end]),
                embeddings=[list(e) for e in embeddings[start:end]],
                metadatas=[dict(m) for m in metadatas[start:end]],
            )

    def get_chunks(self, where: Where | None = None, ids: Sequence[str] | None = None) -> list[StoredChunk]:
        """Chunks matching `where` (or `ids`), read page by page: one unpaged `get` fails past
        ~32,766 records (SQLite's limit on query variables), well before the store is large."""
        out: list[StoredChunk] = []
        for page in self._pages(where, ids, ["documents", "metadatas"]):
            texts = page.get("documents") or []
            metas = page.get("metadatas") or []
            out.extend(
                StoredChunk(id=i, text=t or "", metadata=dict(m or {}))
                for i, t, m in zip(page["ids"], texts, metas, strict=True)
            )
        return out

    def chunk_ids(self, where: Where | None = None) -> list[str]:
        return [i for page in self._pages(where, None, []) for i in page["ids"]]

    def _pages(self, where: Where | None, ids: Sequence[str] | None, include: list[Any]) -> Iterator[Any]:
        if ids is not None:
            for start in range(0, len(ids), _BATCH):
                yield self._chunks.get(ids=list(ids[start : start + _BATCH]), where=where, include=include)
            return
        offset = 0
        while True:
            page = self._chunks.get(where=where, include=include, limit=self.page_size, offset=offset)
            yield page
            if len(page["ids"]) < self.page_size:
                return
            offset += self.page_size

    def delete_chunks(self, ids: Sequence[str]) -> None:
        for start in range(0, len(ids), _BATCH):
            self._chunks.delete(ids=list(ids[start : start + _BATCH]))

    def count(self) -> int:
        return int(self._chunks.count())

    def query(self, embedding: Sequence[float], k: int, where: Where | None = None) -> list[DenseHit]:
        """Nearest chunks by cosine distance among those matching `where`.

        Chroma's HNSW search is approximate and its graph depends on the insertion threads: two indexes
        built from the same inputs ranked 7 of 120 questions' 60 nearest passages differently. Asking for
        as many results as the collection holds makes the search visit the whole graph (hnswlib searches
        with ef = max(ef, n_results)), so the ranking is exact and an index rebuilt from the same inputs
        answers the same; the corpus's few thousand passages keep that cheap (`EXACT_UP_TO`).
        """
        if k <= 0:
            return []
        total = self.count()
        wanted = max(k, total) if total <= EXACT_UP_TO else k
        result = self._chunks.query(
            query_embeddings=[list(embedding)], n_results=max(1, wanted), where=where, include=["distances"]
        )
        ids = result["ids"][0] if result["ids"] else []
        distances = (result.get("distances") or [[]])[0]
        return [DenseHit(i, float(d)) for i, d in zip(ids, distances, strict=True)][:k]

    # -- unit pointers ----------------------------------------------------------------------

    def units(self) -> dict[str, UnitRecord]:
        result = self._units.get(include=["metadatas", "documents"])
        records: dict[str, UnitRecord] = {}
        for unit, meta, doc in zip(
            result["ids"], result.get("metadatas") or [], result.get("documents") or [], strict=True
        ):
            meta = meta or {}
            records[unit] = UnitRecord(
                unit=unit,
                content_hash=str(meta.get("content_hash", "")),
                generation=str(meta.get("generation", "")),
                chunk_count=int(meta.get("chunk_count", 0) or 0),
                info=json.loads(doc) if doc else {},
            )
        return records

    def set_unit(self, record: UnitRecord) -> None:
        """Point a unit at its new generation: one record, one atomic upsert."""
        _WRITTEN_HERE.add(record.generation)
        self._units.upsert(
            ids=[record.unit],
            embeddings=[[1.0]],
            documents=[json.dumps(record.info, ensure_ascii=False, sort_keys=True)],
            metadatas=[
                {
                    "content_hash": record.content_hash,
                    "generation": record.generation,
                    "chunk_count": record.chunk_count,
                }
            ],
        )

    def remove_units(self, units: Iterable[str]) -> None:
        ids = list(units)
        if ids:
            self._units.delete(ids=ids)


def forget_clients() -> None:
    """Drop the clients Chroma shares per directory in this process (before a directory is moved)."""
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()


def where_all(*clauses: Mapping[str, Any] | None) -> Where | None:
    """Combine Chroma `where` clauses with $and, skipping empty ones."""
    parts = [dict(c) for c in clauses if c]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else {"$and": parts}
