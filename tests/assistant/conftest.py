"""Fixtures shared by the assistant's tests: the real assistant on the shipped corpus, and its chunks."""

from __future__ import annotations

import gzip
import json
from typing import TYPE_CHECKING, Any

import pytest

from assistant.settings import REPO_ROOT
from ingest.chunking import chunk_sections
from ingest.models import Chunk, Section

ACCORD = "accord-2019-12-19-formation-professionnelle"

if TYPE_CHECKING:  # the service loads the whole answering stack: imported only where a test asks for it
    from assistant.service import Assistant


@pytest.fixture(scope="session")
def assistant(real_assistant: Any) -> Assistant:
    """The session's real assistant (tests/conftest.py: the shipped corpus, indexed once), typed."""
    from assistant.service import Assistant

    assert isinstance(real_assistant, Assistant)
    return real_assistant


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


@pytest.fixture(scope="session")
def sections() -> dict[str, str]:
    """The protocole's numbered sections (consolidated text), each as one passage: what the answer-lead
    tests score sentences in (`lead_helpers.lead_of`)."""
    from knowledge.shipped_vectors import shipped_chunks

    texts: dict[str, list[str]] = {}
    for chunk in shipped_chunks(REPO_ROOT / "corpus", known_parses=True):
        if chunk.document == ACCORD and chunk.section_number:
            texts.setdefault(chunk.section_number, []).append(chunk.text)
    return {number: "\n\n".join(parts) for number, parts in texts.items()}
