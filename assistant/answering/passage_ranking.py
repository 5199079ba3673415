"""How relevant each retrieved passage is to the question, and their order: the composer quotes the best.

Split from `assistant.answering.composer` (which writes the answer from the ranked passages): relevance is its own
measure (the passage's best unit in its heading's context, its rank, the routed topic's articles, the part of a text
the question names), shared by the whole answer and by a clause's own lead (`assistant.answering.clause_lead`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING

from assistant.answering.dispositifs import on_topic
from assistant.answering.named_entry import entry_led
from assistant.answering.passage_model import learnt_scores
from assistant.answering.units import passage_units, unit_scores
from assistant.routing.subject import asking_clause
from knowledge.hybrid import Evidence

if TYPE_CHECKING:
    from assistant.routing.scope_model import ScopeReading

OFFICIAL_FLOOR = 0.35  # an agreement passage this relevant answers before any uploaded PDF


TOPIC_BONUS = 0.25  # relevance added to a passage of an article the routed topic is about
RELEVANCE_MARGIN = 0.5  # a passage this much more relevant than the learnt order's first one leads instead


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


def ranked_passages(
    question: str,
    evidence: Sequence[Evidence],
    idf: dict[str, float],
    articles: Collection[tuple[str, str]],
    official: Callable[[str], bool] | None,
    reading: ScopeReading | None = None,
) -> list[tuple[float, int, Evidence]]:
    """The passages by relevance to the question, best first; an uploaded PDF only where the agreements
    have nothing relevant to say (so it can never contradict them); passages with nothing to quote dropped.

    With the section model's `reading` of the question, the order is the learnt one (`passage_model`: the
    relevance, the retrieval's ranks and scores, the section model's probability, the heading, weighed by a model
    trained on the released items' expected sources); each passage keeps its relevance, which the composer's
    thresholds read."""
    relevance = [passage_relevance(question, e, idf, i, articles) for i, e in enumerate(evidence)]
    # the model was trained without a route: the routed topic's bonus is left out of its feature
    plain = [r - (TOPIC_BONUS if on_topic(e, articles) else 0.0) for r, e in zip(relevance, evidence)]
    learnt = learnt_scores(question, evidence, plain, reading)
    order = [-float(s) for s in learnt] if learnt is not None else [-r for r in relevance]
    ranked = [(relevance[i], i, evidence[i]) for i in sorted(range(len(evidence)), key=lambda i: (order[i], i))]
    if learnt is not None and ranked:
        # the model weighs the relevance as one signal among ranks and the section model's reading; a passage whose
        # own sentence matches the question far better than the model's first one still leads (COS convention,
        # art. 15: « Une dénonciation explicite… » for "se retirer sans le dire clairement", not art. 7's durations)
        best = max(range(len(ranked)), key=lambda k: ranked[k][0])
        if ranked[best][0] - ranked[0][0] >= RELEVANCE_MARGIN:
            ranked.insert(0, ranked.pop(best))
    # an entry of a list named by its rare acronym ("le DEAES", "le DAMC"): the passage holding it leads (lookup30)
    ranked = entry_led(question, ranked, lambda r: r[2].chunk.text)
    if official is not None and ranked:
        best_official = max((r[0] for r in ranked if official(r[2].document)), default=0.0)
        if best_official >= min(ranked[0][0] * 0.5, OFFICIAL_FLOOR):
            ranked = [r for r in ranked if official(r[2].document)]
    return [r for r in ranked if passage_units(r[2].chunk.text)]
