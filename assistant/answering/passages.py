"""The passages an answer quotes: each picked passage prepared (its section's retrieved text, the list
it announces), and the supporting quotes drawn from them once the lead is chosen.

Split out of the composer (`assistant.answering.composer`), which decides *which* passages answer;
this module decides *what of them* is quoted, so that a reviewer reads the quoting rules in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.answering.units import (
    REFERS_BACK,
    TABLE_MARKER,
    Unit,
    passage_units,
    select_units,
    unit_scores,
)
from ingest.models import Chunk
from knowledge.hybrid import Evidence

QUOTE_FLOOR = 0.5  # a supporting quote scores at least this share of its passage's best quote…
MAX_QUOTES = 5  # … up to this many from the lead's passage (a list with its items counts as one)
SEE_ALSO_QUOTES = 3  # and from each other relevant article
# The answering passage is quoted whole when it is this short: "le financement … est assuré par l'OPCO"
# leads, and "la CPNEFP définit les taux de prise en charge" (its next sentence, the one that says who
# decides) is not left out for scoring under the floor. Two or three sentences read as one rule.
WHOLE_ARTICLE_UNITS = 3


_ITEM_MARKS = ("–", "-", "•")  # a passage starting with a list item continues the list before it


@dataclass
class PickedPassage:
    """A picked passage, its units and their scores, on its way into the answer."""

    item: Evidence
    relevance: float
    units: list[Unit]
    scores: list[float]
    selected: list[Unit]


def prepare(
    question: str,
    item: Evidence,
    relevance: float,
    evidence: Sequence[Evidence],
    idf: dict[str, float],
    following: Callable[[Chunk], Chunk | None] | None,
) -> PickedPassage:
    heading = f"{item.chunk.section_title} {item.chunk.section_path}"
    text = section_text(item, evidence)
    units = passage_units(text)
    if following and units and (units[-1].opens_list or units[-1].in_list):
        # the list or table the passage announces, or the rest of a list the passage was cut inside of
        nxt = following(item.chunk)
        if nxt is not None and (units[-1].opens_list or nxt.text.lstrip().startswith(_ITEM_MARKS)):
            text = f"{text}\n\n{nxt.text}"
            units = passage_units(text)
    scores = unit_scores(question, units, idf, heading)
    selected = select_units(question, text, idf=idf, heading=heading)
    return PickedPassage(item, relevance, units, scores, selected)


def quote_lines(units: Sequence[Unit]) -> list[str]:
    lines = []
    for unit in units:
        text = unit.text
        if unit.is_header:
            text = text.replace(f"{TABLE_MARKER} : ", "Colonnes : ", 1)
        lines.append(text if unit.in_list else f"« {text} »" if not unit.opens_list else text)
    return lines


def supporting_quotes(
    passages: Sequence[PickedPassage], lead_units: Sequence[Unit], closest: Unit | None = None
) -> list[list[Unit]]:
    """The quotes of each passage that are relevant enough, lists kept whole, lead not repeated.

    The cap is a relevance floor, not a count: a quote is kept when it scores at least `QUOTE_FLOOR`
    of its passage's best one, so a fact lower in the passage (the "état des lieux" a bilan is for,
    the "distanciel" a trainer may use) is not cut because three other sentences came first.
    `MAX_QUOTES` and `SEE_ALSO_QUOTES` only bound the length of an answer to a vague question.
    """
    lead_texts = {u.text for u in lead_units}
    groups: list[tuple[float, float, int, list[Unit]]] = []
    for n, p in enumerate(passages):
        score_of = {u.index: s for u, s in zip(p.units, p.scores)}
        selected = list(p.selected)
        extra = n == 0 and closest is not None and closest.text not in lead_texts
        if extra and closest is not None and all(u.index != closest.index for u in selected):
            selected = sorted([*selected, closest], key=lambda u: u.index)
        for group in groups_of(selected):
            if (
                extra
                and closest is not None
                and any(u.index == closest.index for u in group)
                and not lead_texts & {u.text for u in group}
            ):
                groups.append((float("inf"), float("inf"), n, group))  # the closest in meaning: always quoted
                continue
            if any(u.text in lead_texts for u in group):
                if any(u.in_list or u.is_header for u in group):
                    continue  # a list is quoted once, with its introduction
                # A chain of sentences ("Le présent accord… Il sera déposé… Il s'applique sous réserve de
                # l'agrément…") is cut after the lead: the rest still answers, so it stays a quote.
                group = [u for u in group if u.text not in lead_texts]
                if not group:
                    continue
            best = max(score_of.get(u.index, 0.0) for u in group)
            groups.append((best + (0.5 if n == 0 else 0.0), best, n, group))
    groups.sort(key=lambda g: -g[0])
    top = [max(p.scores, default=0.0) for p in passages]  # the lead's own score counts
    chosen: list[list[Unit]] = [[] for _ in passages]
    taken = [0] * len(passages)
    for _, value, n, group in groups:
        if taken[n] >= (MAX_QUOTES if n == 0 else SEE_ALSO_QUOTES):
            continue
        whole = n == 0 and len(passages[0].units) <= WHOLE_ARTICLE_UNITS
        if value < QUOTE_FLOOR * top[n] and (taken[n] or n == 0) and not whole:
            continue
        chosen[n].extend(group)
        taken[n] += 1
    return [sorted(c, key=lambda u: u.index) for c in chosen]


def groups_of(units: Sequence[Unit]) -> list[list[Unit]]:
    """Selected units as quotes: a list introduction with its items (or a table) is one quote, and so is
    a sentence with the one it refers back to."""
    groups: list[list[Unit]] = []
    for unit in units:
        follows = bool(groups) and groups[-1][-1].index == unit.index - 1
        if (unit.in_list or unit.is_header) and groups and (groups[-1][0].opens_list or groups[-1][-1].in_list):
            groups[-1].append(unit)
        elif follows and REFERS_BACK.match(unit.text):
            groups[-1].append(unit)  # "Elle détermine…" is quoted with the sentence naming "elle"
        else:
            groups.append([unit])
    return groups


def section_text(item: Evidence, evidence: Sequence[Evidence]) -> str:
    """The passage with the other retrieved passages of the same section, in reading order.

    A numbered section's unnumbered parts count as one section: the annexe 3's "Préambule" and
    "Conclusion" are both "Annexe 3", so the figure in one ("dont 400 identifiés…") can lead an answer
    whose best passage is the other.
    """
    siblings = {(e.chunk.section_ordinal, e.chunk.ordinal): e.chunk.text for e in evidence if same_section(e, item)}
    siblings[(item.chunk.section_ordinal, item.chunk.ordinal)] = item.chunk.text
    return "\n\n".join(siblings[k] for k in sorted(siblings))


def same_section(a: Evidence, b: Evidence) -> bool:
    """Same section of the same document (and version): same position, or same number when it has one."""
    if (a.document, a.section, a.chunk.metadata.get("unit")) != (b.document, b.section, b.chunk.metadata.get("unit")):
        return False
    return bool(a.section) or a.chunk.section_ordinal == b.chunk.section_ordinal


def same_text(a: Evidence, b: Evidence) -> bool:
    other_version = a.consolidated != b.consolidated and bool(set(a.sources) & set(b.sources))
    return other_version or " ".join(a.chunk.text.split()) == " ".join(b.chunk.text.split())
