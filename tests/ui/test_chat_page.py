"""Chat page (AppTest, fake assistant): answers, citations, sources panel, follow-ups, feedback."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.ui.conftest import APP, FakeAssistant


def _app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_first_run_indexes_and_welcomes(fake_assistant: FakeAssistant) -> None:
    at = _app()
    assert fake_assistant.indexed == 1
    assert at.title[0].value == "Questions sur les accords"
    assert "Posez une question" in _markdown(at)
    assert any("Combien de points" in b.label for b in at.button)


def test_answer_with_citation_and_sources_panel(fake_assistant: FakeAssistant) -> None:
    at = _app()
    at.chat_input[0].set_value("Combien de points pour la prime de tutorat ?").run()
    assert not at.exception
    text = _markdown(at)
    assert "7 points" in text
    assert ":blue-badge[1]" in text  # the [1] marker, shown as a badge
    assert "Protocole d'accord du 19 décembre 2019" in text  # source card title
    assert any("Titre II › Article 4 › 4.3 · page 6" in c.value.replace("\\", "") for c in at.caption)
    assert "il correspond à 7 points par mois" in text  # the exact passage
    assert len(at.get("image")) == 1  # the highlighted page image
    assert fake_assistant.questions == ["Combien de points pour la prime de tutorat ?"]


def test_example_button_asks(fake_assistant: FakeAssistant) -> None:
    at = _app()
    next(b for b in at.button if b.label.startswith("Qui peut")).click().run()
    assert fake_assistant.questions == ["Qui peut bénéficier de la Pro-A ?"]


def test_calculator_answer_shows_formula_and_steps(fake_assistant: FakeAssistant) -> None:
    at = _app()
    at.chat_input[0].set_value("Prime de tutorat du 1er février 2025 au 20 juin 2025 ?").run()
    assert not at.exception
    assert any(e.label.startswith("Détail du calcul : Prime de tutorat") for e in at.expander)
    assert any("7 points × mois de mission" in c.value for c in at.code)
    assert "Raisonnement" in _markdown(at)
    assert at.metric[0].value == "35 points"


def test_follow_up_completes_the_question(fake_assistant: FakeAssistant) -> None:
    at = _app()
    at.chat_input[0].set_value("Combien pour ma prime ?").run()
    assert any("dates de début et de fin" in i.value for i in at.info)
    at.chat_input[0].set_value("mission du 1er février 2025 au 20 juin 2025").run()
    assert fake_assistant.questions[-1] == "Combien pour ma prime ? mission du 1er février 2025 au 20 juin 2025"
    assert any("Question comprise" in c.value for c in at.caption)
    first, second = fake_assistant.conversations
    assert first is second is not None  # one conversation per session, kept across turns


def test_new_conversation_clears_history(fake_assistant: FakeAssistant) -> None:
    at = _app()
    at.chat_input[0].set_value("Combien de points pour la prime de tutorat ?").run()
    assert at.chat_message
    next(b for b in at.button if b.label == "Nouvelle conversation").click().run()
    assert not at.chat_message
    assert "Posez une question" in _markdown(at)
    at.chat_input[0].set_value("Combien de points pour la prime de tutorat ?").run()
    assert fake_assistant.conversations[-1] is not fake_assistant.conversations[0]  # a fresh conversation
    assert len(fake_assistant.conversations[-1]) == 1


def test_feedback_is_stored_without_profile(fake_assistant: FakeAssistant, data_dir: Path) -> None:
    at = _app()
    at.chat_input[0].set_value("Combien de points pour la prime de tutorat ?").run()
    at.feedback[0].set_value(1).run()
    assert not at.exception
    lines = (data_dir / "feedback.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[-1])
    assert record["rating"] == "up"
    assert record["question"] == "Combien de points pour la prime de tutorat ?"
    assert "7 points" in record["answer"]
    assert record["citations"][0]["section"] == "Article 4.3"
    assert set(record) == {
        "time",
        "turn",
        "rating",
        "question",
        "resolved_question",
        "answer",
        "route",
        "citations",
        "tools",
    }


def test_html_and_markdown_in_passages_render_as_text(fake_assistant: FakeAssistant) -> None:
    at = _app()
    at.chat_input[0].set_value("Que dit le passage script ?").run()
    assert not at.exception
    assert not at.get("html")
    for element in at.markdown:
        assert not element.proto.allow_html
    text = _markdown(at)
    assert r"\<script\>" in text  # escaped, shown literally
    assert "![img]" not in text and r"\!\[img\]" in text
    assert ":red[" not in text and r"\$x^2\$" in text
