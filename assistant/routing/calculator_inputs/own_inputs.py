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

from assistant.routing import calculator_vocabulary
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


# The router's topics whose rule applies to one person's or one organisation's case, and the calculator it is
# when the message gives no fact yet. A topic with several rules (the VAE's) chooses by the rule's own subject.
ASKED_RULES = {
    "tutor_bonus": "tutor_bonus",
    "trainer_bonus": "trainer_bonus",
    "cep": "cep_absence",
    "training_guarantee": "training_guarantee",
    "professional_reviews": "professional_reviews",
    "pro_a": "pro_a_eligibility",
    "contribution": "supplementary_contribution",
    "cqp": "cqp_certification",
    "cqp_certification": "cqp_certification",
    "points": "points_to_euros",
}

# The VAE's three rules, by what the message names: the CQP's admissibility (circulaire VI), the experience the
# certification needs (protocole 7: "une activité, continue ou non, d'au moins une année"), the leave (avenant
# art. 2: "congé … 24 heures"); a VAE message naming none of them asks how the VAE works, which the texts answer.
_VAE_RULES = (
    ("cqp_vae_eligibility", re.compile(r"\bcqp\b")),
    ("vae_experience", re.compile(r"\bexperience\b")),
    ("vae_leave", re.compile(r"\b(?:conge|absence|absenter|heures?)\b")),
)

# A yes/no on the right of the case told, as an entitlement is asked in everyday words: "j'y ai droit ?", "elle a
# droit à … ?", "je peux ?", "ça suffit ?", "c'est assez ?", "on est en règle / dans les clous ?", "je l'ai ou pas
# ?", "je dois la lui accorder ?", "elle a son CQP ?", "ça s'applique à moi ?". Only for a rule whose result is that
# yes/no.
_OWN_VERDICT = re.compile(
    r"\b(?:y )?(?:ai|a|as|ont)(?:-je|-t-il|-t-elle)? droit\b|\b(?:je|il|elle|on) (?:peux|peut|pourrais|pourrait)"
    r"\s*\?|\bsuffi\w*|\bassez\b|\ben regle\b|\bdans les clous\b|\bou pas\b|\baccorder\b"
    r"|\b(?:ai|a|as)(?:-je|-t-il|-t-elle)? (?:son|sa|mon|ma|le|la) (?:cqp|diplome|certification)\b"
    # the rule applied to the person: "s'applique à moi ?", "joue pour elle ?", "ça me concerne ?"
    # with the subject inverted too ("joue-t-elle pour lui ?", "s'applique-t-elle à moi ?")
    r"|\b(?:s'appliqu|jou)\w*(?:-t)?(?:-(?:il|elle|on))? (?:a|pour) (?:moi|lui|elle|eux|elles|nous)\b"
    r"|\b(?:me|la|le|les|nous|vous) concerne\w*\b"
    # the employer's duty toward the person told: "l'organisme doit-il lui proposer une formation ?"
    # or bound to it: "est-il obligé de me libérer une demi-journée ?", "doit me libérer pour mon rendez-vous ?"
    r"|\b(?:doi(?:t|vent)(?:-(?:il|elle|on|ils|elles))?|(?:est|sont)(?:-(?:il|elle|ils|elles))? (?:oblige|tenu)e?s? de)"
    r" "
    r"(?:me|lui|leur|nous) (?:proposer|accorder|donner|financer|offrir|liberer|autoriser)\b"
    # the person's own access asked with its verb: "peut-elle obtenir le CQP par la VAE ?", "puis-je partir en Pro-A ?"
    r"|\b(?:peu[tx]|puis|pourr\w*)(?:-(?:je|il|elle|on)|-t-(?:il|elle|on))? "
    r"(?:obtenir|pretendre|beneficier|acceder|partir|entrer)\b"
)
# The rule's own value asked for the case: "ça fait combien pour moi ?", "j'y ai droit à combien ?", "elle va
# avoir combien de prime ?", "je touche quoi ?", "ça nous fera combien ?". "Combien" asking another count
# ("combien de blocs", "combien peut-elle en accepter ?") or "quand" asks a property of the scheme, not its value.
_OWN_VALUE = re.compile(
    r"\bcombien(?: (?:de |d')(?:prime|points?|euros?|heures|contribution)\w*(?: (?:de|d')\w+)?)?"
    r"(?:\s*\?| (?:pour (?:moi|lui|elle|nous|eux)|au (?:final|total)|exactement|en tout)\b)"
    r"|\b(?:touch|percev|recev)\w* (?:quoi|combien)\b|\bmontant\b|\bquelle (?:somme|prime)\b"
)
_VERDICT_RULES = {name for name, spec in CALCULATORS.items() if spec.partial} | set(calculator_vocabulary.VERDICT_ONLY)
_VALUE_RULES = {name for name in CALCULATORS if name not in _VERDICT_RULES} | {"vae_leave"}  # art. 2: 24 or 48 h


def plan_asked_case(topic: str | None, facts: Facts) -> Plan | None:
    """The rule's empty case when a case is told and its own outcome asked, no fact of it given yet.

    "J'anime des actions en interne, j'y ai droit à combien ?", "Mon collègue voudrait passer par la Pro-A, il
    peut ?", "Ma collègue a eu 12 au contrôle continu, elle a son CQP ?": the asker applies the rule to a person
    (themself, a colleague, an agent of theirs) and asks its result, a value or a yes/no, for that person; the
    fact that decides (the dates, the contract, the grades) is missing. The rule's result depends on it (issue 13:
    "otherwise the answer asks for exactly the missing facts"), so the case is the calculator's with no argument,
    the inputs it requires listed as missing, and the router's own check (`own_case.asks_own_case`) still decides
    whether to ask back. A rule asked for anyone ("combien de points pour un tuteur ?") tells no case: untouched.
    """
    calculator = ASKED_RULES.get(topic or "")
    if topic == "vae":
        calculator = next((name for name, names in _VAE_RULES if names.search(facts.folded)), None)
    if calculator is None or facts.general or not facts.personal or facts.dates or facts.durations:
        return None
    sentence = asking_sentence(facts.folded).rsplit(":", 1)[-1]  # the context before a colon is not asked
    # a verdict asked of a yes/no rule, a value of a rule computing one; the VAE leave is both (granted, hours)
    verdict = calculator in _VERDICT_RULES and _OWN_VERDICT.search(sentence)
    value = calculator in _VALUE_RULES and _OWN_VALUE.search(sentence)
    if not (verdict or value):
        return None
    spec = CALCULATORS[calculator]
    return Plan(calculator, {}, [p.name for p in spec.params if p.required and not p.hidden])
