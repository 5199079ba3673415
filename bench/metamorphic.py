"""The metamorphic harness: a question answered right must stay answered right in another form.

Why (issue #13, points 2 and 4): fixes made on failing eval questions gained much on the sets their
authors could read and little on the sets nobody had seen: the product learnt wordings. This harness
does not need new questions: it takes every single question a stored run answered right (the
`FAIL` lines of its `<set>.score.txt` say which did not), rewrites it with each transform of
`bench.metamorphic_transforms` (no accents, dictated, SMS, polite, rumour, "vrai ou faux", a
paragraph of context, numbers in words, "traduis puis réponds", "en une phrase"), answers the bare
question and the variant in one process, and checks:

- **same**: the variant gets the bare question's route and cites the same sections (document, section);
- **pass**: `shared/eval/score.py` still passes the variant on the question's expectation (the
  rewrites keep the meaning, so the expectation still applies).

Invariance per transform is `same` over the variants tried. By default a deterministic sample of
`--sample` questions per transform (chosen by a hash of the transform's name and the question's id,
so the same sample comes back run after run); `--full` takes every question.

    python -m bench.metamorphic [--baseline DIR] [--sets unseen-2026f,dev] [--transform rumeur]
                                [--sample 12 | --full] [--route-only] [--out detail.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from assistant.settings import REPO_ROOT
from bench.injections import SHARED_EVAL, load_scorer
from bench.metamorphic_transforms import TRANSFORMS, Transform, variant

EVAL_DIR = REPO_ROOT / "eval"
BASELINE = Path("/tmp/ccn-eval-lead7")
OLD_TODAY = date(2025, 11, 25)  # the `--today` of dev, heldout and fresh (eval/run-all.sh)
NEW_TODAY = date(2026, 11, 29)  # the `--today` of the 2026 sets
DEFAULT_SAMPLE = 12


def set_paths() -> dict[str, Path]:
    """Every released single-question set: dev (shared) and eval/*.jsonl without the conversation sets."""
    paths = {"dev": SHARED_EVAL / "dev.jsonl"}
    for path in sorted(EVAL_DIR.glob("*.jsonl")):
        if not path.stem.startswith("conversations"):
            paths[path.stem] = path
    return paths


def today_of(set_name: str) -> date:
    return OLD_TODAY if set_name in ("dev", "heldout", "fresh") else NEW_TODAY


def failed_ids(score_file: Path) -> set[str] | None:
    """The ids a stored run failed (None when the run has no score file for the set)."""
    if not score_file.exists():
        return None
    return set(re.findall(r"^FAIL (\S+)", score_file.read_text(encoding="utf-8"), re.MULTILINE))


def answered_right(names: Iterable[str], baseline: Path) -> list[tuple[str, dict[str, Any]]]:
    """(set, question) for every single question the stored run passed (none with a history)."""
    paths = set_paths()
    out = []
    for name in names:
        failed = failed_ids(baseline / f"{name}.score.txt")
        if failed is None:
            print(f"pas de résultat enregistré pour {name} dans {baseline} : jeu ignoré", file=sys.stderr)
            continue
        for line in paths[name].read_text(encoding="utf-8").splitlines():
            if line.strip():
                q = json.loads(line)
                if q["id"] not in failed and not q.get("history"):
                    out.append((name, q))
    return out


def sample(transform: Transform, pool: list[tuple[str, dict[str, Any]]], size: int) -> list[tuple[str, dict, str]]:
    """(set, question, variant) for `size` questions the transform applies to (all when size <= 0),
    ordered by a hash of the transform's name and the id: deterministic, and a different sample per transform."""
    rows = [(s, q, v) for s, q in pool if (v := variant(transform, q["question"])) is not None]
    rows.sort(key=lambda r: hashlib.sha1(f"{transform.name}:{r[1]['id']}".encode()).hexdigest())
    return rows if size <= 0 else rows[:size]


@dataclass
class Case:
    transform: str
    question: str  # the id
    same: bool
    passes: bool
    problems: list[str] = field(default_factory=list)
    variant: str = ""
    answer: str = ""


def sources(answer: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted({(c["document"], c["section"]) for c in answer.get("citations") or []})


def compare(
    name: str, q: dict[str, Any], text: str, bare: dict[str, Any], got: dict[str, Any], ok: Callable[..., bool]
) -> Case:
    problems = []
    if got["route"] != bare["route"]:
        problems.append(f"route {bare['route']} -> {got['route']}")
    if sources(got) != sources(bare):
        problems.append(f"sources {sources(bare)} -> {sources(got)}")
    same = not problems
    passes = ok(q, got)
    if not passes:
        problems.append("score")
    return Case(name, q["id"], same, passes, problems, text, got.get("answer", "")[:240])


def run(
    pool: list[tuple[str, dict[str, Any]]],
    transforms: tuple[Transform, ...] = TRANSFORMS,
    size: int = DEFAULT_SAMPLE,
    *,
    route_only: bool = False,
    assistant: Any = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[Case]:
    """Every sampled variant answered and compared with its bare question (answered once, cached)."""
    from assistant.routing.router import route

    if assistant is None:
        from assistant.service import get_assistant

        assistant = get_assistant()
    meaning = getattr(assistant, "_read_meaning", None)

    def answer(text: str, today: date) -> dict[str, Any]:
        if route_only:
            d = route(text, today, meaning=meaning)
            return {"route": d.route, "citations": [], "answer": d.topic_query, "topic": d.topic}
        return dict(assistant.ask(text, today=today).to_contract())

    scorer = load_scorer()
    ok = (lambda q, a: True) if route_only else scorer
    bare: dict[str, dict[str, Any]] = {}
    plan = [(t, row) for t in transforms for row in sample(t, pool, size)]
    cases = []
    for i, (t, (set_name, q, text)) in enumerate(plan):
        today = today_of(set_name)
        key = f"{set_name}:{q['id']}"
        if key not in bare:
            bare[key] = answer(q["question"], today)
        got = answer(text, today)
        case = compare(t.name, q, text, bare[key], got, ok)
        if route_only and got.get("topic") != bare[key].get("topic"):
            case.same = False
            case.problems.insert(0, f"topic {bare[key].get('topic')} -> {got.get('topic')}")
        cases.append(case)
        if on_progress:
            on_progress(i + 1, len(plan))
    return cases


def summary(cases: list[Case]) -> dict[str, dict[str, Any]]:
    """Per transform: variants tried, same route and sources, score still passing."""
    out: dict[str, dict[str, Any]] = {}
    for c in cases:
        row = out.setdefault(c.transform, {"n": 0, "same": 0, "pass": 0})
        row["n"] += 1
        row["same"] += c.same
        row["pass"] += c.passes
    total = {"n": sum(r["n"] for r in out.values())}
    total["same"] = sum(r["same"] for r in out.values())
    total["pass"] = sum(r["pass"] for r in out.values())
    out["TOTAL"] = total
    return out


def table(result: dict[str, dict[str, Any]], *, scored: bool = True) -> str:
    """A markdown table; without `scored` (--route-only: route and topic compared, nothing scored) no score column."""
    same = "same route + sources" if scored else "same route + topic"
    lines = [f"| transform | variants | {same} | score passes |", "|---|---|---|---|"]
    for name, r in result.items():
        n = r["n"] or 1
        passes = f"{r['pass']} ({r['pass'] / n:.0%})" if scored else "—"
        lines.append(f"| {name} | {r['n']} | {r['same']} ({r['same'] / n:.0%}) | {passes} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.metamorphic", description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", type=Path, default=BASELINE, help="dossier des <jeu>.score.txt enregistrés")
    parser.add_argument("--sets", default="", help="jeux, séparés par des virgules (défaut : tous)")
    parser.add_argument("--transform", action="append", default=[], help="seulement ces transformations")
    parser.add_argument("--sample", type=int, default=DEFAULT_SAMPLE, help="questions par transformation")
    parser.add_argument("--full", action="store_true", help="toutes les questions (long)")
    parser.add_argument("--route-only", action="store_true", help="comparer le routage seulement (rapide)")
    parser.add_argument("--out", type=Path, help="écrire le détail (JSON) dans ce fichier")
    args = parser.parse_args(argv)
    known = set_paths()
    names = [n.strip() for n in args.sets.split(",") if n.strip()] or list(known)
    unknown = [n for n in names if n not in known] + [
        t for t in args.transform if t not in {x.name for x in TRANSFORMS}
    ]
    if unknown:
        print(f"inconnu : {', '.join(unknown)}", file=sys.stderr)
        return 2
    transforms = tuple(t for t in TRANSFORMS if not args.transform or t.name in args.transform)
    pool = answered_right(names, args.baseline)
    started = time.perf_counter()
    cases = run(
        pool,
        transforms,
        0 if args.full else args.sample,
        route_only=args.route_only,
        on_progress=lambda done, total: print(f"\r{done}/{total} variantes", end="", file=sys.stderr, flush=True),
    )
    print(file=sys.stderr)
    result = summary(cases)
    print(table(result, scored=not args.route_only))
    print(f"({len(pool)} questions justes au départ, {time.perf_counter() - started:.0f} s)")
    if args.out:
        failing = [asdict(c) for c in cases if c.problems]
        args.out.write_text(json.dumps({"summary": result, "failures": failing}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
