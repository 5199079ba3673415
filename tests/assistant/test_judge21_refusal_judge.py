"""The refusal judge (`assistant.answering.refusal_judge`): the trained final reading of "answer or refuse".

The shipped weights must be those of the listed training files (a test fails when one changes without
`python -m assistant.answering.refusal_judge FILE...`), and neither the validation generation (2026x) nor the
held-out ones (2026y, 2026z) may be among them; the judge never refuses a calculation and never overrides a refusal
made by a step it does not judge; on the real assistant a refusal keeps its form (what the texts cover) and a
calculation stays a calculation."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pytest

from assistant.answering import wording
from assistant.answering.refusal_judge import (
    FEATURES,
    LABELS,
    LEFT_OUT,
    SIGNALS,
    JudgeModel,
    Signals,
    features,
    fit,
    generation,
    shipped_judge,
)
from assistant.answering.training_sets import excluded, training_digest

TODAY = date(2026, 11, 29)


def test_the_shipped_weights_are_those_of_the_listed_training_files() -> None:
    model = shipped_judge()
    assert model is not None
    assert model.files, "the judge names its training files"
    assert model.digest == training_digest(model.files, LABELS), (
        "a training set changed: run python -m assistant.answering.refusal_judge " + " ".join(model.files)
    )
    assert model.weights.shape == (2, len(FEATURES) + 1)


def test_neither_the_validation_nor_the_held_out_generation_is_training_data() -> None:
    model = shipped_judge()
    assert model is not None
    assert not [name for name in model.files if excluded(name)]
    assert {generation(name) for name in model.files} >= {"base", "2026a", "2026p"}


def _sure(refuse: bool) -> JudgeModel:
    """A judge that reads every question as out of scope (`refuse`) or in scope, whatever its signals."""
    weights = np.zeros((2, len(FEATURES) + 1))
    weights[:, -1] = 30.0 if refuse else -30.0
    return JudgeModel(weights, 0.2, 0.85)


@pytest.mark.parametrize("route", ["calculator", "clarify"])
def test_a_calculation_or_question_back_is_never_refused_by_the_judge(route: str) -> None:
    signals = Signals("Combien de points pour 5 mois de tutorat ?", refused=False, refused_by="", route=route)
    assert _sure(refuse=True).verdict(signals) == "keep"


def test_a_retrieval_answer_read_as_out_of_scope_is_refused_and_one_in_scope_kept() -> None:
    signals = Signals("Combien de jours de congé pour un mariage ?", refused=False, refused_by="", route="retrieval")
    assert _sure(refuse=True).verdict(signals) == "refuse"
    assert _sure(refuse=False).verdict(signals) == "keep"


@pytest.mark.parametrize("step", ["router", "outside_rule", "silent"])
def test_a_hand_refusal_read_as_in_scope_is_answered(step: str) -> None:
    signals = Signals("Le tuteur suit combien d'alternants ?", refused=True, refused_by=step, route="retrieval")
    assert _sure(refuse=False).verdict(signals) == "answer"
    assert _sure(refuse=True).verdict(signals) == "keep"


def test_a_refusal_for_a_text_to_come_is_not_the_judge_s_to_override() -> None:
    """`foreign_future_text` reads the question's grammar ("le futur accord"), not its subject: kept."""
    signals = Signals("Le futur accord doublera-t-il la prime ?", refused=True, refused_by="future", route="retrieval")
    assert _sure(refuse=False).verdict(signals) == "keep"


def test_the_question_s_length_is_not_read_by_the_shipped_judge() -> None:
    """Length and clause count tell how our sets were written (in scope long with a persona, out of scope short), not
    whether the texts cover the question (judge21b): the same signals, asked in 4 words or in 40, read the same."""
    assert set(LEFT_OUT) == {"words", "clauses"} and not set(LEFT_OUT) & set(FEATURES)
    assert SIGNALS[: len(FEATURES)] == FEATURES
    model = shipped_judge()
    assert model is not None
    short = "Quelle prime de tuteur ?"
    long = (
        "Je travaille depuis douze ans dans une caisse primaire, j'ai accompagné deux alternants cette année et ma "
        "responsable m'a parlé d'une reconnaissance : quelle prime de tuteur et comment ou quand est-elle versée ?"
    )
    first, second = (
        Signals(q, refused=True, refused_by="silent", route="retrieval", inside=0.6, dense=(0.85, 0.84))
        for q in (short, long)
    )
    assert model.probability(features(first), True) == model.probability(features(second), True)


def test_features_follow_the_names_and_training_is_deterministic() -> None:
    signals = Signals("Quel préavis ?", refused=True, refused_by="router", route="refusal", refusal_topic=True)
    row = features(signals)
    assert row.shape == (len(FEATURES),)
    assert row[FEATURES.index("by_router_topic")] == 1.0 and row[FEATURES.index("by_silent")] == 0.0
    rng = np.random.default_rng(0)
    x = rng.normal(size=(80, 4))
    y = x[:, 0] + 0.3 * x[:, 1] > 0
    first, second = fit(x, y, 1.0, 200), fit(x, y, 1.0, 200)
    assert np.array_equal(first, second)
    assert ((x @ first[:-1] + first[-1] > 0) == y).mean() > 0.9  # the folded weights read raw features


@pytest.mark.integration
def test_on_the_real_assistant_a_refusal_keeps_its_form_and_a_calculation_stays(real_assistant: Any) -> None:
    """A subject the texts do not treat is refused with the list of what they cover; the tutor bonus's arithmetic
    (accord 4.3: "il correspond à 7 points par mois, complet ou non") is calculated, not refused."""
    refused = real_assistant.ask("Combien de jours de congé pour le mariage de mon frère ?", today=TODAY)
    assert refused.route == "refusal"
    assert f"Ils couvrent {wording.COVERED_SHORT}" in refused.text  # what the texts do cover, as before
    calculated = real_assistant.ask(
        "J'ai été tuteur pendant 5 mois cette année, combien de points de prime ?", today=TODAY
    )
    assert calculated.route == "calculator"
    assert "35" in calculated.text
