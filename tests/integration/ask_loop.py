"""Helper process for `test_multi_process`: one assistant answering in a bounded loop.

    python -m tests.integration.ask_loop OUT.jsonl STOP_FILE [--max-s 240] [--max-answers 2000] [--refresh-s S]

Settings come from the environment (`CCN_CHROMA_URL`, `CCN_DATA_DIR`, `CCN_EMBEDDING_BACKEND`).
Each answer is one JSON line in OUT (time, route, cited sections, whether "7 points" is in the
text, the number of index reloads seen so far and the time of the last one, or the error); the loop ends when STOP_FILE
exists, after `max_s` seconds or `max_answers` answers, whichever comes first.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

QUESTIONS = (
    "Combien de points par mois touche un tuteur ?",
    "Je suis tuteur d'un alternant du 1er février au 20 juin 2025. Quelle prime vais-je percevoir ?",
)


class ReloadCounter(logging.Handler):
    """Counts the retriever's "reloaded" log records (a newer index generation was loaded)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.count = 0
        self.last_at = 0.0

    def emit(self, record: logging.LogRecord) -> None:
        if "reloaded" in record.getMessage():
            self.count += 1
            self.last_at = record.created


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("stop", type=Path)
    parser.add_argument("--max-s", type=float, default=240.0)
    parser.add_argument("--max-answers", type=int, default=2000)
    parser.add_argument("--pause-s", type=float, default=0.2)
    parser.add_argument(
        "--refresh-s", type=float, default=None, help="how often the retriever checks for a new generation"
    )
    args = parser.parse_args(argv)

    reloads = ReloadCounter()
    hybrid_log = logging.getLogger("knowledge.hybrid")
    hybrid_log.addHandler(reloads)
    hybrid_log.setLevel(logging.INFO)

    from assistant.service import get_assistant

    assistant = get_assistant()
    if args.refresh_s is not None:
        assistant.retriever.refresh_s = args.refresh_s
    deadline = time.monotonic() + args.max_s
    with args.out.open("a", encoding="utf-8") as out:
        for n in range(args.max_answers):
            if args.stop.exists() or time.monotonic() > deadline:
                break
            question = QUESTIONS[n % len(QUESTIONS)]
            record: dict[str, object] = {"n": n, "question": question}
            try:
                answer = assistant.ask(question)
                record.update(
                    route=answer.route,
                    sections=[c.section for c in answer.citations],
                    seven_points="7 points" in answer.text,
                    error=None,
                )
            except Exception as exc:  # reported to the test, which fails on it
                record["error"] = f"{type(exc).__name__}: {exc}"
            record["t"] = time.time()
            record["reloads"] = reloads.count
            record["last_reload_at"] = reloads.last_at
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
            time.sleep(args.pause_s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
