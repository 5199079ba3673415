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


def of(topic: str) -> str:
    """ "de congés payés", "d'indemnité de licenciement": the preposition elided before a vowel."""
    return f"d'{topic}" if topic[:1].lower() in "aeiouyhéèêàâîôû" else f"de {topic}"


def refusal(topic: str | None) -> str:
    """The texts do not cover the question: say so, say what they cover, say where to ask.

    A message made only of instructions gets no "ne traitent pas d'instructions": the injection
    notice before it already says why, this only invites a question on the texts.
    """
    if topic == INSTRUCTIONS:
        return (
            "Posez une question sur les textes : ils couvrent la formation professionnelle dans la branche "
            f"(IDCC 218) : {COVERED_TOPICS}."
        )
    subject = of(topic) if topic else "de cette question"
    return (
        f"Les textes indexés ne traitent pas {subject} : je ne peux pas vous répondre sans risquer "
        f"d'inventer. Ils couvrent la formation professionnelle dans la branche (IDCC 218) : "
        f"{COVERED_TOPICS}. Pour cette question, adressez-vous à votre service RH ou à votre "
        "représentant du personnel."
    )


def uncovered_part(topic: str) -> str:
    """Appended when a question is half in scope: the covered half was answered above.

    Empty for instructions mixed into a question: the injection notice already answers for them.
    """
    if topic == INSTRUCTIONS:
        return ""
    return f"Les textes indexés ne traitent pas {of(topic)} : adressez-vous à votre service RH pour ce point."


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
