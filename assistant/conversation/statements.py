"""Facts stated without asking: an adviser describing a case before the question about it.

"Une salariée en CDI a un CAP." then "Peut-elle faire une Pro-A ?": the first message states facts
(`states_facts`) of someone (`person`), which the next questions about that person carry
(`followups.resolve`, `Context.stated`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from assistant.conversation import vocabulary as v
from assistant.conversation.slots import find_slots
from text.folding import same_length

_LEAD_IN = v.RE_LEAD_IN
_CORRECTION = v.RE_CORRECTION
# A question word that asks: anywhere for those that only ask ("combien", "quand", "est-ce", an inversion), but at the
# head of a clause only for those a relative clause also uses ("la formation qu'elle a suivie", "l'agent qui part",
# "CDI ou CDD"): a sentence ending with a full stop that holds one of those describes, it does not ask.
_AMBIGUOUS = r"(?:qui|que|quoi|ou)"
_QUESTION = re.compile(
    rf"(?:^|[,;:.!]\s*|\b(?:et|mais|alors|donc)\s+)(?:{_AMBIGUOUS}(?!\w)|qu')|"
    + v.QUESTION_WORDS.replace("qui|que|qu'|quoi|", "").replace("|ou|", "|")
)
_REQUEST = v.RE_REQUEST
_THIRD_PERSON = v.RE_THIRD_PERSON
_FIRST_PERSON = v.RE_FIRST_PERSON
_OTHER_SUBJECT = re.compile(r"(?<!faut-)(?<!a-t-)(?<!agit-)(?<!suffit-)\b(?:il|elle|ils|elles)\b")
_USER_SUBJECT = re.compile(r"\b(?:je|j')(?!\w)")
_USER_CASE = v.RE_USER_CASE
_NAMED_OTHER = v.RE_NAMED_OTHER


def states_facts(message: str, today: date) -> bool:
    """The message states facts without asking anything ("Une salariée en CDI a un CAP."): an adviser
    describing a case before the question, which the next question is then about. A request to be
    told about something ("Parle-moi du master…") asks without a question mark: what it names is
    its subject, not a fact of anyone's case."""
    folded = same_length(message)
    return (
        "?" not in message
        and not _QUESTION.search(folded)
        and not _REQUEST.match(folded)
        and bool(find_slots(message, today))
    )


def person(message: str) -> Literal["other", "user"] | None:
    """Whose case the message speaks of: another person's ("Il a un BTS", "mon collègue est en CDI",
    "sa prime") before the user's own ("j'ai un CAP", "moi"), None when it names nobody."""
    folded = same_length(message)
    if _OTHER_SUBJECT.search(folded):  # "il a un BTS", "elle accompagne une alternante"
        return "other"
    if _USER_SUBJECT.search(folded):  # "je suis tutrice de deux alternants": the user, whoever is named
        # unless the user only handles a named person's file ("je gère le dossier de M. Perret : CDD…")
        named = _NAMED_OTHER.search(folded.lower()) and not _USER_CASE.search(folded.lower())
        return "other" if named else "user"
    if _THIRD_PERSON.search(folded):
        return "other"
    return "user" if _FIRST_PERSON.search(folded) else None


def describes_case(message: str, today: date) -> bool:
    """The message opens a description of a case ("Il est en CDI depuis 2018 et il a un BTS."): facts
    stated without asking, and not as a change to the previous question ("non, en CDD", "et pour un
    CDD."), so they stay with the person they describe for the questions that follow, whatever the
    message was read as when it was answered."""
    folded = same_length(message)
    opens = not _CORRECTION.match(folded) and not _LEAD_IN.match(folded)
    return opens and person(message) is not None and states_facts(message, today)


def adds_to_statement(message: str) -> bool:
    """After stated facts, a sentence that asks nothing ("Elle n'en a pas suivi depuis.") adds to the
    case even without a date or a figure: the adviser is still describing it."""
    text = message.strip()
    return bool(text) and "?" not in text and not _QUESTION.search(same_length(text)) and len(text.split()) >= 3


def sets_scene(typed: str, today: date) -> bool:
    """The message asked nothing and told no fact of a case: it set the scene ("RH ici : je reçois Mme
    Blanc pour son entretien professionnel.")."""
    folded = same_length(typed)
    return bool(typed) and "?" not in typed and not _QUESTION.search(folded) and not find_slots(typed, today)
