"""A user naming one of a rule's inputs as their own without giving it: a case to complete, not a rule asked.

"Mes notes suffisent-elles pour décrocher le CQP ?", "Mon ancienneté me permet-elle de m'absenter pour un CEP ?",
"Vu la date de ma dernière formation, la garantie joue-t-elle pour moi ?": no figure is given, yet the question is
about the asker's own grades, seniority or last training, which the rule needs to decide. The answer is the
question back for them (with the rule's summary first), not the article quoted as if asked for anyone.

The inputs are read from the registry, not from a word list: each parameter's help text names it by its head noun
("note de l'épreuve écrite", "mois d'ancienneté salariée au total", "date de la dernière formation suivie"), after
the words that only say its measure ("type de", "mois d'", "date de la"); a yes/no condition ("organisme habilité
particulièrement éloigné") is no value one holds and gives none. A possessive determiner before that noun
in the message names the input as the user's own. Only for the rules that decide with partial inputs
(`CalculatorSpec.partial`): their result lists what is still missing, which the router asks for.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.routing.calculator_inputs.facts import Facts, Plan, asking_sentence
from assistant.routing.extraction.folding import fold
from calculators.registry import CALCULATORS

# the router's topics whose case is one partial rule's (the readers return no plan without a fact)
TOPIC_RULES = {
    "cep": "cep_absence",
    "training_guarantee": "training_guarantee",
    "cqp": "cqp_certification",
    "cqp_certification": "cqp_certification",
}

# words of a parameter's help that only say how the input is measured or introduce it
_MEASURE = {"type", "mois", "date", "dates", "annees", "nombre", "de", "d", "du", "des", "la", "le", "l", "les"}
_POSSESSIVE = r"\b(?:mon|ma|mes|son|sa|ses|notre|nos|leur|leurs)\s+"


@cache
def input_heads(calculator: str) -> tuple[str, ...]:
    """The head noun of each user-facing input of `calculator`, as its help text names it."""
    spec = CALCULATORS.get(calculator)
    if spec is None:
        return ()
    heads: list[str] = []
    for param in spec.params:
        if param.hidden or param.type == "bool":  # a yes/no condition ("organisme éloigné") is no value one holds
            continue
        words = re.findall(r"[a-z]+", fold(param.help))
        head = next((w for w in words if w not in _MEASURE), None)
        if head is not None and len(head) >= 4:
            heads.append(head)
    return tuple(dict.fromkeys(heads))


def names_own_input(folded: str, calculator: str) -> bool:
    """Whether the message names one of the rule's inputs with a possessive ("mes notes", "mon ancienneté")."""
    heads = input_heads(calculator)
    if not heads:
        return False
    nouns = "|".join(re.escape(h[:-1] if h.endswith("e") else h) + r"\w*" for h in heads)
    return re.search(rf"{_POSSESSIVE}(?:{nouns})\b", folded) is not None


def plan_own_inputs(topic: str | None, facts: Facts) -> Plan | None:
    """The rule's empty case when the user names its inputs as their own and gives none of them."""
    calculator = TOPIC_RULES.get(topic or "")
    if calculator is None or facts.general or not facts.personal:
        return None
    if facts.dates or facts.durations:  # "ma dernière formation remonte à 4 ans et un mois": given, in other words
        return None
    if not names_own_input(facts.folded, calculator):
        return None
    # a yes/no on the case ("mes notes suffisent-elles ?"); "ma note d'oral compte pour combien ?" asks the rule
    if _WHAT_ASK.search(asking_sentence(facts.folded)):
        return None
    return Plan(calculator, {})


_WHAT_ASK = re.compile(r"\b(?:quel\w*|combien|comment|pourquoi|quand|quoi|lequel|laquelle|lesquel\w*)\b")
