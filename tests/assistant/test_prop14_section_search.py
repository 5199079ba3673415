"""The section the trained model alone names with confidence, searched and answered from (`glossary_places`,
`silent.read_for_detail`, `section_lead`): questions of my own in everyday words, none of the article's title.

The section model reads a question's e5 vector; the passages come from the real index. Each rule tested is quoted
from its article."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.glossary_places import (
    SECTION_ALONE,
    SECTION_CONFIDENT,
    confident_section,
    led_to_section,
    model_reading,
    placed_by_section,
)
from knowledge.hybrid import Evidence

ACCORD = "accord-2019-12-19-formation-professionnelle"
TODAY = date(2026, 11, 29)
# Art. 4.1: "Le tuteur a pour mission de contribuer principalement à : – accueillir, aider, informer et guider le
# bénéficiaire de la formation ; …". Asked without "tuteur", "tutorat" nor "mission".
MISSIONS = (
    "Je vais épauler une nouvelle recrue en alternance dans mon équipe : en pratique, quelles sont mes tâches "
    "auprès d'elle ?"
)
# Art. 3.7: "Le financement des contrats de professionnalisation est assuré par la contribution légale mutualisée
# au sein de l'OPCO." Asked without "financement" nor "contrat de professionnalisation".
PAYER = "Qui paie la scolarité d'un jeune qu'on embauche en alternance dans une caisse ?"
# Another branch's agreement: the model spreads its reading (no section at 0.85), the question stays refused.
ELSEWHERE = "Dans la convention collective des banques, combien touche le référent d'un alternant ?"


def _of(section: str) -> Any:
    return lambda item: item.document == ACCORD and item.chunk.section_number == section


@pytest.mark.integration
def test_the_model_names_the_tutors_missions_with_confidence(assistant: Any) -> None:
    glossary = assistant._read_glossary(MISSIONS)
    key = confident_section(glossary)
    assert key is not None and key[:2] == (ACCORD, "4.1")
    assert model_reading(glossary).best(1)[0][1] >= SECTION_ALONE


@pytest.mark.integration
def test_a_section_retrieval_missed_is_searched_by_its_heading(assistant: Any) -> None:
    """Without a passage of art. 4.1 among those found, the search of its heading with the question finds them; only
    that section's passages are kept (another article's words would lead the answer otherwise)."""
    glossary = assistant._read_glossary(MISSIONS)
    found = [e for e in assistant._search(MISSIONS, 10) if not _of("4.1")(e)]

    def search(text: str, k: int = 10) -> list[Evidence]:
        return list(assistant._search(text, k))

    led = led_to_section(MISSIONS, found, glossary, search)
    assert led and all(_of("4.1")(e) for e in led)
    assert placed_by_section(led, glossary)
    assert not placed_by_section(found, glossary)


@pytest.mark.integration
def test_the_answer_quotes_the_tutors_missions(assistant: Any) -> None:
    answer = assistant.ask(MISSIONS, today=TODAY)
    assert answer.route == "retrieval"
    assert "accueillir" in answer.text
    assert answer.citations and answer.citations[0].section.endswith("4.1")


@pytest.mark.integration
def test_a_would_be_refusal_is_answered_from_the_models_section(assistant: Any) -> None:
    """The scope check refused the search's passages (no topic, no passage speaking of "scolarité"); the model's
    section, art. 3.7, answers it."""
    glossary = assistant._read_glossary(PAYER)
    key = confident_section(glossary)
    assert key is not None and key[:2] == (ACCORD, "3.7")
    answer = assistant.ask(PAYER, today=TODAY)
    assert answer.route == "retrieval"
    assert "OPCO" in answer.text
    assert any(c.section.endswith("3.7") for c in answer.citations)


@pytest.mark.integration
def test_another_branchs_question_stays_refused(assistant: Any) -> None:
    glossary = assistant._read_glossary(ELSEWHERE)
    assert confident_section(glossary) is None
    assert assistant.ask(ELSEWHERE, today=TODAY).route == "refusal"


def test_without_a_reading_no_section_is_named() -> None:
    assert confident_section(None) is None
    assert led_to_section(MISSIONS, [], None) is None
    assert not placed_by_section([], None)
    assert SECTION_CONFIDENT < SECTION_ALONE <= 1.0


# Art. 5: "tout salarié en CDI qui justifie d'une ancienneté d'au moins 5 années … bénéficie à sa demande d'une
# autorisation d'absence rémunérée de 1 demi-journée en vue de réaliser un conseil en évolution professionnelle."
ADVICE = "Pour voir un conseiller qui m'aide à réfléchir à mon avenir professionnel, je dois poser un jour de congé ?"


@pytest.mark.integration
def test_a_section_read_at_095_is_quoted_alone(assistant: Any) -> None:
    """Art. 5's passages found behind other articles are the only ones kept when the model gives it `SECTION_ALONE`:
    the answer's lead is not left to another article's shared words; either order refused keeps the search's."""
    from assistant.answering.section_lead import led_by_section

    glossary = assistant._read_glossary(ADVICE)
    assert model_reading(glossary).best(1)[0][1] >= SECTION_ALONE
    found = assistant._search(ADVICE, 10)
    ranked = [e for e in found if not _of("5")(e)][:2] + [e for e in found if _of("5")(e)]
    led = led_by_section(ADVICE, ranked, glossary, assistant.manifest, lambda q, e: False)
    assert led and all(_of("5")(e) for e in led)
    assert led_by_section(ADVICE, ranked, glossary, assistant.manifest, lambda q, e: True) == ranked
