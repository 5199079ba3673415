"""Child process of the answers benchmark: start cold, answer, optionally answer warm, report JSON.

    python -m bench.answers_child QUESTIONS.jsonl OUT.json [--warm-repeat N]

Started by `bench.answers` in a fresh interpreter with the settings in its environment
(`CCN_DATA_DIR`, …). Only the standard library is imported before the clock starts, so
`import_s` is the cost of importing the assistant itself.
"""

from __future__ import annotations

import time

STARTED_AT = time.time()
_T0 = time.perf_counter()

import argparse  # noqa: E402  (after the clock on purpose)
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402


def _rss_now_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.answers_child")
    parser.add_argument("questions", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--warm-repeat", type=int, default=0, help="passes over all questions once warm (0: none)")
    args = parser.parse_args(argv)
    questions = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()]

    from assistant.service import get_assistant

    imported = time.perf_counter()
    assistant = get_assistant()
    built = time.perf_counter()
    report = assistant.library.ensure_index()
    indexed = time.perf_counter()
    first = assistant.ask(questions[0]["question"])
    answered = time.perf_counter()
    first_answer_at = time.time()
    result: dict[str, Any] = {
        "started_at": STARTED_AT,
        "first_answer_at": first_answer_at,
        "import_s": imported - _T0,
        "assistant_s": built - imported,
        "ensure_index_s": indexed - built,
        "index_built": report is not None,
        "first_ask_s": answered - indexed,
        "first_route": first.route,
        "in_process_s": answered - _T0,
        "rss_after_first_mb": _rss_now_mb(),
        "configuration": {
            "embedding_backend": assistant.settings.embedding_backend,
            "embedding_model": assistant.settings.embedding_model,
            "chroma": assistant.settings.chroma_url or "embedded",
            "llm": assistant.settings.llm_base_url or "none (deterministic composer)",
            "passages": assistant.retriever.size,
        },
    }
    if args.warm_repeat > 0:
        for item in questions:  # warm-up pass: every route's code path and caches touched once
            assistant.ask(item["question"])
        samples: list[dict[str, Any]] = []
        retriever = assistant.retriever
        cache_size = getattr(retriever, "_query_cache_size", 0)
        for _ in range(args.warm_repeat):
            if hasattr(retriever, "set_query_cache"):  # each pass embeds its questions afresh
                retriever.set_query_cache(cache_size)
            for item in questions:
                start = time.perf_counter()
                answer = assistant.ask(item["question"])
                samples.append(
                    {"id": item.get("id"), "route": answer.route, "ms": (time.perf_counter() - start) * 1000}
                )
        result["warm"] = samples
        result["rss_after_warm_mb"] = _rss_now_mb()
    # The kernel's high-water mark and /proc's current RSS are counted apart: a reading taken last
    # can exceed the mark by a few pages, so the peak is at least every reading.
    readings = [result.get("rss_after_warm_mb", 0.0), result.get("rss_after_first_mb", 0.0)]
    result["peak_rss_mb"] = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, *readings)
    args.out.write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
