"""Which corpus topic a question is about, and whether it names a subject the texts do not cover.

Why apart from the router: the topic is read the same way by the router, by the several-question
splitter (`scope.half_in_scope`) and by the conversation layer; cue scores from
`assistant.routing.intents` are combined with the example bank's vote (`Reading`) when one is given.
"""

from __future__ import annotations

import re

from assistant.routing import guard_vocabulary, intents
from assistant.routing.extraction.folding import fold
from assistant.routing.meaning import OUT_OF_SCOPE, Reading

_TOPICS = {name: intents.compile_cues(cues) for name, cues in intents.TOPIC_CUES.items()}
_PARTIAL = {
    note: tuple(re.compile(p) for p in scope.patterns) for note, scope in guard_vocabulary.PARTIAL_SCOPES.items()
}
_REFUSALS = {name: tuple(re.compile(p) for p in pats) for name, pats in guard_vocabulary.REFUSAL_TOPICS.items()}


def topic_scores(folded: str, reading: Reading | None = None) -> dict[str, float]:
    """Each corpus topic's cue score, plus `intents.MEANING_WEIGHT` times its share of the bank's vote."""
    scores = {name: sum(weight for pattern, weight in cues if pattern.search(folded)) for name, cues in _TOPICS.items()}
    if reading is not None:
        for name in scores:
            scores[name] += intents.MEANING_WEIGHT * reading.score(name)
    return scores


def detect_topic(folded: str, reading: Reading | None = None) -> str | None:
    """The corpus topic with the highest score, if it reaches `intents.TOPIC_THRESHOLD`.

    Ties go to the topic listed first in `intents.TOPIC_CUES`, where topics with a calculator
    come before the general ones. With a `reading`, a topic named by no cue can win on meaning
    alone (a confident vote), and a cue word can be outvoted by what the question is about.
    """
    best, best_score = None, 0.0
    for name, score in topic_scores(folded, reading).items():
        if score > best_score:
            best, best_score = name, score
    if best_score < intents.TOPIC_THRESHOLD:
        return None
    if reading is not None and out_of_scope(folded, reading, best_score):
        return None
    return best


# A cue this strong in the asking clause names its topic there (a head noun: "entretiens", "évolution
# professionnelle"), when it is the clause's only topic and the message's topic has no cue in it.
NAMED_IN_CLAUSE = 1.5


def asked_topic(folded: str, topic: str | None = None) -> str | None:
    """The topic the asking clause names by its own cues, when the context before it is about `topic`.

    "Pour Mme Martin, on prépare son entretien pro : elle peut prétendre à la Pro-A ?" is about the Pro-A;
    the interview is the occasion. Only a clause after a colon, a full stop or a semicolon counts, only
    a topic its own words name (no meaning vote: a short clause is read on its words), and only when no
    word of the clause names `topic` ("Prem'ss le 9 mars. Jusqu'à quand pour finir mon parcours CQP ?"
    stays on the training path).
    """
    question = folded.rfind("?")
    if question < 0:
        return None
    start = max(folded.rfind(mark, 0, question) for mark in ":.;!")
    if start <= 0:
        return None
    clause = folded[start + 1 : question]
    scores = topic_scores(clause)
    if topic is not None and scores.get(topic, 0.0) > 0:
        return None
    # "… pas de formation depuis, entretien en 2021, elle a un BTS. Quels entretiens sont dus ou en retard ?": the
    # noun the clause asks about ("quels entretiens", "combien d'entretiens") names one topic alone, below the
    # threshold a whole message needs
    asked = _ASKED_NOUN.search(clause)
    noun_scores = topic_scores(asked.group(1)) if asked else {}
    named = [name for name, score in noun_scores.items() if score >= NAMED_IN_CLAUSE]
    return detect_topic(clause) or (named[0] if len(named) == 1 else None)


