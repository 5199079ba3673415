"""The conversation tests' shared setup: a context as the exchange would build it after one question,
and a message resolved in it with the router's reading of the message alone (as `exchange` does)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from assistant.conversation import Conversation
from assistant.conversation.followups import Context, Resolution, resolve
from assistant.conversation.subject import message_subject
from assistant.routing.router import route

TODAY = date(2026, 11, 29)


def routed_context(question: str, **changes: object) -> Context:
    """The context after `question` (its routed topic and its subject), with `changes` on top."""
    decision = route(question, TODAY)
    context = Context(question=question, topic=decision.topic, subject=message_subject(question))
    return replace(context, **changes)  # type: ignore[arg-type]


def resolved(message: str, context: Context) -> Resolution:
    """`message` resolved after `context`, given the router's topic and refusal for the message alone (as
    `exchange.converse` reads them)."""
    decision = route(message, TODAY)
    refused = decision.route == "refusal" or decision.refusal_topic is not None
    return resolve(message, context, TODAY, own_topic=decision.topic, refused=refused)


def ask_in_turn(assistant: Any, *messages: str, conversation: Conversation | None = None) -> Any:
    """Each message asked in turn in one conversation (a new one unless given); the last answer."""
    conversation = Conversation() if conversation is None else conversation
    answer = None
    for message in messages:
        answer = assistant.ask(message, conversation, today=TODAY)
    return answer
