"""Two texts in force that give different figures for the same thing: say so, apply the most recent.

Example: the experience a VAE requires is "au moins une année" in article 7 of the protocole as
rewritten by the avenant of 11 October 2022, and "au minimum de 3 ans" for the CQP gestionnaire
conseil in the circular of 14 February 2013. Nothing here names those texts. The rule is general:

- the lead sentence states a quantity (a duration, hours, points, a rate…);
- a retrieved passage of *another* document, relevant to the question, states a quantity of the
  same kind in a sentence about the same thing: it holds nearly as much of the question's subject
  as the lead (rare words weigh more: the trainer's bonus is not the tutor's), and is close in
  meaning to the lead sentence (or shares enough of its words); no value of the one is a value of
  the other;
- the dates say which text is the most recent: a passage's `valid_from` (an article rewritten by
  an avenant is dated by that avenant, `knowledge.consolidation`), else its document's signature
  in the manifest. The most recent text in force applies; both are cited. Undated texts (a web
  fiche, a form) cannot prevail by date: the answer then says the texts differ and asks to check.
Different wordings of one text (an avenant article and the consolidated article it wrote) are one
text, not a disagreement.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering import wording
from assistant.answering.citations import CitationBook
from assistant.answering.lead_opening import FIGURE_PHRASE
from assistant.answering.meaning import UnitMeaning
from assistant.answering.units import Unit, passage_units, query_weights, unit_scores, unit_terms
from knowledge.hybrid import Evidence

SAME_THING_COSINE = 0.86  # e5 cosine of two sentences about the same rule
SAME_THING_WORDS = 0.2  # else: share of their words (Jaccard of stems)
SAME_SUBJECT = 0.75  # share of the lead's (rarity-weighted) question words the other sentence must hold
MIN_RELEVANCE = 0.3  # the other sentence must answer the question too
SCANNED = 6  # retrieved passages looked at

_WORD_VALUES = {
    "un": 1.0,
    "une": 1.0,
    "deux": 2.0,
    "trois": 3.0,
    "quatre": 4.0,
    "cinq": 5.0,
    "six": 6.0,
    "sept": 7.0,
    "huit": 8.0,
    "neuf": 9.0,
    "dix": 10.0,
    "douze": 12.0,
    "vingt": 20.0,
    "trente": 30.0,
    "demi": 0.5,
}
# unit noun → (kind of quantity, factor to the kind's base unit)
_KINDS = {
    "an": ("durée", 12.0),
    "ans": ("durée", 12.0),
    "année": ("durée", 12.0),
    "années": ("durée", 12.0),
    "mois": ("durée", 1.0),
    "semaine": ("durée", 0.25),
    "semaines": ("durée", 0.25),
    "heure": ("heures", 1.0),
    "heures": ("heures", 1.0),
    "h": ("heures", 1.0),
    "jour": ("jours", 1.0),
    "jours": ("jours", 1.0),
    "journée": ("jours", 1.0),
    "journées": ("jours", 1.0),
    "demi-journée": ("jours", 0.5),
    "demi-journées": ("jours", 0.5),
    "point": ("points", 1.0),
    "points": ("points", 1.0),
    "%": ("taux", 1.0),
}


def quantities(text: str) -> dict[str, set[float]]:
    """Kind of quantity → values in the kind's base unit ("une année" → {"durée": {12.0}})."""
    found: dict[str, set[float]] = {}
    for match in FIGURE_PHRASE.finditer(text):
        raw, noun = match.group(1).lower(), match.group(2).lower()
        kind = _KINDS.get(noun)
        if kind is None:
            continue
        number = _WORD_VALUES.get(raw)
        if number is not None and kind[0] == "points":
            continue  # "un point spécifique est fait sur cette activité": an item of a meeting, not a bonus point
        if number is None:
            try:
                number = float(re.sub(r"[ \u00a0]", "", raw).replace(",", "."))
            except ValueError:
                continue
        found.setdefault(kind[0], set()).add(round(number * kind[1], 4))
    return found


def _conflicts(a: dict[str, set[float]], b: dict[str, set[float]]) -> bool:
    return any(kind in b and not (values & b[kind]) for kind, values in a.items())


def text_date(item: Evidence) -> int:
    """yyyymmdd from which the passage's wording applies (0: unknown)."""
    meta = item.chunk.metadata
    try:
        value = int(meta.get("valid_from") or 0)
    except (TypeError, ValueError):
        value = 0
    if value:
        return value
    signed = str(meta.get("signed") or "").replace("-", "")
    return int(signed) if signed.isdigit() else 0


def _one_text(a: Evidence, b: Evidence) -> bool:
    """The same wording twice: the avenant article and the consolidated article it wrote."""
    return a.document == b.document or bool(set(a.sources) & set(b.sources))


