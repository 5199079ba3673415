"""The optional language model path, against a local OpenAI-compatible server that invents a figure.

The fake server speaks `/v1/chat/completions` on 127.0.0.1 only. It answers with one supported
sentence, one invented figure and one citation of a passage that was never retrieved: the answer
must keep the first, drop the other two, and keep its citations mapped to retrieved passages.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import ClassVar

import pytest

from assistant.service import Assistant
from assistant.settings import Settings
from tests.assistant.fake_model_server import FakeModelHandler, serving

pytest.importorskip("langchain_openai")
pytestmark = pytest.mark.integration

DRAFT = (
    "Chaque tuteur accompagne au maximum 3 salariés [1]. "
    "Il perçoit 40 points par salarié accompagné [1]. "
    "Voir aussi la note interne [42]."
)


class _Handler(FakeModelHandler):
    prompts: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        body = self.request_body()
        _Handler.prompts.append(json.dumps(body.get("messages", []), ensure_ascii=False))
        self.send_completion(DRAFT, model=body.get("model", "fake"))


@pytest.fixture
def fake_llm_url() -> Iterator[str]:
    with serving(_Handler) as url:
        yield url


def test_llm_answer_is_checked_against_the_passages(real_settings: Settings, fake_llm_url: str) -> None:
    settings = real_settings.model_copy(update={"llm_base_url": fake_llm_url, "llm_model": "fake"})
    assistant = Assistant(settings)
    answer = assistant.ask("Combien de salariés un tuteur peut-il accompagner au maximum ?", today=date(2025, 11, 25))
    assert answer.route == "retrieval"
    assert "3 salariés [1]" in answer.text
    assert "40 points" not in answer.text  # invented: removed by the number guard
    assert "[42]" not in answer.text  # cites nothing that was retrieved: removed
    assert [c.number for c in answer.citations] == [1] * len(answer.citations)
    assert _Handler.prompts, "the configured server was called"
    assert "<<<" in _Handler.prompts[-1]  # passages are framed as data
