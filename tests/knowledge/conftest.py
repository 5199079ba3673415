"""Fixtures for the knowledge tests: synthetic agreements, the real corpus PDFs, stores."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from assistant.settings import REPO_ROOT
from ingest.models import Chunk, DocumentInfo, ParsedDocument, Section
from knowledge.consolidation.amendments import Amendment, load_amendments
from knowledge.embedder import HashEmbedder
from knowledge.indexer import Indexer
from knowledge.store import ChromaStore

CORPUS = REPO_ROOT / "corpus"
ACCORD = "accord-2019-12-19-formation-professionnelle"
AVENANT = "avenant-2022-10-11-formation-professionnelle"


def one_chunk_per_section(sections: Sequence[Section]) -> list[Chunk]:
    """A chunker for tests that do not depend on `ingest.chunking`'s sizes."""
    return [
        Chunk(
            document=s.document,
            section_number=s.number,
            section_title=s.title,
            section_path=s.path_label,
            text=s.text,
            page_start=s.page_start,
            page_end=s.page_end,
            ordinal=0,
            section_ordinal=s.ordinal,
        )
        for s in sections
        if s.text.strip()
    ]


def make_doc(
    document: str,
    sections: Sequence[tuple[str, str, str]],
    *,
    kind: str = "accord",
    signed: str | None = "2019-12-19",
    in_force: str | None = "2020-04-30",
    amends: str | None = None,
    content_hash: str = "h1",
) -> ParsedDocument:
    """A parsed document from (number, title, text) triples."""
    info = DocumentInfo(
        document=document, title=f"Titre de {document}", kind=kind, signed=signed, in_force=in_force, amends=amends
    )
    built = tuple(
        Section(
            document=document,
            number=number,
            title=title,
            text=text,
            page_start=i + 1,
            page_end=i + 1,
            path=(f"Article {number}",) if number else (),
            ordinal=i,
        )
        for i, (number, title, text) in enumerate(sections)
    )
    return ParsedDocument(info=info, sections=built, page_count=len(built), content_hash=content_hash)


@pytest.fixture
def small_corpus() -> list[ParsedDocument]:
    """Two unrelated documents with distinct vocabularies."""
    tutorat = make_doc(
        "accord-tutorat",
        [
            ("4.2", "Organisation du tutorat", "Chaque tuteur accompagne, au maximum, 3 salariés."),
            ("4.3", "Reconnaissance", "Le tuteur perçoit une prime de 7 points par mois, au plus 252 points."),
            (
                "9",
                "Contribution",
                "La contribution conventionnelle supplémentaire est de 0,15 % de la masse salariale.",
            ),
        ],
    )
    cqp = make_doc(
        "fiche-cqp",
        [
            ("", "CQP gestionnaire conseil", "Le CQP est inscrit au RNCP au niveau 5 sous le numéro 35729."),
            ("", "CQP manager", "Le CQP manager opérationnel est organisé en 4 blocs de compétences."),
        ],
        kind="fiche",
        signed=None,
        in_force=None,
    )
    return [tutorat, cqp]


@pytest.fixture
def hash_store(tmp_path: Path) -> Callable[[], ChromaStore]:
    """Opens (again) the same persistent store in a temp dir, for the hash embedder."""
    embedder = HashEmbedder()

    def open_store() -> ChromaStore:
        return ChromaStore.open(
            base_name="test", embedder_name=embedder.name, dim=embedder.dim, path=tmp_path / "chroma"
        )

    return open_store


@pytest.fixture
def hash_indexer(hash_store: Callable[[], ChromaStore]) -> Indexer:
    return Indexer(hash_store(), HashEmbedder())


@pytest.fixture(scope="session")
def real_docs() -> dict[str, ParsedDocument]:
    """The shipped protocole and its avenant, parsed by the real pipeline (in process)."""
    from ingest.manifest import load_manifest
    from ingest.pipeline import parse_pdf_in_process

    manifest = load_manifest(CORPUS / "manifest.json")
    return {doc: parse_pdf_in_process(CORPUS / "pdf" / manifest[doc].file, manifest[doc]) for doc in (ACCORD, AVENANT)}


@pytest.fixture(scope="session")
def amendments() -> list[Amendment]:
    return load_amendments(CORPUS / "amendments.json")
