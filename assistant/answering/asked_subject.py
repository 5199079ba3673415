"""The subject a message's asking sentence names that the texts never name, when its context names theirs.

Why (issue #21, oos29): "Question posée par un stagiaire de Prem'ss à sa tutrice : peut-on m'obliger à travailler le
dimanche … ?" is refused by the hand checks (no corpus topic: `answerable.subject_is_elsewhere`), then answered by
the refusal judge, which reads the whole message: the context (Prem'ss, tutrice, CRFP, CQP) makes it read like the
texts' questions, so it answers with an unrelated article. What is asked is the asking sentence's subject, not the
context's: here "dimanche", a word no passage of the texts uses. Measured on the tuning pool o–v
(docs/evaluation/oos29.md): of the messages the judge answers after a hand refusal, those whose asking sentence's head
holds a word of its own that the texts never use, while the message's own head holds none, and that the example bank
reads mostly out of scope are three out-of-scope questions (sunday work, holiday vouchers, travel time to a meeting)
and no in-scope one.

Read by form and by the texts' vocabulary (`corpus_words`): the head noun phrase of the asking sentence
(`subject_phrase`, as `answerable.names_foreign_subject` reads it); infinitives are left out — a verb of the
question ("réfléchir à mon évolution") is what is done, not what is asked about.
"""

from __future__ import annotations

import re

from assistant.answering.corpus_words import CorpusWords, foreign_words
from assistant.routing.subject import asking_clause, subject_phrase, without_asker

# A word read as an infinitive (a verb of the question, not its subject): "réfléchir", "servir", "prendre".
_INFINITIVE = re.compile(r"(?:er|ir|re)$")
# The sentences of a message: a context said before the asking sentence is what this module sets apart.
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")


def foreign_asked_subject(query: str, vocabulary: CorpusWords) -> list[str]:
    """The words of the asking sentence's head that the texts never use, when the message says a context first
    (a sentence or a clause before a colon), asks one question, and the head of the message read whole holds no such
    word (the context names the texts' subject; the asking sentence names its own); [] otherwise.

    "Je prépare un quiz pour la journée formation. Le temps de trajet pour aller en réunion compte-t-il comme temps
    de travail ?" → ["trajet"]; "Je suis en RQTH : vers quel réseau le texte m'oriente-t-il pour réfléchir à mon
    évolution ?" → [] (an infinitive)."""
    asked = without_asker(query, roles_only=True)
    clause = asking_clause(asked).strip()
    if not clause or clause == asked.strip():
        return []
    if sum("?" in s for s in _SENTENCES.split(asked.strip())) != 1:
        return []
    whole = subject_phrase(asked, predicate=False)
    own = subject_phrase(clause, predicate=False)
    if not own or own == whole or (whole and foreign_words(whole, query, vocabulary)):
        return []
    return [w for w in foreign_words(own, query, vocabulary) if not _INFINITIVE.search(w)]
