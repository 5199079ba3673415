"""`ccn-assistant ingest [PDF...] [--data-dir DIR] [--rebuild]`: parse and index, incrementally.

Without PDF arguments, the shipped corpus (`corpus/pdf`, described by `corpus/manifest.json`)
is parsed; unchanged documents are left as they are, changed ones replace their passages
atomically, documents gone from the corpus are forgotten. One line per document; a bad file
gets a one-line error and the others go on; the exit code is 1 if any file failed. Two
ingests at once are serialised by a lock in the data directory.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "ingest",
        help="analyser les PDF et mettre à jour l'index (incrémental)",
        description="Analyse les PDF (par défaut le corpus livré) et met à jour l'index de recherche.",
    )
    parser.add_argument("pdfs", nargs="*", type=Path, metavar="PDF", help="fichiers à indexer (défaut: corpus)")
    parser.add_argument("--data-dir", type=Path, default=None, help="dossier des données (défaut: CCN_DATA_DIR)")
    parser.add_argument("--rebuild", action="store_true", help="réindexer même les documents inchangés")
    parser.set_defaults(handler=run)


def _with_partners(pdfs: list[Path], pdf_dir: Path, manifest: dict, amendments: list) -> list[Path]:
    """Add the agreement/avenant files a consolidated view needs, when only one side is given."""
    from ingest.manifest import info_for

    wanted = {info_for(p, manifest).document for p in pdfs}
    extra: list[Path] = []
    for amendment in amendments:
        pair = {amendment.target, amendment.avenant}
        if not pair & wanted:
            continue
        for document in pair - wanted:
            info = manifest.get(document)
            candidate = pdf_dir / (info.file if info and info.file else f"{document}.pdf")
            if candidate.exists():
                extra.append(candidate)
                wanted.add(document)
    return pdfs + extra


def run(args: argparse.Namespace) -> int:
    from assistant.settings import get_settings
    from ingest.manifest import info_for, load_manifest
    from ingest.models import IngestError
    from ingest.pipeline import parse_corpus
    from knowledge.consolidation import ConsolidationError, load_amendments
    from knowledge.embedder import EmbedderError
    from knowledge.factory import open_indexer
    from knowledge.indexer import IndexBusyError, UnitStatus, index_lock, plan_units
    from knowledge.store import StoreError

    settings = get_settings()
    data_dir: Path = args.data_dir or settings.data_dir
    manifest = load_manifest(settings.manifest_file)
    try:
        amendments = load_amendments(settings.corpus_dir / "amendments.json")
    except ConsolidationError as exc:
        print(f"amendments.json: erreur: {exc}", file=sys.stderr)
        return 1
    whole_corpus = not args.pdfs
    pdfs = sorted(settings.pdf_dir.glob("*.pdf")) if whole_corpus else list(args.pdfs)
    if not pdfs:
        print(f"aucun PDF à indexer (dossier {settings.pdf_dir})", file=sys.stderr)
        return 1
    if not whole_corpus:
        pdfs = _with_partners(pdfs, settings.pdf_dir, manifest, amendments)

    def tell(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    try:
        with index_lock(data_dir, on_wait=tell):
            indexer = open_indexer(
                data_dir=data_dir,
                chroma_url=settings.chroma_url,
                collection=settings.collection,
                embedding_backend=settings.embedding_backend,
                embedding_model=settings.embedding_model,
            )
            docs, parse_errors = parse_corpus(
                pdfs, manifest, max_pages=settings.max_pages, timeout_s=settings.parse_timeout_s
            )
            units, plan_errors = plan_units(docs, amendments)
            statuses = indexer.sync(units, rebuild=args.rebuild)
            if whole_corpus:  # documents removed from the corpus leave the index
                present = {info_for(p, manifest).document for p in pdfs}
                for unit in indexer.prune(present):
                    print(f"{unit}: retiré de l'index")
    except (EmbedderError, StoreError, IndexBusyError) as exc:
        print(f"erreur: {exc}", file=sys.stderr)
        return 1

    failed = bool(parse_errors or plan_errors)
    by_file: dict[str, IngestError] = {e.file: e for e in parse_errors}
    by_document: dict[str, list[UnitStatus]] = {}
    for status in [*plan_errors, *statuses]:
        by_document.setdefault(status.document, []).append(status)
    for path in pdfs:
        error = by_file.get(path.name)
        if error is not None:
            print(f"{path.name}: erreur: {error.reason}")
            continue
        for status in by_document.get(info_for(path, manifest).document, []):
            failed |= status.status == "error"
            print(status.line)
    return 1 if failed else 0
