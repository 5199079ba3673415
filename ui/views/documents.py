"""Documents: the indexed agreements with their metadata and consolidation status; PDF upload."""

from __future__ import annotations

import logging
from typing import Any

import streamlit as st

from ui import backend
from ui.components.calc_result import french_date
from ui.components.text import escape_markdown

log = logging.getLogger(__name__)

KINDS = {
    "accord": "Accord",
    "avenant": "Avenant",
    "fiche": "Fiche",
    "circulaire": "Circulaire",
    "modele": "Modèle",
    "document": "Document",
}
UPLOAD_STATUS = "documents_upload_status"


def _rows(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    titles = {str(d.get("document")): str(d.get("title") or d.get("document")) for d in documents}
    rows = []
    for doc in documents:
        consolidation = str(doc.get("consolidation") or "—")
        for document, title in titles.items():  # "modifie accord-2019-…" → the amended text's title
            consolidation = consolidation.replace(document, f"« {title} »")
        rows.append(
            {
                "Titre": doc.get("title") or doc.get("document"),
                "Consolidation": consolidation,
                "Nature": KINDS.get(str(doc.get("kind")), str(doc.get("kind") or "")),
                "Signé le": french_date(str(doc["signed"])) if doc.get("signed") else "—",
                "En vigueur le": french_date(str(doc["in_force"])) if doc.get("in_force") else "—",
                "Pages": doc.get("pages"),
                "Passages": doc.get("chunks"),
                "Identifiant": doc.get("document"),
            }
        )
    return rows


COLUMNS = {
    "Titre": st.column_config.TextColumn(width="large"),
    "Consolidation": st.column_config.TextColumn(width="medium"),
    "Nature": st.column_config.TextColumn(width="small"),
    "Pages": st.column_config.NumberColumn(width="small"),
    "Passages": st.column_config.NumberColumn(width="small", help="passages indexés"),
}


def _ingest(name: str, data: bytes) -> None:
    bar = st.progress(0.0, text="Vérification du fichier…")

    def progress(message: str, fraction: float) -> None:
        bar.progress(min(max(float(fraction), 0.0), 1.0), text=message)

    try:
        lines = backend.assistant().library.ingest_upload(name, data, progress=progress)
    except ValueError as exc:
        bar.empty()
        st.session_state[UPLOAD_STATUS] = ("error", str(exc))
        return
    except Exception as exc:
        bar.empty()
        log.error("upload failed: %s", type(exc).__name__, exc_info=True)
        st.session_state[UPLOAD_STATUS] = ("error", f"Erreur inattendue pendant l'indexation ({type(exc).__name__}).")
        return
    bar.progress(1.0, text="Indexation terminée")
    st.session_state[UPLOAD_STATUS] = ("success", "\n".join(lines) or f"{name} : indexé.")


st.title("Documents indexés")
try:
    documents = backend.assistant().library.documents()
except Exception as exc:
    log.error("documents listing failed: %s", type(exc).__name__, exc_info=True)
    st.error("Impossible de lire l'index des documents. Relancez l'ingestion (`ccn-assistant ingest`).")
    documents = []

if documents:
    st.dataframe(_rows(documents), hide_index=True, width="stretch", column_config=COLUMNS)
    total = sum(int(d.get("chunks") or 0) for d in documents)
    texts = len({d.get("document") for d in documents})
    views = len(documents) - texts
    extra = f" (dont {views} en version consolidée)" if views > 0 else ""
    plural = "s" if texts > 1 else ""
    st.caption(f"{texts} texte{plural} indexé{plural}{extra}, {total} passages.")
else:
    st.info("Aucun document indexé pour l'instant.")

st.subheader("Ajouter un accord")
limit = backend.settings().max_upload_mb
st.caption(
    f"PDF texte (non scanné) de {limit} Mo au plus. Le fichier est vérifié puis découpé en sections et indexé ; "
    "un avenant est rapproché du texte qu'il modifie lorsque le manifeste le décrit."
)
uploaded = st.file_uploader("Fichier PDF", type=["pdf"], key="documents_upload", max_upload_size=limit)
if uploaded is not None and st.button("Indexer ce document", type="primary", icon=":material/upload_file:"):
    _ingest(uploaded.name, uploaded.getvalue())

status = st.session_state.get(UPLOAD_STATUS)
if status:
    kind, message = status
    if kind == "error":
        st.error(f"Fichier refusé : {escape_markdown(message)}", icon=":material/error:")
    else:
        st.success("Document indexé.", icon=":material/check_circle:")
        st.code(message, language=None, wrap_lines=True)
