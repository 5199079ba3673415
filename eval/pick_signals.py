"""Would a passage signal move the composer's pick onto the passage holding the missing fact? (facts28, issue #13)

usage:
    CCN_DATA_DIR=… python eval/pick_signals.py rows SET.jsonl PATHS.jsonl [SET PATHS ...] > ROWS.jsonl
    python eval/pick_signals.py flips ROWS.jsonl [...]

Why: facts27 found the missing fact of route-right misses as often in another retrieved passage as in a cited
section. Before changing which passage leads, both sides are counted: the misses a signal would move onto the
passage that holds the fact (gain), and the passing answers it would move off their lead onto a passage lacking an
expected fact (cost). PATHS.jsonl is `bench.answer_paths`'s record of the same set; only single-message items
written by `compose_retrieval` (or the silent-detail wrapper around it) are read, with the evidence it received.

Per evidence passage (in the order `compose_retrieval` received it): its e5 closeness to the question (the best
unit's cosine, `UnitMeaning`), the section model's probability for its section (`passage_model.section_probability`),
whether it holds a sentence of the kind of answer asked (`answer_types.asked_types` / `holds`), whether it is cited,
and whether it holds the first missing `must_include` group (misses) or all groups (passing answers).
"Lacking a fact" over-counts the cost: a passing answer's own lead passage may lack a group that a supporting passage
gives (printed as the calibration line). Measurement only; nothing of the product changes.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

# the shared scorer's reading of a `must_include` alternative (`$SHARED/eval/score.py`, as `eval/run-all.sh` finds it)
sys.path.insert(0, str(Path(os.environ.get("SHARED", "/work/shared")) / "eval"))
from score import has, norm

Row = dict[str, Any]


def _secnum(label: str | None) -> str:
    found = re.search(r"(\d+(?:\.\d+)*)", label or "")
    return found.group(1) if found else (label or "")


def _key(p: dict[str, Any]) -> tuple[str, str]:
    return (p["document"], _secnum(p["section"]))


def _holds_group(text: str, group: list[str]) -> bool:
    return any(has(norm(text), alt) for alt in group)


def rows(set_file: Path, paths_file: Path) -> Iterator[Row]:
    """One row per composed, route-right, single-message answer with `must_include`."""
    from assistant.answering.answer_types import asked_types, holds
    from assistant.answering.passage_model import section_probability, section_reading
    from assistant.answering.splitting import passage_units
    from assistant.service import get_assistant

    assistant = get_assistant()
    meaning = assistant.unit_meaning
    chunks = {(c.document, c.text): c for c in assistant.retriever.passages()}
    items = {json.loads(line)["id"]: json.loads(line) for line in set_file.read_text().splitlines()}
    for line in paths_file.read_text().splitlines():
        record = json.loads(line)
        item = items[record["id"]]
        expect = item["expect"]
        composed = [e for e in record["events"] if e["path"] == "compose_retrieval"]
        last = record["events"][-1]["path"] if record["events"] else ""
        if item.get("history") or not expect.get("must_include") or record["route"] == "refusal":
            continue
        if (expect.get("route") and record["route"] != expect["route"]) or not composed or not record["citations"]:
            continue
        if last not in ("compose_retrieval", "silent_detail"):
            continue
        question = item["question"]
        answer = norm(record["answer"])
        missing = [g for g in expect["must_include"] if not any(has(answer, a) for a in g)]
        cited = {_key(c) for c in record["citations"]}
        lead = _key(record["citations"][0])
        kinds = asked_types(question)
        reading = section_reading(question, meaning)
        feats = []
        for rank, passage in enumerate(composed[-1]["evidence"]):
            units = [u.text for u in passage_units(passage["text"])]
            sims = [s for s in meaning.similarities(question, units) if s is not None] if units else []
            chunk = chunks.get((passage["document"], passage["text"]))
            feats.append(
                {
                    "rank": rank,
                    "key": _key(passage),
                    "e5": max(sims, default=0.0),
                    "section_p": section_probability(SimpleNamespace(chunk=chunk), reading) if chunk else 0.0,  # type: ignore[arg-type]
                    "kind": bool(kinds) and any(holds(k, u) for k in kinds for u in units),
                    "cited": _key(passage) in cited,
                    "holds_all": all(_holds_group(passage["text"], g) for g in expect["must_include"]),
                    "holds_missing": bool(missing) and _holds_group(passage["text"], missing[0]),
                }
            )
        fact = next((f["rank"] for f in feats if f["holds_missing"]), None)
        searched = bool(missing) and any(_holds_group(p["text"], missing[0]) for p in record["searched"])
        lead_rank = next((f["rank"] for f in feats if f["key"] == lead), None)
        yield {
            "id": record["id"],
            "miss": bool(missing),
            "lead": lead,
            "lead_rank": lead_rank,
            "fact_rank": fact,
            "fact_in_search": searched,
            "kinds": sorted(kinds),
            "feats": feats,
        }


def _lead(r: Row) -> int:
    return r["lead_rank"] if r["lead_rank"] is not None else 0


Rule = Callable[[Row], int]


def _beats(e5_margin: float, section_margin: float) -> Rule:
    """The passage nearer the question by e5 and more probable by the section model than the lead, by margins."""

    def rule(r: Row) -> int:
        lead = r["feats"][_lead(r)]
        better = [
            f
            for f in r["feats"]
            if f["rank"] != lead["rank"]
            and f["e5"] > lead["e5"] + e5_margin
            and f["section_p"] > lead["section_p"] + section_margin
        ]
        return max(better, key=lambda f: (f["section_p"], f["e5"]))["rank"] if better else lead["rank"]

    return rule


def _kind_sibling(r: Row) -> int:
    """A passage of the lead's article that holds the kind asked when the lead does not."""
    lead = r["feats"][_lead(r)]
    if not r["kinds"] or lead["kind"]:
        return lead["rank"]
    for f in r["feats"]:
        same = f["key"][0] == r["lead"][0] and f["key"][1].split(".")[0] == r["lead"][1].split(".")[0]
        if f["rank"] != lead["rank"] and same and f["kind"]:
            return int(f["rank"])
    return lead["rank"]


