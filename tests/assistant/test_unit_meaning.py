"""The meaning score of passage units must not depend on what earlier questions left in the cache.

Found on 2026-11-30: with a budget of new embeddings per answer, a unit already cached by an earlier
question got a meaning score that the same unit did not get in a fresh process, so a near-tie lead
(dev-14) changed with the order in which questions were asked.
"""

from __future__ import annotations

from collections.abc import Callable

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
