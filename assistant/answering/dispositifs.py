"""The scheme a question names decides which articles may answer it.

Why: the agreement writes parallel articles for its schemes — the Pro-A (art. 2) and the contrat de
professionnalisation (art. 3) each have a "Bénéficiaires concernés", a "Durée", a "Financement" with
near-identical sentences (6 to 12 months, up to 36 months, the OPCO's funding). Words alone cannot
tell them apart, and "contrat de pro" even shares "pro" with "Pro-A", so a question on one scheme was
answered from the other's article. Here the scheme is an entity: the question names it, and each
passage's heading (section path and title) names the scheme its section is about. When the question
names schemes, a passage whose heading is about *another* scheme is set aside, provided a passage
about a named one (or about no scheme: the CPNEFP, the preamble…) remains to answer.

The vocabularies are patterns over folded text (`text.folding.same_length`: lower case, no accents).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from assistant.routing.intents import TOPIC_NAMES
from assistant.routing.meaning import topic_articles
from knowledge.french import analyze
from knowledge.hybrid import Evidence
from text.folding import same_length

PREFIX = 6  # a light stem, as in `assistant.answering.units`: "tuteur" and "tuteurs" meet

# scheme → (how a question names it, how a section heading names it)
SCHEMES: dict[str, tuple[str, str]] = {
    "pro_a": (
        r"(?<!contrat de )(?<!contrats de )(?<!contrat )(?<!contrats )\bpro ?- ?a\b|\bproa\b"
        r"|\b(?:la|une|en|de|ma|sa|leur|cette) pro a\b|(?:reconversion|promotion) par (?:l')?alternance",
        r"\bpro-a\b|reconversion ou (?:la )?promotion par (?:l')?alternance",
    ),
    "professionalisation": (
        r"\bcontrats? (?:de )?pro\b(?! ?- ?a\b)(?! a\b)|\bprofessionnalisation\b",
        r"\bprofessionnalisation\b",
    ),
    "tutoring": (
        r"\btut(?:eur|eurs|rice|rices|orat)\b|\bmaitre d'apprentissage\b",
        r"\btutorat\b|\btutorale?\b|\btut(?:eur|rice)s?\b",
    ),
    "internal_trainer": (r"\bformat(?:eur|eurs|rice|rices) internes?\b|\bafest\b", r"\bformateurs? internes?\b"),
    "cep": (r"\bcep\b|\bconseil en evolution professionnelle\b", r"\bconseil en evolution professionnelle\b"),
    "review": (r"\bentretiens? (?:pro|pros|professionnels?|de bilan)\b", r"\bentretien professionnel\b"),
    "vae": (r"\bvae\b|\bvalidation des acquis\b", r"\bvae\b|\bvalidation des acquis\b"),
    "guarantee": (r"\bgarantie individuelle\b", r"\bgarantie individuelle\b"),
    "cpf": (r"\bcpf\b|\bcompte personnel de formation\b", r"\bcompte personnel de formation\b"),
}
_QUESTION = {name: re.compile(pats[0]) for name, pats in SCHEMES.items()}
_HEADING = {name: re.compile(pats[1]) for name, pats in SCHEMES.items()}


def _fold(text: str) -> str:
    return same_length(unicodedata.normalize("NFC", text))


def named_schemes(question: str) -> set[str]:
    """The schemes a question names ("contrat de pro" → professionalisation; "Pro-A" → pro_a)."""
    folded = _fold(question)
    return {name for name, pattern in _QUESTION.items() if pattern.search(folded)}


def scheme_mentions(folded: str, skip: Collection[str] = ()) -> list[int]:
    """Where each scheme the (folded) question names ends in it, schemes of `skip` left out: what follows is what
    the user says of it."""
    text = _fold(folded)
    return sorted(m.end() for name, pattern in _QUESTION.items() if name not in skip for m in pattern.finditer(text))


def heading_schemes(item: Evidence) -> set[str]:
    """The schemes a passage's section is about, from its heading (section path and title)."""
    heading = _fold(f"{item.chunk.section_path} {item.chunk.section_title}")
    return {name for name, pattern in _HEADING.items() if pattern.search(heading)}


# The scheme's own name in the texts, added to the search words when a question names it otherwise:
# "contrat de pro" shares no word with "professionnalisation" and its "pro" matches every "Pro-A".
TEXT_NAMES: dict[str, str] = {
    "pro_a": "Pro-A",
    "professionalisation": "contrat de professionnalisation",
    "tutoring": "tutorat",
    "internal_trainer": "formateur interne",
    "cep": "conseil en évolution professionnelle",
    "review": "entretien professionnel",
    "vae": "validation des acquis de l'expérience",
    "guarantee": "garantie individuelle",
    "cpf": "compte personnel de formation",
}


def search_text(question: str) -> str:
    """The question with the texts' own name of each scheme it names by another word ("contrat pro")."""
    folded = _fold(question)
    extra = [TEXT_NAMES[n] for n in sorted(named_schemes(question)) if not _HEADING[n].search(folded)]
    return " ".join([question, *extra])


