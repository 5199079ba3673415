"""The per-index reading is rebuilt when the retriever reloads (an upload replaced a text), not per question."""

from __future__ import annotations

from collections.abc import Iterable

from assistant.answering.per_index import PerIndex


class _Retriever:
    def __init__(self, texts: list[str]) -> None:
        self._texts = texts

    def passage_texts(self) -> list[str]:
        return self._texts

    def passages(self) -> list[str]:
        return list(self._texts)

    def reload(self, texts: list[str]) -> None:
        self._texts = texts  # a new list: the index's new version


def test_read_once_per_index_and_again_after_a_reload() -> None:
    builds: list[int] = []

    def build(passages: Iterable[str]) -> int:
        count = len(list(passages))
        builds.append(count)
        return count

    cache: PerIndex[int] = PerIndex(build, 0)
    retriever = _Retriever(["a", "b"])
    assert cache.get(retriever) == 2
    assert cache.get(retriever) == 2
    assert builds == [2]
    retriever.reload(["a", "b", "c"])
    assert cache.get(retriever) == 3
    assert builds == [2, 3]


def test_a_retriever_without_passages_gets_the_empty_value() -> None:
    cache: PerIndex[list[str]] = PerIndex(lambda passages: ["read"], [])
    assert cache.get(object()) == []
