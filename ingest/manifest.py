"""The corpus manifest: one entry per shipped document (id, title, kind, dates, what it amends)."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.models import DocumentInfo

_FIELDS = {f for f in DocumentInfo.__dataclass_fields__}


def load_manifest(path: Path) -> dict[str, DocumentInfo]:
    """Read `manifest.json`; a missing file gives an empty manifest (PDFs are then self-described)."""
    if not path.exists():
        return {}
    entries = json.loads(path.read_text(encoding="utf-8"))
    infos: dict[str, DocumentInfo] = {}
    for entry in entries:
        document = entry.get("document") or Path(entry["file"]).stem
        values = {k: v for k, v in entry.items() if k in _FIELDS}
        values["document"] = document
        values.setdefault("title", document)
        infos[document] = DocumentInfo(**values)
    return infos


def info_for(path: Path, manifest: dict[str, DocumentInfo]) -> DocumentInfo:
    """The manifest entry of a PDF, or a minimal one named after the file for uploads."""
    document = path.stem
    return manifest.get(document) or DocumentInfo(document=document, title=document, kind="document", file=path.name)
