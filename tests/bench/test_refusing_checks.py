"""The refusing-checks trace names every refusing branch of `texts_are_silent` (bench.refusing_checks)."""

from bench.refusing_checks import branch_names


def test_every_refusing_branch_is_named() -> None:
    """Each `return True` of `texts_are_silent` maps to a named check, so a trace never reports a bare line number;
    a new branch needs its name in `_BRANCHES`."""
    names = branch_names()
    assert names, "texts_are_silent has no `return True` any more"
    assert not [name for name in names.values() if name.startswith("silent: line")]
    assert "silent: subject_is_elsewhere" in names.values()


def test_a_row_keeps_the_hand_check_the_judge_overrode_and_names_a_judge_refusal() -> None:
    """refuse23: the trace tells which hand check refused even when the refusal judge answered the question, and a
    retrieval answer the judge refused is its own check (the judge's probability is carried for the thresholds)."""
    from types import SimpleNamespace

    from bench.refusing_checks import _row

    item = {"id": "x", "expect": {"route": None}}
    answered = SimpleNamespace(route="retrieval", topic=None, outside=0.0, names_texts=False)
    overridden = _row(item, "retrieval", answered, {"silent": ["silent: subject_is_elsewhere"], "judge_p": 0.27})
    assert overridden["check"] is None and overridden["hand"] == "silent: subject_is_elsewhere"
    assert overridden["judge_p"] == 0.27
    refused = _row(item, "refusal", answered, {"judge": "refuse", "judge_p": 0.8})
    assert refused["check"] == "judge: answer refused" and refused["hand"] is None
