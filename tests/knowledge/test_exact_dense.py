"""The dense search ranks exactly: what Chroma returns is the brute-force cosine order over every stored passage.

Chroma's HNSW search is approximate and its graph depends on the insertion threads, so two indexes built from
the same inputs ranked some questions' passages differently (`knowledge.store.ChunkStore.query`); asking for
every passage makes the search exact, and this test would catch a return to an approximate ranking.
"""

from __future__ import annotations

import json

import numpy as np

from assistant.settings import REPO_ROOT, Settings

UNSEEN = REPO_ROOT / "eval" / "unseen-2026k.jsonl"  # 274 questions written by someone else
QUESTIONS = (
    "Combien de points pour la prime de tutorat ?",
    "Qui peut bénéficier de la Pro-A ?",
    "Combien d'heures de congé pour préparer une VAE ?",
    "Quelle est la contribution conventionnelle des organismes ?",
    "Le CQP gestionnaire conseil comporte quelles épreuves ?",
    "Quand a lieu l'entretien professionnel ?",
    "Mon employeur doit-il me proposer une formation tous les 4 ans ?",
    "Quelle certification pour les conseillers offres de service ?",
)


def test_the_dense_ranking_is_the_exact_cosine_order(real_assistant: object, real_settings: Settings) -> None:
    retriever = real_assistant.retriever  # type: ignore[attr-defined]
    store = retriever.store
    stored = store._chunks.get(include=["embeddings"])
    ids = list(stored["ids"])
    vectors = np.asarray(stored["embeddings"], dtype=np.float64)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    questions = list(QUESTIONS)
    questions += [json.loads(line)["question"] for line in UNSEEN.read_text(encoding="utf-8").splitlines()]
    for question in questions:
        query = np.asarray(retriever.embedder.embed_query(question), dtype=np.float64)
        query /= np.linalg.norm(query)
        distance = 1.0 - vectors @ query
        order = np.argsort(distance, kind="stable")
        hits = store.query(query.tolist(), 60)
        assert len(hits) == 60
        found = np.array([h.distance for h in hits])
        # same distances in the same order (ties may swap ids, never distances)
        assert np.allclose(found, distance[order[:60]], atol=1e-5), question
        assert {h.id for h in hits[:10]} <= {ids[i] for i in order[:12]}, question
