"""Load: N conversations at once through the assistant, in threads or in processes.

    .venv/bin/ccn-assistant bench --only load                 # 1, 2, 4 conversations, 20 s each
    .venv/bin/python -m bench --only load --load 1,2,4,8 --load-seconds 30

A *conversation* asks the dev questions one after the other (each conversation starts at another
question), without pause, as fast as answers come. Two ways of serving them:

- **threads**: one process, one `Assistant`, N threads (one UI server answering N users);
- **processes**: N processes, one `Assistant` and one conversation each (N UI processes).

Every worker is a fresh interpreter (spawn) that opens the index, answers a few questions to
warm up, says it is ready and waits; the clock starts when all are ready and stops after
`seconds`. Answers finished inside the window count. Nothing leaves the machine: the assistant
is called in-process (no network), with the benchmark's own data directory.

Reported per level: answers, sustained questions per second, latency p50/p95; the best rate
whose p95 stays ≤ 1.5 s; and the memory of one process holding a warm assistant (RSS, and PSS,
which splits shared pages between processes: the memory one more UI process really costs).
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import queue
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bench.measure import summary

P95_LIMIT_MS = 1500.0
WARM_UP = 5  # questions answered before the clock starts


def _memory_mb() -> dict[str, float]:
    """RSS and PSS of this process (PSS from /proc/self/smaps_rollup, NaN where unavailable)."""
    out = {"rss_mb": float("nan"), "pss_mb": float("nan")}
    for name, key, field in (("status", "VmRSS:", "rss_mb"), ("smaps_rollup", "Pss:", "pss_mb")):
        try:
            for line in Path(f"/proc/self/{name}").read_text().splitlines():
                if line.startswith(key):
                    out[field] = int(line.split()[1]) / 1024
                    break
        except OSError:
            pass
    return out


def _worker(questions: list[str], threads: int, offset: int, seconds: float, ready: Any, go: Any, results: Any) -> None:
    """One serving process: warm assistant, then `threads` conversations until the window ends."""
    try:
        from assistant.service import get_assistant

        assistant = get_assistant()
        assistant.library.ensure_index()
        for question in questions[:WARM_UP]:
            assistant.ask(question)
        memory = _memory_mb()
        ready.put(os.getpid())
        go.wait()
        deadline = time.perf_counter() + seconds
        samples: list[float] = []
        lock = threading.Lock()

        def conversation(k: int) -> None:
            n = offset + k * 7
            while True:
                start = time.perf_counter()
                if start >= deadline:
                    return
                assistant.ask(questions[n % len(questions)])
                end = time.perf_counter()
                n += 1
                if end <= deadline:
                    with lock:
                        samples.append((end - start) * 1000)

        pool = [threading.Thread(target=conversation, args=(k,)) for k in range(threads)]
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join()
        results.put({"samples": samples, **memory})
    except Exception as exc:  # reported by the parent, never a hang
        ready.put(-1)
        results.put({"error": f"{type(exc).__name__}: {exc}"})


def run_level(
    questions: Sequence[str], mode: str, conversations: int, seconds: float, start_timeout_s: float = 300.0
) -> dict[str, Any]:
    """N conversations in one process (threads) or in N processes; the measured window."""
    ctx = mp.get_context("spawn")
    ready, results, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    processes, threads = (1, conversations) if mode == "threads" else (conversations, 1)
    workers = [
        ctx.Process(target=_worker, args=(list(questions), threads, 11 * p, seconds, ready, go, results))
        for p in range(processes)
    ]
    for worker in workers:
        worker.start()
    try:
        for _ in workers:
            if ready.get(timeout=start_timeout_s) == -1:
                break
        go.set()
        outcomes = [results.get(timeout=seconds + start_timeout_s) for _ in workers]
    except queue.Empty:
        outcomes = [{"error": "délai dépassé"}]
    finally:
        for worker in workers:
            worker.join(timeout=10)
            if worker.is_alive():
                worker.kill()
    errors = [o["error"] for o in outcomes if "error" in o]
    if errors:
        return {"mode": mode, "conversations": conversations, "error": errors[0]}
    samples = [ms for o in outcomes for ms in o["samples"]]
    return {
        "mode": mode,
        "conversations": conversations,
        "processes": processes,
        "seconds": seconds,
        "answers": len(samples),
        "questions_per_s": len(samples) / seconds,
        "latency_ms": summary(samples),
        "rss_mb_per_process": summary([o["rss_mb"] for o in outcomes]),
        "pss_mb_per_process": summary([o["pss_mb"] for o in outcomes]),
    }


def run_load(
    questions_file: Path,
    data_dir: Path,
    *,
    levels: Sequence[int] = (1, 2, 4),
    seconds: float = 20.0,
    modes: Sequence[str] = ("threads", "processes"),
    env_overrides: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Every (mode, level); the best sustained rate with p95 ≤ 1.5 s per mode."""
    lines = questions_file.read_text(encoding="utf-8").splitlines()
    questions = [str(json.loads(line)["question"]) for line in lines if line.strip()]
    saved = {key: os.environ.get(key) for key in ("CCN_DATA_DIR", *(env_overrides or {}))}
    os.environ["CCN_DATA_DIR"] = str(data_dir)
    os.environ.update({k: v for k, v in (env_overrides or {}).items() if v})
    try:
        points = [run_level(questions, mode, n, seconds) for mode in modes for n in levels]
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    sustained: dict[str, Any] = {}
    for mode in modes:
        within = [p for p in points if p["mode"] == mode and "error" not in p]
        within = [p for p in within if p["latency_ms"]["p95"] <= P95_LIMIT_MS]
        best = max(within, key=lambda p: p["questions_per_s"], default=None)
        sustained[mode] = (
            {"questions_per_s": best["questions_per_s"], "conversations": best["conversations"]} if best else None
        )
    return {"questions": len(questions), "points": points, "sustained": sustained, "p95_limit_ms": P95_LIMIT_MS}
