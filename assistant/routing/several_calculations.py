"""A message asking two things that two calculators answer: both computed, in the order asked.

"CDI, CAP, elle prépare une VAE pour le DE d'aide-soignant : combien d'heures de congé, et ce diplôme est-il
accessible en Pro-A ?" asks the VAE leave (avenant art. 2) and the Pro-A list (annexe 1). Routed as a whole,
the message goes to one calculator and the other question is lost. Here the message is cut into its asking
clauses by its grammar (`answering.clauses.asking_parts`: a "?" that ends one question, a coordination whose
two sides each ask; the context said first goes with each clause), each clause is routed alone with that
context, and every clause that another calculator answers with the message's facts is computed too. The
calculator the whole message was routed to keeps its own reading (the facts of the whole message).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from assistant.answering.clauses import asking_parts
from assistant.routing.meaning import Reading
from assistant.routing.router import RouteDecision, route

MAX_CALCULATIONS = 3  # as many as `asking_parts` cuts at most


def asked_calculations(
    question: str,
    decision: RouteDecision,
    today: date,
    meaning: Callable[[str], Reading | None] | None = None,
    *,
    case: bool = False,
) -> list[RouteDecision]:
    """The calculations the message asks, in the order of its clauses; `[decision]` when it asks one."""
    if decision.route != "calculator" or not decision.calculator:
        return [decision]
    parts = asking_parts(question)
    if len(parts) < 2:
        return [decision]
    found: list[RouteDecision] = []
    for part in parts[:MAX_CALCULATIONS]:
        asked = part if part.rstrip().endswith("?") else part.rstrip() + " ?"
        alone = route(asked, today, meaning, case=case)
        if alone.route != "calculator" or not alone.calculator:
            continue
        if alone.calculator == decision.calculator:
            alone = decision  # the whole message's reading of its own calculator
        if all(d.calculator != alone.calculator for d in found):
            found.append(replace(alone, injection=decision.injection))
    if all(d.calculator != decision.calculator for d in found):
        found.insert(0, decision)
    return found if len(found) > 1 else [decision]
