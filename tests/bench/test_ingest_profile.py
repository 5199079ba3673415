"""`bench.ingest_profile`: the stage timer and the uncached corpus copy (no ingest is run here:
the tool itself is run by hand, docs/PERFORMANCE.md)."""

from __future__ import annotations

import types
from pathlib import Path

from bench.ingest_profile import Stages, uncached_corpus

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_the_uncached_copy_has_the_pdfs_and_neither_cache(tmp_path: Path) -> None:
    copy = uncached_corpus(tmp_path / "corpus", CORPUS)
    names = sorted(p.name for p in (CORPUS / "pdf").glob("*.pdf"))
    assert sorted(p.name for p in (copy / "pdf").glob("*.pdf")) == names
    assert (copy / "manifest.json").exists()
    assert not (copy / "parsed.json.gz").exists() and not (copy / "embeddings").exists()


def test_wrapped_calls_are_counted_and_timed_and_still_return() -> None:
    stages = Stages()
    module = types.SimpleNamespace(work=lambda n: sum(i * i for i in range(n)))
    stages.wrap(module, "work", "work")
    assert module.work(10_000) == sum(i * i for i in range(10_000))
    module.work(10)
    (row,) = stages.rows()
    assert row["stage"] == "work" and row["calls"] == 2
    assert row["wall_s"] >= 0 and row["cpu_s"] >= 0 and row["children_cpu_s"] >= 0
