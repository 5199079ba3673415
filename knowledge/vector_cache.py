"""Embedded texts kept on disk: a bank of questions is embedded once, not at every start.

Why one place: the routing bank (`assistant.routing.meaning`) and the everyday glossary's questions
(`knowledge.everyday_meaning`) both embed a few thousand short texts with the product's e5 model (~20 s on
2 cores). Each is keyed by its content and the embedder's name; the default engine's vectors are shipped
with the product (`shipped`), any other engine's, or a bank edited since, are embedded once and cached in
the data folder (`cache`). A stale or unreadable file is ignored, never trusted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)


def normalised(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (float32), a single vector given as one row."""
    matrix = np.asarray(matrix, dtype=np.float32)
    if matrix.ndim == 1:
        matrix = matrix[None, :]
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)


def load_or_embed(
    rows: int,
    embed: Callable[[], np.ndarray],
    shipped: Path,
    cache: Path | None,
    what: str,
    dtype: type[np.floating] = np.float16,
) -> np.ndarray:
    """The `rows` vectors (L2-normalised): from `shipped` if present, else from `cache`, else `embed()`d now and
    written to `cache` as `dtype`, atomically. `what` names the bank in log messages."""
    path = shipped if shipped.exists() else cache
    if path is not None and path.exists():
        try:
            cached = np.load(path)
            if cached.shape[0] == rows:
                return normalised(cached)
        except (OSError, ValueError):
            log.warning("unreadable %s vectors %s; embedding again", what, path)
    vectors = normalised(embed())
    if cache is not None and path != shipped:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(".tmp.npy")
            np.save(tmp, vectors.astype(dtype))
            tmp.replace(cache)
        except OSError:
            log.warning("cannot write the %s vectors %s", what, cache)
    return vectors