# The noun phrase a wh-word asks about: "quels entretiens", "combien d'entretiens", "lesquels des bilans".
_ASKED_NOUN = re.compile(
    r"\b(?:quel(?:le)?s?|combien d(?:e |')|lequel|laquelle|lesquel(?:le)?s)\s*((?:[a-z'-]+ ?){1,3})"
)


# The interview named as the moment or the occasion of what is asked: "à son entretien pro", "lors de l'entretien
# professionnel", "pendant l'entretien de bilan", "je prépare son entretien pro demain".
_OCCASION = re.compile(
    r"\b(?:lors d(?:e |u |')|pendant|durant|au cours d(?:e |u |')|a l'occasion d(?:e |u |')|au moment d(?:e |u |')|"
    r"en vue d(?:e |u |')|a|au|aux|prepar\w*)\s*"
    r"(?:l'|le |la |les |son |sa |ses |leur |leurs |cet |cette |ce |mon |ma |mes |notre |votre |un |une )?"
    r"entretiens?(?: (?:pros?|professionnels?|de bilan|annuels?(?: d'evaluation(?: et d'accompagnement)?)?))?\b"
)


def beyond_the_occasion(folded: str, topic: str | None, reading: Reading | None = None) -> str | None:
    """The topic a message names by its own words when it names the interview only as the occasion, or None.

    "Mme Lefèvre … a terminé sa dernière formation le 14 octobre 2022. À son entretien pro, doit-on lui garantir
    une formation ?" asks the training guarantee (art. 8); the interview (art. 6) is when the adviser will say it.
    An HR adviser's questions come framed by the interview they prepare, and the interview's cues outweighed the
    subject's. The interview counts as the subject again when nothing else is named once its occasions are set
    aside ("Je prépare l'entretien de bilan de Mme Roussel : avant quand ?"). The bank's vote counts with the cues
    left ("faire reconnaître son expérience pour obtenir le diplôme" names the VAE by its meaning, no cue); it read
    the whole message, so its share for the interview competes as before, with the interview's cues set aside.
    """
    if topic != "professional_reviews":
        return None
    masked = _OCCASION.sub(" ", folded)
    if masked == folded:
        return None
    other = detect_topic(masked, reading)
    return other if other != "professional_reviews" else None


def uncovered(question: str, reading: Reading | None) -> str | None:
    """What one question of a several-question message asks that the texts do not cover (its named
    out-of-corpus subject, or the question itself), or None: it names no corpus topic, and it names an
    out-of-corpus subject or the bank reads it out of scope (`scope.half_in_scope`)."""
    folded = fold(question)
    named = detect_refusal(folded)
    if detect_topic(folded, reading) is None and (named or out_of_scope(folded, reading)):
        return named or f"la question « {question.strip()} »"
    return None


def out_of_scope(folded: str, reading: Reading | None, best_score: float | None = None) -> bool:
    """True when the bank reads the question as a labour-law subject the texts do not cover.

    The out-of-scope vote must be the reading's majority and outweigh the best corpus topic's
    score (cues and meaning together): a question naming a corpus subject by a strong cue stays
    in scope unless the meaning is clearly elsewhere.
    """
    if reading is None or reading.intent != OUT_OF_SCOPE or reading.share < intents.OUT_OF_SCOPE_SHARE:
        return False
    if best_score is None:
        best_score = max(topic_scores(folded, reading).values(), default=0.0)
    return intents.MEANING_WEIGHT * reading.share + intents.OUT_OF_SCOPE_MARGIN > best_score


def detect_partial(folded: str) -> str | None:
    """A subject the texts cover only in part ("les primes de la convention"): what they leave out."""
    return next((note for note, pats in _PARTIAL.items() if any(p.search(folded) for p in pats)), None)


def detect_refusal(folded: str) -> str | None:
    """The first out-of-corpus subject named in the question, if any."""
    return next((name for name, pats in _REFUSALS.items() if any(p.search(folded) for p in pats)), None)
