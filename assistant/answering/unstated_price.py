"""A price asked alone, of a thing the texts only name, that no passage of it states: the texts are silent (#21).

Why: "Quel est le prix par stagiaire du module Prem'ss ?", "Combien coûte l'inscription au CQP gestionnaire
conseil ?" name things the texts describe (a CQP, the modules of its course) but whose price they never fix: the
convention of the CQP leaves it blank ("coût unitaire H.T .....X....."), and the fiche prices nothing. The silent
detail reading (`answering.silent`, kind "price") finds the price unstated and used to answer "Les textes ne
précisent pas le coût chiffré. Ce qu'ils prévoient : …" with the nearest rule, which is no answer to a question
that asks only a figure the texts never give. The calculation route already refuses the same questions
(`calculation.outside_the_rule`: a price asked, no amount in the best passages); this is its retrieval side.

What stays answered, by structure rather than by wording:
- a price asked of a scheme whose rules the texts make (the router's topic is the Pro-A, the CEP, the contrat de
  professionnalisation…): "combien coûte une Pro-A à l'employeur ?" is answered by who finances it, which is the
  branch's rule (`attributes.NAMED_ONLY_TOPICS` is the criterion: whether the thing's rules are what the texts are
  about; the CQP's course, `training_path`, is a thing they describe and leave unpriced);
- a message asking something else too ("… le remboursement suit quel texte, et à quel tarif ?"): its other clause is
  answered (`clauses.asking_clauses`);
- a price that is the object of what is asked ("qui fixe combien coûtent les formations ?", `attributes.asks_price`);
- a figure of the user's own to compute from ("pour 14 stagiaires").
"""

from __future__ import annotations

import re

from assistant.answering.attributes import NAMED_ONLY_TOPICS, asks_price
from assistant.answering.clauses import asking_clauses

PRICE_KIND = "price"  # `silent_kinds.KINDS`: the detail "le coût chiffré"
# The things the texts describe without pricing them: what they only name, and the CQP's course (its modules'
# hours are stated, their price is a blank of the convention's template).
UNPRICED_TOPICS = NAMED_ONLY_TOPICS | {"training_path"}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def unstated_price(question: str, detail_kind: str | None, topic: str | None) -> bool:
    """True when the question asks only a price, of a thing the texts only name, that the subject's passages do not
    state (`detail_kind` is the silent reading's kind for it: "price" when no passage of the subject gives an
    amount)."""
    if detail_kind != PRICE_KIND or not (topic is None or topic in UNPRICED_TOPICS):
        return False
    if re.search(r"\d", _YEAR.sub("", question)):
        return False  # "pour 14 stagiaires": a figure of the user's own, something to compute from
    return asks_price(question) and len(asking_clauses(question)) == 1
