"""Going back to an earlier person's case: "Revenons à Agnès : …", "et pour Julien ?", "et pour elle ?".

Facts belong to a person (`frames`): after a colleague's case then the user's own ("Et moi, en CDI
depuis quatre ans ?"), a message may take up the first person's case again. It names that person as
the earlier message did — a first name or a surname after "M." / "Mme", capitalised in both messages —
or, right after the user's own case, points to the other person by a pronoun ("et pour elle ?", "et
lui, alors ?"). The earlier question of that person is then the one the message follows up, with its
facts; what the message asks is read against it as if it had been the last question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.conversation.backrefs import EarlierTurn
from assistant.conversation.statements import person
from assistant.conversation.subject import find_subject
from text.folding import same_length

# "revenons à", "pour revenir à", "retour à", "et pour", "concernant", "quant à", "et" — then the person
_TO_PERSON = re.compile(
    r"^(?:(?:et\s+)?(?:revenons|revenir|pour revenir|pour en revenir|j'en reviens|je reviens|on revient|retour|"
    r"retournons|je retourne)\s+"
    r"(?:a|au|sur)\s+(?:(?:le cas|la situation|le dossier) (?:de |d')\s*)?|(?:et\s+)?(?:pour|concernant|quant a|"
    r"s'agissant de|cote)\s+|et\s+|(?:et\s+)?(?:le cas|la situation|le dossier) (?:de |d')\s*)"
    r"(?P<who>(?:(?:m\.|mme|mlle|monsieur|madame)\s+)?\S+)"
    r"\s*(?:[:,;?]\s*|$|(?=\s))"
)
_PRONOUN = re.compile(
    r"^(?:et\s+)?(?:pour|concernant|quant a|cote)\s+(?P<who>elle|lui|la premiere|le premier|l'autre)\b\s*[:,;?]?\s*"
    r"|^et\s+(?P<who2>elle|lui|l'autre)\b\s*(?:,\s*|alors\s*|\?\s*|$)"
)
_NAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?")
_TITLE = re.compile(r"(?:m\.|mme|mlle|monsieur|madame)\s+", re.IGNORECASE)


def back_to_person(body: str, turns: Sequence[EarlierTurn]) -> tuple[EarlierTurn, str] | None:
    """The earlier turn of the person `body` goes back to, and what it asks of that case ("" for nothing
    else); None when it names no earlier person or names the last one."""
    if len(turns) < 2:
        return None
    folded = same_length(body).lower()
    m = _TO_PERSON.match(folded)
    if m is not None:
        who = body[m.start("who") : m.end("who")]
        name = _TITLE.sub("", who).strip(" ,;:?!.")
        if _NAME.fullmatch(name) and find_subject(name) is None:
            word = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
            if word.search(turns[-1].question):
                return None  # the last case is that person's: an ordinary follow-up
            for turn in reversed(turns[:-1]):
                if word.search(turn.question):
                    return turn, body[m.end() :].strip()
    p = _PRONOUN.match(folded)
    if p is not None and person(turns[-1].question) == "user":
        # "et pour elle ?" right after the user's own case: the person spoken of before it
        for turn in reversed(turns[:-1]):
            if person(turn.question) == "other":
                return turn, body[p.end() :].strip()
    return None
