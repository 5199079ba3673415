"""The texts the assistant answers from: the shipped corpus, uploaded PDFs, and their index.

`index_pdfs` builds or refreshes the index of a set of PDFs: parse (ingest) → plan units
(knowledge) → sync. `Library` is what the front ends use: first start, re-index, uploads, the
documents table, PDF paths and page images. The CLI `ingest` command, the UI's first start and its
upload page all go through here, so a bad file is reported the same way everywhere and never leaves
a half-written index (the indexer switches a document's passages atomically, under a lock held for
the whole operation).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.pages.page_images import PassageImage, passage_image
from assistant.settings import Settings
from ingest.manifest import info_for, load_manifest
from ingest.models import DocumentInfo, IngestError
from ingest.pipeline import parse_corpus, parse_pdf
from knowledge.consolidation.amendments import Amendment, load_amendments
from knowledge.factory import open_indexer
from knowledge.hybrid import Retriever
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


class Library:
    """The indexed texts as the front ends see them; answering questions lives in `assistant.service`.

    `retriever` is a callable so the assistant keeps one lazily opened retriever for both roles.
    """

    def __init__(
        self, settings: Settings, manifest: dict[str, DocumentInfo], retriever: Callable[[], Retriever]
    ) -> None:
        self.settings = settings
        self.manifest = manifest
        self._retriever = retriever

    @property
    def retriever(self) -> Retriever:
        return self._retriever()

    def index_ready(self) -> bool:
        return self.retriever.size > 0

    def ensure_index(self, progress: Progress | None = None) -> IndexReport | None:
        """Index the shipped corpus if the index is empty (first start); None when already there."""
        if self.index_ready():
            return None
        report = index_pdfs(self.settings, progress=progress)
        self.retriever.refresh(force=True)
        return report

    def reindex(self, pdfs: list[Path] | None = None, progress: Progress | None = None) -> IndexReport:
        report = index_pdfs(self.settings, pdfs, progress=progress)
        self.retriever.refresh(force=True)
        return report

    def ingest_upload(self, filename: str, data: bytes, progress: Progress | None = None) -> list[str]:
        """Validate and index an uploaded PDF; raise ValueError (French) for a bad file."""
        name = Path(filename).name
        if not name.lower().endswith(".pdf"):
            raise ValueError(f"{name} : seuls les fichiers PDF sont acceptés")
        limit = self.settings.max_upload_mb * 1024 * 1024
        if len(data) > limit:
            raise ValueError(f"{name} : fichier trop volumineux (limite {self.settings.max_upload_mb} Mo)")
        if not data.lstrip()[:1024].startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
            raise ValueError(f"{name} : ce n'est pas un PDF (en-tête %PDF absent)")
        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).stem).strip("-.") or "document"
        uploads = self.settings.uploads_dir
        uploads.mkdir(parents=True, exist_ok=True)
        target = uploads / f"{stem}.pdf"
        staging = uploads / f".{stem}.pdf.part"
        staging.write_bytes(data)
        try:  # validate fully before the file joins the corpus
            parse_pdf(
                staging, max_pages=self.settings.max_pages, timeout_s=self.settings.parse_timeout_s, max_bytes=limit
            )
        except IngestError as exc:
            staging.unlink(missing_ok=True)
            raise ValueError(f"{name} : {exc.reason}") from None
        staging.replace(target)
        report = self.reindex([target], progress=progress)
        if report.failed:
            raise ValueError("; ".join(report.lines()))
        return report.lines()

    def documents(self) -> list[dict[str, Any]]:
        """Indexed documents with their metadata and consolidation status, for the UI."""
        units = self.retriever.store.units()
        rows = []
        for unit, record in sorted(units.items()):
            info = record.info or {}
            document = str(info.get("document") or unit)
            meta = self.manifest.get(document)
            consolidated = unit != document
            rows.append(
                {
                    "unit": unit,
                    "document": document,
                    "title": meta.title if meta else str(info.get("title", document)),
                    "kind": meta.kind if meta else str(info.get("kind", "document")),
                    "signed": meta.signed if meta else None,
                    "in_force": meta.in_force if meta else None,
                    "amends": meta.amends if meta else None,
                    "pages": meta.pages if meta else info.get("pages"),
                    "chunks": record.chunk_count,
                    "consolidation": "version consolidée"
                    if consolidated
                    else (f"modifie {meta.amends}" if meta and meta.amends else "texte d'origine"),
                }
            )
        return rows

    def is_official(self, document: str) -> bool:
        """Shipped agreements (in the manifest) outrank PDFs uploaded later."""
        return document in self.manifest

    def pdf_path(self, document: str) -> Path:
        info = self.manifest.get(document)
        shipped = self.settings.pdf_dir / (info.file if info and info.file else f"{document}.pdf")
        return shipped if shipped.exists() else self.settings.uploads_dir / f"{document}.pdf"

    def passage_image(
        self, document: str, page: int, quote: str, page_end: int | None = None, crop: bool = True
    ) -> PassageImage:
        """The page of `document` holding `quote`, passage highlighted (cached; see assistant.pages.page_images).

        Raises FileNotFoundError when the PDF is missing, OSError/ValueError when it is unreadable.
        """
        return passage_image(self.pdf_path(document), page, quote, page_end=page_end, crop=crop)
