"""`ccn-assistant sections DOCUMENT [--json]`: show the parsed structure of one document.

Anyone can check what ingestion understood: number, title, pages and the first words of each
section, without building an index.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "sections",
        help="afficher la structure analysée d'un document (articles, pages)",
        description="Affiche les sections d'un document du corpus (ou d'un fichier PDF).",
    )
    parser.add_argument("document", help="identifiant du document (nom du PDF sans .pdf) ou chemin d'un PDF")
    parser.add_argument("--json", action="store_true", help="sortie JSON complète (texte inclus)")
    parser.set_defaults(handler=run)


def resolve_pdf(document: str, pdf_dir: Path) -> Path:
    candidate = Path(document)
    if candidate.suffix.lower() == ".pdf" and candidate.exists():
        return candidate
    return pdf_dir / f"{document.removesuffix('.pdf')}.pdf"


def run(args: argparse.Namespace) -> int:
    from assistant.settings import get_settings
    from ingest.manifest import info_for, load_manifest
    from ingest.models import IngestError
    from ingest.pipeline import parse_pdf

    settings = get_settings()
    path = resolve_pdf(args.document, settings.pdf_dir)
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in settings.pdf_dir.glob("*.pdf")))
        print(f"Document introuvable : {args.document}. Documents disponibles : {known}", file=sys.stderr)
        return 2
    try:
        parsed = parse_pdf(
            path,
            info_for(path, load_manifest(settings.manifest_file)),
            max_pages=settings.max_pages,
            timeout_s=settings.parse_timeout_s,
        )
    except IngestError as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 1
    if args.json:
        payload = {
            "document": parsed.document,
            "title": parsed.info.title,
            "pages": parsed.page_count,
            "sections": [
                {
                    "number": s.number,
                    "title": s.title,
                    "label": s.label,
                    "path": s.path_label,
                    "page_start": s.page_start,
                    "page_end": s.page_end,
                    "has_table": s.has_table,
                    "text": s.text,
                }
                for s in parsed.sections
            ],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    print(f"{parsed.info.title} — {parsed.page_count} pages, {len(parsed.sections)} sections")
    for s in parsed.sections:
        pages = f"p. {s.page_start}" if s.page_start == s.page_end else f"p. {s.page_start}-{s.page_end}"
        first = " ".join(s.text.split()[:12])
        print(f"{s.number or '·':>10}  {s.title[:60]:<60}  {pages:<9} {first}…")
    return 0
