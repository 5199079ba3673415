"""The lead line answering one clause of a message that asks several things (`assistant.answering.clauses`).

Split from `assistant.answering.composer`: a clause gets only a lead, chosen among its own best passage and that
passage's sibling parts, scored on the clause alone and dropped when the answer written so far already holds it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from assistant.answering.answer_types import AMOUNT, DECIDES, asked_types, asks_amount, holds
from assistant.answering.article_parts import sibling_parts
from assistant.answering.citations import CitationBook
from assistant.answering.dispositifs import on_topic
from assistant.answering.lead import Candidate, choose_lead, guarded_lead
from assistant.answering.lead_opening import lead_text
from assistant.answering.lead_span import lead_units as lead_units_of
from assistant.answering.meaning import UnitMeaning
from assistant.answering.passage_ranking import TOPIC_BONUS, ranked_passages
from assistant.answering.passages import prepare
from assistant.answering.units import idf_weights, query_weights, unit_terms
from ingest.models import Chunk
from knowledge.hybrid import Evidence

# A clause's own lead must state a fair share of what the clause asks (its idf-weighted subject words,
# times the answer-type factors): below, the texts do not answer that clause and the whole message's
# answer stands alone. Measured on the released sets: right clause leads scored 0.46-1.6; a floor at 0.5
# lost one of them, and one wrong lead (a table row for "il a le droit ?") scores 0.46 too: the score
# alone cannot tell them apart, so the floor only keeps out clauses the texts barely touch.
CLAUSE_FLOOR = 0.4
# … lower for a sentence stating the kind of answer the clause asks (a moment for "et quand est-ce que c'est payé ?":
# « Cette prime est versée en une seule fois à l'issue de la mission », 0.33): the kind is evidence the words lack
TYPED_FLOOR = 0.3


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
    ranked = ranked_passages(question, evidence, idf, articles, official)
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
    if not own:
        candidates = _of_kind_asked(asked, candidates)
    lead = choose_lead(scoring, candidates, meaning)
    if lead is None or lead.score < _floor(asked or question, lead.unit.text) or _quoted(lead.unit.text, answered):
        return ""
    picked = passages[lead.passage]
    units = lead_units_of(scoring, lead, picked.units, picked.selected)
    if own and not unit_terms(" ".join(u.text for u in units)) & set(own):
        return ""  # a sentence sharing no word with what the clause asks does not answer it
    number = book.cite(picked.item, "\n".join(u.text for u in units))
    return guarded_lead(lead_text(scoring, units, number, lead.unit), [u.text for u in picked.units])


def _floor(asked: str, sentence: str) -> float:
    """`TYPED_FLOOR` when the sentence states a kind of answer the clause asks (not a yes/no: any negation decides
    that), else `CLAUSE_FLOOR`."""
    kinds = [k for k in asked_types(asked) if k != DECIDES]
    return TYPED_FLOOR if any(holds(k, sentence) for k in kinds) else CLAUSE_FLOOR


def _of_kind_asked(asked: str, candidates: list[Candidate]) -> list[Candidate]:
    """A clause that names nothing of its own ("→ combien ?", "et quand ?") is scored on its context's words, which
    every sentence of the article restates ("Formatrice interne occasionnelle : → combien ?" matches art. 9.2's
    « formateur occasionnel prévue dans le protocole … de 2010 »); what the clause itself says is the kind of answer
    it asks. The sentences stating that kind are its candidates (art. 9.3's « 7 points par mois »), all of them
    when none does."""
    kinds = [k for k in asked_types(asked) if k != DECIDES] + ([AMOUNT] if asks_amount(asked) else [])
    typed = [c for c in candidates if any(holds(k, c.unit.text) for k in kinds)]
    return typed or candidates


def _quoted(sentence: str, answered: str) -> bool:
    """Whether the answer already holds the sentence (as a quote or as its lead, first letter lowered)."""
    core = " ".join(sentence.split()).strip("«» –-•").rstrip(" .;:")[1:]
    return bool(core) and core in " ".join(answered.split())
