"""One benchmark run: ingestion, retrieval, answers, load and scale, in that order, into one result.

    .venv/bin/ccn-assistant bench                      # full run (~30–45 min on 2 cores)
    .venv/bin/ccn-assistant bench --quick              # smoke run of the harness (< 2 min)
    .venv/bin/python -m bench --only retrieval,scale --scale 10,100 --repeat 5

`--quick` checks the harness, not the product: it uses the `hash` embedder (unless `--backend`
is given), one repetition, the 10× scale point, and skips the end-to-end CLI ingest and the
empty-index cold start. Its figures are not the product's.

The parsed corpus from the ingestion part is reused by the others (when ingestion is skipped,
the corpus is parsed once, unmeasured). Retrieval and answers share an index in the
benchmark's data directory (`artifacts/bench/data` by default), updated incrementally, so a
second run does not re-embed the corpus. A part that fails is reported and the others go on.
"""

from __future__ import annotations

import argparse
import logging
import os
import shlex
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.report import check_targets

if TYPE_CHECKING:
    from ingest.models import ParsedDocument

log = logging.getLogger(__name__)

PARTS = ("ingestion", "retrieval", "answers", "load", "scale")
DEFAULT_LOAD = (1, 2, 4)  # concurrent conversations
DEFAULT_SCALE = (10, 100, 250)  # 250× ≈ 52k passages; 1000× (≈ 210k) on request: --scale 10,100,250,1000
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JSON = REPO_ROOT / "artifacts" / "bench.json"
DEFAULT_WORK_DIR = REPO_ROOT / "artifacts" / "bench"


@dataclass
class BenchOptions:
    parts: tuple[str, ...] = PARTS
    repeat: int = 3
    scale: tuple[int, ...] = DEFAULT_SCALE
    quick: bool = False
    questions: Path = field(default_factory=lambda: REPO_ROOT.parent / "shared" / "eval" / "dev.jsonl")
    work_dir: Path = DEFAULT_WORK_DIR
    json_path: Path | None = DEFAULT_JSON
    backend: str = ""
    model: str = ""
    load: tuple[int, ...] = DEFAULT_LOAD
    load_seconds: float = 20.0

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> BenchOptions:
        quick = bool(args.quick)
        parts = tuple(p.strip() for p in args.only.split(",") if p.strip()) if args.only else PARTS
        unknown = [p for p in parts if p not in PARTS]
        if unknown:
            raise ValueError(f"partie(s) inconnue(s): {', '.join(unknown)} (choix: {', '.join(PARTS)})")
        repeat = args.repeat if args.repeat is not None else (1 if quick else 3)
        if args.scale:
            scale = tuple(int(x) for x in args.scale.split(",") if x.strip())
        else:
            scale = (10,) if quick else DEFAULT_SCALE
        load_arg = getattr(args, "load", "") or ""
        load = tuple(int(x) for x in load_arg.split(",") if x.strip()) or ((1, 2) if quick else DEFAULT_LOAD)
        load_seconds = getattr(args, "load_seconds", None) or (3.0 if quick else 20.0)
        if any(f < 1 for f in (*scale, *load)) or repeat < 1 or load_seconds <= 0:
            raise ValueError("--repeat, --scale et --load attendent des entiers ≥ 1")
        return cls(
            parts=parts,
            repeat=repeat,
            scale=scale,
            quick=quick,
            questions=args.questions or cls().questions,
            work_dir=args.work_dir or DEFAULT_WORK_DIR,
            json_path=args.json,
            backend=args.backend or ("hash" if quick else ""),
            model=args.model or "",
            load=load,
            load_seconds=load_seconds,
        )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options shared by `ccn-assistant bench` and `python -m bench`."""
    parser.add_argument(
        "--quick",
        action="store_true",
        help="passe rapide de vérification du banc (< 2 min): embedder hash sauf --backend, 1 répétition, 10×",
    )
    parser.add_argument("--only", default="", help=f"parties à mesurer, séparées par des virgules ({','.join(PARTS)})")
    parser.add_argument("--repeat", type=int, default=None, help="répétitions (défaut: 3, 1 avec --quick)")
    parser.add_argument(
        "--scale",
        default="",
        help=f"facteurs du corpus synthétique (défaut: {','.join(map(str, DEFAULT_SCALE))}; 10 avec --quick)",
    )
    parser.add_argument(
        "--json", type=Path, default=DEFAULT_JSON, help=f"fichier de résultats JSON (défaut: {DEFAULT_JSON})"
    )
    parser.add_argument(
        "--write-doc", type=Path, default=None, help="écrire le rapport entre les marqueurs d'un fichier markdown"
    )
    parser.add_argument("--questions", type=Path, default=None, help="questions JSONL (défaut: shared/eval/dev.jsonl)")
    parser.add_argument("--work-dir", type=Path, default=None, help=f"dossier de travail (défaut: {DEFAULT_WORK_DIR})")
    parser.add_argument("--backend", default="", help="embedder (défaut: CCN_EMBEDDING_BACKEND)")
    parser.add_argument(
        "--load", default="", help="conversations simultanées de la partie load (défaut: 1,2,4; 1,2 avec --quick)"
    )
    parser.add_argument(
        "--load-seconds", type=float, default=None, help="durée de chaque palier de charge (défaut: 20)"
    )
    parser.add_argument("--model", default="", help="modèle de l'embedder (défaut: CCN_EMBEDDING_MODEL)")
    parser.add_argument(
        "--report",
        action="store_true",
        help="le tableau de docs/PERFORMANCE.md (premier démarrage, ouverture à 52k, charge, pipeline simple),"
        " quelques minutes ; avec --write-doc, l'écrit entre les marqueurs report",
    )
    parser.add_argument(
        "--score", type=Path, default=None, help="score.py des évaluations (défaut: shared/eval/score.py)"
    )


def _load() -> float:
    """The 1-minute load average (other processes competing for the 2 cores), -1 if unknown."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return -1.0


