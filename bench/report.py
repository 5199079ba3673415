"""Benchmark results: check them against the targets of issue #7, print them, write them as JSON.

The JSON (`artifacts/bench.json` by default) holds everything measured, including the machine
and its load average at start and end, so a figure can always be traced to its conditions.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

TARGETS = {
    "ingest_s": ("corpus ingest (parse + chunk + index)", 30.0, "s"),
    "retrieval_p95_50k_ms": ("retrieval p95 (hybrid) at ≥50k passages", 50.0, "ms"),
    "answer_warm_p50_s": ("warm answer p50 (default configuration)", 1.5, "s"),
    "cold_start_s": ("cold start to first answer", 20.0, "s"),
    "rss_mb": ("assistant process RSS", 2048.0, "MB"),
}
SCALE_TARGET_PASSAGES = 50_000


def _get(data: dict[str, Any], *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def target_values(results: dict[str, Any]) -> dict[str, float | None]:
    """The measured value behind each target (None where that part was not run)."""
    ingestion = results.get("ingestion") or {}
    ingest = _get(ingestion, "cli", "wall_s", "p50")
    if ingest is None or (isinstance(ingest, float) and math.isnan(ingest)):
        ingest = ingestion.get("total_s")
    p95_50k = None
    for point in _get(results, "scale", "points") or []:
        if point["passages"] >= SCALE_TARGET_PASSAGES * 0.9:
            p95_50k = point["modes"]["hybrid"]["latency_ms"]["p95"]
            break
    return {
        "ingest_s": ingest,
        "retrieval_p95_50k_ms": p95_50k,
        "answer_warm_p50_s": _ms_to_s(_get(results, "answers", "warm", "all", "p50")),
        "cold_start_s": _get(results, "answers", "cold_start", "first_answer_s", "p50"),
        "rss_mb": _get(results, "answers", "rss", "peak_mb"),
    }


def _ms_to_s(value: float | None) -> float | None:
    return None if value is None else value / 1000


def check_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for key, value in target_values(results).items():
        label, limit, unit = TARGETS[key]
        met = None if value is None or math.isnan(value) else value <= limit
        rows.append({"target": key, "label": label, "limit": limit, "unit": unit, "value": value, "met": met})
    return rows


def write_json(results: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")


# -- text report -------------------------------------------------------------------------------


def _f(value: Any, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return "–" if math.isnan(value) else f"{value:.{digits}f}"
    return str(value)


def _lat(stats: dict[str, Any] | None) -> str:
    if not stats or not stats.get("n"):
        return "– / –"
    return f"{_f(stats['p50'])} / {_f(stats['p95'])}"


def format_ingestion(data: dict[str, Any]) -> list[str]:
    lines = [
        "## Ingestion",
        f"corpus: {data['files']} PDF, {data['pages']} pages, {data['sections']} sections, "
        f"{data['passages']} passages ({data['units']} index units)",
        f"parse (pdfplumber, isolated workers): median {_f(data['parse_s']['p50'], 2)} s "
        f"[{_f(data['parse_s']['min'], 2)}–{_f(data['parse_s']['max'], 2)}] over {data['parse_s']['n']} runs, "
        f"{_f(data['pages_per_s'])} pages/s; chunking {_f(data['chunk_s']['p50'] * 1000)} ms",
        f"peak RSS: parse worker {_f(data['worker_peak_rss_mb'], 0)} MB, pipeline process "
        f"{_f(data['pipeline_peak_rss_mb'], 0)} MB",
    ]
    index = data.get("index")
    if index:
        lines.append(
            f"index ({index['embedder']}"
            + (f", passages by the {index['passage_engine']} engine" if index.get("passage_engine") else "")
            + f"): model load {_f(index['model_load_s'], 2)} s, sync median "
            f"{_f(index['index_s']['p50'], 2)} s (embedding {_f(index['embed_s']['p50'], 2)} s, "
            f"{_f(index['passages_per_s'])} passages/s), process peak RSS {_f(index['process_peak_rss_mb'], 0)} MB"
        )
    lines.append(f"in-process total (parse + chunk + load + index): {_f(data['total_s'], 1)} s")
    cli = data.get("cli")
    if cli:
        lines.append(
            f"`{cli['command']}` end to end: median {_f(cli['wall_s']['p50'], 1)} s over {cli['wall_s']['n']} runs, "
            f"peak RSS {_f(cli['peak_rss_mb'], 0)} MB" + (f", failures: {cli['failures']}" if cli["failures"] else "")
        )
    if data.get("errors"):
        lines.append(f"errors: {data['errors']}")
    return lines


def format_retrieval(data: dict[str, Any]) -> list[str]:
    k = data["k"]
    lines = [
        "## Retrieval (shipped corpus)",
        f"{data['passages']} passages, {data['embedder']}, {data['questions']} dev questions with sources, "
        f"latency over {data['repeat']} passes after warm-up",
        f"| mode | recall@{k} | p50 / p95 (ms) |",
        "|---|---|---|",
    ]
    for mode, row in data["modes"].items():
        lines.append(f"| {mode} | {_f(row[f'recall_at_{k}'], 3)} | {_lat(row['latency_ms'])} |")
    return lines


def _open(point: dict[str, Any]) -> str:
    """Retriever opening from the saved passage files, then from the store alone: wall (cpu)."""
    files = f"{_f(point['retriever_open_s'], 2)} ({_f(point.get('retriever_open_cpu_s'), 2)})"
    store = f"{_f(point.get('retriever_open_from_store_s'), 2)} ({_f(point.get('retriever_open_from_store_cpu_s'), 2)})"
    return f"{files} / {store}"


def format_load(data: dict[str, Any]) -> list[str]:
    lines = [
        "## Load (concurrent conversations)",
        f"{data['questions']} dev questions per conversation, asked back to back; "
        f"sustained rate = best level with p95 ≤ {_f(data['p95_limit_ms'] / 1000)} s",
        "| mode | conversations | answers | questions/s | p50 / p95 (ms) | RSS / PSS per process (MB) |",
        "|---|---|---|---|---|---|",
    ]
    for p in data["points"]:
        if "error" in p:
            lines.append(f"| {p['mode']} | {p['conversations']} | failed: {p['error']} | | | |")
            continue
        lines.append(
            f"| {p['mode']} | {p['conversations']} | {p['answers']} | {_f(p['questions_per_s'], 2)} | "
            f"{_lat(p['latency_ms'])} | {_f(p['rss_mb_per_process']['p50'], 0)} / "
            f"{_f(p['pss_mb_per_process']['p50'], 0)} |"
        )
    for mode, best in data["sustained"].items():
        rate = f"{_f(best['questions_per_s'], 2)} questions/s ({best['conversations']} conversations)" if best else "–"
        lines.append(f"sustained, {mode}: {rate}")
    return lines


def format_answers(data: dict[str, Any]) -> list[str]:
    cold = data["cold_start"]
    lines = [
        "## Answers (default configuration)",
        f"configuration: {data.get('configuration', {})}",
        f"cold start to first answer: median {_f(cold['first_answer_s']['p50'], 2)} s over "
        f"{cold['first_answer_s']['n']} fresh processes (import {_f(cold['import_s']['p50'], 2)} s, "
        f"assistant {_f(cold['assistant_s']['p50'], 2)} s, ensure_index {_f(cold['ensure_index_s']['p50'], 2)} s, "
        f"first ask {_f(cold['first_ask_s']['p50'], 2)} s)",
    ]
    if data.get("cold_start_empty_index"):
        empty = data["cold_start_empty_index"]
        lines.append(f"cold start with an empty data directory (indexing included): {_f(empty['first_answer_s'], 1)} s")
    lines += ["| route | answers | p50 / p95 (ms) |", "|---|---|---|"]
    for route, stats in data["warm"].items():
        lines.append(f"| {route} | {stats['n']} | {_lat(stats)} |")
    rss = data["rss"]
    lines.append(f"process RSS: {_f(rss['after_warm_mb'], 0)} MB after the warm runs, peak {_f(rss['peak_mb'], 0)} MB")
    return lines


def format_scale(data: dict[str, Any]) -> list[str]:
    real = data.get("real_model") or {}
    lines = [
        "## Scale (synthetic corpus)",
        f"store built with {data['store_embedder']}; questions embedded by {data['query_embedder']} "
        f"during searches; real model throughput: {_f(real.get('passages_per_s'))} passages/s "
        f"on {real.get('sample', '–')} passages",
        "| × | passages | build (s) | build with real model, est. (s) | store (MB) | "
        "open: files / store, wall (cpu) s | "
        "retriever / process RSS (MB) | re-index 1 doc (s) | hybrid p50/p95 | BM25 p50/p95 | dense p50/p95 | "
        "question embedding p50/p95 | hybrid without it p50/p95 (ms) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for p in data["points"]:
        if "error" in p:
            lines.append(f"| {p['factor']} | {p['passages']} | failed: {p['error']} |" + " |" * 10)
            continue
        modes = p["modes"]
        lines.append(
            f"| {p['factor']} | {p['passages']} | {_f(p['build_s'])} | {_f(p.get('build_s_real_model_est'), 0)} | "
            f"{_f(p['store_bytes'] / 1e6)} | {_open(p)} | "
            f"{_f(p['retriever_rss_mb'], 0)} / {_f(p.get('process_rss_mb'), 0)} | "
            f"{_f(p['reindex_one_document_s'], 2)} | {_lat(modes['hybrid']['latency_ms'])} | "
            f"{_lat(modes['bm25']['latency_ms'])} | {_lat(modes['dense']['latency_ms'])} | "
            f"{_lat(p.get('question_embedding_ms'))} | {_lat(p.get('hybrid_index_only_ms'))} |"
        )
        for step, error in (p.get("product_errors") or {}).items():
            lines.append(f"|  | ↑ the product fails here ({step}: {error}); figures with paginated reads |" + " |" * 11)
    first = data.get("first_uncomfortable")
    lines.append(
        f"largest comfortable size: {data['largest_comfortable_passages']} passages"
        + (f"; first uncomfortable at {first['passages']}: {'; '.join(first['reasons'])}" if first else "")
    )
    return lines


BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def write_doc(results: dict[str, Any], path: Path, command: str) -> None:
    """Put the report between the markers of a markdown file, keeping the hand-written text."""
    body = format_report(results).replace("\n## ", "\n### ").replace("# ccn-assistant bench", "### Run", 1)
    block = f"{BEGIN}\nCommand: `{command}`\n\n{body.rstrip()}\n{END}"
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Performance\n\n{BEGIN}\n{END}\n"
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + block + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def format_report(results: dict[str, Any]) -> str:
    meta = results.get("meta", {})
    machine = meta.get("machine", {})
    lines = [
        f"# ccn-assistant bench ({'quick' if meta.get('quick') else 'full'}, repeat {meta.get('repeat')})",
        f"{machine.get('cpus_usable')} usable CPUs, {machine.get('memory_gib')} GiB, Python {machine.get('python')}; "
        f"thread settings {machine.get('env') or 'default'}; "
        f"load average at start {machine.get('load_avg')}, at end {meta.get('load_avg_end')}; "
        f"duration {_f(meta.get('duration_s'), 0)} s",
    ]
    if meta.get("quick"):
        lines.append(
            f"**quick run** (embedder {meta.get('embedding_backend')}): checks the harness; "
            "these are not the product's figures"
        )
    for section, formatter in (
        ("ingestion", format_ingestion),
        ("retrieval", format_retrieval),
        ("answers", format_answers),
        ("load", format_load),
        ("scale", format_scale),
    ):
        data = results.get(section)
        if data is None:
            continue
        lines.append("")
        load = data.get("load_avg_1min")
        if "error" in data:
            lines += [f"## {section}", f"failed: {data['error']}"]
            continue
        lines += formatter(data)
        if load:
            lines.append(
                f"({_f(data.get('duration_s'), 0)} s; 1-min load average {_f(load['start'])} → {_f(load['end'])})"
            )
    if results.get("targets"):
        lines += ["", "## Targets (issue #7)", "| target | limit | measured | met |", "|---|---|---|---|"]
        for row in results["targets"]:
            met = {True: "yes", False: "NO", None: "not measured"}[row["met"]]
            lines.append(f"| {row['label']} | ≤ {_f(row['limit'], 1)} {row['unit']} | {_f(row['value'], 2)} | {met} |")
    return "\n".join(lines) + "\n"
