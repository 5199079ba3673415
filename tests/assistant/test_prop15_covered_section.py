"""The model's first section under its confidence, answered from when its passages hold the question's words
(`glossary_places.covered_section`, `section_covers`, `placed_by_section`, `led_to_section`).

Art. 10.1 of the accord (11.1 once consolidated): "Elle précise notamment les conditions dans lesquelles les salariés
occupant des emplois relevant des 2 premiers niveaux des grilles de la classification […] bénéficient d'un abondement
destiné à faciliter leur accès à des certifications spécifiques à la branche." Asked in everyday words ("les tout
premiers échelons", "un coup de pouce sur leur compte d'heures"): the model names the article at 0.58 only, and
the article's passages with their everyday glossary hold most of the question's terms. A near-corpus question the
model reads as an article with as little confidence, whose words that article does not hold, stays refused."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.glossary_places import (
    SECTION_CONFIDENT,
    SECTION_COVERED,
    covered_section,
    model_reading,
    section_covers,
)

ACCORD = "accord-2019-12-19-formation-professionnelle"
TODAY = date(2026, 11, 29)
# From eval/probe-prop15.jsonl (pp15-012), written from art. 10.1 before the change.
FIRST_LEVELS = (
    "Les agents des tout premiers échelons de la grille peuvent-ils avoir un coup de pouce sur leur compte d'heures "
    "de formation ?"
)
# A school pupil's observation internship: no article holds "stage d'observation", "collège", "troisième".
INTERNSHIP = (
    "Mon fils de troisième cherche un stage d'observation d'une semaine : la caisse prend-elle des collégiens ?"
)


@pytest.mark.integration
def test_the_model_names_the_article_without_confidence_and_its_words_cover_the_question(assistant: Any) -> None:
    glossary = assistant._read_glossary(FIRST_LEVELS)
    key = covered_section(glossary)
    assert key is not None and key[0] == ACCORD and key[1] in {"10.1", "11.1"}
    assert SECTION_COVERED <= model_reading(glossary).best(1)[0][1] < SECTION_CONFIDENT
    found = assistant._search(f"{key[2]} {FIRST_LEVELS}", 10)
    assert section_covers(FIRST_LEVELS, found, key)


@pytest.mark.integration
def test_the_question_is_answered_from_that_article(assistant: Any) -> None:
    answer = assistant.ask(FIRST_LEVELS, today=TODAY)
    assert answer.route == "retrieval"
    assert any(c.document == ACCORD and "10.1" in c.section for c in answer.citations)  # "11.1 (ancien 10.1 …)"
    assert "2 premiers niveaux" in answer.text


@pytest.mark.integration
def test_a_near_corpus_question_whose_words_the_section_lacks_stays_refused(assistant: Any) -> None:
    glossary = assistant._read_glossary(INTERNSHIP)
    key = covered_section(glossary)
    if key is not None:
        assert not section_covers(INTERNSHIP, assistant._search(f"{key[2]} {INTERNSHIP}", 10), key)
    assert assistant.ask(INTERNSHIP, today=TODAY).route == "refusal"
