"""The model's phrasing of a retrieval answer, streamed while the reader already has the quoted answer.

A small model on a CPU takes seconds to write an answer. With `Assistant.ask(..., draft=True)` the
assistant returns the extractive answer at once, with a `ModelDraft` attached: a front end shows
the quotes and their sources, then streams the model's text under them as it is written
(`ModelDraft.stream`), and replaces it by the checked text when the model stops
(`ModelDraft.finish`: the citation check and the number guard of `assistant.answering.llm`).

The draft cites passages as [n], the n-th passage it was given. While streaming, each marker is
shown with the number the passage has (or will have) among the answer's citations, so the text
a reader follows and the checked text use the same numbers.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from assistant.answering.citations import CitationBook
from assistant.answering.llm import (
    CheckedDraft,
    answer_chain,
    check_draft,
    format_passages,
)
from assistant.answering.number_guard import allowed_numbers, numbers_in
from assistant.settings import Settings
from knowledge.hybrid import Evidence

log = logging.getLogger(__name__)

Streamer = Callable[[str, Sequence[Evidence]], Iterator[str]]
_OPEN_MARKER = re.compile(r"\[\d*$")  # a marker cut between two streamed pieces


def make_streamer(settings: Settings) -> Streamer | None:
    """A callable (question, passages) → pieces of the draft as the server writes them."""
    chain = answer_chain(settings)
    if chain is None:
        return None

    def stream(question: str, evidence: Sequence[Evidence]) -> Iterator[str]:
        for chunk in chain.stream({"passages": format_passages(evidence), "question": question}):
            content = chunk.content
            if isinstance(content, str) and content:
                yield content

    return stream


@dataclass
class ModelDraft:
    """One pending model answer over `evidence`; `book` is the extractive answer's (numbers shared)."""

    streamer: Streamer
    query: str
    evidence: list[Evidence]
    book: CitationBook
    quoted: str = ""  # the extractive text the draft would replace (the answer may wrap it)
    raw: str = ""
    first_token_s: float | None = None  # seconds from the start of `stream` to the first piece
    total_s: float | None = None
    failed: bool = False
    result: CheckedDraft | None = None
    done: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def stream(self) -> Iterator[str]:
        """The draft as it is written, markers renumbered; ends quietly if the server fails."""
        with self._lock:
            if self.done:
                return
            started = time.perf_counter()
            self.raw, self.first_token_s, self.failed = "", None, False  # a stream cut short starts afresh
            shown = _Renumberer(self.evidence, self.book)
            try:
                for piece in self.streamer(self.query, self.evidence):
                    if self.first_token_s is None:
                        self.first_token_s = time.perf_counter() - started
                    self.raw += piece
                    text = shown.feed(piece)
                    if text:
                        yield text
            except Exception:
                log.warning("language model unavailable while streaming", exc_info=True)
                self.failed = True
            rest = shown.flush()
            if rest:
                yield rest
            self.total_s = time.perf_counter() - started
            self.result = None if self.failed else check_draft(self.raw, self.evidence, self.book)
            self.done = True

    def finish(self) -> CheckedDraft | None:
        """The checked answer (consuming the stream if nobody did); None: keep the quoted answer."""
        for _ in self.stream():
            pass
        return self.result

    def invented_figures(self) -> set[str]:
        """Figures of the raw draft found in none of the passages the model was given."""
        return numbers_in(self.raw) - allowed_numbers(e.chunk.text for e in self.evidence)


class _Renumberer:
    """Rewrites [n] markers of a streamed draft into the book's numbers, holding back a cut marker."""

    def __init__(self, evidence: Sequence[Evidence], book: CitationBook) -> None:
        self._evidence = evidence
        self._known = {c.evidence_id: c.number for c in book.citations()}
        self._next = max(book.numbers, default=0) + 1
        self._assigned: dict[int, int] = {}
        self._pending = ""

    def feed(self, piece: str) -> str:
        text = self._pending + piece
        cut = _OPEN_MARKER.search(text)
        self._pending, text = (text[cut.start() :], text[: cut.start()]) if cut else ("", text)
        return re.sub(r"\[(\d+)\]", self._marker, text)

    def flush(self) -> str:
        text, self._pending = self._pending, ""
        return text

    def _marker(self, match: re.Match[str]) -> str:
        n = int(match.group(1))
        if not 1 <= n <= len(self._evidence):
            return ""  # cites nothing it was given: the checked text drops it too
        if n not in self._assigned:
            evidence_id = self._evidence[n - 1].id
            if evidence_id in self._known:
                self._assigned[n] = self._known[evidence_id]
            else:
                self._assigned[n] = self._known[evidence_id] = self._next
                self._next += 1
        return f"[{self._assigned[n]}]"
