"""The everyday glossary read by meaning: which section's questions a question is nearest to, once per section.

Why (issues #13 point 2, #21): an employee names an article's subject in words neither the article nor the
glossary's terms hold ("repartir sur les bancs de l'école sans quitter son poste" for the Pro-A), so the lexical
checks (`corpus_words.glossary_speaks`) miss it and the scope check refuses it. Each glossary question is a way
of asking what its section answers; embedded with the product's own e5 model, the question's nearest glossary
questions name the sections it asks about. A section counts by its BEST question only (max, not a sum over its
rows or passages: a long section must not win by its number of rows).

Measured (docs/evaluation/scope11.md): the similarity alone does not tell in-scope from near-corpus questions
(e5 query-to-query cosines all lie near 0.9); it becomes evidence only as a CONTRAST with the example bank's
out-of-scope class (`assistant.routing.meaning`): the question is nearer to a glossary question than to any
labour-law subject the texts do not cover, by a margin. The caller (`answering.answerable`) also requires the
best passage retrieved to be in one of the nearest sections.

The vectors are keyed by the glossary's questions and the embedder's name (the same scheme as the routing bank).
The default engine's are shipped next to the glossary (`questions-<key>.npy`, written by `python -m
assistant.routing.meaning`), so a first start does not embed ~1,400 questions (~20 s on 2 cores); any other
engine's, or a glossary edited since, are embedded once and cached in the data folder.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from knowledge.everyday import DATA_DIR, Glossary, shipped_glossary
from knowledge.vector_cache import load_or_embed, normalised

SectionKey = tuple[str, str, str]  # (document, section number, title), as `GlossaryRow.key`


@dataclass(frozen=True)
class SectionVote:
    """The glossary sections nearest to one question, best first, each with its best question's cosine; `vector`
    the question's own (normalised), so that a trained reading of it (`assistant.routing.scope_model`) costs one
    matrix product more, not a second embedding."""

    sections: tuple[tuple[SectionKey, float], ...] = ()
    vector: np.ndarray | None = field(default=None, compare=False, repr=False)

    @property
    def nearest(self) -> float:
        return self.sections[0][1] if self.sections else 0.0

    def rank_of(self, keys: Sequence[SectionKey]) -> int | None:
        """The rank (0 = nearest) of the first of `keys` among the sections, None when none is there."""
        wanted = set(keys)
        return next((i for i, (key, _) in enumerate(self.sections) if key in wanted), None)


class GlossaryMeaning:
    """The glossary's questions embedded once; `vote(vector)` ranks the sections by their nearest question."""

    def __init__(
        self,
        embed_queries: Callable[[list[str]], np.ndarray],
        embedder_name: str,
        cache_dir: Path | None = None,
        glossary: Glossary | None = None,
    ) -> None:
        glossary = shipped_glossary() if glossary is None else glossary
        self.items: list[tuple[SectionKey, str]] = [(row.key, q) for row in glossary for q in row.questions]
        digest = hashlib.sha256(embedder_name.encode())
        for key, question in self.items:
            digest.update(f"\0{'|'.join(key)}\0{question}".encode())
        self._key = digest.hexdigest()[:16]
        self._embed_queries = embed_queries
        self._cache_dir = cache_dir
        self._vectors: np.ndarray | None = None
        self._lock = threading.Lock()

    def vectors(self) -> np.ndarray:
        with self._lock:
            if self._vectors is None:
                self._vectors = self._load_or_embed()
            return self._vectors

    def _load_or_embed(self) -> np.ndarray:
        if not self.items:
            return np.zeros((0, 1), dtype=np.float32)
        cache = self._cache_dir / f"everyday-questions-{self._key}.npy" if self._cache_dir else None
        texts = [q for _, q in self.items]
        return load_or_embed(len(texts), lambda: self._embed_queries(texts), self.shipped_path(), cache, "glossary")

    def shipped_path(self) -> Path:
        """Where the vectors of this glossary and engine are shipped with the product (present or not)."""
        return DATA_DIR / f"questions-{self._key}.npy"

    def ship(self) -> Path:
        """Write this engine's vectors next to the glossary (float16), replacing any stale ones."""
        for old in DATA_DIR.glob("questions-*.npy"):
            old.unlink()
        path = self.shipped_path()
        self._vectors = None
        vectors = normalised(self._embed_queries([q for _, q in self.items]))
        np.save(path, vectors.astype(np.float16))
        return path

    def vote(self, vector: np.ndarray, top: int = 5) -> SectionVote:
        """The `top` sections nearest to an embedded question (L2-normalised), each by its best question."""
        matrix = self.vectors()
        if not self.items or matrix.shape[1] != vector.shape[-1]:
            return SectionVote(vector=vector)
        similarities = matrix @ vector
        best: dict[SectionKey, float] = {}
        for i in np.argsort(-similarities):
            key = self.items[int(i)][0]
            if key not in best:
                best[key] = float(similarities[i])
                if len(best) == top:
                    break
        return SectionVote(tuple(best.items()), vector)
