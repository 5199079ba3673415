"""Opening a retriever's snapshot at scale: from the saved passage files, against analysing.

    .venv/bin/python -m bench.open_snapshot [--passages 52000] [--units 250]

The scale part of `ccn-assistant bench` builds a real Chroma store of that size (minutes to
hours on 2 busy cores). This measures the part of opening that the saved files change, on the
real code path (`Snapshot.load`), in seconds: the shipped corpus's passages are copied into
`--units` generations until `--passages` are reached, each generation written as the indexer
writes it (`passage_files`); then, in this process, wall and CPU time of

- `files`: `Snapshot.load` reading those files (what a process opening the index now does);
- `first_lookups`: then the first lookups by id and by section (their indexes are built on use);
- `analysis` (unless `--no-analysis`): the French analysis of every passage for BM25 (what it did before, on top of
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

import numpy as np

from knowledge.keyword import BM25Index, TermCounts
from knowledge.metadata import index_text
from knowledge.passage_files import GenerationPassages, to_columns, write_generation
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


def rows_of(counts: TermCounts, rows: np.ndarray) -> TermCounts:
    """The analysis of passages `rows` of `counts` (what `TermCounts.of` gives for their texts, up
    to the numbering of terms), without analysing them again: the setup stays seconds at 52k."""
    starts = np.searchsorted(counts.doc, np.arange(counts.size))
    ends = np.searchsorted(counts.doc, np.arange(counts.size), side="right")
    sizes = ends[rows] - starts[rows]
    first = np.repeat(starts[rows] - np.concatenate([[0], np.cumsum(sizes)[:-1]]), sizes)
    triples = first + np.arange(int(sizes.sum()))
    used, term = np.unique(counts.term[triples], return_inverse=True)
    return TermCounts(
        lengths=counts.lengths[rows],
        vocabulary=[counts.vocabulary[t] for t in used.tolist()],
        doc=np.repeat(np.arange(len(rows), dtype=np.int32), sizes),
        term=term.astype(np.int32),
        tf=counts.tf[triples],
    )


def _timed(body: Any) -> tuple[Any, float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    value = body()
    return value, time.perf_counter() - start, time.process_time() - cpu


def measure(passages: int, units: int, *, analysis: bool = True) -> dict[str, Any]:
    from bench.retrieval import parse_shipped_corpus
    from knowledge.indexer import plan_units

    planned, _ = plan_units(parse_shipped_corpus(shipped=True))
    base = [(c, m) for u in planned for c, m in zip(u.chunks, u.metadatas, strict=True)]
    base_counts = TermCounts.of([index_text(c) for c, _ in base])  # analysed once, rows picked below
    per_unit = max(1, passages // units)
    with tempfile.TemporaryDirectory(prefix="ccn-bench-open-") as tmp:
        folder = Path(tmp)
        records: dict[str, UnitRecord] = {}
        all_texts: list[str] = []
        for n in range(units):
            generation = f"g{n:05d}"
            picked = [(n * per_unit + i) % len(base) for i in range(per_unit)]
            rows = [base[r] for r in picked]
            ids = [f"{generation}:{c.id}:{i}" for i, (c, _) in enumerate(rows)]
            metas = [{**m, "unit": f"u{n}", "generation": generation} for _, m in rows]
            texts = [index_text(c) for c, _ in rows]
            counts = rows_of(base_counts, np.asarray(picked, dtype=np.int64))
            write_generation(
                folder, generation, GenerationPassages(ids, [c.text for c, _ in rows], to_columns(metas), counts)
            )
            records[f"u{n}"] = UnitRecord(f"u{n}", "", generation, len(rows), {})
            all_texts.extend(texts)
        store = _FilesOnlyStore(records, folder)
        snapshot, files_s, files_cpu = _timed(lambda: Snapshot.load(store))  # type: ignore[arg-type]
        result: dict[str, Any] = {
            "passages": len(snapshot.chunks),
            "units": units,
            "files_mb": sum(p.stat().st_size for p in folder.iterdir()) / 1e6,
            "open_from_files": {"wall_s": files_s, "cpu_s": files_cpu},
        }
        # The first search and the lookups of an answer, on the loaded snapshot: what laziness defers.
        first = snapshot.chunks[0]
        _, first_s, first_cpu = _timed(lambda: (snapshot.find(first.id), snapshot.following(first)))
        result["first_lookups"] = {"wall_s": first_s, "cpu_s": first_cpu}
        if analysis:
            _, analysis_s, analysis_cpu = _timed(lambda: BM25Index.from_counts(TermCounts.of(all_texts)))
            result["bm25_by_analysis"] = {"wall_s": analysis_s, "cpu_s": analysis_cpu}
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.open_snapshot")
    parser.add_argument("--passages", type=int, default=52_000)
    parser.add_argument("--units", type=int, default=250)
    parser.add_argument("--no-analysis", action="store_true", help="skip timing the BM25 analysis it replaces")
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.passages, args.units, analysis=not args.no_analysis), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
