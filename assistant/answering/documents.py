"""Questions about a text itself ("qui a signé l'accord de 2019 ?", "l'avenant entre en vigueur
quand ?", "l'ancien article 10, c'est quel numéro maintenant ?"), answered from its facts first.

The facts come from the texts (`document_facts`); this module reads which document a question is
about and which of its facts it asks for, and writes the answer: the fact first, cited, then the
sentence it is read from. It answers only when the question names a document (or an article's
number, for renumbering), asks one of the attributes the facts hold, and says nothing else the
facts' passages do not cover: "qu'a changé l'avenant pour le congé VAE ?" has a subject of its own
and is left to the ordinary retrieval.

How users name a document, and the words by which they ask for a fact, are read in
`document_questions` (from the manifest and the titles, not typed per text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from assistant.answering import document_facts as df
from assistant.answering.citations import CitationBook
from assistant.answering.document_facts import DocumentFacts, Fact, folded
from assistant.answering.document_questions import (
    DocumentQuestion,
    asked_attributes,
    content_words,
    own_subject,
    read_question,
)
from assistant.answering.per_index import PerIndex
from assistant.answering.wording import source_phrase
from ingest.models import DocumentInfo
from knowledge.hybrid import Evidence

# The answer's own sentences (French, for an employee).
SIGNED_BY = (
    "Le {name} a été signé, côté employeurs, par {employers} et, côté syndicats de salariés, par {unions} [{n}]."
)
SIGNED_AT = "Le {name} a été signé à {place} [{n}]."
DATED = "Ce document est daté du {day} [{n}]."
RENUMBERED = "L'ancien article {old} du {amended} (« {title} ») est aujourd'hui l'article {new} [{n}]."
RENUMBERED_NEW = "L'article {new} actuel du {amended} était l'article {old} avant l'{amending} [{n}]."
RENUMBERING_ALL = "Depuis l'{amending}, les articles du {amended} sont renumérotés [{n}] : « {sentence} »"
RENUMBERING_WHY = "La raison : l'{amending} insère un nouvel article (« {title} ») [{n}]."
CHANGES_LEAD = "L'{amending} modifie le {amended} ; ses signataires ont souhaité [{n}] :"
CHANGES_ARTICLES = "Ses articles [{n}] :"
FACT_SOURCE = "D'après {source} [{n}] :"


def answer_about_document(
    question: str,
    facts: Mapping[str, DocumentFacts],
    manifest: Mapping[str, DocumentInfo],
    book: CitationBook,
    names: Mapping[str, str],
) -> str | None:
    """The answer to a question about a text, its facts first and cited; None when the facts do not hold it."""
    renumbered = next((f.renumbered for f in facts.values() if f.renumbered), None)
    asked = read_question(question, manifest, renumbered)
    if asked is None:
        return None
    if df.RENUMBERING in asked.attributes:
        text = _renumbering(question, asked, facts, book, names)
        if text:
            return text
    known = facts.get(asked.document)
    if known is None:
        return None
    wanted = [a for a in asked.attributes if a != df.RENUMBERING]
    if len(wanted) > 1 and df.CHANGES in wanted:  # "ajoutées… ouvertes dès la signature ?": the narrower attribute
        wanted.remove(df.CHANGES)
    if df.CHANGES in wanted and own_subject(question, known):  # "ajoutées à la liste Pro-A": that article
        wanted.remove(df.CHANGES)
    words = content_words(folded(question))
    chosen = [(a, _ordered(a, known, words)) for a in wanted]
    chosen = [(a, f) for a, f in chosen if f]
    if not chosen or not _covered(question, known, [f for _, fs in chosen for f in fs], names):
        return None
    name = names.get(asked.document, known.info.title)
    parts: list[str] = []
    quoted: list[Fact] = []
    for attribute, found in chosen:
        if attribute == df.CHANGES and known.info.amends:
            parts.extend(_changes(known, book, names, words))
            continue
        lead, verbatim = _lead(attribute, found, name, book, names)
        if lead and lead not in parts:
            parts.append(lead)
        quoted.extend(f for f in found[1 if verbatim else 0 : 3] if f not in quoted)
    parts.extend(_quotes([f for f in quoted if f.sentence not in "\n".join(parts)], book, names))
    return "\n".join(parts).strip() or None


def _ordered(attribute: str, known: DocumentFacts, words: set[str]) -> list[Fact]:
    """The facts of an attribute, those with a value (a date, a place) first, then those sharing most
    of the question's words ("ouvertes dès la signature" → the sentence on the certifications)."""
    found = list(known.get(attribute))
    if attribute == df.EFFECT:  # "depuis quand…": a dated approval says when it took effect
        found += [f for f in known.get(df.APPROVAL) if f.value]
    if attribute == df.DATE and not found:
        found = list(known.get(df.SIGNATURE))
    if attribute in (df.CHANGES, df.SIGNATORIES):
        return found
    return sorted(found, key=lambda f: (not f.value, -len(words & content_words(folded(f.sentence)))))


