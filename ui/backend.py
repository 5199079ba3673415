"""The UI's only door to the product: the process-wide assistant and the settings.

Pages call `assistant()` rather than importing `get_assistant` themselves, so the assistant is
looked up on `assistant.service` at call time (tests replace it there with a fake).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.settings import Settings, get_settings

if TYPE_CHECKING:
    from assistant.service import Assistant

Progress = Callable[[str, float], None]

_index_lock = threading.Lock()
# The assistants this process made sure have an index, held weakly: a set of `id()`s answered True for a new
# assistant that took a collected one's address (a fresh test double skipped its indexing).
_indexed: weakref.WeakSet[Assistant] = weakref.WeakSet()


def assistant() -> Assistant:
    from assistant import service

    current = service.get_assistant()
    add_skill = getattr(current, "add_skill", None)  # test doubles may have none
    if add_skill is not None:
        from interview.skill import InterviewSkill

        add_skill(InterviewSkill(settings().point_values_file))  # once per name: the chat's interview sheet
    return current


def settings() -> Settings:
    return get_settings()


def index_checked() -> bool:
    """True once this process made sure the current assistant has an index."""
    return assistant() in _indexed


def ensure_index(progress: Progress | None = None) -> list[str]:
    """Build the index of the shipped corpus if missing (once per process, one session at a time).

    Returns the status lines of the indexing run, or an empty list when the index was there.
    """
    current = assistant()
    with _index_lock:
        if current in _indexed:
            return []
        report = current.library.ensure_index(progress=progress)
        _indexed.add(current)
    if report is None:
        return []
    lines = getattr(report, "lines", None)
    return list(lines()) if callable(lines) else []
