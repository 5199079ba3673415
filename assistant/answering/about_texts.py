"""Questions answered from the texts' own structure before the ordinary retrieval.

Some questions are about the indexed texts as texts, and the ordinary search on their words answers
them badly: a part named by its number ("l'article 9.3 : quel montant ?") or pasted ("« Elle n'est
pas accordée… » : complète la phrase"), a fact of a text itself (signatories, dates, renumbering), two
texts set against each other ("la circulaire dit 3 ans, l'accord un an : laquelle ?"), a family to
enumerate ("quels sont les CQP ?") and two things to compare ("différence entre X et Y"). Each has its
answerer, built from the parsed structure; this module is the one place that says in which order they
are tried, so that the service only asks "is this a question about the texts?".

The order matters: a named or pasted part is read first because it is never refused (the scope gate may
refuse "l'article 4.3 ?" for its few words); then the facts of a text; an enumeration and a comparison
only on the retrieval route (a calculation or a refusal is not a list); the disagreement of two texts
whenever two are named.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from assistant.answering.citations import CitationBook
from assistant.answering.comparison import answer_comparison
from assistant.answering.corpus_words import CorpusPhrases
from assistant.answering.documents import TextsAnswerer
from assistant.answering.enumerations import EnumerationAnswerer
from assistant.answering.meaning import UnitMeaning
from assistant.answering.part_answers import PartsAnswerer
from assistant.answering.qualifiers import foreign_facts
from assistant.answering.text_mentions import answer_mention
from assistant.answering.texts_disagree import answer_disagreement
from ingest.models import DocumentInfo
from knowledge.hybrid import Evidence

Found = tuple[str, CitationBook]


@dataclass
class TextQuestions:
    """The answerers of questions about the texts themselves, tried in turn (see the module's docstring)."""

    manifest: Mapping[str, DocumentInfo]
    titles: Mapping[str, str]
    names: Mapping[str, str]

    def __post_init__(self) -> None:
        self.texts = TextsAnswerer(self.manifest, self.titles, self.names)
        self.parts = PartsAnswerer(self.manifest, self.names)
        self.enumerations = EnumerationAnswerer(self.manifest, self.titles, self.names)

    def answer(
        self,
        question: str,
        route: str,
        retriever: Any,
        new_book: Callable[[], CitationBook],
        search: Callable[..., list[Evidence]],
        meaning: Callable[[], UnitMeaning | None],
        phrases: Callable[[], CorpusPhrases] | None = None,
    ) -> Found | None:
        """The cited answer, or None to leave the question to the ordinary steps.

        `search(text, k, document=None)` is the service's search (quarantined documents left out);
        `meaning` gives the unit vectors lazily, so a question no answerer takes never loads them. With the
        texts' `phrases`, a question asking another text's facts (`qualifiers.foreign_facts`: "la date de
        l'arrêté d'extension de l'avenant") is left to the scope check: the avenant's own facts do not answer it.
        """
        if phrases is not None and foreign_facts(question, phrases()) is not None:
            return None
        book = new_book()  # a part of the texts named or quoted: read there, never refused
        part = self.parts.answer(question, retriever, book, refused=route == "refusal", meaning=meaning)
        found: Found | None = (part, book) if part else self.texts.answer(question, retriever)
        if found is None and route != "calculator":  # "l'accord dit-il quelque chose de l'égalité… ?": its sentence
            said = answer_mention(question, self.manifest, lambda t, k, d: search(t, k, document=d), book, self.names)
            found = (said, book) if said else None
        if found is None and route == "retrieval":  # "quels sont les CQP ?": the members themselves
            found = self.enumerations.answer(question, retriever)
        if found is None:  # "la circulaire dit 3 ans, l'accord un an : laquelle ?": each text read, both cited
            passages = getattr(retriever, "passages", tuple)  # the index's passages, read only if a part is named
            told = answer_disagreement(
                question, self.manifest, lambda t, k, d: search(t, k, document=d), book, self.names, passages
            )
            found = (told, book) if told else None
        if found is None and route == "retrieval":  # "différence entre X et Y": one sentence per side
            book = new_book()
            compared = answer_comparison(question, lambda text, k: search(text, k), book, self.names)
            found = (compared, book) if compared else None
        return found
