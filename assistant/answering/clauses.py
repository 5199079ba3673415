"""A message that asks several things: each asking clause answered in turn, from its own passages.

"La contribution de branche, elle est de combien et qui la gère ?" asks two things. The composer
answers the whole message with one lead sentence, which holds the figure and says nothing of who
manages the money, although the same article says it two sentences later. Here the message is cut
into its asking clauses by its own grammar (a "?" that ends one question before another starts, or
a coordination — ", et", "et", ";" — whose two sides each ask: an interrogative word, an inverted
subject "peut-elle", "est-ce que"); the context said first (before a colon, or a dislocated subject
"Les tuteurs, …") goes with every clause. Each clause is searched on its own and led by its own
sentence (`clause_lead.clause_lead`); a clause whose sentence the answer's lead already states adds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from assistant.answering import wording
from assistant.answering.answer_types import asked_types, closes
from assistant.answering.citations import CitationBook
from assistant.answering.clause_lead import clause_lead
from assistant.answering.composer import compose_retrieval
from assistant.answering.meaning import UnitMeaning
from assistant.answering.units import query_weights
from ingest.models import Chunk
from knowledge.hybrid import Evidence

Search = Callable[[str, int], Sequence[Evidence]]

# A word that asks, wherever it stands in a clause (the relative "qui" of "les salariés qui…" is not one:
# "qui" asks only at the clause's start or after "c'est", a preposition, or before "?").
_ASKING_WORD = re.compile(
    r"\b(?:combien|quel(?:le)?s?|quand|comment|où|pourquoi|quoi|lequel|laquelle|lesquel(?:le)?s|est-ce)\b|"
    r"^\s*(?:et\s+)?(?:qui|que|qu['’])\b|\b(?:c['’]est|par|à|pour|avec|de)\s+qui\b|\bqui\s*\?|"
    r"\b[a-zà-ÿ]+-(?:t-)?(?:il|elle|ils|elles|on|je|tu|nous|vous)\b",
    re.IGNORECASE,
)
# Where two asking clauses meet: ", et", " et ", ";", ", puis", ", ou" (each side must ask on its own).
_COORDINATION = re.compile(r"\s*(?:,\s*(?:et|puis|ou|mais)\b|\bet\b|;)\s*", re.IGNORECASE)
MAX_PARTS = 3  # a message asking more than this is a list of topics, answered as a whole
MIN_OWN_TERMS = 2  # a clause with fewer subject words of its own ("et dans quel cadre ?") reads the one before


def asks(clause: str) -> bool:
    """Whether a clause asks something on its own: a question mark, an interrogative word, an inversion,
    or the frame of a yes/no question ("c'est gratuit", "on peut …": `answer_types.closes`)."""
    return clause.rstrip().endswith("?") or bool(_ASKING_WORD.search(clause)) or closes(clause)


def asking_parts(message: str) -> list[str]:
    """The message's asking clauses, each with the context it needs to be searched on its own.

    One element (the message itself) when it asks one thing. The context is what the message says
    before asking (a statement, the text before a colon: "Pro-A : qui paie, et est-ce sur le temps de
    travail ?") or the short subject put in front of the first clause ("Les tuteurs, ils sont combien
    et …"); a later clause is read with the clause before it when nothing else gives its subject
    ("CQP manager, dispo en Pro-A ? et c'est qui qui forme ?").
    """
    premise, clauses = _split(message)
    if len(clauses) < 2:
        return [message]
    return _with_context(premise, clauses, message)


def asking_clauses(message: str) -> list[str]:
    """The message's asking clauses in their own words, without the context `asking_parts` gives each: what each
    clause asks is read from it alone ("…, et avec combien de rendez-vous ?" asks a count of meetings, whatever
    the clause before asks). One element (the message itself) when it asks one thing."""
    _, clauses = _split(message)
    return clauses if len(clauses) >= 2 else [message]


def _split(message: str) -> tuple[str, list[str]]:
    """The context said before asking and the asking clauses (fewer than two when the message asks one thing)."""
    text = " ".join(message.split())
    aside = _ASIDE.search(text)  # "… ? (contribution conventionnelle supplémentaire)": the scheme's name added
    if aside:
        text = text[: aside.start(1)].rstrip()
    premise, _, body = text.rpartition(" : ") if " : " in text else ("", "", text)
    if aside:
        premise = f"{premise} {aside.group(1)}".strip()
    numbered = numbered_items(body)
    if numbered:  # "Trois questions : 1. le taux mensuel, 2. son plafond annuel, 3. le moment où elle est payée."
        return premise, numbered if len(numbered) <= MAX_PARTS else []
    sentences = [s for s in _SENTENCE_END.split(body) if s.strip()]
    while len(sentences) > 1 and not asks(sentences[0]):
        premise = f"{premise} {sentences.pop(0).rstrip(' .!')}".strip()  # "J'ai 3 ans d'ancienneté. Combien … ?"
    clauses: list[str] = []
    for sentence in sentences:
        clauses.extend(_coordinated(sentence))
    clauses = [_BULLET.sub("", c).strip(" ,;") for c in clauses if _BULLET.sub("", c).strip(" ,;?")]
    if len(clauses) < 2 or len(clauses) > MAX_PARTS or not all(asks(c) for c in clauses):
        return premise, []
    return premise, clauses


def _with_context(premise: str, clauses: list[str], message: str) -> list[str]:
    """Each clause with what it needs to be searched on its own: the premise, else the clause before it."""
    if len(clauses) < 2 or len(clauses) > MAX_PARTS:
        return [message]
    parts = [f"{premise} : {clauses[0]}" if premise else clauses[0]]
    front, comma, rest = clauses[0].partition(", ")
    if not premise and comma and rest and not asks(front) and _short_subject(front) and not _OWN_SUBJECT.match(rest):
        premise = front  # "Les managers opérationnels, ils sont combien …": the subject said first
    for n, clause in enumerate(clauses[1:], start=1):
        context = premise
        if not premise or len(query_weights(clause)) < MIN_OWN_TERMS:
            before = clauses[n - 1].rstrip(" ?")  # "et dans quel cadre ?": the clause before says of what
            context = before if not premise or before.startswith(premise) else f"{premise} : {before}"
        parts.append(f"{context} : {clause}")
    return parts


# The markers of a numbered list written in a message: "1. … 2. …", "1) … 2) …", "a) … b) …" (a digit or a letter,
# then "." or ")", then a space), after the start, a space or a punctuation mark.
_ITEM_MARKER = re.compile(r"(?:^|(?<=[\s,;:]))([1-9]|[a-h])[.)]\s+", re.IGNORECASE)


def numbered_items(body: str) -> list[str]:
    """The items of a numbered list the message asks ("1. le taux mensuel de la prime, 2. son plafond annuel,
    3. le moment où elle est payée"): each item is a thing asked, a noun phrase as often as a question, and
    is answered in turn. Only a list numbered in sequence from 1 (or a), its markers in order, at least two
    items: "l'article 4.3" or "niveau 2." is no list. [] when the message holds no such list."""
    kept: list[re.Match[str]] = []
    for marker in _ITEM_MARKER.finditer(body):
        label = marker.group(1).lower()
        if not kept:
            if label in ("1", "a"):
                kept.append(marker)
            continue
        first = kept[0].group(1).lower()
        if label == (str(len(kept) + 1) if first == "1" else chr(ord("a") + len(kept))):
            kept.append(marker)
    if len(kept) < 2:
        return []
    ends = [m.start() for m in kept[1:]] + [len(body)]
    items = [body[m.end() : end].strip(" ,;.") for m, end in zip(kept, ends)]
    return items if all(items) else []


# A bullet in front of a clause ("→ combien ?", "▪️ frais de repas remboursés ?", "- et qui paie ?"): the list's form,
# not a word of what is asked (the router joined the message's lines)
_BULLET = re.compile(r"^\s*(?:[→•▪◦‣▸►➔➜*–-]\ufe0f?\s*)+")
_ASIDE = re.compile(r"\?\s*(\([^()]*\))\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
MAX_SUBJECT_WORDS = 5


# A clause after the comma opening on a noun phrase of its own ("Une fois versée, la contribution … est pilotée par
# qui"): what stands before the comma is an adjunct, not the subject put in front.
_OWN_SUBJECT = re.compile(
    r"(?:le|la|les|l['’]|un|une|des|du|mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos|votre|vos|leur|leurs|cet|cette|ces)"
    r"(?:\s+|(?<=['’]))(?!(?:[\w'’-]+\s+)?(?:il|elle|ils|elles)\b)",
    re.IGNORECASE,
)


def _short_subject(front: str) -> bool:
    """A subject put in front ("Le diplôme d'aide-soignante, …"): a few words, no figure or date."""
    return len(front.split()) <= MAX_SUBJECT_WORDS and not re.search(r"\d", front)


def _coordinated(sentence: str) -> list[str]:
    """A sentence cut where a coordination joins two clauses that both ask, or where a bare comma follows a clause
    ending on its asking word ("Pro-A, c'est pour qui, ça dure combien ?": the spoken question puts its interrogative
    last, so the comma after it closes that question)."""
    cuts = sorted([*_COORDINATION.finditer(sentence), *_BARE_COMMA.finditer(sentence)], key=lambda m: m.start())
    pieces: list[str] = []
    start = 0
    for match in cuts:
        if match.start() < start:
            continue
        left, right = sentence[start : match.start()], sentence[match.end() :]
        next_cut = _COORDINATION.search(right)
        right_clause = right[: next_cut.start()] if next_cut else right
        if match.re is _BARE_COMMA and not _ENDS_ASKING.search(left):
            continue  # "Pour la Pro-A, qui finance ?", "Quand la mission se termine, …": one question
        if _RANGE.search(left) or _COMPLEMENT.match(right_clause):
            continue  # "entre combien et combien", "les conditions de diplôme et d'expérience"
        if len(left.split()) > 1 and asks(left) and asks(right_clause) and _asking_start(right_clause):
            pieces.append(left)
            start = match.end()
    pieces.append(sentence[start:])
    return pieces


# A comma not opening a coordination ("…, et", "…, ou" are `_COORDINATION`'s), and a clause that ends on its asking
# word, the spoken word order ("c'est pour qui", "ça dure combien", "c'est versé quand", "ça sert à quoi").
_BARE_COMMA = re.compile(r",(?!\s*(?:et|puis|ou|mais)\b)\s*", re.IGNORECASE)
_ENDS_ASKING = re.compile(r"\b(?:combien|qui|quoi|quand|où|comment|pourquoi|lequel|laquelle|lesquel(?:le)?s)\s*$", re.I)


# A range ("entre 6 et 12 mois", "entre combien et combien") joins two bounds, not two questions.
_RANGE = re.compile(r"\bentre\s+\S+\s*$", re.IGNORECASE)
# A few words between the preposition and an interrogative determiner ("à la demande de quelle branche", "sur la base de
# quel texte", "au bout de combien de mois"), or "partir de quand": "quand" or "qui" after a noun is a conjunction or a
# relative ("des frais de déplacement quand un agent se reconvertit"), not a question.
_GOVERNED_ASKING = r"(?:[\w'’-]+\s+){1,3}?(?:combien|quel\w*|lequel\w*|laquelle)\b|partir\s+d['’]?\s*(?:e\s+)?quand\b"
# A right side opened by a preposition is a complement of the left ("de diplôme et d'expérience"), unless
# an asking word follows it ("et de combien ?", "et à quel moment ?", "et pour quelle branche ?").
# The preposition is followed by its spaces in full before the asking word is looked for: "avec combien de
# rendez-vous ?" asks (u26m-020), where a space left unread let "avec" pass for a complement's opening.
# An asking word a few words after the preposition opens a question too: "et à partir de quand …", "et sur la base de
# quel texte ?", "et au bout de combien de temps ?" (the preposition governs the interrogative's phrase).
_COMPLEMENT = re.compile(
    r"^(?:de|d['’]|du|des|à|au|aux|en|par|pour|sur|avec|dans|selon)(?:\s+|(?<=['’]))"
    r"(?!(?:combien|quel\w*|qui|quoi|quand|lequel\w*|laquelle)\b|" + _GOVERNED_ASKING + ")",
    re.IGNORECASE,
)
# The same opening, read as the start of an asking clause (`_asking_start`).
_PREPOSED_ASKING = re.compile(
    r"^(?:de|d['’]|du|des|à|au|aux|en|par|pour|sur|avec|dans|selon|depuis|jusqu['’]|après|avant|pendant)"
    r"(?:\s+|(?<=['’]))(?:(?:combien|quel\w*|qui|quoi|quand|lequel\w*|laquelle)\b|" + _GOVERNED_ASKING + ")",
    re.IGNORECASE,
)


def _asking_start(clause: str) -> bool:
    """The right side of a coordination opens a clause of its own: an asking word, a subject pronoun or
    a determiner first ("qui gère l'argent ?", "est-ce que …", "ça pèse quel pourcentage ?", "le CPF
    peut-il …"), not a bare noun continuing the left side's phrase ("quels titres et diplômes …")."""
    words = clause.split()
    if not words:
        return False
    first = words[0].lower()
    opens = (
        bool(_ASKING_WORD.search(" ".join(words[:3])))  # "tous les combien …", "et sinon combien …"
        or bool(_PREPOSED_ASKING.match(clause))  # "à partir de quand …", "sur la base de quel texte ?"
        or first in _OPENERS
        or first.startswith(("l'", "l’", "c'", "c’", "j'", "j’"))
    )
    return opens and bool(_ASKING_WORD.search(" ".join(words[:5])) or asked_types(clause))


_OPENERS = frozenset(
    [
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "je",
        "tu",
        "nous",
        "vous",
        "ça",
        "ce",
        "cela",
        "y",
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "mon",
        "ma",
        "mes",
        "ton",
        "ta",
        "tes",
        "son",
        "sa",
        "ses",
        "notre",
        "nos",
        "votre",
        "vos",
        "leur",
        "leurs",
        "cette",
        "cet",
        "ces",
        "qui",
        "que",
        "quel",
        "quelle",
        "quels",
        "quelles",
        "combien",
        "quand",
        "où",
        "comment",
        "pourquoi",
        "est-ce",
        "est-il",
        "est-elle",
        "peut-on",
        "faut-il",
    ]
)


def compose_in_parts(
    question: str,
    evidence: Sequence[Evidence],
    book: CitationBook,
    document_names: dict[str, str],
    search: Search | None = None,
    following: Callable[[Chunk], Chunk | None] | None = None,
    official: Callable[[str], bool] | None = None,
    meaning: UnitMeaning | None = None,
    articles: Collection[tuple[str, str]] = (),
    elsewhere: Sequence[Evidence] = (),
    listed: bool = False,
) -> str:
    """The composer's answer to the whole message, then the sentence that answers each other clause.

    The whole message is answered first (`compose_retrieval`: its lead answers one of the clauses);
    each clause is then searched on its own (`search`, with the whole message's passages as a fallback)
    and led by its own sentence. A clause whose sentence the answer's lead already holds adds nothing, so a
    message asking one thing, or two things one sentence answers, reads as before; a sentence quoted only
    lower down still leads its clause (the answer leads with what answers each question asked). `listed`: the
    user's message asks for a list by its form, read before the router cut its frame (`compose_retrieval`).
    """
    text = compose_retrieval(
        question,
        evidence,
        book,
        document_names,
        following=following,
        official=official,
        meaning=meaning,
        articles=articles,
        elsewhere=elsewhere,
        listed=listed,
    )
    parts = asking_parts(question)
    if len(parts) < 2 or not text:
        return text
    added: list[str] = []
    for part in parts:
        found = list(search(part, len(evidence) or 10)) if search is not None else []
        seen = {e.id for e in found}
        pool = found + [e for e in evidence if e.id not in seen]
        answered = "\n".join([text.partition("\n\n")[0], *added])  # the lead paragraph: quotes below do not lead
        lead = clause_lead(part, pool, book, following, official, meaning, articles, answered, _asked(part))
        if lead:
            added.append(f"{wording.other_part(_asked(part))}\n{lead}")
    if not added:
        return text
    head, blank, rest = text.partition("\n\n")
    return "\n\n".join([head, *added, rest]) if blank else "\n\n".join([text, *added])


def _asked(part: str) -> str:
    """The clause as the user asked it (without the context added in front), ending with "?"."""
    asked = part.rpartition(" : ")[2].strip(" ,;")
    asked = re.sub(r"^(?:et|puis|ou|mais)\s+", "", asked, flags=re.IGNORECASE)
    return asked.rstrip(" ?") + " ?"
