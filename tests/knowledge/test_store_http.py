"""Chroma server mode: a real `chroma run` on 127.0.0.1, indexed and queried over HTTP."""

from __future__ import annotations

import pytest

from ingest.models import ParsedDocument
from knowledge.embedder import HashEmbedder
from knowledge.hybrid import Retriever
from knowledge.indexer import Indexer, plan_units
from knowledge.store import ChromaStore
from tests.knowledge.conftest import one_chunk_per_section

pytestmark = pytest.mark.integration


def test_index_and_search_through_a_chroma_server(chroma_server: str, small_corpus: list[ParsedDocument]) -> None:
    embedder = HashEmbedder()

    def open_store() -> ChromaStore:
        return ChromaStore.open(base_name="ccn", embedder_name=embedder.name, dim=embedder.dim, url=chroma_server)

    units, _ = plan_units(small_corpus, chunker=one_chunk_per_section)
    statuses = Indexer(open_store(), embedder).sync(units)
    assert {s.status for s in statuses} == {"indexed"}
    assert {s.status for s in Indexer(open_store(), embedder).sync(units)} == {"unchanged"}

    # a second client (another user of the shared server) sees the same index
    retriever = Retriever(open_store(), embedder)
    assert retriever.size == 5
    best = retriever.search("taux de la contribution conventionnelle", 3)[0]
    assert (best.document, best.section) == ("accord-tutorat", "9")
    dense = retriever.search("numéro RNCP du CQP", 2, mode="dense", document="fiche-cqp")
    assert dense and {e.document for e in dense} == {"fiche-cqp"}
