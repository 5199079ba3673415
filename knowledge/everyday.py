"""The everyday glossary: per section of the shipped texts, the words an employee uses for its subject.

Why (issues #13 point 2, #21): an employee names an article's subject in their own words ("la prime quand
je forme un petit nouveau", "le point tous les deux ans avec mon chef"), with no word of the article's
title or text. Neither BM25 (the texts' words) nor the embeddings bridge that gap reliably, so a question
in everyday words was refused or answered from another article. The Code du travail numérique keeps such
vocabulary as data keyed by section, checked by tests and flagged stale when the section changes; this is
the same model.

`knowledge/data/everyday/<document>.jsonl` holds one row per parsed section (keyed by the section's number
and title, as the parser gives them: the CQP sheet's headings are all unnumbered)::

    {"document": ..., "section": ..., "title": ..., "digest": <sha256 of the section's text, 12 hex>,
     "terms": [everyday words and phrases], "questions": [employees' questions this section answers]}

The glossary only FINDS a section (keyword ranking, scope coverage); the quoted answer is always the
section's own text. Rows are written from the texts only (see the folder's README.md).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ingest.models import ParsedDocument

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data" / "everyday"
DIGEST_LENGTH = 12
CONSOLIDATED_SUFFIX = "@consolidated"  # the index's consolidated view of a document glossed as published
_FIELDS = {"document": str, "section": str, "title": str, "digest": str, "terms": list, "questions": list}


class GlossaryError(ValueError):
    """A malformed glossary file: the message names the file and line."""


def section_digest(text: str) -> str:
    """The first 12 hex digits of the SHA-256 of a section's text as the parser produces it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


@dataclass(frozen=True)
class GlossaryRow:
    """The everyday vocabulary of one section."""

    document: str
    section: str
    title: str
    digest: str
    terms: tuple[str, ...]
    questions: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.document, self.section, self.title)

    @property
    def text(self) -> str:
        """What a keyword index reads for the row: its terms, then its questions."""
        return " ; ".join((*self.terms, *self.questions))


def _row(values: object, where: str) -> GlossaryRow:
    if not isinstance(values, dict):
        raise GlossaryError(f"{where}: une ligne doit être un objet JSON")
    for name, kind in _FIELDS.items():
        if not isinstance(values.get(name), kind):
            raise GlossaryError(f"{where}: champ {name!r} absent ou mal typé ({kind.__name__} attendu)")
    for name in ("terms", "questions"):
        items = values[name]
        if not all(isinstance(item, str) and item.strip() for item in items):
            raise GlossaryError(f"{where}: {name!r} ne doit contenir que des textes non vides")
    if not values["terms"] and not values["questions"]:
        raise GlossaryError(f"{where}: ni terme ni question")
    return GlossaryRow(
        document=values["document"],
        section=values["section"],
        title=values["title"],
        digest=values["digest"],
        terms=tuple(t.strip() for t in values["terms"]),
        questions=tuple(q.strip() for q in values["questions"]),
    )


def read_file(path: Path) -> list[GlossaryRow]:
    """The rows of one file, validated (a row of another document than the file's name is an error)."""
    rows: list[GlossaryRow] = []
    seen: set[tuple[str, str, str]] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            values = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GlossaryError(f"{where}: JSON illisible ({exc.msg})") from exc
        row = _row(values, where)
        if row.document != path.stem:
            raise GlossaryError(f"{where}: document {row.document!r} dans le fichier de {path.stem!r}")
        if row.key in seen:
            raise GlossaryError(f"{where}: section {row.section!r} « {row.title} » en double")
        seen.add(row.key)
        rows.append(row)
    return rows


