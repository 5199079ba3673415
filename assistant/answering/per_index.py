"""A value read once from the loaded index's passages, read again when the index is replaced.

Several answerers (a text's own facts, the enumerated families, the named parts) need a reading of
every passage of the index. Reading it per question would cost a full pass over the corpus; reading
it once at start would miss an upload that replaces a text. The retriever swaps its passage list
when it reloads, so the identity of that list is the index's version: the value is rebuilt when it
changes, under a lock because the UI answers from several threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from ingest.models import Chunk

T = TypeVar("T")


class PerIndex(Generic[T]):
    """`build` applied to the index's passages, cached until the retriever reloads.

    A retriever without `passages` (the tests' stand-ins, a remote index) gets `empty`.
    """

    def __init__(self, build: Callable[[Iterable[Chunk]], T], empty: T) -> None:
        self._build = build
        self._empty = empty
        self._key: int | None = None
        self._value: T = empty
        self._lock = threading.Lock()

    def get(self, retriever: Any) -> T:
        passages: Callable[[], Iterable[Chunk]] | None = getattr(retriever, "passages", None)
        if passages is None:
            return self._empty
        key = id(retriever.passage_texts())
        with self._lock:
            if key != self._key:
                self._value = self._build(passages())
                self._key = key
            return self._value
