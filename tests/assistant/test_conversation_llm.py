"""A model server rewriting follow-ups, against a local OpenAI-compatible fake (127.0.0.1 only).

The fake answers the rewrite prompt with whatever the test puts in `_Handler.rewrite`, and the
phrasing prompt with one cited sentence. A rewrite is used only when it holds no figure the user
did not write; it is then routed like a typed question, so a calculator still reads its figures.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import ClassVar

import pytest

from assistant.conversation import Conversation
from assistant.conversation.rewrite import SYSTEM_PROMPT
from assistant.service import Assistant
from assistant.settings import Settings
from tests.assistant.fake_model_server import FakeModelHandler, serving

pytest.importorskip("langchain_openai")
pytestmark = pytest.mark.integration
TODAY = date(2026, 11, 29)


class _Handler(FakeModelHandler):
    rewrite: ClassVar[str] = ""
    rewrite_prompts: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        body = self.request_body()
        messages = body.get("messages", [])
        if messages and messages[0].get("content") == SYSTEM_PROMPT:
            _Handler.rewrite_prompts.append(messages[-1].get("content", ""))
            content = _Handler.rewrite
        else:
            content = "Le dispositif est décrit dans ce passage [1]."
        self.send_completion(content)


@pytest.fixture
def llm_assistant(real_settings: Settings) -> Iterator[Assistant]:
    with serving(_Handler) as url:
        settings = real_settings.model_copy(update={"llm_base_url": url, "llm_model": "fake", "llm_rewrite": True})
        yield Assistant(settings)


def test_the_model_rewrite_is_routed_like_a_typed_question(llm_assistant: Assistant) -> None:
    """Art. 4.3: "7 points par mois" — the rewrite's period (January to May 2025) gives 35 points."""
    conversation = Conversation()
    llm_assistant.ask(
        "Je tutore un salarié du 1er janvier au 31 mars 2025, combien de points ?", conversation, today=TODAY
    )
    _Handler.rewrite = "Je tutore un salarié du 1er janvier au 31 mai 2025, combien de points ?"
    answer = llm_assistant.ask("et si ça s'arrête fin mai ?", conversation, today=TODAY)
    assert "31 mars 2025" in _Handler.rewrite_prompts[-1]  # the earlier question was given as context
    assert answer.resolved_question == _Handler.rewrite
    assert answer.text.startswith(f"Question comprise : « {_Handler.rewrite} »")
    assert answer.route == "calculator" and answer.tool_calls[0].result["value"] == 35


def test_a_rewrite_with_an_invented_figure_is_not_used(llm_assistant: Assistant) -> None:
    conversation = Conversation()
    llm_assistant.ask("C'est quoi la Pro-A ?", conversation, today=TODAY)
    _Handler.rewrite = "Qui peut bénéficier de la Pro-A après 50 ans ?"
    answer = llm_assistant.ask("et qui peut en bénéficier ?", conversation, today=TODAY)
    assert answer.resolved_question == "Pro-A : qui peut en bénéficier ?"  # the deterministic reading
    assert "50 ans" not in answer.text


def test_a_rewrite_that_repeats_the_message_keeps_the_rule_based_reading(llm_assistant: Assistant) -> None:
    conversation = Conversation()
    llm_assistant.ask("C'est quoi la Pro-A ?", conversation, today=TODAY)
    _Handler.rewrite = "et qui peut en bénéficier ?"  # the model gave the typed message back
    answer = llm_assistant.ask("et qui peut en bénéficier ?", conversation, today=TODAY)
    assert answer.resolved_question == "Pro-A : qui peut en bénéficier ?"
    assert answer.route != "refusal"


def test_without_llm_rewrite_the_model_never_rewords_a_follow_up(real_settings: Settings) -> None:
    """A configured model phrases answers, but follow-ups keep the deterministic reading unless asked.

    The rewrite prompt is never sent: with the model server pointed at a closed port, a follow-up is
    still resolved (the quoted answer stands when the phrasing fails).
    """
    settings = real_settings.model_copy(update={"llm_base_url": "http://127.0.0.1:9/v1", "llm_model": "fake"})
    assistant = Assistant(settings)
    assert assistant._rewriter is None
    _Handler.rewrite = "Combien de points pour un tuteur qui ne suit personne ?"
    conversation = Conversation()
    assistant.ask("Combien touche un tuteur ?", conversation, today=date(2025, 11, 25))
    answer = assistant.ask("Et c'est plafonné ?", conversation, today=date(2025, 11, 25))
    assert "252" in answer.text