class Glossary:
    """Every row of a folder, looked up by (document, section number[, title])."""

    def __init__(self, rows: Iterable[GlossaryRow]) -> None:
        self.rows: tuple[GlossaryRow, ...] = tuple(rows)
        self._by_section: dict[tuple[str, str], list[GlossaryRow]] = {}
        for row in self.rows:
            self._by_section.setdefault((row.document, row.section), []).append(row)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[GlossaryRow]:
        return iter(self.rows)

    @classmethod
    def load(cls, directory: Path = DATA_DIR) -> Glossary:
        rows: list[GlossaryRow] = []
        for path in sorted(Path(directory).glob("*.jsonl")):
            rows.extend(read_file(path))
        return cls(rows)

    def rows_of(self, document: str, section: str, title: str | None = None) -> list[GlossaryRow]:
        """The rows glossing a section (the consolidated view of a document counts as the document;
        with `title`, only the row of that heading: the CQP sheet's sections share the number "", and the
        consolidated agreement's "10" is the published "9")."""
        document = document.removesuffix(CONSOLIDATED_SUFFIX)
        rows = self._by_section.get((document, section), [])
        if title is not None:  # the consolidated agreement reuses numbers for other subjects ("10")
            wanted = " ".join(title.split())
            return [r for r in rows if " ".join(r.title.split()) == wanted]
        return list(rows)

    def terms_of(self, document: str, section: str, title: str | None = None) -> list[str]:
        return [t for row in self.rows_of(document, section, title) for t in row.terms]

    def questions_of(self, document: str, section: str, title: str | None = None) -> list[str]:
        return [q for row in self.rows_of(document, section, title) for q in row.questions]


def shipped_documents(corpus_dir: Path) -> dict[str, ParsedDocument]:
    """The shipped parse of every text (`corpus/parsed.json.gz`, the parse the index is built from), read
    without checking which parser made it: a row is checked against what is shipped."""
    from ingest.models import DocumentInfo, ParsedDocument, Section

    with gzip.open(corpus_dir / "parsed.json.gz", "rt", encoding="utf-8") as f:
        data = json.load(f)
    docs: dict[str, ParsedDocument] = {}
    for entry in data["documents"]:
        fields: list[dict[str, Any]] = [
            {k: tuple(v) if isinstance(v, list) else v for k, v in s.items()} for s in entry["sections"]
        ]
        sections = tuple(Section(**values) for values in fields)
        info = DocumentInfo(**entry["info"])
        docs[info.document] = ParsedDocument(
            info=info, sections=sections, page_count=int(entry["page_count"]), content_hash=entry["content_hash"]
        )
    return docs


def corpus_digests(corpus_dir: Path) -> dict[tuple[str, str, str], str]:
    """(document, section number, title) → digest of the section's text, for every section of the
    shipped parse and every article version of the consolidated views (the index cites the agreement as
    amended: "10 Contribution…" after the avenant's renumbering). A key present in both keeps the
    published text's digest."""
    return {key: section_digest(text) for key, text in corpus_sections(corpus_dir).items()}


def corpus_sections(corpus_dir: Path) -> dict[tuple[str, str, str], str]:
    """(document, section number, title) → the section's whole text, keyed as the glossary's rows are: every
    section of the shipped parse, then every article version of the consolidated views not already there."""
    from knowledge.consolidation.amendments import load_amendments
    from knowledge.indexer import consolidated_views

    docs = shipped_documents(corpus_dir)
    texts = {(document, s.number, s.title): s.text for document, doc in docs.items() for s in doc.sections}
    amendments_file = corpus_dir / "amendments.json"
    amendments = load_amendments(amendments_file) if amendments_file.exists() else []
    for target, view in consolidated_views(docs, amendments).items():
        for version in view.amended_versions():
            texts.setdefault((target, version.number, version.title), version.text)
    return texts


@lru_cache(maxsize=1)
def shipped_glossary() -> Glossary:
    """The glossary of the shipped texts, read once per process; an unreadable folder gives an empty one
    (the glossary only helps finding, so answering goes on without it), logged as an error."""
    try:
        return Glossary.load(DATA_DIR)
    except (OSError, GlossaryError):
        log.error("everyday glossary unreadable; searching without it", exc_info=True)
        return Glossary(())
