"""A count of people asked in the user's noun, stated by the texts with theirs (`answering.attributes`).

Art. 4.2 of the accord: "Afin d'optimiser l'accomplissement de sa mission, chaque tuteur accompagne, au maximum,
3 salariés." A tutor's colleague asks "combien de personnes peut-il épauler ?": "personnes" is the user's noun for
the texts' "salariés", as "combien de jours" is answered by "1 demi-journée". The count must still be stated: a
count of members of a body the texts give no figure for stays unstated."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.attributes import unstated_attribute
from assistant.answering.corpus_words import corpus_words

ACCORD = "accord-2019-12-19-formation-professionnelle"
ART_4_2 = "Afin d’optimiser l’accomplissement de sa mission, chaque tuteur accompagne, au maximum, 3 salariés."
# Asked without "tuteur", "tutorat" nor "salariés" (mine, not an evaluation item's wording).
PEOPLE = "Celui qui encadre les nouveaux en alternance, il peut s'occuper de combien de personnes à la fois ?"
MEMBERS = "Combien de membres compte l'instance paritaire de la branche ?"


def test_the_article_states_the_count_in_its_noun_for_people() -> None:
    from assistant.answering.attributes import _counts

    assert _counts(ART_4_2, "personnes")
    assert _counts(ART_4_2, "salariés")
    assert not _counts(ART_4_2, "membres")  # a count of another noun: not stated by a count of employees
    assert not _counts("La CPNEFP définit les priorités de financement.", "personnes")  # no figure at all


@pytest.mark.integration
def test_a_count_of_people_is_answered_from_the_tutors_article(assistant: Any) -> None:
    """Refused before: "personnes" was read as an attribute the passages never count (no figure before it)."""
    article = [
        e
        for e in assistant._search("Organisation de la fonction tutorale " + PEOPLE, 10)
        if e.chunk.document == ACCORD and e.chunk.section_number == "4.2"
    ]
    vocabulary = corpus_words(assistant.retriever.passage_texts())
    assert article and unstated_attribute(PEOPLE, article, vocabulary) is None
    answer = assistant.ask(PEOPLE, today=date(2026, 11, 29))
    assert answer.route == "retrieval" and "3 salariés" in answer.text


@pytest.mark.integration
def test_a_count_of_members_the_texts_never_give_stays_refused(assistant: Any) -> None:
    evidence = assistant._search(MEMBERS, 10)
    vocabulary = corpus_words(assistant.retriever.passage_texts())
    assert unstated_attribute(MEMBERS, evidence, vocabulary) == "membres"
