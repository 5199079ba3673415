"""How close a passage unit is in meaning to the question: cosine of the product's e5 vectors.

Lexical overlap misses paraphrase: "touche" for "perçoit", "combien de temps" for "d'une durée de",
"qui paie" for "pris en charge". The retriever's own embedder (multilingual-e5-small) scores the
units the lexical score has shortlisted. Units are embedded as e5 "query:" texts, as e5 advises for
symmetric similarity, so that the C engine serves them without loading torch into an answering
process. Vectors are remembered by text: the corpus changes rarely and the same units come back
across questions, so a warm process embeds few of them. Only the first `budget` units of a call
are scored, cached or not: which units get a meaning score must depend on the question alone, never
on what earlier questions left in the cache, or the same question would get another answer in a
fresh process (the caller orders its units best first). Units of the shipped corpus have their
vectors computed once and shipped (`assistant.answering.unit_vectors`): they are looked up, outside
the budget, so every one of them is scored; the budget only rations the units the file lacks
(uploaded PDFs).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

EmbedText = Callable[[str], Sequence[float]]
MAX_NEW_PER_ANSWER = 10
CACHE_SIZE = 8192


class KnownUnits(Protocol):
    """Vectors found by text (`knowledge.shipped_vectors.KnownVectors`)."""

    def get(self, text: str) -> np.ndarray | None: ...


class UnitMeaning:
    """Cosine similarity between a question and passage units, with a per-text vector cache."""

    def __init__(
        self,
        embed_unit: EmbedText,
        embed_question: EmbedText | None = None,
        *,
        budget: int = MAX_NEW_PER_ANSWER,
        cache_size: int = CACHE_SIZE,
        known: KnownUnits | None = None,
    ) -> None:
        self._embed_unit = embed_unit
        self._known = known
        self._embed_question = embed_question or embed_unit
        self.budget = budget
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def _cached(self, text: str) -> np.ndarray | None:
        with self._lock:
            vector = self._cache.get(text)
            if vector is not None:
                self._cache.move_to_end(text)
            return vector

    def _store(self, text: str, vector: np.ndarray) -> None:
        with self._lock:
            self._cache[text] = vector
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)

    def vectors(self, texts: Sequence[str]) -> list[np.ndarray | None]:
        """Unit vectors in order: shipped ones always; of the others, the first `budget` (cached or
        not), None past it."""
        out: list[np.ndarray | None] = []
        position = -1
        for text in texts:
            shipped = self._known.get(text) if self._known is not None else None
            if shipped is not None and shipped.size:
                out.append(_unit(shipped))
                continue
            position += 1
            if position >= self.budget:
                out.append(None)
                continue
            vector = self._cached(text)
            if vector is None:
                try:
                    vector = _unit(self._embed_unit(text))
                except Exception:  # a model failure costs the meaning signal, never the answer
                    log.warning("unit embedding failed; lexical score only", exc_info=True)
                    self.budget = 0
                    vector = None
                else:
                    self._store(text, vector)
            out.append(vector)
        return out

    def similarities(self, question: str, texts: Sequence[str]) -> list[float | None]:
        """Cosine of each text with the question (None where the text could not be embedded)."""
        if not texts:
            return []
        try:
            q = _unit(self._embed_question(question))
        except Exception:
            log.warning("question embedding failed; lexical score only", exc_info=True)
            return [None] * len(texts)
        return [None if v is None else float(v @ q) for v in self.vectors(texts)]

    def question_vector(self, question: str) -> np.ndarray | None:
        """The question's e5 vector, L2-normalised (the vector the section model reads: `scope_model`), or None
        when it cannot be embedded."""
        try:
            return _unit(self._embed_question(question))
        except Exception:
            log.warning("question embedding failed", exc_info=True)
            return None

    def similarity(self, a: str, b: str) -> float | None:
        """Cosine of two units (both must be embedded already or within budget)."""
        va, vb = self.vectors([a, b])
        return None if va is None or vb is None else float(va @ vb)


def _unit(vector: Sequence[float] | np.ndarray) -> np.ndarray:
    array = np.asarray(vector, dtype=np.float32).reshape(-1)
    norm = float(np.linalg.norm(array))
    return array / norm if norm > 0 else array
