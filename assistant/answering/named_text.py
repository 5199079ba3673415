"""A text named as the place to read: "dans la convention CQP COS, quand la caisse paie-t-elle ?".

Why: a question that names one of the indexed texts by its title words ("la convention de formation du
CQP conseiller offres de service", "la circulaire du CQP gestionnaire conseil", "le préambule de l'avenant
de 2022") carries those words into the search. They are the document's own name, so they are found in
the passages that repeat the title — the title page, an article 1 restating the object of the text
("le parcours de formation « conseiller offres de service de la Sécurité sociale » qui conduit…") — and
those passages outrank the article about what is asked (the payment, the OPCA's refusals, the date of
effect). The title words say *where* to read, not *what*: here they are read as such. The phrase naming
the text is cut out of the question (its words are the text's names, read from the manifest: the
title's words, its kind, the CQP it names and its initials, the year and month of signature), and the
rest of the question is searched within that text only, so its articles rank by their own subject.

An agreement and the avenant that amends it are not scoped the same way: the text in force is their
consolidation (an article of the accord rewritten by the avenant, an article of the avenant renumbered into
the accord), so naming the avenant does not tell which document holds the answer, and its words ("l'avenant
de 2022") also tell its preamble from the annexes'. The agreement itself named ("le protocole formation de
décembre 2019") is read in its consolidated text with its name cut, as a second try (`linked`): its name is
every word of its title block, which otherwise led questions on its own rules (docs11); not when the question
asks what the title block holds (its NOR, its signatories: `title_blocks`).

A text is taken as the place to read only when it is named unambiguously: a phrase holding the title's
head noun or the text's kind (`document_questions.names_of`) and a word that only this text's names hold
(its CQP, its initials, its year), or a kind that no other indexed text has ("la circulaire"). "La
convention collective" names the branch's agreement, which is not indexed. A question naming two texts
("la circulaire dit 3 ans, l'accord un an") is not scoped, nor one that sets a text against something else
("… mais l'avenant parle de deux ans"): it reads two sides (`texts_disagree`, `comparison`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from assistant.answering.dispositifs import SchemeSearch, scheme_search
from assistant.answering.document_facts import MONTHS, folded
from assistant.answering.document_questions import names_of
from assistant.answering.glossary_places import GlossaryReading
from assistant.answering.named_entry import entry_first
from assistant.answering.section_lead import led_by_section
from assistant.answering.title_blocks import asks_its_title_block, without_title_blocks
from ingest.models import DocumentInfo
from knowledge.everyday_names import NamedPlace, named_place
from knowledge.hybrid import Evidence
from text.folding import same_length

# Words that join the words of a text's name ("la convention de formation du CQP …"), and words that
# qualify a text as a text ("la convention type", "le modèle de convention", "le document").
_LINKS_TEXT = "de du des d la le l les a au aux en sur relatif relative type modele texte document"
_LINKS = frozenset(_LINKS_TEXT.split())
# "la convention collective": the branch's own agreement, never one of the indexed texts.
_NOT_A_TEXT = re.compile(r"\bconventions? collectives?\b|\bconvention d.objectifs\b")
# What leads into the phrase naming the text ("dans la", "d'après le", "selon l'"): cut with it.
_LEADS = _LINKS | {"dans", "selon", "apres", "par"}
_TOKEN = re.compile(r"[a-z0-9]+")
# A text named in one clause of a contrast ("l'article 2.4 permet 36 mois, mais l'avenant parle de deux ans")
# is one side of the question, not where to read all of it.
_CONTRAST = re.compile(r"\bmais\b|\balors que\b|\btandis que\b|\bdifferen|\bcompar|\bcontradi|\bversus\b|\bvs\b")
MIN_LEFT_WORDS = 2  # what is left must still ask something ("quand ?" alone is not searched on its own)
# The passages searched in a text named by its everyday names, before those of the part named are put first: the
# whole of a part (the circular's section V holds six passages) within reach.
PLACE_DEPTH = 20


@dataclass(frozen=True)
class NamedText:
    """The one text a question names as the place to read, and the question without the phrase naming it."""

    document: str
    question: str
    phrase: str  # the words cut out, as written
    # named by the CQP its title names, not as a text: the CQP's words, which also head the sections of other
    # texts written about that CQP (the fiche's "CQP Conseiller offres de services"); empty when named as a text
    subject: frozenset[str] = frozenset()


def _names(info: DocumentInfo) -> tuple[set[str], set[str]]:
    """(words that may belong to the phrase naming the text, the words that identify it among the others)."""
    heads, cqp, signed = names_of(info)
    title = {w for w in _TOKEN.findall(folded(info.title)) if len(w) > 1 and w not in _LINKS}
    year = {signed[:4]} if signed else set()
    month = {MONTHS[int(signed[5:7]) - 1]} if len(signed) >= 7 else set()
    words = title | heads | cqp | year | month | {"cqp"}
    return words, heads | cqp | year


def read_named_text(question: str, manifest: Mapping[str, DocumentInfo], *, linked: bool = False) -> NamedText | None:
    """The text the question names as where to read, with the naming phrase cut out; None when no text,
    or more than one, is so named, or when nothing is left to search once the name is cut. An agreement or its
    avenant named is read only with `linked` (then the document is the one named, read with its partner)."""
    original = re.sub(r"\s+", " ", question).strip()
    text = same_length(original)
    if _NOT_A_TEXT.search(text) or _CONTRAST.search(text):
        return None
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    kinds = [folded(info.kind) for info in manifest.values()]
    found: dict[str, list[tuple[int, int]]] = {}
    subjects: dict[str, frozenset[str]] = {}
    partners = {d for d, i in manifest.items() if i.amends} | {i.amends for i in manifest.values() if i.amends}
    for document, info in manifest.items():
        words, identifying = _names(info)
        heads, cqp, _ = names_of(info)
        own = identifying - _shared(document, manifest)  # the words no other text's names hold
        unique_kind = kinds.count(folded(info.kind)) == 1 and folded(info.kind) in heads
        named: list[tuple[int, int]] = []
        whole = False  # the CQP named by all its words or its initials ("CQP gestionnaire" alone names none)
        of_its_cqp: list[tuple[int, int]] = []
        for start, end in _runs(tokens, words):
            run = {t for t, _, _ in tokens[start:end]}
            headed = bool(run & (heads - {"cqp"}))
            if headed and (run & own or (unique_kind and folded(info.kind) in run)):
                while start > 0 and tokens[start - 1][0] in _LEADS:
                    start -= 1
                named.append((tokens[start][1], tokens[end - 1][2]))
            elif run & cqp and ("cqp" in run or len(run & cqp) > 1 or _whole_name(run, cqp)):  # "CQP COS", "COS"
                while start > 0 and tokens[start - 1][0] in _LINKS:
                    start -= 1
                of_its_cqp.append((tokens[start][1], tokens[end - 1][2]))
                whole |= _whole_name(run, cqp)
        if named:
            found[document] = named + of_its_cqp
        elif whole and _names_its_own(tokens, of_its_cqp, own) and not _another_job(tokens, words, cqp):
            # the CQP the text's title names ("le parcours CQP COS", "les formateurs du conseiller offres de
            # service"): the texts written for that CQP are where to read, its name says nothing of what is asked
            found[document] = of_its_cqp
            subjects[document] = frozenset(cqp)
    if len(found) != 1 or bool(found.keys() & partners) != linked:  # an amended text and its avenant: one text in
        return None  # force, read whole, or read together (`linked`)
    document, spans = next(iter(found.items()))
    left = original
    for begin, end in sorted(spans, reverse=True):
        left = left[:begin] + left[end:]
    left = re.sub(r"\s+([,?.!;:])", r"\1", re.sub(r"\s+", " ", left)).strip(" ,;:")
    if len([t for t in _TOKEN.findall(same_length(left)) if len(t) > 2]) < MIN_LEFT_WORDS:
        return None
    left = left[:1].upper() + left[1:]
    phrase = " ; ".join(original[b:e] for b, e in spans)
    return NamedText(document, left, phrase, subjects.get(document, frozenset()))


def heading_names(heading: str, subject: frozenset[str]) -> bool:
    """Whether a section's heading names the CQP whose words are `subject` ("CQP Conseiller offres de services"
    for {conseiller, offres, service, cos}): every word of its name begins a word of the heading, or the
    heading holds its initials."""
    words = _TOKEN.findall(folded(heading))
    if not subject or not words:
        return False
    full = {w for w in subject if len(w) > 3 or not any(o.startswith(w[0]) and o != w for o in subject)}
    spelled = [w for w in subject if w not in full]
    return all(any(h.startswith(w) for h in words) for w in full) or any(w in words for w in spelled)


def _whole_name(run: set[str], cqp: set[str]) -> bool:
    """Whether a run of words names the CQP whole: all the words of its name, or its initials."""
    spelled = {w for w in cqp if len(w) <= 3}
    return bool(run & spelled) or (cqp - spelled) <= run


def _another_job(tokens: list[tuple[str, int, int]], words: set[str], cqp: set[str]) -> bool:
    """Whether the question also names a job sharing a word with the CQP but not all of them ("gestionnaire
    carrière" beside "gestionnaire conseil"): it then asks about two jobs, not where to read one."""
    spelled = {w for w in cqp if len(w) <= 3}
    full = cqp - spelled
    for start, end in _runs(tokens, words | _LINKS):
        run = {t for t, _, _ in tokens[start:end]} - _LINKS - {"cqp"}
        if run and run <= full and not full <= run:
            return True
    return False


def _names_its_own(tokens: list[tuple[str, int, int]], spans: list[tuple[int, int]], own: set[str]) -> bool:
    """Whether the phrases naming a CQP hold a word that only this text's names hold (not a CQP that another
    text's title names too)."""
    return any(t in own for t, b, e in tokens for start, end in spans if start <= b and e <= end)


def _shared(document: str, manifest: Mapping[str, DocumentInfo]) -> set[str]:
    """The identifying words that another text's names hold too (the avenant's "2019", the accord's date)."""
    shared: set[str] = set()
    for other, info in manifest.items():
        if other != document:
            shared |= _names(info)[1]
    return shared


def _runs(tokens: list[tuple[str, int, int]], words: set[str]) -> list[tuple[int, int]]:
    """Maximal runs of the text's name words and their links, without links at either end."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if tokens[i][0] not in words:
            i += 1
            continue
        j = i
        while j < len(tokens) and (tokens[j][0] in words or tokens[j][0] in _LINKS):
            j += 1
        end = j
        while end > i and tokens[end - 1][0] in _LINKS and tokens[end - 1][0] not in words:
            end -= 1
        runs.append((i, end))
        i = j
    return runs


def _places(named: NamedText) -> Callable[[Evidence], bool]:
    """Where a named text's question is read: that text, and when it was named by the CQP its title names, the
    sections of other texts headed with that CQP's name (the fiche's "CQP Conseiller offres de services")."""
    return lambda e: e.document == named.document or heading_names(e.chunk.section_title, named.subject)


class MoreSearch(Protocol):
    """A search for other words where the answer read, `k` passages (the plan's own number by default)."""

    def __call__(self, text: str, k: int = ...) -> list[Evidence]: ...


@dataclass(frozen=True)
class Searched:
    """What a retrieval answer read: its search plan, the passages found, and `more`, a search for other
    words in the same place (the named text, or the whole corpus) that later steps use."""

    plan: SchemeSearch
    evidence: list[Evidence]
    more: MoreSearch
    # The other texts' passages for the question, when it was read inside the agreement it names: never quoted as
    # the answer, only read to say that another text in force gives another figure for the same rule
    # (`disagreement`): "selon l'accord, quelle expérience minimum pour une VAE ?" is answered by the accord's
    # "au moins une année", and the circular's "au minimum de 3 ans" must still be set against it.
    elsewhere: tuple[Evidence, ...] = ()


def search_where_asked(
    asked: str,
    topic: str | None,
    k: int,
    manifest: Mapping[str, DocumentInfo],
    search: Callable[..., list[Evidence]],
    silent: Callable[[str, list[Evidence]], bool],
    glossary: GlossaryReading | None = None,
) -> Searched:
    """The passages of a question, read in the text it names when that text answers it ("dans la
    convention CQP COS, quand paie-t-on ?": its name says where to read, not what), else in the whole
    corpus as asked. `search(text, k, **filters)` is the service's search; `silent` its answerability check;
    `glossary` the question's everyday reading, whose section model may choose which passage leads a question
    read in the whole corpus (`section_lead`)."""
    place = named_place(asked)
    if place is not None and (place.sections or place.headings):
        # a part named ("l'exam du CQP gestionnaire conseil"): more precise than its text's title words
        found = _read_at(place, asked, topic, k, manifest, search, silent, glossary)
        if found is not None:
            return found
    named = read_named_text(asked, manifest)
    if named is not None:
        inside = scheme_search(named.question, topic, k)
        places = _places(named)

        def more_inside(text: str, k: int = inside.searched) -> list[Evidence]:
            if not named.subject:
                found = search(text, k, document=named.document)
            else:
                found = [e for e in search(text, 3 * k) if places(e)][:k]
            return without_title_blocks(text, inside.narrow(found), manifest)

        evidence = more_inside(inside.text)
        if evidence and not silent(inside.query, evidence):
            evidence = led_by_section(named.question, evidence, glossary, manifest, silent, inside.query, within=True)
            return Searched(inside, evidence, more_inside)
    pair = read_named_text(asked, manifest, linked=True)
    if (
        pair is not None
        and not manifest[pair.document].amends  # the agreement, read as in force; an avenant read alone lacks it
        and not asks_its_title_block(asked, search(asked, k, document=pair.document), manifest)
    ):
        read = scheme_search(pair.question, topic, k)

        def more_in_it(text: str, k: int = read.searched) -> list[Evidence]:
            return without_title_blocks(text, read.narrow(search(text, k, document=pair.document)), manifest)

        evidence = more_in_it(read.text)
        if evidence and not silent(read.query, evidence):
            evidence = led_by_section(pair.question, evidence, glossary, manifest, silent, read.query, within=True)
            linked = {pair.document} | {d for d, i in manifest.items() if i.amends == pair.document}
            others = tuple(e for e in search(pair.question, k) if e.document not in linked)
            return Searched(read, evidence, more_in_it, others)
    if place is not None and not (place.sections or place.headings):
        found = _read_at(place, asked, topic, k, manifest, search, silent, glossary)
        if found is not None:
            return found
    plan = scheme_search(asked, topic, k)

    def more(text: str, k: int = plan.searched) -> list[Evidence]:
        return without_title_blocks(text, plan.narrow(search(text, k)), manifest)

    evidence = led_by_section(asked, more(plan.text), glossary, manifest, silent, plan.query)
    # an entry of a list named by its rare acronym ("le DAMC de la liste Pro-A"): its passage leads (lookup30)
    return Searched(plan, entry_first(asked, evidence, search), more)


def _read_at(
    place: NamedPlace,
    asked: str,
    topic: str | None,
    k: int,
    manifest: Mapping[str, DocumentInfo],
    search: Callable[..., list[Evidence]],
    silent: Callable[[str, list[Evidence]], bool],
    glossary: GlossaryReading | None,
) -> Searched | None:
    """The passages of a question that names a text by its everyday names (`knowledge.everyday_names`: "le contrat
    avec le centre de formation", "la note de 2013 sur le CQP gestionnaire conseil"): what is left of the question
    once the text's name is cut is searched in that text, the passages of a part it also names first ("l'exam du
    CQP GC" in the note: its part V); None when they do not answer it (the whole corpus is then searched as asked).

    The text's name is cut from the search only: its words ("formation", "organisme", "convention") are in the
    passages that repeat the title, not in the article about what is asked. The question itself, name included,
    is what is judged and composed (`plan.query`), as before: a question about the text itself ("l'accord de 2019
    s'applique-t-il à toutes les caisses ?") keeps its subject, and the silent checks read what they read before."""
    plan = scheme_search(asked, topic, k)
    text = place.question if place.question != asked else plan.text
    documents = [d for d in place.documents if d in manifest]
    if not documents:
        return None

    def more_at(text: str, k: int = plan.searched) -> list[Evidence]:
        found = search(text, max(k, PLACE_DEPTH), document=documents)
        ordered = [e for e in found if place.holds(e.document, e.section, e.chunk.section_title)]
        ordered += [e for e in found if e not in ordered]
        return without_title_blocks(text, plan.narrow(ordered[:k]), manifest)

    def in_part(text: str, k: int = plan.searched) -> list[Evidence]:
        return [e for e in more_at(text, k) if place.holds(e.document, e.section, e.chunk.section_title)]

    # a part named: its passages alone when they answer (the composer ranks every passage it is given by the words
    # they share with the question, and the text's other sections share its words too); the text's otherwise
    for read in (in_part, more_at) if place.sections or place.headings else (more_at,):
        evidence = read(text)
        if evidence and not silent(plan.query, evidence):
            break
    else:
        return None
    evidence = led_by_section(asked, evidence, glossary, manifest, silent, plan.query, within=True)
    return Searched(plan, evidence, read)
