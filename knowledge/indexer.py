"""Build and refresh the index from parsed documents: incremental, idempotent, atomic per unit.

An *index unit* is one parsed document, or the consolidated view of an agreement after its
avenants (`<agreement>@consolidated`). Each unit has a content hash: the PDF's hash, the
amendment description, and what the unit would write (passages, their context and metadata),
so that a new manifest entry or chunking also re-indexes it. Syncing:

1. a unit whose hash is already active is left alone ("unchanged"), so re-running changes nothing;
2. otherwise its new chunks are written under a fresh *generation* id, then the unit's pointer
   (one record in the store) is switched to that generation in one atomic upsert, then the old
   generation's chunks are deleted. A crash before the switch leaves the previous generation
   serving; a crash after it leaves orphan chunks that readers ignore and the next sync deletes.

Concurrent ingests are serialised by `index_lock` (a file lock in the data directory).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ingest.models import Chunk, ParsedDocument, Section
from knowledge.consolidation.amendments import Amendment, ConsolidationError
from knowledge.consolidation.apply import consolidate
from knowledge.consolidation.article_versions import ArticleVersion, ConsolidatedDocument
from knowledge.embedder import Embedder
from knowledge.metadata import CONSOLIDATED_SUFFIX, OPEN_END, date_key, index_text
from knowledge.passage_files import GenerationPassages, analysed, remove_generations, write_generation
from knowledge.store import ChromaStore, Metadata, UnitRecord

log = logging.getLogger(__name__)

INDEX_FORMAT = "3"  # bump when chunk metadata or unit composition changes: forces a re-index

Chunker = Callable[[Sequence[Section]], list[Chunk]]


def default_chunker(sections: Sequence[Section]) -> list[Chunk]:
    from ingest.chunking import chunk_sections

    return chunk_sections(sections)


def _digest(*parts: Any) -> str:
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def _output(chunks: Sequence[Chunk], metadatas: Sequence[Metadata]) -> list[Any]:
    """What a unit writes: a new chunker, heading trail or metadata also re-indexes the unit,
    even when the PDF did not change."""
    return [[index_text(c), c.id, m] for c, m in zip(chunks, metadatas, strict=True)]


@dataclass
class IndexUnit:
    """What one unit contributes to the index: chunks with flat metadata, and its hash."""

    unit: str
    document: str
    content_hash: str
    chunks: list[Chunk]
    metadatas: list[Metadata]
    info: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class UnitStatus:
    unit: str
    document: str
    status: str  # "unchanged" | "indexed" | "error"
    chunks: int = 0
    reason: str = ""

    @property
    def line(self) -> str:
        if self.status == "indexed":
            return f"{self.unit}: indexé, {self.chunks} passages"
        if self.status == "unchanged":
            return f"{self.unit}: inchangé"
        return f"{self.unit}: erreur: {self.reason}"


# -- from parsed documents to units --------------------------------------------------------------


def _base_metadata(doc: ParsedDocument, chunk: Chunk) -> Metadata:
    info = doc.info
    return {
        "document": chunk.document,
        "kind": info.kind,
        "doc_title": info.title,
        "section_number": chunk.section_number,
        "section_title": chunk.section_title,
        "section_path": chunk.section_path,
        "page_start": chunk.page_start,
        "page_end": chunk.page_end,
        "ordinal": chunk.ordinal,
        "section_ordinal": chunk.section_ordinal,
        "signed": info.signed or "",
        "in_force": info.in_force or "",
        "amends": info.amends or "",
        "valid_from": date_key(info.in_force or info.signed),
        "valid_to": OPEN_END,
        "consolidated": False,
        "chunk_id": chunk.id,
    }


def _dedupe(chunks: list[Chunk]) -> list[Chunk]:
    seen: set[str] = set()
    unique = []
    for chunk in chunks:
        if chunk.id in seen:
            log.debug("duplicate passage dropped: %s", chunk.id)
            continue
        seen.add(chunk.id)
        unique.append(chunk)
    return unique


def document_unit(
    doc: ParsedDocument, chunker: Chunker, consolidated: ConsolidatedDocument | None, amend_digest: str
) -> IndexUnit:
    chunks = _dedupe(chunker(doc.sections))
    metadatas = []
    for chunk in chunks:
        meta = _base_metadata(doc, chunk)
        meta["citation"] = chunk.label
        if consolidated is not None and chunk.section_number:
            article = consolidated.by_original_number(chunk.section_number)
            if article is not None and article.versions[0].valid_to is not None:
                meta["valid_to"] = date_key(article.versions[0].valid_to)
                meta["current_number"] = article.current_number
                meta["superseded_by"] = article.current.citation
        metadatas.append(meta)
    digest = _digest(INDEX_FORMAT, doc.content_hash, amend_digest if consolidated else "", _output(chunks, metadatas))
    return IndexUnit(doc.document, doc.document, digest, chunks, metadatas, {"title": doc.info.title})


def _version_section(version: ArticleVersion, ordinal: int) -> Section:
    return Section(
        document=version.document,
        number=version.number,
        title=version.title,
        text=version.text,
        page_start=version.page_start,
        page_end=version.page_end,
        path=version.path,
        ordinal=ordinal,
        trail=version.trail,
    )


def consolidated_unit(
    target: ParsedDocument,
    consolidated: ConsolidatedDocument,
    chunker: Chunker,
    input_hashes: Sequence[str],
    amend_digest: str,
) -> IndexUnit:
    """Chunks of every amended version (new wording, new number), with its validity dates."""
    chunks: list[Chunk] = []
    metadatas: list[Metadata] = []
    for ordinal, version in enumerate(consolidated.amended_versions()):
        for chunk in chunker([_version_section(version, 10_000 + ordinal)]):
            meta = _base_metadata(target, chunk)
            changes = version.changes
            meta.update(
                {
                    "consolidated": True,
                    "valid_from": date_key(version.valid_from),
                    "valid_to": date_key(version.valid_to, OPEN_END),
                    "original_number": version.original_number or "",
                    "citation": version.citation,
                    "amended_by": ",".join(dict.fromkeys(c.avenant for c in changes)),
                    "amended_by_sections": ",".join(dict.fromkeys(c.avenant_section for c in changes)),
                    "source_document": version.source_document,
                    "source_section": version.source_section,
                    "date_certain": all(c.date_certain for c in changes),
                    "date_note": " ".join(dict.fromkeys(c.note for c in changes if c.note)),
                }
            )
            chunks.append(chunk)
            metadatas.append(meta)
    unique: dict[str, int] = {}
    for i, chunk in enumerate(chunks):
        unique.setdefault(chunk.id, i)
    keep = sorted(unique.values())
    chunks, metadatas = [chunks[i] for i in keep], [metadatas[i] for i in keep]
    unit = target.document + CONSOLIDATED_SUFFIX
    digest = _digest(INDEX_FORMAT, list(input_hashes), amend_digest, _output(chunks, metadatas))
    return IndexUnit(
        unit,
        target.document,
        digest,
        chunks,
        metadatas,
        {"title": f"{target.info.title} (version consolidée)"},
    )


def amendments_digest(amendments: Sequence[Amendment]) -> str:
    return _digest([asdict(a) for a in amendments])


def plan_units(
    docs: Sequence[ParsedDocument],
    amendments: Sequence[Amendment] = (),
    chunker: Chunker = default_chunker,
) -> tuple[list[IndexUnit], list[UnitStatus]]:
    """Units for these documents; an agreement whose avenant is missing gives an error status."""
    by_id = {d.document: d for d in docs}
    units: list[IndexUnit] = []
    errors: list[UnitStatus] = []
    for doc in docs:
        relevant = [a for a in amendments if a.target == doc.document]
        if not relevant:
            units.append(document_unit(doc, chunker, None, ""))
            continue
        missing = [a.avenant for a in relevant if a.avenant not in by_id]
        digest = amendments_digest(relevant)
        try:
            if missing:
                raise ConsolidationError(
                    f"avenant(s) {', '.join(missing)} absent(s) ou illisible(s), requis pour la version "
                    "consolidée: l'index précédent de ce document est conservé (retirer l'entrée de "
                    "corpus/amendments.json si l'avenant ne fait plus partie du corpus)"
                )
            view = consolidate(doc, by_id, relevant)
        except ConsolidationError as exc:
            errors.append(UnitStatus(doc.document, doc.document, "error", reason=str(exc)))
            continue
        units.append(document_unit(doc, chunker, view, digest))
        hashes = [doc.content_hash, *(by_id[a.avenant].content_hash for a in relevant)]
        units.append(consolidated_unit(doc, view, chunker, hashes, digest))
    return units, errors


# -- writing units to the store ----------------------------------------------------------------


class Indexer:
    """Writes units to a `ChromaStore` with an `Embedder`, one atomic generation switch per unit."""

    def __init__(self, store: ChromaStore, embedder: Embedder) -> None:
        if store.embedder_name != embedder.name:
            raise ValueError(f"store built for {store.embedder_name}, embedder is {embedder.name}")
        self.store = store
        self.embedder = embedder

    def sync(self, units: Sequence[IndexUnit], *, rebuild: bool = False) -> list[UnitStatus]:
        """Index what changed; `rebuild` re-embeds every given unit even if its hash is active."""
        self.collect_garbage()
        active = self.store.units()
        statuses = []
        for unit in units:
            current = active.get(unit.unit)
            if not rebuild and current is not None and current.content_hash == unit.content_hash:
                statuses.append(UnitStatus(unit.unit, unit.document, "unchanged", current.chunk_count))
                continue
            try:
                self.write_unit(unit, previous=current)
            except Exception as exc:  # one unit failing must not stop the others
                log.exception("indexing %s failed", unit.unit)
                statuses.append(UnitStatus(unit.unit, unit.document, "error", reason=str(exc) or type(exc).__name__))
                continue
            statuses.append(UnitStatus(unit.unit, unit.document, "indexed", len(unit.chunks)))
        return statuses

    def write_unit(self, unit: IndexUnit, previous: UnitRecord | None = None) -> str:
        generation = uuid.uuid4().hex[:12]
        texts = [index_text(chunk) for chunk in unit.chunks]
        embeddings = self.embedder.embed_documents(texts) if texts else []
        metadatas = [{**meta, "unit": unit.unit, "generation": generation} for meta in unit.metadatas]
        ids = [f"{generation}:{chunk.id}" for chunk in unit.chunks]
        self.store.add_chunks(ids, [c.text for c in unit.chunks], embeddings, metadatas)
        self._save_passages(generation, analysed(ids, [c.text for c in unit.chunks], metadatas, texts))
        record = UnitRecord(
            unit=unit.unit,
            content_hash=unit.content_hash,
            generation=generation,
            chunk_count=len(unit.chunks),
            info={**unit.info, "document": unit.document, "indexed_at": time.time()},
        )
        self.store.set_unit(record)  # the atomic switch
        if previous is not None:
            stale = self.store.chunk_ids({"$and": [{"unit": unit.unit}, {"generation": {"$ne": generation}}]})
            self.store.delete_chunks(stale)
            self._forget_passages()
        log.info("%s: generation %s, %d chunks", unit.unit, generation, len(unit.chunks))
        return generation

    def collect_garbage(self) -> int:
        """Delete chunks of generations no unit points at (left by an interrupted sync)."""
        # Generations are fresh random ids, one per write of one unit: a chunk is an orphan iff its
        # generation is no unit's active one. Asking the store for exactly those ids (no texts, no
        # metadata) keeps a sync from reading the whole index (seconds at 50k passages).
        active = sorted({u.generation for u in self.store.units().values()})
        orphans = self.store.chunk_ids({"generation": {"$nin": active}} if active else None)
        if orphans:
            log.info("deleting %d orphan chunks", len(orphans))
            self.store.delete_chunks(orphans)
        self._forget_passages()
        return len(orphans)

    def _save_passages(self, generation: str, passages: GenerationPassages) -> None:
        """Before the switch: readers that see the generation find its file (else: the store)."""
        if self.store.passages_dir is None:
            return
        try:
            write_generation(self.store.passages_dir, generation, passages)
        except OSError as exc:  # only opening gets slower: readers fall back to the store
            log.warning("passages of %s not saved (%s)", generation, exc)

    def _forget_passages(self) -> None:
        """Delete the files of generations no unit points at."""
        if self.store.passages_dir is not None:
            remove_generations(self.store.passages_dir, {u.generation for u in self.store.units().values()})

    def prune(self, keep_documents: set[str]) -> list[str]:
        """Forget units whose document is no longer part of the corpus."""
        gone = [u for u, rec in self.store.units().items() if str(rec.info.get("document", u)) not in keep_documents]
        for unit in gone:
            self.store.delete_chunks(self.store.chunk_ids({"unit": unit}))
        self.store.remove_units(gone)
        self._forget_passages()
        return gone


# -- serialising concurrent ingests -----------------------------------------------------------


class IndexBusyError(RuntimeError):
    """Another ingest holds the lock and did not release it in time."""


@contextlib.contextmanager
def index_lock(
    data_dir: Path, *, timeout_s: float = 600.0, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Exclusive lock on `<data_dir>/ingest.lock`; waits (telling `on_wait`) if another holds it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "ingest.lock"
    with path.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            if on_wait:
                on_wait(f"une autre ingestion est en cours (processus {holder}, verrou {path}) : attente…")
            deadline = time.monotonic() + timeout_s
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise IndexBusyError(f"verrou {path} toujours tenu après {timeout_s:.0f} s") from None
                    time.sleep(0.2)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)


def consolidated_views(
    docs: Mapping[str, ParsedDocument], amendments: Sequence[Amendment]
) -> dict[str, ConsolidatedDocument]:
    """Consolidated view of every agreement of `docs` that has amendments (for inspection)."""
    views = {}
    for target in {a.target for a in amendments}:
        if target in docs:
            views[target] = consolidate(docs[target], docs, amendments)
    return views
