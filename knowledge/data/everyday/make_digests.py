"""Fill or refresh the `digest` of every glossary row from the shipped parse of the corpus.

Run by hand after writing rows, or after the parser changed a section (then reread the row: its
section's text moved, its everyday words may no longer fit)::

    PYTHONPATH=. python knowledge/data/everyday/make_digests.py            # rewrite the digests
    PYTHONPATH=. python knowledge/data/everyday/make_digests.py --check    # exit 1 on a stale row

The digest is `knowledge.everyday.section_digest` of the section's text in `corpus/parsed.json.gz`
(the parse the index is built from) or, for a number only the consolidated agreement has ("9.1", "11.2"),
of that article version's text (`knowledge.everyday.corpus_digests`). A row whose (document, section,
title) names no parsed section is reported and left as is.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from knowledge.everyday import DATA_DIR, corpus_digests, read_file

CORPUS = Path(__file__).resolve().parents[3] / "corpus"


def refresh(directory: Path, digests: dict[tuple[str, str, str], str], check: bool) -> int:
    problems = 0
    for path in sorted(directory.glob("*.jsonl")):
        rows = read_file(path)  # validates first
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for row, values in zip(rows, lines, strict=True):
            digest = digests.get(row.key)
            if digest is None:
                print(f"{path.name}: aucune section {row.section!r} « {row.title} »", file=sys.stderr)
                problems += 1
            elif digest != row.digest:
                if check:
                    print(f"{path.name}: {row.section!r} « {row.title} » périmée", file=sys.stderr)
                    problems += 1
                values["digest"] = digest
        if not check:
            text = "".join(json.dumps(v, ensure_ascii=False) + "\n" for v in lines)
            path.write_text(text, encoding="utf-8")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale digests, change nothing")
    parser.add_argument("--dir", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    return 1 if refresh(args.dir, corpus_digests(CORPUS), args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
