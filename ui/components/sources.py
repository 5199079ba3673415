"""The sources panel: for each citation, the document, its section path, the page and the passage,
highlighted on an image of the PDF page."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from itertools import groupby
from pathlib import Path

import streamlit as st

from assistant.answer import Citation
from ui import backend
from ui.components.page_image import PassageImage, render_passage
from ui.components.text import blockquote, citation_badge, escape_markdown

log = logging.getLogger(__name__)


@st.cache_data(show_spinner=False, max_entries=256)
def _passage_image(path: str, mtime: float, page: int, page_end: int | None, quote: str, crop: bool) -> PassageImage:
    """Cached by file, modification time, page and quote: each page is rendered once per process."""
    del mtime  # part of the cache key only
    return render_passage(Path(path), page, quote, page_end=page_end, crop=crop)


def page_image(citation: Citation, crop: bool = True) -> PassageImage | None:
    """The highlighted page for a citation, or None when its PDF cannot be found or read."""
    try:
        path = backend.assistant().pdf_path(citation.document)
        if not path.is_file():
            return None
        return _passage_image(str(path), path.stat().st_mtime, citation.page, citation.page_end, citation.quote, crop)
    except Exception as exc:  # an unreadable PDF must not break the answer
        log.warning("page rendering failed for %s p. %s: %s", citation.document, citation.page, type(exc).__name__)
        return None


def _pages(citation: Citation) -> str:
    if citation.page_end and citation.page_end != citation.page:
        return f"pages {citation.page} à {citation.page_end}"
    return f"page {citation.page}"


def render_citation(citation: Citation, key: str, *, show_image: bool = True) -> None:
    """One source card: number, document title, section path, page, passage, page image."""
    with st.container(border=True):
        title = escape_markdown(citation.title or citation.document)
        st.markdown(f"{citation_badge(citation.number)} **{title}**")
        where = citation.path or citation.section
        st.caption(f"{escape_markdown(where)} · {_pages(citation)}")
        st.markdown(blockquote(citation.quote))
        if not show_image:
            return
        whole = st.toggle("Page entière", key=f"{key}-whole", value=False)
        image = page_image(citation, crop=not whole)
        if image is None:
            st.caption("Image de la page indisponible (PDF introuvable ou illisible).")
            return
        if not image.found and not whole:
            st.caption(
                f"Passage non localisé sur la page {image.page} de ce PDF (texte consolidé ou mise en page "
                "particulière) : affichez la page entière pour la consulter."
            )
            return
        caption = f"Page {image.page}" + ("" if image.found else " — passage non localisé sur la page")
        st.image(image.png, caption=caption, width="stretch")


def render_sources(citations: Sequence[Citation], key: str, *, show_images: bool = True) -> None:
    """All citations of an answer, grouped by number (a consolidated passage may cite two texts)."""
    if not citations:
        st.caption("Cette réponse ne cite aucun passage.")
        return
    ordered = sorted(citations, key=lambda c: c.number)
    for number, group in groupby(ordered, key=lambda c: c.number):
        for index, citation in enumerate(group):
            render_citation(citation, f"{key}-{number}-{index}", show_image=show_images)