def _cite(fact: Fact, book: CitationBook) -> int:
    return book.cite(Evidence(fact.chunk.id, fact.chunk, 1.0), fact.sentence)


def _lead(
    attribute: str, found: list[Fact], name: str, book: CitationBook, names: Mapping[str, str]
) -> tuple[str, bool]:
    """The answer's first sentence, and whether it quotes the first fact's sentence itself."""
    first = found[0]
    n = _cite(first, book)
    if attribute == df.SIGNATORIES:
        employers = next((f.sentence for f in found if f.value == "employers"), "")
        unions = next((f.sentence for f in found if f.value == "unions"), "")
        return _elided(SIGNED_BY.format(name=name, employers=employers, unions=unions, n=n)), True
    if attribute == df.SIGNATURE and first.value:
        return _elided(SIGNED_AT.format(name=name, place=first.value, n=n)), False
    if attribute == df.DATE and first.value:
        if first.attribute == df.SIGNATURE or "," in first.value:
            return _elided(SIGNED_AT.format(name=name, place=first.value, n=n)), False
        return DATED.format(day=first.value, n=n), False
    source = source_phrase(first.chunk.label, names.get(first.chunk.document, first.chunk.document))
    return f"{FACT_SOURCE.format(source=source, n=n)} « {first.sentence} »", True


def _elided(sentence: str) -> str:
    """ "Le avenant" → "L'avenant"."""
    return re.sub(r"\b([Ll])e ([aeéiouy])", r"\1'\2", sentence)


def _quotes(facts: list[Fact], book: CitationBook, names: Mapping[str, str]) -> list[str]:
    """The sentences the facts are read from, grouped by passage, after the lead."""
    lines: list[str] = []
    by_chunk: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.attribute != df.SIGNATORIES:
            by_chunk.setdefault(fact.chunk.id, []).append(fact)
    for group in by_chunk.values():
        chunk = group[0].chunk
        n = _cite(group[0], book)
        source = source_phrase(chunk.label, names.get(chunk.document, chunk.document))
        lines.extend(["", FACT_SOURCE.format(source=source, n=n)])
        lines.extend(f"- « {f.sentence} »" for f in group)
    return lines


def _changes(known: DocumentFacts, book: CitationBook, names: Mapping[str, str], words: set[str]) -> list[str]:
    """What an amending text changed: its signatories' aims, then its articles; those sharing the
    question's words first ("a changé pour la VAE" → the aim on the VAE's 48 hours)."""
    amending = names.get(known.info.document, known.info.title)
    amended = names.get(known.info.amends or "", known.info.amends or "")
    lines: list[str] = []
    aims = sorted(known.get(df.AIMS), key=lambda f: -len(words & content_words(folded(f.sentence))))
    if aims:
        lines.append(CHANGES_LEAD.format(amending=amending, amended=amended, n=_cite(aims[0], book)))
        lines.extend(a.sentence if a.sentence.startswith(("–", "-")) else f"- {a.sentence}" for a in aims)
    changes = known.get(df.CHANGES)
    if changes:
        lines.extend(["", CHANGES_ARTICLES.format(n=_cite(changes[0], book))] if lines else [])
        for change in changes:
            lines.append(f"- {change.sentence} [{_cite(change, book)}]")
    return lines


