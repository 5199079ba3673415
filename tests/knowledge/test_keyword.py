"""BM25 over French-analysed passages."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.keyword import BM25Index, TermCounts, _grouped_by_term

PASSAGES = [
    "Le tuteur perçoit une prime de 7 points par mois.",
    "La contribution conventionnelle supplémentaire correspond à 0,15 % de la masse salariale brute.",
    "Le congé pour préparer la validation des acquis de l'expérience est de 24 heures.",
    "Chaque tuteur accompagne au maximum trois salariés.",
]


def test_scores_follow_the_okapi_formula() -> None:
    index = BM25Index(["alpha beta", "alpha gamma gamma gamma"], k1=1.2, b=0.75)
    # "beta" occurs in passage 0 only: idf = ln(1 + (2 - 1 + .5) / (1 + .5)) = ln 2
    lengths = [2, 4]
    avg = sum(lengths) / 2
    expected = math.log(2) * 1 * 2.2 / (1 + 1.2 * (1 - 0.75 + 0.75 * lengths[0] / avg))
    scores = index.scores("beta")
    assert scores[0] == pytest.approx(expected, rel=1e-5)
    assert scores[1] == 0


def test_best_passage_first() -> None:
    index = BM25Index(PASSAGES)
    assert index.search("Quel est le taux de la contribution conventionnelle ?", 2)[0].index == 1
    assert index.search("combien d'heures de congé VAE", 1)[0].index == 2


def test_rare_terms_weigh_more_than_common_ones() -> None:
    index = BM25Index(PASSAGES)
    hits = index.search("tuteur prime", 4)
    assert [h.index for h in hits][:2] == [0, 3]  # both say "tuteur"; only 0 says "prime"
    assert hits[0].score > hits[1].score


def test_no_match_gives_nothing_and_mask_filters() -> None:
    index = BM25Index(PASSAGES)
    assert index.search("licenciement", 5) == []
    assert index.search("", 5) == []
    mask = np.array([False, True, True, True])
    assert [h.index for h in index.search("tuteur", 5, allowed=mask)] == [3]


def test_ties_are_broken_by_passage_order() -> None:
    index = BM25Index(["prime alpha", "prime beta", "prime gamma"])
    assert [h.index for h in index.search("prime", 3)] == [0, 1, 2]


def test_accent_free_question_matches_accented_text() -> None:
    index = BM25Index(PASSAGES)
    assert index.search("experience conge", 1)[0].index == 2


def test_empty_index() -> None:
    index = BM25Index([])
    assert index.search("tuteur", 3) == []
    assert index.vocabulary_size == 0


@settings(max_examples=200, deadline=None)
@given(
    docs=st.lists(st.lists(st.sampled_from(["formation", "tuteur", "prime", "point", "durée", "salarié"]), max_size=6)),
    query=st.lists(st.sampled_from(["formation", "tuteur", "prime", "point", "absent"]), min_size=1, max_size=3),
    k=st.integers(min_value=0, max_value=12),
    seed=st.integers(min_value=0, max_value=2**16),
)
def test_top_k_equals_a_full_sort_with_ties_in_passage_order(
    docs: list[list[str]], query: list[str], k: int, seed: int
) -> None:
    index = BM25Index([" ".join(words) for words in docs])
    allowed = np.random.default_rng(seed).random(len(docs)) < 0.8
    scores = np.where(allowed, index.scores(" ".join(query)), 0.0)
    expected = [i for i in sorted(range(len(docs)), key=lambda i: (-scores[i], i)) if scores[i] > 0][:k]
    assert [hit.index for hit in index.search(" ".join(query), k, allowed=allowed)] == expected


@pytest.mark.parametrize("largest_tf", [40, 70_000])
def test_postings_are_grouped_by_term_then_passage(largest_tf: int) -> None:
    """The packed sort (and, past its 16-bit frequencies, the argsort it falls back to) gives
    every triple once, grouped by term, passages ascending within a term."""
    rng = np.random.default_rng(7)
    size, terms, n = 500, 300, 4_000
    pairs = rng.choice(size * terms, n, replace=False)  # unique (passage, term) pairs, unordered
    doc, term = (pairs // terms).astype(np.int32), (pairs % terms).astype(np.int32)
    tf = rng.integers(1, 30, n).astype(np.int32)
    tf[17] = largest_tf
    counts = TermCounts(np.ones(size, np.int32), [f"t{i}" for i in range(terms)], doc, term, tf)
    got_term, got_doc, got_tf = _grouped_by_term(counts)
    order = np.lexsort((doc, term))
    assert got_term.tolist() == term[order].tolist()
    assert got_doc.tolist() == doc[order].tolist() and got_tf.tolist() == tf[order].astype(float).tolist()
