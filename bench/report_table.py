"""`ccn-assistant bench --report`: the one table of docs/PERFORMANCE.md, measured and printed.

Every row of the table (issue #17) is measured here, in a few minutes on 2 quiet cores, and printed
as Markdown rows with the command that measures that row alone; `--write-doc FILE` puts the table
between `<!-- report:begin -->` and `<!-- report:end -->` in FILE. Wall time and CPU time (user +
system, children included) are given side by side: on a shared machine the wall time measures the
wait for a core, the CPU time what the product spends. The 1-minute load average is recorded per
row, so figures taken under load say so.

Rows: first start (`ingest` on a fresh data directory, shipped parses and vectors), the same
without them (`CCN_CORPUS_DIR` = a copy of the corpus without `parsed.json.gz` and `embeddings/`),
opening a retriever at 52k passages, question embedding (ONNX Runtime, torch and C engines), the plain pipeline
side by side (recall@5, `score.py` pass rate, p50 latency, ratios), load (sustained questions/s
with p95 ≤ 1.5 s, threads and processes) and the memory of one more serving process per engine.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.measure import machine_info, run_measured, summary

BEGIN, END = "<!-- report:begin -->", "<!-- report:end -->"
REPO_ROOT = Path(__file__).resolve().parent.parent


def _load() -> float:
    try:
        return round(os.getloadavg()[0], 1)
    except OSError:
        return -1.0


def _ingest(corpus_dir: Path | None, repeat: int) -> dict[str, Any]:
    """`python -m cli.main ingest --data-dir TMP`, `repeat` fresh data directories."""
    walls, cpus, rss, failures = [], [], [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="ccn-report-ingest-") as tmp:
            env = {k: v for k, v in os.environ.items() if k != "CCN_CHROMA_URL"}
            if corpus_dir is not None:
                env["CCN_CORPUS_DIR"] = str(corpus_dir)
            run = run_measured([sys.executable, "-m", "cli.main", "ingest", "--data-dir", tmp], env=env, cwd=REPO_ROOT)
            if run["returncode"]:
                failures.append((run["stderr"].strip().splitlines() or ["échec"])[-1])
                continue
            walls.append(run["wall_s"])
            cpus.append(run["cpu_s"])
            rss.append(run["peak_rss_mb"])
    return {
        "wall_s": summary(walls),
        "cpu_s": summary(cpus),
        "peak_rss_mb": max(rss, default=float("nan")),
        "failures": failures,
    }


def _uncached_corpus(tmp: Path) -> Path:
    """A copy of the shipped corpus without its shipped parses and vectors."""
    copy = tmp / "corpus"
    shutil.copytree(REPO_ROOT / "corpus", copy, ignore=shutil.ignore_patterns("embeddings", "parsed.json.gz"))
    return copy


def _json_command(args: list[str]) -> dict[str, Any]:
    run = run_measured([sys.executable, *args], cwd=REPO_ROOT, timeout_s=900)
    if run["returncode"]:
        raise RuntimeError((run["stderr"].strip().splitlines() or ["échec"])[-1])
    result: dict[str, Any] = json.loads(run["stdout"])
    return result


def measure(questions: Path, score_py: Path, work_dir: Path, *, repeat: int, load_seconds: float) -> dict[str, Any]:
    """Every row's figures (JSON-ready); a row that fails holds its error, the others go on."""
    from bench.load import run_load
    from bench.plain_pipeline import run_plain

    out: dict[str, Any] = {"meta": {"machine": machine_info(), "started": time.strftime("%Y-%m-%d %H:%M UTC")}}

    def row(name: str, body: Callable[[], dict[str, Any]]) -> None:
        print(f"… {name}", file=sys.stderr, flush=True)
        before, start = _load(), time.perf_counter()
        try:
            out[name] = body()
        except Exception as exc:  # one row failing keeps the others
            out[name] = {"error": f"{type(exc).__name__}: {exc}"}
        out[name]["load"] = [before, _load()]
        out[name]["duration_s"] = time.perf_counter() - start

    def uncached() -> dict[str, Any]:
        with tempfile.TemporaryDirectory(prefix="ccn-report-corpus-") as tmp:
            return _ingest(_uncached_corpus(Path(tmp)), 1)

    def memory_c_engine() -> dict[str, Any]:
        saved = os.environ.get("CCN_E5_QUERY_ENGINE")
        os.environ["CCN_E5_QUERY_ENGINE"] = "c"
        try:
            return run_load(questions, work_dir / "data", levels=(1,), seconds=load_seconds, modes=("processes",))
        finally:
            os.environ.pop("CCN_E5_QUERY_ENGINE") if saved is None else os.environ.update(CCN_E5_QUERY_ENGINE=saved)

    row("first_start", lambda: _ingest(None, repeat))
    row("uncached_ingest", uncached)
    row("open_52k", lambda: _json_command(["-m", "bench.open_snapshot", "--no-analysis"]))
    row("question_embedding", lambda: _json_command(["-m", "bench.query_embedding", "--questions", str(questions)]))
    row("plain", lambda: run_plain(questions, work_dir, repeat=repeat, score_py=score_py))
    row("load", lambda: run_load(questions, work_dir / "data", levels=(1, 2, 4), seconds=load_seconds))
    row("memory_c_engine", memory_c_engine)
    out["meta"]["ended"] = time.strftime("%Y-%m-%d %H:%M UTC")
    return out


