"""Building the index of a set of PDFs: parse (ingest) → plan units (knowledge) → sync, and its report.

`index_pdfs` is the one door: the CLI `ingest` command, the UI's first start and its upload page (through
`assistant.library.Library`) all go through it, so a bad file is reported the same way everywhere and never
leaves a half-written index (the indexer switches a document's passages atomically, under a lock held for
the whole operation). For the whole corpus it also checks what built the index in service
(`knowledge.build_key`): an index built by other code is rebuilt beside it and swapped in only once
complete (`knowledge.index_swap`), the uploads re-read from their PDFs.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assistant.faults import FOLDER_GONE, storage_fault
from assistant.settings import Settings
from assistant.uploads import clean_leftovers, document_info, is_upload_id
from ingest.manifest import load_manifest
from ingest.models import DocumentInfo, IngestError
from ingest.pipeline import parse_corpus
from ingest.shipped_parses import KnownParses, shipped_file
from knowledge import build_key, index_swap
from knowledge.build_key import BuildKey
from knowledge.consolidation.amendments import Amendment, load_amendments
from knowledge.embedder import make_embedder
from knowledge.factory import IndexConfig, PassageEngineWarmUp, chroma_dir, open_indexer
from knowledge.indexer import Indexer, IndexUnit, UnitStatus, index_lock, plan_units
from knowledge.store import forget_clients

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]

# What a start or an `ingest` says when the index was built by other code (`knowledge.build_key`).
REBUILD_BESIDE = (
    "Index construit par une autre version ({reason}) : reconstruction complète à côté de l'index "
    "actuel, qui reste en service jusqu'à la fin."
)
REBUILD_IN_PLACE = (
    "Index construit par une autre version ({reason}) : chaque document est réindexé sur le serveur Chroma."
)
REBUILD_DONE = "Index reconstruit avec cette version : {documents} document(s), dont {uploads} ajouté(s) par vous."
REBUILD_FAILED = (
    "Reconstruction de l'index interrompue ({reason}) : l'index précédent reste en service ; "
    "relancez « ccn-assistant ingest » pour réessayer."
)
REBUILD_FAILED_SHORT = "Reconstruction interrompue : l'index précédent reste en service."
SWAP_RECOVERED = "Un remplacement d'index avait été interrompu : l'index précédent a été remis en service."
UPLOAD_UNREADABLE = (
    "{file} : document ajouté qui ne se lit plus avec cette version ({reason}) ; son PDF est conservé "
    "dans {folder}, mais il n'est plus cherché. Téléversez-le de nouveau ou retirez-le."
)


@dataclass
class IndexReport:
    """What one indexing run did, file by file."""

    statuses: list[UnitStatus] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # Said first, in French: a stale index rebuilt (and how it ended), an upload that no longer reads.
    notices: list[str] = field(default_factory=list)
    kept_previous: bool = False  # a rebuild failed: the index built by the earlier version stays served
    unparsed_shipped: list[str] = field(default_factory=list)  # shipped PDFs that did not parse

    @property
    def failed(self) -> bool:
        return self.kept_previous or bool(self.errors) or any(s.status == "error" for s in self.statuses)

    def lines(self) -> list[str]:
        out = list(self.notices)
        out.extend(f"{e.file}: erreur: {e.reason}" for e in self.errors)
        out.extend(s.line for s in self.statuses)
        out.extend(f"{unit}: retiré de l'index" for unit in self.removed)
        return out


def corpus_pdfs(settings: Settings) -> list[Path]:
    """The shipped PDFs and those uploaded through the UI."""
    return sorted(settings.pdf_dir.glob("*.pdf")) + sorted(settings.uploads_dir.glob("*.pdf"))


def corpus_amendments(settings: Settings) -> list[Amendment]:
    path = settings.corpus_dir / "amendments.json"
    return load_amendments(path) if path.exists() else []


def with_partners(
    pdfs: Sequence[Path], settings: Settings, manifest: dict[str, DocumentInfo], amendments: Sequence[Amendment]
) -> list[Path]:
    """Add the agreement/avenant files a consolidated view needs when only one side is given."""
    wanted = {document_info(p, settings, manifest).document for p in pdfs}
    extra: list[Path] = []
    for amendment in amendments:
        pair = {amendment.target, amendment.avenant}
        if not pair & wanted:
            continue
        for document in sorted(pair - wanted):
            info = manifest.get(document)
            candidate = settings.pdf_dir / (info.file if info and info.file else f"{document}.pdf")
            if candidate.exists():
                extra.append(candidate)
                wanted.add(document)
    return [*pdfs, *extra]


def explained(statuses: list[UnitStatus], data_dir: Path | None = None) -> list[UnitStatus]:
    """Unit errors caused by the disk or the index told in French (the store's own text is English). When the data
    folder (`data_dir`, a local index's) no longer exists, that is the cause told: deleted mid-run, the store's error
    depends on which file it was reading at that moment ("segment illisible", "base introuvable"): calling the index
    damaged would misname a folder that is gone, not broken (measured: the reliability test of a folder deleted
    mid-run told one or the other by the timing of the race)."""
    gone = data_dir is not None and not data_dir.exists()
    out = []
    for status in statuses:
        if status.status != "error":
            fault = None
        else:
            fault = FOLDER_GONE if gone else storage_fault(RuntimeError(status.reason))
        out.append(replace(status, reason=fault.message) if fault else status)
    return out


def current_key(settings: Settings) -> BuildKey:
    """The build key this code gives the index of `settings` (`knowledge.build_key`)."""
    name = make_embedder(settings.embedding_backend, settings.embedding_model).name
    return build_key.wanted_key(name, settings.corpus_dir)


def index_is_stale(settings: Settings, wanted: BuildKey | None = None) -> bool:
    """Whether the index in service was built by other code (or by a version that recorded nothing).

    A data directory without an index is not stale (a first start builds it); an index without a
    recorded key was built before keys were recorded, or by a first build that did not finish. With no
    PDF in the corpus folder there is nothing to rebuild from: the index in service is kept, never
    replaced by an empty one (an index of texts indexed from elsewhere, e.g. the benchmark's own).
    """
    if not corpus_pdfs(settings):
        return False
    stored = build_key.read_key(settings.index_dir)
    if stored is None:
        return bool(settings.chroma_url) or has_passages(settings)
    return stored.key != (wanted or current_key(settings)).key


def has_passages(settings: Settings) -> bool:
    """Whether a local index holds any written passage (each generation leaves its file under
    `index/passages/`); an opened but empty store is a first start, not an old index."""
    folder = settings.index_dir / "passages"
    return folder.is_dir() and any(path.is_file() for path in folder.rglob("*"))


def unparsed(
    paths: Sequence[Path], docs: Sequence[Any], errors: Sequence[IngestError], info_of: Callable[[Path], DocumentInfo]
) -> tuple[list[str], list[str]]:
    """The files that did not parse, as (uploads said in French, shipped texts' names).

    An uploaded PDF that no longer parses is said, never dropped silently (its file stays in
    `uploads/`); a shipped text that does not parse stops a rebuild.
    """
    parsed = {doc.document for doc in docs}
    reasons = {e.file: e.reason for e in errors}
    uploads, shipped = [], []
    for path in paths:
        document = info_of(path).document
        if document in parsed:
            continue
        if is_upload_id(document):
            reason = reasons.get(path.name, "illisible")
            uploads.append(UPLOAD_UNREADABLE.format(file=path.name, reason=reason, folder=path.parent))
        else:
            shipped.append(path.name)
    return uploads, shipped


def shipped_failure(report: IndexReport) -> list[str]:
    """Why a shipped text is not indexed (an upload's own failure does not block a rebuild)."""
    reasons = [f"{name} : non analysé" for name in report.unparsed_shipped]
    reasons += [s.line for s in report.statuses if s.status == "error" and not is_upload_id(s.document)]
    return reasons


def rebuild_beside(
    settings: Settings,
    units: Sequence[IndexUnit],
    present: set[str],
    wanted: BuildKey,
    report: IndexReport,
    tell: Callable[[str, float], None],
) -> None:
    """Write every unit into a new index beside the one in service; swap it in only when complete.

    Any failure (a shipped text not indexed, an exception, an interruption) discards the new index
    and leaves the old one served (`report.kept_previous`): an index is never half-written.
    """
    root = index_swap.staging_root(settings.data_dir)
    target = IndexConfig(
        data_dir=root,
        collection=settings.collection,
        embedding_backend=settings.embedding_backend,
        embedding_model=settings.embedding_model,
        corpus_dir=settings.corpus_dir,
    )
    try:
        indexer = open_indexer(target)
        for i, unit in enumerate(units):
            tell(f"Indexation de {unit.unit} (nouvel index)…", 0.5 + 0.45 * i / max(1, len(units)))
            report.statuses.extend(explained(indexer.sync([unit]), root))
        failures = shipped_failure(report)
        if failures:
            raise RuntimeError("; ".join(failures))
        build_key.write_key(root / index_swap.LIVE, wanted)
        index_swap.swap_in(settings.data_dir, root / index_swap.LIVE)
    except BaseException as exc:
        index_swap.discard_staging(settings.data_dir)
        report.kept_previous = True
        report.notices.append(REBUILD_FAILED.format(reason=storage_message(exc)))
        if not isinstance(exc, Exception):
            raise
        log.exception("index rebuild failed; the previous index stays in service")
        return
    uploads = sum(1 for document in present if is_upload_id(document))
    report.notices.append(REBUILD_DONE.format(documents=len(present), uploads=uploads))
    tell(report.notices[-1], 0.99)


def storage_message(exc: BaseException) -> str:
    fault = storage_fault(exc)
    return fault.message if fault else (str(exc) or type(exc).__name__)


def open_for_indexing(settings: Settings, *, rebuild: bool, tell: Callable[[str], None]) -> Indexer:
    """The indexer; with `rebuild`, a local index that cannot be read is moved aside and started afresh.

    A truncated or overwritten Chroma database cannot be repaired in place, and without this the
    product's own `ingest --rebuild` failed on it like every other command. The broken folder is
    kept (renamed `chroma-endommage-<date>`) rather than deleted, for whoever wants to look at it.
    A healthy index is never moved: `--rebuild` then replaces each unit atomically as usual.
    """

    def open_it() -> Indexer:
        indexer = open_indexer(settings)
        if rebuild:
            indexer.store.check()
        return indexer

    try:
        return open_it()
    except Exception as exc:
        fault = storage_fault(exc)
        if not rebuild or settings.chroma_url or fault is None or fault.kind != "corrupt":
            raise
        broken = chroma_dir(settings.data_dir)
        aside = broken.with_name(f"chroma-endommage-{time.strftime('%Y%m%d-%H%M%S')}")
        log.info("index unreadable (%s): moved to %s", exc, aside)
        forget_clients()
        broken.rename(aside)
        tell(f"Index endommagé mis de côté ({aside}) : reconstruction complète.")
        return open_it()


def index_pdfs(
    settings: Settings,
    pdfs: Sequence[Path] | None = None,
    *,
    rebuild: bool = False,
    progress: Progress | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> IndexReport:
    """Parse and index `pdfs` (default: the whole shipped corpus, pruning documents gone from it).

    `on_wait` is told what the caller should know while it waits: another ingest holds the lock,
    or a broken index was moved aside for `rebuild`. For the whole corpus, an index built by other
    code (`knowledge.build_key`) is rebuilt beside the one in service and swapped in only once
    complete (`knowledge.index_swap`); the index then records the key of what built it.
    """

    def tell(message: str, fraction: float) -> None:
        log.info("%s", message)
        if progress:
            progress(message, fraction)

    manifest = load_manifest(settings.manifest_file)
    amendments = corpus_amendments(settings)
    whole_corpus = pdfs is None
    paths = corpus_pdfs(settings) if pdfs is None else list(pdfs)
    if not whole_corpus:
        paths = with_partners(paths, settings, manifest, amendments)

    def info_of(path: Path) -> DocumentInfo:
        return document_info(path, settings, manifest)

    report = IndexReport()
    with index_lock(settings.data_dir, on_wait=on_wait):
        clean_leftovers(settings)
        if not settings.chroma_url and index_swap.recover(settings.data_dir):
            report.notices.append(SWAP_RECOVERED)
        wanted = current_key(settings)
        stale = whole_corpus and not rebuild and index_is_stale(settings, wanted)
        beside = stale and not settings.chroma_url
        if stale:
            reason = wanted.describe(build_key.read_key(settings.index_dir))
            said = (REBUILD_BESIDE if beside else REBUILD_IN_PLACE).format(reason=reason)
            report.notices.append(said)
            tell(said, 0.02)
            if on_wait:
                on_wait(said)
        tell(f"Analyse de {len(paths)} PDF…", 0.05)

        def parsed_one(path: Path, done: int) -> None:
            tell(f"Analysé : {path.name} ({done}/{len(paths)})", 0.05 + 0.45 * done / max(1, len(paths)))

        warm_up = PassageEngineWarmUp(settings)  # the model gets ready while a changed PDF parses
        try:
            docs, errors = parse_corpus(
                paths,
                manifest,
                on_file=parsed_one,
                info_of=info_of,
                known=KnownParses.load(shipped_file(settings.corpus_dir)),
                on_parse=warm_up.start,
                max_pages=settings.max_pages,
                timeout_s=settings.parse_timeout_s,
                max_bytes=settings.max_upload_mb * 1024 * 1024,
            )
        finally:
            warm_up.join()
        report.errors.extend(errors)
        lost_uploads, report.unparsed_shipped = unparsed(paths, docs, errors, info_of)
        report.notices.extend(lost_uploads)
        units, plan_errors = plan_units(docs, amendments)
        report.statuses.extend(plan_errors)
        if not units and not whole_corpus:  # nothing to write: a refused upload never touches the index
            return report
        tell("Ouverture de l'index…", 0.5)

        def notice(message: str) -> None:
            tell(message, 0.5)
            if on_wait:
                on_wait(message)

        present = {info_of(p).document for p in paths}
        if beside:
            rebuild_beside(settings, units, present, wanted, report, tell)
        else:
            first = not settings.chroma_url and not has_passages(settings)
            indexer = open_for_indexing(settings, rebuild=rebuild or stale, tell=notice)
            local_dir = None if settings.chroma_url else settings.data_dir
            if first:  # what writes a new index is known from its first unit: a killed first start is completed
                build_key.write_key(settings.index_dir, wanted)
            for i, unit in enumerate(units):
                tell(f"Indexation de {unit.unit}…", 0.5 + 0.48 * i / max(1, len(units)))
                report.statuses.extend(explained(indexer.sync([unit], rebuild=rebuild or stale), local_dir))
            if whole_corpus:
                report.removed = indexer.prune(present)
                if not shipped_failure(report):
                    build_key.write_key(settings.index_dir, wanted)
    tell("Index prêt." if not report.kept_previous else REBUILD_FAILED_SHORT, 1.0)
    return report
