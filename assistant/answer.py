"""The answer object and its JSON contract (read by `shared/eval/score.py` and the UI)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Route = Literal["retrieval", "calculator", "clarify", "refusal"]


@dataclass(frozen=True)
class Citation:
    """A passage the answer relies on, mapped back from a retrieved evidence id."""

    number: int
    evidence_id: str
    document: str
    section: str
    page: int
    quote: str
    title: str = ""
    path: str = ""
    page_end: int | None = None

    def to_contract(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "section": self.section,
            "page": self.page,
            "quote": self.quote,
            "number": self.number,
            "title": self.title,
            "path": self.path,
        }


@dataclass(frozen=True)
class ToolCall:
    name: str
    arguments: dict[str, Any]
    result: dict[str, Any]

    def to_contract(self) -> dict[str, Any]:
        return {"name": self.name, "arguments": self.arguments, "result": self.result}


@dataclass(frozen=True)
class Link:
    """A page of the application the answer points to (relative URL), e.g. the prefilled interview form."""

    label: str
    url: str

    def to_contract(self) -> dict[str, str]:
        return {"label": self.label, "url": self.url}


@dataclass
class Answer:
    question: str
    text: str
    route: Route
    citations: list[Citation] = field(default_factory=list)
    tool_calls: list[ToolCall] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    follow_up: str | None = None
    id: str | None = None
    resolved_question: str | None = None  # the standalone question a follow-up was understood as
    links: list[Link] = field(default_factory=list)
    draft: Any = field(default=None, repr=False, compare=False)  # a pending ModelDraft (answering.streaming)

    def to_contract(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "question": self.question,
            "answer": self.text,
            "route": self.route,
            "citations": [c.to_contract() for c in self.citations],
            "tool_calls": [t.to_contract() for t in self.tool_calls],
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
        }
        if self.follow_up:
            data["follow_up"] = self.follow_up
        if self.resolved_question:
            data["resolved_question"] = self.resolved_question
        if self.links:
            data["links"] = [link.to_contract() for link in self.links]
        return data
