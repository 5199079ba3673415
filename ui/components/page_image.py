"""The cited page as an image, passage highlighted: asked of the assistant, shown here.

Locating the passage and rendering the page happen in `assistant.pages.page_images` (through
`Assistant.passage_image`); this component only chooses between the cropped and the whole page
and says why when no image can be shown.
"""

from __future__ import annotations

import logging

import streamlit as st

from assistant.answer import Citation
from assistant.pages.page_images import PassageImage
from ui import backend

log = logging.getLogger(__name__)


def page_image(citation: Citation, crop: bool = True) -> PassageImage | None:
    """The highlighted page for a citation, or None when its PDF cannot be found or read."""
    try:
        return backend.assistant().library.passage_image(
            citation.document, citation.page, citation.quote, citation.page_end, crop=crop
        )
    except FileNotFoundError:
        return None
    except Exception as exc:  # an unreadable PDF must not break the answer
        log.warning("page rendering failed for %s p. %s: %s", citation.document, citation.page, type(exc).__name__)
        return None


def render_page_image(citation: Citation, key: str) -> None:
    """The *Page entière* toggle and the page image (cropped around the passage unless toggled)."""
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
