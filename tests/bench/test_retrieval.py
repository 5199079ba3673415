"""The retrieval benchmark's scoring rules and a small end-to-end run (hash embedder)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from bench.measure import percentile
from bench.retrieval import (
    Question,
    first_hit,
    latencies_ms,
    load_questions,
    recall_at_k,
    section_matches,
)
from ingest.models import Chunk, ParsedDocument
from knowledge.embedder import HashEmbedder
from knowledge.hybrid import Evidence, Retriever
from knowledge.indexer import Indexer, plan_units
from knowledge.store import ChromaStore
from tests.knowledge.conftest import hash_store, one_chunk_per_section, small_corpus  # noqa: F401


@pytest.mark.parametrize(
    ("got", "want", "ok"),
    [
        ("4.3", "4.3", True),
        ("4.3", "4", True),  # a sub-article of the expected article
        ("4", "4.3", True),  # the article that contains it
        ("4.3", "4.30", False),
        ("14", "4", False),
        ("Annexe 2", "Annexe 1", True),  # like score.py: any annex
        ("", "4.3", False),
        ("V", "", True),  # the question names the document only
    ],
)
def test_section_rule_follows_score_py(got: str, want: str, ok: bool) -> None:
    assert section_matches(got, want) is ok


def evidence(document: str, section: str, **meta: str) -> Evidence:
    chunk = Chunk(document, section, "", "", "texte", 1, 1, 0, metadata=dict(meta))
    return Evidence(id=chunk.id, chunk=chunk, score=1.0)


def test_first_hit_counts_consolidated_articles_for_their_history() -> None:
    results = [
        evidence("accord", "4.2"),
        evidence("accord", "10", original_number="9", amended_by="avenant", amended_by_sections="4,5"),
    ]
    assert first_hit(results, [("accord", "9")]) == 2
    assert first_hit(results, [("avenant", "5")]) == 2
    assert first_hit(results, [("accord", "4")]) == 1
    assert first_hit(results, [("avenant", "2")]) is None


def test_questions_without_sources_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    rows = [
        {"id": "a", "question": "Q1 ?", "expect": {"sources": [{"document": "d", "section": "4.3"}]}},
        {"id": "b", "question": "Q2 ?", "expect": {"sources": []}},
        {"id": "c", "question": "Q3 ?", "expect": {"route": "refusal"}},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    assert load_questions(path) == [Question("a", "Q1 ?", (("d", "4.3"),))]


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 51.0 or percentile(values, 50) == 50.0
    assert percentile(values, 95) in (95.0, 96.0)
    assert percentile([3.0], 95) == 3.0


def test_recall_and_latency_on_a_small_index(
    hash_store: Callable[[], ChromaStore],  # noqa: F811
    small_corpus: list[ParsedDocument],  # noqa: F811
) -> None:
    units, _ = plan_units(small_corpus, chunker=one_chunk_per_section)
    Indexer(hash_store(), HashEmbedder()).sync(units)
    retriever = Retriever(hash_store(), HashEmbedder(), refresh_s=-1)
    questions = [
        Question("q1", "taux de la contribution conventionnelle", (("accord-tutorat", "9"),)),
        Question("q2", "numéro RNCP du CQP gestionnaire conseil", (("fiche-cqp", ""),)),
        Question("q3", "licenciement", (("accord-tutorat", "12"),)),
    ]
    recall, misses = recall_at_k(retriever, questions, 2, "hybrid")
    assert recall == pytest.approx(2 / 3) and misses == ["q3"]
    times = latencies_ms(retriever, questions, repeats=2)
    assert len(times) == 6 and all(t > 0 for t in times)
