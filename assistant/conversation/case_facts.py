"""The facts of the user's case, kept as conversation state that any calculator can read (issue #14, conv21).

Why: a follow-up is resolved by writing one standalone question, and the facts of a case told over several
messages ("Je suis tutrice d'une apprentie.", "Sa formation a commencé le 1er février…", "Objectifs tenus.")
lived only in whichever resolved question happened to hold them. A message read as new, a statement the scope
check refused, or a question put to the subject ("Garantie individuelle : jusqu'à quand … ?") dropped them,
and the calculator then asked again for what the user had already said (first contact of probe-conv21: 3 of
its 4 failures; conversations-2026p: c26p-10, c26p-11).

So the facts are read from the messages themselves, from the last one that named a subject of its own up to
now, as the sentences that state something (`case_facts`); a later fact of the same kind replaces the earlier
one (`fact_merge.merge_facts`: "pardon, elle finit le 31 janvier"). They are not pasted into every question:
the answer shows when they are needed (`needs_case`): it asked for a calculator's missing inputs, or the
question alone found no topic of the texts. The question is then asked again with the facts in front, and the
retry is kept only when a calculator computes with them (`computed`) or asks for fewer inputs: the calculators'
own inputs decide, not the wording of the message.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from assistant.conversation.fact_merge import merge_facts
from assistant.conversation.pleasantry import without_asker
from assistant.conversation.restate import asking_part
from assistant.conversation.slots import find_slots
from assistant.conversation.told_person import told_part
from text.folding import same_length

if TYPE_CHECKING:
    from assistant.answer import Answer
    from assistant.conversation.state import Turn
    from assistant.conversation.subject import Subject
    from assistant.routing.router import RouteDecision

_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*")


def case_facts(turns: Sequence[Turn], resolved: str, today: date, *, since: int | None = None) -> str:
    """The sentences stating facts of the case in the earlier messages, oldest first, from the last message that
    named a subject of its own (a new subject starts a new case), without those `resolved` already holds.
    `since`: the turn that told the facts of the person the question speaks of by a pronoun (`told_person`),
    where the case starts whatever subjects the questions asked since named.

    A sentence states a fact when it asks nothing (no "?") and holds a fact a calculator reads (`find_slots`:
    a date, a period, a count, an amount, a grade), or when the whole message was a statement
    (`Turn.statement`: "Je suis tutrice d'une apprentie.") or named the subject the case is about."""
    start = 0
    before: Subject | None = None
    for at, turn in enumerate(turns):
        # (a question read as new that names the subject the case was already about continues that case)
        named = turn.kind == "new" and turn.subject is not None and turn.route != "refusal"
        if named and turn.subject is not None and not turn.subject.same_as(before):
            start = at
        before = turn.subject or before
    start = start if since is None else since
    facts = ""
    held = _key(resolved)
    for at, turn in enumerate(turns[start:]):
        if turn.kind in ("aside", "meta"):
            continue
        for sentence in _SENTENCE.findall(without_asker(turn.question)):  # (who asked it states no fact)
            sentence = sentence.strip()
            if since is not None and at == 0 and "?" in sentence:  # ("Je reçois Mme Blanc, en CDI … : que … ?")
                sentence = told_part(sentence, today)
            if not sentence or "?" in sentence or _key(sentence) in held:
                continue
            if not (turn.statement or at == 0 or find_slots(sentence, today)):
                continue
            # (a corrected fact takes the place of the old one)
            merged = merge_facts(facts, sentence, today) if facts else None
            replaced = merged is not None and bool(merged.replaced)
            facts = merged.text if merged is not None and replaced else f"{facts} {_closed(sentence)}".strip()
    return facts


def needs_case(reply: Answer, decision: RouteDecision | None) -> bool:
    """The answer shows that the question needed the facts of a case: it asks for a calculator's missing inputs,
    or it found no topic of the texts at all (a refusal for a named foreign subject is no such sign)."""
    if decision is None or decision.refusal_topic is not None:
        return False
    if reply.route == "clarify":
        return bool(decision.missing)
    return reply.route in ("retrieval", "refusal") and decision.topic is None


def computed(first: tuple[Answer, RouteDecision | None], retry: tuple[Answer, RouteDecision | None]) -> bool:
    """The retry with the case's facts is the better reading: a calculator computed with them, or the question back
    asks for fewer of its inputs than the first answer did."""
    (answer, decision), (again, redecided) = first, retry
    if again.route == "calculator" and redecided is not None and redecided.calculator:
        return True
    if answer.route == again.route == "clarify" and decision is not None and redecided is not None:
        return redecided.calculator == decision.calculator and len(redecided.missing) < len(decision.missing)
    return False


def with_facts(facts: str, question: str, today: date, *, typed: str = "") -> str:
    """The question asked with the case's facts in front of it. A fact of the message as typed (the newest) that
    changes one of them ("et si j'avais eu 10 à l'oral ?") takes its place there, and only what the message asks
    follows: the resolved question may hold older facts, which must not overwrite the case's."""
    message = typed or question
    merged = merge_facts(facts, message, today) if facts else None
    if merged is not None and merged.replaced:
        # what the message asks: its clause with a question word, else its last clause when that holds no fact
        # ("…, je serais certifiée ?")
        clauses = re.split(r"(?<=[,;:])\s+", message.strip())
        last = clauses[-1] if len(clauses) > 1 and not find_slots(clauses[-1], today) else ""
        return f"{merged.text} {asking_part(message) or last}".strip()
    return f"{facts} {question}".strip()


def _closed(sentence: str) -> str:
    """A fact sentence ended with a full stop, so the question after it reads as its own sentence."""
    return sentence if sentence[-1] in ".!…" else sentence + "."


def _key(text: str) -> str:
    """Text compared for containment: folded, its punctuation and spacing ignored."""
    return " ".join(re.findall(r"\w+", same_length(text).lower()))
