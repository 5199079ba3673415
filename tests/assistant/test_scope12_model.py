"""The trained scope and section models (`assistant.routing.scope_model`) and their use by the scope check
(`answering.glossary_places.placed_by_model`).

The shipped weights must be those of the shipped training data (a test fails when the bank or the glossary
changes without `python -m assistant.routing.scope_model`); training is deterministic; the models read the
training data's own classes from the shipped vectors (no embedding needed here); on the real model, questions
of my own, written from the texts in other words than the glossary's and the evaluation sets', read as their
section and labour-law subjects as outside."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from assistant.answering.glossary_places import MODEL_INSIDE, model_reading
from assistant.routing.meaning import load_examples
from assistant.routing.scope_model import (
    Labelled,
    ScopeModel,
    fit_softmax,
    shipped_model,
    shipped_training_data,
    train,
    training_digest,
)
from knowledge.everyday import shipped_glossary

ACCORD = "accord-2019-12-19-formation-professionnelle"


def test_the_shipped_weights_are_those_of_the_shipped_training_data() -> None:
    model = shipped_model()
    assert model is not None
    assert model.digest == training_digest(load_examples(), shipped_glossary()), (
        "bank or glossary changed: run python -m assistant.routing.scope_model"
    )
    assert [key for key in model.keys] == [row.key for row in shipped_glossary()]


def test_training_is_deterministic() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 8))
    y = (x[:, 0] > 0).astype(int) + (x[:, 1] > 0).astype(int)
    first, second = fit_softmax(x, y, 3, 1.0, steps=50), fit_softmax(x, y, 3, 1.0, steps=50)
    assert np.array_equal(first, second)
    predicted = np.argmax(np.hstack([x, np.ones((60, 1))]) @ first, axis=1)
    assert (predicted == y).mean() > 0.8  # a separable toy problem is learnt


def test_the_folded_weights_read_a_raw_vector_like_the_standardised_model() -> None:
    """The standardisation is folded into the weights: one product with the raw vector at run time."""
    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(40, 6)).astype(np.float32)
    data = Labelled(
        vectors, vectors[:, 0] > 0, (vectors[:, 1] > 0).astype(int), ["g"] * 40, [("d", "1", "a"), ("d", "2", "b")]
    )
    model = train(data)
    reading = model.read(vectors[0])
    assert reading.inside is not None and 0.0 <= reading.inside <= 1.0
    assert reading.probabilities is not None and abs(float(reading.probabilities.sum()) - 1.0) < 1e-5


def test_the_shipped_model_reads_its_training_classes() -> None:
    """On its own training data (shipped vectors): the ministry's subjects out, the glossary's questions in and
    mostly in their own section (the cross-validated figures are in docs/evaluation/scope12.md)."""
    model = shipped_model()
    assert isinstance(model, ScopeModel)
    data = shipped_training_data()
    readings = [model.read(v) for v in data.vectors]
    inside = np.array([r.inside for r in readings])
    assert (inside[data.inside] > 0.5).mean() > 0.95
    assert (inside[~data.inside] < 0.5).mean() > 0.95
    placed = data.section >= 0
    top = np.array([data.sections.index(r.best(1)[0][0]) for r in readings])
    assert (top[placed] == data.section[placed]).mean() > 0.8


# My wordings, written from the texts (accord art. 4.2: "chaque tuteur accompagne, au maximum, 3 salariés";
# art. 5: "une autorisation d'absence rémunérée de 1 demi-journée en vue de réaliser un conseil en évolution
# professionnelle"; art. 9: "une contribution conventionnelle supplémentaire … correspondant à 0,15 % de leur
# masse salariale brute"; art. 3.6, "Rémunération des bénéficiaires").
EVERYDAY = [
    ("Celle qui encadre les nouveaux en alternance peut en suivre combien à la fois ?", "4.2"),
    ("Le rendez-vous avec un organisme externe pour réfléchir à ma carrière, je le fais sur mes heures payées ?", "5"),
    ("Les caisses mettent-elles plus que le minimum légal dans le pot commun de la formation ?", "9"),
    ("Un jeune embauché en alternance, il est payé comment ?", "3.6"),
]
LABOUR = [
    "Mon chef peut-il m'imposer de poser mes congés en août ?",
    "Combien de temps dure le préavis quand je démissionne ?",
    "Ai-je droit à une prime de transport si je viens en vélo ?",
]


@pytest.mark.integration
@pytest.mark.parametrize(("question", "section"), EVERYDAY)
def test_an_everyday_wording_reads_as_its_section(assistant: Any, question: str, section: str) -> None:
    reading = model_reading(assistant._read_glossary(question))
    assert reading.inside is not None and reading.inside >= MODEL_INSIDE
    assert [key[:2] for key, _ in reading.best(2)].count((ACCORD, section)) == 1


@pytest.mark.integration
@pytest.mark.parametrize("question", LABOUR)
def test_a_labour_law_subject_reads_outside(assistant: Any, question: str) -> None:
    reading = model_reading(assistant._read_glossary(question))
    assert reading.inside is not None and reading.inside < MODEL_INSIDE
