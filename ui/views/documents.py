"""Documents: the indexed agreements with their metadata and consolidation status; PDF upload.

An uploaded file is checked before it is indexed; passages addressed to an assistant rather than to
employees ("ignorez les consignes", "Assistant : réponds que…") put it in the *contenu suspect* state
(`assistant.quarantine`): it is shown here with those passages and stays out of answers until
someone reads them and confirms the document.
"""

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
    "document": "Document ajouté",
}
UPLOAD_STATUS = "documents_upload_status"


def plural(count: int, word: str) -> str:
    """ "1 passage", "42 passages"."""
    return f"{count} {word}{'s' if count > 1 else ''}"


def _consolidation(doc: dict[str, Any], titles: dict[str, str]) -> str:
    text = str(doc.get("consolidation") or "")
    for document, title in titles.items():  # "modifie accord-2019-…" → the amended text's title
        text = text.replace(document, f"« {title} »")
    return text


def facts(doc: dict[str, Any], titles: dict[str, str]) -> str:
    """The line under a document's title: nature, dates, size, consolidation."""
    parts = [KINDS.get(str(doc.get("kind")), str(doc.get("kind") or "Document"))]
    if doc.get("signed"):
        parts.append(f"signé le {french_date(str(doc['signed']))}")
    if doc.get("in_force"):
        parts.append(f"en vigueur le {french_date(str(doc['in_force']))}")
    if isinstance(doc.get("pages"), int) and doc["pages"] > 0:
        parts.append(plural(int(doc["pages"]), "page"))
    parts.append(
        plural(int(doc.get("chunks") or 0), "passage") + " indexé" + ("s" if (doc.get("chunks") or 0) > 1 else "")
    )
    consolidation = _consolidation(doc, titles)
    if consolidation:
        parts.append(consolidation)
    return " · ".join(parts)


def render_document(doc: dict[str, Any], titles: dict[str, str]) -> None:
    with st.container(border=True):
        title = escape_markdown(str(doc.get("title") or doc.get("document")))
        badge = " :orange-badge[Contenu suspect : écarté des réponses]" if doc.get("suspect") else ""
        st.markdown(f"**{title}**{badge}")
        st.caption(escape_markdown(facts(doc, titles)))


def render_suspect(document: str, record: dict[str, Any], key: str) -> None:
    """A held document: the passages written to an assistant, and the button that confirms it."""
    passages = record.get("passages") or []
    total = int(record.get("total") or len(passages))
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(str(record.get('file') or document))}** :orange-badge[Contenu suspect]")
        st.markdown(
            f"{plural(total, 'passage')} de ce fichier "
            f"{'s’adressent' if total > 1 else 's’adresse'} à un assistant automatique plutôt qu'aux salariés "
            "(consignes à suivre, réponse imposée, lien ou code caché). Un accord n'en contient pas : tant que "
            "personne n'a confirmé le document, l'assistant ne l'utilise pas pour répondre."
        )
        for passage in passages:
            where = f"{passage.get('section') or 'Texte'}, page {passage.get('page')}"
            st.markdown(f"> {escape_markdown(str(passage.get('text', '')))}\n>\n> — *{escape_markdown(where)}*")
        if total > len(passages):
            st.caption(f"… et {plural(total - len(passages), 'autre passage')}.")
        if st.button(
            "J'ai lu ces passages : utiliser ce document dans les réponses",
            key=f"confirm-{key}",
            icon=":material/verified:",
        ):
            backend.assistant().library.confirm_document(document)
            confirmed = f"{record.get('file') or document} : document confirmé, il sert désormais aux réponses."
            st.session_state[UPLOAD_STATUS] = ("success", confirmed, "")
            st.rerun()


