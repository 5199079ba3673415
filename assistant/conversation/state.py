"""One user's conversation with the shared assistant: its turns and the clarification it left pending.

The assistant is one object per process, shared by every user; a `Conversation` is one per user
(a UI session, a terminal, a JSON line with its `history`). It holds what the next message may
refer to — the question as understood, its route, topic and subject, the calculator and its
arguments, the sections cited, and the fact a clarification asked for — in memory only: it is
never written to a log (its `repr` says how many turns it holds, not what they say), and it goes
when the session goes.

`lock` serialises the questions of one conversation (a UI may send two before the first is
answered); different conversations never wait for each other.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from assistant.answer import Answer, Citation
from assistant.conversation.backrefs import EarlierTurn
from assistant.conversation.resolution import Context, Kind
from assistant.conversation.subject import Subject, message_subject, subject_of

MAX_TURNS = 50  # older turns are dropped: resolution only reads the last one, /sources the last answer


@dataclass(frozen=True)
class Turn:
    """One exchange: what was typed, what was understood and answered."""

    question: str
    resolved: str
    kind: Kind
    route: str
    topic: str | None = None
    subject: Subject | None = None
    calculator: str | None = None
    arguments: dict[str, Any] = field(default_factory=dict)
    sections: tuple[tuple[str, str], ...] = ()
    citations: tuple[Citation, ...] = ()
    follow_up: str | None = None
    missing: tuple[str, ...] = ()
    points: float | None = None  # the points a bonus calculation gave
    statement: bool = False  # the user stated facts without asking (followups.states_facts), answered alone
    lead: str = ""  # the answer's first paragraph, recalled when the next message compares (comparison.py)
    digression: bool = False  # the message stepped aside from the subject before it (frames.py)

    @property
    def pending(self) -> bool:
        """The answer asked the user for a missing fact: their next message may give it."""
        return self.route == "clarify" and bool(self.follow_up)


def answered(turns: Sequence[Turn]) -> list[Turn]:
    """The turns that answered something. Thanks and greetings ("aside") are skipped wherever the conversation looks
    back, so that "merci" never becomes the subject, the citations or the facts the next message inherits."""
    return [t for t in turns if t.kind != "aside"]


class Conversation:
    """The turns of one user's conversation, most recent last (see the module docstring)."""

    def __init__(self) -> None:
        self.turns: list[Turn] = []
        self.lock = threading.RLock()

    def __repr__(self) -> str:  # never the questions: a conversation must not end up in a log
        return f"Conversation({len(self.turns)} tours)"

    def __len__(self) -> int:
        return len(self.turns)

    @property
    def last(self) -> Turn | None:
        return self.turns[-1] if self.turns else None

    @property
    def pending(self) -> Turn | None:
        """The turn whose clarification is still unanswered, if the last answer asked for a fact."""
        last = self.last
        return last if last is not None and last.pending else None

    @property
    def answered(self) -> list[Turn]:
        """The turns without the asides (`answered`)."""
        return answered(self.turns)

    @property
    def last_citations(self) -> Sequence[Citation]:
        """The passages the last answer cited (the terminal's /sources); thanks and greetings cite none
        and are skipped, so "merci" then /sources still shows the answer's passages."""
        turns = self.answered
        return turns[-1].citations if turns else ()

    def context(self) -> Context | None:
        """What the next message is resolved against: the last turn (thanks and greetings skipped), a
        pending clarification, and the questions before it (a correction may go back to them)."""
        turns = self.answered
        if not turns:
            return None
        context = _context_of(turns)
        start = len(turns)
        while start > 0 and turns[start - 1].digression:
            start -= 1
        if start < len(turns) and start > 0:  # a digression on top of an earlier subject: kept beneath it
            context = replace(context, beneath=_context_of(turns[:start]))
        # the subjects before the last one, for a case taken up again after a question on something else
        stack = tuple(_context_of(turns[:end]) for end in range(len(turns) - 1, max(0, len(turns) - 4), -1))
        return replace(context, stack=stack)

    def record(self, turn: Turn) -> None:
        self.turns.append(turn)
        del self.turns[:-MAX_TURNS]

    def reset(self) -> None:
        """Start again ("Nouvelle conversation", /nouveau): nothing of the earlier turns is kept."""
        self.turns.clear()


