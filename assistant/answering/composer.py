"""The default, deterministic answer writer: it quotes the best passages, it never invents.

No French-capable instruct model ships inside a PyPI package (see docs/LLM.md), so by default the
answer is extractive: the passage units (sentences, list items, table rows) that best match the
question, quoted in the document's own words with their citation number. Numbers therefore
always come from the texts or from a calculator result.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from assistant.answering import wording
from assistant.answering.applied_rule import applied_line
from assistant.answering.article_parts import about_asked, sibling_parts
from assistant.answering.asked_detail import Detail, asked_detail, clause_detail
from assistant.answering.asked_kind import asked_kind
from assistant.answering.asked_sentence import asked_sentence
from assistant.answering.citations import CitationBook
from assistant.answering.claims import other_figure_unit
from assistant.answering.disagreement import disagreement_note
from assistant.answering.dispositifs import on_topic
from assistant.answering.lead import FOCUS_FLOOR, Candidate, choose_lead, closest_unit, guarded_lead, lists
from assistant.answering.lead_opening import lead_text
from assistant.answering.lead_span import lead_units as lead_units_of
from assistant.answering.list_request import asks_list
from assistant.answering.meaning import UnitMeaning
from assistant.answering.passage_model import section_reading
from assistant.answering.passage_ranking import TOPIC_BONUS, ranked_passages
from assistant.answering.passages import prepare, quote_lines, same_section, same_text, supporting_quotes
from assistant.answering.texts_disagree import quotes_two_values
from assistant.answering.units import (
    ASKS_FIGURE,
    FIGURE_FRAMING,
    Unit,
    idf_weights,
    passage_units,
    query_weights,
    select_units,
    unit_terms,
)
from assistant.answering.wording import source_phrase
from calculators.result import CalcResult
from ingest.models import Chunk
from knowledge.hybrid import Evidence

__all__ = [
    "compose_calculation",
    "compose_retrieval",
    "guarded_lead",
    "on_topic",
    "passage_units",
    "query_weights",
    "select_units",
    "source_phrase",
    "unit_terms",
]

SEE_ALSO_SHARE = 0.7  # a second passage must be this relevant compared with the first…
THIRD_SHARE = 0.8  # … a third one nearly as relevant
SUBJECT_SHARE = 0.7  # … and say this much of the question's subject (see `_on_subject`)
SEMANTIC_SHARE = 0.4  # … or, for the dense retriever's first choice, this relevant


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
    elsewhere: Sequence[Evidence] = (),
    listed: bool = False,
) -> str:
    """Answer first, then the passages that support it.

    The lead is the passage sentence that answers (`assistant.answering.lead`), opened by the figure
    asked for or oui/non; then at most `MAX_QUOTES` supporting quotes, from the lead's passage and
    from another article only when that article is itself relevant (nearly as relevant as the
    first, and about the question's own subject: see `_on_subject`); `articles` are those of the
    topic the router read (`routing.meaning.topic_articles`), preferred; then a warning when two texts
    in force disagree (`assistant.answering.disagreement`), read in `evidence` and in `elsewhere` (the other texts'
    passages when the search was kept inside the text the question names: `named_text.Searched.elsewhere`).
    `listed`: the user's message asked for a list by its form ("Point par point, qu'attend-on … ?"), read on the
    message before the router cut that lead-in as a frame (`routing.question_frame`); else read on `question`.
    """
    if not evidence:
        return ""
    idf = idf_weights([e.chunk.context_text for e in evidence], query_weights(question))
    # rank21: the section model's reading lets the learnt order decide which passage leads (`passage_model`), except
    # for a message quoting two values of one kind ("1 an ou 3 ans ?"), whose lead the disagreement note reads
    # (as `section_lead` leaves it alone)
    reading = None if quotes_two_values(question) else section_reading(question, meaning)
    ranked = ranked_passages(question, evidence, idf, articles, official, reading)
    if not ranked:
        return ""
    # The topic's articles may lead, but a "Voir aussi" must be relevant on its own merits.
    best_score = ranked[0][0] - (TOPIC_BONUS if on_topic(ranked[0][2], articles) else 0.0)
    picked: list[tuple[float, Evidence]] = [(ranked[0][0], ranked[0][2])]
    semantic_first = next((e for e in evidence if e.ranks.get("dense") == 1), None)
    for score, _, item in ranked[1:]:
        if len(picked) >= max_passages:
            break
        if any(same_text(item, p) or same_section(item, p) for _, p in picked):
            continue  # the consolidated article quoting its avenant, or the avenant itself
        needed = SEE_ALSO_SHARE if len(picked) == 1 else THIRD_SHARE
        score -= TOPIC_BONUS if on_topic(item, articles) else 0.0
        # The dense retriever's first choice catches paraphrases ("qui peut bénéficier" → "Bénéficiaires
        # concernés") that the lexical measure underrates.
        relevant = score >= best_score * needed or (item is semantic_first and score >= best_score * SEMANTIC_SHARE)
        if relevant and (item is semantic_first or _on_subject(question, item, picked[0][1], idf)):
            picked.append((score, item))
    # The passages are ranked on the whole message; their sentences are scored on what it asks (`asked_sentence`).
    scoring = asked_sentence(question, idf)
    passages = [prepare(scoring, item, score, evidence, idf, following) for score, item in picked]
    # The lead comes from the passage that answers best (its relevance already weighs its best unit
    # and the dense ranking); the other passages support it. A sibling part of the same article
    # ("11.2" under "11") may hold the sentence that answers (`sibling_parts`): its units compete too,
    # and its passage is quoted only when one of them leads.
    siblings = [
        prepare(scoring, item, score, evidence, idf, following)
        for score, item in sibling_parts(ranked, [p for _, p in picked], best_score)
    ]
    # A part headed by what the question asks ("Bénéficiaires concernés" for "qui peut bénéficier ?") competes for
    # the lead and is preferred when the first passage is headed by something else (`section_kinds`).
    about, extra = about_asked(scoring, ranked, [p for _, p in picked], [s.item for s in siblings], best_score)
    siblings += [prepare(scoring, item, score, evidence, idf, following) for score, item in extra]
    first = passages[0]
    listed = listed or asks_list(question)
    candidates = [Candidate(unit, 0, value, first.relevance) for unit, value in zip(first.units, first.scores)]
    for n, other in enumerate(passages[1:], start=1):
        if any(other.item is a for a in about):
            candidates.extend(Candidate(u, n, v, other.relevance) for u, v in zip(other.units, other.scores))
        elif listed:  # a list asked for ("détaille en puces les missions du tuteur"): another article's list may lead
            listing = [(u, v) for u, v in zip(other.units, other.scores) if lists(u)]
            candidates.extend(Candidate(u, n, v, other.relevance) for u, v in listing)
    for n, sibling in enumerate(siblings, start=len(passages)):
        candidates.extend(Candidate(u, n, v, sibling.relevance) for u, v in zip(sibling.units, sibling.scores))
    of_kind = asked_kind(scoring)
    if of_kind is not None and not any(of_kind(c.unit.text) for c in candidates if c.passage == 0 and c.score > 0):
        # lead19: the first passage states nothing of the kind asked ("payé quand ?" and the avenant's date of effect,
        # « versée à effet rétroactif à compter du 1er janvier 2022 »): another picked passage's sentence of that kind
        # competes (« La prime est versée … le mois suivant la fin de l'action de formation »)
        added = {c.passage for c in candidates}
        for n, other in enumerate(passages[1:], start=1):
            if n not in added:
                candidates.extend(
                    Candidate(u, n, v, other.relevance) for u, v in zip(other.units, other.scores) if of_kind(u.text)
                )
    everyone = [p.item for p in passages] + [s.item for s in siblings]
    preferred = {n for n, item in enumerate(everyone) if any(item is a for a in about)}
    lead = choose_lead(scoring, candidates, meaning, preferred, listed)
    if lead is not None and lead.passage >= len(passages):
        passages.insert(0, siblings[lead.passage - len(passages)])  # the part that answers comes first
    elif lead is not None and lead.passage:
        passages.insert(0, passages.pop(lead.passage))  # the passage that answers comes first
    leading = lead.passage if lead is not None else 0
    candidates = [c for c in candidates if c.passage == leading]  # the closest unit is the lead's passage's
    lead_units = lead_units_of(scoring, lead, passages[0].units, passages[0].selected) if lead is not None else []
    # the detail the message asks that the lead does not state, from the lead's own section (`asked_detail`)
    texts = [e.chunk.text for e in evidence]
    detail = asked_detail(question, passages[0], lead_units, following, meaning, texts) if lead is not None else None
    if lead is not None:  # the words fail: the sentence of the kind asked closest to the asking clause (e5)
        detail = clause_detail(question, passages[0], lead_units, following, meaning, texts, detail) or detail
    detail_units: list[Unit] = []
    if detail is not None:
        if detail.added:
            passages[0].units.append(detail.unit)
        span = lead_units_of(scoring, Candidate(detail.unit, 0, 0.0, 0.0), passages[0].units, passages[0].selected)
        if detail.replaces:
            lead_units = span
        else:  # it follows the lead, whose figure or oui/non is read without it
            detail_units = [u for u in span if u not in lead_units]
    # a claimed figure to check ("jamais plus d'une demi-journée, c'est exact ?"): the sentence stating another
    # figure of its measure follows the lead (`claims`)
    correction = other_figure_unit(question, lead_units, [(c.unit, c.score) for c in candidates], FOCUS_FLOOR)
    if correction is not None:
        lead_units = [*lead_units, correction]
    closest = closest_unit(scoring, candidates, meaning)
    quotes = supporting_quotes(passages, [*lead_units, *detail_units], closest)
    numbers: list[int] = []
    for n, p in enumerate(passages):
        used = ([*lead_units, *detail_units] if n == 0 else []) + quotes[n]
        if not used:
            numbers.append(0)
            continue
        ordered = sorted(used, key=lambda u: u.index)
        numbers.append(book.cite(p.item, "\n".join(u.text for u in ordered)))
    parts: list[str] = []
    if lead_units:
        lead_line = guarded_lead(
            " ".join(
                [
                    lead_text(question, lead_units, numbers[0], _leading_unit(lead, detail)),
                    *(wording.lead_continuation(u.text, numbers[0]) for u in detail_units),
                ]
            ),
            [unit.text for p in passages for unit in p.units],  # the passages as quoted, siblings included
        )
        # the rule of the lead, else a cap of the rest of its passage ("un tuteur est désigné…" leads art. 4.2, whose
        # "chaque tuteur accompagne, au maximum, 3 salariés" answers "combien de tuteurs pour 10 alternants ?")
        applied = applied_line(question, [u.text for u in lead_units], numbers[0], wording.APPLIED) or applied_line(
            question, [u.text for u in passages[0].units], numbers[0], wording.APPLIED, caps_only=True
        )
        parts.extend([line for line in (lead_line, applied) if line] + ([""] if lead_line or applied else []))
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
        parts.extend(f"- {line}" if not line.startswith(("–", "-")) else line for line in quote_lines(quotes[n]))
    # Only the shipped agreements can disagree with each other: an uploaded PDF's figure is never set
    # against them in a warning (it would carry a planted figure into the answer's own words).
    official_only = [e for e in evidence if official is None or official(e.document)]
    seen = {e.id for e in evidence}
    others = [e for e in elsewhere if e.id not in seen and (official is None or official(e.document))]
    lead_official = official is None or official(passages[0].item.document)
    note = (
        disagreement_note(
            question, passages[0].item, lead_units, official_only, book, document_names, idf, meaning, others
        )
        if lead_official
        else ""
    )
    if note:
        parts.extend(["", note])
    return "\n".join(parts).strip()


def _leading_unit(lead: Candidate | None, detail: Detail | None) -> Unit | None:
    """The unit whose figure or oui/non opens the answer: the asked detail's when it replaced the lead."""
    if detail is not None and detail.replaces:
        return detail.unit
    return lead.unit if lead is not None else None


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
