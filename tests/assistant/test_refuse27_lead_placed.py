"""An answer whose lead is of the section the trained models read is not refused by the refusal judge (refuse27,
`answering.glossary_places.lead_placed`, `Assistant._judged`).

Accord art. 6 (Entretien professionnel): "Les organismes assurent, tous les 6 ans, au moins deux entretiens
professionnels et un entretien de bilan." Asked in my words, with none of the article's: the models read art. 6,
and a passage of art. 6 leading the answer is placed; a passage of another article, or a labour-law question the
models read outside, is not."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.glossary_places import lead_placed
from knowledge.hybrid import Evidence

ACCORD = "accord-2019-12-19-formation-professionnelle"
TODAY = date(2026, 11, 29)
EVERYDAY = "Le tête-à-tête avec mon manager sur la suite de ma carrière chez nous, il revient tous les combien ?"
LABOUR = "Mon chef peut-il m'imposer de poser mes congés en août ?"


def _passage(assistant: Any, query: str, section: str) -> Evidence:
    """The best passage of the accord's `section` among those found for `query`."""
    found = [
        e for e in assistant._search(query, 30) if e.chunk.document == ACCORD and e.chunk.section_number == section
    ]
    assert found, f"no passage of art. {section} found for {query!r}"
    return found[0]


def test_no_lead_or_no_reading_places_nothing() -> None:
    assert not lead_placed(None, None)


@pytest.mark.integration
def test_a_lead_of_the_section_the_models_read_is_placed(assistant: Any) -> None:
    glossary = assistant._read_glossary(EVERYDAY)
    assert lead_placed(_passage(assistant, EVERYDAY + " entretien professionnel", "6"), glossary)


@pytest.mark.integration
def test_a_lead_of_another_section_is_not_placed(assistant: Any) -> None:
    """Art. 8 (Garantie individuelle) names the professional interview too, but is not the section asked."""
    glossary = assistant._read_glossary(EVERYDAY)
    assert not lead_placed(_passage(assistant, EVERYDAY + " garantie individuelle", "8"), glossary)


@pytest.mark.integration
def test_a_labour_law_question_s_lead_is_not_placed(assistant: Any) -> None:
    glossary = assistant._read_glossary(LABOUR)
    assert not lead_placed(_passage(assistant, LABOUR + " entretien professionnel", "6"), glossary)


@pytest.mark.integration
def test_a_judge_s_refusal_is_not_applied_to_an_answer_led_by_the_section_read(
    assistant: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a judge that refuses every answer: art. 4.1 ("Le tutorat a pour objet d'aider, d'informer et de guider
    le salarié qui participe à une action de formation") leads the answer to my question on the tutoring's purpose
    and the models read art. 4.1, so the answer stands; a CQP's description (the CQP sheet, which sets no rule)
    leading the answer to a question on a profession is refused as the judge says."""
    import assistant.service as service

    monkeypatch.setattr(service, "judge_verdict", lambda signals: "refuse")
    kept = assistant.ask("Le tutorat sert à quoi dans les caisses ?", today=TODAY)
    assert kept.route == "retrieval"
    assert kept.citations[0].section.startswith("Article 4.1")
    refused = assistant.ask("Que fait au quotidien un délégué de l'Assurance Maladie ?", today=TODAY)
    assert refused.route == "refusal"
