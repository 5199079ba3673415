"""Incremental, idempotent, atomic re-indexing (hash embedder, temp Chroma directory)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from ingest.models import Chunk, ParsedDocument, Section
from knowledge.consolidation.amendments import parse_amendments
from knowledge.embedder import HashEmbedder
from knowledge.hybrid import Retriever
from knowledge.indexer import IndexBusyError, Indexer, index_lock, plan_units
from knowledge.metadata import CONSOLIDATED_SUFFIX, date_key, index_text
from knowledge.store import ChromaStore, Metadata
from tests.knowledge.conftest import make_doc, one_chunk_per_section


def sync(indexer: Indexer, docs: list[ParsedDocument], **kwargs: object) -> dict[str, str]:
    units, errors = plan_units(docs, chunker=one_chunk_per_section, **kwargs)  # type: ignore[arg-type]
    assert not errors
    return {s.unit: s.status for s in indexer.sync(units)}


def texts(store: ChromaStore) -> list[str]:
    return sorted(c.text for c in store.get_chunks())


def test_reindexing_unchanged_documents_changes_nothing(
    hash_indexer: Indexer, small_corpus: list[ParsedDocument]
) -> None:
    assert set(sync(hash_indexer, small_corpus).values()) == {"indexed"}
    store = hash_indexer.store
    ids, units = sorted(store.chunk_ids()), store.units()
    assert sync(hash_indexer, small_corpus) == {"accord-tutorat": "unchanged", "fiche-cqp": "unchanged"}
    assert sorted(store.chunk_ids()) == ids
    assert store.units() == units


def test_changed_document_replaces_its_chunks(hash_indexer: Indexer, small_corpus: list[ParsedDocument]) -> None:
    sync(hash_indexer, small_corpus)
    tutorat, cqp = small_corpus
    sections = list(tutorat.sections)
    sections[1] = replace(sections[1], text="Le tuteur perçoit une prime de 8 points par mois.")
    changed = replace(tutorat, sections=tuple(sections), content_hash="h2")
    old_generation = hash_indexer.store.units()["accord-tutorat"].generation
    assert sync(hash_indexer, [changed, cqp]) == {"accord-tutorat": "indexed", "fiche-cqp": "unchanged"}
    stored = texts(hash_indexer.store)
    assert "Le tuteur perçoit une prime de 8 points par mois." in stored
    assert not any("7 points" in t for t in stored)
    assert len(stored) == 5  # 3 + 2, nothing left from the old generation
    assert hash_indexer.store.units()["accord-tutorat"].generation != old_generation


def test_stable_ids_survive_reindexing(
    hash_store: Callable[[], ChromaStore], small_corpus: list[ParsedDocument]
) -> None:
    indexer = Indexer(hash_store(), HashEmbedder())
    sync(indexer, small_corpus)
    first = [e.id for e in Retriever(hash_store(), HashEmbedder()).search("prime du tuteur", 3)]
    units, _ = plan_units(small_corpus, chunker=one_chunk_per_section)
    indexer.sync(units, rebuild=True)  # new generations, same passages
    second = [e.id for e in Retriever(hash_store(), HashEmbedder()).search("prime du tuteur", 3)]
    assert first == second and first[0].startswith("accord-tutorat:4.3:")


def test_crash_before_the_switch_leaves_the_previous_index_serving(
    hash_store: Callable[[], ChromaStore], small_corpus: list[ParsedDocument], monkeypatch: pytest.MonkeyPatch
) -> None:
    indexer = Indexer(hash_store(), HashEmbedder())
    sync(indexer, small_corpus)
    tutorat, cqp = small_corpus
    sections = (replace(tutorat.sections[0], text="Texte entièrement nouveau sur la mutuelle."),)
    changed = replace(tutorat, sections=sections, content_hash="h2")

    def crash(record: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(indexer.store, "set_unit", crash)
    statuses = {s.unit: s for s in indexer.sync(plan_units([changed, cqp], chunker=one_chunk_per_section)[0])}
    assert statuses["accord-tutorat"].status == "error" and "power cut" in statuses["accord-tutorat"].reason
    # the new chunks were written, but no reader sees them: the pointer still names the old ones
    assert any("mutuelle" in t for t in texts(indexer.store))
    retriever = Retriever(hash_store(), HashEmbedder())
    assert retriever.size == 5
    assert all("mutuelle" not in e.chunk.text for e in retriever.search("mutuelle tuteur prime", 5))
    assert retriever.search("prime du tuteur", 1)[0].chunk.section_number == "4.3"
    # the next sync deletes the orphans, then indexes the change properly
    monkeypatch.undo()
    indexer = Indexer(hash_store(), HashEmbedder())
    assert sync(indexer, [changed, cqp])["accord-tutorat"] == "indexed"
    assert len(indexer.store.chunk_ids()) == 3


def test_orphans_after_the_switch_are_ignored_then_collected(
    hash_store: Callable[[], ChromaStore], small_corpus: list[ParsedDocument]
) -> None:
    indexer = Indexer(hash_store(), HashEmbedder())
    sync(indexer, small_corpus)
    orphan_meta: Metadata = {
        "unit": "accord-tutorat",
        "generation": "deadbeef",
        "document": "accord-tutorat",
        "valid_from": 0,
        "valid_to": 99991231,
    }
    indexer.store.add_chunks(["deadbeef:x"], ["Passage orphelin prime tuteur"], [[1.0] * 64], [orphan_meta])
    assert Retriever(hash_store(), HashEmbedder()).size == 5
    assert indexer.collect_garbage() == 1
    assert "deadbeef:x" not in indexer.store.chunk_ids()


def test_prune_forgets_documents_removed_from_the_corpus(
    hash_indexer: Indexer, small_corpus: list[ParsedDocument]
) -> None:
    sync(hash_indexer, small_corpus)
    assert hash_indexer.prune({"accord-tutorat"}) == ["fiche-cqp"]
    assert set(hash_indexer.store.units()) == {"accord-tutorat"}
    assert all(c.metadata["document"] == "accord-tutorat" for c in hash_indexer.store.get_chunks())


AMENDMENTS = parse_amendments(
    {
        "amendments": [
            {
                "avenant": "av",
                "target": "acc",
                "label": "avenant du 15 janvier 2022",
                "signed": "2022-01-15",
                "operations": [{"op": "replace_article", "target": "2", "source": "1"}],
            }
        ]
    }
)


def amended_pair() -> list[ParsedDocument]:
    accord = make_doc("acc", [("1", "Objet", "Texte un."), ("2", "Congé VAE", "Congé VAE de 24 heures.")])
    avenant = make_doc(
        "av",
        [("1", "Modification de l'article 2", "L'article 2 est rédigé ainsi : « Congé VAE de 48 heures. »")],
        kind="avenant",
        signed="2022-01-15",
        in_force=None,
    )
    return [accord, avenant]


def test_consolidated_unit_and_validity_dates() -> None:
    units, errors = plan_units(amended_pair(), AMENDMENTS, chunker=one_chunk_per_section)
    assert not errors
    by_unit = {u.unit: u for u in units}
    assert set(by_unit) == {"acc", "acc" + CONSOLIDATED_SUFFIX, "av"}
    original = {m["section_number"]: m for m in by_unit["acc"].metadatas}
    assert original["2"]["valid_to"] == 20220115 and original["2"]["current_number"] == "2"
    assert original["1"]["valid_to"] == 99991231
    [meta] = by_unit["acc" + CONSOLIDATED_SUFFIX].metadatas
    assert meta["valid_from"] == 20220115 and meta["consolidated"] is True
    assert meta["citation"] == "Article 2 (rédaction issue de l'avenant du 15 janvier 2022, art. 1)"
    assert (meta["amended_by"], meta["amended_by_sections"]) == ("av", "1")


def test_a_changed_avenant_reindexes_the_consolidated_view_only(hash_indexer: Indexer) -> None:
    accord, avenant = amended_pair()
    sync(hash_indexer, [accord, avenant], amendments=AMENDMENTS)
    new_avenant = replace(avenant, content_hash="h2")
    statuses = sync(hash_indexer, [accord, new_avenant], amendments=AMENDMENTS)
    assert statuses == {"acc": "unchanged", "acc" + CONSOLIDATED_SUFFIX: "indexed", "av": "indexed"}


def test_agreement_without_its_avenant_is_reported() -> None:
    accord, _ = amended_pair()
    units, errors = plan_units([accord], AMENDMENTS, chunker=one_chunk_per_section)
    assert units == [] and "av" in errors[0].reason and errors[0].status == "error"


def test_index_text_adds_the_section_title() -> None:
    [chunk] = one_chunk_per_section(make_doc("d", [("8", "Garantie individuelle", "Texte.")]).sections)
    assert index_text(chunk) == "Article 8 › Garantie individuelle\nTexte."


def test_date_keys() -> None:
    assert date_key("2022-10-11") == 20221011
    assert date_key(None) == 0 and date_key("", 99991231) == 99991231


def test_concurrent_ingests_are_serialised(tmp_path: Path) -> None:
    events: list[str] = []
    messages: list[str] = []
    inside = threading.Event()

    def first() -> None:
        with index_lock(tmp_path):
            inside.set()
            events.append("first in")
            time.sleep(0.5)
            events.append("first out")

    thread = threading.Thread(target=first)
    thread.start()
    inside.wait(5)
    with index_lock(tmp_path, on_wait=messages.append):
        events.append("second in")
    thread.join()
    assert events == ["first in", "first out", "second in"]
    assert messages and "une autre ingestion est en cours" in messages[0]
    with index_lock(tmp_path), pytest.raises(IndexBusyError):  # noqa: SIM117
        with index_lock(tmp_path, timeout_s=0.3):
            pass


def test_new_chunking_or_manifest_entry_reindexes_an_unchanged_pdf(
    hash_indexer: Indexer, small_corpus: list[ParsedDocument]
) -> None:
    sync(hash_indexer, small_corpus)
    tutorat, cqp = small_corpus

    def split_sentences(sections: Sequence[Section]) -> list[Chunk]:
        return [replace(c, text=c.text.rstrip(".")) for c in one_chunk_per_section(sections)]

    units, _ = plan_units([tutorat, cqp], chunker=split_sentences)
    assert {s.unit: s.status for s in hash_indexer.sync(units)} == {
        "accord-tutorat": "indexed",
        "fiche-cqp": "indexed",
    }
    retitled = replace(cqp, info=replace(cqp.info, title="Fiches CQP (nouvelle édition)"))
    assert sync(hash_indexer, [tutorat, retitled]) == {"accord-tutorat": "indexed", "fiche-cqp": "indexed"}
    assert sync(hash_indexer, [tutorat, retitled]) == {"accord-tutorat": "unchanged", "fiche-cqp": "unchanged"}
