"""`ccn-assistant chat`: a conversation in the terminal, each message read in the context of the earlier ones.

Line editing and history of the typed lines come from `readline` when the terminal has it (the
history stays in memory: the questions are never written to disk). Commands: `/nouveau` starts a
new conversation, `/sources` shows the passages the last answer cited, `/aide` lists the
commands, `/quitter` (or Ctrl-D) leaves. With stdin piped, each line is one message and nothing
but the answers is printed, so a conversation can be scripted or tested.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from datetime import date
from typing import Any, TextIO

HELP = (
    "Posez vos questions l'une après l'autre : « et pour un CDD ? », « qui la finance ? » se rapportent "
    "à la question précédente.\n"
    "  /nouveau   nouvelle conversation (oublie les questions précédentes)\n"
    "  /sources   passages cités par la dernière réponse\n"
    "  /aide      cette aide\n"
    "  /quitter   quitter (ou Ctrl-D)"
)
PROMPT = "vous › "


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "chat",
        help="conversation dans le terminal (questions de suivi comprises)",
        description="Conversation sur les textes : chaque question se lit dans le contexte des précédentes.",
    )
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="date du jour (AAAA-MM-JJ)")
    parser.set_defaults(handler=run)


def _lines(interactive: bool, stream: TextIO) -> Iterator[str]:
    if not interactive:
        yield from (line.rstrip("\n") for line in stream)
        return
    with contextlib.suppress(ImportError):  # without readline (Windows): plain input
        import readline  # noqa: F401  (line editing and in-memory history for input())
    while True:
        try:
            yield input(PROMPT)
        except EOFError:
            print()
            return


def render_sources(citations: Any) -> str:
    if not citations:
        return "La dernière réponse ne cite aucun passage."
    lines = []
    for c in citations:
        quote = " ".join(c.quote.split())
        quote = quote if len(quote) <= 300 else quote[:297] + "…"
        lines.append(f"[{c.number}] {c.title} — {c.section}, p. {c.page} :\n    « {quote} »")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from assistant.conversation import Conversation
    from assistant.service import get_assistant

    interactive = sys.stdin.isatty()
    assistant = get_assistant()
    report = assistant.library.ensure_index(progress=lambda msg, _f: print(msg, file=sys.stderr, flush=True))
    if report is not None and report.failed:
        for line in report.lines():
            print(line, file=sys.stderr)
    if interactive:
        print("Conversation sur les accords de formation professionnelle (IDCC 218). /aide pour l'aide.")
    conversation = Conversation()
    for raw in _lines(interactive, sys.stdin):
        line = raw.strip()
        if not line:
            continue
        command = line.lower()
        if command in ("/quitter", "/quit", "/exit"):
            break
        if command in ("/nouveau", "/new"):
            conversation.reset()
            print("Nouvelle conversation.", flush=True)
            continue
        if command == "/sources":
            print(render_sources(conversation.last_citations), flush=True)
            continue
        if command in ("/aide", "/help", "/?"):
            print(HELP, flush=True)
            continue
        if line.startswith("/"):
            print(f"Commande inconnue : {line}. Tapez /aide.", flush=True)
            continue
        answer = assistant.ask(line, conversation, today=args.today)
        hint = f"\n({len({c.number for c in answer.citations})} source(s) : /sources)" if answer.citations else ""
        print(answer.text.rstrip() + hint, end="\n\n", flush=True)
    return 0
