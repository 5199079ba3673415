"""Which check refused each question: the router, a calculation's scope, or one branch of `texts_are_silent`.

Why: the property questions asked in everyday words are refused by several steps that read the question in
different ways (issue #13); a fix must start from which step refuses the in-scope questions and how many
out-of-scope refusals the same step makes (prop17, prop19). The answer JSON does not say it, so this replays each
question through the real `Assistant` with three hooks: the router's decision (`service.route`), the calculation
scope check (`Assistant._outside_the_rule`), and the line at which each call of `answerable.texts_are_silent`
returned (read by `sys.settrace`, so no branch of that function needs to be rewritten to be named).

    CCN_DATA_DIR=… python -m bench.refusing_checks QUESTIONS.jsonl [--today 2026-11-29] > trace.jsonl
    python -m bench.refusing_checks --table trace.jsonl

Each output line: the id, the final route, the expected route, the router's reading, `check` (the refusing
step, None when answered), `hand` (the hand checks' refusing step, kept when the refusal judge overrode it), and the
judge's reading (`judge_p`: its probability that the question should be refused, `judge`: its verdict, refuse23).
`--table` counts refusals per check for the questions expected answered and those expected refused
(`expect.route == "refusal"`); a retrieval answer the judge refused is counted as "judge: answer refused".
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import FrameType
from typing import Any

# The comment or call that names each `return True` branch of `texts_are_silent` (its line, or the `if` above it).
_BRANCHES = (
    ("subject_is_elsewhere", "silent: subject_is_elsewhere"),
    ("read_in_texts", "silent: subject_is_elsewhere"),  # refuse24: `elsewhere and not read_in_texts(glossary)`
    ("qualified_elsewhere", "silent: qualified_elsewhere"),
    ("unstated_census", "silent: unstated_census"),
    ("unstated_contact", "silent: unstated_contact"),
    ("unstated_in_every_clause", "silent: unstated_attribute/situation"),
    ("names_foreign_member", "silent: names_foreign_member"),
    ("cue_outside", "silent: cue_outside"),
    ("asks_the_law", "silent: asks_the_law"),
    ("names_foreign_subject", "silent: names_foreign_subject"),
    ("MIN_COVERAGE", "silent: word coverage"),
)


def branch_names() -> dict[int, str]:
    """The line of each `return True` of `texts_are_silent` mapped to the check that decides it (the nearest
    name of `_BRANCHES` on that line or the lines of its `if` above)."""
    from assistant.answering import answerable

    lines, first = inspect.getsourcelines(answerable.texts_are_silent)
    names: dict[int, str] = {}
    for n, line in enumerate(lines):
        if "return True" not in line:
            continue
        start = n
        while start > 0 and not lines[start].strip().startswith("if ") and n - start < 8:
            start -= 1
        context = " ".join(lines[start : n + 1])
        found = [name for key, name in _BRANCHES if key in context]
        names[first + n] = found[0] if found else f"silent: line {first + n}"
    return names


def trace(questions: Path, today: date) -> None:
    """Answer every question of `questions` and print one JSON line each (see the module's docstring)."""
    import assistant.service as service
    from assistant.answering import answerable
    from assistant.conversation.replay import replay
    from interview.skill import InterviewSkill

    state: dict[str, Any] = {}
    routed = service.route

    def route(*args: Any, **kwargs: Any) -> Any:
        decision = routed(*args, **kwargs)
        state.setdefault("decision", decision)  # the message's own decision, not a sub-clause's
        return decision

    outside_the_rule = service.Assistant._outside_the_rule

    def outside(self: Any, turn: Any, decision: Any) -> bool:
        refused = outside_the_rule(self, turn, decision)
        state["outside_rule"] = state.get("outside_rule", False) or refused
        return refused

    from assistant.answering.refusal_judge import Signals, Verdict, features, shipped_judge

    judged = service.judge_verdict

    def judge(s: Signals) -> Verdict:
        verdict = judged(s)
        model = shipped_judge()
        if model is not None:
            state["judge_p"] = round(model.probability(features(s), s.refused), 3)
        state["judge"] = verdict
        return verdict

    service.route = route
    service.Assistant._outside_the_rule = outside  # type: ignore[method-assign]
    service.judge_verdict = judge
    code = answerable.texts_are_silent.__code__
    names = branch_names()

    def local(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        if event == "return":
            # the one `return` of a condition, not `True`, is the last: the word coverage
            state.setdefault("silent", []).append(names.get(frame.f_lineno, "silent: word coverage") if arg else None)
        return local

    def tracer(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        return local if frame.f_code is code else None

    assistant = service.get_assistant()
    assistant.add_skill(InterviewSkill(assistant.settings.point_values_file))
    asked = assistant.ask

    def last_message(question: str, *args: Any, **kwargs: Any) -> Any:
        # a conversation's earlier messages are asked first: the trace is the last message's, the one scored
        state.clear()
        return asked(question, *args, **kwargs)

    assistant.ask = last_message  # type: ignore[method-assign]
    for line in questions.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        state.clear()
        sys.settrace(tracer)
        try:
            answer = replay(assistant, item["question"], item.get("history", []), today=today, id=item.get("id"))
        finally:
            sys.settrace(None)
        decision = state.get("decision")
        print(json.dumps(_row(item, answer.route, decision, state), ensure_ascii=False), flush=True)


def _row(item: dict[str, Any], route: str, decision: Any, state: dict[str, Any]) -> dict[str, Any]:
    """One question's line: its reading by the router and the step that refused it."""
    silent = [name for name in state.get("silent", []) if name]
    hand = None
    if decision is not None and decision.route == "refusal":
        hand = "router: refusal topic" if decision.refusal_topic else "router: bank reads out of scope / law"
    elif state.get("outside_rule"):
        hand = "calculation.outside_the_rule"
    elif silent:
        hand = silent[-1]
    check = None
    if route == "refusal" and state.get("judge") == "refuse":
        check = "judge: answer refused"
    elif route == "refusal":
        check = hand or "other (after the scope checks)"
    return {
        "id": item.get("id"),
        "route": route,
        "expect": (item.get("expect") or {}).get("route"),
        "topic": getattr(decision, "topic", None),
        "outside": round(float(getattr(decision, "outside", 0.0)), 2),
        "names_texts": getattr(decision, "names_texts", None),
        "check": check,
        "hand": hand,
        "judge_p": state.get("judge_p"),
        "judge": state.get("judge"),
    }


def table(traced: Path) -> str:
    """The markdown table of refusals per check: expected answered, expected refused."""
    counts: dict[str, Counter[str]] = {}
    for line in traced.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["check"] is None:
            continue
        side = "out" if row["expect"] == "refusal" else "in"
        counts.setdefault(row["check"], Counter())[side] += 1
    lines = ["| refusing check | expected answered, refused | expected refused, refused |", "|---|---|---|"]
    for check, count in sorted(counts.items(), key=lambda kv: -(kv[1]["in"] + kv[1]["out"])):
        lines.append(f"| {check} | {count['in']} | {count['out']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("file", type=Path, help="questions (JSONL), or with --table the trace written before")
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 29))
    parser.add_argument("--table", action="store_true", help="count the refusals of a trace per check")
    args = parser.parse_args(argv)
    if args.table:
        print(table(args.file))
    else:
        trace(args.file, args.today)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
