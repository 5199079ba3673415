"""`bench --llm` scoring (bench.llm, bench.llm_report) with stand-in assistants and a scripted model.

The quoted answer and the model's draft of one question are scored by the shared scorer; the
draft invents a figure (removed by the number guard, counted) and the figures and latencies
reach the table. No index and no model are needed.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any

import pytest

from assistant.answer import Answer
from assistant.answering.citations import CitationBook
from assistant.answering.streaming import ModelDraft
from bench import llm as bench_llm
from bench.llm_report import markdown_table, summarise
from ingest.models import Chunk
from knowledge.hybrid import Evidence

ITEM = {
    "id": "q-1",
    "question": "Combien touche un tuteur ?",
    "expect": {
        "route": "retrieval",
        "must_include": [["7 points"]],
        "sources": [{"document": "accord-2019", "section": "4.3"}],
    },
}
PASSAGE = "La prime de tutorat correspond à 7 points par mois."


def _evidence() -> Evidence:
    chunk = Chunk("accord-2019", "4.3", "Prime", "Article 4 › 4.3", PASSAGE, 6, 6, 1)
    return Evidence(chunk.id, chunk, 1.0)


class _Quoting:
    """Stands for the default assistant: quotes the passage."""

    def ask(self, question: str, conversation: Any = None, **_kw: Any) -> Answer:
        book = CitationBook()
        n = book.cite(_evidence())
        return Answer(question, f"« {PASSAGE} » [{n}]", "retrieval", citations=book.citations())


class _WithModel:
    """Stands for the assistant with a model: the quoted answer, the draft pending."""

    def __init__(self, pieces: list[str]) -> None:
        self.pieces = pieces

    def ask(self, question: str, conversation: Any = None, *, draft: bool = False, **_kw: Any) -> Answer:
        book = CitationBook()
        quoted = f"« {PASSAGE} » [{book.cite(_evidence())}]"
        answer = Answer(question, quoted, "retrieval", citations=book.citations())

        def stream(_q: str, _e: object) -> Iterator[str]:
            yield from self.pieces

        answer.draft = ModelDraft(stream, question, [_evidence()], book, quoted=quoted)
        return answer


@pytest.fixture
def passes() -> Any:
    if not bench_llm.SCORER.exists():
        pytest.skip("shared/eval/score.py absent de cette copie")
    return bench_llm.load_scorer()


def test_model_answer_is_scored_and_its_faults_counted(passes: Any) -> None:
    pieces = ["Le tuteur reçoit 7 points par mois [1]. ", "Et 50 points de prime annuelle [1]."]
    outcome = bench_llm._one("dev", ITEM, bench_llm.SETS["dev"][1], _Quoting(), _WithModel(pieces), passes)
    assert outcome.extractive_pass and outcome.model_pass
    assert outcome.consulted and outcome.cited and not outcome.fallback
    assert outcome.removed == 1  # "50 points" is in no passage
    assert outcome.invented == ["50"]
    assert outcome.first_token_s is not None and outcome.model_s >= outcome.first_token_s


def test_a_draft_citing_nothing_falls_back_to_the_quotes(passes: Any) -> None:
    pieces = ["Les extraits ne permettent pas de répondre à cette question."]
    outcome = bench_llm._one("dev", ITEM, bench_llm.SETS["dev"][1], _Quoting(), _WithModel(pieces), passes)
    assert outcome.extractive_pass
    assert outcome.fallback  # it cites nothing: the quoted answer stands, as in the product
    assert outcome.model_pass


def test_summary_table(passes: Any) -> None:
    good = bench_llm._one(
        "dev", ITEM, bench_llm.SETS["dev"][1], _Quoting(), _WithModel(["Il reçoit 7 points [1]."]), passes
    )
    wrong = bench_llm._one(
        "fresh", ITEM, bench_llm.SETS["fresh"][1], _Quoting(), _WithModel(["Il reçoit des points [1]."]), passes
    )
    summary = summarise([good, wrong])
    assert summary["model_pass"]["good"] == 1 and summary["extractive_pass"]["good"] == 2
    assert summary["model_cited"]["rate"] == 1.0
    table = markdown_table(summary)
    assert "| réussite, dev (1 q.) | 1/1 (100%) | 1/1 (100%) |" in table
    assert "| réussite, fresh (1 q.) | 1/1 (100%) | 0/1 (0%) |" in table


def test_without_a_configured_model_the_command_says_what_to_start(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CCN_LLM_BASE_URL", raising=False)
    from assistant.settings import get_settings

    get_settings.cache_clear()
    try:
        args = argparse.Namespace(llm=True, limit=None, sets="dev", json=None)
        assert bench_llm.run_llm_command(args) == 1
    finally:
        get_settings.cache_clear()
    assert "ccn-assistant llm serve" in capsys.readouterr().err


def test_results_are_written_whole_after_each_question(passes: Any, tmp_path: Any) -> None:
    """A run stopped half-way keeps what it measured: the file is replaced whole, never half-written."""
    import json

    path = tmp_path / "bench-llm.json"
    done = [
        bench_llm._one(
            "dev", ITEM, bench_llm.SETS["dev"][1], _Quoting(), _WithModel(["Il reçoit 7 points [1]."]), passes
        )
    ]
    bench_llm.write_results(path, done, summarise(done))
    first = json.loads(path.read_text(encoding="utf-8"))
    assert [o["model_text"] for o in first["outcomes"]] == ["Il reçoit 7 points [1]."]
    done.append(
        bench_llm._one("fresh", ITEM, bench_llm.SETS["fresh"][1], _Quoting(), _WithModel(["Des points [1]."]), passes)
    )
    bench_llm.write_results(path, done, summarise(done))
    second = json.loads(path.read_text(encoding="utf-8"))
    assert [o["set"] for o in second["outcomes"]] == ["dev", "fresh"]
    assert second["summary"]["model_pass"]["good"] == 1
    assert not list(tmp_path.glob("*.tmp"))