def _context_of(turns: Sequence[Turn]) -> Context:
    """The context after `turns` (asides left out), the last one first."""
    last = turns[-1]
    pending = last if last.pending else None
    return Context(
        question=last.resolved,
        topic=last.topic,
        subject=last.subject,
        pending=pending.resolved if pending else None,
        missing=pending.missing if pending else (),
        case=last.route == "calculator" or pending is not None,
        asked=pending.follow_up if pending else None,
        refused=last.route == "refusal",
        earlier=tuple(t.resolved for t in reversed(turns[-4:-1])),
        stated=tuple(_trailing_statements(turns)),
        points=last.points,
        turns=tuple(EarlierTurn(t.resolved, t.subject, t.calculator) for t in turns),
        lead=last.lead,
        typed=last.question,
        digression=last.digression,
    )


def _trailing_statements(turns: Sequence[Turn]) -> list[str]:
    """The facts stated in the last turns, in order, back to the last question asked (at most three)."""
    stated: list[str] = []
    for turn in reversed(turns[-3:]):
        if not turn.statement:
            break
        stated.insert(0, turn.question)
    return stated


def turn_of(
    answer: Answer,
    typed: str,
    resolved: str,
    kind: Kind,
    *,
    topic: str | None,
    subject: Subject | None,
    missing: Sequence[str] = (),
    statement: bool = False,
    lead: str = "",
    digression: bool = False,
) -> Turn:
    """The turn to record once `answer` is written (calculator and sections read from the answer)."""
    call = answer.tool_calls[0] if answer.tool_calls else None
    return Turn(
        question=typed,
        resolved=resolved,
        kind=kind,
        route=answer.route,
        topic=topic,
        subject=_cited_subject(answer, kind, subject, statement) or subject_of(topic, subject),
        calculator=call.name if call else None,
        arguments=dict(call.arguments) if call else {},
        sections=tuple(dict.fromkeys((c.document, c.section) for c in answer.citations)),
        citations=tuple(answer.citations),
        follow_up=answer.follow_up,
        missing=tuple(missing),
        statement=statement,
        lead=lead,
        digression=digression,
        points=_points(call.result if call else None),
    )


def _points(result: dict[str, Any] | None) -> float | None:
    """The points of a calculator's result (a tutor's or trainer's bonus), else None."""
    if not result or result.get("unit") != "points" or not isinstance(result.get("value"), int | float):
        return None
    return float(result["value"])


def _cited_subject(answer: Answer, kind: Kind, named: Subject | None, statement: bool) -> Subject | None:
    """The thing a new question named only by a description ("la certification des contrôleurs sur pièces de
    l'Urssaf", "la certification des encadrants de proximité … en reconversion alternée ?") was answered about:
    the part the answer cited first, when that part is a thing the texts list under its name (a CQP of the fiche,
    "Annexe 4 – Manager opérationnel") that the conversation knows. The next message's pronoun or demonstrative
    ("cette certification", "ses titulaires") then points to it, not to the dispositif the question's topic stood
    for (a subject no words of the message named: its span is empty). A subject the message named, a follow-up's,
    a statement's ("Il voudrait le master …": facts told, no thing asked about) are kept; an article of an
    agreement ("Article 5 – Conseil en évolution professionnelle") states a rule, and citing it first is the
    search's choice, not the question's thing."""
    if kind != "new" or statement or (named is not None and named.span != (0, 0)):
        return None
    if answer.route == "refusal" or not answer.citations:
        return None
    cited = answer.citations[0]
    parts = [cited.section, *reversed(cited.path.split(" › ")[1:])]
    if any(part.startswith(("Article", "Titre", "Chapitre")) for part in parts):
        return None
    return next((found for part in parts if part and (found := message_subject(part)) is not None), None)
