"""A certification named is the thing what is asked must be stated of (`answerable.of_subject`, oos18, #21).

The CQP sheet describes each CQP by its creation, its RNCP level and its blocks, never by its course's length:
"Le CQP a été créé par la Commission Paritaire Nationale de l'Emploi et de la Formation Professionnelle (CPNEFP) du
Régime général de Sécurité sociale en 2015 à la demande de la branche Famille." The circular of the gestionnaire
conseil CQP gives its own course's hours (IX: "Le nombre d'heures est indiqué dans la liste des priorités de
financement"), a passage on "la formation" that used to state a length asked of any CQP, because "formation" is a
word of the question's subject too. The CQP named is the thing; a passage of another CQP's course is not its own.
The sheet does count the blocks: "Le CQP Conseiller offres de services est organisé en 4 blocs de compétences".
Questions mine."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.answerable import of_subject
from assistant.answering.attributes import unstated_attribute
from assistant.answering.corpus_words import corpus_phrases, corpus_words
from assistant.routing.router import route

WEEKS = "Combien de semaines de cours compte le parcours du CQP contrôleur allocataire ?"
BLOCKS = "Combien de blocs de compétences compte le CQP conseiller offres de services ?"


def _unstated(assistant: Any, question: str) -> str | None:
    vocabulary = corpus_words(assistant.retriever.passage_texts())
    phrases = corpus_phrases(assistant.retriever.passages(), assistant._text_names)
    decision = route(question, date(2026, 11, 29), meaning=assistant._read_meaning)
    evidence = assistant._search(question, 10)
    return unstated_attribute(question, of_subject(question, evidence, decision), vocabulary, phrases)


@pytest.mark.integration
def test_a_length_asked_of_a_cqp_is_not_stated_by_another_course(assistant: Any) -> None:
    assert _unstated(assistant, WEEKS) == "semaines"
    assert assistant.ask(WEEKS, today=date(2026, 11, 29)).route == "refusal"


@pytest.mark.integration
def test_a_count_the_cqp_sheet_states_is_answered(assistant: Any) -> None:
    assert _unstated(assistant, BLOCKS) is None
    answer = assistant.ask(BLOCKS, today=date(2026, 11, 29))
    assert answer.route == "retrieval" and "4 blocs" in answer.text
