"""Would quoting a second sentence of the kind asked, after a lead that lacks it, complete the answer? (facts29, #13)

usage: CCN_DATA_DIR=… python eval/second_sentence.py SET.jsonl PATHS.jsonl [SET PATHS ...]

Why: facts27 found the missing fact of route-right misses as often in another returned passage (99) as in a cited
section (95), and facts28 found no signal that moves the pick onto it without moving passing answers off theirs. The
alternative counted here keeps the lead and adds one sentence: for a question asking a kind of answer
(`answer_types.asked_types`: a date, a duration, an amount, a body…) whose lead paragraph states none, the stating
sentence of that kind in the passages `compose_retrieval` received (PATHS.jsonl, `bench.answer_paths`) that e5 puts
closest to the question. Gain: a miss whose missing group that sentence holds. Cost: a passing answer it would touch
(printed by id, with whether the sentence brings a `must_not_include`). Variants: the sentence from the lead's section
only, from any returned passage, or from any but the lead's section; with FIGURES=1, for the questions asking no
kind, the figure of the kind asked (`units.asked_figure_kind`). Measurement only; the product is unchanged.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(os.environ.get("SHARED", "/work/shared")) / "eval"))
from score import has, norm

DROPPED = {"decides"}  # a yes/no is not a kind of fact a sentence adds
# FIGURES=1: count instead, for the questions asking no kind, the figure of the kind asked ("combien de mois ?")
FIGURES = os.environ.get("FIGURES") == "1"


def _group(text: str, group: list[str]) -> bool:
    return any(has(norm(text), alt) for alt in group)


def _number(label: str | None) -> str:
    """A section's number ("Article 10 (ancien article 9 …)" → "10"), as the citations and the passages name it."""
    found = re.search(r"(\d+(?:\.\d+)*)", label or "")
    return found.group(1) if found else (label or "")


def census(pairs: list[tuple[Path, Path]]) -> None:
    from assistant.answering.answer_types import AMOUNT, asked_types, asks_money
    from assistant.answering.answer_types import holds as states
    from assistant.answering.splitting import passage_units
    from assistant.answering.units import asked_figure_kind

    def holds(kind: str, text: str) -> bool:
        return bool(figure.search(text)) if kind == "figure" and figure is not None else states(kind, text)

    figure = None
    from assistant.service import get_assistant

    meaning = get_assistant().unit_meaning
    counts: Counter[str] = Counter()
    touched: list[str] = []
    for set_file, paths_file in pairs:
        items = {json.loads(x)["id"]: json.loads(x) for x in set_file.read_text().splitlines() if x.strip()}
        for line in paths_file.read_text().splitlines():
            record: dict[str, Any] = json.loads(line)
            item = items[record["id"]]
            expect = item["expect"]
            events = record["events"]
            composed = [e for e in events if e["path"] == "compose_retrieval"]
            if item.get("history") or not expect.get("must_include") or record["route"] == "refusal":
                continue
            if (expect.get("route") and record["route"] != expect["route"]) or not composed:
                continue
            if events[-1]["path"] not in ("compose_retrieval", "silent_detail"):
                continue
            question = item["question"]
            kinds: set[str] = {k for k in asked_types(question) if k not in DROPPED} | (
                {AMOUNT} if asks_money(question) else set()
            )
            figure = asked_figure_kind(question) if FIGURES else None
            if FIGURES:  # the figure of the kind asked ("combien de mois ?" → "6 mois"), for an untyped question
                if kinds or figure is None:
                    continue
                kinds = {"figure"}
            answer = record["answer"]
            missing = [g for g in expect["must_include"] if not _group(answer, g)]
            status = "miss" if missing else "pass"
            counts[f"{status} composed"] += 1
            if not kinds:
                continue
            counts[f"{status} typed"] += 1
            lead = answer.split("\n\n")[0]
            if any(holds(k, lead) for k in kinds):
                continue
            counts[f"{status} lead lacks the kind"] += 1
            print(f"LACKS {status} {record['id']}", file=sys.stderr)
            first = record["citations"][0] if record["citations"] else None
            lead_key = (first["document"], _number(first["section"])) if first else None
            said = norm(answer)
            for variant in ("lead section", "any passage", "other passages"):
                pool: list[tuple[str, bool]] = []
                for p in composed[-1]["evidence"]:
                    own = lead_key is not None and (p["document"], _number(p["section"])) == lead_key
                    if (variant == "lead section" and not own) or (variant == "other passages" and own):
                        continue
                    for u in passage_units(p["text"]):
                        text = " ".join(u.text.split())
                        if u.is_header or u.in_list or u.opens_list or not text or text[0].islower():
                            continue
                        if any(holds(k, text) for k in kinds) and norm(text) not in said:
                            pool.append((text, own))
                if not pool:
                    continue
                sims = meaning.similarities(question, [t for t, _ in pool])
                best = max(range(len(pool)), key=lambda i: sims[i] or 0.0)
                chosen = pool[best][0]
                counts[f"{status} fires [{variant}]"] += 1
                if missing and all(_group(answer + " " + chosen, g) for g in missing):
                    counts[f"miss fixed [{variant}]"] += 1
                    print(f"FIX [{variant}] {record['id']}: {chosen[:110]}", file=sys.stderr)
                elif missing and _group(chosen, missing[0]):
                    counts[f"miss first group [{variant}]"] += 1
                if not missing:
                    bad = any(has(norm(answer + " " + chosen), b) for b in expect.get("must_not_include", []))
                    counts[f"pass touched{' (must_not)' if bad else ''} [{variant}]"] += 1
                    if variant == "any passage":
                        touched.append(record["id"])
    for key in sorted(counts):
        print(f"{counts[key]:5d}  {key}")
    print("touched passing (any passage):", " ".join(touched))


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]]
    census(list(zip(args[::2], args[1::2], strict=True)))