def _renumbering(
    question: str,
    asked: DocumentQuestion,
    facts: Mapping[str, DocumentFacts],
    book: CitationBook,
    names: Mapping[str, str],
) -> str | None:
    """Which article an old number became (or a new one was), from the amending text's renumbering."""
    amending = next((f for f in facts.values() if f.renumbered and f.info.amends), None)
    if amending is None or (asked.document and asked.document not in (amending.info.document, amending.info.amends)):
        return None
    fact = amending.get(df.RENUMBERING)[0]
    amended = facts.get(amending.info.amends or "")
    titles = amended.article_titles if amended else {}
    amended_name = names.get(amending.info.amends or "", "")
    amending_name = names.get(amending.info.document, "")
    n = _cite(fact, book)
    text = folded(question)
    numbers = re.findall(r"\barticles?\s+(\d+)", text)
    moved = amending.renumbered
    reverse = {new: old for old, new in moved.items()}
    lines: list[str] = []
    old = next((x for x in numbers if x in moved), None)
    if old is None and not numbers:  # the article named by its subject: "l'article sur la contribution"
        old = _by_title(text, titles, moved)
    if old is not None and (not numbers or not re.search(r"\b(actuel|aujourd|maintenant)\w*\s+article\s+" + old, text)):
        lines.append(RENUMBERED.format(old=old, amended=amended_name, title=titles.get(old, ""), new=moved[old], n=n))
    elif numbers and numbers[0] in reverse:
        new = numbers[0]
        lines.append(
            RENUMBERED_NEW.format(new=new, amended=amended_name, old=reverse[new], amending=amending_name, n=n)
        )
    if not lines and not re.search(r"numerot|renumer", text):
        return None  # "à quel article trouve-t-on la VAE ?": no renumbered article asked
    lines.append(RENUMBERING_ALL.format(amending=amending_name, amended=amended_name, sentence=fact.sentence, n=n))
    created = [c for c in amending.get(df.CHANGES) if re.search(r"cr[ée]ation|insertion", c.chunk.section_title, re.I)]
    if created:
        lines.append(
            RENUMBERING_WHY.format(
                amending=amending_name, title=created[0].chunk.section_title, n=_cite(created[0], book)
            )
        )
    return "\n".join(lines)


def _by_title(text: str, titles: Mapping[str, str], moved: Mapping[str, str]) -> str | None:
    words = content_words(text)
    best, score = None, 0
    for number in moved:
        shared = len(words & content_words(folded(titles.get(number, ""))))
        if shared > score:
            best, score = number, shared
    return best


def _covered(question: str, known: DocumentFacts, facts: list[Fact], names: Mapping[str, str]) -> bool:
    """The question says nothing the facts' passages (and the text's names) do not: no subject of its own."""
    context = " ".join([folded(known.info.title)] + [folded(f"{f.chunk.section_title} {f.chunk.text}") for f in facts])
    covered = content_words(context)
    rest = own_subject(question, known)
    return len(rest - covered) <= 1


class TextsAnswerer:
    """The service's door to this module: the facts read once per loaded index (keyed by the index's
    passage list, which the retriever replaces when it reloads), and the answer's citations."""

    def __init__(
        self, manifest: Mapping[str, DocumentInfo], titles: Mapping[str, str], names: Mapping[str, str]
    ) -> None:
        self._manifest = manifest
        self._titles = dict(titles)
        self._names = names
        self._facts: PerIndex[dict[str, DocumentFacts]] = PerIndex(
            lambda passages: df.read_facts(passages, self._manifest), {}
        )

    def facts(self, retriever: Any) -> dict[str, DocumentFacts]:
        return self._facts.get(retriever)

    def answer(self, question: str, retriever: Any) -> tuple[str, CitationBook] | None:
        """The cited answer to a question about a text itself, or None for the ordinary pipeline."""
        if not asked_attributes(question) and not re.search(r"\barticles?\s+\d", folded(question)):
            return None  # most questions: no index read at all
        book = CitationBook(self._titles, retriever.locate)
        text = answer_about_document(question, self.facts(retriever), self._manifest, book, self._names)
        return (text, book) if text else None
