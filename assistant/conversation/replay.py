"""Answer a question after earlier messages: the JSON contract's `history`, replayed in a fresh conversation.

A line of `ccn-assistant ask --json --file` may carry `"history": ["…", "…"]`, the user's earlier
messages in order. They are asked again, one after the other, in a new `Conversation` (so their
answers, clarifications and calculations are what the question refers to), and only the answer to
`question` is returned.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from assistant.answer import Answer
from assistant.conversation.state import Conversation


class Asks(Protocol):
    def ask(
        self,
        question: str,
        conversation: Conversation | None = None,
        *,
        today: date | None = None,
        id: str | None = None,
    ) -> Answer: ...


def history_of(item: dict[str, object]) -> list[str]:
    """The `history` of a contract line as a list of messages; a clear error when it is not one."""
    history = item.get("history") or []
    if not isinstance(history, list) or not all(isinstance(h, str) for h in history):
        raise ValueError("le champ « history » doit être une liste de questions (chaînes de caractères)")
    return list(history)


def replay(
    assistant: Asks, question: str, history: Sequence[str], *, today: date | None = None, id: str | None = None
) -> Answer:
    """The answer to `question` once `history` has been asked in a fresh conversation."""
    conversation = Conversation()
    for earlier in history:
        assistant.ask(earlier, conversation, today=today)
    return assistant.ask(question, conversation, today=today, id=id)