def disagreement_note(
    question: str,
    lead_item: Evidence,
    lead_units: Sequence[Unit],
    evidence: Sequence[Evidence],
    book: CitationBook,
    document_names: dict[str, str],
    idf: dict[str, float],
    meaning: UnitMeaning | None = None,
    elsewhere: Sequence[Evidence] = (),
) -> str:
    """A warning when another text in force gives another figure for the lead's rule; "" otherwise. `elsewhere`:
    the other texts' passages when the search was kept inside the text the question names, scanned after it."""
    # The figures a question quotes ("1 an ou 3 ans ?") and the bound it asks ("minimum") are what the
    # texts may disagree on, not what the question is about: they are left out of the measure.
    question = _BOUND.sub(" ", FIGURE_PHRASE.sub(" ", question))
    lead_text = " ".join(u.text for u in lead_units)
    lead_quantities = quantities(lead_text)
    lead_heading = f"{lead_item.chunk.section_title} {lead_item.chunk.section_path}"
    if not lead_quantities and lead_text.rstrip().endswith(":"):
        # a lead that only announces ("l'article 7 est rédigé ainsi :"): the rule is the passage's
        lead_text = _passage_rule(question, lead_item, lead_heading, idf)
        lead_quantities = quantities(lead_text)
    if not lead_quantities:
        return ""
    lead_terms = unit_terms(lead_text)
    lead_subject = _subject_weight(question, f"{lead_text} {lead_heading}", idf)
    for item in [*evidence[:SCANNED], *elsewhere[:SCANNED]]:
        if _one_text(item, lead_item):
            continue
        units = passage_units(item.chunk.text)
        heading = f"{item.chunk.section_title} {item.chunk.section_path}"
        for unit, score in zip(units, unit_scores(question, units, idf, heading)):
            other = quantities(unit.text)
            if score < MIN_RELEVANCE or not _conflicts(lead_quantities, other):
                continue
            if not _same_subject(question, lead_subject, f"{unit.text} {heading}", idf):
                continue  # the trainer's 7 points are not the tutor's 252: other subject, no conflict
            if not _same_thing(lead_text, unit.text, lead_terms, meaning):
                continue
            return _note(lead_item, lead_text, item, unit.text, book, document_names)
    return ""


_BOUND = re.compile(r"\b(?:minimum|minimale?s?|maximum|maximale?s?|au moins|au plus|plafond|plancher)\b", re.I)


def _passage_rule(question: str, item: Evidence, heading: str, idf: dict[str, float]) -> str:
    """The passage's most relevant sentence stating a quantity ("" if none shares a word with the question)."""
    units = passage_units(item.chunk.text)
    scored = [
        (score, -n, unit.text)
        for n, (unit, score) in enumerate(zip(units, unit_scores(question, units, idf, heading)))
        if score > 0 and quantities(unit.text)  # the passage already answers: its best rule with a figure
    ]
    return max(scored)[2].strip("«» ") if scored else ""


def _subject_weight(question: str, text: str, idf: dict[str, float]) -> float:
    """The question's (rarity-weighted) subject the text holds. An acronym of the text stands for the words it
    abbreviates ("La VAE", a heading, says "validation des acquis de l'expérience" as the question spelled out)."""
    terms = unit_terms(text) | set(query_weights(text))
    return sum(w * idf.get(t, 1.0) for t, w in query_weights(question).items() if t in terms)


def _same_subject(question: str, lead_subject: float, text: str, idf: dict[str, float]) -> bool:
    """The other sentence (with its heading) says as much of the question's subject as the lead."""
    return _subject_weight(question, text, idf) >= SAME_SUBJECT * lead_subject


def _same_thing(lead: str, other: str, lead_terms: set[str], meaning: UnitMeaning | None) -> bool:
    if meaning is not None:
        cosine = meaning.similarity(lead, other)
        if cosine is not None:
            return cosine >= SAME_THING_COSINE
    terms = unit_terms(other)
    union = lead_terms | terms
    return bool(union) and len(lead_terms & terms) / len(union) >= SAME_THING_WORDS


def _note(
    lead_item: Evidence,
    lead_text: str,
    item: Evidence,
    text: str,
    book: CitationBook,
    document_names: dict[str, str],
) -> str:
    lead_number = book.cite(lead_item)
    other_number = book.cite(item, text)
    source_phrase = wording.source_phrase
    lead_source = source_phrase(lead_item.citation, document_names.get(lead_item.document, lead_item.document))
    other_source = source_phrase(item.citation, document_names.get(item.document, item.document))
    lead_date, other_date = text_date(lead_item), text_date(item)
    if not lead_date or not other_date or lead_date == other_date:
        return wording.texts_disagree_undated(lead_source, lead_number, lead_text, other_source, other_number, text)
    if lead_date > other_date:
        return wording.texts_disagree(lead_source, lead_number, lead_text, other_source, other_number, text)
    return wording.texts_disagree(other_source, other_number, text, lead_source, lead_number, lead_text)
