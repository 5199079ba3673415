"""`ccn-assistant eval`: answer the golden questions and score them with the shared scorer.

Runs `ask --json --file` over the questions, writes the answers (JSONL) and prints the scorer's
figures (`shared/eval/score.py`), so the accuracy reported anywhere comes from this command.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from datetime import date
from pathlib import Path

from assistant.settings import REPO_ROOT

DEFAULT_QUESTIONS = REPO_ROOT.parent / "shared" / "eval" / "dev.jsonl"
DEFAULT_SCORER = REPO_ROOT.parent / "shared" / "eval" / "score.py"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "eval",
        help="évaluer les réponses sur les questions de référence",
        description="Répond aux questions de référence et calcule le score du contrat de réponse.",
    )
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS, help="questions JSONL")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="score.py")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "artifacts" / "answers.jsonl")
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="date du jour (AAAA-MM-JJ)")
    parser.add_argument("--show-failures", action="store_true")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from assistant.conversation.replay import history_of, replay
    from assistant.service import get_assistant

    if not args.questions.exists():
        print(f"Erreur : questions introuvables : {args.questions}", file=sys.stderr)
        return 2
    questions = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line]
    assistant = get_assistant()
    assistant.library.ensure_index()
    try:
        histories = [history_of(q) for q in questions]
    except ValueError as exc:
        print(f"Erreur : {args.questions} : {exc}", file=sys.stderr)
        return 2
    answers = [  # a question with a `history` is answered after its earlier messages (assistant.conversation)
        replay(assistant, q["question"], history, today=args.today, id=q.get("id")).to_contract()
        for q, history in zip(questions, histories, strict=True)
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in answers), encoding="utf-8")
    print(f"{len(answers)} réponses écrites dans {args.out}")
    if not args.scorer.exists():
        print(f"(scorer introuvable : {args.scorer})", file=sys.stderr)
        return 0
    spec = importlib.util.spec_from_file_location("ccn_score", args.scorer)
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    rate = scorer.score(questions, answers, args.show_failures)
    print(f"overall pass rate: {rate:.0%}")
    return 0
