"""The final judge of "answer or refuse": one trained reading of the signals every scope check already computes.

Why (issues #13, #21): the decision is made by ~15 hand-written checks (the router's refusal, the calculation's
scope, each branch of `answerable.texts_are_silent`) and by the trained `routing.scope_model`, each reading the
question its own way; every session added a check keyed to the items it read and the held-out sets barely moved
(10-17 % of in-scope questions refused, ~20 % of out-of-scope ones answered). The released sets hold ~4,000
labelled questions in ~16 generations written by different people: enough to learn which *combination* of the
signals means "the texts do not cover this", and to validate it across generations (train on the others, test on
one), the honest estimate of transfer (docs/evaluation/judge21.md).

The signals (`Signals`, `features`): the hand checks' verdict and which step refused, the router's reading
(route, the bank's out-of-scope share and topic share, whether the question names a text, a cue's refusal topic),
the example bank's nearest in-scope and out-of-scope cosines, the scope model's in-scope probability, the best
dense cosine, keyword score and fused score of one search of the question with their gaps to the second. The
question's length and clause count are computed but not read (`LEFT_OUT`: an artefact of how the sets were written,
judge21b). The model is an L2 logistic regression on the standardised features (`fit`, numpy only, the
same deterministic solver as `routing.scope_model`). It overrides a hand check's refusal when it reads the question
as confidently in scope (`ANSWER_BELOW`), and refuses a retrieval answer when it reads it as confidently out of
scope (`REFUSE_ABOVE`); a calculation is never refused by it and a calculator's or a question about the texts'
answer is never judged. The refusal keeps its form (`wording.refusal`): only the decision changes.

Training data: the released sets' questions, replayed through the real assistant (the features are the product's
own, computed by `Assistant._judged`). The validation generation (`*-2026x`) and the held-out ones (`*-2026y`,
`*-2026z`; `training_sets.EXCLUDED_SETS`) are NOT in the training data; neither is the shared dev set (it stays a
check). `python -m assistant.answering.refusal_judge FILE...` retrains on the listed files (a future session adds a
released generation by listing it) and writes `data/refusal_judge.npz` with the files and the digest of their
`LABELS` (`training_sets.training_digest`): a test fails when a listed file changes without retraining.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answering.training_sets import EXCLUDED_SETS, excluded, training_digest

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).with_name("data") / "refusal_judge.npz"
REPO_ROOT = Path(__file__).resolve().parents[2]
# The items' fields the judge learns from: the question, whether it is a single question (`history` absent) and its
# label (`expect.route` is "refusal"); the digest of the training files over them is stored with the weights.
LABELS = ("id", "question", "history", "expect.route")
L2 = 1.0  # ridge weight, chosen by leave-one-generation-out validation (docs/evaluation/judge21.md)
STEPS = 800
# Thresholds on the model's refusal probability, chosen by leave-one-generation-out validation on the tuning pool
# (never on the validation generation): a hand refusal is overridden under ANSWER_BELOW, a retrieval answer refused
# above REFUSE_ABOVE.
# The rule (`bench.refusal_judge_cv.choose`, fixed before measuring): the fewest false refusals among the pairs whose
# pooled missed refusals are at most the hand checks' less 5 % (125 -> at most 118; this pair: 118, and false
# refusals 303 -> 226), so that the judge refuses more out-of-scope questions than the hand checks. (A retrain with
# 2026q, whose rule gave 0.2 / 0.4, lost validation items and was not kept: docs/evaluation/retrain22.md.)
# refuse23: the override threshold raised from 0.25 to 0.3 by a leave-one-generation-out rule on the two generations the
# shipped judge never saw (2026q, 2026r): on each, the largest value of `bench.refusal_judge_cv.LOWS` at which the judge
# overrides no out-of-scope hand refusal of that generation (2026q: 0.3, 2026r: 0.35), the smaller of the two kept
# (docs/evaluation/refuse23.md: 2026q/r in-scope refusals overridden +5, out-of-scope refusals lost 0; 0.35 loses two).
ANSWER_BELOW = 0.3
REFUSE_ABOVE = 0.35
# The steps whose refusal the judge may override (a text to come, `foreign_future_text`, is grammar: kept).
OVERRIDABLE = frozenset({"router", "outside_rule", "silent"})

# The model's input, explicit (judge21b): every signal below except the question's length and clause count. Those
# two were the strongest features of the first judge, but they read how our sets were written (in-scope questions
# long, with a persona and a situation; out-of-scope ones short), not whether the texts cover the question: a real
# user's short in-scope question or long out-of-scope one would be misjudged. They are still computed and cached
# (`SIGNALS`, so a future session can measure them) but never read by the model.
FEATURES = (
    "refused",
    "by_router_topic",
    "by_router_bank",
    "by_outside_rule",
    "by_silent",
    "by_future",
    "route_retrieval",
    "route_calculation",
    "bank_outside",
    "topic_share",
    "has_topic",
    "names_texts",
    "texts_words",
    "cue_outside",
    "refusal_topic",
    "injection",
    "nearest",
    "nearest_outside",
    "nearest_gap",
    "bank_share",
    "scope_logit",
    "dense_top",
    "dense_gap",
    "bm25_top",
    "bm25_gap",
    "fused_top",
)
LEFT_OUT = ("words", "clauses")  # the writing artefacts above
SIGNALS = (*FEATURES, *LEFT_OUT)  # what `signal_row` computes and the replay caches, in this order
_COLUMNS = np.array([SIGNALS.index(name) for name in FEATURES])

Verdict = str  # "keep" (the hand checks' decision stands), "answer" (a refusal overridden), "refuse"


@dataclass(frozen=True)
class Signals:
    """What the pipeline computed of one question, at the point where the decision is made."""

    question: str
    refused: bool
    refused_by: str  # "" when answered; "router", "outside_rule", "silent", "future"
    route: str  # the router's route
    outside: float = 0.0
    topic_share: float = 0.0
    topic: bool = False
    names_texts: bool = False
    texts_words: bool = False
    cue_outside: bool = False
    refusal_topic: bool = False
    injection: bool = False
    nearest: float = 0.0  # the bank's nearest example's cosine
    nearest_outside: float = 0.0  # the bank's nearest out-of-scope example's cosine
    share: float = 0.0  # the bank's vote share of its best intent
    inside: float | None = None  # the scope model's in-scope probability
    dense: Sequence[float] = field(default_factory=tuple)  # the best two dense cosines
    bm25: Sequence[float] = field(default_factory=tuple)  # the best two keyword scores
    fused: Sequence[float] = field(default_factory=tuple)  # the best hybrid fused score


def _first(values: Sequence[float], n: int = 0) -> float:
    return float(values[n]) if len(values) > n else 0.0


def signal_row(s: Signals) -> np.ndarray:
    """Every signal of one question, in the order of `SIGNALS` (what the replay caches)."""
    inside = 0.5 if s.inside is None else min(max(s.inside, 1e-4), 1 - 1e-4)
    bm25_top = _first(s.bm25)
    clauses = len(re.findall(r"[?;:]|\bet\b|\bmais\b|\bou\b", s.question.lower()))
    row = [
        s.refused,
        s.refused_by == "router" and s.refusal_topic,
        s.refused_by == "router" and not s.refusal_topic,
        s.refused_by == "outside_rule",
        s.refused_by == "silent",
        s.refused_by == "future",
        s.route == "retrieval",
        s.route in ("calculator", "clarify"),
        s.outside,
        s.topic_share,
        s.topic,
        s.names_texts,
        s.texts_words,
        s.cue_outside,
        s.refusal_topic,
        s.injection,
        s.nearest,
        s.nearest_outside,
        s.nearest - s.nearest_outside,
        s.share,
        math.log(inside / (1 - inside)),
        _first(s.dense),
        _first(s.dense) - _first(s.dense, 1),
        math.log1p(max(bm25_top, 0.0)),
        math.log1p(max(bm25_top, 0.0)) - math.log1p(max(_first(s.bm25, 1), 0.0)),
        _first(s.fused) * 100,
        math.log1p(len(s.question.split())),
        clauses,
    ]
    return np.array([float(v) for v in row], dtype=np.float64)


def model_input(rows: np.ndarray) -> np.ndarray:
    """The `FEATURES` columns of signal rows in `SIGNALS` order (one row or a matrix)."""
    return rows[..., _COLUMNS]


def features(s: Signals) -> np.ndarray:
    """The model's input for one question, in the order of `FEATURES`."""
    return model_input(signal_row(s))


