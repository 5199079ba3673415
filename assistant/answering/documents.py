"""Questions about a text itself ("qui a signé l'accord de 2019 ?", "l'avenant entre en vigueur
quand ?", "l'ancien article 10, c'est quel numéro maintenant ?"), answered from its facts first.

The facts come from the texts (`document_facts`); this module reads which document a question is
about and which of its facts it asks for, and writes the answer: the fact first, cited, then the
sentence it is read from. It answers only when the question names a document (or an article's
number, for renumbering), asks one of the attributes the facts hold, and says nothing else the
facts' passages do not cover: "qu'a changé l'avenant pour le congé VAE ?" has a subject of its own
and is left to the ordinary retrieval.

How users name a document is read from the manifest and the titles, not typed per text: the
title's head noun ("Protocole d'accord" → protocole, accord; "Avenant"; "Convention de
formation…"), the manifest's kind (accord, avenant, circulaire, fiche), the year and month of
signature, and the CQP a title names, with its initials ("conseiller offres de service" → COS).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assistant.answering import document_facts as df
from assistant.answering.citations import CitationBook
from assistant.answering.document_facts import DocumentFacts, Fact, folded
from assistant.answering.wording import source_phrase
from ingest.models import DocumentInfo
from knowledge.hybrid import Evidence

# How a question asks for each attribute (folded, accent-free). These are the everyday words for a
# text's metadata, not any question's wording: see tests/assistant/test_documents.py for wordings.
_ASKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        df.RENUMBERING,
        re.compile(
            r"\bnumero|\bnumerot|\brenumer|\bdevenu|\bd.origine\b|\bpasse\b|\bcorrespond|"
            r"\bdeviennent\b|\bporte quel\b|\bs.appelle\b|\bancien(ne)? article|\ba quel article\b"
        ),
    ),
    (
        df.SIGNATORIES,
        re.compile(
            r"\bqui\b[^?]*\bsign|\bsignataire|"
            r"\b(syndicats?|organisations?|parties?|employeurs?|patronal)\b[^?]*\bsign|"
            r"\bsign\w*\b[^?]*\b(cote|syndicats?|organisations?|employeurs?|salaries)\b|"
            r"\bcote (syndic|salari|employeur|patron)"
        ),
    ),
    (
        df.SIGNATURE,
        re.compile(r"\b(ou|quand|date|lieu|ville|jour)\b[^?]*\bsign|\bsign\w*\b[^?]*\b(ou|quand|date|lieu|ville)\b"),
    ),
    (
        df.DATE,
        re.compile(
            r"\bdate (de|du) quand\b|\bdatee?\b|\bde quand\b|\bquelle annee\b|"
            r"\bquand\b[^?]*\b(ecrit|publie|redige|paru|sorti)"
        ),
    ),
    (
        df.DURATION,
        re.compile(
            r"jusqu.(a|au) quand|\bvalable|\bexpir|duree (in)?determinee|combien de temps|pour quelle duree|"
            r"\bconclue? pour\b|prend fin|limite dans le temps|\bcaduc|date (de fin|limite)|\bfin de validite"
        ),
    ),
    (
        df.REVISION,
        re.compile(
            r"\bdenon|\brevis|\bresili|\bsortir d(?:e|u|es)\b|\brevoir\b|\brenegoci|\bpreavis|\bprevenance|\bmettre fin"
        ),
    ),
    (df.APPROVAL, re.compile(r"\bagre(e|ee|ment)\b|\bagree?s?\b")),
    (df.EXTENSION, re.compile(r"\bextension\b|\betendue?\b")),
    (
        df.EFFECT,
        re.compile(
            r"\bvigueur\b|\bprend effet|\bdate d.effet|\bretroacti|\bdepuis quand\b|\ba partir de quand\b|"
            r"\btout de suite\b|\b(?:des|depuis|a partir de) (?:la|sa|leur) signature|\bsubordonn|"
            r"\bsous (quelle|quelles) conditions?\b|"
            r"\bd.application\b|\bapplicable\b"
        ),
    ),
    (
        df.SCOPE,
        re.compile(
            r"\bs.appliqu\w*\b[^?]*\ba (qui|toutes?|tous|l.ensemble|quels?|quelles?)\b|\bimperati|"
            r"\btoutes les caisses\b|\btous les organismes\b|\bqui l.ont signe"
        ),
    ),
    (df.NOR, re.compile(r"\bnor\b|numero d.enregistrement|reference officielle")),
    (
        df.SMALL_FIRMS,
        re.compile(r"moins de \d+ salaries|\bpetites? (structures?|entreprises?|organismes?)\b|\bpme\b|\btpe\b"),
    ),
    (df.PURPOSE, re.compile(r"\bloi\b|\bdecoule|\bfondement|base legale|\btranspos")),
    (
        df.CHANGES,
        re.compile(
            r"\bchang|\bmodifi|\bapport|\bnouveaute|\bajout|quoi de neuf|"
            r"\bobjectifs?\b|\bbut\b|\bsouhait|\bvoulu|en gros|\bresum|\bcherch\w* a\b|\bvis(?:e|ait)\b|"
            r"\ba quoi sert|\bsert a quoi|\bcontenu\b|\bque contient"
        ),
    ),
)

# Words that frame a question about a text rather than name a subject of its own.
_FRAME_TEXT = (
    "accord avenant protocole texte textes convention circulaire fiche document formation professionnelle "
    "signe signee signes signataire signataires signature cote syndicats syndicat salaries employeurs "
    "organisation organisations partie parties valable jusqu quand depuis date datee dates annee quelle "
    "quel quels quelles combien temps duree conclu conclue denonce denoncee denoncer revise reviser revision "
    "agree agreee agrement extension etendu vigueur effet application applique appliquer applicable "
    "numero numerotation article articles ancien ancienne maintenant aujourd actuel actuelle porte devenu "
    "change changee changes changer modifie modifications apporte nouveautes ajoute voulu objectif objectifs "
    "pourquoi comment est-ce est-il est-elle a-t-il a-t-elle peut peut-il peut-elle etre avec quoi elle "
    "parle branche regime general securite sociale pour les des une dans sous condition conditions "
    "preavis prevenance lieu ville jour quand ecrit publie redige gros points trois deux laquelle lequel "
    "prevoit prevu prevoient regles regle particulieres particuliere specifiques dispositions clause clauses "
    "stipulations dit disent neuf nouveau nouvelle nouvelles resume cherche faire vise visait sert contenu "
    "contient"
)
_FRAME = set(_FRAME_TEXT.split()) | {df.folded(m) for m in df.MONTHS}  # "l'avenant d'octobre 2022"
# French function words (grammar, not subject): they never make a question's own subject.
_STOP_TEXT = (
    "le la les l de du des d un une et ou a au aux en sur par que qui quoi ce c ca se s il elle est son sa ses "
    "ils elles sont sera seront etait etaient etre avoir avait cette ceci cela celle celles celui ceux avec pour "
    "dans leur leurs tout toute tous toutes mais plus moins encore aussi donc alors comme quand quel quelle "
    "quels quelles lequel laquelle dont chez entre vers sans selon depuis vous nous mon notre votre tres bien "
    "fait faut peut peuvent doit doivent avez ont apres avant fallait falloir puisse puissent"
)
_STOP = set(_STOP_TEXT.split())

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


@dataclass(frozen=True)
class DocumentQuestion:
    document: str
    attributes: tuple[str, ...]


def names_of(info: DocumentInfo) -> tuple[set[str], set[str], str]:
    """How users name a text: its head words and kind, the CQP it names (words and initials), its year."""
    title = folded(info.title)
    first = [w for w in re.findall(r"[a-z]+", title) if w not in _STOP and len(w) > 2][:1]
    heads = set(first) - {"certificats"}  # the title's head noun: "Protocole", "Avenant", "Convention"
    heads.add(folded(info.kind))
    if info.kind == "fiche":
        heads.add("cqp")
    cqp: set[str] = set()
    named = re.search(r"\bcqp\s+([a-z ]+?)(?:\s+de la\b|$)", title)
    if named:
        words = [w for w in named.group(1).split() if w not in _STOP and len(w) > 1]
        cqp = set(words) | {"".join(w[0] for w in words)}
    return heads, cqp, (info.signed or "")[:7]


def which_document(question: str, manifest: Mapping[str, DocumentInfo]) -> str | None:
    """The one text the question names, or None (no text named, or two equally)."""
    text = folded(question)
    words = set(re.findall(r"[a-z0-9]+", text))
    scores: dict[str, int] = {}
    for document, info in manifest.items():
        heads, cqp, signed = names_of(info)
        score = len(heads & words)
        if cqp and (cqp & words) and score:
            score += 1
        if signed:
            year = signed[:4]
            if year in words:
                score += 2
                if df.french_day(info.signed).split()[1] in text:
                    score += 1
        if score:
            scores[document] = score
    if not scores:
        return None
    best = max(scores.values())
    winners = [d for d, s in scores.items() if s == best]
    # "l'avenant au protocole": the amending text, named with the one it amends
    amending = [d for d in winners if manifest[d].amends in winners]
    if len(winners) == 2 and len(amending) == 1:
        return amending[0]
    return winners[0] if len(winners) == 1 else None


def asked_attributes(question: str) -> tuple[str, ...]:
    text = folded(question)
    return tuple(attribute for attribute, cue in _ASKS if cue.search(text))


def read_question(
    question: str, manifest: Mapping[str, DocumentInfo], renumbered: Mapping[str, str] | None = None
) -> DocumentQuestion | None:
    """The document a question is about and the attributes it asks; a question naming an article by
    its old and its new number ("article 12 … alors que c'est l'article 11") asks the renumbering."""
    attributes = asked_attributes(question)
    numbers = re.findall(r"\barticles?\s+(\d+)", folded(question))
    if renumbered and any(renumbered.get(a) == b or renumbered.get(b) == a for a in numbers for b in numbers):
        attributes = (df.RENUMBERING, *[a for a in attributes if a != df.RENUMBERING])
    if not re.search(r"\barticle|\bnumerot|\brenumer", folded(question)):  # renumbering is about articles
        attributes = tuple(a for a in attributes if a != df.RENUMBERING)
    if not attributes:
        return None
    document = which_document(question, manifest)
    if document is None:
        if df.RENUMBERING in attributes and re.search(r"\barticles?\b", folded(question)):
            return DocumentQuestion("", (df.RENUMBERING,))
        return None
    return DocumentQuestion(document, attributes)


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
    if df.CHANGES in wanted and _own_subject(question, known):  # "ajoutées à la liste Pro-A": that article
        wanted.remove(df.CHANGES)
    words = _content_words(folded(question))
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
    return sorted(found, key=lambda f: (not f.value, -len(words & _content_words(folded(f.sentence)))))


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
    aims = sorted(known.get(df.AIMS), key=lambda f: -len(words & _content_words(folded(f.sentence))))
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
    words = _content_words(text)
    best, score = None, 0
    for number in moved:
        shared = len(words & _content_words(folded(titles.get(number, ""))))
        if shared > score:
            best, score = number, shared
    return best


def _content_words(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z]+", text) if len(w) > 3 and w not in _STOP}


def _own_subject(question: str, known: DocumentFacts) -> set[str]:
    """The question's words that neither name the text nor frame a question about it (the words by which
    it asks for an attribute included: "revoir", "expire", "tout de suite")."""
    heads, cqp, _ = names_of(known.info)
    frame = {w[:6] for w in _FRAME | heads | cqp}
    text = folded(question)
    for _, cue in _ASKS:
        text = cue.sub(" ", text)
    return {w for w in _content_words(text) if w not in frame and not w.isdigit()}


def _covered(question: str, known: DocumentFacts, facts: list[Fact], names: Mapping[str, str]) -> bool:
    """The question says nothing the facts' passages (and the text's names) do not: no subject of its own."""
    context = " ".join([folded(known.info.title)] + [folded(f"{f.chunk.section_title} {f.chunk.text}") for f in facts])
    covered = _content_words(context)
    rest = _own_subject(question, known)
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
        self._key: int | None = None
        self._facts: dict[str, DocumentFacts] = {}
        self._lock = threading.Lock()

    def facts(self, retriever: Any) -> dict[str, DocumentFacts]:
        passages = getattr(retriever, "passages", None)
        if passages is None:  # a retriever without the index's passages (tests' stand-ins)
            return {}
        key = id(retriever.passage_texts())
        with self._lock:
            if key != self._key:
                self._facts = df.read_facts(passages(), self._manifest)
                self._key = key
            return self._facts

    def answer(self, question: str, retriever: Any) -> tuple[str, CitationBook] | None:
        """The cited answer to a question about a text itself, or None for the ordinary pipeline."""
        if not asked_attributes(question) and not re.search(r"\barticles?\s+\d", folded(question)):
            return None  # most questions: no index read at all
        book = CitationBook(self._titles, retriever.locate)
        text = answer_about_document(question, self.facts(retriever), self._manifest, book, self._names)
        return (text, book) if text else None
