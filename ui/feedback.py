"""Thumbs up/down on answers, appended to a local JSONL file (`Settings.feedback_file`).

A record holds the question and the standalone question it was understood as (they differ for a
follow-up), the answer text, its route and citations, the rating and a time stamp: nothing about
the person, and never the employee profiles of the interview page (this
module only receives what the chat shows).
"""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from assistant.answer import Answer

Rating = Literal["up", "down"]
MAX_TEXT_CHARS = 8000
_lock = threading.Lock()


def feedback_record(answer: Answer, rating: Rating, turn_id: str) -> dict[str, Any]:
    """The JSON object stored for one rating."""
    return {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "turn": turn_id,
        "rating": rating,
        "question": answer.question[:MAX_TEXT_CHARS],
        "resolved_question": (answer.resolved_question or answer.question)[:MAX_TEXT_CHARS],
        "answer": answer.text[:MAX_TEXT_CHARS],
        "route": answer.route,
        "citations": [
            {"number": c.number, "document": c.document, "section": c.section, "page": c.page} for c in answer.citations
        ],
        "tools": [call.name for call in answer.tool_calls],
    }


def record_feedback(path: Path, answer: Answer, rating: Rating, turn_id: str) -> dict[str, Any]:
    """Append one rating to `path` (created with its folder if needed); returns the record."""
    record = feedback_record(answer, rating, turn_id)
    line = json.dumps(record, ensure_ascii=False)
    with _lock:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")
    return record


def read_feedback(path: Path) -> list[dict[str, Any]]:
    """All records of `path`, skipping unreadable lines (empty list if the file does not exist)."""
    if not path.is_file():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return records
