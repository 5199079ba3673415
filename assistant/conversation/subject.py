"""What a conversation is about, in its own module so that both the resolution of a follow-up
(`followups`) and the back-references to earlier turns (`backrefs`) can build one."""

from __future__ import annotations

from dataclasses import dataclass

from text.folding import same_length


@dataclass(frozen=True)
class Subject:
    """What a conversation is about: "Pro-A" (named in a question), "la Pro-A" (in an answer)."""

    name: str
    display: str
    topic: str
    span: tuple[int, int] = (0, 0)

    def same_as(self, other: Subject | None) -> bool:
        return other is not None and same_length(self.name) == same_length(other.name)
