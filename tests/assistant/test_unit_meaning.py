"""The meaning score of passage units must not depend on what earlier questions left in the cache.

Found on 2026-11-30: with a budget of new embeddings per answer, a unit already cached by an earlier
question got a meaning score that the same unit did not get in a fresh process, so a near-tie lead
(dev-14) changed with the order in which questions were asked.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from assistant.answering.meaning import UnitMeaning


def _embedder(
    calls: list[str],
) -> Callable[[str], list[float]]:  # a stand-in model: one axis per first letter, so cosines are exact
    def embed(text: str) -> list[float]:
        calls.append(text)
        vector = [0.0] * 26
        vector[ord(text[0].lower()) - ord("a")] = 1.0
        return vector

    return embed


def test_units_past_the_budget_get_no_score_even_when_cached() -> None:
    calls: list[str] = []
    warm = UnitMeaning(_embedder(calls), budget=2)
    warm.vectors(["cedille", "alpha"])  # an earlier question cached "cedille"
    fresh = UnitMeaning(_embedder([]), budget=2)

    texts = ["alpha", "beta", "cedille"]
    assert [v is not None for v in warm.vectors(texts)] == [True, True, False]
    assert [v is not None for v in fresh.vectors(texts)] == [True, True, False]
    assert warm.similarities("alpha ?", texts) == fresh.similarities("alpha ?", texts) == [1.0, 0.0, None]


def test_cached_units_are_not_embedded_again() -> None:
    calls: list[str] = []
    meaning = UnitMeaning(_embedder(calls), budget=3)
    meaning.vectors(["alpha", "beta"])
    meaning.vectors(["beta", "alpha", "delta"])
    assert calls == ["alpha", "beta", "delta"]


class _Known:
    """Shipped vectors for some texts (`KnownVectors.get`)."""

    def __init__(self, vectors: dict[str, list[float]]) -> None:
        self._vectors = vectors

    def get(self, text: str) -> np.ndarray | None:
        vector = self._vectors.get(text)
        return None if vector is None else np.asarray(vector, dtype=np.float32)


def test_shipped_vectors_are_read_outside_the_budget_and_never_embedded() -> None:
    """Every unit of the shipped corpus gets a meaning score, however many there are; the budget
    rations only the units the file lacks (an uploaded PDF's), and in their own order."""
    calls: list[str] = []
    axis = [0.0] * 26
    known = {name: [*axis[:k], 2.0, *axis[k + 1 :]] for k, name in enumerate(["alpha", "beta", "cedille"])}
    meaning = UnitMeaning(_embedder(calls), budget=1, known=_Known(known))
    texts = ["alpha", "delta", "beta", "echo", "cedille"]
    vectors = meaning.vectors(texts)
    assert [v is not None for v in vectors] == [True, True, True, False, True]
    assert calls == ["delta"]  # the shipped ones are looked up, the first missing one embedded
    assert all(abs(float(np.linalg.norm(v)) - 1.0) < 1e-6 for v in vectors if v is not None)
    assert meaning.similarities("beta ?", texts)[2] == 1.0
