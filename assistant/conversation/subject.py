"""What a conversation is about, in its own module so that both the resolution of a follow-up
(`followups`) and the back-references to earlier turns (`backrefs`) can build one: the `Subject`, and
the named things of the corpus a text speaks of (`find_subject`, `message_subject`, `subjects_in`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.conversation import vocabulary as v
from text.folding import same_length

_QUESTION = v.RE_QUESTION_WORDS
_REQUEST = v.RE_REQUEST
ENTITY_PATTERNS = tuple((e, re.compile(e.pattern)) for e in v.ENTITIES)
# A family ("cqp") and its members ("cqp:gestionnaire conseil"…), by name: keys "family:member".
_FAMILIES = {e.name for e in v.ENTITIES if any(m.key.startswith(e.key + ":") for m in v.ENTITIES)}
_MEMBERS = {e.name for e in v.ENTITIES if ":" in e.key}


@dataclass(frozen=True)
class Subject:
    """What a conversation is about: "Pro-A" (named in a question), "la Pro-A" (in an answer)."""

    name: str
    display: str
    topic: str
    span: tuple[int, int] = (0, 0)

    def same_as(self, other: Subject | None) -> bool:
        return other is not None and same_length(self.name) == same_length(other.name)


_ENTITY_KEYS = {e.name: e.key for e in v.ENTITIES}


def _member_of(member: Subject, family: Subject) -> bool:
    """`member` is one of `family`'s members ("le DEAES" of the Pro-A list, "CQP gestionnaire conseil" of the CQP)."""
    return _ENTITY_KEYS.get(member.name, "").startswith(_ENTITY_KEYS.get(family.name, "?") + ":")


def member_of(member: Subject, family: Subject) -> bool:
    """Public form of `_member_of`, for the modules that compare the things an exchange named (`reshaping`)."""
    return _member_of(member, family)


def find_subject(text: str) -> Subject | None:
    """The named thing of the corpus a text speaks of: the earliest, and the longest there ("CQP
    gestionnaire conseil" rather than "CQP")."""
    folded = same_length(text)
    found: list[tuple[int, int, Subject]] = []
    for entity, pattern in ENTITY_PATTERNS:
        for m in pattern.finditer(folded):
            subject = Subject(entity.name, entity.display, entity.topic, m.span())
            found.append((m.start(), m.start() - m.end(), subject))
    # "le CQP pour les délégués de l'Assurance Maladie": the family ("les CQP") names nothing of its own
    # when one of its members is named in the same text; the member is the subject
    members = {f[2].name for f in found if f[2].name in _MEMBERS}
    if members:
        found = [f for f in found if f[2].name not in _FAMILIES]
    return min(found, key=lambda f: (f[0], f[1]))[2] if found else None


# The object of a request: an article or "de" first ("du master …", "de l'épreuve orale du CQP …").
_REQUESTED = re.compile(
    r"\s*(?:a propos |au sujet |sur )?(?P<of>du |de la |de l'|des |de |d')?(?P<article>le |la |les |l'|un |une )?"
    r"(?P<name>[^.?!;:]+?)\s*[.?!;:]*\s*$"
)
_OF_ARTICLES = {"du ": "le ", "de la ": "la ", "de l'": "l'", "des ": "les "}
# A statement of what the user is doing, then its object ("Je prépare une VAE sur le CQP gestionnaire
# conseil.", "Nous avons signé la convention de formation du CQP …"): the object is the subject, as the
# object of a request is ("une VAE sur le CQP …", not the VAE in general).
_USER_DOING = re.compile(r"^(?:\s|[,;:.!…-])*(?:je |j'|nous )(?:ne |n')?(?:me |m'|nous )?[a-z]+ ")


def message_subject(text: str) -> Subject | None:
    """What a new message is about (`_object_subject`); a named thing of the corpus that the message names
    only inside a text's name ("Dans la convention du CQP conseiller offres de service, que couvre le prix
    ?") stands for that text: the text is what the message is about, and what a follow-up is asked of."""
    found = _object_subject(text)
    if found is None or found != find_subject(text):
        return found
    asking = _ASKING_CLAUSE.search(text)
    if asking is not None and asking.start("clause") > found.span[0]:
        # "Nous attendons une alternante en contrat pro : qui choisit la personne qui la suivra comme
        # tuteur ?": the scene set first names the contract, the question asks about the tutor
        asked = find_subject(asking.group("clause"))
        # ("… passer le DEAES : ce diplôme est-il ouvert à la Pro-A ?": the scene names a member of the family the
        # question names, the more specific thing stays the subject)
        if asked is not None and not asked.same_as(found) and not _member_of(found, asked):
            at = asking.start("clause")
            return Subject(asked.name, asked.display, asked.topic, (at + asked.span[0], at + asked.span[1]))
    folded = same_length(text).lower()
    spans = [m.span() for m in _TEXT_NAME.finditer(folded)]
    inside = next(((a, b) for a, b in spans if a <= found.span[0] < b), None)
    outside = [
        m
        for _, pattern in ENTITY_PATTERNS
        for m in pattern.finditer(folded)
        if not any(a <= m.start() < b for a, b in spans)
    ]
    if inside is None or outside:
        return found
    phrase = _TEXT_ARTICLE.match(folded, inside[0])
    start = phrase.end() if phrase else inside[0]
    name = text[start : inside[1]].strip()
    article = phrase.group("article") if phrase else ""
    return Subject(name, f"{article}{name}", found.topic, (start, inside[1]))


