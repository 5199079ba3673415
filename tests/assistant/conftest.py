"""Fixtures shared by the assistant's tests."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest

from assistant.settings import REPO_ROOT
from ingest.chunking import chunk_sections
from ingest.models import Chunk, Section


def _section(values: dict[str, Any]) -> Section:
    fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
    return Section(**fields)


@pytest.fixture(scope="session")
def chunks() -> list[Chunk]:
    """Every passage of the shipped corpus, chunked from its shipped parses (`corpus/parsed.json.gz`)
    as indexing would: the real texts, without building an index."""
    with gzip.open(REPO_ROOT / "corpus" / "parsed.json.gz", "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    out: list[Chunk] = []
    for document in data["documents"]:
        out.extend(chunk_sections([_section(s) for s in document["sections"]]))
    return out
