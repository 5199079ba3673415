"""Leave-one-generation-out validation of the refusal judge (`assistant.answering.refusal_judge`).

Why: a judge fitted and measured on the same released questions says nothing of the next set, written by someone
else on another day (issue #13's lesson: released items move, held-out ones do not). Each generation of the tuning
pool is answered by a judge trained on all the others; its false refusals (in-scope questions refused) and missed
refusals (out-of-scope questions answered) are compared with the hand checks' on the same items. The thresholds
are chosen on those out-of-generation predictions pooled (two numbers for all generations), never on the validation
generation (2026x).

    python -m assistant.answering.refusal_judge FILE...   # (once) replays the files, caching their signals
    python -m bench.refusal_judge_cv /tmp/refusal_judge_features.jsonl --choose   # the shipped thresholds' rule
    python -m bench.refusal_judge_cv CACHE --shipped --choose   # the shipped judge against the retrained one
    python -m bench.refusal_judge_cv CACHE [--l2 3] [--answer-below 0.2 --refuse-above 0.85] [--add words,clauses]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answering.refusal_judge import (
    ANSWER_BELOW,
    FEATURES,
    L2,
    OVERRIDABLE,
    REFUSE_ABOVE,
    SIGNALS,
    JudgeModel,
    fit,
    generation,
    model_input,
    shipped_judge,
)


def load(cache: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines() if line.strip()]


def out_of_generation(
    rows: list[dict[str, Any]], l2: float, drop: tuple[str, ...] = (), add: tuple[str, ...] = ()
) -> np.ndarray:
    """Each judged row's refusal probability from a judge trained on the other generations (NaN when not judged), on
    the shipped `FEATURES` less `drop` plus `add` (signals the model leaves out, e.g. the question's length)."""
    keep = [SIGNALS.index(name) for name in (*FEATURES, *add) if name not in drop]
    p = np.full(len(rows), np.nan)
    judged = np.array([r["judged"] for r in rows])
    gens = np.array([r["generation"] for r in rows])
    x = np.array([(r["signals"] if r["judged"] else [0.0] * len(SIGNALS)) for r in rows])[:, keep]
    y = np.array([r["refuse"] for r in rows])
    refused = np.array([r["route"] == "refusal" for r in rows])
    for g in sorted(set(gens)):
        for side in (True, False):  # one model for the hand refusals, one for the answers (`fit_both`)
            train = judged & (gens != g) & (refused == side)
            test = judged & (gens == g) & (refused == side)
            w = fit(x[train], y[train], l2)
            z = x[test] @ w[:-1] + w[-1]
            p[test] = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
    return p


def decide(rows: list[dict[str, Any]], p: np.ndarray, answer_below: float, refuse_above: float) -> np.ndarray:
    """The judged decision (True = refused) of each row: the hand checks' unless the judge overrides them."""
    out = np.array([r["route"] == "refusal" for r in rows])
    for i, r in enumerate(rows):
        if not r["judged"] or np.isnan(p[i]):
            continue
        if out[i] and r["refused_by"] in OVERRIDABLE and p[i] < answer_below:
            out[i] = False
        elif not out[i] and r["decision"] == "retrieval" and r["route"] == "retrieval" and p[i] > refuse_above:
            out[i] = True
    return out


def errors(rows: list[dict[str, Any]], refused: np.ndarray, mask: np.ndarray) -> tuple[int, int, int, int]:
    """(false refusals, in-scope items, missed refusals, out-of-scope items) among `mask`."""
    y = np.array([r["refuse"] for r in rows])
    inside, outside = mask & ~y, mask & y
    return int((refused & inside).sum()), int(inside.sum()), int((~refused & outside).sum()), int(outside.sum())


def table(rows: list[dict[str, Any]], p: np.ndarray, answer_below: float, refuse_above: float) -> str:
    hand = np.array([r["route"] == "refusal" for r in rows])
    judged = decide(rows, p, answer_below, refuse_above)
    gens = np.array([r["generation"] for r in rows])
    lines = [
        "| generation | in-scope n | false refusals hand → judge | out-of-scope n | missed refusals hand → judge |"
        " errors hand → judge |",
        "|---|---|---|---|---|---|",
    ]
    better = worse = 0
    for g in [*sorted(set(gens)), "all"]:
        mask = np.ones(len(rows), bool) if g == "all" else gens == g
        fr0, n_in, mr0, n_out = errors(rows, hand, mask)
        fr1, _, mr1, _ = errors(rows, judged, mask)
        if g != "all":
            better += (fr1 + mr1) < (fr0 + mr0)
            worse += (fr1 + mr1) > (fr0 + mr0)
        lines.append(
            f"| {g} | {n_in} | {fr0} ({fr0 / max(n_in, 1):.1%}) → {fr1} ({fr1 / max(n_in, 1):.1%}) | {n_out} | "
            f"{mr0} ({mr0 / max(n_out, 1):.1%}) → {mr1} ({mr1 / max(n_out, 1):.1%}) | {fr0 + mr0} → {fr1 + mr1} |"
        )
    lines.append(f"\ngenerations better: {better}, worse: {worse}")
    return "\n".join(lines)


def shipped_probabilities(rows: list[dict[str, Any]], model: JudgeModel) -> np.ndarray:
    """Each judged row's refusal probability by the shipped judge (NaN when not judged): in sample on the
    generations it was trained on, out of sample on the others."""
    p = np.full(len(rows), np.nan)
    for i, r in enumerate(rows):
        if r["judged"]:
            p[i] = model.probability(model_input(np.array(r["signals"])), r["route"] == "refusal")
    return p


def compare_table(
    rows: list[dict[str, Any]], shipped: JudgeModel, p_new: np.ndarray, answer_below: float, refuse_above: float
) -> str:
    """Per generation, the errors of the hand checks, of the shipped judge (its own thresholds) and of the judge
    retrained on the other generations (`answer_below` / `refuse_above`): whether a retrain moves anything, before
    shipping it. A generation the shipped judge was trained on is marked (its figure is in sample)."""
    hand = np.array([r["route"] == "refusal" for r in rows])
    old = decide(rows, shipped_probabilities(rows, shipped), shipped.answer_below, shipped.refuse_above)
    new = decide(rows, p_new, answer_below, refuse_above)
    gens = np.array([r["generation"] for r in rows])
    seen = {generation(name) for name in shipped.files}
    lines = [
        "| generation | shipped trained on it | in-scope n | false refusals hand / shipped → retrained |"
        " out-of-scope n | missed refusals hand / shipped → retrained | errors hand / shipped → retrained |",
        "|---|---|---|---|---|---|---|",
    ]
    better = worse = 0
    for g in [*sorted(set(gens)), "all"]:
        mask = np.ones(len(rows), bool) if g == "all" else gens == g
        fr0, n_in, mr0, n_out = errors(rows, hand, mask)
        fr1, _, mr1, _ = errors(rows, old, mask)
        fr2, _, mr2, _ = errors(rows, new, mask)
        if g != "all":
            better += (fr2 + mr2) < (fr1 + mr1)
            worse += (fr2 + mr2) > (fr1 + mr1)
        mark = "" if g == "all" else ("yes" if g in seen else "no")
        lines.append(
            f"| {g} | {mark} | {n_in} | {fr0} / {fr1} → {fr2} | {n_out} | {mr0} / {mr1} → {mr2} |"
            f" {fr0 + mr0} / {fr1 + mr1} → {fr2 + mr2} |"
        )
    lines.append(f"\nretrained better than shipped on {better} generations, worse on {worse}")
    return "\n".join(lines)


LOWS = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
HIGHS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01)
# The rule for the shipped pair, fixed before measuring (judge21b): the judge must refuse MORE out-of-scope questions
# than the hand checks, not merely as many: its pooled missed refusals at most the hand checks' less 5 % of them.
MISSED_MARGIN = 0.05


