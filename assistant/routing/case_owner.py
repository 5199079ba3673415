"""Whose case a message tells: the user's own, or someone else's (an adviser's, a manager's), and its wording.

Why: an HR adviser preparing Julie's entretien professionnel asks "est-elle en retard ?"; a question back worded
"Quelle est votre date d'embauche ?" asks the adviser about their own hire. The question back keeps the person the
facts are about: "Quelle est sa date d'embauche ?". Deciding it by the message's structure (a third-person subject
told, and no fact of the writer's own case), not by a list of questions.
"""

from __future__ import annotations

import re

from assistant.routing import calculator_vocabulary
from assistant.routing.calculator_inputs.facts import names_by_first_name

_SOMEONE = re.compile(
    "|".join(
        (
            calculator_vocabulary.NAMED_PERSON,
            calculator_vocabulary.COLLEAGUE,
            calculator_vocabulary.CASE_SUBJECT,
            # "un de mes agents", "l'une de mes salariées", "pour l'un d'eux"
            r"\b(?:un|une|l'un|l'une) de (?:mes|nos) \w+",
            # a person told by a pronoun: "elle est entrée …", "il n'a eu …", "est-elle en retard ?", "lui présenter"
            r"(?:^|[.;:!?,]\s*)(?:et )?(?:il|elle) (?:n'|ne )?\w+",
            r"\b\w+-t-(?:il|elle)\b|\b\w+-(?:il|elle)\b|\blui\b",
        )
    )
)
# A fact of the writer's own case: "je suis en CDI", "mon embauche", "ma dernière formation", "j'ai été embauché".
_OWN_FACT = re.compile(
    r"\b(?:je suis|je travaille|je n'ai|j'ai (?:ete|eu|suivi|fait|obtenu|commence)|je (?:veux|voudrais|souhaite) "
    r"(?:faire|preparer|passer|suivre)|mon (?:contrat|embauche|anciennete|diplome|plus haut|poste|emploi|dernier)|"
    r"ma (?:derniere|formation|date|situation|certification)|mes (?:entretiens|notes|formations))\b"
)


def someone_else(text: str, folded: str) -> bool:
    """Whether the case told is another person's, not the writer's own."""
    told = names_by_first_name(text) or bool(_SOMEONE.search(folded))
    return told and not _OWN_FACT.search(folded)


def pronoun(folded: str) -> str:
    """The person's pronoun, from the words used of them; "il ou elle" when the message does not say."""
    for she_words, he_words in (
        (calculator_vocabulary.SHE_NOUN, calculator_vocabulary.HE_NOUN),
        (calculator_vocabulary.SHE, calculator_vocabulary.HE),
    ):
        she, he = bool(re.search(she_words, folded)), bool(re.search(he_words, folded))
        if she != he:
            return "elle" if she else "il"
    return "il ou elle"


def of_the_person(message: str, folded: str) -> str:
    """`message` (a question back in the second person) said of the person whose case `folded` tells."""
    who = pronoun(folded)
    for pattern, replacement in calculator_vocabulary.THIRD_PERSON_WORDING:
        message = re.sub(pattern, replacement.format(pro=who), message)
    # a sentence that now starts with a lower-case verb ("a-t-elle suivi …") is capitalised again
    message = re.sub(r"\bsi il", "s'il", message)
    return re.sub(r"(^|[.?!]\s+)([a-zé])", lambda m: m.group(1) + m.group(2).upper(), message)
