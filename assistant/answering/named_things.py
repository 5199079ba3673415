"""The thing a question names and the frame around it, read from its words (scope16, #21).

Why: what a question asks of a named thing (its length, its count) must be stated by a passage of that thing, and
the subject phrase of "quelle est la durée de la formation menant au CQP délégué de l'assurance maladie" is the
length itself ("durée"); the certification named by its kind and its name is the thing. And a verb inverted after
"CQP" ("mon CQP a-t-il été créé") is the question's frame, not the name of another branch's CQP.
"""

from __future__ import annotations

import re

from assistant.answering.units import PREFIX
from assistant.routing.extraction.folding import fold
from knowledge.french import analyze

# The verb of the question's frame after "CQP" ("mon CQP a-t-il été créé", "le CQP est-il reconnu"), no name of one.
_FRAME_VERB = re.compile(r"(?:a|est|sont|peut|peuvent|doit|doivent|va|vont|fait|font)?(?:-t)?-(?:il|elle|ils|elles|on)")


def frame_verb(word: str) -> bool:
    """A verb inverted with its subject pronoun ("a-t-il", "est-il", "sera-t-il"): the frame, not a CQP's name."""
    return bool(_FRAME_VERB.search(word)) and word.endswith(("il", "elle", "ils", "elles", "on"))


# A certification named by its kind and its name: "le CQP inspecteur du recouvrement", "la formation menant au CQP
# délégué de l'assurance maladie", "le diplôme d'État de moniteur éducateur" (folded, apostrophes as spaces).
_CERTIFICATION = re.compile(
    r"\b(?:cqp|diplome d etat|titre professionnel)\s+(?:(?:de|du|des|d|la|le|l)\s+)*((?:[a-z][a-z-]+\s*){1,4})"
)


def named_certification(query: str) -> list[str]:
    """The analysed terms of the name of the certification the question names ("cqp inspecteur du recouvrement" →
    its name's terms), up to the frame's next word; [] when it names none."""
    match = _CERTIFICATION.search(fold(query).replace("'", " "))
    if match is None:
        return []
    words = []
    for word in match.group(1).split():
        if word in _NAME_ENDS or frame_verb(word):
            break
        words.append(word)
    return list(dict.fromkeys(t[:PREFIX] for t in analyze(" ".join(words))))


# Words that end a certification's name in a question: the frame's verbs, pronouns and links to what is asked.
_NAME_ENDS = frozenset(
    re.findall(
        r"\S+",
        """est sont a ont peut peuvent doit doivent dure durent se en pour dans sur avec par qui que qu quel quelle et
    ou il elle ils elles on y comporte compte coute""",
    )
)