@dataclass(frozen=True)
class JudgeModel:
    """The logistic regression folded with its standardisation (one dot product), its thresholds and provenance."""

    weights: np.ndarray  # (2, features + 1): row 0 reads the hand refusals, row 1 the answers; last column the bias
    answer_below: float = ANSWER_BELOW
    refuse_above: float = REFUSE_ABOVE
    digest: str = ""
    files: tuple[str, ...] = ()

    def probability(self, x: np.ndarray, refused: bool) -> float:
        """The probability that the question should be refused, read by the model of the hand checks' verdict (a
        refusal and an answer are two populations: the signal that tells a wrong one differs)."""
        w = self.weights[0 if refused else 1]
        z = float(np.dot(w[:-1], x) + w[-1])
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def verdict(self, s: Signals) -> Verdict:
        """ "answer" for a hand refusal the model reads as confidently in scope, "refuse" for a retrieval answer it
        reads as confidently out of scope, "keep" otherwise."""
        p = self.probability(features(s), s.refused)
        if s.refused and s.refused_by in OVERRIDABLE and p < self.answer_below:
            return "answer"
        if not s.refused and s.route == "retrieval" and p > self.refuse_above:
            return "refuse"
        return "keep"


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = STEPS) -> np.ndarray:
    """The folded weights of a logistic regression on standardised `x` (deterministic)."""
    from assistant.routing.scope_model import fit_softmax

    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    w = fit_softmax((x - mean) / scale, y.astype(int), 2, l2, steps)
    diff = w[:, 1] - w[:, 0]  # two-class softmax = logistic on the difference of the logits
    weights = diff[:-1] / scale
    bias = diff[-1] - float(mean @ weights)
    return np.append(weights, bias)