def sweep(rows: list[dict[str, Any]], p: np.ndarray) -> list[tuple[int, int, int, float, float]]:
    """(errors change, false refusals, missed refusals, answer_below, refuse_above) per threshold pair, pooled."""
    everything = np.ones(len(rows), bool)
    found = []
    for low in LOWS:
        for high in HIGHS:
            fr, _, mr, _ = errors(rows, decide(rows, p, low, high), everything)
            found.append((fr + mr, fr, mr, low, high))
    hand = np.array([r["route"] == "refusal" for r in rows])
    fr0, _, mr0, _ = errors(rows, hand, everything)
    return sorted((total - fr0 - mr0, fr, mr, low, high) for total, fr, mr, low, high in found)


def choose(rows: list[dict[str, Any]], p: np.ndarray) -> tuple[float, float]:
    """The pair with the fewest false refusals among those whose pooled missed refusals are at most the hand
    checks' less `MISSED_MARGIN` of them (ties: fewer missed refusals, then the pair nearest to no change)."""
    hand = np.array([r["route"] == "refusal" for r in rows])
    _, _, mr0, _ = errors(rows, hand, np.ones(len(rows), bool))
    allowed = [c for c in sweep(rows, p) if c[2] <= mr0 * (1 - MISSED_MARGIN)]
    if not allowed:
        raise SystemExit(f"no threshold pair misses at most {mr0 * (1 - MISSED_MARGIN):.1f} refusals")
    _, _, _, low, high = min(allowed, key=lambda c: (c[1], c[2], c[3], -c[4]))
    return low, high


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("cache", type=Path)
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--answer-below", type=float, default=ANSWER_BELOW)
    parser.add_argument("--refuse-above", type=float, default=REFUSE_ABOVE)
    parser.add_argument("--sweep", action="store_true", help="pooled errors per threshold pair")
    parser.add_argument("--drop", default="", help="features left out, comma-separated")
    parser.add_argument("--add", default="", help="signals the model leaves out, added back (e.g. words,clauses)")
    parser.add_argument("--choose", action="store_true", help="the thresholds by the fixed rule (`choose`)")
    parser.add_argument("--shipped", action="store_true", help="the shipped judge against the retrained one")
    args = parser.parse_args(argv)
    rows = load(args.cache)
    names = (tuple(n for n in args.drop.split(",") if n), tuple(n for n in args.add.split(",") if n))
    p = out_of_generation(rows, args.l2, *names)
    low, high = args.answer_below, args.refuse_above
    if args.sweep:
        for delta, fr, mr, a, b in sweep(rows, p)[:12]:
            print(f"errors {delta:+d} (false refusals {fr}, missed {mr})  answer_below={a} refuse_above={b}")
    if args.choose:
        low, high = choose(rows, p)
        print(f"chosen: answer_below={low} refuse_above={high}")
    print(table(rows, p, low, high))
    if args.shipped:
        shipped = shipped_judge()
        if shipped is None:
            raise SystemExit("no shipped judge to compare with")
        print(f"\nshipped judge ({shipped.answer_below} / {shipped.refuse_above}) against retrained ({low} / {high}):")
        print(compare_table(rows, shipped, p, low, high))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
