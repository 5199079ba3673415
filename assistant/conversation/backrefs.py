"""Back-references past the last turn: the subject a follow-up names among the earlier turns.

A follow-up is normally about the last turn's subject (`followups.resolve`). Three wordings point
further back, and reading them against the last turn answers about the wrong thing:

* going back explicitly — "revenons à la première : elle est versée quand ?", "le premier dont je
  t'ai parlé, il est de quel niveau ?" (an ordinal over the subjects in the order they came up), or
  "revenons au diplôme : …" (a noun of an earlier question: the subject it belongs to, or the noun
  phrase it heads there, "diplôme d'accompagnant éducatif et social");
* a noun that heads an earlier subject and not the last one — "son contrat peut aller jusqu'à
  combien de mois ?" after a contrat de professionnalisation, then a CQP;
* "les deux" — "il peut cumuler les deux primes ?" after a trainer, then a tutor: both subjects;
* an ordinal or "l'autre" standing for an earlier thing anywhere in the message — "et pour le premier
  dispositif, …", "le second des deux est-il … ?", "pour l'autre, elle est versée quand ?", "la première
  de ces deux absences" (`ordinal_subject`): French makes such a phrase a pronoun over the things spoken
  of when nothing follows it, when a partitive follows ("des deux", "de ces trois …"), or when its noun
  is a kind of thing spoken of (the head of an earlier subject, "dispositif", "sujet"…) without a
  complement of its own ("le premier jour du mois", "la première année" are no such phrases).

And one wording points back to a whole earlier question rather than its subject: "reprends le
premier calcul avec 9 mois", "la deuxième question, mais en CDD" — the ordinal counts the earlier
calculations (or questions), and the rest of the message is merged into that question's facts.

All of it reads folded text (`text.folding.same_length`, which keeps offsets), so the phrase taken
from an earlier question keeps its accents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.conversation.subject import Subject, find_subject, subjects_in
from text.folding import same_length

_ORDINALS = {
    "premier": 0,
    "premiere": 0,
    "1er": 0,
    "1ere": 0,
    "deuxieme": 1,
    "second": 1,
    "seconde": 1,
    "2e": 1,
    "troisieme": 2,
    "3e": 2,
}
_ORDINAL = "|".join(sorted(_ORDINALS, key=len, reverse=True))
# Words that count earlier things rather than name one ("la première", "le dernier point").
ORDINAL_WORDS = frozenset(_ORDINALS) | {"dernier", "derniere"}
# "revenons à la première :", "pour revenir au diplôme,", "je reviens sur le CQP :" — then the question.
_BACK_TO = re.compile(
    r"^(?:(?:revenons|revenir|je reviens|on revient|je retourne|retournons|pour revenir|pour en revenir|j'en reviens|"
    r"on en revient|retour)\s+"
    r"(?:a la |a l'|au |aux |a |sur (?:le |la |l'|les )?)|(?:reprenons|reprenez|on reprend|je reprends)\s+)"
    r"(?P<what>[^:,;?]+?)"
    r"\s*(?:[:,;]\s*|(?=\s*\b(?:il|elle|ils|elles|c'est|ca)\b))"
)
# "le premier dont je t'ai parlé, …", "la deuxième, …"
_ORDINAL_FIRST = re.compile(rf"^(?:le|la|l')\s*(?P<what>{_ORDINAL})\b(?:\s+(?:dont|que|qu')[^:,;?]*)?\s*[:,;]\s*")
# "reprends le premier calcul avec 9 mois", "et la deuxième question, en CDD ?", "refais le dernier calcul :",
# "pour revenir à ma première question : …", "sur le premier point : …" — an ordinal over the questions
# (or the calculations) asked before, then what to do with it.
_EARLIER_QUESTION = re.compile(
    r"^(?:(?:reprends|reprenez|reprenons|on reprend|refais|refaites|refaisons|recalcule|recalculez|"
    r"relance|relancez|et|pour|dans|sur|concernant|quant|(?:pour )?revenir|revenons|je reviens|on revient|"
    r"je retourne|retournons|retour|a propos|au sujet)\s+(?:(?:a|sur|de)\s+)?)?"
    r"(?:le|la|l'|au|ma|mon|ta|ton|votre|notre)\s*"
    rf"(?P<what>{_ORDINAL}|dernier|derniere)\s+(?P<noun>calcul|simulation|question|cas|point|sujet|demande|message)s?\b"
    r"\s*(?:[:,;.]\s*)?"
)
# ("cette prime": the determiner is a whole word, never "ce" read off the front of "cette")
_POSSESSED = re.compile(r"\b(?:(?:son|sa|ses|le|la|les|ce|cet|cette|ces|leur)\s+|l')(?P<noun>[a-z-]{3,})\b")
_BOTH = re.compile(r"\b(?:les|ces) deux\b(?: (?P<noun>[a-z-]{3,}))?")
_COMPLEMENT = re.compile(r" (?:de|du|des|d')\b")
_PRONOUNS = {"peut", "sont", "ont", "vont", "doit", "doivent", "fois", "cas"}
# Where a noun phrase taken from an earlier question stops: a verb, a relative, punctuation.
_PHRASE_END = re.compile(
    r"\s+(?:est|sont|a|ont|etait|sera|dans|qui|que|qu'|pour|peut|peuvent|c'est|entre|se|il|elle|figure|fait)\b|[,;:?!.]"
)


@dataclass(frozen=True)
class EarlierTurn:
    """What back-references read of an earlier turn: its question as understood, and its subject."""

    question: str
    subject: Subject | None
    calculator: str | None = None  # the calculator that answered it, if one did


@dataclass(frozen=True)
class BackReference:
    """The earlier subject a message points to, and the message without its "revenons à …" clause."""

    subject: Subject
    rest: str


def going_back(body: str, turns: Sequence[EarlierTurn]) -> BackReference | None:
    """ "revenons à la première : …", "le premier dont je t'ai parlé, …", "revenons au diplôme : …"."""
    folded = same_length(body)
    m = _BACK_TO.match(folded) or _ORDINAL_FIRST.match(folded)
    if m is None or not turns:
        return None
    what = re.sub(r"^(?:le|la|les|l')\s*(?:tout\s+)?", "", m.group("what").strip())
    rest = body[m.end() :].strip()
    if not rest:
        return None
    first_word = what.split(" ", 1)[0]
    if first_word in _ORDINALS:
        index = _ORDINALS[first_word]
        subjects = _counted(turns, index + 1)
        return BackReference(subjects[index], rest) if index < len(subjects) else None
    named = find_subject(what)
    earlier = next((t.subject for t in reversed(turns) if named is not None and named.same_as(t.subject)), None)
    if named is not None and earlier is not None:
        # "reprenons les options du gestionnaire conseil : laquelle… ?": that subject, and what of it is asked
        start, end = named.span
        other_words = re.findall(r"[a-z]{3,}", what[:start] + " " + what[end:])
        typed = body[m.start("what") : m.end("what")].strip()
        return BackReference(earlier, f"{typed}, {rest}" if other_words else rest)
    subject = _named_earlier(what, turns)
    return BackReference(subject, rest) if subject is not None else None


# an ordinal (or "l'autre") with its article, then a partitive, a noun, a relative, or nothing
_ORDINAL_PHRASE = re.compile(
    r"(?:\b(?:pour|sur|concernant|quant a|a propos de|au sujet de|dans)\s+)?"
    r"\b(?:le|la|l'|au)\s*(?:tout\s+)?(?P<ord>" + _ORDINAL + r"|autre)\b"
    r"(?:(?P<partitive>\s+(?:des|de ces|d'entre) (?P<count>deux|trois|eux|elles)\b"
    r"(?:\s+(?!(?:est|etait|sera|a|avait|peut|se|on|il|elle|ne|y|en)\b)(?P<kind>[a-z-]{3,}))?)"
    r"|\s+(?P<noun>(?!(?:dont|que|qu|des|de|du)\b)[a-z-]{3,}))?"
    r"(?P<relative>\s+(?:dont|que|qu')[^,:;?]*)?"
)
# what follows a bare ordinal used as a pronoun: punctuation or a verb ("le premier est-il", "l'autre, …")
_PRONOUN_NEXT = re.compile(
    r"\s*(?:[,:;?!.]|$|(?:est|etait|sera|a|avait|aura|peut|pourrait|se|s'|on|il|elle|ne|n'|y|en|lui|dure|"
    r"vaut|donne|mene|concerne|vise|prevoit|permet|ouvre|coute|rapporte)\b)"
)
# nouns that name a thing spoken of by its kind, whatever it is
_KIND_NOUNS = frozenset({"dispositif", "dispositifs", "sujet", "theme", "certificat", "certification", "mesure"})


def ordinal_subject(body: str, turns: Sequence[EarlierTurn]) -> BackReference | None:
    """ "pour le premier dispositif, …", "le second des deux est-il … ?", "pour l'autre, …": the earlier
    subject the phrase stands for, and the message without it. Ordinals count the subjects in the order
    they came up (the last two or three after "des deux" / "des trois"); "l'autre" is the latest subject
    that is not the last turn's. None when the phrase is no pronoun over the subjects (see the module
    docstring) or the count goes past them."""
    folded = same_length(body).lower()
    subjects = _counted(turns, 2)
    if len(subjects) < 2:
        return None
    for m in _ORDINAL_PHRASE.finditer(folded):
        noun = m.group("noun")
        if noun is not None:
            heads = {_head(s) for s in subjects} | {s.topic for s in subjects}
            if noun.rstrip("s") not in heads and noun not in _KIND_NOUNS:
                continue
            if _COMPLEMENT.match(folded, m.end("noun")):
                continue  # "le premier dispositif de formation du salarié": a noun phrase of its own
        elif m.group("partitive") is None and m.group("relative") is None and not _PRONOUN_NEXT.match(folded, m.end()):
            continue
        pool = subjects
        count = m.group("count")
        if count in ("deux", "trois"):
            pool = subjects[-(2 if count == "deux" else 3) :]
        ordinal = m.group("ord")
        if ordinal == "autre":
            last = next((t.subject for t in reversed(turns) if t.subject is not None), None)
            others = [s for s in pool if not s.same_as(last)]
            if not others or (noun is not None and noun not in _KIND_NOUNS and count is None):
                continue
            subject = others[-1]
        else:
            index = _ORDINALS[ordinal]
            if index >= len(pool):
                continue
            subject = pool[index]
        rest = (body[: m.start()] + " " + body[m.end() :]).strip()
        rest = re.sub(r"^[\s,:;]+|\s+(?=[,.])", "", rest)
        rest = re.sub(r"\s{2,}", " ", rest)
        return BackReference(subject, rest)
    return None


def earlier_question(body: str, turns: Sequence[EarlierTurn]) -> tuple[EarlierTurn, str] | None:
    """ "reprends le premier calcul avec 9 mois": the earlier turn the ordinal points to (among the
    calculations for "calcul"/"simulation", among all the questions otherwise) and the rest of the
    message, whose facts replace that question's. None when the ordinal goes past the turns."""
    m = _EARLIER_QUESTION.match(same_length(body))
    if m is None:
        return None
    calculations = m.group("noun") in ("calcul", "simulation")
    candidates = [t for t in turns if t.calculator] if calculations else list(turns)
    what = m.group("what")
    index = -1 if what.startswith("dernier") else _ORDINALS[what]
    if not candidates or index >= len(candidates):
        return None
    return candidates[index], body[m.end() :].strip()


