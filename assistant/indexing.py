"""Build or refresh the index of a set of PDFs: parse (ingest) → plan units (knowledge) → sync.

The CLI `ingest` command, the UI's first start and its upload page all go through here, so a
bad file is reported the same way everywhere and never leaves a half-written index (the indexer
switches a document's passages atomically, under a lock held for the whole operation).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.settings import Settings
from ingest.manifest import info_for, load_manifest
from ingest.models import DocumentInfo, IngestError
from ingest.pipeline import parse_corpus
from knowledge.consolidation.amendments import Amendment, load_amendments
from knowledge.factory import open_indexer
from knowledge.indexer import UnitStatus, index_lock, plan_units

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]


@dataclass
class IndexReport:
    """What one indexing run did, file by file."""

    statuses: list[UnitStatus] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.errors) or any(s.status == "error" for s in self.statuses)

    def lines(self) -> list[str]:
        out = [f"{e.file}: erreur: {e.reason}" for e in self.errors]
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
    pdfs: Sequence[Path], pdf_dir: Path, manifest: dict[str, DocumentInfo], amendments: Sequence[Amendment]
) -> list[Path]:
    """Add the agreement/avenant files a consolidated view needs when only one side is given."""
    wanted = {info_for(p, manifest).document for p in pdfs}
    extra: list[Path] = []
    for amendment in amendments:
        pair = {amendment.target, amendment.avenant}
        if not pair & wanted:
            continue
        for document in sorted(pair - wanted):
            info = manifest.get(document)
            candidate = pdf_dir / (info.file if info and info.file else f"{document}.pdf")
            if candidate.exists():
                extra.append(candidate)
                wanted.add(document)
    return [*pdfs, *extra]


def index_pdfs(
    settings: Settings,
    pdfs: Sequence[Path] | None = None,
    *,
    rebuild: bool = False,
    progress: Progress | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> IndexReport:
    """Parse and index `pdfs` (default: the whole shipped corpus, pruning documents gone from it)."""

    def tell(message: str, fraction: float) -> None:
        log.info("%s", message)
        if progress:
            progress(message, fraction)

    manifest = load_manifest(settings.manifest_file)
    amendments = corpus_amendments(settings)
    whole_corpus = pdfs is None
    paths = corpus_pdfs(settings) if pdfs is None else list(pdfs)
    if not whole_corpus:
        paths = with_partners(paths, settings.pdf_dir, manifest, amendments)
    report = IndexReport()
    with index_lock(settings.data_dir, on_wait=on_wait):
        tell("Ouverture de l'index…", 0.02)
        indexer = open_indexer(settings)
        tell(f"Analyse de {len(paths)} PDF…", 0.05)

        def parsed_one(path: Path, done: int) -> None:
            tell(f"Analysé : {path.name} ({done}/{len(paths)})", 0.05 + 0.45 * done / max(1, len(paths)))

        docs, errors = parse_corpus(
            paths,
            manifest,
            on_file=parsed_one,
            max_pages=settings.max_pages,
            timeout_s=settings.parse_timeout_s,
            max_bytes=settings.max_upload_mb * 1024 * 1024,
        )
        report.errors.extend(errors)
        units, plan_errors = plan_units(docs, amendments)
        report.statuses.extend(plan_errors)
        for i, unit in enumerate(units):
            tell(f"Indexation de {unit.unit}…", 0.5 + 0.48 * i / max(1, len(units)))
            report.statuses.extend(indexer.sync([unit], rebuild=rebuild))
        if whole_corpus:
            present = {info_for(p, manifest).document for p in paths}
            report.removed = indexer.prune(present)
    tell("Index prêt.", 1.0)
    return report
