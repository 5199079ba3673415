"""Facts about the texts themselves, read from the indexed passages: who signed, where and when,
for how long, how a text is revised, approved, extended or comes into force, what an avenant changed.

Users ask about the documents as documents ("qui a signé l'accord de 2019 ?", "l'avenant entre en
vigueur quand ?"). The answer is on the title page, in the signature block ("Fait à …, le …") or in
the closing articles ("Durée et date d'effet"), which the passage ranking treats like any other
text and rarely puts first. This module reads those places once per loaded index and keeps each
fact with the passage it comes from, so an answer can quote and cite it.

Nothing here is typed by hand about a given text: the readers are the drafting formulas of French
collective agreements (the parties' lines "Entre … d'une part, et … d'autre part", "Fait à X, le
D", "conclu pour une durée indéterminée", "pourra être révisé ou dénoncé", "sous réserve de
l'agrément", "déposé pour extension", "deviennent respectivement les articles …"), applied to every
document of the index, the uploaded ones included. A sentence of one text that names another one
by its date ("le protocole d'accord du 19 décembre 2019, agréé le 30 avril 2020 par …") is a fact
about the text it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ingest.models import Chunk, DocumentInfo
from text.folding import without_accents

# The attributes a question may ask of a document, each read by the formulas below.
SIGNATORIES = "signatories"  # the parties: employers' organisations, unions
SIGNATURE = "signature"  # "Fait à X, le D"
DURATION = "duration"  # "conclu pour une durée indéterminée", "prend fin au …"
REVISION = "revision"  # révision, dénonciation, notice ("délai de prévenance")
APPROVAL = "approval"  # agrément (by whom, when)
EXTENSION = "extension"  # "déposé pour extension"
EFFECT = "effect"  # entry into force, conditions, retroactive effect
SCOPE = "scope"  # "d'application impérative à l'ensemble des organismes"
NOR = "nor"  # the official registration number
SMALL_FIRMS = "small_firms"  # the clause on firms under 50 employees (L. 2232-10-1)
PURPOSE = "purpose"  # what the text is for, the law it applies (its preamble's first sentence)
AIMS = "aims"  # what the signatories wanted (a preamble's list "ont souhaité : – …")
CHANGES = "changes"  # an amending text's articles: "Modification de l'article 7", "Création d'un article 9"
RENUMBERING = "renumbering"  # "Les articles 9, 10 et 11 deviennent respectivement les articles 10, 11 et 12."
DATE = "date"  # the date a text bears (its signature, else the manifest's date found in its text)

_MONTH_NAMES = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
_MONTHS = MONTHS = _MONTH_NAMES.split()
_DATE = r"(?:1er|\d{1,2})\s+(?:" + "|".join(_MONTHS) + r")\s+\d{4}"

# Each formula: a sentence of the document matching it is a fact of that attribute.
_FORMULAS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (SIGNATURE, re.compile(r"^Fait (?:en .{1,30}, )?à\s+[^,_]{2,60},\s+le\s+" + _DATE, re.I)),
    (DURATION, re.compile(r"\bconclue?\s+(?:pour une |à |a )?dur[ée]e\s+(?:in)?d[ée]termin[ée]e|\bprend fin\b", re.I)),
    (
        REVISION,
        re.compile(
            r"\b(?:r[ée]vis[ée]e?s?|d[ée]nonc[ée]e?s?|d[ée]nonciation|pr[ée]avis|d[ée]lai de pr[ée]venance)\b", re.I
        ),
    ),
    (APPROVAL, re.compile(r"\bagr[ée]ment (?:minist[ée]riel|pr[ée]vu)|\bsous r[ée]serve de l.agr[ée]ment", re.I)),
    (EXTENSION, re.compile(r"\bd[ée]pos[ée]e? pour extension|\bconditionn[ée]e? à l.extension", re.I)),
    (
        EFFECT,
        re.compile(
            r"\bentr(?:e|era|ent|eront) en vigueur|\bentr[ée]e en vigueur\b|\bprend effet\b|\bdate d.effet\b|"
            r"\beffet r[ée]troactif\b|\bs.applique sous r[ée]serve\b|\bne vaut en aucun cas\b",
            re.I,
        ),
    ),
    (SCOPE, re.compile(r"\bd.application imp[ée]rative\b", re.I)),
    (SMALL_FIRMS, re.compile(r"\bmoins de \d+ salari[ée]s\b.*\bL\.\s*2232", re.I)),
)
_NOR = re.compile(r"\bNOR\s*:\s*([A-Z0-9]{8,})")
_PARTY = re.compile(
    r"organisation\(?s?\)?\s+professionnelle\(?s?\)?\s+d.employeur\(?s?\)?\s*:\s*(?P<employers>.+?)\s*,?\s*d.une part"
    r".*?syndicat\(?s?\)?\s+de\s+salari[ée]s\s*:\s*(?P<unions>.+?)\s*,?\s*d.autre part",
    re.I | re.S,
)
_RENUMBER = re.compile(
    r"articles?\s+(?P<old>[\d ,et]+?)\s+deviennent\s+respectivement\s+les\s+articles\s+(?P<new>[\d ,et]+)", re.I
)
# The headings of an amending text's articles: "Modification de l'article 7", "Création d'un article 9".
_AMENDS = re.compile(r"(modification|cr[ée]ation|renum[ée]rotation|insertion|suppression|ajout|remplacement)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÀÂÉÈÊÎÔÙ«(–-])")


@dataclass(frozen=True)
class Fact:
    """One fact about a document: the sentence it is read from and its passage (for the citation)."""

    attribute: str
    sentence: str
    chunk: Chunk
    value: str = ""  # a short value when the formula isolates one ("UCANSS", "Montreuil")


@dataclass
class DocumentFacts:
    """Every fact found about one document, by attribute, in reading order."""

    info: DocumentInfo
    facts: dict[str, list[Fact]] = field(default_factory=dict)
    renumbered: dict[str, str] = field(default_factory=dict)  # old article number → new one (amended text)
    article_titles: dict[str, str] = field(default_factory=dict)  # number → title, as published
    announcing: bool = False  # reading a preamble's list of aims

    def add(self, fact: Fact) -> None:
        known = self.facts.setdefault(fact.attribute, [])
        if all(f.sentence != fact.sentence for f in known):
            known.append(fact)

    def get(self, attribute: str) -> list[Fact]:
        return self.facts.get(attribute, [])


def sentences(text: str) -> list[str]:
    """The sentences and list items of a passage, its wrapped lines joined."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = " ".join(paragraph.split())
        if paragraph:
            out.extend(s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip())
    return out


