"""The everyday names of the indexed texts and of what they set up (issue #13, names19).

Why: a question that names no corpus topic and none of the indexed texts is refused when no passage speaks of its
subject (`answering.answerable.subject_is_elsewhere`). The texts' formal names are read by a regex
(`routing.guard_vocabulary.NAMES_A_TEXT`: "l'accord formation", "l'avenant 2022", "la circulaire", "COS"), but
employees name them otherwise: "le contrat avec le centre de formation", "la note de 2013 sur le CQP gestionnaire
conseil", "l'exam du CQP GC", "Prem'ss", "le CQP des chefs d'équipe". Those names are data
(`knowledge/data/everyday/names/texts.jsonl`, one row per document and part, written from the texts only), read
here as FIXED PHRASES: a name is specific (it carries the text's year, its signatories' object or the certificate's
own job title), so a whole-phrase match is evidence that the question is about the texts, and a looser reading
(by meaning) would also catch the near-corpus questions the scope check must keep refusing.

A question naming one of these sets the router's `names_texts`: the subject check of the answer then decides by the
passages and the bank's out-of-scope share, not by the missing topic alone. The foreign checks run first
(`answerable.qualified_elsewhere`: "la convention de formation de la métallurgie" stays another branch's).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from text.folding import finish_spelling
from text.folding import spelt_out as fold

NAMES_FILE = Path(__file__).parent / "data" / "everyday" / "names" / "texts.jsonl"

# A name is stored as people say it ("l'accord de 2019"); its determiner is not part of what must match
# ("dans cet accord de 2019", "de l'accord de 2019").
_DETERMINER = re.compile(r"^(?:l'|le |la |les |un |une |ce |cet |cette |ces |notre |nos |votre |vos |du |des )")


@dataclass(frozen=True)
class TextName:
    """One row: the everyday names of a document (`part` "") or of one thing it sets up ("parcours",
    "certification", a CQP's heading)."""

    document: str
    part: str
    kind: str  # "document", "part" (a thing the text sets up) or "certificate" (a CQP the sheet describes)
    names: tuple[str, ...]
    # the section numbers that set the part up ("V" for the circular's exam); empty: the whole text, or for a
    # certificate of the sheet its section, found by its heading (the part's label)
    sections: tuple[str, ...] = ()


def load(path: Path = NAMES_FILE) -> tuple[TextName, ...]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            sections = tuple(data.get("sections", ()))
            rows.append(TextName(data["document"], data["part"], data["kind"], tuple(data["names"]), sections))
    return tuple(rows)


def core(name: str) -> str:
    """The folded name without its leading determiner: what a question must hold."""
    return _DETERMINER.sub("", fold(name).strip())


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[TextName, re.Pattern[str]], ...]:
    out = []
    for row in load():
        cores = sorted({core(n) for n in row.names}, key=len, reverse=True)
        alternatives = "|".join(re.escape(c) for c in cores)
        out.append((row, re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")))
    return tuple(out)


def named_parts(question: str) -> tuple[tuple[str, str], ...]:
    """The (document, part) pairs the question names by one of their everyday names, in the file's order."""
    folded = fold(question)
    return tuple((row.document, row.part) for row, pattern in _patterns() if pattern.search(folded))


def names_a_text(folded: str) -> bool:
    """The question, folded by `text.folding.same_length` (the router's twin, passed once), names one of the indexed
    texts, or one thing a text sets up, by an everyday name.

    A certificate's name ("le CQP des chefs d'équipe") does not count: a CQP is a thing the texts name without
    making its rules (`answering.attributes.NAMED_ONLY_TOPICS`), so what is asked of it must be stated by a passage
    of it (`answerable.names_only`): "le taux de réussite au CQP DAM" stays refused. Measured
    (docs/evaluation/names19.md): counted as naming the texts, the sheet's certificate names lost four out-of-scope
    refusals of 2026k/l (a success rate, a number of places, a course length of a CQP)."""
    spelt = finish_spelling(folded)
    return any(row.kind != "certificate" and pattern.search(spelt) for row, pattern in _patterns())


@dataclass(frozen=True)
class NamedPlace:
    """Where a question says to read, by the everyday names of one text and of its parts: the documents to search
    (an agreement with the avenant that amends it: one text in force), the sections of the parts it names (their
    numbers, or for a certificate of the sheet its heading), and the question with the names cut out."""

    documents: tuple[str, ...]
    sections: frozenset[str]
    headings: frozenset[str]
    question: str

    def holds(self, document: str, section: str, heading: str) -> bool:
        """A passage of a part the question names (every passage of the text when it names no part)."""
        if document not in self.documents:
            return False
        if not self.sections and not self.headings:
            return True
        return section in self.sections or heading in self.headings


# The agreement and the avenant that amends it are read together (their consolidation is the text in force): naming
# either says to read both. Written here as data of the names, not read from the manifest, to keep this module pure.
_READ_TOGETHER = (
    frozenset({"accord-2019-12-19-formation-professionnelle", "avenant-2022-10-11-formation-professionnelle"}),
)
_MIN_LEFT_WORDS = 2  # what is left once the names are cut must still ask something


def named_place(question: str) -> NamedPlace | None:
    """The one text (with its parts) a question names by its everyday names, as where to read; None when it names
    none, or two texts ("l'accord de 2019 et la note de 2013"), or only a certificate of the sheet ("le CQP DAM":
    a CQP the circular or the convention may be about as well, so it says what, not where).

    Why: names19 made these names read as naming the texts (the answer's scope check), but the search still ran
    over the whole corpus with the names' words, which lead elsewhere ("l'exam du CQP gestionnaire conseil, à
    quelles périodes ?" read the circular's financing part, whose words are "parcours", "CQP", "gestionnaire
    conseil" too). The text and the part named say where the answer is; the rest of the question says what."""
    folded = fold(question)
    hits = [(row, [m.span() for m in pattern.finditer(folded)]) for row, pattern in _patterns()]
    hits = [(row, spans) for row, spans in hits if spans]
    # the text itself named, by a name holding a word for a text ("la note de 2013", "le contrat avec le centre de
    # formation"): where to read. A part's or a member's name ("Prem'ss", "Vadémécaf", "les CQP de la branche") is
    # what is asked, and other texts may speak of it too (Prem'ss is in the convention and the circular).
    where = [(row, [sp for sp in spans if _TEXT_NOUN.search(folded[sp[0] : sp[1]])]) for row, spans in hits]
    where = [(row, spans) for row, spans in where if spans and row.kind == "document"]
    texts = {row.document for row, _ in where}
    if not texts:
        return None
    documents = set(texts)
    for together in _READ_TOGETHER:
        if documents & together:
            documents |= together
    if len(texts) > 1 and not any(texts <= together for together in _READ_TOGETHER):
        return None
    if _another_text(folded, [span for _, found in where for span in found], documents):
        return None
    parts = [row for row, _ in hits if row.part and row.document in documents]
    sections = frozenset(s for row in parts for s in row.sections)
    headings = frozenset(row.part for row in parts if row.kind == "certificate")
    spans = [span for _, found in where for span in found]  # the text's name only: a part's name says what is asked
    return NamedPlace(tuple(sorted(documents)), sections, headings, _without(question, folded, spans))


# The kinds of the indexed texts, as a question names one by its title words ("la convention de formation du CQP
# COS", "l'annexe 4 de l'avenant"): one of them outside the everyday name read is a second text named.
_KIND = re.compile(r"\b(?:accords?|avenants?|protocoles?|conventions?|circulaires?|fiches?|annexes?)\b")
_OF_THE_AGREEMENT = frozenset(
    {"accord", "accords", "avenant", "avenants", "protocole", "protocoles", "annexe", "annexes"}
)


def _another_text(folded: str, spans: list[tuple[int, int]], documents: set[str]) -> bool:
    """The question also names a text by its kind outside the everyday name read: it sets two texts side by side
    ("la fiche des CQP dit …, l'annexe 4 de l'avenant parle de …", "la convention … parle de l'OPCA, l'accord de
    2019 d'un OPCO"), so no one text is where to read (as `assistant.answering.named_text` reads a title named
    beside another). The agreement's and the avenant's kinds name the pair read together."""
    together = any(documents <= pair for pair in _READ_TOGETHER)
    for match in _KIND.finditer(folded):
        if any(begin <= match.start() < end for begin, end in spans):
            continue
        if together and match.group() in _OF_THE_AGREEMENT:
            continue
        return True
    return False


# The words a name of a text is made of (its kind, the documents' everyday nouns, their usual misspellings and
# abbreviations): a name holding none ("les CQP de la branche") names what the text is about, not the text.
_TEXT_NOUN = re.compile(
    r"\b(?:accords?|acord|avenants?|avenent|avnant|protocoles?|conventions?|convension|conv|contrats?|"
    r"circulaires?|circ|notes?|lettres?|guides?|mode d.emploi|fiches?|textes?|documents?|listes?|modeles?|"
    r"papiers?|catalogues?|plaquettes?|brochures?|panorama)\b"
)


# What leads into a name ("dans la", "d'après l'", "pour le"): cut with it.
_LEAD = re.compile(r"(?:\b(?:dans|selon|apres|pour|avec|sur|par|de|du|des|au|aux|la|le|les|ce|cet|cette|d|l)\b\W*)*$")


def _without(question: str, folded: str, spans: list[tuple[int, int]]) -> str:
    """The question with the names (and the words leading into them) cut out; the question itself when the folding
    moved the letters (a ligature spelled out) or too little is left to search."""
    if len(folded) != len(question):
        return question
    merged: list[list[int]] = []
    for begin, end in sorted(spans):
        if merged and begin <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([begin, end])
    left = question
    for begin, end in reversed(merged):
        lead = _LEAD.search(folded[:begin])
        start = lead.start() if lead else begin
        left = left[:start] + " " + left[end:]
    left = re.sub(r"\s+([,?.!;:])", r"\1", re.sub(r"\s+", " ", left)).strip(" ,;:")
    if len([w for w in re.findall(r"[a-z0-9]+", fold(left)) if len(w) > 2]) < _MIN_LEFT_WORDS:
        return question
    return left[:1].upper() + left[1:]