# -- the table -----------------------------------------------------------------------------------


def _n(value: Any, digits: int = 1) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "–"
    return "–" if number != number else f"{number:.{digits}f}"


def _met(ok: bool | None) -> str:
    return "–" if ok is None else ("yes" if ok else "**no**")


def _p(stats: dict[str, Any] | None, key: str) -> float:
    return float((stats or {}).get(key, float("nan")))


def table(results: dict[str, Any]) -> str:
    """The Markdown table (header included) of `measure`'s results."""
    rows = ["| what | command | measured: wall (CPU) | target | met | 1-min load |", "|---|---|---|---|---|---|"]

    def add(name: str, what: str, command: str, figure: str, target: str, ok: bool | None) -> None:
        data = results.get(name, {})
        load = "–".join(_n(x) for x in data.get("load", [])) or "–"
        if "error" in data:
            figure, ok = f"failed: {data['error']}", None
        rows.append(f"| {what} | `{command}` | {figure} | {target} | {_met(ok)} | {load} |")

    first = results.get("first_start", {})
    wall, cpu = _p(first.get("wall_s"), "p50"), _p(first.get("cpu_s"), "p50")
    add(
        "first_start",
        "first start: `ingest` on a fresh data directory (shipped parses and vectors)",
        "ccn-assistant ingest --data-dir $(mktemp -d)",
        f"{_n(wall)} s ({_n(cpu)} s CPU), median of {first.get('wall_s', {}).get('n', 0)}; "
        f"peak RSS {_n(first.get('peak_rss_mb'), 0)} MB",
        "≤ 10 s",
        wall <= 10 if wall == wall else None,
    )
    unc = results.get("uncached_ingest", {})
    wall, cpu = _p(unc.get("wall_s"), "p50"), _p(unc.get("cpu_s"), "p50")
    add(
        "uncached_ingest",
        "ingest without shipped parses and vectors (a changed corpus)",
        "CCN_CORPUS_DIR=<corpus copy without parsed.json.gz, embeddings/> ccn-assistant ingest --data-dir $(mktemp -d)",
        f"{_n(wall)} s ({_n(cpu)} s CPU), 1 run; peak RSS {_n(unc.get('peak_rss_mb'), 0)} MB",
        "≤ 30 s",
        wall <= 30 if wall == wall else None,
    )
    op = results.get("open_52k", {})
    files = op.get("open_from_files", {})
    add(
        "open_52k",
        f"opening a retriever at {op.get('passages', 52000)} passages (`Snapshot.load` from the saved files)",
        "python -m bench.open_snapshot --no-analysis",
        f"{_n(files.get('wall_s'), 2)} s ({_n(files.get('cpu_s'), 2)} s CPU); first lookups "
        f"{_n(op.get('first_lookups', {}).get('cpu_s'), 2)} s CPU",
        "≤ 3 s",
        float(files["wall_s"]) <= 3 if "wall_s" in files else None,
    )
    qe = results.get("question_embedding", {})
    wall_ms, cpu_ms = qe.get("wall_ms", {}), qe.get("cpu_ms", {})
    default = str(qe.get("default", "torch"))
    engines = [default, *(e for e in ("onnx", "torch", "c") if e != default and e in wall_ms)]
    add(
        "question_embedding",
        f"question embedding p50 / p95: {default} (default), then the other engines; min cosine to the C engine",
        "python -m bench.query_embedding",
        "; ".join(
            f"{name} {_n(_p(wall_ms.get(name), 'p50'))} / {_n(_p(wall_ms.get(name), 'p95'))} ms "
            f"({_n(_p(cpu_ms.get(name), 'p50'))} / {_n(_p(cpu_ms.get(name), 'p95'))} CPU)"
            for name in engines
        )
        + f"; cosine ≥ {_n(qe.get('min_cosine'), 5)}",
        "p95 ≤ 15 ms, cosine > 0.999",
        (_p(wall_ms.get(default), "p95") <= 15 and float(qe.get("min_cosine", 0)) > 0.999) if wall_ms else None,
    )
    pl = results.get("plain", {})
    ours, theirs = pl.get("product", {}), pl.get("plain", {})

    def ratio(a: float, b: float) -> str:
        return f"{a / b:.2f}×" if b and a == a and b == b else "–"

    r_ours, r_plain = float(ours.get("recall_at_5_text", float("nan"))), float(theirs.get("recall_at_5_text", "nan"))
    s_ours = float(ours.get("score", {}).get("pass_rate", float("nan")))
    s_plain = float(theirs.get("score", {}).get("pass_rate", float("nan")))
    l_ours, l_plain = _p(ours.get("latency_ms"), "p50"), _p(theirs.get("latency_ms"), "p50")
    facts_ours = ours.get("score", {}).get("lines", {}).get("facts", "–")
    facts_plain = theirs.get("score", {}).get("lines", {}).get("facts", "–")
    add(
        "plain",
        "plain pipeline side by side (pdfplumber pages → `RecursiveCharacterTextSplitter` 1000/200 → Chroma, "
        "same embedder, top 5 quoted), same run, dev questions",
        "python -m bench.plain_pipeline",
        f"recall@5 (passage holds the article's text) ours {_n(r_ours, 3)} vs plain {_n(r_plain, 3)} "
        f"({ratio(r_ours, r_plain)}; ours by label {_n(ours.get('recall_at_5_label'), 3)}; passages of "
        f"{_n(_p(ours.get('passage_chars'), 'p50'), 0)} vs {_n(_p(theirs.get('passage_chars'), 'p50'), 0)} chars p50); "
        f"score.py pass rate {_n(100 * s_ours, 0)} % vs {_n(100 * s_plain, 0)} %, facts {facts_ours} vs "
        f"{facts_plain}; p50 {_n(l_ours)} ms (whole answer) vs {_n(l_plain)} ms ({ratio(l_ours, l_plain)})",
        "compare",
        None,
    )
    ld = results.get("load", {})
    points = ld.get("points", [])
    per_level = "; ".join(
        f"{p['mode']} {p['conversations']}: {_n(p['questions_per_s'], 2)} q/s, "
        f"p95 {_n(_p(p['latency_ms'], 'p95'), 0)} ms"
        for p in points
        if "error" not in p
    )
    best = [s for s in (ld.get("sustained") or {}).values() if s]
    rate = max((float(s["questions_per_s"]) for s in best), default=float("nan"))
    add(
        "load",
        "load: sustained questions/s with p95 ≤ 1.5 s (threads / processes, 1, 2, 4 conversations)",
        "ccn-assistant bench --only load --load 1,2,4",
        f"**{_n(rate, 2)} q/s**; {per_level}",
        "p95 ≤ 1.5 s",
        rate == rate if points else None,
    )
    torch_proc: dict[str, Any] = next((p for p in points if p.get("mode") == "processes" and "error" not in p), {})
    c_points = results.get("memory_c_engine", {}).get("points", [{}])
    c_proc = c_points[0] if c_points else {}
    add(
        "memory_c_engine",
        "memory of one more serving process (warm assistant): default question engine vs `CCN_E5_QUERY_ENGINE=c`",
        "CCN_E5_QUERY_ENGINE=c ccn-assistant bench --only load --load 1",
        f"{default} {_n(_p(torch_proc.get('rss_mb_per_process'), 'p50'), 0)} MB RSS / "
        f"{_n(_p(torch_proc.get('pss_mb_per_process'), 'p50'), 0)} MB PSS; "
        f"C {_n(_p(c_proc.get('rss_mb_per_process'), 'p50'), 0)} MB RSS / "
        f"{_n(_p(c_proc.get('pss_mb_per_process'), 'p50'), 0)} MB PSS "
        f"(1 conversation: {_n(c_proc.get('questions_per_s'), 2)} q/s, "
        f"p95 {_n(_p(c_proc.get('latency_ms'), 'p95'), 0)} ms)",
        "–",
        None,
    )
    meta = results.get("meta", {})
    machine = meta.get("machine", {})
    head = (
        f"Measured {meta.get('started', '?')} → {meta.get('ended', '?')} by `ccn-assistant bench --report` on "
        f"{machine.get('cpus', '?')} CPUs, {_n(machine.get('memory_gib'), 1)} GiB, "
        f"Python {machine.get('python', '?')}. "
        "Wall (CPU) times; a 1-minute load above the CPU count means other processes took cores.\n\n"
    )
    return head + "\n".join(rows) + "\n"


def write_table(path: Path, text: str) -> None:
    doc = path.read_text(encoding="utf-8")
    if BEGIN not in doc or END not in doc:
        raise ValueError(f"{path}: markers {BEGIN} / {END} absent")
    before, rest = doc.split(BEGIN, 1)
    _, after = rest.split(END, 1)
    path.write_text(f"{before}{BEGIN}\n{text}{END}{after}", encoding="utf-8")


def run_report(
    questions: Path,
    score_py: Path,
    work_dir: Path,
    *,
    repeat: int = 3,
    load_seconds: float = 20.0,
    json_path: Path | None = None,
    doc: Path | None = None,
) -> int:
    results = measure(questions, score_py, work_dir, repeat=repeat, load_seconds=load_seconds)
    text = table(results)
    print(text, end="")
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
        print(f"résultats: {json_path}", file=sys.stderr)
    if doc is not None:
        write_table(doc, text)
        print(f"tableau écrit dans {doc}", file=sys.stderr)
    failed = [k for k, v in results.items() if isinstance(v, dict) and "error" in v]
    return 1 if failed else 0
