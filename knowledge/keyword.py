"""BM25 keyword index over French-analysed passages (Okapi BM25, numpy, in memory).

Legal wording is often matched best lexically ("contribution conventionnelle supplémentaire",
"0,15 %"), so this index stays next to the dense one. Analysing the passages (French folding and
stemming, about half a millisecond each) is the costly part of building it: at 50k passages it
took most of the 28 s a process spent opening the index. So the analysis is kept apart as
`TermCounts` (passage lengths and term frequencies), which the indexer saves with each index
generation (`knowledge.passage_files`); opening then only adds saved counts together and
computes the weights, with numpy.
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


@dataclass(frozen=True)
class TermCounts:
    """The analysis of a list of passages: lengths, and (passage, term, frequency) triples."""

    lengths: np.ndarray  # int32, terms per passage
    vocabulary: list[str]  # term ids → terms
    doc: np.ndarray  # int32, passage of each triple
    term: np.ndarray  # int32, term id of each triple
    tf: np.ndarray  # int32, frequency of the term in the passage

    @property
    def size(self) -> int:
        return len(self.lengths)

    @classmethod
    def of(cls, texts: Sequence[str], analyzer: Callable[[str], list[str]] = analyze) -> TermCounts:
        ids: dict[str, int] = {}
        lengths = np.zeros(len(texts), dtype=np.int32)
        doc: list[int] = []
        term: list[int] = []
        tf: list[int] = []
        for n, text in enumerate(texts):
            terms = analyzer(text)
            lengths[n] = len(terms)
            for word, count in Counter(terms).items():
                doc.append(n)
                term.append(ids.setdefault(word, len(ids)))
                tf.append(count)
        return cls(lengths, list(ids), _int32(doc), _int32(term), _int32(tf))

    @classmethod
    def concat(cls, parts: Sequence[TermCounts]) -> TermCounts:
        """The counts of the passages of `parts`, one after the other, in one vocabulary."""
        # One vocabulary in first-seen order, then each part's term ids mapped through a dict
        # lookup done in C (`map`): at 250 parts and 450k terms, a Python loop took ~1 s.
        vocabulary = list(dict.fromkeys(w for part in parts for w in part.vocabulary))
        ids = {w: n for n, w in enumerate(vocabulary)}
        docs, terms, tfs = [], [], []
        offset = 0
        for part in parts:
            remap = np.fromiter(map(ids.__getitem__, part.vocabulary), np.int32, len(part.vocabulary))
            docs.append(part.doc + offset)
            terms.append(remap[part.term] if len(part.term) else part.term)
            tfs.append(part.tf)
            offset += part.size
        lengths = np.concatenate([p.lengths for p in parts]) if parts else np.zeros(0, np.int32)
        return cls(lengths, vocabulary, _cat(docs), _cat(terms), _cat(tfs))

    def reorder(self, order: np.ndarray) -> TermCounts:
        """The same counts with passage `order[i]` as passage i."""
        new_position = np.empty(len(order), dtype=np.int32)
        new_position[order] = np.arange(len(order), dtype=np.int32)
        return TermCounts(self.lengths[order], self.vocabulary, new_position[self.doc], self.term, self.tf)


def _int32(values: Sequence[int]) -> np.ndarray:
    return np.asarray(values, dtype=np.int32)


def _cat(arrays: Sequence[np.ndarray]) -> np.ndarray:
    return np.concatenate(arrays).astype(np.int32, copy=False) if arrays else np.zeros(0, np.int32)


def _grouped_by_term(counts: TermCounts) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The triples as postings: grouped by term, passages ascending within a term (term ids,
    passage ids as int64, frequencies as float32).

    Opening a 52k-passage index sorts millions of triples. Each triple is packed into one
    uint64 (term in the top 24 bits, passage in the next 24, frequency in the low 16), so the
    sort moves the values themselves, no permutation to gather through: 3× less CPU than the
    argsort of a (term, passage) key it replaces. Out of those bounds, that argsort is kept.
    """
    term, doc, tf = counts.term, counts.doc, counts.tf
    if len(term) and (len(counts.vocabulary) >= 1 << 24 or counts.size >= 1 << 24 or int(tf.max()) >= 1 << 16):
        order = np.argsort(term.astype(np.int64) * max(1, counts.size) + doc)
        return term[order], doc[order].astype(np.int64), tf[order].astype(np.float32)
    key = (term.astype(np.uint64) << np.uint64(40)) | (doc.astype(np.uint64) << np.uint64(16)) | tf.astype(np.uint64)
    key.sort()
    return (
        (key >> np.uint64(40)).astype(np.int32),
        ((key >> np.uint64(16)) & np.uint64(0xFFFFFF)).astype(np.int64),
        (key & np.uint64(0xFFFF)).astype(np.float32),
    )


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
        self._build(TermCounts.of(texts, analyzer), k1, b, query_analyzer)

    @classmethod
    def from_counts(
        cls,
        counts: TermCounts,
        *,
        k1: float = 1.2,
        b: float = 0.75,
        query_analyzer: Callable[[str], dict[str, float]] = weighted_query,
    ) -> BM25Index:
        """The index of already analysed passages (same scores as from their texts)."""
        index = cls.__new__(cls)
        index._build(counts, k1, b, query_analyzer)
        return index

    def _build(
        self, counts: TermCounts, k1: float, b: float, query_analyzer: Callable[[str], dict[str, float]]
    ) -> None:
        self.k1 = k1
        self.b = b
        self._query_analyzer = query_analyzer
        self.size = counts.size
        lengths = counts.lengths.astype(np.float32)
        avg = float(lengths.mean()) if self.size and lengths.mean() > 0 else 1.0
        norm = k1 * (1.0 - b + b * lengths / avg)
        term_ids, doc_ids, tf = _grouped_by_term(counts)
        df = np.bincount(term_ids, minlength=len(counts.vocabulary)).astype(np.float64)
        idf = np.log(1.0 + (self.size - df + 0.5) / (df + 0.5))
        # The full per-posting weight: idf * tf (k1 + 1) / (tf + norm).
        weights = (idf[term_ids] * tf * (k1 + 1.0) / (tf + norm[doc_ids])).astype(np.float32)
        bounds = np.concatenate(([0], np.cumsum(df.astype(np.int64))))
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {
            term: (doc_ids[bounds[n] : bounds[n + 1]], weights[bounds[n] : bounds[n + 1]])
            for n, term in enumerate(counts.vocabulary)
            if bounds[n + 1] > bounds[n]
        }

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
