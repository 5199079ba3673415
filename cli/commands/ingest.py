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


def run(args: argparse.Namespace) -> int:
    from assistant.library import corpus_amendments, corpus_pdfs, index_pdfs, with_partners
    from assistant.settings import get_settings
    from ingest.manifest import info_for, load_manifest
    from knowledge.consolidation.amendments import ConsolidationError
    from knowledge.embedder import EmbedderError
    from knowledge.indexer import IndexBusyError
    from knowledge.store import StoreError

    settings = get_settings()
    if args.data_dir is not None:
        settings = settings.model_copy(update={"data_dir": args.data_dir})
    manifest = load_manifest(settings.manifest_file)
    try:
        amendments = corpus_amendments(settings)
    except ConsolidationError as exc:
        print(f"amendments.json: erreur: {exc}", file=sys.stderr)
        return 1
    given: list[Path] = list(args.pdfs)
    paths = with_partners(given, settings.pdf_dir, manifest, amendments) if given else corpus_pdfs(settings)
    if not paths:  # never prune a whole index because the corpus folder is empty or misplaced
        print(f"aucun PDF à indexer (dossier {settings.pdf_dir})", file=sys.stderr)
        return 1

    def tell(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    try:
        report = index_pdfs(settings, given or None, rebuild=args.rebuild, on_wait=tell)
    except (ConsolidationError, EmbedderError, StoreError, IndexBusyError) as exc:
        print(f"erreur: {exc}", file=sys.stderr)
        return 1

    errors = {e.file: e for e in report.errors}
    by_document: dict[str, list[str]] = {}
    for status in report.statuses:
        by_document.setdefault(status.document, []).append(status.line)
    for path in paths:  # one line per file (two for an agreement and its consolidated view)
        if path.name in errors:
            print(f"{path.name}: erreur: {errors[path.name].reason}")
        for line in by_document.pop(info_for(path, manifest).document, []):
            print(line)
    for lines in by_document.values():
        print("\n".join(lines))
    for unit in report.removed:
        print(f"{unit}: retiré de l'index")
    return 1 if report.failed else 0