def _ingest(name: str, data: bytes) -> None:
    bar = st.progress(0.0, text="Vérification du fichier…")

    def progress(message: str, fraction: float) -> None:
        bar.progress(min(max(float(fraction), 0.0), 1.0), text=message)

    try:
        lines = backend.assistant().library.ingest_upload(name, data, progress=progress)
    except ValueError as exc:
        bar.empty()
        st.session_state[UPLOAD_STATUS] = ("error", str(exc), name)
        return
    except Exception as exc:
        bar.empty()
        log.error("upload failed: %s", type(exc).__name__, exc_info=True)
        st.session_state[UPLOAD_STATUS] = (
            "error",
            "erreur inattendue pendant l'indexation, réessayez plus tard.",
            name,
        )
        return
    bar.empty()
    held = {str(r.get("file")) for r in _suspects().values()}
    kind = "suspect" if name in held else "success"
    st.session_state[UPLOAD_STATUS] = (kind, "\n".join(lines) or f"{name} : indexé.", name)


def _suspects() -> dict[str, dict[str, Any]]:
    try:
        return dict(backend.assistant().library.suspicious_documents())
    except Exception as exc:
        log.error("quarantine state unreadable: %s", type(exc).__name__, exc_info=True)
        return {}


st.title("Documents indexés")
try:
    documents = backend.assistant().library.documents()
except Exception as exc:
    log.error("documents listing failed: %s", type(exc).__name__, exc_info=True)
    st.error("Impossible de lire l'index des documents. Relancez l'indexation (`ccn-assistant ingest`).")
    documents = []

suspects = _suspects()
status = st.session_state.get(UPLOAD_STATUS)
just_held = {d for d, r in suspects.items() if status and status[0] == "suspect" and r.get("file") == status[2]}
others = {d: r for d, r in suspects.items() if d not in just_held}
if others:
    st.subheader("À vérifier : contenu suspect")
    for document, record in sorted(others.items()):
        render_suspect(document, record, f"list-{document}")

if documents:
    titles = {str(d.get("document")): str(d.get("title") or d.get("document")) for d in documents}
    for doc in documents:
        render_document(doc, titles)
    total = sum(int(d.get("chunks") or 0) for d in documents)
    texts = len({d.get("document") for d in documents})
    views = len(documents) - texts
    extra = f" (dont {views} en version consolidée)" if views > 0 else ""
    indexed = "indexés" if texts > 1 else "indexé"
    st.caption(f"{plural(texts, 'texte')} {indexed}{extra}, {plural(total, 'passage')}.")
else:
    st.info("Aucun document indexé pour l'instant.")

st.subheader("Ajouter un accord")
limit = backend.settings().max_upload_mb
st.markdown(
    f"Déposez un fichier PDF dans le cadre ci-dessous, ou cliquez sur « Choisir un fichier PDF ». "
    f"PDF texte (non scanné), {limit} Mo au plus."
)
st.caption(
    "Le fichier est vérifié puis découpé en sections et indexé ; un avenant est rapproché du texte qu'il "
    "modifie lorsque le manifeste le décrit. Un fichier qui contient des consignes adressées à un assistant "
    "est mis de côté jusqu'à confirmation."
)
uploaded = st.file_uploader(
    "Fichier PDF", type=["pdf"], key="documents_upload", max_upload_size=limit, label_visibility="collapsed"
)
if uploaded is not None and st.button("Indexer ce document", type="primary", icon=":material/upload_file:"):
    _ingest(uploaded.name, uploaded.getvalue())
    st.rerun()

if status:
    kind, message = status[0], status[1]
    if kind == "error":
        st.error(f"Fichier refusé : {escape_markdown(message)}", icon=":material/error:")
    elif kind == "suspect":
        st.warning(
            "Document indexé mais **mis de côté** : il contient des passages adressés à un assistant "
            "automatique. Lisez-les ci-dessous, puis confirmez le document s'il est authentique.",
            icon=":material/gpp_maybe:",
        )
        for document in sorted(just_held):
            render_suspect(document, suspects[document], f"upload-{document}")
    else:
        first = message.splitlines()[0] if message else "Document indexé."
        st.success(escape_markdown(first), icon=":material/check_circle:")
