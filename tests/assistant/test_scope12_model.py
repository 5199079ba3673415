"""The trained scope and section models (`assistant.routing.scope_model`) and their use by the scope check
(`answering.glossary_places.placed_by_model`).

The shipped weights must be those of the shipped training data (a test fails when the bank or the glossary
changes without `python -m assistant.routing.scope_model`); training is deterministic; the models read the
training data's own classes from the shipped vectors (no embedding needed here); on the real model, questions
of my own, written from the texts in other words than the glossary's and the evaluation sets', read as their
section and labour-law subjects as outside."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pytest

from assistant.answering.glossary_places import MODEL_INSIDE, model_reading, sets_a_rule
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
TODAY = date(2026, 11, 29)


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
def test_everyday_wordings_read_as_their_section(assistant: Any) -> None:
    """Each of my four wordings has its article among the section model's first two; at least three read in scope
    above `MODEL_INSIDE` (measured: the alternant's pay, art. 3.6, reads 0.97)."""
    inside = 0
    for question, section in EVERYDAY:
        reading = model_reading(assistant._read_glossary(question))
        assert (ACCORD, section) in [key[:2] for key, _ in reading.best(2)], question
        inside += reading.inside is not None and reading.inside >= MODEL_INSIDE
    assert inside >= 3


@pytest.mark.integration
@pytest.mark.parametrize("question", LABOUR)
def test_a_labour_law_subject_reads_outside(assistant: Any, question: str) -> None:
    reading = model_reading(assistant._read_glossary(question))
    assert reading.inside is not None and reading.inside < MODEL_INSIDE


def test_only_a_section_that_sets_a_rule_is_placed_by_the_models() -> None:
    """The avenant's annexes (monographs of professions), the Pro-A list, the preambles and the CQP sheet's
    unnumbered descriptions are not; every numbered article of the agreement is."""
    keys = [row.key for row in shipped_glossary()]
    assert all(sets_a_rule(key) for key in keys if key[0] == ACCORD and key[1][:1].isdigit())
    assert not any(sets_a_rule(key) for key in keys if key[0] == "cqp-regime-general")
    assert not any(sets_a_rule(key) for key in keys if key[1].startswith("Annexe"))


@pytest.mark.integration
def test_the_models_section_is_lifted_before_a_refusal(assistant: Any) -> None:
    """Art. 3.6 (Rémunération des bénéficiaires): "les bénéficiaires d'un contrat de professionnalisation, visant une
    qualification relevant du niveau 3 de la classification des emplois, sont rémunérés, au minimum, sur la base du
    coefficient de qualification du niveau 2". Asked in my words, with none of the article's: the search ranks the
    Pro-A's 2.1 first, the models name 3.6, which is among the ten best and is lifted."""
    answer = assistant.ask("Un alternant qui vient d'arriver, il touche quoi comme salaire ?", today=TODAY)
    assert answer.route == "retrieval"
    assert answer.citations and answer.citations[0].section.startswith("Article 3.6")
