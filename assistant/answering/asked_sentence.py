"""The sentence of a message that asks, read apart from the statements before it.

Split from `assistant.answering.composer`: the passages are ranked on the whole message, but its sentences are
scored on what it asks, so that a claim said first (its figure, its text's name) finds the passage without picking
the sentence that restates it; a demonstrative pointing back into a premise is read with the phrase it stands for.
"""

from __future__ import annotations

import re

from assistant.answering.units import query_weights

MIN_ASKED_TERMS = 2  # an asking sentence with fewer subject words ("C'est bien ça ?") is read with what precedes it…
ASKED_SHARE = 0.4  # … and so is one holding less than this share of the message's (idf-weighted) subject
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def asked_sentence(question: str, idf: dict[str, float] | None = None) -> str:
    """The sentence of the message that asks, when statements come before it and it names its own subject.

    "Mon avocat exige que la note éliminatoire soit 10. Quelle est la note éliminatoire à l'écrit ?": the claim
    said first (its "10", its "CQP GC") finds the passage, but scoring the sentences on it leads with the one
    restating the claim ("une moyenne ≥ 10/20 sans note éliminatoire"); the question asked is answered by the
    grid's row for the written exam. The same reading as a clause of a message asking several things
    (`clause_lead`). A lone sentence, or an asking sentence too short to stand alone, is the message itself:
    it must hold `MIN_ASKED_TERMS` subject words of its own that the retrieved passages use (`idf` > 0) and
    `ASKED_SHARE` of the message's subject, so that "Avant de rédiger : quelle est la limite réelle ?" is read
    with the claim naming what is limited.
    """
    sentences = [s for s in _SENTENCE_END.split(question.strip()) if s.strip()]
    asking = [n for n, s in enumerate(sentences) if "?" in s]
    if not asking or asking[-1] == 0 or any("?" in s for s in sentences[: asking[-1]]):
        return _demonstrative_resolved(question)  # no statement before it, or several questions (`parts`)
    last = sentences[asking[-1]]
    own = [t for t in query_weights(last) if idf is None or idf.get(t, 0.0) > 0]
    if len(own) < MIN_ASKED_TERMS:
        return question
    if idf is not None:
        mass = sum(w * idf.get(t, 0.0) for t, w in query_weights(question).items())
        if sum(w * idf.get(t, 0.0) for t, w in query_weights(last).items()) < ASKED_SHARE * mass:
            return question  # the statements carry the subject; the asking sentence only points at it
    return last


_DEMONSTRATIVE = re.compile(r"\b(?:ce|cet|cette|ces)\s+([a-zà-ÿ]{4,})\b", re.IGNORECASE)
# The noun's complement: "de / d' / du / des" and what follows, up to a punctuation mark, a preposition or a conjunction
# opening the rest of the clause ("le diplôme d'éducateur spécialisé | par la Pro-A"), five words at most.
_COMPLEMENT = (
    r"\s+(?:de|d['’]|du|des)\s*(?:(?!(?:par|pour|en|avec|dans|selon|et|ou|qui|que|sur|chez|afin|mais|car)\b)"
    r"[\wà-ÿ'’-]+\s*){1,5}"
)


def _demonstrative_resolved(question: str) -> str:
    """A question asked after a premise and a colon whose demonstrative points back into the premise, read with
    the phrase it stands for: "Aide-soignante, je vise le diplôme d'infirmière : quel organisme forme à ce diplôme
    ?" asks who trains for the nurse's diploma, and the premise's other words ("aide-soignante", the asker's own
    job) must not pick the sentence. The question itself when there is no such premise or antecedent."""
    premise, colon, asked = question.rpartition(" : ")
    if not colon or "?" in premise:
        return question
    match = _DEMONSTRATIVE.search(asked)
    if match is None:
        return question
    noun = re.escape(match.group(1))
    found = list(re.finditer(rf"\b{noun}{_COMPLEMENT}", premise, re.IGNORECASE))
    if not found:
        return question
    antecedent = found[-1].group(0).strip()
    return f"{asked[: match.start()]}{antecedent}{asked[match.end() :]}"
