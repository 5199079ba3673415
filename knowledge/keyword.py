"""BM25 keyword index over French-analysed passages (Okapi BM25, numpy, in memory).

Legal wording is often matched best lexically ("contribution conventionnelle supplémentaire",
"0,15 %"), so this index stays next to the dense one. It is small and rebuilt from the store in
milliseconds when a retriever opens, so it needs no file of its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from knowledge.french import analyze, weighted_query


@dataclass(frozen=True)
class KeywordHit:
    index: int  # position of the passage in the sequence the index was built from
    score: float


class BM25Index:
    """Okapi BM25 (k1, b) with the Lucene idf, over a fixed list of passages."""

    def __init__(
        self,
        texts: Sequence[str],
        *,
        k1: float = 1.2,
        b: float = 0.75,
        analyzer: Callable[[str], list[str]] = analyze,
        query_analyzer: Callable[[str], dict[str, float]] = weighted_query,
    ) -> None:
        self.k1 = k1
        self.b = b
        self._query_analyzer = query_analyzer
        self.size = len(texts)
        postings: dict[str, tuple[list[int], list[int]]] = {}
        lengths = np.zeros(self.size, dtype=np.float32)
        for doc, text in enumerate(texts):
            terms = analyzer(text)
            lengths[doc] = len(terms)
            for term, count in Counter(terms).items():
                doc_list, tf_list = postings.setdefault(term, ([], []))
                doc_list.append(doc)
                tf_list.append(count)
        avg = float(lengths.mean()) if self.size and lengths.mean() > 0 else 1.0
        norm = k1 * (1.0 - b + b * lengths / avg)
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for term, (docs, tfs) in postings.items():
            doc_ids = np.asarray(docs, dtype=np.int64)
            tf = np.asarray(tfs, dtype=np.float32)
            idf = np.log(1.0 + (self.size - len(docs) + 0.5) / (len(docs) + 0.5))
            # Precompute the full per-posting weight: idf * tf (k1 + 1) / (tf + norm).
            weights = idf * tf * (k1 + 1.0) / (tf + norm[doc_ids])
            self._postings[term] = (doc_ids, weights.astype(np.float32))

    @property
    def vocabulary_size(self) -> int:
        return len(self._postings)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage for `query` (zeros where no term matches)."""
        scores = np.zeros(self.size, dtype=np.float32)
        for term, weight in self._query_analyzer(query).items():
            posting = self._postings.get(term)
            if posting is not None:
                doc_ids, weights = posting
                scores[doc_ids] += weight * weights
        return scores

    def search(self, query: str, k: int = 10, allowed: np.ndarray | None = None) -> list[KeywordHit]:
        """Top-k passages with a positive score; `allowed` is an optional boolean mask."""
        scores = self.scores(query)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        candidates = np.flatnonzero(scores > 0)
        if k <= 0 or not candidates.size:
            return []
        if candidates.size > k:
            # Only passages scoring at least the k-th best can be kept: sorting those, not the
            # whole index, keeps a search in the milliseconds at 50k passages.
            kth = np.partition(scores[candidates], candidates.size - k)[candidates.size - k]
            candidates = candidates[scores[candidates] >= kth]
        # Ties broken by passage order so results are deterministic (`candidates` is ascending).
        order = candidates[np.lexsort((candidates, -scores[candidates]))][:k]
        return [KeywordHit(int(i), float(scores[i])) for i in order]
