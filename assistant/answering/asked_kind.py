"""Whether a sentence states the kind of thing a question asks: a count of what it names, a date, the body that acts.

Why: the lead is chosen by the words a sentence shares with the question, and the sentence sharing most of them is
often the one restating its subject. "Combien de managers opérationnels travaillent dans l'institution ?" was led by
"Dans le cadre de l'avenant 2021 … de l'Ucanss, une démarche …" (a year, the text's words), while "Ils sont
actuellement plus de 14 000 managers opérationnels à exercer au sein de l'institution" answers; "Qui désigne le
salarié qui sera tuteur ?" by "Un tuteur est désigné pour toute formation …" (the verb's words, no one acting),
while "Le salarié est choisi … par la direction de l'organisme" answers. A place asked is read by
`answer_types.names_place` (`lead.choose_lead`).

The kinds are read from the question's form only (`answer_types.asked_types`, `units.asked_figure_kind`): a count
("combien de N": a figure written before N), a date ("quand", "à partir de quand", "dans quel délai"), the body
that acts ("qui" before a verb of acting: "qui désigne", "qui fixe"; not "qui peut en bénéficier", which asks
for the people a rule covers, answered by its beneficiaries' sentence, not by a body).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answering.answer_types import DATE, DECIDES, MOMENT, WHERE, WHO, asked_types, holds
from assistant.answering.units import asked_figure_kind, query_weights, unit_terms

# "qui" asking for the people a rule covers or for whom something is, not for a body that acts.
_ASKS_COVERED = re.compile(
    r"\bqui\s+(?:(?:peut|peuvent|pourra|pourront|doit|doivent)\s+(?:en\s+|y\s+)?(?:bénéfici|profit|avoir|prétendre|"
    r"postuler|être|demander|accéder|suivre|entrer)|(?:a|ont|aura|auront)\s+droit|(?:est|sont)\s+(?:concern|vis|éligib)|"
    r"bénéfici|concern)",
    re.IGNORECASE,
)

# "quand même" (anyway) asks no time: "Sans bac+4 je peux quand même entrer au master ?" is a yes/no question.
_ANYWAY = re.compile(r"\bquand\s+m[êe]me\b", re.IGNORECASE)


# A second question after the first: "… ? Et qui …", "elle fait quel pourcentage, et quel organisme la gère ?".
# Each part is led by its own sentence (`clause_lead`); the kind of one part must not choose the whole lead.
_SECOND_QUESTION = re.compile(
    r"\?\s*\S|\bet\s+(?:quel(?:le)?s?|qui|quand|combien|où|comment|pourquoi|est-ce|c['’]est|à\s+partir)\b",
    re.IGNORECASE,
)


def asked_kind(question: str) -> Callable[[str], bool] | None:
    """A test of whether a sentence states what the question asks (a count of its noun, a date, the acting body);
    None when the question asks none of these kinds, or asks several things."""
    question = _ANYWAY.sub(" ", question)
    if _SECOND_QUESTION.search(question.rstrip(" ?!.")):
        return None
    asked = asked_types(question)
    kinds = asked - {DECIDES, MOMENT}
    count = asked_figure_kind(question) if re.search(r"\bcombien\s+d", question, re.IGNORECASE) else None
    if count is not None:
        return lambda text: bool(count.search(text))
    if len(kinds) != 1:  # "créé quand et par qui ?" asks two kinds: no one sentence need state both
        return None
    if WHERE in kinds:  # "dans quels organismes … ?" asks a place (read by `lead.choose_lead`), not a body that acts
        return None
    if DATE in kinds:
        moment = MOMENT if MOMENT in asked else DATE  # "quand est-elle versée ?": not the date the rule took effect
        return lambda text: holds(moment, text)
    if WHO in kinds and not _ASKS_COVERED.search(question):
        return lambda text: holds(WHO, text)
    return None


# The verb right after an asking "qui" ("qui gère", "qui doit valider", "qui est-ce qui fixe"): the relation asked.
_WHO_VERB = re.compile(
    r"(?:^|[,;:?!.]\s*|\b(?:et|mais|alors|donc)\s+)qui\s+(?:est-ce\s+qui\s+)?(?:(?:peut|peuvent|doit|doivent|va|vont)\s+)?"
    r"(?!(?:est|sont|était|sera|a|ont|en|y|le|la|les|lui|leur|se|s['’])\b)([a-zà-ÿ]{3,})",
    re.IGNORECASE,
)

# "par qui est fixé le taux ?": the participle after the passive's "par qui".
_BY_WHOM = re.compile(r"\bpar\s+qui\s+(?:est|sont|sera|seront|a\s+été|ont\s+été)\s+([a-zà-ÿ]{3,})", re.IGNORECASE)


def asked_verb(question: str) -> frozenset[str]:
    """The terms of the verb a "qui …?" asks the agent of ("qui gère la contribution ?" → gérer), empty when none.

    Why: the sentence that answers a who-question states that relation ("Elle est gérée par l'OPCO désigné par la
    branche"); a sentence restating the question's object ("Les parties signataires conviennent d'engager une
    négociation … sur le taux de la contribution conventionnelle supplémentaire") names a body too and shares more
    of the question's words, but says who does something else. Not for the people a rule covers ("qui peut en
    bénéficier"), read by `_ASKS_COVERED`; only a verb that is one of the question's subject terms (a framing verb
    such as "faire" is not)."""
    if _ASKS_COVERED.search(question) or _SECOND_QUESTION.search(question.rstrip(" ?!.")):
        return frozenset()
    match = _WHO_VERB.search(question) or _BY_WHOM.search(question)
    if not match:
        return frozenset()
    return frozenset(unit_terms(match.group(1)) & set(query_weights(question)))
