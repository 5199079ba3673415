"""The default, deterministic answer writer: it quotes the best passages, it never invents.

No French-capable instruct model ships inside a PyPI package (see docs/LLM.md), so by default the
answer is extractive: the passage units (sentences, list items, table rows) that best match the
question, quoted in the document's own words with their citation number. Numbers therefore
always come from the texts or from a calculator result.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from assistant.answering import wording
from assistant.answering.citations import CitationBook
from assistant.answering.disagreement import disagreement_note
from assistant.answering.lead import Candidate, asked_figure, choose_lead, yes_or_no
from assistant.answering.meaning import UnitMeaning
from assistant.answering.number_guard import guard_numbers
from assistant.answering.units import (
    ASKS_FIGURE,
    ENUMERATION,
    FIGURE_FRAMING,
    MAX_LIST_ITEMS,
    REFERS_BACK,
    TABLE_MARKER,
    Unit,
    idf_weights,
    passage_units,
    query_weights,
    select_units,
    unit_scores,
    unit_terms,
)
from assistant.answering.wording import source_phrase
from calculators.result import CalcResult
from ingest.models import Chunk
from knowledge.hybrid import Evidence

__all__ = [
    "compose_calculation",
    "compose_retrieval",
    "on_topic",
    "query_weights",
    "select_units",
    "source_phrase",
    "unit_terms",
]

OFFICIAL_FLOOR = 0.35  # an agreement passage this relevant answers before any uploaded PDF


TOPIC_BONUS = 0.25  # relevance added to a passage of an article the routed topic is about


def passage_relevance(
    question: str, item: Evidence, idf: dict[str, float], rank: int, articles: Collection[tuple[str, str]] = ()
) -> float:
    """How well a retrieved passage answers: its best unit (in its heading's context), its rank, and
    whether it belongs to an article of the question's topic (as the router read it by meaning)."""
    heading = f"{item.chunk.section_title} {item.chunk.section_path}"
    best = max(unit_scores(question, passage_units(item.chunk.text), idf, heading), default=0.0)
    dense = item.ranks.get("dense")
    semantic = 0.2 / dense if dense else 0.0
    topical = TOPIC_BONUS if on_topic(item, articles) else 0.0
    return best + semantic + 0.15 / (rank + 1) + topical


def on_topic(item: Evidence, articles: Collection[tuple[str, str]]) -> bool:
    """The passage is (or consolidates) one of `articles`, (document, section) pairs."""
    return bool(articles) and any(source in articles for source in item.sources)


def _quote_lines(units: Sequence[Unit]) -> list[str]:
    lines = []
    for unit in units:
        text = unit.text
        if unit.is_header:
            text = text.replace(f"{TABLE_MARKER} : ", "Colonnes : ", 1)
        lines.append(text if unit.in_list else f"« {text} »" if not unit.opens_list else text)
    return lines


QUOTE_FLOOR = 0.5  # a supporting quote scores at least this share of its passage's best quote…
MAX_QUOTES = 5  # … up to this many from the lead's passage (a list with its items counts as one)
SEE_ALSO_QUOTES = 3  # and from each other relevant article
SEE_ALSO_SHARE = 0.7  # a second passage must be this relevant compared with the first…
THIRD_SHARE = 0.8  # … a third one nearly as relevant
SUBJECT_SHARE = 0.7  # … and say this much of the question's subject (see `_on_subject`)
SEMANTIC_SHARE = 0.4  # … or, for the dense retriever's first choice, this relevant


@dataclass
class _Passage:
    """A picked passage, its units and their scores, on its way into the answer."""

    item: Evidence
    relevance: float
    units: list[Unit]
    scores: list[float]
    selected: list[Unit]


def compose_retrieval(
    question: str,
    evidence: Sequence[Evidence],
    book: CitationBook,
    document_names: dict[str, str],
    max_passages: int = 3,
    following: Callable[[Chunk], Chunk | None] | None = None,
    official: Callable[[str], bool] | None = None,
    meaning: UnitMeaning | None = None,
    articles: Collection[tuple[str, str]] = (),
) -> str:
    """Answer first, then the passages that support it.

    The lead is the passage sentence that answers (`assistant.answering.lead`), opened by the figure
    asked for or oui/non; then at most `MAX_QUOTES` supporting quotes, from the lead's passage and
    from another article only when that article is itself relevant (nearly as relevant as the
    first, and about the question's own subject: see `_on_subject`); `articles` are those of the
    topic the router read (`routing.meaning.topic_articles`), preferred; then a warning when two texts
    in force disagree (`assistant.answering.disagreement`).
    """
    if not evidence:
        return ""
    idf = idf_weights([e.chunk.context_text for e in evidence], query_weights(question))
    ranked = sorted(
        ((passage_relevance(question, e, idf, i, articles), i, e) for i, e in enumerate(evidence)),
        key=lambda t: (-t[0], t[1]),
    )
    if official is not None:
        # The shipped agreements outrank documents added later: an uploaded PDF is quoted only
        # where the agreements have nothing relevant to say, so it can never contradict them.
        best_official = max((r[0] for r in ranked if official(r[2].document)), default=0.0)
        if best_official >= min(ranked[0][0] * 0.5, OFFICIAL_FLOOR):
            ranked = [r for r in ranked if official(r[2].document)]
    ranked = [r for r in ranked if passage_units(r[2].chunk.text)]
    if not ranked:
        return ""
    # The topic's articles may lead, but a "Voir aussi" must be relevant on its own merits.
    best_score = ranked[0][0] - (TOPIC_BONUS if on_topic(ranked[0][2], articles) else 0.0)
    picked: list[tuple[float, Evidence]] = [(ranked[0][0], ranked[0][2])]
    semantic_first = next((e for e in evidence if e.ranks.get("dense") == 1), None)
    for score, _, item in ranked[1:]:
        if len(picked) >= max_passages:
            break
        if any(_same_text(item, p) or _same_section(item, p) for _, p in picked):
            continue  # the consolidated article quoting its avenant, or the avenant itself
        needed = SEE_ALSO_SHARE if len(picked) == 1 else THIRD_SHARE
        score -= TOPIC_BONUS if on_topic(item, articles) else 0.0
        # The dense retriever's first choice catches paraphrases ("qui peut bénéficier" → "Bénéficiaires
        # concernés") that the lexical measure underrates.
        relevant = score >= best_score * needed or (item is semantic_first and score >= best_score * SEMANTIC_SHARE)
        if relevant and (item is semantic_first or _on_subject(question, item, picked[0][1], idf)):
            picked.append((score, item))
    passages = [_prepare(question, item, score, evidence, idf, following) for score, item in picked]
    # The lead comes from the passage that answers best (its relevance already weighs its best unit
    # and the dense ranking); the other passages support it.
    first = passages[0]
    candidates = [Candidate(unit, 0, value, first.relevance) for unit, value in zip(first.units, first.scores)]
    lead = choose_lead(question, candidates, meaning)
    if lead is not None and lead.passage:
        passages.insert(0, passages.pop(lead.passage))  # the passage that answers comes first
    lead_units = _lead_units(question, lead, passages[0]) if lead is not None else []
    quotes = _supporting_quotes(passages, lead_units)
    numbers: list[int] = []
    for n, p in enumerate(passages):
        used = (lead_units if n == 0 else []) + quotes[n]
        if not used:
            numbers.append(0)
            continue
        ordered = sorted(used, key=lambda u: u.index)
        numbers.append(book.cite(p.item, "\n".join(u.text for u in ordered)))
    parts: list[str] = []
    if lead_units:
        lead_text = guarded_lead(
            _lead_text(question, lead_units, numbers[0]),
            [unit.text for p in passages for unit in p.units],  # the passages as quoted, siblings included
        )
        parts.extend([lead_text, ""] if lead_text else [])
    for n, p in enumerate(passages):
        if not quotes[n] and (n or not lead_units):
            continue
        source = source_phrase(p.item.citation, document_names.get(p.item.document, p.item.document))
        if official is not None and not official(p.item.document):
            source += wording.ADDED_DOCUMENT
        intro = wording.FROM if n == 0 else wording.SEE_ALSO
        parts.append(
            wording.quotes_heading(intro, source, numbers[n]) if quotes[n] else f"{intro} {source} [{numbers[n]}]."
        )
        parts.extend(f"- {line}" if not line.startswith(("–", "-")) else line for line in _quote_lines(quotes[n]))
    # Only the shipped agreements can disagree with each other: an uploaded PDF's figure is never set
    # against them in a warning (it would carry a planted figure into the answer's own words).
    official_only = [e for e in evidence if official is None or official(e.document)]
    lead_official = official is None or official(passages[0].item.document)
    note = (
        disagreement_note(question, passages[0].item, lead_units, official_only, book, document_names, idf, meaning)
        if lead_official
        else ""
    )
    if note:
        parts.extend(["", note])
    return "\n".join(parts).strip()


def guarded_lead(lead: str, sources: Sequence[str]) -> str:
    """The lead, or "" when it holds a figure found in none of the passages (the number guard).

    The lead copies its figure and sentence from the passage, so this never fires on a sound lead;
    it is the same guarantee as for a model's answer: no figure reaches the user unless a cited text
    has it. The lead is dropped whole (the quotes below still answer) rather than cut mid-list.
    """
    return "" if guard_numbers(lead, sources).changed else lead


def _prepare(
    question: str,
    item: Evidence,
    relevance: float,
    evidence: Sequence[Evidence],
    idf: dict[str, float],
    following: Callable[[Chunk], Chunk | None] | None,
) -> _Passage:
    heading = f"{item.chunk.section_title} {item.chunk.section_path}"
    text = _section_text(item, evidence)
    units = passage_units(text)
    if following and units and units[-1].opens_list:
        nxt = following(item.chunk)  # the list or table the passage announces
        if nxt is not None:
            text = f"{text}\n\n{nxt.text}"
            units = passage_units(text)
    scores = unit_scores(question, units, idf, heading)
    selected = select_units(question, text, idf=idf, heading=heading)
    return _Passage(item, relevance, units, scores, selected)


def _on_subject(question: str, item: Evidence, first: Evidence, idf: dict[str, float]) -> bool:
    """A "Voir aussi" passage says nearly as much of the question's subject as the answering passage.

    Subject words weigh by their rarity among the retrieved passages: the trainer's bonus shares
    "prime" (frequent) with a tutor question but not "tutorat" (rare), so it is not "Voir aussi".
    """
    weights = query_weights(question)
    if ASKS_FIGURE.search(question):  # "dure combien de temps": the kind of figure asked, not the subject
        weights = {t: w for t, w in weights.items() if t not in FIGURE_FRAMING}

    def covered(evidence: Evidence) -> float:
        meta = evidence.chunk.metadata  # the question may name the text: "l'avenant de 2022"
        terms = unit_terms(f"{evidence.chunk.context_text} {meta.get('doc_title', '')} {meta.get('signed', '')}")
        return sum(w * idf.get(t, 1.0) for t, w in weights.items() if t in terms)

    reference = covered(first)
    return reference <= 0 or covered(item) >= SUBJECT_SHARE * reference


def _lead_units(question: str, lead: Candidate, passage: _Passage) -> list[Unit]:
    """The lead sentence, with the sentence it refers back to, or the list items it announces.

    For a question that asks for a list ("quelles certifications…"), an item never leads alone:
    the list's introduction leads, followed by the items the passage's selection kept.
    """
    units = passage.units
    i = next((k for k, u in enumerate(units) if u.text == lead.unit.text and u.index == lead.unit.index), None)
    if i is None:
        return [lead.unit]
    chosen = [units[i]]
    if units[i].in_list and ENUMERATION.search(question):
        start = i
        while start > 0 and (units[start - 1].in_list or units[start - 1].is_header):
            start -= 1
        end = i
        while end + 1 < len(units) and units[end + 1].in_list:
            end += 1
        kept = {u.index for u in passage.selected}
        intro = [units[start - 1]] if start > 0 and units[start - 1].opens_list else []
        items = [u for u in units[start : end + 1] if u.index in kept and not u.is_header] or [units[i]]
        return intro + items[:MAX_LIST_ITEMS]
    if units[i].in_list:
        k = i - 1
        while k >= 0 and units[k].in_list:
            k -= 1
        if k >= 0 and units[k].opens_list and not units[k].is_header:
            return [units[k], units[i]]
        return chosen
    k = i
    while k > 0 and i - k < MAX_ANTECEDENTS and _depends(units[k].text) and not units[k - 1].in_list:
        k -= 1  # "Toutefois, … jusqu'à 36 mois" needs the rule it qualifies; "Elle…" the sentence naming "elle"
    chosen = units[k : i + 1]
    if units[i].opens_list:
        j = i + 1
        while j < len(units) and (units[j].in_list or units[j].is_header) and j - i <= MAX_LIST_ITEMS:
            chosen.append(units[j])
            j += 1
    elif (
        i + 1 < len(units)
        and REFERS_BACK.match(units[i + 1].text)
        and units[i + 1].index in {u.index for u in passage.selected}
    ):
        # "Celui-ci est l'occasion de faire un état des lieux…" says what the lead names: it continues
        # the lead when the passage's selection kept it (quoted alone it would lose its antecedent).
        chosen.append(units[i + 1])
    return chosen


# A sentence that qualifies or continues the one before ("Toutefois, …", "À cet égard, elle fixe…"):
# it leads only with the sentence it depends on.
MAX_ANTECEDENTS = 2


def _depends(sentence: str) -> bool:
    return bool(REFERS_BACK.match(sentence) or _CONNECTOR.match(sentence))


_CONNECTOR = re.compile(
    r"^(Toutefois|Cependant|Néanmoins|Dans ce cadre|De plus|En outre|Par ailleurs|À cet égard|À ce titre|"
    r"Pour ce faire|À cette fin|Dans ce cas)\b|^[^,]{2,30}, (il|elle|ils|elles)\b"
)


def _lead_text(question: str, units: Sequence[Unit], number: int) -> str:
    """The lead in words: its first sentence opened by the figure or oui/non, the rest after it."""
    sentences = [u for u in units if not u.in_list and not u.is_header]
    answering = sentences[-1] if sentences else units[0]
    figure = asked_figure(question, answering.text)
    verdict = yes_or_no(question, answering.text) if figure is None else None
    lines = [wording.lead_line(units[0].text, number, figure=figure, verdict=verdict)]
    for unit in units[1:]:
        lines.append(unit.text if unit.in_list else wording.lead_continuation(unit.text, number))
    text = lines[0]
    for unit, line in zip(units[1:], lines[1:]):
        text += ("\n" if unit.in_list or unit.is_header else " ") + line
    return text


def _supporting_quotes(passages: Sequence[_Passage], lead_units: Sequence[Unit]) -> list[list[Unit]]:
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
        for group in _groups(p.selected):
            if any(u.text in lead_texts for u in group):
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
        if value < QUOTE_FLOOR * top[n] and (taken[n] or n == 0):
            continue
        chosen[n].extend(group)
        taken[n] += 1
    return [sorted(c, key=lambda u: u.index) for c in chosen]


def _groups(units: Sequence[Unit]) -> list[list[Unit]]:
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


def _section_text(item: Evidence, evidence: Sequence[Evidence]) -> str:
    """The passage with the other retrieved passages of the same section, in reading order."""
    unit = item.chunk.metadata.get("unit")
    siblings = {
        e.chunk.ordinal: e.chunk.text
        for e in evidence
        if e.document == item.document
        and e.section == item.section
        and e.chunk.section_ordinal == item.chunk.section_ordinal
        and e.chunk.metadata.get("unit") == unit
    }
    siblings[item.chunk.ordinal] = item.chunk.text
    return "\n\n".join(siblings[k] for k in sorted(siblings))


def _same_section(a: Evidence, b: Evidence) -> bool:
    return (a.document, a.section, a.chunk.section_ordinal, a.chunk.metadata.get("unit")) == (
        b.document,
        b.section,
        b.chunk.section_ordinal,
        b.chunk.metadata.get("unit"),
    )


def _same_text(a: Evidence, b: Evidence) -> bool:
    other_version = a.consolidated != b.consolidated and bool(set(a.sources) & set(b.sources))
    return other_version or " ".join(a.chunk.text.split()) == " ".join(b.chunk.text.split())


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