_TEXT_NAME = v.RE_TEXT_NAME
# the question a message ends with, after a statement that sets its scene ("… alternante en contrat pro : qui …?")
_ASKING_CLAUSE = re.compile(r"[.:!]\s+(?P<clause>[^.:!?]+\?)\s*$")
_TEXT_ARTICLE = re.compile(r"(?:dans |selon |d'apres )?(?P<article>l'|le |la |les |cet |cette |ce )")


def _object_subject(text: str) -> Subject | None:
    """What a new message is about. A request to be told about something ("Parle-moi du master
    manager stratégique qu'on peut faire en Pro-A.", "J'ai entendu parler de l'épreuve orale du CQP
    GC.") is about the whole thing it names — the master, the oral exam — not only the named thing of
    the corpus inside it (the Pro-A, the CQP): the next message's "y entrer", "elle dure combien ?"
    point to the former. Any other message: its named thing (`find_subject`)."""
    found = find_subject(text)
    folded = same_length(text)
    if found is None:
        return None
    request = _REQUEST.match(folded)
    ends = [request.end()] if request is not None else []
    doing = _USER_DOING.match(folded)
    if not ends and doing is not None and "?" not in text and not _QUESTION.search(folded):
        # (a question in the first person asks; only a statement says what the user is doing: its verb is
        # one word or an auxiliary and a participle, "j'ai commencé", "nous avons signé")
        ends = [
            doing.end(),
            *([doing.end() + len(m.group(0))] if (m := re.match(r"[a-z]+ ", folded[doing.end() :])) else []),
        ]
    m = next(
        (m for end in ends if (m := _REQUESTED.match(folded, end)) and (m.group("of") or m.group("article"))), None
    )
    if m is None or _QUESTION.match(folded, m.start("name")):
        return found
    name = text[m.start("name") : m.end("name")].strip()
    start, end = m.span("name")
    if not 2 <= len(name.split()) <= 12 or (found.span[0] <= start and end <= found.span[1] + 1):
        return found  # "parle-moi du CQP GC": the named thing itself, by its own name
    article = m.group("article") or _OF_ARTICLES.get(m.group("of") or "", "")
    return Subject(name, f"{article}{name}", found.topic, (start, end))


def subjects_in(text: str) -> list[Subject]:
    """Every named thing of the corpus a text speaks of."""
    folded = same_length(text)
    return [
        Subject(e.name, e.display, e.topic, m.span())
        for e, pattern in ENTITY_PATTERNS
        for m in pattern.finditer(folded)
    ]


def subject_of(topic: str | None, found: Subject | None) -> Subject | None:
    """The subject a turn is about: the one its question named, else the one of its topic."""
    if found is not None:
        return found
    key = v.TOPIC_ENTITIES.get(topic or "")
    entity = next((e for e in v.ENTITIES if e.key == key), None)
    return Subject(entity.name, entity.display, entity.topic) if entity else None


_POINTING = re.compile(r"\b(?:ce|cet|cette|ces|ledit|ladite|ce meme|cette meme)\s+$")


def points_to(text: str, named: Subject, previous: Subject) -> bool:
    """The message names the previous subject by its kind after a demonstrative ("ce CQP" after the CQP
    conseiller offres de services): the same thing, not the kind in general."""
    if named.topic != previous.topic or len(named.name) >= len(previous.name):
        return False
    start = named.span[0]
    return bool(_POINTING.search(same_length(text[:start]).lower()))


def asks_nothing_else(body: str, subject: Subject) -> bool:
    """The message, without the subject it names, asks nothing of its own ("même question pour le
    manager opérationnel", "et pour l'inspecteur, c'est plus haut ?"): the previous question about it."""
    folded = same_length(body)
    m = next((m for e, pattern in ENTITY_PATTERNS if e.name == subject.name for m in pattern.finditer(folded)), None)
    if m is None:
        return False
    rest = (folded[: m.start()] + " " + folded[m.end() :]).strip()
    return bool(v.RE_EMPTY_PREDICATE.match(rest))


def after_subject_clause(body: str, subject: Subject | None) -> str:
    """What a correction asks after the clause naming its subject ("je parlais du formateur interne, pas
    du tuteur : elle est versée quand ?" → "elle est versée quand ?"), "" when nothing asking follows."""
    if subject is None:
        return ""
    folded = same_length(body)
    m = next((m for e, pattern in ENTITY_PATTERNS if e.name == subject.name for m in pattern.finditer(folded)), None)
    colon = folded.find(":", m.end()) if m else -1
    asked = body[colon + 1 :].strip() if colon >= 0 else ""
    return asked if asked and ("?" in asked or v.RE_QUESTION_WORDS.search(same_length(asked))) else ""
