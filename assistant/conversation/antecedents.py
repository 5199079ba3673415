"""What a follow-up's pronoun stands for when it cannot be the previous subject, and "même question pour…".

**Gender and number.** "il donne quel diplôme ?" after "Le master manager stratégique de la liste
Pro-A m'intéresse." cannot be about *la* Pro-A: a masculine pronoun points to a masculine noun phrase
of the previous question, the master. "elle prend effet quand ?" after "…une convention de formation
pour le CQP conseiller offres de service." is about the convention, not *le* CQP. French grammar
decides it, for any noun: the subject pronoun's gender and number are compared with the previous
subject's article (`Subject.display`), and when they disagree the first noun phrase of the previous
question whose article agrees is the antecedent (`pronoun_antecedent`). A person named in the
previous question ("la salariée") is left to the readers of a case, never taken as a subject.

**The same question about another thing.** "même question pour les APT" after "Quelle note
éliminatoire à l'écrit du CQP … ?" asks the previous question again with the new thing in place of
the one of the same kind (the exams are the grade reader's own labels), or with the new thing added
when the previous question holds none of its kind (`same_question`).
"""

from __future__ import annotations

import re

from assistant.conversation import vocabulary as v
from assistant.conversation.subject import Subject
from assistant.routing.extraction.grades import GRADE_LABELS
from text.folding import same_length

# A subject pronoun opening the question, or inverted after its verb ("donne-t-il"); impersonal uses
# ("il faut", "il y a", "s'agit-il") point to nothing.
_LEAD = r"^(?:\s|[,;:.!…-])*(?:(?:et|alors|mais|ok|bon|sinon|puis)\b(?:\s|[,;:.!…-])*)*"
_OPENING_PRONOUN = re.compile(
    _LEAD + r"(?P<p>il|elle|ils|elles)\b(?! (?:faut|fallait|faudra|y a|y avait|s'agit|reste|suffit|semble))"
)
_INVERTED_PRONOUN = re.compile(r"(?<!faut)(?<!y a)(?<!agit)(?<!suffit)-(?:t-)?(?P<p>il|elle|ils|elles)\b")
_PRONOUN_AGREEMENT = {"il": "m", "elle": "f", "ils": "p", "elles": "p"}
_ARTICLE_AGREEMENT = {
    "le": "m",
    "un": "m",
    "du": "m",
    "au": "m",
    "ce": "m",
    "cet": "m",
    "la": "f",
    "une": "f",
    "cette": "f",
    "les": "p",
    "des": "p",
    "aux": "p",
    "ces": "p",
}
_ARTICLE_NOUN = re.compile(
    r"\b(?P<article>" + "|".join(sorted(_ARTICLE_AGREEMENT, key=len, reverse=True)) + r") (?P<noun>[a-z][a-z-]{2,})"
)
# Where a noun phrase of the previous question stops: a verb or a clitic before one, a relative, punctuation.
_PHRASE_END = re.compile(
    r"\s+(?:est|sont|a|ont|etait|sera|dans|qui|que|qu'|pour|peut|peuvent|c'est|entre|se|s'|il|elle|figure|fait|"
    r"m'|me|t'|te|nous|vous|lui|leur|y|en|ne|n'|va|vont|doit|doivent|permet|donne|prend)\b|[,;:?!.]"
)
_PERSON = v.RE_THIRD_PERSON


# a noun phrase before the verb in the pronoun's clause ("l'organisme de formation doit-il …")
_NOUN_SUBJECT = re.compile(
    r"\b(?:le|la|les|l'|un|une|des|du|ce|cet|cette|ces|mon|ma|mes|notre|nos|votre|vos) ?[a-z]{3,}"
)


def _inverted_alone(folded: str) -> re.Match[str] | None:
    """An inverted subject pronoun ("donne-t-il", "quand commence-t-elle") standing for a thing spoken of
    before; not the pronoun of a complex inversion, which repeats the noun its clause opens with
    ("l'organisme de formation doit-il nous envoyer …": the organisme, named there)."""
    m = _INVERTED_PRONOUN.search(folded)
    if m is None:
        return None
    clause = re.split(r"[,;:.?!]", folded[: m.start()])[-1]
    return None if _NOUN_SUBJECT.search(clause) else m


def _agreement(display: str) -> str | None:
    """The gender or number of a subject from its article ("la Pro-A": f), None for "l'…"."""
    article = same_length(display).split(" ", 1)[0]
    return _ARTICLE_AGREEMENT.get(article)


