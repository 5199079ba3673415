"""A follow-up asking the same of another person the previous question told the facts of: "et pour Léa ?".

"Paul est resté du 1er mars au 31 mai, Léa du 1er mars au 31 août. Combien de points pour Paul ?" then "Et pour
Léa ?" (or "et pour le deuxième ?", "et la seconde ?") asks the previous question about Léa: the person asked about
is replaced in the asking sentence, and the facts stay as told, each with its owner
(`assistant.routing.extraction.period_owners`), so the calculator takes Léa's period. Read as words appended to the
previous question ("… pour Paul, pour Léa ?"), both periods would be summed; read alone, "et pour le deuxième ?"
names nothing the texts know and is refused.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.conversation.slots import find_slots
from assistant.routing.extraction.period_owners import (
    RANK,
    asked_owner,
    asking_span,
    index_of,
    owner_at,
    period_owners,
)
from text.folding import same_length

# "et pour Léa ?", "et le deuxième ?", "et pour la seconde alors ?", "même question pour Paul"
_OTHER = re.compile(
    rf"^(?:et|mais|ok|d'accord|alors|meme (?:question|chose)|pareil)?[ ,]*(?:pour|de|d'|a|avec)? ?"
    rf"(?P<who>{RANK}|\S+)(?: (?:alors|du coup|maintenant|dans ce cas))?$"
)


def other_person(message: str, question: str, today: date) -> str | None:
    """`question` asked about the other person `message` names, None when the message is no such follow-up or
    the question does not tell that person's own facts."""
    folded = same_length(message).lower().strip(" ?!.…")
    m = _OTHER.match(folded)
    if m is None:
        return None
    asked = owner_at(message, m.start("who"), m.end("who"))
    if asked is None or asked.span != (m.start("who"), m.end("who")):
        return None
    periods = [s.span for s in find_slots(question, today) if s.kind == "period" and s.when is not None]
    owners = period_owners(question, periods)
    if not owners or any(o is None for o in owners) or index_of(asked, owners) is None:
        return None
    asking = asking_span(question)
    before = asked_owner(question, asking)
    who = message[m.start("who") : m.end("who")]
    if before is None:  # "Combien de points ?" asked of both: the question now asks of that person
        end = asking[1] - 1
        return f"{question[:end].rstrip()} pour {who} ?{question[end + 1 :]}"
    if before.same_as(asked):
        return None
    start, end = before.span
    return question[:start] + who + question[end:]