RULES: dict[str, Rule] = {
    "e5 best": _beats(0.0, -1.0),
    "e5 best, margin 0.02": _beats(0.02, -1.0),
    "section model best": _beats(-1.0, 0.0),
    "section model best, margin 0.2": _beats(-1.0, 0.2),
    "both, no margin": _beats(0.0, 0.0),
    "both, margins 0.01 / 0.1": _beats(0.01, 0.1),
    "both, margins 0.02 / 0.2": _beats(0.02, 0.2),
    "sibling holding the kind asked": _kind_sibling,
}


def flips(all_rows: list[Row]) -> None:
    misses = [r for r in all_rows if r["miss"]]
    passing = [r for r in all_rows if not r["miss"]]
    other = [r for r in misses if r["fact_rank"] is not None and not r["feats"][r["fact_rank"]]["cited"]]
    print(f"composed answers {len(all_rows)}: misses {len(misses)}, passing the facts {len(passing)}")
    print(f"misses with the fact in an uncited passage compose_retrieval received: {len(other)}")
    print(
        "  only in the question's top-10 search:",
        sum(1 for r in misses if r["fact_rank"] is None and r["fact_in_search"]),
    )
    print("  fact passage's rank among the evidence:", sorted(Counter(r["fact_rank"] for r in other).items()))

    def relation(r: Row) -> str:
        fact = r["feats"][r["fact_rank"]]["key"]
        if fact[0] != r["lead"][0]:
            return "other text"
        return "same article" if fact[1].split(".")[0] == r["lead"][1].split(".")[0] else "other article"

    print("  fact passage against the lead's:", dict(Counter(relation(r) for r in other)))
    for name, feature in (("e5", "e5"), ("section model", "section_p")):
        higher = sum(r["feats"][r["fact_rank"]][feature] > r["feats"][_lead(r)][feature] for r in other)
        print(f"  fact passage above the lead by {name}: {higher} of {len(other)}")
    typed = [r for r in other if r["kinds"]]
    print(
        f"  typed questions {len(typed)}:",
        f"fact passage holds the kind {sum(r['feats'][r['fact_rank']]['kind'] for r in typed)},",
        f"lead holds it {sum(r['feats'][_lead(r)]['kind'] for r in typed)}",
    )
    own = [r for r in passing if r["lead_rank"] is not None]
    lacking = sum(1 for r in own if not r["feats"][r["lead_rank"]]["holds_all"])
    print(f"calibration: passing answers whose own lead passage lacks a group: {lacking} of {len(own)}")
    print("rule | misses moved | onto the fact's passage | passing moved | onto a passage lacking a fact")
    for name, rule in RULES.items():
        moved = [r for r in misses if rule(r) != _lead(r)]
        gain = sum(1 for r in moved if r["feats"][rule(r)]["holds_missing"])
        cost_moved = [r for r in passing if rule(r) != _lead(r)]
        cost = sum(1 for r in cost_moved if not r["feats"][rule(r)]["holds_all"])
        print(f"{name} | {len(moved)} | {gain} | {len(cost_moved)} | {cost}")


def main(argv: list[str]) -> int:
    if argv[:1] == ["rows"] and len(argv) >= 3 and len(argv) % 2 == 1:
        for set_file, paths_file in zip(argv[1::2], argv[2::2], strict=True):
            for row in rows(Path(set_file), Path(paths_file)):
                print(json.dumps(row, ensure_ascii=False))
        return 0
    if argv[:1] == ["flips"] and len(argv) >= 2:
        flips([json.loads(line) for name in argv[1:] for line in Path(name).read_text().splitlines()])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