def pronoun_antecedent(body: str, previous: Subject | None, question: str) -> Subject | None:
    """The noun phrase of `question` the subject pronoun of `body` stands for, when the pronoun's gender
    or number rules out the previous subject; None when it agrees with it (or nothing decides)."""
    if previous is None:
        return None
    folded = same_length(body)
    m = _OPENING_PRONOUN.match(folded) or _inverted_alone(folded)
    expected = _agreement(previous.display)
    if m is None or expected is None or _PRONOUN_AGREEMENT[m.group("p")] == expected:
        return None
    wanted = _PRONOUN_AGREEMENT[m.group("p")]
    asked = same_length(question)
    for candidate in _ARTICLE_NOUN.finditer(asked):
        if _ARTICLE_AGREEMENT[candidate.group("article")] != wanted or _PERSON.match(asked, candidate.start("noun")):
            continue
        end = _PHRASE_END.search(asked, candidate.end("noun"))
        stop = end.start() if end else len(asked)
        phrase = question[candidate.start("noun") : stop].strip()
        if previous.same_as(Subject(phrase, phrase, previous.topic)):
            continue
        article = candidate.group("article")
        article = {"un": "le", "une": "la", "du": "le", "au": "le", "des": "les", "aux": "les"}.get(article, article)
        return Subject(phrase, f"{article} {phrase}", previous.topic)
    return None


def pronoun_beside_named(body: str, named: Subject, question: str, topic: str) -> Subject | None:
    """The noun phrase of the previous `question` that the subject pronoun opening `body` stands for, when
    the thing `body` names itself cannot be it: "Il est ouvert à la Pro-A ?" after "Je m'intéresse au
    diplôme d'État d'accompagnant éducatif et social." — the Pro-A is the complement, *la* Pro-A cannot be
    *il*, so "il" is the diploma. None when the named thing agrees with the pronoun ("il est comment, le
    CQP … ?" names its own antecedent) or the previous question has no agreeing noun phrase."""
    folded = same_length(body)
    m = _OPENING_PRONOUN.match(folded) or _inverted_alone(folded)
    agreement = _agreement(named.display)
    if m is None or agreement is None or _PRONOUN_AGREEMENT[m.group("p")] == agreement:
        return None
    return pronoun_antecedent(body, Subject(named.name, _OTHER_AGREEMENT[agreement], topic), question)


# (a stand-in previous subject whose agreement is the named thing's, for `pronoun_antecedent`)
_OTHER_AGREEMENT = {"m": "le —", "f": "la —", "p": "les —"}


# "même question pour les APT", "pareil avec l'oral ?", "idem concernant le tronc commun"
_SAME_QUESTION = re.compile(
    r"^(?:(?:la |une )?meme (?:question|chose|demande)|pareil|idem)\s*[,:]?\s*"
    r"(?:pour|avec|sur|concernant|a propos d[eu]|au sujet d[eu]|cote|quant a|dans le cas d[eu]|en cas d[eu])\s+"
    r"(?P<thing>[^?!.]+?)\s*[?!.…]*\s*$"
)
_EXAMS = {key: re.compile(rf"\b{label}\b") for key, label in GRADE_LABELS.items()}
# the words in front of an exam's name in a question ("à l'écrit", "aux APT", "de l'oral", "en option")
# an exam's label may start with the grade's own noun ("note de l'option"), which the new question keeps
_GRADE_NOUN = re.compile(r"notes? ")
_IN_FRONT = re.compile(r"(?:\b(?:a|de|en|pour|sur|dans) +)?(?:\b(?:la|le|les|l') *|\b(?:au|aux|du|des) +)?$")


def same_question(body: str, question: str) -> str | None:
    """The previous `question` asked again about the thing `body` names ("même question pour les APT"),
    with it in place of the thing of the same kind, else added; None when `body` is no such request."""
    folded = same_length(body)
    m = _SAME_QUESTION.match(folded)
    if m is None:
        return None
    thing = body[m.start("thing") : m.end("thing")].strip()
    asked = same_length(question)
    new_exam = next((key for key, pattern in _EXAMS.items() if pattern.search(same_length(thing))), None)
    if new_exam is not None:
        for key, pattern in _EXAMS.items():
            old = pattern.search(asked)
            if key == new_exam or old is None:
                continue
            kept = _GRADE_NOUN.match(asked, old.start())
            if kept:  # "la note de l'option" → "la note pour le tronc commun": the label held the grade's noun
                return f"{question[: kept.end()]}pour {thing}{question[old.end() :]}"
            front = _IN_FRONT.search(asked[: old.start()])
            start = front.start() if front and front.group(0).strip() else old.start()
            spacer = "" if start == 0 or asked[start - 1] == " " else " "
            return f"{question[:start]}{spacer}pour {thing}{question[old.end() :]}"
    head = question.rstrip(" ?.!…")
    return f"{head}, pour {thing} ?"
