"""The shipped corpus, parsed once for the whole session through the real isolated pipeline."""

from __future__ import annotations

import pytest

from ingest.chunking import chunk_sections
from ingest.manifest import load_manifest
from ingest.models import Chunk, ParsedDocument
from ingest.pipeline import parse_corpus
from tests.ingest import DOCUMENTS, MANIFEST, PDF_DIR


@pytest.fixture(scope="session")
def corpus_list() -> list[ParsedDocument]:
    """The 5 PDFs of `corpus/pdf` in file-name order, parsed with the default number of children.

    About 12 s of parsing, paid once; with two CPUs or more it runs in parallel.
    """
    parsed, errors = parse_corpus(sorted(PDF_DIR.glob("*.pdf")), load_manifest(MANIFEST))
    assert not errors, [str(e) for e in errors]
    return parsed


@pytest.fixture(scope="session")
def corpus(corpus_list: list[ParsedDocument]) -> dict[str, ParsedDocument]:
    """Document id → parsed document, for the 5 PDFs of `corpus/pdf`."""
    docs = {doc.document: doc for doc in corpus_list}
    assert sorted(docs) == sorted(DOCUMENTS)
    return docs


@pytest.fixture(scope="session")
def corpus_chunks(corpus: dict[str, ParsedDocument]) -> dict[str, list[Chunk]]:
    return {name: chunk_sections(doc.sections) for name, doc in corpus.items()}
