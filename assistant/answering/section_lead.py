"""Which passage leads an answer: the section the trained section model names, when retrieval found it too.

Why: the search ranks passages by their words and their nearness to the whole question, so a question asked in
everyday words about one article's property ("once my diploma is obtained, when does my pay change?") is often
led by another article sharing its words (the Pro-A's durations before the contrat de professionnalisation's pay).
The section model (`assistant.routing.scope_model`, a softmax over the glossary's sections on the question's e5
vector) weighs the directions of the e5 space that separate the texts' sections from one another: its first
section is the expected one for 0.65–0.91 of the fact, numeric and decided questions of every unseen set, 10 to
40 points above the nearest glossary question (docs/evaluation/scope12.md). Here, when the model is confident and
its section is among the passages retrieval already found but not first, that section's best passage leads (the
others keep their rank); the key sentence is then chosen as for any answer (`lead`). Nothing is searched and
nothing new is quoted.

When it does not act:
- the model is not confident (`_confident`: in scope ≥ `MODEL_INSIDE`, the first section ≥ `MODEL_SECTION` of
  the probability, the thresholds of the scope check, from its cross-validation; a section that sets a rule);
- across a text the question names (`texts_disagree.named_documents`): the text named says where to read, so a
  question naming one is reordered only when read inside it (`within`: its passages only), and a text set against
  another is answered by the disagreement machinery, where the section model is weakest (0.38–0.62); nor when the
  message quotes two values of one kind (`texts_disagree.quotes_two_values`);
- either order would be refused (`silent`): which passage leads never decides whether the texts answer, so a
  refusal stays a refusal and an answer stays an answer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from assistant.answering.glossary_places import (
    LIFT_DEPTH,
    MODEL_INSIDE,
    MODEL_SECTION,
    GlossaryReading,
    model_reading,
    sets_a_rule,
)
from assistant.answering.texts_disagree import named_documents, quotes_two_values
from ingest.models import DocumentInfo
from knowledge.everyday import shipped_glossary
from knowledge.everyday_index import section_rows
from knowledge.hybrid import Evidence

if TYPE_CHECKING:
    from assistant.routing.scope_model import ScopeReading


def _confident(candidate: Evidence, reading: ScopeReading) -> bool:
    """The models read the question in scope (`MODEL_INSIDE`) and as asking the passage's section: their first
    section, holding `MODEL_SECTION` of the probability with the section's other numbering, and a section that
    sets a rule (`glossary_places.sets_a_rule`). The thresholds are the cross-validated ones of the scope check;
    unlike it (`placed_by_model`), the nearest glossary questions need not agree: here the answer is given
    anyway, and the model's first section beats the nearest glossary question's by 10 to 40 points on the fact,
    numeric and decided kinds of every unseen set (docs/evaluation/scope12.md, section 3)."""
    best = reading.best(1)
    keys = [key for key in _keys(candidate) if sets_a_rule(key)]
    inside = reading.inside is not None and reading.inside >= MODEL_INSIDE
    return inside and bool(best) and best[0][0] in keys and reading.mass(keys) >= MODEL_SECTION


def _keys(item: Evidence) -> set[tuple[str, str, str]]:
    """The glossary sections a passage belongs to (an article consolidated into the accord: both numberings)."""
    return {row.key for row in section_rows(item.chunk, shipped_glossary())}


def led_by_section(
    question: str,
    evidence: Sequence[Evidence],
    glossary: GlossaryReading | None,
    manifest: Mapping[str, DocumentInfo],
    silent: Callable[[str, list[Evidence]], bool],
    query: str | None = None,
    within: bool = False,
) -> list[Evidence]:
    """The passages with the best one of the section model's section first, when it names with confidence the
    section of one of the `LIFT_DEPTH` best passages but not the first's; the passages as ranked otherwise (see the
    module). `query`: the text the answerability check reads (the plan's query), `question` by default; `within`:
    the passages are already those of the text the question names (read there with its name cut), so a passage is
    lifted inside that text only, never across to another."""
    ranked = list(evidence)
    if glossary is None or len(ranked) < 2:
        return ranked
    if (not within and named_documents(question, manifest)) or quotes_two_values(question):
        return ranked
    reading = model_reading(glossary)
    best = reading.best(1)
    if reading.inside is None or not best or best[0][0] in _keys(ranked[0]):
        return ranked
    for n, candidate in enumerate(ranked[1:LIFT_DEPTH], start=1):
        if _confident(candidate, reading):
            # only that passage moves: the others keep their rank, so a message asking two things still has the
            # second thing's passage next ("la durée de la Pro-A, et on est payé pendant ?": 2.4 lifted, 2.5 next)
            lifted = [candidate, *ranked[:n], *ranked[n + 1 :]]
            asked = query or question
            # which passage leads never decides whether the texts answer: both orders must be answered
            return ranked if silent(asked, ranked) or silent(asked, lifted) else lifted
    return ranked
