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
            # a person told by a pronoun opening a clause: "elle est entrée …", "il n'a eu …" (an inversion, "doit-il",
            # "est-elle", is as often the rule's or the scheme's as a person's: not counted)
            r"(?:^|[.;:!?,]\s*)(?:et )?(?:il|elle) (?:n'|ne )?\w+",
        )
    )
)
# The writer in the first person singular ("me", "mon entretien", "j'arrive", "mes employeurs") ...
_FIRST_SINGULAR = re.compile(r"\b(?:je|j'|me|m'|moi|mon|ma|mes)\b")
# ... except where the writer only frames someone else's case: "mon collaborateur", "une de mes agentes", "mon
# équipe", "je prépare son entretien", "j'ai trois agents", "je voudrais savoir", "dois-je lui présenter".
_FRAMING = re.compile(
    r"\b(?:mon|ma|mes) (?:equipe|service|unite|agente?s?|collaborat\w+|collegues?|salarie\w*|technicien\w*|"
    r"conseill\w+|manager|n\+1|binome|responsable)\b"
    r"|\bje (?:prepare|recois|rencontre|mene|dois|voudrais|souhaite|cherche|vais|compte|dois|peux)\b"
    r"|\bj'(?:ai \d+|ai (?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix) |encadre|accompagne)"
    r"|\b\w+-je\b|\bme (?:demande|dire|preciser|confirmer|rappeler|donner|faut)\b"
    # the writer acting towards the person: "je lui accorde ?", "je leur présente"
    r"|\bje (?:lui|leur) \w+"
)


def someone_else(text: str, folded: str) -> bool:
    """Whether the case told is another person's, not the writer's own."""
    told = names_by_first_name(text) or bool(_SOMEONE.search(folded))
    return told and not _FIRST_SINGULAR.search(_FRAMING.sub(" ", folded))


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
