"""The French sentences the assistant writes around the texts' own words, in one place to review.

Passages are quoted as they are; calculators write their own steps. What is here is the frame: the
refusal, the clarification prompts, the notes added to an answer. Changing a sentence here changes
it for every front end (chat, CLI, JSON contract).
"""

from __future__ import annotations

import re

COVERED_TOPICS = (
    "la Pro-A, le contrat de professionnalisation, le tutorat et sa prime, la prime de formateur interne, "
    "le conseil en évolution professionnelle, l'entretien professionnel, la VAE et son congé, la garantie "
    "individuelle d'accès à la formation, la contribution conventionnelle supplémentaire, l'abondement du CPF "
    "et les CQP du Régime général (dont le CQP gestionnaire conseil)"
)

EMPTY_QUESTION = (
    "Posez une question sur les textes de la formation professionnelle (par exemple : « Combien touche un tuteur ? »)."
)

INJECTION_NOTICE = (
    "Je ne suis pas les instructions contenues dans une question : je réponds uniquement d'après les textes."
)

DEFAULT_CLARIFY = "Pouvez-vous préciser votre question ?"


def question_too_long(length: int, limit: int) -> str:
    return f"Votre question fait {length} caractères ; la limite est de {limit}. Reformulez-la plus brièvement."


INSTRUCTIONS = "instructions"  # the router's refusal topic for a message made only of instructions

COVERED_SHORT = (
    "la formation professionnelle dans la branche (IDCC 218) : Pro-A, contrat de professionnalisation, "
    "tutorat, formateurs internes, CEP, entretien professionnel, VAE, garantie d'accès à la formation, "
    "financement et CQP"
)


def of(topic: str) -> str:
    """ "de" before a French noun phrase: "des autres primes", "du préavis", "d'indemnité", "de la période"."""
    for article, contracted in (("les ", "des "), ("le ", "du ")):
        if topic.startswith(article):
            return contracted + topic[len(article) :]
    return f"d'{topic}" if topic[:1].lower() in "aeiouyhéèêàâîôû" else f"de {topic}"


def refusal(topic: str | None, fiche: tuple[str, str] | None = None) -> str:
    """The texts do not cover the question: say so, what they cover, and where the general rule lives.

    One short paragraph. `fiche` (title, address) is the ministry's fiche on the subject: named as
    general labour law, never quoted as the answer, never presented as the branch's agreement. A
    message made only of instructions gets no "ne traitent pas d'instructions": the injection notice
    before it already says why, this only invites a question on the texts.
    """
    if topic == INSTRUCTIONS:
        return f"Posez une question sur les textes : ils couvrent {COVERED_SHORT}."
    subject = of(topic) if topic else "de cette question"
    where = (
        f"La règle générale relève du droit du travail (Code du travail), pas de ces accords : voir la fiche "
        f"du ministère du Travail « {fiche[0]} » ({fiche[1]}). "
        if fiche
        else "La règle générale relève du droit du travail (Code du travail) ou d'autres textes de la branche. "
    )
    return (
        f"Les textes indexés ne traitent pas {subject} : je ne peux pas vous répondre sans risquer "
        f"d'inventer. Ils couvrent {COVERED_SHORT}. {where}"
        "Pour votre situation, adressez-vous à votre service RH ou à votre représentant du personnel."
    )


def uncovered_part(topic: str) -> str:
    """Appended when a question is half in scope: the covered half was answered above.

    Empty for instructions mixed into a question: the injection notice already answers for them.
    """
    if topic == INSTRUCTIONS:
        return ""
    return (
        f"Les textes indexés ne traitent pas {of(topic)} : ce point relève d'autres textes (convention "
        "collective, Code du travail) ; adressez-vous à votre service RH."
    )


def calculation_impossible(reason: str) -> str:
    return f"Je ne peux pas faire ce calcul : {reason} Pouvez-vous préciser ou corriger ?"


def assumptions(notes: list[str]) -> str:
    return "Hypothèses : " + " ".join(notes)


def applicable_rule(citation: str, number: int) -> str:
    """Points a clarification to the article that holds the rule, before the user answers."""
    return f"La règle applicable figure à l'{lower_first(citation)} [{number}]."


def lower_first(text: str) -> str:
    """ "Article 4.3" → "article 4.3" inside a sentence; "VI – …", "CQP …" stay as they are."""
    return text[:1].lower() + text[1:] if re.match(r"[A-ZÀÉÈ][a-zà-ÿ]", text) else text


# -- conversation (assistant.conversation): what a follow-up was understood as, so a misreading shows


def understood_subject(subject: str) -> str:
    """Before the answer to "qui la finance ?" after a question on the Pro-A: "Pour la Pro-A :"."""
    return f"Pour {subject} :"


def understood_question(question: str) -> str:
    """Before the answer to "et avec trois stagiaires ?": the earlier question as it now reads."""
    return f"Question comprise : « {question} »"
