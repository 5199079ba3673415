"""Where the missing fact of a "facts only" failure stands, and what the question asked (facts24, issue #13 class 3).

usage: python eval/facts_misses.py SET.jsonl ANSWERS.jsonl [...pairs]

Counts the answers the scorer marks right in route and citation but missing a `must_include` group (and, apart,
those missing both the fact and the citation). The first missing group is looked for, line by line, in the corpus
sections (`ccn-assistant sections DOC --json > $LEAD_MISSES_SECTIONS/sec-DOC.json`):

- lead section: the section of the first citation (the lead's own section: a lead sentence choice);
- quoted section: the section of another citation (a quote choice);
- neighbour section: a section next to a cited one in the document's order (previous, next, parent or child);
- same document: another section of a cited document;
- another document: a section of a document the answer does not cite;
- nowhere: no line of the corpus holds it (a computed or reworded fact).

Measurement only: the asked type is `lead_misses.asked`'s coarse pattern, not product logic.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lead_misses import asked, cites, has, load_sections, norm


def _own(section: dict, label: str) -> bool:
    return label in (section["label"], section["path"].split(" › ")[-1])


def _related(a: str, b: str) -> bool:
    """One path is the parent of the other ("Titre II › Article 4" and "Titre II › Article 4 › 4.2")."""
    return a.startswith(b + " › ") or b.startswith(a + " › ")


def _holds(section: dict, group: list[str]) -> bool:
    return any(any(has(norm(line), alt) for alt in group) for line in section["text"].split("\n"))


def place(group: list[str], answer: dict, sections: dict[str, list[dict]]) -> str:
    """The nearest place to the answer's citations where a line holds one alternative of `group`."""
    cited = [(c.get("document") or "", str(c.get("section", ""))) for c in answer.get("citations") or []]
    if not cited:
        return "no citation"
    first_doc, first_label = cited[0]
    if any(_own(s, first_label) and _holds(s, group) for s in sections.get(first_doc, [])):
        return "lead section"
    if any(_own(s, label) and _holds(s, group) for doc, label in cited[1:] for s in sections.get(doc, [])):
        return "quoted section"
    for doc, label in cited:
        secs = sections.get(doc, [])
        for i, s in enumerate(secs):
            if not _own(s, label):
                continue
            near = secs[max(0, i - 1) : i + 2]
            kin = [t for t in secs if _related(t["path"], s["path"])]
            if any(_holds(t, group) for t in near + kin):
                return "neighbour section"
    if any(_holds(s, group) for doc, _ in cited for s in sections.get(doc, [])):
        return "same document"
    docs = {doc for doc, _ in cited}
    if any(_holds(s, group) for doc, secs in sections.items() if doc not in docs for s in secs):
        return "another document"
    return "nowhere"


def main(paths: list[str]) -> None:
    places: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    both: Counter[str] = Counter()
    sections = load_sections()
    for set_path, out_path in zip(paths[::2], paths[1::2]):
        answers = {a["id"]: a for a in map(json.loads, Path(out_path).read_text().splitlines()) if a}
        for q in map(json.loads, Path(set_path).read_text().splitlines()):
            e, a = q["expect"], answers.get(q["id"])
            if not a or not e.get("must_include") or (e.get("route") and a.get("route") != e["route"]):
                continue
            if a.get("route") == "refusal" and e.get("route") != "refusal":
                continue
            text = norm(a.get("answer", ""))
            missing = [g for g in e["must_include"] if not any(has(text, alt) for alt in g)]
            if not missing:
                continue
            cited = not e.get("sources") or any(cites(a, s) for s in e["sources"])
            where = place(missing[0], a, sections)
            kind = asked(q.get("question") or "")
            if not cited:
                both[where] += 1
                continue
            places[where] += 1
            kinds[kind] += 1
            print(f"{q['id']}\t{kind}\t{where}\tmissing={missing[0]}\tlead={a['answer'][:120]!r}")
    print("\nfacts only, by place")
    for key, n in places.most_common():
        print(f"{n:4d}  {key}")
    print("\nfacts only, by asked type")
    for key, n in kinds.most_common():
        print(f"{n:4d}  {key}")
    print("\nfacts and citation, by place")
    for key, n in both.most_common():
        print(f"{n:4d}  {key}")


if __name__ == "__main__":
    main(sys.argv[1:])
