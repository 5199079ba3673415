"""The chat page on the real assistant and the shipped corpus (AppTest, no fake)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import APP

pytestmark = pytest.mark.integration


def test_real_answer_with_citation_and_page_image(real_assistant: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=600)
    at.run()
    assert not at.exception
    at.chat_input[0].set_value("Combien de points pour la prime de tutorat ?").run()
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown).replace("\\", "")
    assert "7 points" in text
    assert ":blue-badge[1]" in text
    captions = [c.value.replace("\\", "") for c in at.caption]
    assert any("4.3" in c and "page" in c for c in captions)
    assert at.get("image")  # the cited page, passage highlighted


def test_real_documents_page(real_assistant: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=600)
    at.run()
    at.switch_page("views/documents.py").run()
    assert not at.exception
    titles = [m.value.replace("\\", "") for m in at.markdown]
    assert any("19 décembre 2019" in title for title in titles)  # one card per text, its title in bold
    counts = [int(m.group(1)) for c in at.caption if (m := re.search(r"(\d+) passages? indexés?", c.value))]
    assert len(counts) >= 5 and all(n > 0 for n in counts)  # one card per indexed text, each with its passages


def test_real_follow_up_then_calculation(real_assistant: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=600)
    at.run()
    at.chat_input[0].set_value("Combien de points pour ma prime de tuteur ?").run()
    assert any("mission de tutorat" in i.value for i in at.info)  # the follow-up question
    at.chat_input[0].set_value("du 1er février 2025 au 20 juin 2025").run()
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown).replace("\\", "")
    assert "35 points" in text
    assert any(e.label.startswith("Détail du calcul : Prime de tutorat") for e in at.expander)
