"""The model's draft streamed under the quoted answer (assistant.answering.streaming), then checked.

A fake OpenAI-compatible server on 127.0.0.1 streams a draft in server-sent events, cutting a
citation marker between two events, inventing a figure and citing a passage it was never given:
the reader must see the markers renumbered as the answer's citations, and the checked text must
keep the supported sentence only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, ClassVar

import pytest

from assistant.answering.citations import CitationBook
from assistant.answering.streaming import ModelDraft, make_streamer
from assistant.settings import Settings
from ingest.models import Chunk
from knowledge.hybrid import Evidence
from tests.assistant.fake_model_server import FakeModelHandler, serving

PIECES = [
    "Le tuteur perçoit 7 points par mois [",
    "2]. ",
    "Il perçoit aussi 40 points de bonus [2]. ",
    "Voir la note [9].",
]


def _evidence(n: int, text: str) -> Evidence:
    chunk = Chunk("accord-2019", f"4.{n}", "Tutorat", f"Titre II › Article 4.{n}", text, 6, 6, n)
    return Evidence(chunk.id, chunk, 1.0 / n)


EVIDENCE = [
    _evidence(1, "Le tuteur est désigné par l'employeur."),
    _evidence(2, "La prime de tutorat correspond à 7 points par mois."),
]


class _Handler(FakeModelHandler):
    bodies: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = self.request_body()
        _Handler.bodies.append(body)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for piece in PIECES:
            event = {
                "id": "chatcmpl-test",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": "fake",
                "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}],
            }
            self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
            self.wfile.flush()
        self.wfile.write(b"data: [DONE]\n\n")


@pytest.fixture
def streaming_url() -> Iterator[str]:
    with serving(_Handler) as url:
        yield url


def _book_citing_first_passage() -> CitationBook:
    book = CitationBook()
    book.cite(EVIDENCE[0])  # the quoted answer cited passage 1 as [1]
    return book


def test_streamed_draft_is_renumbered_then_checked(streaming_url: str) -> None:
    pytest.importorskip("langchain_openai")
    streamer = make_streamer(Settings(llm_base_url=streaming_url, llm_model="fake"))
    assert streamer is not None
    draft = ModelDraft(streamer, "Combien touche un tuteur ?", EVIDENCE, _book_citing_first_passage())
    shown = list(draft.stream())
    assert len(shown) > 1  # pieces as they come, not one block at the end
    assert "".join(shown) == (
        "Le tuteur perçoit 7 points par mois [2]. Il perçoit aussi 40 points de bonus [2]. Voir la note ."
    )
    assert _Handler.bodies[-1]["stream"] is True
    assert "<<<" in json.dumps(_Handler.bodies[-1]["messages"], ensure_ascii=False)  # passages framed as data
    result = draft.result
    assert result is not None
    assert result.text == "Le tuteur perçoit 7 points par mois [2]. Voir la note."  # invented figure, [9] removed
    assert result.cited == [2]
    assert result.removed == ["Il perçoit aussi 40 points de bonus [2]."]
    assert draft.invented_figures() == {"40"}  # markers are not figures
    assert draft.first_token_s is not None and draft.total_s is not None


def test_a_failing_server_leaves_the_quoted_answer() -> None:
    def broken(_q: str, _e: object) -> Iterator[str]:
        yield "Le tuteur "
        raise TimeoutError("server gone")

    draft = ModelDraft(broken, "q", EVIDENCE, CitationBook())
    assert "".join(draft.stream()) == "Le tuteur "
    assert draft.failed and draft.finish() is None


def test_an_interrupted_stream_restarts_clean() -> None:
    def once(_q: str, _e: object) -> Iterator[str]:
        yield from ("Un tuteur [", "2] est désigné.")

    draft = ModelDraft(once, "q", EVIDENCE, CitationBook())
    stream = draft.stream()
    next(stream)
    stream.close()  # the reader asked something else meanwhile
    assert not draft.done
    result = draft.finish()
    assert draft.raw == "Un tuteur [2] est désigné."
    assert result is not None and result.text == "Un tuteur [1] est désigné."


def test_the_model_reads_first_the_passages_the_quoted_answer_cites() -> None:
    """The quoted answer cites the 4.2 passage (retrieved second): the model gets it as [1], then the others."""
    from assistant.answering.llm import MODEL_PASSAGES, model_passages

    retrieved = [_evidence(n, f"Passage {n}.") for n in range(1, 8)]
    book = CitationBook()
    book.cite(retrieved[1])
    book.cite(retrieved[4])
    given = model_passages(retrieved, book)
    assert [e.section for e in given][:3] == ["4.2", "4.5", "4.1"]
    assert len(given) == MODEL_PASSAGES
    assert [e.section for e in model_passages(retrieved)] == [f"4.{n}" for n in range(1, MODEL_PASSAGES + 1)]
