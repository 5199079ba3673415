"""Record which answering path wrote each answer of an evaluation set, and the passages it had.

    CCN_DATA_DIR=… .venv/bin/python -m bench.answer_paths --today 2026-11-29 SET.jsonl > PATHS.jsonl

Why (facts27, issue #13 "facts"): sentence25's recorder sees `compose_retrieval` only, yet 93 of the 194 composed
misses it counted were answered by other paths (a text's facts, a named part, a mention, an enumeration, a
comparison, a silent detail, a conversation's own reply). To know where a missing fact stands, each answer's path
is needed with the passages that path read and the ten passages the question's own search returns. Nothing of the
product changes: the producers are wrapped by name inside this process only (`cli ask --file`'s `replay`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from assistant import service
from assistant.answering import about_texts, clauses, documents, enumerations, part_answers


def _passage(e: Any) -> dict[str, Any]:
    chunk = e.chunk
    return {"document": chunk.document, "section": chunk.section_number, "text": chunk.text}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--today", type=date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    from assistant.conversation.replay import history_of, replay
    from assistant.service import get_assistant
    from interview.skill import InterviewSkill

    events: list[dict[str, Any]] = []

    def wrap(owner: Any, name: str, label: str, record: Callable[..., dict[str, Any]] | None = None) -> None:
        original = getattr(owner, name)

        def wrapped(*a: Any, **kw: Any) -> Any:
            result = original(*a, **kw)
            if result:
                event: dict[str, Any] = {"path": label}
                if record is not None:
                    event.update(record(a, kw, result))
                events.append(event)
            return result

        setattr(owner, name, wrapped)

    def composed(a: Any, kw: Any, result: Any) -> dict[str, Any]:
        evidence = a[1] if len(a) > 1 else kw.get("evidence", [])
        return {"evidence": [_passage(e) for e in evidence], "text": result}

    wrap(clauses, "compose_retrieval", "compose_retrieval", composed)
    wrap(part_answers.PartsAnswerer, "answer", "named_part")
    wrap(documents.TextsAnswerer, "answer", "document_facts")
    wrap(about_texts, "answer_mention", "mention")
    wrap(enumerations.EnumerationAnswerer, "answer", "enumeration")
    wrap(about_texts, "answer_disagreement", "disagreement")
    wrap(about_texts, "answer_comparison", "comparison")
    wrap(service, "silent_answer", "silent_detail")
    wrap(service.Assistant, "_calculate", "calculate")
    wrap(service.Assistant, "_clarify", "clarify")
    wrap(service.Assistant, "_refusal", "refusal")
    wrap(service.Assistant, "_skill_answer", "skill")
    assistant = get_assistant()
    assistant.add_skill(InterviewSkill(assistant.settings.point_values_file))
    search = service.Assistant._search
    for line in args.file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        events.clear()
        answer = replay(assistant, item["question"], history_of(item), today=args.today, id=item.get("id"))
        contract = answer.to_contract()
        found = [_passage(e) for e in search(assistant, item["question"], 10)]
        print(
            json.dumps(
                {
                    "id": item.get("id"),
                    "answer": contract.get("answer", ""),
                    "route": contract.get("route"),
                    "citations": contract.get("citations", []),
                    "events": list(events),
                    "searched": found,
                },
                ensure_ascii=False,
            ),
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
