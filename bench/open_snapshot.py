"""Opening a retriever's snapshot at scale: from the saved passage files, against analysing.

    .venv/bin/python -m bench.open_snapshot [--passages 52000] [--units 250]

The scale part of `ccn-assistant bench` builds a real Chroma store of that size (minutes to
hours on 2 busy cores). This measures the part of opening that the saved files change, on the
real code path (`Snapshot.load`), in seconds: the shipped corpus's passages are copied into
`--units` generations until `--passages` are reached, each generation written as the indexer
writes it (`passage_files`); then, in this process, wall and CPU time of

- `files`: `Snapshot.load` reading those files (what a process opening the index now does);
- `analysis`: the French analysis of every passage for BM25 (what it did before, on top of
  reading every passage back from Chroma), then the same BM25 build.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.keyword import BM25Index, TermCounts
from knowledge.metadata import index_text
from knowledge.passage_files import analysed, write_generation
from knowledge.snapshot import Snapshot
from knowledge.store import UnitRecord


@dataclass
class _FilesOnlyStore:
    """What `Snapshot.load` asks of a store when every generation has its file."""

    records: dict[str, UnitRecord]
    passages_dir: Path

    def units(self) -> dict[str, UnitRecord]:
        return self.records

    def get_chunks(self, *_: Any, **__: Any) -> list[Any]:
        raise AssertionError("every generation should come from its file")


def _timed(body: Any) -> tuple[Any, float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    value = body()
    return value, time.perf_counter() - start, time.process_time() - cpu


def measure(passages: int, units: int) -> dict[str, Any]:
    from bench.retrieval import parse_shipped_corpus
    from knowledge.indexer import plan_units

    planned, _ = plan_units(parse_shipped_corpus())
    base = [(c, m) for u in planned for c, m in zip(u.chunks, u.metadatas, strict=True)]
    per_unit = max(1, passages // units)
    with tempfile.TemporaryDirectory(prefix="ccn-bench-open-") as tmp:
        folder = Path(tmp)
        records: dict[str, UnitRecord] = {}
        all_texts: list[str] = []
        for n in range(units):
            generation = f"g{n:05d}"
            rows = [base[(n * per_unit + i) % len(base)] for i in range(per_unit)]
            ids = [f"{generation}:{c.id}:{i}" for i, (c, _) in enumerate(rows)]
            metas = [{**m, "unit": f"u{n}", "generation": generation} for _, m in rows]
            texts = [index_text(c) for c, _ in rows]
            write_generation(folder, generation, analysed(ids, [c.text for c, _ in rows], metas, texts))
            records[f"u{n}"] = UnitRecord(f"u{n}", "", generation, len(rows), {})
            all_texts.extend(texts)
        store = _FilesOnlyStore(records, folder)
        snapshot, files_s, files_cpu = _timed(lambda: Snapshot.load(store))  # type: ignore[arg-type]
        _, analysis_s, analysis_cpu = _timed(lambda: BM25Index.from_counts(TermCounts.of(all_texts)))
        size_mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    return {
        "passages": len(snapshot.chunks),
        "units": units,
        "files_mb": size_mb,
        "open_from_files": {"wall_s": files_s, "cpu_s": files_cpu},
        "bm25_by_analysis": {"wall_s": analysis_s, "cpu_s": analysis_cpu},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.open_snapshot")
    parser.add_argument("--passages", type=int, default=52_000)
    parser.add_argument("--units", type=int, default=250)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.passages, args.units), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
