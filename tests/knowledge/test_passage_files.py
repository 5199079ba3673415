"""The passages and BM25 analysis saved per generation give the index a rebuild would give."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from ingest.models import Chunk, ParsedDocument, Section
from knowledge.embedder import HashEmbedder
from knowledge.hybrid import Retriever
from knowledge.indexer import Indexer, plan_units
from knowledge.keyword import BM25Index, TermCounts
from knowledge.passage_files import GenerationPassages, analysed, read_generation, write_generation
from knowledge.store import ChromaStore
from tests.knowledge.conftest import one_chunk_per_section
from tests.knowledge.test_indexer import AMENDMENTS, amended_pair

QUESTIONS = [
    "Combien de points de prime pour le tuteur ?",
    "taux de la contribution conventionnelle supplémentaire",
    "congé VAE heures",
    "CQP niveau RNCP",
    "mot absent du corpus",
]


def test_counts_added_together_score_like_the_texts() -> None:
    """BM25 built from two saved halves, concatenated and reordered, scores exactly like BM25
    built from the texts in that order (idf and average length are over the whole)."""
    texts = ["prime du tuteur", "tuteur et tutorat, prime de 7 points", "contribution de 0,15 %", "congé VAE", ""]
    order = np.array([3, 0, 4, 2, 1])
    joined = TermCounts.concat([TermCounts.of(texts[:2]), TermCounts.of(texts[2:])]).reorder(order)
    saved, rebuilt = BM25Index.from_counts(joined), BM25Index([texts[i] for i in order])
    for query in ("prime tuteur", "contribution 0,15 %", "congé", "absent"):
        assert np.array_equal(saved.scores(query), rebuilt.scores(query))
    assert saved.vocabulary_size == rebuilt.vocabulary_size


def _search_all(retriever: Retriever) -> list[list[tuple[str, float, dict[str, int]]]]:
    out = []
    for question in QUESTIONS:
        for mode in ("bm25", "hybrid"):
            for day in (date(2021, 6, 1), date(2023, 6, 1)):
                hits = retriever.search(question, 5, as_of=day, mode=mode)  # type: ignore[arg-type]
                out.append([(h.id, h.score, h.ranks) for h in hits])
    return out


def test_saved_passages_give_the_results_of_a_rebuilt_index(
    hash_store: Callable[[], ChromaStore], small_corpus: list[ParsedDocument]
) -> None:
    store = hash_store()
    units, _ = plan_units([*small_corpus, *amended_pair()], AMENDMENTS, chunker=one_chunk_per_section)
    Indexer(store, HashEmbedder()).sync(units)
    assert store.passages_dir is not None
    generations = {u.generation for u in store.units().values()}
    assert {p.stem for p in store.passages_dir.glob("*.npz")} == generations

    saved = Retriever(hash_store(), HashEmbedder(), refresh_s=-1)
    assert saved._snapshot.from_files == len(units)
    shutil.rmtree(store.passages_dir)
    rebuilt = Retriever(hash_store(), HashEmbedder(), refresh_s=-1)
    assert rebuilt._snapshot.from_files == 0

    assert saved._snapshot.store_ids == rebuilt._snapshot.store_ids
    assert [c.metadata for c in saved._snapshot.chunks] == [c.metadata for c in rebuilt._snapshot.chunks]
    assert [c.text for c in saved._snapshot.chunks] == [c.text for c in rebuilt._snapshot.chunks]
    results = _search_all(saved)
    assert any(results) and results == _search_all(rebuilt)


def _by_clause(sections: Sequence[Section]) -> list[Chunk]:
    """Several passages per section (one per comma-separated clause), so that `following` has work."""
    out = []
    for chunk in one_chunk_per_section(sections):
        for n, clause in enumerate(chunk.text.split(", ")):
            out.append(replace(chunk, text=clause, ordinal=n))
    return out


def test_lookups_by_id_and_section_answer_what_a_scan_does(
    hash_store: Callable[[], ChromaStore], small_corpus: list[ParsedDocument]
) -> None:
    """The retriever keeps passages as columns and finds them through indexes built on first use;
    they must answer exactly what the former scan of every passage answered, from files or store."""
    store = hash_store()
    units, _ = plan_units([*small_corpus, *amended_pair()], AMENDMENTS, chunker=_by_clause)
    Indexer(store, HashEmbedder()).sync(units)
    _lookups_match_a_scan(Retriever(hash_store(), HashEmbedder(), refresh_s=-1))
    assert store.passages_dir is not None
    shutil.rmtree(store.passages_dir)
    _lookups_match_a_scan(Retriever(hash_store(), HashEmbedder(), refresh_s=-1))


def _lookups_match_a_scan(retriever: Retriever) -> None:
    """`chunk`, `following` and `locate` (indexes over columns) answer what a scan of every passage does."""
    chunks = list(retriever._snapshot.chunks)
    for chunk in chunks:
        assert retriever.chunk(chunk.id) == next(c for c in chunks if c.id == chunk.id)
        after = [
            c
            for c in chunks
            if (c.document, c.section_number, c.section_ordinal, c.ordinal, c.metadata.get("unit"))
            == (chunk.document, chunk.section_number, chunk.section_ordinal, chunk.ordinal + 1, chunk.metadata["unit"])
        ]
        assert retriever.following(chunk) == (after[0] if after else None)
        published = [
            c
            for c in chunks
            if c.document == chunk.document
            and c.section_number == chunk.section_number
            and not c.metadata.get("consolidated")
        ]
        first = min(published, key=lambda c: (c.section_ordinal, c.ordinal), default=None)
        assert retriever.locate(chunk.document, chunk.section_number) == first
    assert retriever.chunk("absent:0:abc") is None
    assert any(retriever.following(c) for c in chunks) and any(c.metadata.get("consolidated") for c in chunks)


def test_reindex_replaces_the_file_and_a_damaged_file_falls_back(
    hash_store: Callable[[], ChromaStore], small_corpus: list[ParsedDocument]
) -> None:
    store = hash_store()
    indexer = Indexer(store, HashEmbedder())
    units, _ = plan_units(small_corpus, chunker=one_chunk_per_section)
    indexer.sync(units)
    before = {u.unit: u.generation for u in store.units().values()}
    indexer.sync(units[:1], rebuild=True)
    after = {u.unit: u.generation for u in store.units().values()}
    assert store.passages_dir is not None
    assert {p.stem for p in store.passages_dir.glob("*.npz")} == set(after.values())
    assert before[units[0].unit] != after[units[0].unit]

    damaged = store.passages_dir / f"{after[units[0].unit]}.npz"
    damaged.write_bytes(b"not a file of passages")
    assert read_generation(store.passages_dir, after[units[0].unit]) is None
    retriever = Retriever(hash_store(), HashEmbedder(), refresh_s=-1)
    assert retriever._snapshot.from_files == len(units) - 1
    top = retriever.search("Combien de points de prime pour le tuteur ?", 1, mode="bm25")
    assert top[0].section == "4.3"


def test_generation_ids_cannot_name_other_files(tmp_path: Path) -> None:
    passages = GenerationPassages([], [], {}, TermCounts.of([]))
    with pytest.raises(ValueError):
        write_generation(tmp_path, "../units", passages)
    assert read_generation(tmp_path, "../units") is None


@pytest.mark.parametrize("version", [1, 2, 3])
def test_files_of_earlier_formats_are_still_read(tmp_path: Path, version: int) -> None:
    """An index saved by an earlier version opens from its files (one array per field, metadata
    as dictionaries in format 1, as columns in format 2, four arrays in format 3) and gives what
    format 4 gives."""
    texts = ["prime du tuteur", "congé VAE", ""]
    metadatas = [{"document": "a", "unit": "u", "page_start": 2}, {"document": "b", "unit": "u"}, {"unit": "u"}]
    passages = analysed(["g:1", "g:2", "g:3"], texts, metadatas, texts)
    write_generation(tmp_path, "now", passages)

    def blob(value: object) -> np.ndarray:
        return np.frombuffer(json.dumps(value).encode(), dtype=np.uint8)

    meta = {"metadatas": blob(metadatas)} if version == 1 else {"columns": blob(passages.columns)}
    counts = passages.counts
    with (tmp_path / "old.npz").open("wb") as out:
        if version == 3:
            text = {"ids": passages.ids, "texts": texts, "columns": passages.columns, "vocabulary": counts.vocabulary}
            triples = np.stack([counts.doc, counts.term, counts.tf])
            np.savez(out, format=np.int32(3), text=blob(text), lengths=counts.lengths, counts=triples)
        else:
            np.savez(
                out,
                format=np.int32(version),
                ids=blob(passages.ids),
                texts=blob(texts),
                vocabulary=blob(counts.vocabulary),
                lengths=counts.lengths,
                doc=counts.doc,
                term=counts.term,
                tf=counts.tf,
                **meta,
            )
    old, new = read_generation(tmp_path, "old"), read_generation(tmp_path, "now")
    assert old is not None and new is not None
    assert (
        (old.ids, old.texts, old.metadatas) == (new.ids, new.texts, new.metadatas) == (passages.ids, texts, metadatas)
    )
    for a, b in zip(
        (old.counts.lengths, old.counts.doc, old.counts.term, old.counts.tf),
        (new.counts.lengths, new.counts.doc, new.counts.term, new.counts.tf),
        strict=True,
    ):
        assert np.array_equal(a, b)
    assert old.counts.vocabulary == new.counts.vocabulary
