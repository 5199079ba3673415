"""The person's present employer, named by its kind or its convention: another employer's rule (oos18, #21).

The accord, art. 12: "Il est d'application impérative à l'ensemble des organismes du régime général de sécurité
sociale." — its art. 5 ("tout salarié en CDI qui justifie d'une ancienneté d'au moins 5 années … bénéficie à sa
demande d'une autorisation d'absence rémunérée de 1 demi-journée") is not an optician's right in a shop, nor its
avenant's VAE leave ("Le congé pour préparer la validation des acquis de l'expérience (VAE) d'une durée de 24
heures est augmenté … à 48 heures maximum") a private clinic's. An employer of the texts named in the phrase ("une
clinique de l'Ugecam") or an employer of the past ("j'ai été salariée 5 ans dans une banque", which art. 5 counts
as seniority) moves nothing. A convention named by a name ("de la Mutualité") is matched as written, not by the stem
it shares with the texts' "mutualisée". Questions mine."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.corpus_words import corpus_phrases, corpus_words
from assistant.answering.fronted_place import foreign_workplace
from assistant.answering.qualifiers import foreign_domain

OPTICIAN = "Vendeuse salariée d'une enseigne d'optique, ai-je droit à une demi-journée payée pour un CEP ?"
UGECAM = "Je travaille dans une clinique de l'Ugecam : combien d'heures de congé VAE sans le bac ?"


def _readers(assistant: Any) -> tuple[Any, Any]:
    return corpus_words(assistant.retriever.passage_texts()), corpus_phrases(
        assistant.retriever.passages(), assistant._text_names
    )


@pytest.mark.integration
@pytest.mark.parametrize(
    ("question", "employer"),
    [
        (OPTICIAN, "optique"),
        ("Notre clinique privée relève de quelle règle pour le congé VAE d'une aide-soignante ?", "clinique"),
        ("Je bosse dans une boulangerie : mon tuteur d'apprentie touche-t-il une prime ?", "boulangerie"),
        ("Ma sœur est agente territoriale dans un CCAS : a-t-elle droit à la garantie de formation ?", "CCAS"),
    ],
)
def test_a_present_employer_the_texts_never_name_moves_the_question(
    assistant: Any, question: str, employer: str
) -> None:
    assert foreign_workplace(question, *_readers(assistant)) == employer


@pytest.mark.integration
@pytest.mark.parametrize(
    "question",
    [
        UGECAM,
        "Avant, j'ai été salariée 5 ans dans une banque : ai-je droit à la demi-journée pour un CEP ?",
        "Je suis salariée d'une Caf depuis 3 ans : ai-je droit à la demi-journée pour un CEP ?",
        "Je travaille dans une caisse primaire : combien d'heures de congé VAE sans le bac ?",
        "Pour un agent titulaire d'un BTS, combien d'heures de congé VAE ?",
    ],
)
def test_an_employer_of_the_texts_or_of_the_past_moves_nothing(assistant: Any, question: str) -> None:
    assert foreign_workplace(question, *_readers(assistant)) is None


@pytest.mark.integration
def test_a_convention_named_by_a_name_is_matched_as_written(assistant: Any) -> None:
    vocabulary, phrases = _readers(assistant)
    question = "La convention collective de la Mutualité prévoit-elle une prime pour le tuteur ?"
    assert foreign_domain(question, vocabulary, phrases) == "Mutualité"
    own = "Dans la branche du Régime général, le tuteur touche-t-il une prime ?"
    assert foreign_domain(own, vocabulary, phrases) is None


@pytest.mark.integration
def test_the_optician_is_refused_and_the_ugecam_answered(assistant: Any) -> None:
    assert assistant.ask(OPTICIAN, today=date(2026, 11, 29)).route == "refusal"
    answer = assistant.ask(UGECAM, today=date(2026, 11, 29))
    assert answer.route != "refusal" and "48" in answer.text
