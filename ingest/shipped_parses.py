"""Parsed documents shipped with the corpus, so a first start does not run pdfplumber.

With the passage vectors shipped (`knowledge.shipped_vectors`), parsing the five PDFs became most
of a first `ingest`: one pdfplumber child per file, ≈ 9 s on 2 quiet cores and most of the CPU
time left. The result depends only on the file's bytes, its manifest entry and the parser, so it
is computed once and shipped in `corpus/parsed.json.gz`, keyed by

- the SHA-256 of the PDF (the `ParsedDocument.content_hash` a parse computes anyway),
- the `DocumentInfo` the file is parsed with (an upload of the same file, under its own id, misses),
- the parser: the source of the `ingest` modules that turn pages into sections, and the versions
  of pdfplumber and pdfminer.six (a change to any of them misses every key until regenerated).

A miss is never an error: the file is parsed in its isolated child as before. An absent or
damaged file only costs the parsing time. `tests/ingest/test_shipped_parses.py` compares the file
with a fresh parse of the real PDFs, so forgetting to regenerate it fails the tests:

    python -m ingest.shipped_parses          # writes corpus/parsed.json.gz
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, fields
from importlib import metadata
from pathlib import Path
from typing import Any

from ingest.models import DocumentInfo, ParsedDocument, Section

log = logging.getLogger(__name__)

FORMAT = 1
FILE_NAME = "parsed.json.gz"
# The modules whose code decides what a PDF parses into (pipeline: parse_pdf_in_process, visual_title).
PARSER_MODULES = ("models.py", "pdf_reader.py", "pipeline.py", "sections.py", "tables.py", "text_cleaning.py")
PARSER_PACKAGES = ("pdfplumber", "pdfminer.six")
_SECTION_FIELDS = tuple(f.name for f in fields(Section))
_TUPLE_FIELDS = ("path", "paragraph_pages", "trail")


def parser_key() -> str:
    """Identifies the parser: its modules' source and the PDF libraries' versions (no import)."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in PARSER_MODULES:
        digest.update(name.encode())
        digest.update((here / name).read_bytes())
    for package in PARSER_PACKAGES:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{package}=={version}".encode())
    return digest.hexdigest()[:32]


def shipped_file(corpus_dir: Path) -> Path:
    return Path(corpus_dir) / FILE_NAME


def _info_key(info: DocumentInfo) -> str:
    return json.dumps(asdict(info), sort_keys=True, ensure_ascii=False)


def _section(values: dict[str, Any]) -> Section:
    for name in _TUPLE_FIELDS:
        values[name] = tuple(values[name])
    return Section(**values)


class KnownParses:
    """(PDF hash, document info) → parsed document, for the current parser only."""

    def __init__(self, entries: dict[tuple[str, str], dict[str, Any]] | None = None) -> None:
        self._entries = entries or {}
        self.hits = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, content_hash: str, info: DocumentInfo, max_pages: float | None = None) -> ParsedDocument | None:
        """The shipped parse, or None; also None past `max_pages`, so the parser refuses the file as usual."""
        entry = self._entries.get((content_hash, _info_key(info)))
        if entry is None or (max_pages is not None and int(entry.get("page_count", 0)) > max_pages):
            return None
        try:
            sections = tuple(_section(dict(s)) for s in entry["sections"])
            parsed = ParsedDocument(
                info=DocumentInfo(**entry["info"]),
                sections=sections,
                page_count=int(entry["page_count"]),
                content_hash=content_hash,
            )
        except (KeyError, TypeError, ValueError) as exc:  # a damaged entry: parse the file instead
            log.warning("shipped parse of %s unusable (%s); parsing the PDF", info.document, exc)
            return None
        self.hits += 1
        return parsed

    @classmethod
    def load(cls, path: Path) -> KnownParses:
        """The file's parses if they were made by today's parser, else none (never an error)."""
        try:
            with gzip.open(path, "rt", encoding="utf-8") as f:
                data = json.load(f)
            if data.get("format") != FORMAT or data.get("parser") != parser_key():
                log.info("%s: made by another parser; PDFs will be parsed", path)
                return cls()
            entries = {(d["content_hash"], _info_key(DocumentInfo(**d["request"]))): d for d in data["documents"]}
        except FileNotFoundError:
            return cls()
        except Exception as exc:  # damaged: parsing costs time, never the index
            log.warning("%s unreadable (%s); PDFs will be parsed", path, exc)
            return cls()
        return cls(entries)


def write_parses(path: Path, parsed: Sequence[tuple[DocumentInfo, ParsedDocument]]) -> None:
    """Write (atomically) the parses of `parsed`, each under the info it was requested with."""
    documents = [
        {
            "content_hash": doc.content_hash,
            "request": asdict(request),
            "info": asdict(doc.info),
            "page_count": doc.page_count,
            "sections": [{name: getattr(s, name) for name in _SECTION_FIELDS} for s in doc.sections],
        }
        for request, doc in sorted(parsed, key=lambda pair: pair[1].document)
    ]
    payload = {"format": FORMAT, "parser": parser_key(), "documents": documents}
    raw = json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=0).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".gz.tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(gzip.compress(raw, compresslevel=9, mtime=0))  # mtime 0: same input, same bytes
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the file from other users of the corpus
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def main(argv: Sequence[str] | None = None) -> int:
    from ingest.manifest import info_for, load_manifest
    from ingest.pipeline import parse_corpus

    default_corpus = Path(__file__).resolve().parent.parent / "corpus"
    parser = argparse.ArgumentParser(prog="python -m ingest.shipped_parses", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=default_corpus, help="corpus folder (default: %(default)s)")
    args = parser.parse_args(argv)
    manifest = load_manifest(args.corpus / "manifest.json")
    pdfs = sorted((args.corpus / "pdf").glob("*.pdf"))
    docs, errors = parse_corpus(pdfs, manifest)  # always a fresh parse: no known parses given
    if errors:
        raise SystemExit("; ".join(str(e) for e in errors))
    requests = {info_for(p, manifest).document: info_for(p, manifest) for p in pdfs}
    path = shipped_file(args.corpus)
    write_parses(path, [(requests[d.document], d) for d in docs])
    print(f"{path}: {len(docs)} documents, {path.stat().st_size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