def head_noun_subject(body: str, last: Subject | None, turns: Sequence[EarlierTurn]) -> Subject | None:
    """ "son contrat …" when "contrat" heads an earlier subject but not the last one: that subject."""
    folded = same_length(body)
    last_words = set(same_length(last.name).lower().split()) if last else set()
    for m in _POSSESSED.finditer(folded):
        noun = m.group("noun")
        if _COMPLEMENT.match(folded, m.end()):
            continue  # "le contrat de travail" is another contract than an earlier "contrat de pro"
        if noun in last_words or noun.rstrip("s") in last_words:
            return None
        for turn in reversed(turns):
            subject = turn.subject
            if subject is not None and _head(subject) in (noun, noun.rstrip("s")):
                return subject
    return None


def both_subjects(body: str, turns: Sequence[EarlierTurn]) -> Subject | None:
    """ "les deux primes" after two subjects: both of them, the older first."""
    both = _BOTH.search(same_length(body))
    subjects = _distinct([t.subject for t in turns])
    if both is None or len(subjects) < 2:
        return None
    a, b = subjects[-2:]
    noun = both.group("noun")
    if noun and noun.rstrip("sx") not in (_head(a), _head(b)) and noun not in _PRONOUNS:
        return None  # "les deux options" counts something else than the two subjects
    return Subject(f"{a.name} et {b.name}", f"{a.display} et {b.display}", b.topic)


