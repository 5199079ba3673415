"""The refusal judge's override threshold (refuse23): the shipped model carries the threshold its module states, and a
hand refusal is overridden exactly below it, never at it.

Why 0.3 (docs/evaluation/refuse23.md): on the two generations the shipped judge never saw (2026q, 2026r), the largest
value of the validation grid (`bench.refusal_judge_cv.LOWS`) at which no out-of-scope hand refusal of that generation
is overridden is 0.3 on 2026q and 0.35 on 2026r; the smaller is kept."""

from __future__ import annotations

import numpy as np

from assistant.answering.refusal_judge import ANSWER_BELOW, FEATURES, JudgeModel, Signals, shipped_judge
from bench.refusal_judge_cv import LOWS


def test_the_shipped_judge_overrides_below_the_module_s_threshold_from_the_validation_grid() -> None:
    model = shipped_judge()
    assert model is not None
    assert model.answer_below == ANSWER_BELOW == 0.3
    assert ANSWER_BELOW in LOWS
    assert model.answer_below < model.refuse_above


def _signals() -> Signals:
    return Signals(
        question="Qui tranche un différend sur la convention de formation ?",
        refused=True,
        refused_by="silent",
        route="retrieval",
        outside=0.0,
        topic_share=0.0,
        topic=False,
        names_texts=False,
        texts_words=False,
        cue_outside=False,
        refusal_topic=False,
        injection=False,
        nearest=0.9,
        nearest_outside=0.85,
        share=0.1,
        inside=0.0,
        dense=(0.85, 0.84),
        bm25=(5.0, 4.0),
        fused=(0.03, 0.02),
    )


def _reading(p: float) -> JudgeModel:
    """A judge whose refusal probability is `p` for every question (the bias alone)."""
    weights = np.zeros((2, len(FEATURES) + 1))
    weights[:, -1] = float(np.log(p / (1 - p)))
    return JudgeModel(weights, ANSWER_BELOW, 0.35)


def test_a_hand_refusal_is_answered_just_below_the_threshold_and_kept_above_it() -> None:
    assert _reading(0.29).verdict(_signals()) == "answer"
    assert _reading(0.31).verdict(_signals()) == "keep"
    assert _reading(0.27).verdict(_signals()) == "answer"  # kept by main's 0.25: the band refuse23 opens
