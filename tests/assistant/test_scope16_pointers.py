"""A text named with a slip of its year, and a verb after "CQP", are pointers, not foreign frameworks (scope16).

The accord is the "Protocole d'accord du 19 décembre 2019 relatif à la formation professionnelle"; art. 1: "la CPNEFP
définit les priorités de financement au titre des fonds mutualisés". A reader writing "l'accord de 2020" points at
it; "la convention collective de 1951" is another branch's text (the accord's heading names the national convention
of 8 February 1957, six years off). The CQP sheet: "Le CQP a été créé par la Commission Paritaire Nationale … en 2005
à la demande de la branche Maladie" — "mon CQP a-t-il été créé" names no other branch's CQP. Questions mine."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.answerable import names_foreign_member
from assistant.answering.corpus_words import corpus_phrases, corpus_words
from assistant.answering.named_things import frame_verb
from assistant.answering.qualifiers import foreign_qualifier, mistaken_year

SLIP = "D'après l'accord formation de 2020, qui définit les priorités de financement des fonds mutualisés ?"
OTHER_BRANCH = "Dans la convention collective de 1951, qui définit les priorités de financement des fonds mutualisés ?"


@pytest.mark.parametrize("word", ["a-t-il", "est-il", "peut-elle", "sont-ils"])
def test_an_inverted_verb_is_the_frame(word: str) -> None:
    assert frame_verb(word)


@pytest.mark.parametrize("word", ["coiffeur", "metallurgie", "boulanger"])
def test_a_name_is_no_frame_verb(word: str) -> None:
    assert not frame_verb(word)


@pytest.mark.integration
def test_a_cqp_followed_by_its_verb_names_no_foreign_cqp(assistant: Any) -> None:
    vocabulary = corpus_words(assistant.retriever.passage_texts())
    assert not names_foreign_member(
        "Délégué en CPAM : mon CQP a-t-il été créé à la demande de l'Assurance Maladie ?", vocabulary
    )
    assert names_foreign_member("Le CQP coiffeur est-il inscrit au RNCP ?", vocabulary)


@pytest.mark.integration
def test_a_slip_of_the_year_points_at_the_text(assistant: Any) -> None:
    phrases = corpus_phrases(assistant.retriever.passages(), assistant._text_names)
    vocabulary = corpus_words(assistant.retriever.passage_texts())
    assert mistaken_year("accord", 2020, phrases)  # "protocole d'accord du 19 décembre 2019"
    assert not mistaken_year("convention", 1951, phrases)
    assert foreign_qualifier(SLIP, vocabulary, phrases) is None
    assert foreign_qualifier(OTHER_BRANCH, vocabulary, phrases) == "convention 1951"
    answer = assistant.ask(SLIP, today=date(2026, 11, 29))
    assert answer.route == "retrieval" and "CPNEFP" in answer.text
    assert assistant.ask(OTHER_BRANCH, today=date(2026, 11, 29)).route == "refusal"
