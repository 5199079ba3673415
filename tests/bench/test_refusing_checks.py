"""The refusing-checks trace names every refusing branch of `texts_are_silent` (bench.refusing_checks)."""

from bench.refusing_checks import branch_names


def test_every_refusing_branch_is_named() -> None:
    """Each `return True` of `texts_are_silent` maps to a named check, so a trace never reports a bare line number;
    a new branch needs its name in `_BRANCHES`."""
    names = branch_names()
    assert names, "texts_are_silent has no `return True` any more"
    assert not [name for name in names.values() if name.startswith("silent: line")]
    assert "silent: subject_is_elsewhere" in names.values()
