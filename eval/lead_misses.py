"""List the answers that cite the right section but miss a `must_include` fact, and say where that fact was.

usage: python eval/lead_misses.py SET.jsonl ANSWERS.jsonl [...pairs]

The lead-sentence class (issue #13, class 3): the scorer's citation check passes, its facts check fails. For each
such item the missing group is looked for in the retrieved passages (the citations' quotes): found there means the
composer had the sentence and did not lead with or quote it; absent means the answer needed another passage.
The question's asked type is read with a coarse pattern (measurement only, not product logic).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

# the shared scorer beside the repository (`../shared/eval`), as `eval/run-all.sh` finds it
sys.path.insert(0, str(Path(__file__).resolve().parents[1].parent / "shared" / "eval"))
from score import cites, has, norm  # type: ignore[import-not-found]

# `ccn-assistant sections DOC --json > $LEAD_MISSES_SECTIONS/sec-DOC.json` for each document
SECTIONS = os.environ.get("LEAD_MISSES_SECTIONS", "/tmp/lead23")

ASKED = (
    ("combien", r"\bcombien\b|\bquel(?:le)?s? (?:montant|nombre|taux|niveau)|\bjusqu'?[aà] quel"),
    ("durée/délai", r"\bdur[ée]e|\bd[ée]lai|\bcombien de temps|\bpendant combien|\bau bout de"),
    ("quand", r"\bquand\b|\b[àa] quel moment|\bà partir de quand|\bquelle date|\bavant quelle"),
    ("qui", r"\bqui\b|\bquel(?:le)? (?:organisme|instance|commission|acteur|personne)"),
    ("oui/non", r"^(?:est-ce|puis-je|peut-on|ai-je|dois-je|faut-il|y a-t-il)|-(?:t-)?(?:il|elle|on|je)\b.*\?\s*$"),
    ("liste", r"\bquels? sont|\bquelles sont|\blesquel|\bla liste|\bquels? (?:objectifs|publics|thèmes|critères)"),
    ("condition", r"\bà quelles? conditions?|\bsous quelles?|\bsi\b.*\bpeut|\bconditions?\b"),
)


def asked(question: str) -> str:
    last = re.split(r"(?<=[.:;])\s", question.strip())[-1].lower()
    for name, pattern in ASKED:
        if re.search(pattern, last):
            return name
    return "autre"


def load_sections() -> dict[str, list[dict]]:
    out = {}
    for path in Path(SECTIONS).glob("sec-*.json"):
        data = json.loads(path.read_text())
        out[data["document"]] = data["sections"]
    return out


def line_kind(line: str) -> str:
    stripped = line.strip()
    if re.match(r"^[–\-•·▪]|^\w\)|^\d+[.)]\s", stripped):
        return "list item"
    if "|" in stripped or re.search(r"\s{3,}", stripped):
        return "table row"
    return "sentence"


def where(group: list[str], answer: dict, sections: dict[str, list[dict]]) -> str:
    """Where the missing fact stands: in a cited section (which kind of line), elsewhere in a cited document, or not."""
    cited = [(c.get("document"), str(c.get("section", ""))) for c in answer.get("citations") or []]
    for scope in ("cited section", "cited document"):
        for doc, label in cited:
            for section in sections.get(doc or "", []):
                own = label in (section["label"], section["path"].split(" › ")[-1])
                if scope == "cited section" and not own:
                    continue
                for line in section["text"].split("\n"):
                    if any(has(norm(line), alt) for alt in group):
                        return f"{line_kind(line)} in the {scope}"
    return "not in a cited document"


def main(paths: list[str]) -> None:
    why: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    sections = load_sections()
    for set_path, out_path in zip(paths[::2], paths[1::2]):
        answers = {a["id"]: a for a in map(json.loads, Path(out_path).read_text().splitlines()) if a}
        for q in map(json.loads, Path(set_path).read_text().splitlines()):
            e, a = q["expect"], answers.get(q["id"])
            if not a or a.get("route") != "retrieval" or not e.get("must_include") or not e.get("sources"):
                continue
            if not any(cites(a, s) for s in e["sources"]):
                continue
            text = norm(a["answer"])
            missing = [g for g in e["must_include"] if not any(has(text, alt) for alt in g)]
            if not missing:
                continue
            place = where(missing[0], a, sections)
            kind = asked(q["question"])
            why[place] += 1
            kinds[f"{kind} | {place}"] += 1
            print(f"{q['id']}\t{kind}\t{place}\tmissing={missing}\tlead={a['answer'][:140]!r}")
    print()
    for key, n in why.most_common():
        print(f"{n:4d}  {key}")
    print()
    for key, n in sorted(kinds.items()):
        print(f"{n:4d}  {key}")


if __name__ == "__main__":
    main(sys.argv[1:])
