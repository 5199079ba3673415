"""Answers benchmark: cold start to first answer, warm latency per route, process memory.

    .venv/bin/python -m bench --only answers --repeat 3

Every measurement runs in a fresh interpreter (`python -m bench.answers_child`), with the
default configuration (embedded Chroma, the configured embedder, no language model server:
`CCN_CHROMA_URL` and `CCN_LLM_BASE_URL` are cleared) and the benchmark's data directory:

- *cold start*: from spawning the process to the first answer (interpreter start, imports,
  models, opening the index, one question), measured `repeat` times with the index already
  built — what a restart of the UI or a `ccn-assistant ask` costs. The first start on an empty
  data directory (indexing the corpus) is reported apart when it happens;
- *warm*: in one process, after a warm-up pass, every dev question answered `repeat` times;
  p50/p95 per route. The retriever's cache of question embeddings is emptied before each pass,
  so every measured answer embeds its question (a repeated question would be faster);
- *RSS*: resident memory after the warm passes and the peak, of the assistant process alone.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bench.measure import summary

CLEARED = ("CCN_CHROMA_URL", "CCN_LLM_BASE_URL")


class AnswersBenchError(RuntimeError):
    """A child process failed; the message holds the end of its error output."""


def child_env(data_dir: Path, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env["CCN_DATA_DIR"] = str(data_dir)
    env.update(overrides or {})
    return env


def run_child(
    questions: Path, env: dict[str, str], *, warm_repeat: int = 0, timeout_s: float = 900.0
) -> dict[str, Any]:
    """One fresh assistant process; its report, with `first_answer_s` measured from the spawn."""
    import subprocess

    repo = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory(prefix="ccn-bench-answers-") as tmp:
        out = Path(tmp) / "result.json"
        command = [sys.executable, "-m", "bench.answers_child", str(questions), str(out)]
        if warm_repeat:
            command += ["--warm-repeat", str(warm_repeat)]
        spawned_at = time.time()
        proc = subprocess.run(command, env=env, cwd=repo, capture_output=True, timeout=timeout_s, check=False)
        if proc.returncode != 0 or not out.exists():
            tail = proc.stderr.decode(errors="replace").strip().splitlines()[-5:]
            raise AnswersBenchError(f"assistant process failed (exit {proc.returncode}): {' | '.join(tail)}")
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    result["first_answer_s"] = result["first_answer_at"] - spawned_at
    result["interpreter_start_s"] = result["started_at"] - spawned_at
    return result


def _by_route(samples: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    routes: dict[str, list[float]] = {}
    for sample in samples:
        routes.setdefault(sample["route"], []).append(sample["ms"])
    out = {route: summary(times) for route, times in sorted(routes.items())}
    out["all"] = summary([s["ms"] for s in samples])
    return out


def run_answers(
    questions: Path,
    data_dir: Path,
    *,
    repeat: int = 3,
    env_overrides: Mapping[str, str] | None = None,
    empty_index: bool = False,
    timeout_s: float = 900.0,
) -> dict[str, Any]:
    """Cold starts (`repeat` processes), warm latency per route (`repeat` passes), RSS.

    The first process builds the index if `data_dir` has none; that start is reported as
    `cold_start_empty_index` and not counted among the cold starts. `empty_index` also measures
    one start on a fresh, empty data directory.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    env = child_env(data_dir, env_overrides)
    cold: list[dict[str, Any]] = []
    first_run: dict[str, Any] | None = None
    while len(cold) < max(1, repeat):
        run = run_child(questions, env, timeout_s=timeout_s)
        if run["index_built"]:
            if first_run is not None:
                raise AnswersBenchError(f"the index in {data_dir} is rebuilt at every start: no cold start to measure")
            first_run = run
            continue
        cold.append(run)
    if empty_index and first_run is None:
        with tempfile.TemporaryDirectory(prefix="ccn-bench-empty-") as tmp:
            first_run = run_child(questions, child_env(Path(tmp), env_overrides), timeout_s=timeout_s)
    warm = run_child(questions, env, warm_repeat=max(1, repeat), timeout_s=timeout_s)
    result: dict[str, Any] = {
        "configuration": warm["configuration"],
        "questions": sum(1 for line in questions.read_text(encoding="utf-8").splitlines() if line.strip()),
        "repeat": repeat,
        "cold_start": {
            key: summary([run[key] for run in cold])
            for key in (
                "first_answer_s",
                "interpreter_start_s",
                "import_s",
                "assistant_s",
                "ensure_index_s",
                "first_ask_s",
            )
        },
        "warm": _by_route(warm["warm"]),
        "rss": {
            "after_first_answer_mb": summary([run["rss_after_first_mb"] for run in cold])["p50"],
            "after_warm_mb": warm["rss_after_warm_mb"],
            "peak_mb": max([warm["peak_rss_mb"], *(run["peak_rss_mb"] for run in cold)]),
        },
    }
    if first_run is not None:
        result["cold_start_empty_index"] = {
            "first_answer_s": first_run["first_answer_s"],
            "ensure_index_s": first_run["ensure_index_s"],
            "peak_rss_mb": first_run["peak_rss_mb"],
        }
    return result
