"""The section the trained model alone names with confidence, searched and answered from (`glossary_places`,
`silent.read_for_detail`, `answerable`): questions of my own in everyday words, none of the article's title.

The section model reads a question's e5 vector; the passages come from the real index. Each rule tested is quoted
from its article."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.glossary_places import (
    SECTION_CONFIDENT,
    SECTION_OUTSIDE,
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
PAYER = "Qui règle les frais de scolarité d'un jeune qu'une caisse embauche en alternance ?"
# Art. 8: "Le bénéfice d'une formation est ainsi garanti à tous les salariés présents qui n'en auraient pas suivi
# depuis 4 ans." Asked without "garantie", "formation" nor "4 ans".
GUARANTEE = "Je n'ai été envoyé à aucun stage depuis des années : la caisse est-elle tenue de m'en proposer un ?"
# Another branch's agreement: the model spreads its reading (no section at 0.95), the question stays refused.
ELSEWHERE = "Dans la convention collective des banques, combien touche le référent d'un alternant ?"


def _of(section: str) -> Any:
    return lambda item: item.document == ACCORD and item.chunk.section_number == section


@pytest.mark.integration
def test_the_model_names_the_tutors_missions_with_confidence(assistant: Any) -> None:
    glossary = assistant._read_glossary(MISSIONS)
    key = confident_section(glossary)
    assert key is not None and key[:2] == (ACCORD, "4.1")
    assert model_reading(glossary).best(1)[0][1] >= SECTION_CONFIDENT


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
@pytest.mark.parametrize(
    ("question", "section", "stated"), [(PAYER, "3.7", "OPCO"), (GUARANTEE, "8", "4 ans")], ids=["payer", "guarantee"]
)
def test_a_would_be_refusal_is_answered_from_the_models_section(
    assistant: Any, question: str, section: str, stated: str
) -> None:
    """The scope check refused the search's passages (no topic, none speaking of "scolarité" or "stage"); the
    model's section answers it, quoting the article's rule."""
    key = confident_section(assistant._read_glossary(question))
    assert key is not None and key[:2] == (ACCORD, section)
    answer = assistant.ask(question, today=TODAY)
    assert answer.route == "retrieval"
    assert stated in answer.text
    assert any(c.section.endswith(section) for c in answer.citations)


@pytest.mark.integration
def test_another_branchs_question_stays_refused(assistant: Any) -> None:
    glossary = assistant._read_glossary(ELSEWHERE)
    assert confident_section(glossary) is None
    assert assistant.ask(ELSEWHERE, today=TODAY).route == "refusal"


@pytest.mark.integration
def test_a_question_the_bank_reads_out_of_scope_is_not_placed(assistant: Any) -> None:
    """The same passages and reading, with the example bank's out-of-scope share at `SECTION_OUTSIDE`: not placed
    (out-of-scope-2026e's "période d'essai d'un contrat de professionnalisation" read 0.998 by the model, 0.89
    out of scope by the bank)."""
    glossary = assistant._read_glossary(MISSIONS)
    passages = led_to_section(MISSIONS, [], glossary, lambda text, k=10: list(assistant._search(text, k)))
    assert passages
    assert placed_by_section(passages, glossary, 0.0)
    assert not placed_by_section(passages, glossary, SECTION_OUTSIDE)


def test_without_a_reading_no_section_is_named() -> None:
    assert confident_section(None) is None
    assert led_to_section(MISSIONS, [], None) is None
    assert not placed_by_section([], None)
