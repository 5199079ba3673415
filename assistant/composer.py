"""The default, deterministic answer writer: it quotes the best passages, it never invents.

No French-capable instruct model ships inside a PyPI package (see docs/LLM.md), so by default the
answer is extractive: the passage units (sentences, list items, table rows) that best match the
question, quoted in the document's own words with their citation number. Numbers therefore
always come from the texts or from a calculator result.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.citations import CitationBook
from calculators.result import CalcResult
from ingest.tables import TABLE_MARKER
from knowledge.french import analyze
from knowledge.hybrid import Evidence

MAX_UNITS = 6
MAX_LIST_ITEMS = 14
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[A-ZÀÂÉÈÊÎÔÛÇ«–])")
_ASKS_FIGURE = re.compile(
    r"\b(combien|quel(le)?s? (est|sont) (le|la|les) (montant|taux|dur[ée]e|nombre|niveau|num[ée]ro)|"
    r"quelle dur[ée]e|quel niveau|quel num[ée]ro|quel taux|quel montant|au maximum|maximal|minimum)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Unit:
    """A quotable piece of a passage: a sentence, a list item or a table row."""

    text: str
    index: int
    opens_list: bool = False
    in_list: bool = False
    is_header: bool = False


def passage_units(text: str) -> list[Unit]:
    """Split a passage into quotable units, remembering which ones introduce a list."""
    units: list[Unit] = []
    for paragraph in text.split("\n\n"):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if paragraph.startswith(TABLE_MARKER):
            lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
            units.append(Unit(lines[0], len(units), opens_list=True, is_header=True))
            units.extend(Unit(line, len(units), in_list=True) for line in lines[1:])
            continue
        if paragraph.startswith(("–", "-", "•")):
            units.append(Unit(paragraph, len(units), in_list=True))
            continue
        for sentence in _SENTENCE.split(paragraph):
            sentence = sentence.strip()
            if sentence:
                units.append(Unit(sentence, len(units), opens_list=sentence.endswith(":")))
    return units


def _score(unit: Unit, query_terms: set[str], wants_figure: bool) -> float:
    terms = set(analyze(unit.text))
    if not terms or not query_terms:
        return 0.0
    overlap = len(terms & query_terms) / len(query_terms)
    if wants_figure and re.search(r"\d", unit.text):
        overlap *= 1.4
    if unit.is_header:
        overlap *= 0.5
    return overlap


def select_units(question: str, passage: str, max_units: int = MAX_UNITS) -> list[Unit]:
    """The units of `passage` that answer `question`, in reading order, lists kept together."""
    units = passage_units(passage)
    if not units:
        return []
    query_terms = set(analyze(question))
    wants_figure = bool(_ASKS_FIGURE.search(question))
    scores = [_score(u, query_terms, wants_figure) for u in units]
    best = max(scores)
    if best <= 0:
        chosen = {0}
    else:
        ranked = sorted(range(len(units)), key=lambda i: -scores[i])
        chosen = {i for i in ranked[:max_units] if scores[i] >= best * 0.6}
    # A chosen list introduction brings its items; a chosen item brings its introduction.
    for i in sorted(chosen):
        if units[i].opens_list:
            j = i + 1
            while j < len(units) and units[j].in_list and j - i <= MAX_LIST_ITEMS:
                chosen.add(j)
                j += 1
        elif units[i].in_list:
            k = i - 1
            while k >= 0 and units[k].in_list:
                k -= 1
            if k >= 0 and units[k].opens_list:
                chosen.add(k)
    return [units[i] for i in sorted(chosen)]


def _quote_lines(units: Sequence[Unit]) -> list[str]:
    lines = []
    for unit in units:
        text = unit.text
        if unit.is_header:
            text = text.replace(f"{TABLE_MARKER} : ", "Colonnes : ", 1)
        lines.append(text if unit.in_list else f"« {text} »" if not unit.opens_list else text)
    return lines


def compose_retrieval(
    question: str,
    evidence: Sequence[Evidence],
    book: CitationBook,
    document_names: dict[str, str],
) -> str:
    """Answer from the best passage, plus a second one when it is nearly as relevant."""
    if not evidence:
        return ""
    top = evidence[0]
    parts: list[str] = []
    for rank, item in enumerate(evidence[:3]):
        if rank > 0:
            same_section = item.document == top.document and item.section == top.section
            relevant = item.score >= top.score * 0.85
            if not relevant or (same_section and rank > 1):
                continue
        units = select_units(question, item.chunk.text)
        if not units:
            continue
        quote = "\n".join(u.text for u in units)
        number = book.cite(item, quote)
        source = f"{item.citation} — {document_names.get(item.document, item.document)}"
        lines = _quote_lines(units)
        if rank == 0:
            parts.append(f"Selon {_lower_first(source)} [{number}] :")
        else:
            parts.append(f"Voir aussi {_lower_first(source)} [{number}] :")
        parts.extend(f"- {line}" if not line.startswith(("–", "-")) else line for line in lines)
        if len("\n".join(parts)) > 1800:
            break
    return "\n".join(parts)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] not in {"CQ", "PR"} else text


def compose_calculation(result: CalcResult, citation_numbers: dict[tuple[str, str], int]) -> str:
    """The calculator's result in French: result, formula, steps, warnings, articles applied."""
    lines = [result.summary, "", f"Calcul : {result.formula}"]
    lines.extend(f"- {step}" for step in result.steps)
    if result.warnings:
        lines.append("")
        lines.append("À vérifier :")
        lines.extend(f"- {w}" for w in result.warnings)
    refs = []
    for ref in result.references:
        number = citation_numbers.get((ref.document, ref.section))
        refs.append(f"{ref.label} [{number}]" if number else ref.label)
    if refs:
        lines.append("")
        lines.append("Textes appliqués : " + " ; ".join(dict.fromkeys(refs)) + ".")
    return "\n".join(lines)
