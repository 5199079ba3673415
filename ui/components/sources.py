"""The sources of one answer: for each citation, the document, its section path, the page(s) and the
passage, highlighted on an image of the PDF page. Shown under the answer they belong to."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

import streamlit as st

from assistant.answer import Citation
from ui.components.page_image import render_page_image
from ui.components.text import blockquote, citation_badge, escape_markdown


def pages_label(citation: Citation) -> str:
    if citation.page_end and citation.page_end != citation.page:
        return f"pages {citation.page} à {citation.page_end}"
    return f"page {citation.page}"


def source_count(citations: Sequence[Citation]) -> int:
    return len({c.number for c in citations})


def sources_label(citations: Sequence[Citation]) -> str:
    count = source_count(citations)
    return f"Sources de cette réponse ({count})" if count > 1 else "Source de cette réponse"


def render_citation(citation: Citation, key: str, *, show_image: bool = True) -> None:
    """One source card: number (as in the answer's text), document title, section path, page, passage, image."""
    with st.container(border=True):
        title = escape_markdown(citation.title or citation.document)
        st.markdown(f"{citation_badge(citation.number)} **{title}**")
        where = citation.path or citation.section
        st.caption(f"{escape_markdown(where)} · {pages_label(citation)}")
        st.markdown(blockquote(citation.quote))
        if show_image:
            render_page_image(citation, key)


def render_sources(citations: Sequence[Citation], key: str, *, show_images: bool = True) -> None:
    """All citations of an answer, grouped by number (a consolidated passage may cite two texts)."""
    if not citations:
        st.caption("Cette réponse ne cite aucun passage.")
        return
    ordered = sorted(citations, key=lambda c: c.number)
    for number, group in groupby(ordered, key=lambda c: c.number):
        for index, citation in enumerate(group):
            render_citation(citation, f"{key}-{number}-{index}", show_image=show_images)
