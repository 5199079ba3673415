"""Which reader serves which router topic, and the one entry point the router calls (`plan_for`).

Keeping the table apart from the readers lets a topic be added by writing a reader in its family's
module and one line here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from assistant.routing.calculator_inputs.amounts import plan_contribution, plan_points
from assistant.routing.calculator_inputs.asked_result import plan_asked_result
from assistant.routing.calculator_inputs.asking import not_an_application
from assistant.routing.calculator_inputs.bonuses import plan_trainer_bonus, plan_tutor_bonus
from assistant.routing.calculator_inputs.career_history import plan_professional_reviews, plan_training_guarantee
from assistant.routing.calculator_inputs.cep import plan_cep
from assistant.routing.calculator_inputs.certification import (
    plan_cqp_certification,
    plan_cqp_grades,
    plan_path_from_start,
    plan_professionalisation,
    plan_training_path,
)
from assistant.routing.calculator_inputs.counted_units import with_count
from assistant.routing.calculator_inputs.facts import Facts, Plan
from assistant.routing.calculator_inputs.own_inputs import plan_asked_case, plan_own_inputs
from assistant.routing.calculator_inputs.pro_a import plan_pro_a
from assistant.routing.calculator_inputs.professionalisation_terms import (
    first_of,
    plan_professionalisation_terms,
    plan_vae_experience,
)
from assistant.routing.calculator_inputs.roles import both_roles
from assistant.routing.calculator_inputs.vae import plan_vae
from calculators.registry import CALCULATORS

RESOLVERS: dict[str, Callable[[Facts], Plan | None]] = {
    "tutor_bonus": plan_tutor_bonus,
    "trainer_bonus": plan_trainer_bonus,
    "vae": first_of(plan_vae_experience, plan_vae),
    "cep": plan_cep,
    "training_guarantee": plan_training_guarantee,
    "professional_reviews": plan_professional_reviews,
    "pro_a": plan_pro_a,
    "professionalisation": first_of(plan_professionalisation_terms, plan_professionalisation),
    "contribution": plan_contribution,
    "cqp_certification": first_of(plan_cqp_certification, plan_path_from_start),
    "cqp": first_of(plan_cqp_grades, plan_path_from_start),  # grades or the path's first day under the CQP's name
    "training_path": plan_training_path,
    "points": plan_points,
}


def plan_for(topic: str | None, facts: Facts) -> Plan | None:
    """The calculator plan for a topic's question, or None when retrieval answers it.

    The facts read do not decide alone: a question asking what a scheme is, or submitting a rule
    claimed for everyone, is answered by the texts even when it tells a case (`asking`).
    """
    reader = RESOLVERS.get(topic or "")
    # a tutor's and a trainer's case in one message: each role's clauses read by its own reader
    both = both_roles(facts) if topic in ("tutor_bonus", "trainer_bonus") else False
    if both is True:
        return None  # two cases told, one of them undecided: the two rules answer, not one reader on both
    plan = both or (reader(facts) if reader else None)
    if plan is None or not (plan.arguments or _own_question(plan)):  # no fact read: the result asked, what decides it
        plan = plan_asked_result(topic, facts, read=plan is not None) or plan
    if plan is None:  # "mes notes suffisent-elles ?": the user's own inputs named, none given
        plan = plan_own_inputs(topic, facts) or plan_asked_case(topic, facts)
    if plan is not None and facts.horizon is not None and facts.personal:
        # "D'ici fin 2027, ma caisse aura-t-elle l'obligation de me faire suivre une formation ?": one's own case
        # asked at a date to come is the rule's result for it, its missing facts asked back (`Plan.asked`)
        plan = replace(plan, asked=True)
    if plan is not None and not_an_application(facts, plan):
        return None
    return plan if plan is None else with_count(plan, facts)


def _own_question(plan: Plan) -> bool:
    """The reader asks a question of its own, not an input of its calculator ("level_kind": which "niveau" the user
    means), which stands."""
    spec = CALCULATORS.get(plan.calculator)
    names = {p.name for p in spec.params} if spec is not None else set()
    return any(m not in names for m in plan.missing)


# The message asks for the calculation itself, again or anew: "Refais le calcul avec 30 M€", "recalcule pour 8 M€".
_REDO = re.compile(
    r"\b(?:re)?calcul\w*|\brefai\w*|\brefair\w*|\brecompt\w*|\brelance\w* (?:le|la) (?:calcul|simulation)"
)


def topic_of_facts(facts: Facts) -> str | None:
    """The topic whose reader alone turns a message's facts into a calculator's arguments, when the message asks
    a calculation without naming a subject ("Refais le calcul avec 30 M€ s'il te plaît.").

    Why: the figure says which rule it feeds. Each reader of `RESOLVERS` takes the facts only its calculator
    takes (a payroll in euros is only the supplementary contribution's, art. 10: "une contribution
    conventionnelle supplémentaire … correspondant à 0,15 % de leur masse salariale brute"); when exactly one
    calculator gets arguments from the facts, the calculation asked is that one. Dates fit several rules (a
    mission, a last training, a hire): no topic then, as before.
    """
    if not _REDO.search(facts.folded):
        return None
    found: dict[str, str] = {}
    for topic, reader in RESOLVERS.items():
        plan = reader(facts)
        if plan is not None and plan.arguments:
            found.setdefault(plan.calculator, topic)
    return next(iter(found.values())) if len(found) == 1 else None
