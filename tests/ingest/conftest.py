"""The shipped corpus, parsed once for the whole session through the real isolated pipeline."""

from __future__ import annotations

import pytest

from ingest.chunking import chunk_sections
from ingest.manifest import load_manifest
from ingest.models import Chunk, ParsedDocument
from ingest.pipeline import parse_corpus
from tests.ingest import DOCUMENTS, MANIFEST, PDF_DIR


@pytest.fixture(scope="session")
def corpus() -> dict[str, ParsedDocument]:
    """Document id → parsed document, for the 5 PDFs of `corpus/pdf` (about 12 s, paid once)."""
    parsed, errors = parse_corpus(sorted(PDF_DIR.glob("*.pdf")), load_manifest(MANIFEST))
    assert not errors, [str(e) for e in errors]
    docs = {doc.document: doc for doc in parsed}
    assert sorted(docs) == sorted(DOCUMENTS)
    return docs


@pytest.fixture(scope="session")
def corpus_chunks(corpus: dict[str, ParsedDocument]) -> dict[str, list[Chunk]]:
    return {name: chunk_sections(doc.sections) for name, doc in corpus.items()}