def _head(subject: Subject) -> str:
    return same_length(subject.name).lower().split(" ", 1)[0]


def _distinct(subjects: Sequence[Subject | None]) -> list[Subject]:
    """The subjects in the order they came up, each once."""
    kept: list[Subject] = []
    for s in subjects:
        if s is not None and not any(s.same_as(k) for k in kept):
            kept.append(s)
    return kept


def _counted(turns: Sequence[EarlierTurn], needed: int) -> list[Subject]:
    """The things an ordinal counts: the turns' subjects in the order they came up; when they are fewer than the
    ordinal needs, the things the earlier questions named, in the order they were written ("je compare celui de
    gestionnaire conseil et celui de conseiller offres de services" then "et le second ?": one turn, two things,
    whatever subject that turn was given, even none when it was refused)."""
    subjects = _distinct([t.subject for t in turns])
    if len(subjects) >= needed:
        return subjects
    named = [s for t in turns for s in sorted(subjects_in(t.question), key=lambda s: s.span[0])]
    # ("deux CQP : contrôleur allocataire et manager opérationnel": the family named before its members is no
    # thing counted)
    listed = _distinct([s for s in named if not any(o.name.startswith(f"{s.name} ") for o in named)])
    return listed if len(listed) > len(subjects) else subjects


def _named_earlier(noun_phrase: str, turns: Sequence[EarlierTurn]) -> Subject | None:
    """The subject an earlier question names by `noun_phrase`'s head word: its own subject when that
    word is in its name, else the noun phrase the word heads in that question."""
    noun = noun_phrase.split(" ", 1)[0]
    if len(noun) < 3:
        return None
    word = re.compile(rf"\b{re.escape(noun)}s?\b")
    for turn in reversed(turns):
        subject = turn.subject
        if subject is not None and word.search(same_length(subject.name).lower()):
            return subject
        folded = same_length(turn.question).lower()
        m = word.search(folded)
        if m is None:
            continue
        end = _PHRASE_END.search(folded, m.end())
        stop = end.start() if end else len(folded)
        phrase = turn.question[m.start() : stop].strip()
        article = re.search(r"\b(?:le|la|les) $|\bl'$", folded[max(0, m.start() - 4) : m.start()])
        display = (article.group(0).lower() if article else "") + phrase
        topic = subject.topic if subject is not None else ""
        return Subject(phrase, display, topic)
    return None


def mentioned_by_head(body: str, question: str, previous: Subject | None) -> Subject | None:
    """A named thing of the previous `question`, other than its subject, that `body` names by its head noun
    alone ("ma casquette de formatrice" after "… tutrice et formatrice occasionnelle. Côté tutorat, … ?"):
    that thing, named as the question named it; None when the message names no such head noun."""
    words = {w[:5] for w in re.findall(r"[a-z]{5,}", same_length(body).lower())}
    for subject in subjects_in(question):
        if previous is not None and (subject.same_as(previous) or subject.topic == previous.topic):
            continue
        typed = question[subject.span[0] : subject.span[1]]
        if same_length(typed).lower().split(" ", 1)[0][:5] in words:
            return Subject(subject.name, typed, subject.topic, subject.span)
    return None
