"""The cited page(s) as images, passage highlighted: asked of the assistant, shown here.

Locating the passage and rendering the pages happen in `assistant.pages.page_images` (through
`Assistant.library.passage_images`); this component chooses between the cropped and the whole page,
sizes each image so that the PDF's body text reads at least as large as the interface's own text,
and says why when no image can be shown. A passage running from one page onto the next shows both.
Each image has Streamlit's full-screen button to enlarge it further.
"""

from __future__ import annotations

import logging

import streamlit as st

from assistant.answer import Citation
from assistant.pages.page_images import PassageImage
from ui import backend

log = logging.getLogger(__name__)

TEXT_PX = 17.0  # the PDF's body text on screen, in CSS pixels (the interface's text is 16 px)
FALLBACK_PX_PER_PT = 1.6  # when the passage was not found, no text size is known


def page_images(citation: Citation, crop: bool = True) -> tuple[PassageImage, ...]:
    """The highlighted page(s) for a citation; empty when its PDF cannot be found or read."""
    try:
        return tuple(
            backend.assistant().library.passage_images(
                citation.document, citation.page, citation.quote, citation.page_end, crop=crop
            )
        )
    except FileNotFoundError:
        return ()
    except Exception as exc:  # an unreadable PDF must not break the answer
        log.warning("page rendering failed for %s p. %s: %s", citation.document, citation.page, type(exc).__name__)
        return ()


def page_image(citation: Citation, crop: bool = True) -> PassageImage | None:
    """The first highlighted page for a citation, or None when its PDF cannot be found or read."""
    images = page_images(citation, crop)
    return images[0] if images else None


def display_width(image: PassageImage) -> int | None:
    """CSS width at which the page's body text is `TEXT_PX` high (the column may still narrow it)."""
    if image.width_pt <= 0:
        return None
    scale = TEXT_PX / image.text_pt if image.text_pt > 0 else FALLBACK_PX_PER_PT
    return max(200, round(image.width_pt * scale))


def render_page_image(citation: Citation, key: str) -> None:
    """The *Page entière* toggle and the page image(s) (cropped around the passage unless toggled)."""
    whole = st.toggle("Page entière", key=f"{key}-whole", value=False)
    images = page_images(citation, crop=not whole)
    if not images:
        st.caption("Image de la page indisponible (PDF introuvable ou illisible).")
        return
    if not any(image.found for image in images) and not whole:
        st.caption(
            f"Passage non localisé sur la page {images[0].page} de ce PDF (texte consolidé ou mise en page "
            "particulière) : affichez la page entière pour la consulter."
        )
        return
    for image in images:
        caption = f"Page {image.page}" + ("" if image.found else " — passage non localisé sur la page")
        width = display_width(image)
        st.image(image.png, caption=caption, width=width if width else "stretch")
