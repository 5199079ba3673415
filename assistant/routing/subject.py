"""The subject of a question, and whether a passage speaks of it (issue #21: answerability).

Why: a passage that shares a word with the question does not answer it. "Quelle est la durée
maximale d'un CDD ?" shares "CDD" with the CEP article; "Le plafond du CPF ?" shares "CPF" with
the abondement article. What the question is about is its head noun phrase ("durée maximale d'un
CDD", "plafond du CPF"): the words after the interrogative frame, up to the first preposition that
opens a complement ("en euros", "pour un CDI"). A passage speaks of the subject when it holds the
phrase's words (all of them, or all but one for a phrase of three words or more, so that a verb
caught in the phrase or an inflection does not sink it).
"""

from __future__ import annotations

import re

from assistant.routing.extraction.folding import fold

# Words of the interrogative frame and of reference to the texts: skipped before the subject starts.
_FRAME = frozenset(
    re.findall(
        r"\S+",
        """quel quelle quels quelles est sont etait ce c ca cela que qu qui quoi comment combien pourquoi quand
    ou y a t il ils elle elles on je j tu vous me m te mon ma mes ton ta tes son sa ses notre nos votre vos
    leur leurs peut peux peuvent puis dois doit doivent faut ai as avoir ont droit l le la les un une des du
    de d en au aux parle parlent prevoit prevoient dit disent texte textes accord accords avenant protocole
    convention existe exister savoir sais voudrais veux aimerais connaitre concernant sujet propos
    est-ce est-il est-elle y-a-t-il a-t-il dans sur pour avec selon chez-nous chez bonjour svp stp alors
    donc mais et-si si oui non s""",
    )
)
# Words that end the head noun phrase once it has started: prepositions opening a complement,
# conjunctions, verbs of the frame.
_BOUNDARY = frozenset(
    re.findall(
        r"\S+",
        """en pour dans sur avec a au aux quand si lorsque pendant par chez depuis selon apres avant c est sont
    peut peuvent doit doivent faut et ou mais vs contre entre sans sous vers comme quand lorsqu puisque
    car alors""",
    )
)
_MAX_TERMS = 4


def subject_phrase(question: str) -> str:
    """The question's head noun phrase, folded, frame words left out ("" when none can be told).

    The caller analyses it with the same analyser as the passages (stems, stop words)."""
    tokens = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", fold(question).replace("'", " "))
    start = 0
    while start < len(tokens) and (tokens[start] in _FRAME or tokens[start] in _BOUNDARY):
        start += 1
    phrase: list[str] = []
    for token in tokens[start:]:
        if token in _BOUNDARY and phrase:
            break
        if token not in _FRAME:
            phrase.append(token)
    return " ".join(phrase[: _MAX_TERMS + 2])


def speaks_of(terms: set[str], passage_terms: set[str]) -> bool:
    """True when a passage (its analysed terms) holds the subject's words."""
    if not terms:
        return True
    found = sum(t in passage_terms for t in terms)
    return found >= (len(terms) - 1 if len(terms) >= 3 else len(terms))