def fit_both(rows: Sequence[dict[str, Any]], l2: float = L2) -> np.ndarray:
    """The two models: one on the replayed rows the hand checks refused, one on those they answered."""
    weights = []
    for refused in (True, False):
        part = [r for r in rows if (r["route"] == "refusal") == refused]
        x = model_input(np.array([r["signals"] for r in part]))
        y = np.array([r["refuse"] for r in part])
        weights.append(fit(x, y, l2))
    return np.vstack(weights)


@functools.cache
def shipped_judge(path: Path = MODEL_PATH) -> JudgeModel | None:
    """The shipped judge, or None when absent or unreadable (the hand checks then decide alone)."""
    try:
        with np.load(path) as data:
            return JudgeModel(
                np.asarray(data["weights"], dtype=np.float64),
                float(data["answer_below"]),
                float(data["refuse_above"]),
                str(data["digest"]),
                tuple(str(f) for f in data["files"]),
            )
    except (OSError, KeyError, ValueError):
        log.warning("refusal judge unavailable: %s", path)
        return None


def judge_verdict(s: Signals) -> Verdict:
    """The shipped judge's verdict on one question ("keep" without a judge)."""
    model = shipped_judge()
    return "keep" if model is None else model.verdict(s)


# -- training data: the released sets' questions, replayed ------------------------------------------------------

_GENERATION = re.compile(r"-2026([a-z]?)(?:\.jsonl)$")


def generation(path: str) -> str:
    """The generation a set belongs to: "2026" + its letter ("a" for the first), "base" for the older sets."""
    found = _GENERATION.search(path)
    return "2026" + (found.group(1) or "a") if found else "base"


def labelled_rows(files: Sequence[str]) -> list[dict[str, Any]]:
    """The single questions (no `history`) of `files`, with their label (expected refusal) and generation."""
    rows = []
    for name in files:
        for line in (REPO_ROOT / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            if item.get("history"):
                continue
            refuse = (item.get("expect") or {}).get("route") == "refusal"
            rows.append({"file": name, "id": item["id"], "question": item["question"], "refuse": refuse})
    return rows


def today_of(path: str) -> str:
    """The `today` run-all.sh gives the set (relative dates in the questions)."""
    return "2026-11-29" if "2026" in path else "2025-11-25"


def replay(files: Sequence[str], cache: Path) -> list[dict[str, Any]]:
    """Each question of `files` answered by the real assistant with the judge silenced, its signals recorded (one
    JSON line per question in `cache`, reused for the questions already there)."""
    from datetime import date

    import assistant.service as service

    known: dict[tuple[str, str], dict[str, Any]] = {}
    if cache.exists():
        for line in cache.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            known[(row["file"], row["id"])] = row
    seen: list[Signals] = []

    def recording(s: Signals) -> Verdict:
        seen.append(s)
        return "keep"

    service.judge_verdict = recording
    assistant = service.get_assistant()
    out: list[dict[str, Any]] = []
    with cache.open("a", encoding="utf-8") as sink:
        for row in labelled_rows(files):
            if (row["file"], row["id"]) in known:
                out.append(known[(row["file"], row["id"])])
                continue
            seen.clear()
            answer = assistant.ask(row["question"], today=date.fromisoformat(today_of(row["file"])), id=row["id"])
            s = seen[0] if seen else None
            record = {
                **row,
                "generation": generation(row["file"]),
                "route": answer.route,
                "judged": s is not None,
                "signals": signal_row(s).tolist() if s is not None else None,
                "refused_by": s.refused_by if s is not None else "",
                "decision": s.route if s is not None else "",
            }
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            sink.flush()
            out.append(record)
    return out


def save(model: JudgeModel, path: Path = MODEL_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path,
        weights=model.weights,
        answer_below=np.array(model.answer_below),
        refuse_above=np.array(model.refuse_above),
        digest=np.array(model.digest),
        files=np.array(list(model.files)),
        names=np.array(list(FEATURES)),
        left_out=np.array(list(LEFT_OUT)),
    )
    return path


def main(argv: Sequence[str] | None = None) -> Path:
    """Replay the listed files' questions, fit the judge on those the judge reads, write `data/refusal_judge.npz`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("files", nargs="+", help="released sets, relative to the repository (never an excluded set)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/refusal_judge_features.jsonl"))
    args = parser.parse_args(argv)
    files = sorted(args.files)
    if any(excluded(name) for name in files):
        raise SystemExit(f"{EXCLUDED_SETS} (validation, held out) are never training data")
    rows = [r for r in replay(files, args.cache) if r["judged"]]
    model = JudgeModel(fit_both(rows), ANSWER_BELOW, REFUSE_ABOVE, training_digest(files, LABELS), tuple(files))
    return save(model)


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    print(main())
