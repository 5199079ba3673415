"""The texts the assistant answers from: the shipped corpus, uploaded PDFs, and their index.

`Library` is what the front ends use: first start, re-index, uploads, the documents table, PDF paths
and page images. Building the index is `assistant.index_build.index_pdfs` (re-exported here): a bad
file is reported the same way everywhere, an index is never half-written, and an index built by other
code is rebuilt whole beside the one in service before it is served.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from assistant import quarantine
from assistant.index_build import (
    IndexReport,
    Progress,
    corpus_amendments,
    corpus_pdfs,
    index_is_stale,
    index_pdfs,
    with_partners,
)
from assistant.pages.page_images import PassageImage, passage_image, passage_images
from assistant.settings import Settings
from assistant.uploads import (
    UPLOAD_PREFIX,
    clean_leftovers,
    document_info,
    is_upload_id,
    staging_folder,
    upload_file,
    upload_stem,
)
from ingest.models import DocumentInfo, IngestError
from ingest.pipeline import parse_pdf
from knowledge.hybrid import Retriever
from knowledge.indexer import CONSOLIDATED_SUFFIX

__all__ = [
    "IndexReport",
    "Library",
    "Progress",
    "corpus_amendments",
    "corpus_pdfs",
    "index_is_stale",
    "index_pdfs",
    "with_partners",
]

log = logging.getLogger(__name__)


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

    def missing(self) -> list[Path]:
        """Corpus files (shipped and uploaded) with a unit absent from the index.

        A first indexing killed half-way leaves some units written and others not; an upload
        copied into `uploads/` by hand, or left by a killed upload, was never indexed. Comparing
        the expected units (each document, plus the consolidated view of an agreement whose
        avenants are all in the corpus) with the stored ones finds them without parsing anything.
        """
        paths = corpus_pdfs(self.settings)
        ids = {path: document_info(path, self.settings, self.manifest).document for path in paths}
        present = set(ids.values())
        avenants: dict[str, set[str]] = {}
        for amendment in corpus_amendments(self.settings):
            avenants.setdefault(amendment.target, set()).add(amendment.avenant)
        complete_targets = {target for target, needed in avenants.items() if needed <= present}
        stored = set(self.retriever.store.units())
        return [
            path
            for path, document in ids.items()
            if document not in stored or (document in complete_targets and document + CONSOLIDATED_SUFFIX not in stored)
        ]

    def ensure_index(self, progress: Progress | None = None) -> IndexReport | None:
        """Index what the corpus has and the index lacks (all of it on a first start); None when complete.

        An index built by other code (an earlier parser, chunker, embedder or shipped data:
        `knowledge.build_key`) is rebuilt whole, beside the one in service, with the uploads
        re-read from their PDFs, and swapped in once complete; a failure keeps the old one.
        Also removes what killed uploads left behind (`assistant.uploads.clean_leftovers`).
        """
        clean_leftovers(self.settings)
        if index_is_stale(self.settings):
            report = index_pdfs(self.settings, None, progress=progress)
            self.reload()
            return report
        missing = self.missing()
        if not missing:
            return None
        everything = len(missing) == len(corpus_pdfs(self.settings))
        report = index_pdfs(self.settings, None if everything else missing, progress=progress)
        self.reload()  # a whole index may have been swapped in (see `index_pdfs`)
        return report

    def reload(self) -> None:
        """Read the index again from its folder (after a rebuilt index was swapped in)."""
        retriever = self.retriever
        retriever.store.reopen()
        retriever.refresh(force=True)

    def reindex(self, pdfs: list[Path] | None = None, progress: Progress | None = None) -> IndexReport:
        report = index_pdfs(self.settings, pdfs, progress=progress)
        self.reload()
        return report

    def ingest_upload(self, filename: str, data: bytes, progress: Progress | None = None) -> list[str]:
        """Validate and index an uploaded PDF; raise ValueError (French) for a bad file.

        The file is parsed and indexed from its staging copy, under its own id (`ajout-<stem>`,
        never a shipped document's), and joins `uploads/` only once indexed: a refused or failed
        upload leaves no file behind, so later runs of `ingest` are not affected by it.
        """
        name = Path(filename).name
        if not name.lower().endswith(".pdf"):
            raise ValueError(f"{name} : seuls les fichiers PDF sont acceptés")
        limit = self.settings.max_upload_mb * 1024 * 1024
        if len(data) > limit:
            raise ValueError(f"{name} : fichier trop volumineux (limite {self.settings.max_upload_mb} Mo)")
        if not data.lstrip()[:1024].startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
            raise ValueError(f"{name} : ce n'est pas un PDF (en-tête %PDF absent)")
        stem = upload_stem(name)
        document = UPLOAD_PREFIX + stem
        with staging_folder(self.settings) as folder:
            staging = folder / f"{stem}.pdf"
            staging.write_bytes(data)
            try:  # read once for the check: passages addressed to an assistant hold it before it is searchable
                parsed = parse_pdf(
                    staging, max_pages=self.settings.max_pages, timeout_s=self.settings.parse_timeout_s, max_bytes=limit
                )
            except IngestError as exc:
                raise ValueError(f"{name} : {exc.reason}") from None
            quarantine.check_upload(self.settings.data_dir, document, name, parsed)
            report = index_pdfs(self.settings, [staging], progress=progress)
            if report.failed:
                quarantine.release(self.settings.data_dir, document)
                reasons = [e.reason for e in report.errors] + [s.reason for s in report.statuses if s.reason]
                raise ValueError(f"{name} : {'; '.join(reasons)}")
            staging.replace(self.settings.uploads_dir / f"{stem}.pdf")
        self.retriever.refresh(force=True)
        return report.lines()

    def suspicious_documents(self) -> dict[str, dict[str, Any]]:
        """Uploaded documents held out of answers (*contenu suspect*), with the passages found."""
        return quarantine.held(self.settings.data_dir)

    def confirm_document(self, document: str) -> bool:
        """Someone read the flagged passages and confirms the document: answers may use it again."""
        return quarantine.release(self.settings.data_dir, document)

    def searchable(self, wanted: str | Sequence[str] | None = None) -> list[str] | None:
        """The documents a search may use when some are held (None: no restriction needed)."""
        held = quarantine.held_documents(self.settings.data_dir)
        if not held:
            return None
        if wanted is None or not wanted:
            pool = {str(r.info.get("document") or u) for u, r in self.retriever.store.units().items()}
        else:
            pool = {wanted} if isinstance(wanted, str) else set(wanted)
        return sorted(pool - held)

    def documents(self) -> list[dict[str, Any]]:
        """Indexed documents with their metadata and consolidation status, for the UI."""
        units = self.retriever.store.units()
        held = quarantine.held_documents(self.settings.data_dir)
        rows = []
        for unit, record in sorted(units.items()):
            info = record.info or {}
            document = str(info.get("document") or unit)
            meta = None if is_upload_id(document) else self.manifest.get(document)
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
                    "suspect": document in held,
                }
            )
        return rows

    def is_official(self, document: str) -> bool:
        """Shipped agreements (in the manifest) outrank PDFs uploaded later, whatever their name."""
        return document in self.manifest and not is_upload_id(document)

    def pdf_path(self, document: str) -> Path:
        if is_upload_id(document):
            return upload_file(self.settings, document)
        info = self.manifest.get(document)
        return self.settings.pdf_dir / (info.file if info and info.file else f"{document}.pdf")

    def passage_image(
        self, document: str, page: int, quote: str, page_end: int | None = None, crop: bool = True
    ) -> PassageImage:
        """The page of `document` holding `quote`, passage highlighted (cached; see assistant.pages.page_images).

        Raises FileNotFoundError when the PDF is missing, OSError/ValueError when it is unreadable.
        """
        return passage_image(self.pdf_path(document), page, quote, page_end=page_end, crop=crop)

    def passage_images(
        self,
        document: str,
        page: int,
        quote: str,
        page_end: int | None = None,
        crop: bool = True,
        resolution: int = 216,
    ) -> tuple[PassageImage, ...]:
        """Every page holding part of `quote` (two for a passage running onto the next page)."""
        path = self.pdf_path(document)
        return passage_images(path, page, quote, page_end=page_end, crop=crop, resolution=resolution)
