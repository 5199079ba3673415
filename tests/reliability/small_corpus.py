"""A few of the shipped PDFs indexed once with the hash embedder, and a working copy of that index per test.

Reliability tests break, swap or rebuild an index; each one works on its own copy of the data directory, so a
module indexes its corpus once (`index_shipped`) and every test starts from `working_copy`.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from assistant.library import index_pdfs
from assistant.service import Assistant
from assistant.settings import REPO_ROOT, Settings


def index_shipped(root: Path, documents: Sequence[str], files: Sequence[str] = ("manifest.json",)) -> Settings:
    """The shipped `documents` (and the corpus's `files`) in a corpus folder under `root`, indexed completely."""
    corpus = root / "corpus"
    (corpus / "pdf").mkdir(parents=True)
    for name in files:
        shutil.copy(REPO_ROOT / "corpus" / name, corpus / name)
    for document in documents:
        shutil.copy(REPO_ROOT / "corpus" / "pdf" / f"{document}.pdf", corpus / "pdf")
    settings = Settings(data_dir=root / "data", corpus_dir=corpus, embedding_backend="hash")
    report = index_pdfs(settings)
    assert not report.failed, report.lines()
    return settings


def working_copy(settings: Settings, tmp_path: Path) -> Assistant:
    """An assistant on a copy of `settings`'s data directory (its index, its uploads)."""
    shutil.copytree(settings.data_dir, tmp_path / "data")
    return Assistant(settings.model_copy(update={"data_dir": tmp_path / "data"}))
