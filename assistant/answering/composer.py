"""The default, deterministic answer writer: it quotes the best passages, it never invents.

No French-capable instruct model ships inside a PyPI package (see docs/LLM.md), so by default the
answer is extractive: the passage units (sentences, list items, table rows) that best match the
question, quoted in the document's own words with their citation number. Numbers therefore
always come from the texts or from a calculator result.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from assistant.answering import wording
from assistant.answering.applied_rule import applied_line
from assistant.answering.citations import CitationBook
from assistant.answering.claims import other_figure_unit
from assistant.answering.disagreement import disagreement_note
from assistant.answering.dispositifs import on_topic
from assistant.answering.lead import FOCUS_FLOOR, Candidate, choose_lead, closest_unit, guarded_lead
from assistant.answering.lead_opening import lead_text
from assistant.answering.lead_span import lead_units as lead_units_of
from assistant.answering.meaning import UnitMeaning
from assistant.answering.passages import (
    prepare,
    quote_lines,
    same_section,
    same_text,
    supporting_quotes,
)
from assistant.answering.section_kinds import answers_kind, asked_kinds
from assistant.answering.units import (
    ASKS_FIGURE,
    FIGURE_FRAMING,
    idf_weights,
    passage_units,
    query_weights,
    select_units,
    unit_scores,
    unit_terms,
)
from assistant.answering.wording import source_phrase
from assistant.routing.subject import asking_clause
from calculators.result import CalcResult
from ingest.models import Chunk
from knowledge.hybrid import Evidence

__all__ = [
    "clause_lead",
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
    named = NAMED_PART_BONUS if names_part(question, item) else 0.0
    return best + semantic + 0.15 / (rank + 1) + topical + named


NAMED_PART_BONUS = 0.3  # relevance added to the part of a text the question names ("le préambule", "l'annexe 4")
_NAMED_PART = re.compile(r"\b(?:(pr[ée]ambule)|annexe\s+(\d+)|partie\s+([IVX]+)\b)", re.IGNORECASE)


def names_part(question: str, item: Evidence) -> bool:
    """The question names this passage's part of its text: "dans le préambule", "l'annexe 4", "la partie VI"
    (the texts' own part names, read from the question). Article numbers are left to the search: the
    texts share them (article 1 of the avenant, of the protocole, of the convention) and renumber them."""
    section = item.section.strip()
    # Only where the question asks: "Le préambule dit que la VAE passe à 48 h. Tout le monde y a droit ?"
    # names the preamble as the claim checked, the answer is the rule itself (art. 7).
    for match in _NAMED_PART.finditer(asking_clause(question)):
        preamble, annex, part = match.groups()
        if preamble and section.lower().startswith(("préambule", "preambule")):
            return True
        if annex and section.lower() == f"annexe {annex}":
            return True
        if part and section.upper() == part.upper():
            return True
    return False


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
) -> str:
    """Answer first, then the passages that support it.

    The lead is the passage sentence that answers (`assistant.answering.lead`), opened by the figure
    asked for or oui/non; then at most `MAX_QUOTES` supporting quotes, from the lead's passage and
    from another article only when that article is itself relevant (nearly as relevant as the
    first, and about the question's own subject: see `_on_subject`); `articles` are those of the
    topic the router read (`routing.meaning.topic_articles`), preferred; then a warning when two texts
    in force disagree (`assistant.answering.disagreement`), read in `evidence` and in `elsewhere` (the other texts'
    passages when the search was kept inside the text the question names: `named_text.Searched.elsewhere`).
    """
    if not evidence:
        return ""
    idf = idf_weights([e.chunk.context_text for e in evidence], query_weights(question))
    ranked = _ranked(question, evidence, idf, articles, official)
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
    candidates = [Candidate(unit, 0, value, first.relevance) for unit, value in zip(first.units, first.scores)]
    for n, other in enumerate(passages[1:], start=1):
        if any(other.item is a for a in about):
            candidates.extend(Candidate(u, n, v, other.relevance) for u, v in zip(other.units, other.scores))
    for n, sibling in enumerate(siblings, start=len(passages)):
        candidates.extend(Candidate(u, n, v, sibling.relevance) for u, v in zip(sibling.units, sibling.scores))
    everyone = [p.item for p in passages] + [s.item for s in siblings]
    preferred = {n for n, item in enumerate(everyone) if any(item is a for a in about)}
    lead = choose_lead(scoring, candidates, meaning, preferred)
    if lead is not None and lead.passage >= len(passages):
        passages.insert(0, siblings[lead.passage - len(passages)])  # the part that answers comes first
    elif lead is not None and lead.passage:
        passages.insert(0, passages.pop(lead.passage))  # the passage that answers comes first
    leading = lead.passage if lead is not None else 0
    candidates = [c for c in candidates if c.passage == leading]  # the closest unit is the lead's passage's
    lead_units = lead_units_of(scoring, lead, passages[0].units, passages[0].selected) if lead is not None else []
    # a claimed figure to check ("jamais plus d'une demi-journée, c'est exact ?"): the sentence stating another
    # figure of its measure follows the lead (`claims`)
    correction = other_figure_unit(question, lead_units, [(c.unit, c.score) for c in candidates], FOCUS_FLOOR)
    if correction is not None:
        lead_units = [*lead_units, correction]
    closest = closest_unit(scoring, candidates, meaning)
    quotes = supporting_quotes(passages, lead_units, closest)
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
        lead_line = guarded_lead(
            lead_text(question, lead_units, numbers[0], lead.unit if lead is not None else None),
            [unit.text for p in passages for unit in p.units],  # the passages as quoted, siblings included
        )
        applied = applied_line(question, [u.text for u in lead_units], numbers[0], wording.APPLIED)
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


MIN_ASKED_TERMS = 2  # an asking sentence with fewer subject words ("C'est bien ça ?") is read with what precedes it…
ASKED_SHARE = 0.4  # … and so is one holding less than this share of the message's (idf-weighted) subject
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def asked_sentence(question: str, idf: dict[str, float] | None = None) -> str:
    """The sentence of the message that asks, when statements come before it and it names its own subject.

    "Mon avocat exige que la note éliminatoire soit 10. Quelle est la note éliminatoire à l'écrit ?": the claim
    said first (its "10", its "CQP GC") finds the passage, but scoring the sentences on it leads with the one
    restating the claim ("une moyenne ≥ 10/20 sans note éliminatoire"); the question asked is answered by the
    grid's row for the written exam. The same reading as a clause of a message asking several things
    (`clause_lead`). A lone sentence, or an asking sentence too short to stand alone, is the message itself:
    it must hold `MIN_ASKED_TERMS` subject words of its own that the retrieved passages use (`idf` > 0) and
    `ASKED_SHARE` of the message's subject, so that "Avant de rédiger : quelle est la limite réelle ?" is read
    with the claim naming what is limited.
    """
    sentences = [s for s in _SENTENCE_END.split(question.strip()) if s.strip()]
    asking = [n for n, s in enumerate(sentences) if "?" in s]
    if not asking or asking[-1] == 0 or any("?" in s for s in sentences[: asking[-1]]):
        return _demonstrative_resolved(question)  # no statement before it, or several questions (`parts`)
    last = sentences[asking[-1]]
    own = [t for t in query_weights(last) if idf is None or idf.get(t, 0.0) > 0]
    if len(own) < MIN_ASKED_TERMS:
        return question
    if idf is not None:
        mass = sum(w * idf.get(t, 0.0) for t, w in query_weights(question).items())
        if sum(w * idf.get(t, 0.0) for t, w in query_weights(last).items()) < ASKED_SHARE * mass:
            return question  # the statements carry the subject; the asking sentence only points at it
    return last


_DEMONSTRATIVE = re.compile(r"\b(?:ce|cet|cette|ces)\s+([a-zà-ÿ]{4,})\b", re.IGNORECASE)
# The noun's complement: "de / d' / du / des" and what follows, up to a punctuation mark, a preposition or a conjunction
# opening the rest of the clause ("le diplôme d'éducateur spécialisé | par la Pro-A"), five words at most.
_COMPLEMENT = (
    r"\s+(?:de|d['’]|du|des)\s*(?:(?!(?:par|pour|en|avec|dans|selon|et|ou|qui|que|sur|chez|afin|mais|car)\b)"
    r"[\wà-ÿ'’-]+\s*){1,5}"
)


def _demonstrative_resolved(question: str) -> str:
    """A question asked after a premise and a colon whose demonstrative points back into the premise, read with
    the phrase it stands for: "Aide-soignante, je vise le diplôme d'infirmière : quel organisme forme à ce diplôme
    ?" asks who trains for the nurse's diploma, and the premise's other words ("aide-soignante", the asker's own
    job) must not pick the sentence. The question itself when there is no such premise or antecedent."""
    premise, colon, asked = question.rpartition(" : ")
    if not colon or "?" in premise:
        return question
    match = _DEMONSTRATIVE.search(asked)
    if match is None:
        return question
    noun = re.escape(match.group(1))
    found = list(re.finditer(rf"\b{noun}{_COMPLEMENT}", premise, re.IGNORECASE))
    if not found:
        return question
    antecedent = found[-1].group(0).strip()
    return f"{asked[: match.start()]}{antecedent}{asked[match.end() :]}"


def _ranked(
    question: str,
    evidence: Sequence[Evidence],
    idf: dict[str, float],
    articles: Collection[tuple[str, str]],
    official: Callable[[str], bool] | None,
) -> list[tuple[float, int, Evidence]]:
    """The passages by relevance to the question, best first; an uploaded PDF only where the agreements
    have nothing relevant to say (so it can never contradict them); passages with nothing to quote dropped."""
    ranked = sorted(
        ((passage_relevance(question, e, idf, i, articles), i, e) for i, e in enumerate(evidence)),
        key=lambda t: (-t[0], t[1]),
    )
    if official is not None and ranked:
        best_official = max((r[0] for r in ranked if official(r[2].document)), default=0.0)
        if best_official >= min(ranked[0][0] * 0.5, OFFICIAL_FLOOR):
            ranked = [r for r in ranked if official(r[2].document)]
    return [r for r in ranked if passage_units(r[2].chunk.text)]


# A clause's own lead must state a fair share of what the clause asks (its idf-weighted subject words,
# times the answer-type factors): below, the texts do not answer that clause and the whole message's
# answer stands alone. Measured on the released sets: right clause leads scored 0.46-1.6; a floor at 0.5
# lost one of them, and one wrong lead (a table row for "il a le droit ?") scores 0.46 too: the score
# alone cannot tell them apart, so the floor only keeps out clauses the texts barely touch.
CLAUSE_FLOOR = 0.4


def clause_lead(
    question: str,
    evidence: Sequence[Evidence],
    book: CitationBook,
    following: Callable[[Chunk], Chunk | None] | None = None,
    official: Callable[[str], bool] | None = None,
    meaning: UnitMeaning | None = None,
    articles: Collection[tuple[str, str]] = (),
    answered: str = "",
    asked: str = "",
) -> str:
    """The lead line answering one clause of a message that asks several things (`answering.clauses`).

    `question` is the clause with its context ("Ce prélèvement : qui gère l'argent ?"): it finds the
    passage. `asked` is the clause alone ("qui gère l'argent ?"): it picks the sentence, so that the
    context's words (the levy, said in every sentence of the article) do not pull the lead back to the
    sentence restating it. The sentence must hold a word of the clause. "" when no passage answers, or
    when `answered` (the answer written so far) already holds that sentence.
    """
    if not evidence:
        return ""
    own = query_weights(asked) if asked else {}
    scoring = asked if own else question
    idf = idf_weights([e.chunk.context_text for e in evidence], query_weights(question) | own)
    ranked = _ranked(question, evidence, idf, articles, official)
    if not ranked:
        return ""
    best = ranked[0][0] - (TOPIC_BONUS if on_topic(ranked[0][2], articles) else 0.0)
    passages = [prepare(scoring, ranked[0][2], ranked[0][0], evidence, idf, following)]
    passages += [
        prepare(scoring, item, score, evidence, idf, following)
        for score, item in sibling_parts(ranked, [ranked[0][2]], best)
    ]
    candidates = [
        Candidate(unit, n, value, p.relevance) for n, p in enumerate(passages) for unit, value in zip(p.units, p.scores)
    ]
    lead = choose_lead(scoring, candidates, meaning)
    if lead is None or lead.score < CLAUSE_FLOOR or _quoted(lead.unit.text, answered):
        return ""
    picked = passages[lead.passage]
    units = lead_units_of(scoring, lead, picked.units, picked.selected)
    if own and not unit_terms(" ".join(u.text for u in units)) & set(own):
        return ""  # a sentence sharing no word with what the clause asks does not answer it
    number = book.cite(picked.item, "\n".join(u.text for u in units))
    return guarded_lead(lead_text(scoring, units, number, lead.unit), [u.text for u in picked.units])


def _quoted(sentence: str, answered: str) -> bool:
    """Whether the answer already holds the sentence (as a quote or as its lead, first letter lowered)."""
    core = " ".join(sentence.split()).strip("«» –-•").rstrip(" .;:")[1:]
    return bool(core) and core in " ".join(answered.split())


SIBLING_SHARE = 0.5  # a part of the answering article competes for the lead when this relevant
MAX_SIBLINGS = 2


def sibling_parts(
    ranked: Sequence[tuple[float, int, Evidence]], picked: Sequence[Evidence], best: float
) -> list[tuple[float, Evidence]]:
    """Retrieved parts of the answering passage's article not picked yet: "11.2" (the employer's top-up
    of the CPF) under "11" (the CPF), "4.3" beside "4.2" (both tutoring). The article is the subject the
    retrieval found; the sentence that answers may sit in another of its numbered parts."""
    article = _article_of(picked[0])
    if not article:
        return []
    found: list[tuple[float, Evidence]] = []
    for score, _, item in ranked[1:]:
        if len(found) >= MAX_SIBLINGS or score < best * SIBLING_SHARE:
            continue
        if _article_of(item) != article or any(same_text(item, p) or same_section(item, p) for p in picked):
            continue
        if any(same_section(item, f) for _, f in found):
            continue
        found.append((score, item))
    return found


MAX_KIND_PASSAGES = 2  # passages headed by what the question asks, let compete beside the picked ones


def about_asked(
    question: str,
    ranked: Sequence[tuple[float, int, Evidence]],
    picked: Sequence[Evidence],
    siblings: Sequence[Evidence],
    best: float,
) -> tuple[list[Evidence], list[tuple[float, Evidence]]]:
    """The parts of the first passage's article whose heading names what the question asks (`section_kinds`), when
    the first passage's does not (when it does, the first passage alone): those already picked or competing as
    siblings, and up to `MAX_KIND_PASSAGES` more among the ranked ones at least `SIBLING_SHARE` as relevant as the
    best (returned apart, to be prepared). ([], []) otherwise.

    "Qui peut bénéficier de la Pro-A ?" ranks art. 2.4 first (its list "portée jusqu'à 36 mois pour : les
    personnes âgées de 16 à 25 ans…" repeats the question's words); art. 2.3, headed "Bénéficiaires concernés",
    says who: "La Pro-A concerne les salariés en contrat à durée indéterminée…". Only the same article: the
    retrieval found its subject; another article's "Durée" part (the Pro-A's, for "combien de temps me libère-t-on
    pour monter mon dossier de VAE ?") is about another thing."""
    kinds = asked_kinds(asking_clause(question))
    if not kinds or not picked:
        return [], []
    if answers_kind(kinds, picked[0].chunk.section_title):
        return [picked[0]], []  # the first passage is the part asked: its sibling parts do not take the lead from it
    article = _article_of(picked[0])
    if article is None:
        return [], []

    def answering(item: Evidence) -> bool:
        return _article_of(item) == article and answers_kind(kinds, item.chunk.section_title)

    about = [item for item in [*picked[1:], *siblings] if answering(item)]
    extra: list[tuple[float, Evidence]] = []
    for score, _, item in ranked[1:]:
        if len(about) >= MAX_KIND_PASSAGES or score < best * SIBLING_SHARE or not answering(item):
            continue
        if any(same_text(item, p) or same_section(item, p) for p in [*picked, *siblings, *about]):
            continue
        about.append(item)
        extra.append((score, item))
    return about, extra


def _article_of(item: Evidence) -> tuple[str, str] | None:
    """(document, article number) of a numbered part ("11.2" → "11"); None for an unnumbered one."""
    head = item.section.split(".")[0].strip()
    return (item.document, head) if head.isdigit() else None


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
