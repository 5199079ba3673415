"""`bench --report`, the plain pipeline and the 52k opening set-up produce well-formed results.

No timing is asserted (timings belong to `ccn-assistant bench --report`): the table has one row
per measured part with its command, a failed part says so, the plain pipeline's passages and its
"holds the article's text" criterion behave, and the opening benchmark's shortcut (passages picked
from one analysis) scores exactly like analysing those passages.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.settings import REPO_ROOT
from bench.measure import summary
from bench.open_snapshot import rows_of
from bench.plain_pipeline import RUN_WORDS, _runs, plain_passages
from bench.report_table import BEGIN, END, table, write_table
from knowledge.keyword import BM25Index, TermCounts

STATS = summary([3.0, 4.0, 5.0])  # the shape every part reports: n, p50, p95, mean, min, max


def _results() -> dict[str, object]:
    point = {
        "mode": "processes",
        "conversations": 1,
        "questions_per_s": 9.5,
        "latency_ms": {"p50": 90.0, "p95": 200.0},
        "rss_mb_per_process": summary([500.0]),
        "pss_mb_per_process": summary([400.0]),
    }
    return {
        "meta": {"started": "t0", "ended": "t1", "machine": {"cpus": 2, "memory_gib": 23.5, "python": "3.11"}},
        "first_start": {"wall_s": STATS, "cpu_s": STATS, "peak_rss_mb": 140.0, "load": [0.5, 0.7]},
        "uncached_ingest": {"error": "RuntimeError: boom", "load": [1.0, 1.0]},
        "open_52k": {"passages": 52000, "open_from_files": {"wall_s": 2.5, "cpu_s": 2.4}, "first_lookups": {}},
        "question_embedding": {
            "wall_ms": {"torch": STATS, "c": STATS},
            "cpu_ms": {"torch": STATS},
            "min_cosine": 0.9999,
        },
        "plain": {
            "product": {"recall_at_5_text": 1.0, "score": {"pass_rate": 0.9, "lines": {}}, "latency_ms": STATS},
            "plain": {"recall_at_5_text": 0.5, "score": {"pass_rate": 0.1, "lines": {}}, "latency_ms": STATS},
        },
        "load": {"points": [point], "sustained": {"processes": {"questions_per_s": 9.5, "conversations": 1}}},
        "memory_c_engine": {"points": [point]},
    }


def test_table_has_a_row_per_part_with_its_command_and_target() -> None:
    text = table(_results())
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == 7
    assert all(row.count("`") >= 2 for row in rows)  # every row names its command
    first = rows[0]
    assert "4.0 s (4.0 s CPU), median of 3" in first and "| yes |" in first and "0.5–0.7" in first
    assert "failed: RuntimeError: boom" in rows[1] and "| – |" in rows[1]
    assert "2.00×" in rows[4]  # recall ratio ours / plain
    assert "9.50 q/s" in rows[5]
    assert "torch 500 MB RSS / 400 MB PSS" in rows[6]


def test_write_table_replaces_only_between_the_markers(tmp_path: Path) -> None:
    doc = tmp_path / "PERF.md"
    doc.write_text(f"avant\n{BEGIN}\nancien\n{END}\naprès\n", encoding="utf-8")
    write_table(doc, "| nouveau |\n")
    assert doc.read_text(encoding="utf-8") == f"avant\n{BEGIN}\n| nouveau |\n{END}\naprès\n"
    with pytest.raises(ValueError):
        write_table(_without_markers(tmp_path), "x")


def _without_markers(tmp_path: Path) -> Path:
    path = tmp_path / "other.md"
    path.write_text("rien\n", encoding="utf-8")
    return path


def test_plain_passages_are_page_pieces_of_at_most_the_chunk_size() -> None:
    pdf = REPO_ROOT / "corpus" / "pdf" / "cqp-regime-general.pdf"
    passages = plain_passages([pdf])
    assert passages and {p.document for p in passages} == {pdf.stem}
    assert all(0 < len(p.text) <= 1000 for p in passages)
    assert sorted({p.page for p in passages}) == list(range(1, 6))
    assert len({p.id for p in passages}) == len(passages)


def test_a_passage_holds_an_article_when_they_share_a_run_of_eight_words() -> None:
    article = "Le tuteur perçoit une prime de 7 points par mois, au plus 252 points sur la durée du contrat."
    assert _runs("… une prime de 7 points par mois, au plus 252 points …") & _runs(article)
    assert not _runs("une prime de sept points") & _runs(article)  # fewer than 8 shared words in a row
    assert RUN_WORDS == 8


def test_rows_picked_from_one_analysis_score_like_analysing_them() -> None:
    texts = ["prime du tuteur", "tuteur et tutorat, prime de 7 points", "contribution de 0,15 %", "congé VAE", ""]
    rows = np.array([3, 1, 1, 4, 0])
    picked, analysed = BM25Index.from_counts(rows_of(TermCounts.of(texts), rows)), BM25Index([texts[i] for i in rows])
    for query in ("prime tuteur", "congé", "0,15 %", "absent"):
        assert np.array_equal(picked.scores(query), analysed.scores(query))
    assert picked.vocabulary_size == analysed.vocabulary_size


def test_question_row_judges_the_default_engine_first() -> None:
    """Since ONNX Runtime became the default for questions, its p95 decides the row."""
    results = _results()
    fast, slow = summary([5.0, 6.0, 9.0]), summary([40.0, 50.0, 90.0])
    results["question_embedding"] = {
        "default": "onnx",
        "wall_ms": {"onnx": fast, "torch": slow, "c": slow},
        "cpu_ms": {"onnx": fast, "torch": slow, "c": slow},
        "min_cosine": 0.9999,
    }
    row = next(line for line in table(results).splitlines() if "bench.query_embedding" in line)
    assert row.index("onnx 6.0 / ") < row.index("; torch 50.0 / ") < row.index("; c 50.0 / ")
    assert "| yes |" in row
    assert "onnx 500 MB RSS" in table(results)
