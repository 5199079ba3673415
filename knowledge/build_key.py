"""What built an index: recorded beside it, so an index built by other code is never served as current.

Each unit's content hash already covers what the unit writes (passages, their index text and
metadata), but only `ingest` recomputes it: a start that finds every unit present served whatever
an earlier version had written (the old parse, the old passages, vectors of an older model under
the same name). The *build key* names every input that decides the stored passages and vectors
without parsing anything:

- the index format (`knowledge.indexer.INDEX_FORMAT`);
- the parser (`ingest.shipped_parses.parser_key`: its modules' source, pdfplumber's version);
- the chunker and the passages' index text (`ingest/chunking.py`, `knowledge/metadata.py`) and the
  consolidation of the avenants (`knowledge/consolidation/*.py`);
- the embedder's name;
- the shipped data that stand for the parser and the model (`corpus/parsed.json.gz`, the passage
  vectors `corpus/embeddings/<embedder>.npz`), the manifest and the amendments.

It is written as `build.json` inside the index folder once a whole-corpus build is complete, so it
always describes the folder it sits in (a folder swapped in carries its own key). Reading it and
computing the wanted key costs a few file hashes (≈ 10 ms).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

FILE_NAME = "build.json"
_HERE = Path(__file__).resolve().parent
# The code that decides the passages once the sections are parsed (the parser has its own key).
PASSAGE_CODE = (
    _HERE.parent / "ingest" / "chunking.py",
    _HERE / "metadata.py",
    *sorted((_HERE / "consolidation").glob("*.py")),
)
# What each part is, in French, for the message that says why an index is rebuilt.
PART_NAMES = {
    "index_format": "format de l'index",
    "parser": "lecture des PDF",
    "passages": "découpage en passages",
    "embedder": "modèle d'embeddings",
    "shipped_parses": "analyses livrées",
    "shipped_vectors": "vecteurs livrés",
    "manifest": "liste des textes",
    "amendments": "avenants",
}


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:24]
    except OSError:
        return "absent"


def _code_digest(paths: tuple[Path, ...]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


@dataclass(frozen=True)
class BuildKey:
    """The inputs of one index, part by part (`key` digests them all)."""

    parts: dict[str, str]

    @property
    def key(self) -> str:
        payload = json.dumps(self.parts, sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:32]

    def changed(self, stored: BuildKey | None) -> list[str]:
        """The parts that differ from `stored` (every part when nothing was recorded)."""
        if stored is None:
            return sorted(self.parts)
        return sorted(k for k in set(self.parts) | set(stored.parts) if self.parts.get(k) != stored.parts.get(k))

    def describe(self, stored: BuildKey | None) -> str:
        """Why an index built with `stored` differs, in French ("lecture des PDF, vecteurs livrés")."""
        if stored is None:
            return "version inconnue : index antérieur à l'enregistrement des versions"
        return ", ".join(PART_NAMES.get(part, part) for part in self.changed(stored))


def wanted_key(embedder_name: str, corpus_dir: Path | None) -> BuildKey:
    """The key an index built now, by this code, from `corpus_dir` would carry."""
    from ingest.shipped_parses import parser_key, shipped_file
    from knowledge.indexer import INDEX_FORMAT
    from knowledge.shipped_vectors import vectors_file

    parts = {
        "index_format": INDEX_FORMAT,
        "parser": parser_key(),
        "passages": _code_digest(PASSAGE_CODE),
        "embedder": embedder_name,
    }
    if corpus_dir is not None:
        corpus = Path(corpus_dir)
        parts["shipped_parses"] = _file_digest(shipped_file(corpus))
        parts["shipped_vectors"] = _file_digest(vectors_file(corpus, embedder_name))
        parts["manifest"] = _file_digest(corpus / "manifest.json")
        parts["amendments"] = _file_digest(corpus / "amendments.json")
    return BuildKey(parts)


def read_key(index_dir: Path) -> BuildKey | None:
    """The key recorded in `index_dir`, None when absent or unreadable (an index of an older version)."""
    try:
        data = json.loads((Path(index_dir) / FILE_NAME).read_text(encoding="utf-8"))
        parts = data["parts"]
        if not isinstance(parts, dict):
            return None
        return BuildKey({str(k): str(v) for k, v in parts.items()})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_key(index_dir: Path, key: BuildKey) -> None:
    """Record `key` in `index_dir` (written beside, then renamed: never a half-written file)."""
    folder = Path(index_dir)
    folder.mkdir(parents=True, exist_ok=True)
    payload = json.dumps({"key": key.key, "parts": key.parts}, indent=1, sort_keys=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".build-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(payload)
        os.replace(tmp, folder / FILE_NAME)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