def _parse_unmeasured(pdfs: Sequence[Path]) -> list[ParsedDocument]:
    from assistant.settings import get_settings
    from ingest.manifest import load_manifest
    from ingest.pipeline import parse_corpus

    docs, errors = parse_corpus(pdfs, load_manifest(get_settings().manifest_file))
    for error in errors:
        log.warning("%s", error)
    return docs


def run_bench(options: BenchOptions, progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Run the selected parts; a JSON-ready dict with `meta`, one key per part and `targets`."""
    from assistant.settings import get_settings
    from bench.ingestion import corpus_pdfs
    from bench.measure import machine_info

    tell = progress or (lambda _msg: None)
    settings = get_settings()
    backend = options.backend or settings.embedding_backend
    model = options.model or settings.embedding_model
    started = time.perf_counter()
    results: dict[str, Any] = {
        "meta": {
            "machine": machine_info(),
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "quick": options.quick,
            "repeat": options.repeat,
            "parts": list(options.parts),
            "scale": list(options.scale),
            "embedding_backend": backend,
            "embedding_model": model,
            "questions": str(options.questions),
        }
    }
    pdfs = corpus_pdfs(settings.pdf_dir)
    docs: list[ParsedDocument] = []
    amendments_file = settings.corpus_dir / "amendments.json"

    def corpus() -> list[ParsedDocument]:
        if not docs:
            docs.extend(_parse_unmeasured(pdfs))
        return docs

    def part(name: str, body: Callable[[], dict[str, Any]]) -> None:
        if name not in options.parts:
            return
        tell(f"… {name}")
        load_start = _load()
        start = time.perf_counter()
        try:
            results[name] = body()
        except Exception as exc:  # one part failing must not lose the others' figures
            log.debug("%s failed", name, exc_info=True)
            results[name] = {"error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc(limit=5)}
        results[name]["duration_s"] = time.perf_counter() - start
        results[name]["load_avg_1min"] = {"start": load_start, "end": _load()}

    def ingestion() -> dict[str, Any]:
        from bench.ingestion import run_ingestion

        result, parsed = run_ingestion(
            pdfs,
            settings.manifest_file,
            amendments_file,
            repeat=options.repeat,
            backend=backend,
            model=model,
            cli=not options.quick,
        )
        docs[:] = parsed
        return result

    def retrieval() -> dict[str, Any]:
        from bench.retrieval import load_questions
        from bench.retrieval_modes import run_retrieval

        return run_retrieval(
            corpus(),
            load_questions(options.questions),
            data_dir=options.work_dir / "data",
            backend=backend,
            model=model,
            repeat=options.repeat,
        )

    def answers() -> dict[str, Any]:
        from bench.answers import run_answers

        overrides = {"CCN_EMBEDDING_BACKEND": backend, "CCN_EMBEDDING_MODEL": model}
        return run_answers(
            options.questions,
            options.work_dir / "data",
            repeat=options.repeat,
            env_overrides=overrides,
            empty_index=not options.quick,
        )

    def load() -> dict[str, Any]:
        from bench.load import run_load

        overrides = {"CCN_EMBEDDING_BACKEND": backend, "CCN_EMBEDDING_MODEL": model}
        return run_load(
            options.questions,
            options.work_dir / "data",
            levels=options.load,
            seconds=options.load_seconds,
            env_overrides=overrides,
        )

    def scale() -> dict[str, Any]:
        from bench.retrieval import load_questions
        from bench.scale import run_scale
        from knowledge.consolidation.amendments import load_amendments

        return run_scale(
            corpus(),
            load_questions(options.questions),
            factors=options.scale,
            amendments=load_amendments(amendments_file),
            repeat=options.repeat,
            work_dir=options.work_dir,
            real_backend="" if backend == "hash" else backend,
            real_model=model,
            rate_sample=16 if options.quick else 64,
        )

    part("ingestion", ingestion)
    part("retrieval", retrieval)
    part("answers", answers)
    part("load", load)
    part("scale", scale)
    results["meta"]["duration_s"] = time.perf_counter() - started
    try:
        results["meta"]["load_avg_end"] = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        results["meta"]["load_avg_end"] = []
    results["targets"] = check_targets(results)
    return results


def main(argv: list[str] | None = None, prog: str = "python -m bench") -> int:
    parser = argparse.ArgumentParser(prog=prog, description="Mesures de performance (issue #7).")
    add_arguments(parser)
    argv = sys.argv[1:] if argv is None else argv
    return run_command(parser.parse_args(argv), command=f"{prog} {shlex.join(argv)}".strip())


def run_command(args: argparse.Namespace, command: str = "") -> int:
    """Run, print the report, write the JSON; exit 1 if a part failed, 2 on bad options."""
    from bench.report import format_report, write_doc, write_json

    try:
        options = BenchOptions.from_args(args)
    except ValueError as exc:
        print(f"erreur: {exc}", file=sys.stderr)
        return 2
    if getattr(args, "report", False):
        from bench.report_table import run_report

        json_path = options.json_path.with_name("bench-report.json") if options.json_path else None
        return run_report(
            options.questions,
            getattr(args, "score", None) or REPO_ROOT.parent / "shared" / "eval" / "score.py",
            options.work_dir,
            repeat=options.repeat,
            load_seconds=options.load_seconds,
            json_path=json_path,
            doc=getattr(args, "write_doc", None),
        )
    results = run_bench(options, progress=lambda msg: print(msg, file=sys.stderr, flush=True))
    print(format_report(results), end="")
    if options.json_path is not None:
        write_json(results, options.json_path)
        print(f"\nrésultats: {options.json_path}", file=sys.stderr)
    if getattr(args, "write_doc", None) is not None:
        write_doc(results, args.write_doc, command or "ccn-assistant bench " + shlex.join(sys.argv[2:]))
        print(f"rapport écrit dans {args.write_doc}", file=sys.stderr)
    failed = [name for name in options.parts if "error" in results.get(name, {})]
    for name in failed:
        print(f"{name}: {results[name]['error']}", file=sys.stderr)
    return 1 if failed else 0
