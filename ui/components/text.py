"""Text that goes through `st.markdown` safely: passages, questions and answers render as text.

Passages come from PDFs and questions from users, so neither may be interpreted: HTML is never
allowed (`unsafe_allow_html` is not used anywhere in `ui/`), and Markdown syntax — links, images,
emphasis, LaTeX (`$`), Streamlit's `:color[...]` directives — is escaped. The assistant's answers
are plain text with "- " list lines and `[n]` citation markers; `answer_markdown` keeps the lists
and turns the markers into badges, and escapes everything else.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
_MARKER = re.compile(r"\[(\d+)\]")
_BULLET = re.compile(r"^\s*[-–•]\s+")


def escape_markdown(text: str) -> str:
    """`text` as literal Markdown: every ASCII punctuation Markdown or Streamlit interprets is escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def citation_badge(number: int | str) -> str:
    return f":blue-badge[{number}]"


def with_badges(line: str) -> str:
    """One line escaped, its `[n]` markers shown as citation badges."""
    parts = _MARKER.split(line)
    out = []
    for index, part in enumerate(parts):
        out.append(citation_badge(part) if index % 2 else escape_markdown(part))
    return "".join(out)


def answer_markdown(text: str) -> str:
    """An answer's text as Markdown: paragraphs and "- " lists kept, markers as badges, rest escaped."""
    blocks: list[str] = []
    for raw in text.strip().splitlines():
        line = raw.rstrip()
        if not line.strip():
            blocks.append("")
            continue
        bullet = _BULLET.match(line)
        if bullet:
            blocks.append("- " + with_badges(line[bullet.end() :]))
        else:
            if blocks and blocks[-1].startswith("- "):
                blocks.append("")
            blocks.append(with_badges(line) + "  ")
    return "\n".join(blocks).strip()


def blockquote(text: str) -> str:
    """A passage as an escaped Markdown blockquote, its paragraphs kept."""
    lines = [escape_markdown(line.strip()) for line in text.strip().splitlines()]
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def markers(text: str) -> list[int]:
    return [int(n) for n in _MARKER.findall(text)]