def document_label(info: DocumentInfo) -> str:
    """How a sentence of another text names this one: "protocole d'accord du 19 décembre 2019"."""
    return f"du {french_day(info.signed)}" if info.signed else ""


def french_day(iso: str | None) -> str:
    if not iso:
        return ""
    year, month, day = (int(p) for p in iso.split("-"))
    return f"{'1er' if day == 1 else day} {_MONTHS[month - 1]} {year}"


def read_facts(chunks: Iterable[Chunk], manifest: Mapping[str, DocumentInfo]) -> dict[str, DocumentFacts]:
    """The facts of every document of the index, read from its own (not consolidated) passages."""
    own = [c for c in chunks if not c.metadata.get("consolidated")]
    by_document: dict[str, list[Chunk]] = {}
    for chunk in sorted(own, key=lambda c: (c.document, c.section_ordinal, c.ordinal)):
        by_document.setdefault(chunk.document, []).append(chunk)
    result: dict[str, DocumentFacts] = {}
    for document, passages in by_document.items():
        info = manifest.get(document) or DocumentInfo(document, str(passages[0].metadata.get("doc_title") or document))
        facts = DocumentFacts(info)
        _read_own(facts, passages)
        result[document] = facts
    _read_cross_references(result, by_document)
    _read_dates(result, by_document)
    return result


