"""Which sets are training data (`training_sets.excluded`) and the one digest both learnt models store
(`training_sets.training_digest`): it changes when a label the model reads changes, not when another field does,
and reads a file the same whether it is named relative to the repository or absolutely."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.answering import passage_model, refusal_judge
from assistant.answering.training_sets import excluded, training_digest
from assistant.settings import REPO_ROOT


@pytest.mark.parametrize(
    ("name", "refused"),
    [
        ("eval/unseen-2026q.jsonl", False),  # released with the eighteenth session: training data
        ("eval/out-of-scope-2026q.jsonl", False),
        ("eval/unseen-2026p.jsonl", False),
        ("eval/unseen-2026r.jsonl", False),  # released with the nineteenth session
        ("eval/conversations-2026r.jsonl", False),
        ("eval/out-of-scope-2026s.jsonl", False),  # released with the twentieth session
        ("eval/unseen-2026t.jsonl", False),  # released with the twenty-first session
        ("eval/unseen-2026u.jsonl", False),  # released with the twenty-second session
        ("eval/conversations-2026v.jsonl", False),  # released with the twenty-third session
        ("eval/out-of-scope-2026w.jsonl", False),  # released with the twenty-fourth session
        ("eval/unseen-2026x.jsonl", True),  # validation, counts only
        ("eval/conversations-2026y.jsonl", True),  # held out
        ("eval/unseen-2026z.jsonl", True),
    ],
)
def test_the_validation_and_held_out_generations_are_refused_as_training_data(name: str, refused: bool) -> None:
    assert excluded(name) is refused


def _write(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    return path


ITEM: dict[str, Any] = {
    "id": "t-001",
    "question": "Combien d'heures de formation pour un CQP ?",
    "kind": "property",
    "expect": {"route": "retrieval", "sources": [{"document": "accord", "section": "art. 2"}], "must_include": ["x"]},
}


def test_the_digest_changes_with_a_label_the_model_reads_and_only_then(tmp_path: Path) -> None:
    base = training_digest([_write(tmp_path / "a.jsonl", [ITEM])], passage_model.LABELS)
    moved = {**ITEM, "expect": {**ITEM["expect"], "sources": [{"document": "accord", "section": "art. 3"}]}}
    assert training_digest([_write(tmp_path / "a.jsonl", [moved])], passage_model.LABELS) != base
    worded = {**ITEM, "expect": {**ITEM["expect"], "must_include": ["y"]}}
    assert training_digest([_write(tmp_path / "a.jsonl", [worded])], passage_model.LABELS) == base
    # the judge reads the route, not the sources: moving a source does not ask for its retraining
    judged = training_digest([_write(tmp_path / "a.jsonl", [ITEM])], refusal_judge.LABELS)
    assert training_digest([_write(tmp_path / "a.jsonl", [moved])], refusal_judge.LABELS) == judged
    refused = {**ITEM, "expect": {"route": "refusal"}}
    assert training_digest([_write(tmp_path / "a.jsonl", [refused])], refusal_judge.LABELS) != judged


def test_the_digest_names_the_files_and_not_the_working_directory(tmp_path: Path) -> None:
    one = _write(tmp_path / "a.jsonl", [ITEM])
    other = _write(tmp_path / "b.jsonl", [ITEM])
    assert training_digest([one], refusal_judge.LABELS) != training_digest([other], refusal_judge.LABELS)
    released = "eval/heldout.jsonl"
    assert training_digest([released], passage_model.LABELS) == training_digest(
        [REPO_ROOT / released], passage_model.LABELS
    )
