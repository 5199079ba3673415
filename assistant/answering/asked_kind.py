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

from assistant.answering.answer_types import DATE, DECIDES, WHERE, WHO, asked_types, holds
from assistant.answering.units import asked_figure_kind

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
    kinds = asked_types(question) - {DECIDES}
    count = asked_figure_kind(question) if re.search(r"\bcombien\s+d", question, re.IGNORECASE) else None
    if count is not None:
        return lambda text: bool(count.search(text))
    if len(kinds) != 1:  # "créé quand et par qui ?" asks two kinds: no one sentence need state both
        return None
    if WHERE in kinds:  # "dans quels organismes … ?" asks a place (read by `lead.choose_lead`), not a body that acts
        return None
    if DATE in kinds:
        return lambda text: holds(DATE, text)
    if WHO in kinds and not _ASKS_COVERED.search(question):
        return lambda text: holds(WHO, text)
    return None
