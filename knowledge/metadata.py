"""The index's storage format, shared by its writer (`indexer`) and its readers (`hybrid`).

What one passage looks like in the store: the text that is embedded and keyword-indexed
(`index_text`), dates as sortable integers (`date_key`, with `NO_DATE` for "since always" and
`OPEN_END` for "still in force"), and the default collection name. The writer and the readers
both import from here, so neither depends on the other for the format.
"""

from __future__ import annotations

from datetime import date

from ingest.models import Chunk

COLLECTION = "ccn218"  # default Chroma collection base name (the embedder's name is appended)
NO_DATE = 0
OPEN_END = 99991231
CONSOLIDATED_SUFFIX = "@consolidated"  # unit name of an agreement's consolidated view


def date_key(value: date | str | None, default: int = NO_DATE) -> int:
    """2022-10-11 → 20221011 (Chroma filters compare numbers, not strings)."""
    if value is None or value == "":
        return default
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return value.year * 10000 + value.month * 100 + value.day


def index_text(chunk: Chunk) -> str:
    """What is embedded and keyword-indexed: heading path, section title, passage.

    `Chunk.context_text` carries the path ("Titre III › Article 8") but not the section's
    title ("Garantie individuelle d'accès à la formation professionnelle"), which is often the
    best match for a question, so the title is added when the path lacks it.
    """
    title = chunk.section_title.strip()
    if title and title not in chunk.section_path:
        head = f"{chunk.section_path} › {title}" if chunk.section_path else title
        return f"{head}\n{chunk.text}"
    return chunk.context_text
