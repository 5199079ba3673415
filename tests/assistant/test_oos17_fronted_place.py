"""A place put in front of a question frames the whole of it: another employer's or sector's rule (oos17, #21).

The accord, art. 3.4: "La durée de l'action de professionnalisation est comprise entre 6 et 12 mois" — the branch's
rule for its own organismes, not a town hall's. The avenant, art. 9.3: "Le montant de la prime est fixé à 7 points par
mois pour chaque action de formation professionnelle réalisée par un salarié intervenant en tant que formateur
interne à titre accessoire" — not La Poste's. A place of the asker's own world, or of the texts ("Dans une Caf de
l'Ain,"), a locution ("Dans l'ordre,") or a figure ("À 45 ans,") moves nothing. Questions mine."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.corpus_words import corpus_phrases, corpus_words
from assistant.answering.fronted_place import foreign_setting

TOWN_HALL = "Dans une mairie, combien de temps peut durer un contrat de professionnalisation ?"
OWN_CAF = "Dans une Caf de l'Ain, combien de temps peut durer un contrat de professionnalisation ?"


@pytest.mark.integration
@pytest.mark.parametrize(
    ("question", "place"),
    [
        (TOWN_HALL, "mairie"),
        ("Chez La Poste, un formateur occasionnel touche-t-il une prime ?", "La Poste"),
        ("À l'hôpital public, l'entretien professionnel a-t-il lieu tous les deux ans ?", "hopital"),
        ("Dans la grande distribution, un tuteur touche-t-il une prime ?", "distribution"),
        ("Bonjour. Dans le spectacle vivant, qui finance la formation ?", "spectacle"),
    ],
)
def test_a_place_the_texts_never_speak_of_moves_the_question(assistant: Any, question: str, place: str) -> None:
    vocabulary = corpus_words(assistant.retriever.passage_texts())
    phrases = corpus_phrases(assistant.retriever.passages(), assistant._text_names)
    assert foreign_setting(question, vocabulary, phrases) == place


@pytest.mark.integration
@pytest.mark.parametrize(
    "question",
    [
        OWN_CAF,
        "Dans ma caisse, combien de temps peut durer un contrat de professionnalisation ?",
        "Dans l'ordre, qui intervient pour la VAE d'un CQP ?",
        "À 45 ans, ai-je droit à la Pro-A ?",
        "À qui signaler une formation non suivie depuis 4 ans ?",
        "À la sortie d'un contrat de pro réussi, l'accord vise-t-il un CDI ?",
        "Dans la chanson du pot, le tuteur touche 100 points. Et dans l'accord, c'est combien ?",
        "Un tuteur touche combien dans une mairie ?",  # not in front: left to the other checks
    ],
)
def test_a_place_of_the_texts_or_of_the_asker_moves_nothing(assistant: Any, question: str) -> None:
    vocabulary = corpus_words(assistant.retriever.passage_texts())
    phrases = corpus_phrases(assistant.retriever.passages(), assistant._text_names)
    assert foreign_setting(question, vocabulary, phrases) is None


@pytest.mark.integration
def test_the_town_hall_is_refused_and_the_caf_answered(assistant: Any) -> None:
    assert assistant.ask(TOWN_HALL, today=date(2026, 11, 29)).route == "refusal"
    answer = assistant.ask(OWN_CAF, today=date(2026, 11, 29))
    assert answer.route == "retrieval" and "12 mois" in answer.text
