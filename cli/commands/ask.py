"""`ccn-assistant ask`: answer one question, or a JSONL file of questions (models loaded once).

`--json` prints the answer contract read by `shared/eval/score.py`: one object per question with
id, question, answer, route, citations, tool_calls and timings_ms (and `resolved_question` when the
question was a follow-up). A line of the file may carry `"history": [...]`, the user's earlier
messages in order: they are replayed in a fresh conversation and `question` is answered in it.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "ask",
        help="poser une question (ou un fichier JSONL de questions)",
        description="Répond à une question sur les textes, avec ses sources.",
    )
    parser.add_argument("question", nargs="?", help="la question, en français")
    parser.add_argument("--file", type=Path, help="fichier JSONL d'objets {id, question}")
    parser.add_argument("--json", action="store_true", help="sortie JSON (contrat de réponse)")
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="date du jour (AAAA-MM-JJ)")
    parser.set_defaults(handler=run)


def _questions(args: argparse.Namespace) -> list[dict[str, Any]]:
    from assistant.conversation.replay import history_of

    if args.file:
        items = []
        for n, line in enumerate(args.file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{args.file}:{n}: JSON invalide ({exc.msg})") from None
            if not isinstance(item, dict) or "question" not in item:
                raise ValueError(f"{args.file}:{n}: objet sans champ « question »")
            try:
                item["history"] = history_of(item)
            except ValueError as exc:
                raise ValueError(f"{args.file}:{n}: {exc}") from None
            items.append(item)
        return items
    if args.question:
        return [{"id": None, "question": args.question}]
    if not sys.stdin.isatty():
        return [{"id": None, "question": sys.stdin.read().strip()}]
    raise ValueError("donnez une question ou --file QUESTIONS.jsonl")


def render_text(answer: Any) -> str:
    lines = [answer.text, ""]
    if answer.citations:
        lines.append("Sources :")
        for c in answer.citations:
            quote = " ".join(c.quote.split())
            quote = quote if len(quote) <= 220 else quote[:217] + "…"
            lines.append(f"  [{c.number}] {c.title} — {c.section}, p. {c.page} : « {quote} »")
    return "\n".join(lines).rstrip()


def run(args: argparse.Namespace) -> int:
    from assistant.conversation.replay import replay
    from assistant.service import get_assistant

    try:
        items = _questions(args)
    except (ValueError, OSError) as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 2
    assistant = get_assistant()
    report = assistant.library.ensure_index(progress=lambda msg, _f: print(msg, file=sys.stderr, flush=True))
    if report is not None and report.failed:
        for line in report.lines():
            print(line, file=sys.stderr)
    for item in items:
        answer = replay(assistant, str(item["question"]), item.get("history", []), today=args.today, id=item.get("id"))
        if args.json:
            print(json.dumps(answer.to_contract(), ensure_ascii=False), flush=True)
        else:
            print(render_text(answer), end="\n\n" if len(items) > 1 else "\n", flush=True)
    return 0
