"""The learnt passage ranking (`assistant.answering.passage_model`) and its use by the composer (`ranked_passages`).

The shipped weights must be those of the files they list (a test fails when one of them changes without
`python -m bench.passage_model train …`), and none of them is a validation (2026x) or held-out (2026y, 2026z) set;
training is deterministic and learns a signal that decides; without the section model's reading the composer's
relevance orders alone, as before; on the real corpus, a question of my own (eval/probe-rank21.jsonl, written from
the texts) is answered from the article that the learnt order puts first."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pytest

from assistant.answering.passage_model import (
    FEATURES,
    LABELS,
    Group,
    first_hits,
    fit,
    shipped_passage_model,
)
from assistant.answering.passage_ranking import ranked_passages
from assistant.answering.training_sets import EXCLUDED_SETS, training_digest
from assistant.answering.units import idf_weights, query_weights
from assistant.settings import REPO_ROOT
from ingest.models import Chunk
from knowledge.hybrid import Evidence

ACCORD = "accord-2019-12-19-formation-professionnelle"
TODAY = date(2026, 12, 2)


def test_the_shipped_weights_are_those_of_their_training_files() -> None:
    model = shipped_passage_model()
    assert model is not None
    files = [REPO_ROOT / name for name in model.files]
    assert files and all(path.exists() for path in files)
    assert model.digest == training_digest(files, LABELS), (
        "a training file changed: run python -m bench.passage_model train " + " ".join(model.files)
    )


def test_no_validation_or_held_out_set_is_training_data() -> None:
    model = shipped_passage_model()
    assert model is not None
    assert not [name for name in model.files if any(excluded in name for excluded in EXCLUDED_SETS)]


def _groups(seed: int) -> list[Group]:
    """Synthetic questions whose answering passage is the one with the highest `section_probability`, the
    relevance being noise: the model must learn to read the first."""
    rng = np.random.default_rng(seed)
    column = FEATURES.index("section_probability")
    groups = []
    for _ in range(60):
        x = rng.normal(size=(8, len(FEATURES)))
        positive = np.zeros(8, dtype=bool)
        positive[int(np.argmax(x[:, column]))] = True
        groups.append(Group(x, positive, "g"))
    return groups


def test_training_is_deterministic_and_learns_the_signal_that_decides() -> None:
    first, second = fit(_groups(1)), fit(_groups(1))
    assert np.array_equal(first.weights, second.weights)
    unseen = _groups(2)
    assert first_hits(first, unseen) >= 0.8 * len(unseen)
    assert first_hits(None, unseen) < 0.5 * len(unseen)  # the relevance column is noise here


def _evidence(section: str, text: str, rank: int) -> Evidence:
    chunk = Chunk(
        document=ACCORD,
        section_number=section,
        section_title="",
        section_path=section,
        text=text,
        page_start=1,
        page_end=1,
        ordinal=0,
    )
    return Evidence(chunk.id, chunk, 1.0 / rank, {"bm25": rank, "dense": rank}, {"bm25": 1.0 / rank, "dense": 0.8})


def test_without_a_section_reading_the_relevance_orders_as_before() -> None:
    """No reading (hash embeddings, unit tests): the learnt order is not used, the best unit decides."""
    question = "Quelle est la durée de la Pro-A ?"
    evidence = [
        _evidence("5", "Le conseil en évolution professionnelle est accessible gratuitement.", 1),
        _evidence("2.4", "Le dispositif Pro-A s'étend sur une durée comprise entre 6 et 12 mois.", 2),
    ]
    idf = idf_weights([e.chunk.text for e in evidence], query_weights(question))
    ranked = ranked_passages(question, evidence, idf, (), None)
    assert ranked[0][2].section == "2.4"


@pytest.mark.integration
def test_the_learnt_order_answers_from_the_article_that_holds_the_fact(assistant: Any) -> None:
    """Art. 2.5 (Durée de la formation, Pro-A): « Les actions de formation dans le cadre du dispositif Pro-A se
    déroulent pendant le temps de travail avec maintien de la rémunération. » Asked in everyday words (probe
    rk21-001), the relevance put art. 5 (the CEP's paid absence, sharing "CDI" and "rémunérée") first."""
    answer = assistant.ask(
        "Quand on change de métier par l'alternance en gardant son CDI, les cours se passent sur le temps de travail "
        "et on reste payé ?",
        today=TODAY,
    )
    assert answer.route == "retrieval"
    assert any(c.document == ACCORD and c.section.endswith("2.5") for c in answer.citations[:1])
    assert "maintien de la rémunération" in answer.text
