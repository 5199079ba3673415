"""Skills: answers a front end plugs into the assistant, tried before the router.

Why: some answers belong to a package above the assistant — the interview preparation sheet is built
by `interview`, which imports the assistant, so the assistant may not import it back (the layering
rules of docs/ARCHITECTURE.md). The front ends (UI, CLI) register such a skill on the assistant
(`Assistant(settings, skills=[...])` or `Assistant.add_skill`); the assistant only knows this
Protocol.

A skill reads the question (already cleaned of injected instructions) and either declines (None) or
returns a `SkillReply`: the articles it applied, the calculator calls it made, links, and a function
that writes the text once the assistant has numbered the citations of those articles (so the citations
map to retrieved passages exactly as a calculator answer's do).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from assistant.answer import Link, Route, ToolCall
from calculators.result import Reference

Cite = Callable[[Reference], int | None]  # the citation number of an article, None if no passage found


@dataclass
class SkillReply:
    """What a skill answers: `compose(cite)` writes the text with `[n]` markers for `references`."""

    compose: Callable[[Cite], str]
    references: list[Reference] = field(default_factory=list)
    tool_calls: list[ToolCall] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    route: Route = "calculator"
    query: str = ""  # what to search the articles' passages with (default: the question)


class Skill(Protocol):
    """A pluggable answer: `name` identifies it (registering twice is a no-op)."""

    name: str

    def reply(self, question: str, today: date) -> SkillReply | None:
        """The answer to `question`, or None to let the router answer it."""
        ...
