"""The conversation: follow-up questions, carried-over facts and the clarify exchange (issue #14).

`Conversation` (state.py) holds one user's turns; `followups.resolve` turns a message into the
standalone question it means in that context; `slots` merges a follow-up's facts into the earlier
question; `rewrite` lets a configured model server reword a follow-up, checked like user input.
`Assistant.ask(question, conversation=…)` (assistant.service) ties them together, and `replay`
answers a question after a list of earlier messages (the JSON contract's `history`).
"""

from __future__ import annotations

from assistant.conversation.followups import Resolution, resolve
from assistant.conversation.state import Conversation, Turn
from assistant.conversation.subject import Subject

__all__ = ["Conversation", "Resolution", "Subject", "Turn", "resolve"]
