"""Which part of a message decides its scope (issue #21): the sentence that asks, and each question.

Why apart from the router: the router reads a whole message, so an out-of-corpus word in the context
("Élu CSE ici.") refused a question the texts answer, and a message asking two things was either refused
whole or answered whole, the uncovered question's facts feeding a calculator. These two readings decide
which sentences the router reads; the router's own rules (`detect_topic`, `detect_refusal`,
`out_of_scope`) then decide as for any message: the router passes them in (`Uncovered`), so this module
sits below the router and never imports it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from assistant.routing.extraction.folding import fold
from assistant.routing.meaning import OUT_OF_SCOPE, Reading
from assistant.routing.subject import asking_clause, without_asker

# The asking sentence read alone decides the scope over its context when the bank reads it as a corpus
# topic by at least this share, with less than `ASKED_CLAUSE_OUTSIDE` out of scope (`asked_in_scope`).
ASKED_CLAUSE_SHARE = 0.5
ASKED_CLAUSE_OUTSIDE = 0.15
HALF_QUESTION_WORDS = 5  # a question read alone for a half-in-scope message has at least this many words
# The asking sentence read alone decides the scope against its context when, besides naming no corpus topic, it
# reads nearer the labour-law questions of both registers than the texts' own questions by at least this margin
# (`routing.register_contrast`; `asked_outside`). Over the 9,448 user messages of the tuning pool
# (docs/evaluation/oos26.md), the uncovered asking clauses of in-scope messages read at -0.0245 and above (a bare
# "est-ce le CSE, la caisse ou un organisme extérieur ?", "le vrai montant mensuel ?", which lean on their
# context); those asking a labour-law subject of their own reach -0.083, 53 of them at -0.025 and below. The margin
# keeps a gap of 0.0025 from the in-scope side.
ASKED_OUTSIDE_CONTRAST = -0.027
ASKING_WORDS = 4  # an asking sentence read alone for its scope has at least this many words

# The router's verdict on one question read alone: the name of what it asks that the texts do not cover,
# or None when they cover it.
Uncovered = Callable[[str, Reading | None], str | None]


def half_in_scope(
    query: str,
    meaning: Callable[[str], Reading | None] | None,
    uncovered_by: Uncovered,
    stated: Collection[str] = (),
) -> tuple[str, str] | None:
    """A message asking several questions, some of which the texts cover and some not: the message
    without the uncovered questions (its context sentences kept), and how to name what is left out.

    Each question (a sentence ending with "?", of `HALF_QUESTION_WORDS` words or more, so that an
    elliptic "Et pour un CDD ?" stays with the question before it) is read alone: it is uncovered when
    it names an out-of-corpus subject or the bank reads it out of scope, and it names no corpus topic.
    Its facts then do not reach a calculator ("…mes RTT en décembre ?" is no tutoring month), and the
    answer says in one sentence that it is not covered (`wording.uncovered_part`).

    `stated`: what the whole message's topic's articles say of an out-of-corpus subject (folded patterns,
    `guard_vocabulary.STATED_BY_TOPIC`): "Formatrice interne occasionnelle : → combien ? → payé quand ? → ça compte
    pour l'allocation vacances ?" asks the trainer's bonus three things, and art. 9.3 answers the third (« La prime
    n'entre pas dans la base de calcul de l'allocation vacances »): a question read alone loses its subject, not its
    scope. "… Et mes RTT, je peux les poser quand ?" stays uncovered: no article of the bonus speaks of them.
    """
    if meaning is None:
        return None
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", query) if s.strip()]
    questions = [s for s in sentences if s.rstrip().endswith("?") and len(s.split()) >= HALF_QUESTION_WORDS]
    if len(questions) < 2:
        return None
    uncovered: dict[str, str] = {}  # each uncovered question and the name it is given
    for question in questions:
        name = uncovered_by(question, meaning(question))
        if name is not None and not any(re.search(p, fold(question)) for p in stated):
            uncovered[question] = name
    if not uncovered or len(uncovered) == len(questions):
        return None
    kept = " ".join(s for s in sentences if s not in uncovered)
    return kept, " ni ".join(dict.fromkeys(uncovered.values()))


def asked_in_scope(query: str, meaning: Callable[[str], Reading | None] | None) -> tuple[Reading, str] | None:
    """The reading of the sentence that asks, and its folded text, when context said before it would
    otherwise decide the scope and the asking sentence alone reads clearly as one of the texts' topics.

    "Élu CSE ici. Qui fixe les priorités de financement … ?" names an out-of-corpus subject ("élu CSE")
    in its context only; "Pour l'intranet : les assistantes sociales, combien … ?" is read as the CSE's
    business as a whole. The asking sentence (after the last full stop or colon, `subject.asking_clause`)
    must be a question of its own (four words or more) and read in scope with a clear majority
    (`ASKED_CLAUSE_SHARE`) and almost nothing out of scope; otherwise the whole message decides,
    so that "Je suis enceinte. J'y ai droit ?" stays out of scope.
    """
    if meaning is None:
        return None
    clause = asking_clause(query).strip()
    if clause == query.strip() or len(clause.split()) < 4:
        return None
    reading = meaning(clause)
    if reading is None or reading.intent in (None, OUT_OF_SCOPE) or reading.share < ASKED_CLAUSE_SHARE:
        return None
    if reading.score(OUT_OF_SCOPE) >= ASKED_CLAUSE_OUTSIDE:
        return None
    return reading, fold(clause)


def asked_outside(
    query: str,
    meaning: Callable[[str], Reading | None] | None,
    uncovered_by: Uncovered,
    contrast: Callable[[str], float | None],
) -> tuple[str, tuple[str, str] | None] | None:
    """What the sentence that asks names that the texts do not cover, and the out-of-scope fiche nearest to it (the
    bank's `Reading.fiche`), when the context said before it names one of their schemes and it alone asks a
    labour-law subject of its own; None otherwise.

    "Je suis en contrat de pro depuis mars. Ai-je droit à des congés payés pendant ma formation ?": the context
    sentence names the contrat de professionnalisation, so the whole message reads as the texts' subject, but what
    is asked is paid leave, which they do not govern. The mirror of `asked_in_scope`. Read only for a message asking
    one question (several are `half_in_scope`'s) whose asking clause comes after statements or after a colon
    ("Tutrice d'une alternante, j'ai changé de poste : ma période d'essai … ?", `subject.asking_clause`), of
    `ASKING_WORDS` words or more, which the router's own rules leave uncovered (`uncovered_by`: no corpus topic, an
    out-of-corpus subject named or the bank's out-of-scope vote) and which reads on the labour-law side by a clear
    margin of the register contrast (`contrast`, `ASKED_OUTSIDE_CONTRAST`): an asking sentence leaning on its
    context ("Je suis tutrice de deux alternants. Combien de points par mois ?", "… Le vrai montant mensuel ?")
    names no subject of its own, reads near neither side, and keeps the message's scope.
    """
    if meaning is None:
        return None
    sentences = re.split(r"(?<=[.!?])\s+|\n+", query.strip())
    if sum("?" in s for s in sentences) != 1:
        return None
    clause = asking_clause(query).strip()
    if clause == query.strip() or len(clause.split()) < ASKING_WORDS:
        return None
    reading = meaning(clause)
    name = uncovered_by(clause, reading)
    if name is None:
        return None
    margin = contrast(clause)
    if margin is None or margin > ASKED_OUTSIDE_CONTRAST:
        return None
    return name, reading.fiche if reading is not None else None


def asker_aside(
    query: str, meaning: Callable[[str], Reading | None] | None, named: Callable[[str], str | None]
) -> tuple[Reading | None, str] | None:
    """The reading and folded text of a message without its opening clause on who asks, when only that
    clause names an out-of-corpus subject (`named`: the router's refusal cues).

    "Élu CSE : une caisse peut-elle choisir de ne pas appliquer l'accord ?" names the CSE because the asker
    sits on it; the question is the agreement's force. Only a role ("élu CSE", "représentant du
    personnel", "manager"), never a situation ("Je suis enceinte, j'y ai droit ?"), is set aside
    (`subject.without_asker`), and the rest is read as if asked alone.
    """
    rest = without_asker(query, roles_only=True)
    if rest == query or named(fold(query)) is None or named(fold(rest)) is not None:
        return None
    return (meaning(rest) if meaning is not None else None), fold(rest)
