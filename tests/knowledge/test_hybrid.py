"""Fusion and the retriever's modes, filters and evidence (hash embedder)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from assistant.settings import REPO_ROOT
from ingest.models import ParsedDocument
from knowledge.embedder import HashEmbedder
from knowledge.hybrid import Evidence, Retriever, reciprocal_rank_fusion
from knowledge.indexer import Indexer, plan_units
from knowledge.store import ChromaStore
from tests.knowledge.conftest import one_chunk_per_section
from tests.knowledge.test_indexer import AMENDMENTS, amended_pair


def test_rrf_scores_and_ranks() -> None:
    fused = reciprocal_rank_fusion({"bm25": ["a", "b", "c"], "dense": ["b", "d"]}, k=10)
    scores = {item: score for item, score, _ in fused}
    assert fused[0][0] == "b"  # 2nd + 1st beats 1st alone
    assert scores["b"] == pytest.approx(1 / 12 + 1 / 11)
    assert scores["a"] == pytest.approx(1 / 11)
    assert fused[0][2] == {"bm25": 2, "dense": 1}
    assert [item for item, _, _ in fused] == ["b", "a", "d", "c"]


def test_rrf_weights_and_duplicates() -> None:
    fused = reciprocal_rank_fusion({"bm25": ["a", "a", "b"], "dense": ["b"]}, k=1, weights={"bm25": 0.1})
    scores = {item: score for item, score, _ in fused}
    assert scores["a"] == pytest.approx(0.1 / 2)  # counted once, at its best rank
    assert scores["b"] == pytest.approx(0.1 / 4 + 1 / 2)
    assert reciprocal_rank_fusion({}) == []


@pytest.fixture
def retriever(hash_store: Callable[[], ChromaStore], small_corpus: list[ParsedDocument]) -> Retriever:
    units, _ = plan_units(small_corpus, chunker=one_chunk_per_section)
    Indexer(hash_store(), HashEmbedder()).sync(units)
    return Retriever(hash_store(), HashEmbedder(), refresh_s=-1)


@pytest.mark.parametrize("mode", ["hybrid", "bm25", "dense"])
def test_each_mode_finds_the_right_article(retriever: Retriever, mode: str) -> None:
    top = retriever.search("Quel est le taux de la contribution conventionnelle supplémentaire ?", 3, mode=mode)  # type: ignore[arg-type]
    assert top[0].document == "accord-tutorat" and top[0].section == "9"
    assert mode == "hybrid" or set(top[0].ranks) == {mode}


def test_hybrid_evidence_carries_scores_ranks_and_ids(retriever: Retriever) -> None:
    [best, *_] = retriever.search("Combien de points de prime pour le tuteur ?", 4)
    assert isinstance(best, Evidence)
    assert best.section == "4.3" and best.id == best.chunk.id
    assert set(best.ranks) == {"bm25", "dense"} and set(best.scores) == {"bm25", "dense"}
    assert best.score > 0 and best.citation == "Article 4.3"
    assert retriever.chunk(best.id) == best.chunk
    assert best.to_dict()["pages"] == [2, 2]


def test_results_are_sorted_unique_and_limited(retriever: Retriever) -> None:
    results = retriever.search("CQP tuteur prime contribution", 3)
    assert len(results) == 3
    assert [e.score for e in results] == sorted((e.score for e in results), reverse=True)
    assert len({e.id for e in results}) == 3
    assert retriever.search("   ", 3) == [] and retriever.search("tuteur", 0) == []
    with pytest.raises(ValueError, match="mode"):
        retriever.search("tuteur", 3, mode="magic")  # type: ignore[arg-type]


def test_document_filter(retriever: Retriever) -> None:
    results = retriever.search("CQP numéro RNCP prime tuteur", 5, document="fiche-cqp")
    assert results and {e.document for e in results} == {"fiche-cqp"}
    both = retriever.search("CQP prime", 5, document=["fiche-cqp", "accord-tutorat"])
    assert {e.document for e in both} == {"fiche-cqp", "accord-tutorat"}


def test_refresh_sees_another_writer(
    hash_store: Callable[[], ChromaStore], small_corpus: list[ParsedDocument], retriever: Retriever
) -> None:
    assert not retriever.refresh()
    tutorat, cqp = small_corpus
    sections = (replace(tutorat.sections[0], text="Chaque tuteur accompagne au maximum 4 salariés."),)
    units, _ = plan_units([replace(tutorat, sections=sections, content_hash="h2"), cqp], chunker=one_chunk_per_section)
    Indexer(hash_store(), HashEmbedder()).sync(units)
    assert retriever.refresh()
    assert retriever.size == 3
    assert "4 salariés" in retriever.search("combien de salariés par tuteur", 1)[0].chunk.text


@pytest.fixture
def amended_retriever(hash_store: Callable[[], ChromaStore]) -> Retriever:
    units, _ = plan_units(amended_pair(), AMENDMENTS, chunker=one_chunk_per_section)
    Indexer(hash_store(), HashEmbedder()).sync(units)
    return Retriever(hash_store(), HashEmbedder(), refresh_s=-1)


@pytest.mark.parametrize("mode", ["hybrid", "bm25", "dense"])
def test_as_of_selects_the_wording_in_force(amended_retriever: Retriever, mode: str) -> None:
    before = amended_retriever.search("congé VAE heures", 5, as_of=date(2021, 6, 1), mode=mode)  # type: ignore[arg-type]
    after = amended_retriever.search("congé VAE heures", 5, as_of=date(2023, 6, 1), mode=mode)  # type: ignore[arg-type]
    assert any("24 heures" in e.chunk.text and e.document == "acc" for e in before)
    assert not any("48 heures" in e.chunk.text for e in before)  # neither the avenant nor the new wording
    consolidated = [e for e in after if e.consolidated]
    assert consolidated and "48 heures" in consolidated[0].chunk.text
    assert not any(e.chunk.text == "Congé VAE de 24 heures." for e in after)
    assert amended_retriever.search("congé", 5, as_of=date(2019, 1, 1), mode=mode) == []  # type: ignore[arg-type]


def test_consolidated_evidence_cites_the_avenant(amended_retriever: Retriever) -> None:
    [new] = [e for e in amended_retriever.search("congé VAE", 5) if e.consolidated]
    assert new.citation == "Article 2 (rédaction issue de l'avenant du 15 janvier 2022, art. 1)"
    assert new.sources == [("acc", "2"), ("av", "1")]


WRITER = """
import sys
from pathlib import Path
from knowledge.embedder import HashEmbedder
from knowledge.indexer import Indexer, plan_units
from knowledge.store import ChromaStore
from tests.knowledge.conftest import make_doc, one_chunk_per_section

