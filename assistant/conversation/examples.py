"""A worked example asked after a rule: "tu peux me faire un exemple chiffré ?", "et concrètement, sur ma
paie ?", "donne-moi un exemple avec une action sur trois mois".

Such a message asks to see the rule at work, not to have it applied to the user's own case: answering it
with a question back for the user's dates misreads it, and repeating the rule does not show it at work.
When the subject's rule has a calculator, the example is calculated on facts stated for it — a length the
message gives ("sur trois mois": a period of that many months), else the example the calculator's own
question back gives ("par exemple « du 3 au 14 mars 2025 »": the one the answer asked, or the one the
subject's calculator asks for its first required input) — and the answer says, before the calculation,
that those facts are supposed for the example. With no calculator to run, the answer stays the rule's.

The request is read from the message's grammar: a word asking for an example or for the concrete case
(`_EXAMPLE`), and no dates of its own (those are a case: the calculator runs on them as usual).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

from assistant.answer import Answer
from assistant.conversation import wording
from assistant.conversation.restate import capitalised
from assistant.conversation.subject import Subject
from assistant.routing.calculator_vocabulary import FOLLOW_UPS
from assistant.routing.extraction.numbers import NUM_OR_WORD, parse_number
from assistant.routing.router import RouteDecision
from calculators.dates import format_date_fr
from calculators.registry import CALCULATORS
from text.folding import same_length

_EXAMPLE = re.compile(
    r"\b(?:(?:un|des|d'|l'|par) ?exemples?|exemple (?:chiffre|concret|type)|illustr\w+|concretement|"
    r"en pratique|dans la pratique|(?:un |des )?cas (?:concrets?|pratiques?|types?|d'ecole)|mise en situation|"
    r"simul\w+|ca donne quoi|a quoi ca ressemble)\b"
)
_MONTHS = re.compile(rf"\b(?:sur|de|pendant|qui (?:court|dure)\w* (?:sur)?|durant)?\s*({NUM_OR_WORD})\s+mois\b")
_GIVEN_EXAMPLE = re.compile(r"par exemple\s*«\s*([^»]+?)\s*»")
_DATED = re.compile(
    r"\b\d{1,2}(?:er)? (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|"
    r"novembre|decembre)\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
)

# what may stand around the request for an example ("tu peux me faire un exemple chiffré ?")
_EXAMPLE_REST = re.compile(
    r"^(?:(?:et|mais|alors|donc|du coup|ok|bon|tu|vous|peux|pouvez|pourrais|pourriez|me|m'|moi|nous|faire|fais|"
    r"faites|donner|donne|donnez|montrer|montre|montrez|avoir|aurais|auriez|un|une|des|le|la|les|l'|avec|en|"
    r"chiffre\w*|concret\w*|simple|rapide|petit|ca|cela|c'|donne|quoi|stp|svp|s'il (?:te|vous) plait|ici|"
    r"pour voir|par exemple|cas|veut dire|signifie|pour moi|dans mon cas)\b|[\s,;:?!.…'-])*$"
)

Answerer = Callable[[str], tuple[Answer, RouteDecision | None]]


def asks_example(message: str) -> bool:
    """The message asks to see the rule at work, and states no date of its own."""
    folded = same_length(message).lower()
    return bool(_EXAMPLE.search(folded)) and not _DATED.search(folded)


def example_facts(message: str, question_back: str | None, today: date) -> str:
    """The facts the example is calculated on: a period of the length the message gives, within last
    calendar year (a finished period), else the example of the calculator's question back; "" when none."""
    length = _MONTHS.search(same_length(message).lower())
    if length is not None:
        months = int(parse_number(length.group(1)))
        if 1 <= months <= 12:
            year = today.year - 1
            last = calendar.monthrange(year, months)[1]
            return f"du {format_date_fr(date(year, 1, 1))} au {format_date_fr(date(year, months, last))}"
    given = _GIVEN_EXAMPLE.search(question_back or "")
    return given.group(1) if given else ""


def asks_only_example(message: str) -> bool:
    """The message asks for an example and nothing else ("un exemple chiffré ?", "concrètement, ça veut dire
    quoi ?"): with no calculation to show, the rule's own sentence answers it."""
    return asks_example(message) and _asks_nothing_else(message)


def _asks_nothing_else(message: str) -> bool:
    folded = same_length(message).lower()
    return bool(_EXAMPLE_REST.match(_EXAMPLE.sub(" ", folded)))


def _question_back(topic: str | None) -> str:
    """The question back of the calculator of `topic` for its first required input (it holds an example:
    "par exemple « du 3 au 14 mars 2025 »"); "" when the topic has no calculator of its own."""
    spec = CALCULATORS.get(topic or "")
    required = [p.name for p in spec.params if p.required] if spec is not None else []
    return FOLLOW_UPS.get(required[0], "") if required else ""


def worked_example(
    answer: Answerer, asked: str, message: str, reply: Answer, today: date, subject: Subject | None
) -> tuple[Answer, RouteDecision | None] | None:
    """The calculation of `asked` on example facts, labelled as an example; None when the message asks no
    example, gives no length and the reply asks nothing back, or the facts run no calculator."""
    if not asks_example(message) or reply.route not in ("clarify", "retrieval"):
        return None
    if reply.route == "clarify":
        question_back = reply.follow_up
    elif _MONTHS.search(same_length(message).lower()) is None and not _asks_nothing_else(message):
        return None  # "concrètement, le tuteur fait quoi ?" asks a question of its own
    else:  # the question back the subject's calculator would ask, for its example
        question_back = _question_back(subject.topic if subject is not None else None)
    facts = example_facts(message, question_back, today)
    if not facts:
        return None
    example, decision = answer(f"{asked.rstrip(' ?.!')} ({facts}) ?")
    if example.route != "calculator" and subject is not None:
        # "comment marche la prime, illustre…" asks how it works: the example is asked of the subject itself
        example, decision = answer(f"{capitalised(subject.name)} : {facts} ?")
    if example.route != "calculator":
        return None
    example.text = f"{wording.example_of(facts)}\n\n{example.text}"
    return example, decision