def on_named_scheme(question: str, evidence: Sequence[Evidence]) -> list[Evidence]:
    """The passages left once those about a scheme the question does not name are set aside.

    Unchanged when the question names no scheme, or when no passage about a named scheme remains (then
    the question may use a scheme's name loosely and the ranking alone decides).
    """
    named = named_schemes(question)
    if not named:
        return list(evidence)
    kept = [e for e in evidence if not (heading_schemes(e) - named) or heading_schemes(e) & named]
    if not any(heading_schemes(e) & named for e in kept):
        return list(evidence)
    return kept


# --- One search plan for the scheme a question is about -------------------------------------------
# Two signals said which scheme a question is about, and each had its own mechanism: the topic the
# router read by meaning (its name added to the query, its articles preferred and searched deeper) and
# the scheme the question names (the texts' name searched, passages about another scheme set aside).
# `scheme_search` is the one place that turns both into what is searched, how deep, and what is kept.

TOPIC_DEPTH = 10  # hits beyond the usual k searched for the routed topic's own articles


@dataclass(frozen=True)
class SchemeSearch:
    """What `Assistant._retrieve` searches for a question and how it narrows the hits.

    `query` is the question with its routed topic's name when it does not say it (scored against the
    passages); `text` is what the retriever is given (the query with the texts' own name of each scheme
    it names otherwise); `articles` the routed topic's articles (preferred by the composer).
    """

    query: str
    text: str
    schemes: frozenset[str]
    articles: frozenset[tuple[str, str]]
    k: int

    @property
    def depth(self) -> int:
        """How many hits are kept: deeper when the routed topic has articles to look for."""
        return self.k + (TOPIC_DEPTH if self.articles else 0)

    @property
    def searched(self) -> int:
        """How many hits are asked for: twice the depth when some will be set aside (a named scheme)."""
        return self.depth * 2 if self.schemes else self.depth

    def narrow(self, evidence: Sequence[Evidence]) -> list[Evidence]:
        """The hits to answer from: those on another scheme set aside, then beyond `k` only the topic's
        own articles (the bank says which: "contrat de pro" → art. 3)."""
        kept = on_named_scheme(self.query, evidence)[: self.depth] if self.schemes else list(evidence)
        kept = on_named_document(self.query, kept)
        return kept[: self.k] + [e for e in kept[self.k :] if on_topic(e, self.articles)]


def scheme_search(question: str, topic: str | None, k: int) -> SchemeSearch:
    """The search plan of a question routed to `topic` (None: no corpus topic)."""
    query = named_query(question, topic)
    schemes = frozenset(named_schemes(query))
    articles = topic_articles().get(topic or "", frozenset())
    return SchemeSearch(query, search_text(query) if schemes else query, schemes, articles, k)


def on_topic(item: Evidence, articles: Collection[tuple[str, str]]) -> bool:
    """The passage is (or consolidates) one of `articles`, (document, section) pairs."""
    return bool(articles) and any(source in articles for source in item.sources)


def named_query(question: str, topic: str | None) -> str:
    """The question with its routed topic's name in the texts' words when it does not say it already.

    "le contrat de pro, il a quel objectif ?" was routed to the contrat de professionnalisation by
    meaning, but a search on its words finds the Pro-A ("pro"); searching and scoring with
    "(contrat de professionnalisation)" added finds article 3.1. Nothing is added when the question
    already holds a word naming the topic (`intents.TOPIC_NAMES`): it is searched unchanged.
    """
    naming, name = TOPIC_NAMES.get(topic or "", ("", ""))
    if not name or {t[:PREFIX] for t in analyze(question)} & {t[:PREFIX] for t in analyze(naming)}:
        return question
    return f"{question} ({name})"


# "l'accord de 2019", "l'avenant du 11 octobre 2022", "la circulaire de 2013": a text named with its year.
_NAMED_DOCUMENT = re.compile(
    r"\b(?:accord|protocole|avenant|circulaire|convention|texte)s?\b[^.?!]{0,30}?\b((?:19|20)\d\d)\b"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_TEXT_WORD = re.compile(r"\b(accord|protocole|avenant|circulaire|convention)s?\b")
_KIND = {"accord": "protocole"}  # the protocole d'accord is called either


def document_years(item: Evidence) -> set[str]:
    """The years of the texts a passage belongs to: its document's signature, and for an article of the
    consolidated protocole, the signature of the avenant that wrote it."""
    meta = item.chunk.metadata
    years = {str(meta.get("signed", ""))[:4]}
    years.update(_YEAR.findall(str(meta.get("amended_by", ""))))
    return {y for y in years if y}


def on_named_document(question: str, evidence: Sequence[Evidence]) -> list[Evidence]:
    """The passages left once those of a text the question does not name are set aside.

    Why: "l'accord de 2019, il est conclu pour combien de temps ?" was answered by the avenant's
    preamble ("Cet avenant est conclu … dans les conditions posées par l'accord de 2019"), which
    holds more of the question's words than the protocole's own "conclu pour une durée
    indéterminée". A text named with its year is an entity, like a scheme: when some retrieved
    passage belongs to it, the passages of texts signed in other years are set aside.
    """
    folded = _fold(question)
    named = set(_NAMED_DOCUMENT.findall(folded))
    kinds = {_KIND.get(word, word) for word in _TEXT_WORD.findall(folded)}
    if not named or len(kinds) > 1:  # "les articles du protocole de 2019, devenus quoi après l'avenant ?"
        return list(evidence)
    kept = [e for e in evidence if document_years(e) & named]
    return kept if kept else list(evidence)