doc = make_doc("d", [("1", "Objet", sys.argv[2])], content_hash=sys.argv[2])
units, _ = plan_units([doc], chunker=one_chunk_per_section)
embedder = HashEmbedder()
store = ChromaStore.open(base_name="test", embedder_name=embedder.name, dim=embedder.dim, path=Path(sys.argv[1]))
Indexer(store, embedder).sync(units)
"""


def test_refresh_sees_a_writer_in_another_process(tmp_path: Path) -> None:
    """A UI process keeps its retriever while `ccn-assistant ingest` writes from another one."""
    path = tmp_path / "chroma"

    def write(text: str) -> None:
        subprocess.run([sys.executable, "-c", WRITER, str(path), text], check=True, cwd=REPO_ROOT, timeout=120)

    write("Le tuteur perçoit une prime de sept points.")
    embedder = HashEmbedder()
    store = ChromaStore.open(base_name="test", embedder_name=embedder.name, dim=embedder.dim, path=path)
    retriever = Retriever(store, embedder, refresh_s=-1)
    assert "tuteur" in retriever.search("prime tuteur", 1, mode="dense")[0].chunk.text
    write("La mutuelle rembourse les lunettes du salarié.")
    assert retriever.refresh()
    for mode in ("dense", "hybrid"):
        [found] = retriever.search("mutuelle lunettes", 1, mode=mode)
        assert "mutuelle" in found.chunk.text and "dense" in found.ranks


def test_repeated_questions_reuse_their_embedding(retriever: Retriever) -> None:
    calls: list[str] = []
    embed = retriever.embedder.embed_query

    def counting(text: str) -> list[float]:
        calls.append(text)
        return embed(text)

    retriever.embedder.embed_query = counting  # type: ignore[method-assign]
    first = retriever.search("prime du tuteur", 2)
    assert retriever.search("prime du tuteur", 2) == first
    assert calls == ["prime du tuteur"]
    retriever.set_query_cache(0)
    retriever.search("prime du tuteur", 2)
    assert calls == ["prime du tuteur"] * 2


def test_the_searches_of_one_question_share_their_candidates(retriever: Retriever) -> None:
    """An answer searches its question several times (the retrieval, then the refusal judge's hybrid, dense and
    keyword searches): the keyword scoring and the dense walk run once per question and index, and give the same
    evidence as a fresh search; a reload of the index or `set_query_cache(0)` (cold benchmarks) searches afresh."""
    snap = retriever._snapshot
    scored: list[str] = []
    search = snap.bm25.search

    def counting(query: str, *args: object, **kwargs: object) -> object:
        scored.append(query)
        return search(query, *args, **kwargs)  # type: ignore[arg-type]

    snap.bm25.search = counting  # type: ignore[method-assign,assignment]
    question = "Combien de points de prime pour le tuteur ?"
    hybrid = retriever.search(question, 4)
    keyword = retriever.search(question, 2, mode="bm25")
    assert retriever.search(question, 2) == hybrid[:2]
    assert scored == [question]
    retriever.set_query_cache(0)
    assert retriever.search(question, 4) == hybrid
    assert retriever.search(question, 2, mode="bm25") == keyword
    assert scored == [question] * 3
