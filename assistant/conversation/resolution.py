"""What resolving a follow-up works with and produces: the conversation as resolution needs it
(`Context`), and the standalone question it yields (`Resolution`, with its `Kind`).

Apart from `followups` (the decision) and `restate` (the wording) so that the conversation's state
(`state`) and the front ends can name these types without importing the resolution's rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.conversation.backrefs import EarlierTurn
from assistant.conversation.subject import Subject

Kind = Literal["new", "completion", "circumstance", "reference", "meta", "aside"]


@dataclass(frozen=True)
class Context:
    """What resolution needs of the conversation so far: the last question as understood, its topic
    and subject, the question a clarification left pending (with the facts it asked for), and
    whether that question described the user's own case."""

    question: str
    topic: str | None = None
    subject: Subject | None = None
    pending: str | None = None
    missing: tuple[str, ...] = ()
    case: bool = False  # the last turn worked on the user's own case (a calculation, a clarification)
    asked: str | None = None  # the clarification's own words (its questions), when one is pending
    refused: bool = False  # the last answer was a refusal
    earlier: tuple[str, ...] = ()  # the questions before the last one, most recent first
    points: float | None = None  # the points the last calculation gave (a bonus), for "et en euros ?"
    stated: tuple[str, ...] = ()  # the facts the user stated just before, without asking ("Ma collègue est en CDI.")
    turns: tuple[EarlierTurn, ...] = ()  # every turn so far, oldest first, for back-references (backrefs)
    lead: str = ""  # the last answer's first paragraph (a comparison follow-up recalls it)
    typed: str = ""  # the last message as typed (a request to say it more simply asks its rule again)
    digression: bool = False  # the last turn stepped aside from the subject before it (`frames`)
    beneath: Context | None = None  # the context before the digression, for a message that goes back
    stack: tuple[Context, ...] = ()  # the contexts after the turns before the last one, most recent first


@dataclass(frozen=True)
class Resolution:
    """The standalone question to answer, how it was obtained, and the subject it is about."""

    text: str
    kind: Kind
    subject: Subject | None = None
    rewritten: bool = False  # worded by the model server (assistant.conversation.rewrite)
    # The thing an elliptic follow-up names ("les tickets resto" in "et les tickets resto ?"), which
    # replaces no fact of the earlier question: the caller checks the texts use its words at all.
    addition: str = ""
    # The question holds facts of someone's case the user stated in earlier messages (`Context.stated`):
    # the rule it asks is applied to them (`router.route(case=True)`), not quoted.
    case: bool = False
    # A comparison follow-up: the other side, named as the previous question named it ("le tuteur"); the
    # text is the previous question asked of the new side (`assistant.conversation.comparison`).
    compared_with: str = ""
    # "explique plus simplement": the previous answer's rule said again in plain form (`frames.restates`)
    restate: bool = False
    # "Petite parenthèse : …": a step aside, answered alone; the next message may go back beneath it
    digression: bool = False
    # "et pour le double ?", "et pour Léa ?": the previous case recast, a figure scaled (`scaling`) or another of its
    # people asked about (`named_ones`); the message's words name no thing of their own ("une mission moitié moins
    # longue", "le deuxième"), so it is not answered alone first
    recast: bool = False

    @property
    def is_follow_up(self) -> bool:
        return self.kind not in ("new", "aside")


def earlier_context(turn: EarlierTurn, context: Context) -> Context:
    """The context as it was right after `turn`, for a message that goes back to it."""
    at = context.turns.index(turn) + 1 if turn in context.turns else len(context.turns)
    subject = turn.subject
    return Context(
        question=turn.question,
        topic=subject.topic if subject is not None else None,
        subject=subject,
        case=turn.calculator is not None,
        turns=context.turns[:at],
    )
