"""Whether a question is worded in the texts' own words rather than in labour law's: the bank's data read by words.

Why (issue #13, the property class; propa): the example bank (`assistant.routing.meaning`) reads a question by the
meaning of its nearest rows, and its out-of-scope class holds the ministry's fiches nearest to the texts' own parts
(the contrat de professionnalisation, the apprentissage, the CPF, the contrat de rééducation professionnelle, the
titres professionnels). A question that describes a part of the texts in everyday words, with no scheme's name ("le
cursus des agents d'accueil : quelle spécialité cocher dans le document signé avec le centre ?", "le certificat des
chefs d'équipe : quel niveau et combien de blocs ?") lands among those fiches, and the router refused it before
any passage was read: 25 of the released property questions of unseen-2026k to 2026n that main fails.

The same labelled rows, read by their words rather than by an embedding, tell those questions apart: a word the
texts' side writes often and the labour side seldom ("cursus", "inscrire", "blocs", "Urssaf", "alternant") is
evidence of the texts, a word of labour law ("entreprise", "taxe", "rééducation") evidence of the fiches. The
question's `contrast` is the naive-Bayes log ratio of its terms between the two sides (document frequencies, one
row a document):

- the texts' side: the bank's rows labelled with a corpus topic (`data/examples.jsonl`, `data/corpus_questions.jsonl`)
  and the everyday glossary's questions (`knowledge/data/everyday`), all written from the texts;
- the labour side: the bank's out-of-scope rows (`data/labour_topics.jsonl`, from the ministry's fiches, and the
  hand-written ones) and the users'-register labour questions (`data/labour_questions.jsonl`).

A part of the texts must also hold the question's words: `section_share` is the largest share of its terms one
section holds (its heading, its whole text and its glossary row). The router does not refuse on the bank's
reading alone a question reading at least `CONTRAST` and `SECTION_SHARE` (`reads_as_the_texts`): it is searched,
and the answer's subject checks (`answering.answerable`) decide from the passages, as for a question naming one
of the texts by its title.

Measured (docs/evaluation/propa.md) on the 325 questions of the released sets the bank refused at the router
(25 property questions, 300 out-of-scope ones), each answered with the router's refusal turned off: 7 property
questions are then answered right and 37 out-of-scope ones answered; the 37 read 7.6 at most, the out-of-scope
questions the passages still refuse 7.3 at most, and 15 of the 25 property questions 7.8 or more.
"""

from __future__ import annotations

import functools
import logging
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.routing.extraction.folding import fold
from assistant.routing.meaning import OUT_OF_SCOPE, load_examples
from assistant.routing.scope_model import load_labour_questions
from assistant.settings import get_settings
from knowledge.everyday import shipped_documents, shipped_glossary
from knowledge.french import analyze

log = logging.getLogger(__name__)

PREFIX = 6  # a light stem, as the answer's units read terms: "inscrire" and "inscrit" meet at "inscri"
SMOOTHING = 0.5  # added to each document frequency: a term one side never writes is not infinitely telling
# The log ratio from which a question reads as the texts' (see the module's measure: out-of-scope at most 7.6).
CONTRAST = 8.0
# The share of the question's terms one section must hold (the property questions kept read 0.55 to 1.0).
SECTION_SHARE = 0.5


def terms(text: str) -> frozenset[str]:
    """The text's terms: analysed (stop words out), folded, cut to a light stem."""
    return frozenset(t[:PREFIX] for t in analyze(fold(text)))


@dataclass(frozen=True)
class TextsWords:
    """The two sides' document frequencies and every section's terms."""

    texts: Counter[str]
    texts_rows: int
    labour: Counter[str]
    labour_rows: int
    sections: tuple[frozenset[str], ...]

    def weight(self, term: str) -> float:
        """log P(term | texts' side) − log P(term | labour side), smoothed."""
        inside = (self.texts[term] + SMOOTHING) / (self.texts_rows + 1)
        outside = (self.labour[term] + SMOOTHING) / (self.labour_rows + 1)
        return math.log(inside) - math.log(outside)

    def contrast(self, question: str) -> float:
        """The question's terms' summed log ratio: > 0 when they are more the texts' side's than labour law's."""
        return sum(self.weight(t) for t in terms(question))

    def section_share(self, question: str) -> float:
        """The largest share of the question's terms one section holds."""
        asked = terms(question)
        if not asked or not self.sections:
            return 0.0
        return max(len(asked & section) for section in self.sections) / len(asked)


def _frequencies(rows: Iterable[str]) -> tuple[Counter[str], int]:
    counts: Counter[str] = Counter()
    n = 0
    for row in rows:
        counts.update(terms(row))
        n += 1
    return counts, n


@functools.cache
def texts_words() -> TextsWords:
    """Built once per process from the shipped bank, glossary and parse (about a second)."""
    examples = load_examples()
    glossary = shipped_glossary()
    texts, texts_rows = _frequencies(
        [e.text for e in examples if e.intent != OUT_OF_SCOPE] + [q for row in glossary for q in row.questions]
    )
    labour, labour_rows = _frequencies(
        [e.text for e in examples if e.intent == OUT_OF_SCOPE] + [e.text for e in load_labour_questions()]
    )
    glossed: dict[tuple[str, str, str], set[str]] = {}
    for row in glossary:
        glossed.setdefault(row.key, set()).update(terms(" ".join((row.title, *row.terms, *row.questions))))
    try:  # the sections as published (the consolidated versions' words are the avenant's: not rebuilt here, 7 s)
        documents = shipped_documents(get_settings().corpus_dir)
    except (OSError, ValueError, KeyError):  # no shipped parse (an unusual install): the glossary's rows alone
        log.warning("shipped parse unreadable: the texts' sections read from the glossary alone")
        documents = {}
    texts_of = {(name, s.number, s.title): s.text for name, doc in documents.items() for s in doc.sections}
    keys = set(texts_of) | set(glossed)
    sections = tuple(
        frozenset(terms(f"{key[2]}\n{texts_of.get(key, '')}") | glossed.get(key, set())) for key in sorted(keys)
    )
    return TextsWords(texts, texts_rows, labour, labour_rows, sections)


def reads_as_the_texts(question: str) -> bool:
    """The question's words are the texts' rather than labour law's, and one section holds most of them."""
    words = texts_words()
    return words.contrast(question) >= CONTRAST and words.section_share(question) >= SECTION_SHARE
