"""The person whose facts were told earlier, spoken of again by a pronoun after questions on other things (#14).

Why: an HR adviser preparing an interview tells the employee's facts once ("Je prépare l'entretien professionnel
de Mme Roux, technicienne en CDI depuis 12 ans, niveau bac."), asks about something else ("Elle veut devenir
gestionnaire conseil : quelle certification viser ?"), then asks what the facts decide ("Peut-elle y aller par la
Pro-A, vu son contrat et son niveau ?"). The facts stated just before a question are carried already
(`Context.stated`, `case_facts`), but a question in between named a subject of its own, which starts a new case:
the facts were lost and the texts' general rule answered "Non" to an eligible employee (conversations-2026u
c26u-29; the held-out measurement of the adviser's pattern: 1 of 4).

A pronoun or a possessive of the third person singular ("peut-elle", "lui", "son contrat", "le sien") with no other
person named in the message points to the last person whose facts were stated, whatever was asked in between
(`told_at`). The facts are then put in front of the question (`case_facts(since=…)`) and the retry kept only when a
calculator computes with them (`case_facts.computed`): the calculators' inputs decide, not the message's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from assistant.conversation import vocabulary as v
from assistant.conversation.slots import find_slots
from assistant.conversation.statements import person
from text.folding import same_length

if TYPE_CHECKING:
    from assistant.conversation.state import Turn

# a subject pronoun (not an impersonal "il faut", "y a-t-il"; "a-t-elle droit" is the person), an object pronoun, a
# possessive of one person
_PRONOUN = re.compile(
    r"(?<!faut-)(?<!y a-t-)(?<!agit-)(?<!suffit-)\b(?:il|elle)\b(?!\s+(?:faut|y a|s'agit|suffit|reste|existe)\b)|"
    r"\b(?:lui|son|sa|ses|le sien|la sienne)\b"
)
_REACH = 6  # a person told about more than this many turns ago is no longer the one spoken of


def told_at(turns: Sequence[Turn], today: date) -> int | None:
    """The index of the latest turn, among the last few, that stated another person's facts without asking
    (`Turn.statement`: "Mme Roux, technicienne en CDI depuis 12 ans, niveau bac.") or before what it asked
    (`told_part`); None when there is none or the user told their own case since (the pronoun then has no person
    to point to but that one)."""
    for at in range(len(turns) - 1, max(-1, len(turns) - 1 - _REACH), -1):
        turn = turns[at]
        if not turn.statement and not told_part(turn.question, today):
            continue
        # ("Je prépare l'entretien de Mme Roux, …": the adviser's "je" handles a named person's file)
        speaker = person(turn.question)
        if v.RE_NAMED_OTHER.search(same_length(turn.question).lower()) or speaker == "other":
            return at
        if speaker == "user":
            return None
    return None


def speaks_of_told(message: str, turns: Sequence[Turn], today: date) -> int | None:
    """The index of the turn that told the facts of the person `message` speaks of by a pronoun or a possessive,
    when it names no other person ("un salarié", "M. Perret", "mon collègue"); None otherwise."""
    folded = same_length(message)
    if not _PRONOUN.search(folded.lower()) or v.RE_NAMED_OTHER.search(folded.lower()):
        return None
    return told_at(turns, today)


def told_part(sentence: str, today: date) -> str:
    """The facts an asking sentence tells before its question ("Je reçois Mme Blanc, en CDI depuis 2010, titulaire
    d'un BTS : que dois-je aborder avec elle ?" → "Je reçois Mme Blanc, en CDI depuis 2010, titulaire d'un BTS."):
    the words before its last colon, when they ask nothing and hold a fact a calculator reads; "" otherwise."""
    head, colon, _ = sentence.rpartition(":")
    head = head.strip()
    if not colon or not head or "?" in head or v.RE_QUESTION_WORDS.search(same_length(head)):
        return ""
    return f"{head}." if find_slots(head, today) else ""
