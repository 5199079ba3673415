"""A tutor's case and a trainer's case told in one message: each read by its own reader.

"Karim a été tuteur de juin à septembre, et Inès a animé une formation interne en octobre : combien pour
chacun ?" holds two cases of two rules (art. 4.3 and 9.3). Read as one, the trainer's reader counts the
tutor's mission as a training action, or the other way round. The message is cut at its clause
boundaries; each clause goes to the role it names (a clause naming neither continues the one before),
and the asking sentence is read with both. When both readers find a case, the two bonuses are computed
together (`tutor_and_trainer_bonus`); when either reads none, or a clause names both roles, nothing is
decided here.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from assistant.routing.calculator_inputs.bonuses import plan_trainer_bonus, plan_tutor_bonus
from assistant.routing.calculator_inputs.facts import Facts, Plan, read_facts
from assistant.routing.extraction.folding import fold

# The roles as the texts name them: art. 4 "tuteur", "fonction tutorale", "mission de tutorat"; art. 9 "formateur
# interne à titre accessoire", who "anime" an "action de formation".
_TUTOR = r"\btut(?:eur|eurs|rice|rices|orat|orale|ore|oree)s?\b|\bmaitre d'apprentissage\b"
_TRAINER = (
    r"\bformat(?:eur|eurs|rice|rices) (?:interne|occasionnel)s?\b|\ba titre accessoire\b"
    r"|\banim\w* (?:une |des |l'|la |les |deux |trois |\d+ )?(?:actions?|formations?|sessions?|modules?)\b"
    r"|\b(?:actions?|formations?|sessions?) (?:qu'(?:il|elle|ils|elles|on) |que (?:j'|je |nous ))anim\w*"
)
# A role denied ("pas du tuteur", "non le formateur", "plutôt que la tutrice") tells no case of that role.
_DENIED = (
    r"\b(?:pas|non|ni|plutot que|et non) (?:du |de la |de l'|des |le |la |l'|les |au |a la |un |une )?"
    r"(?:tut\w+|format\w+(?: interne\w*)?)"
)
# Clause boundaries: sentence marks, and the coordinators that join two people's cases.
_BOUNDARY = re.compile(r"[.;,!?\n]| et (?=\w)| puis | tandis que | alors que | quant a ")


def both_roles(facts: Facts) -> Plan | bool:
    """The two bonuses' plan when the message tells a tutor's and a trainer's case, each in its own clauses;
    True when it tells both but one of them does not decide (the rules answer: neither reader may read the
    other's clauses as its own case); False when it does not tell two cases."""
    folded = facts.folded
    folded = re.sub(_DENIED, " ", folded)
    if not (re.search(_TUTOR, folded) and re.search(_TRAINER, folded)):
        return False
    pieces = _clauses(facts.text)
    asking_from = facts.text.rfind("?")
    parts: dict[str, list[str]] = {"tutor": [], "trainer": []}
    shared: list[str] = []
    current: str | None = None
    for start, piece in pieces:
        f = re.sub(_DENIED, " ", fold(piece))  # "je parlais du formateur, pas du tuteur": no tutor's case
        tutor, trainer = bool(re.search(_TUTOR, f)), bool(re.search(_TRAINER, f))
        if tutor and trainer:
            return False  # one clause names both roles: which facts are whose is not said
        if asking_from >= 0 and start > facts.text.rfind(".", 0, asking_from) and not (tutor or trainer):
            shared.append(piece)  # the asking sentence is read with both
            continue
        current = "tutor" if tutor else "trainer" if trainer else current
        if current is None:
            shared.append(piece)
        else:
            parts[current].append(piece)
    if not parts["tutor"] or not parts["trainer"]:
        return False
    tutor_facts = _facts_of(facts, parts["tutor"] + shared)
    if not (any(d.kind != "point" for d in tutor_facts.dates) or any(d.months for d in tutor_facts.durations)):
        # "mon tuteur a eu sa prime en juillet": a month alone in the tutor's clauses dates a payment or a start,
        # not a mission (art. 4.3 counts the months from the mission's start to its end)
        return True
    tutor_plan = plan_tutor_bonus(tutor_facts)
    trainer_plan = plan_trainer_bonus(_facts_of(facts, parts["trainer"] + shared))
    if tutor_plan is None or trainer_plan is None or tutor_plan.missing or trainer_plan.missing:
        return True
    if not tutor_plan.arguments.get("missions") or not trainer_plan.arguments.get("actions"):
        return True
    arguments = {
        "missions": tutor_plan.arguments["missions"],
        "actions": trainer_plan.arguments["actions"],
        "as_of": facts.today,
    }
    notes = list(dict.fromkeys(tutor_plan.notes + trainer_plan.notes))
    return Plan("tutor_and_trainer_bonus", arguments, notes=notes)


def _clauses(text: str) -> list[tuple[int, str]]:
    """The message's clauses with their start offsets (folding keeps offsets: `extraction.folding`)."""
    folded = fold(text)
    cuts = [0] + [m.end() for m in _BOUNDARY.finditer(folded)] + [len(text)]
    return [(a, text[a:b]) for a, b in itertools.pairwise(cuts) if text[a:b].strip(" ,;.")]


def _facts_of(facts: Facts, pieces: list[str]) -> Facts:
    """The facts of one role's clauses, read as the whole message was (same person, same question)."""
    text = " ".join(p.strip() for p in pieces)
    own = read_facts(text, fold(text), facts.today)
    return replace(own, personal=facts.personal, asks=facts.asks, amount=facts.amount, general=facts.general)
