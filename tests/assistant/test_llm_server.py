"""The optional language model path, against a local OpenAI-compatible server that invents a figure.

The fake server speaks `/v1/chat/completions` on 127.0.0.1 only. It answers with one supported
sentence, one invented figure and one citation of a passage that was never retrieved: the answer
must keep the first, drop the other two, and keep its citations mapped to retrieved passages.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from assistant.service import Assistant
from assistant.settings import Settings

pytest.importorskip("langchain_openai")
pytestmark = pytest.mark.integration

DRAFT = (
    "Chaque tuteur accompagne au maximum 3 salariés [1]. "
    "Il perçoit 40 points par salarié accompagné [1]. "
    "Voir aussi la note interne [42]."
)


class _Handler(BaseHTTPRequestHandler):
    prompts: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        _Handler.prompts.append(json.dumps(body.get("messages", []), ensure_ascii=False))
        reply = {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": 0,
            "model": body.get("model", "fake"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": DRAFT}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        return


@pytest.fixture
def fake_llm_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


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