def _read_own(facts: DocumentFacts, passages: Sequence[Chunk]) -> None:
    for n, chunk in enumerate(passages):
        text = chunk.text
        if chunk.section_number[:1].isdigit() and chunk.section_number not in facts.article_titles:
            facts.article_titles[chunk.section_number] = chunk.section_title
        if n < 3:  # the title page: the parties and the registration number
            party = _PARTY.search(text)
            if party:
                employers, unions = _clean_party(party["employers"]), _clean_party(party["unions"])
                facts.add(Fact(SIGNATORIES, employers, chunk, "employers"))
                facts.add(Fact(SIGNATORIES, unions, chunk, "unions"))
            nor = _NOR.search(text)
            if nor:
                facts.add(Fact(NOR, f"NOR : {nor.group(1)}", chunk, nor.group(1)))
        for sentence in sentences(text):
            for attribute, formula in _FORMULAS:
                if formula.search(sentence):
                    facts.add(Fact(attribute, sentence, chunk, _value(attribute, sentence)))
            moved = _RENUMBER.search(sentence)
            if moved:
                old, new = _numbers(moved["old"]), _numbers(moved["new"])
                if len(old) == len(new):
                    facts.renumbered.update(zip(old, new))
                    facts.add(Fact(RENUMBERING, sentence, chunk))
        if chunk.section_number.lower().startswith("pr") and chunk.section_title.lower().startswith("pr"):
            _read_preamble(facts, chunk)


def _read_preamble(facts: DocumentFacts, chunk: Chunk) -> None:
    """The preamble's first sentence says what the text is for; a list announced by "souhaité :" its aims
    (the list may run on into the section's next passage)."""
    parts = sentences(chunk.text)
    if not facts.get(PURPOSE) and parts:
        facts.add(Fact(PURPOSE, parts[0], chunk))
    for part in parts:
        if part.startswith(("–", "-", "•")) and facts.announcing:
            facts.add(Fact(AIMS, part, chunk))
            continue
        facts.announcing = part.endswith(":") and bool(re.search(r"souhait|objectif|vis", part, re.I))


def _read_cross_references(result: dict[str, DocumentFacts], by_document: Mapping[str, Sequence[Chunk]]) -> None:
    """A sentence naming another text by its date ("l'accord du 19 décembre 2019, agréé le …") is about it.

    An amending text's own numbered articles ("Modification de l'article 7", "Création d'un article 9",
    "Renumérotation des articles") are the changes it makes to the text it amends."""
    for document, passages in by_document.items():
        for other, facts in result.items():
            if other == document:
                continue
            label = document_label(facts.info)
            if not label:
                continue
            for chunk in passages:
                for sentence in sentences(chunk.text):
                    if label in sentence and re.search(r"\bagr[ée][ée]e? le\b", sentence, re.I):
                        facts.add(Fact(APPROVAL, sentence, chunk, _value(APPROVAL, sentence)))
        amended = result[document].info.amends
        if not amended:
            continue
        seen: set[str] = set()
        for chunk in passages:
            number = chunk.section_number
            if number[:1].isdigit() and number not in seen and _AMENDS.match(chunk.section_title):
                seen.add(number)
                line = f"Article {number} | {chunk.section_title}"
                result[document].add(Fact(CHANGES, line, chunk, number))


def _read_dates(result: dict[str, DocumentFacts], by_document: Mapping[str, Sequence[Chunk]]) -> None:
    """The date a text bears: its signature, else the manifest's date where the text itself writes it."""
    for document, facts in result.items():
        signed = facts.get(SIGNATURE)
        if signed:
            facts.add(Fact(DATE, signed[0].sentence, signed[0].chunk, signed[0].value))
            continue
        day = french_day(facts.info.signed)
        if not day:
            continue
        short = day.rsplit(" ", 1)[0]  # "14 février", as a text may write it within its year
        for fact in _passages_with(by_document[document], day, short):
            facts.add(fact)


def _passages_with(passages: Sequence[Chunk], day: str, short: str) -> list[Fact]:
    found: list[Fact] = []
    for chunk in passages:
        for sentence in [chunk.section_title, *sentences(chunk.text)]:
            if short in sentence:
                found.append(Fact(DATE, sentence, chunk, day))
    return found[:2]


def _value(attribute: str, sentence: str) -> str:
    if attribute == SIGNATURE:
        match = re.search(r"à\s+([^,_]{2,60}),\s+le\s+(" + _DATE + ")", sentence)
        return f"{match.group(1).strip()}, le {match.group(2)}" if match else ""
    if attribute == APPROVAL:
        match = re.search(r"agr[ée][ée]e? le (" + _DATE + ")", sentence, re.I)
        if match:
            return match.group(1)
    return ""


def _clean_party(text: str) -> str:
    return " ".join(text.replace("\n", " ").split()).strip(" ,;")


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def folded(text: str) -> str:
    return without_accents(text).lower().replace("\u2019", "'")
