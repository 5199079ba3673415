"""What is asked of a named thing is stated by a passage of that thing (`answerable.of_subject`, `attributes`).

The CQP sheet describes each CQP (its creation, its RNCP level, its blocks) and gives none of their courses' lengths;
the convention of the conseiller offres de service course gives its modules' lengths, art. 7: "PASS formation … 5,5
[jours] 40 [heures]". The circular of the gestionnaire conseil CQP gives another course's hours (section IX: "40
heures pour PASS, 46 heures pour PREM'SS"), which used to answer a length asked of any CQP ranked beside it. A length
("quelle durée") is stated by a figure with a unit of time, not by any figure (a creation year, an RNCP number).
Questions mine."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.answerable import of_subject
from assistant.answering.attributes import asks_price, attribute_terms, unstated_attribute
from assistant.answering.corpus_words import corpus_phrases, corpus_words
from assistant.answering.named_things import named_certification

UNSTATED = "Le cursus du CQP manager opérationnel s'étend sur quelle durée ?"
STATED = "Quelle est la durée du module PASS du parcours conseiller offres de service ?"


def test_the_thing_named_is_the_certification_not_the_length() -> None:
    assert attribute_terms(UNSTATED) == {"dur"}
    assert named_certification("Combien de mois dure la formation menant au CQP inspecteur du recouvrement ?") == [
        "inspec",
        "recouv",
    ]
    assert named_certification("Le diplôme d'État de moniteur éducateur est-il éligible ?") == ["monite", "educ"]
    assert named_certification("Le CQP est-il reconnu hors de la branche ?") == []


@pytest.mark.integration
def test_a_length_no_passage_of_the_cqp_states_is_refused(assistant: Any) -> None:
    vocabulary = corpus_words(assistant.retriever.passage_texts())
    phrases = corpus_phrases(assistant.retriever.passages(), assistant._text_names)
    evidence = assistant._search(UNSTATED, 10)
    assert unstated_attribute(UNSTATED, of_subject(UNSTATED, evidence, None), vocabulary, phrases) == "duree"
    assert assistant.ask(UNSTATED, today=date(2026, 11, 29)).route == "refusal"


@pytest.mark.integration
def test_a_length_the_convention_states_is_answered(assistant: Any) -> None:
    answer = assistant.ask(STATED, today=date(2026, 11, 29))
    assert answer.route == "retrieval" and "5,5" in answer.text


@pytest.mark.parametrize(
    ("question", "price"),
    [
        ("Combien coûte une journée de formation au catalogue de l'Institut 4.10 ?", True),
        ("Qui fixe combien coûtent les formations des alternants ?", False),  # who is asked; art. 1: the CPNEFP
        ("Comment savoir combien coûte le parcours d'un alternant ?", False),
    ],
)
def test_a_price_is_asked_only_when_no_interrogative_governs_it(question: str, price: bool) -> None:
    """Art. 1: "elle fixe les coûts des formations relevant de l'alternance" — "qui fixe combien coûtent…" asks who."""
    assert asks_price(question) is price
