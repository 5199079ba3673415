"""Chat page with a model configured: the quoted answer and its sources at once, the model's checked text under them.

The fake assistant returns the quoted answer with a pending draft (as `Assistant.ask(...,
draft=True)` does); the scripted model invents a figure and cites the quoted passage. The page
must keep the quoted answer and its sources, stream the draft, and end with the checked text
(the invented figure's sentence gone).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from assistant.answer import Answer
from assistant.answering.citations import CitationBook
from assistant.answering.streaming import ModelDraft
from assistant.settings import get_settings
from ingest.models import Chunk
from knowledge.hybrid import Evidence
from tests.ui.conftest import APP, PROTOCOLE, TUTOR_QUOTE, FakeAssistant


class _DraftingAssistant(FakeAssistant):
    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.drafts: list[bool] = []

    def ask(self, question: str, conversation: Any = None, today: Any = None, draft: bool = False) -> Answer:
        self.drafts.append(draft)
        chunk = Chunk(PROTOCOLE, "4.3", "Prime de tutorat", "Titre II › Article 4 › 4.3", TUTOR_QUOTE, 6, 6, 0)
        evidence = Evidence(chunk.id, chunk, 1.0)
        book = CitationBook()
        quoted = f"« {TUTOR_QUOTE} » [{book.cite(evidence)}]"

        def stream(_q: str, _e: object) -> Iterator[str]:
            yield from ("La prime vaut 7 points par mois [", "1]. ", "Elle double après 12 mois [1].")

        answer = Answer(question, quoted, "retrieval", citations=book.citations())
        answer.draft = ModelDraft(stream, question, [evidence], book, quoted=quoted)
        return answer


@pytest.fixture
def drafting(fake_assistant: FakeAssistant, monkeypatch: pytest.MonkeyPatch) -> _DraftingAssistant:
    from assistant import service

    fake = _DraftingAssistant(fake_assistant.pdf_dir)
    monkeypatch.setattr(service, "get_assistant", lambda: fake)
    monkeypatch.setenv("CCN_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    get_settings.cache_clear()
    return fake


def test_quoted_answer_then_checked_model_text(drafting: _DraftingAssistant) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.chat_input[0].set_value("Combien touche un tuteur ?").run()
    assert not at.exception
    assert drafting.drafts == [True]
    text = "\n".join(m.value for m in at.markdown)
    assert "7 points par mois, complet ou non" in text  # the quoted answer
    assert "La prime vaut 7 points par mois :blue-badge[1]" in text  # the model's checked text
    assert "double" not in text  # "12 mois" is in no passage: removed
    assert any("Reformulation par le modèle" in c.value for c in at.caption)
    assert any(e.label.startswith("Source") for e in at.expander)  # the quoted answer's sources
