"""Chat: questions on the agreements, each answer with its numbered citations and, under it, its own
sources (collapsible). After a question the view lands on the start of the new answer."""

from __future__ import annotations

import logging
import re
import uuid
from pathlib import Path
from typing import Any

import streamlit as st

from assistant.answer import Answer
from assistant.catalog import CALCULATORS
from assistant.conversation import Conversation
from ui import backend
from ui.components.calc_form import plain_label
from ui.components.calc_result import render_arguments, render_result
from ui.components.sources import render_sources, sources_label
from ui.components.text import answer_markdown, escape_markdown, with_badges
from ui.feedback import record_feedback

log = logging.getLogger(__name__)

HISTORY = "chat_history"
CONVERSATION = "chat_conversation"  # the assistant's Conversation: follow-ups and clarifications, in memory
SCROLL = "chat_scroll_to_answer"
SCROLL_SCRIPT = Path(__file__).resolve().parent.parent / "assets" / "scroll_to_answer.html"
PENDING = "chat_pending"
EXAMPLES = (
    "Combien de points pour la prime de tutorat ?",
    "Qui peut bénéficier de la Pro-A ?",
    "Combien d'heures de congé pour préparer une VAE ?",
    "Quelles conditions pour l'absence liée au conseil en évolution professionnelle ?",
)


def _history() -> list[dict[str, Any]]:
    return st.session_state.setdefault(HISTORY, [])


def _new_conversation() -> None:
    st.session_state[HISTORY] = []
    st.session_state.pop(CONVERSATION, None)
    st.session_state.pop(SCROLL, None)
    st.session_state.pop(PENDING, None)
    for key in [k for k in st.session_state if str(k).startswith("fb-")]:
        del st.session_state[key]


def _queue(question: str) -> None:
    st.session_state[PENDING] = question


def _on_feedback(turn_id: str) -> None:
    """Store a thumbs up/down with its question and answer (no profile data exists on this page)."""
    value = st.session_state.get(f"fb-{turn_id}")
    turn = next((t for t in _history() if t["id"] == turn_id), None)
    if turn is None or value is None:
        return
    try:
        record_feedback(backend.settings().feedback_file, turn["answer"], "up" if value == 1 else "down", turn_id)
        st.toast("Merci pour votre retour.", icon=":material/thumb_up:")
    except OSError as exc:
        log.warning("feedback not stored: %s", type(exc).__name__)
        st.toast("Votre retour n'a pas pu être enregistré.", icon=":material/error:")


def _conversation() -> Conversation:
    return st.session_state.setdefault(CONVERSATION, Conversation())


def _ask(question: str) -> None:
    """Ask in the session's conversation: the assistant reads follow-ups and completes clarifications."""
    try:
        with st.spinner("Recherche dans les textes…"):
            if backend.settings().llm_base_url:  # the quotes at once, the model's wording streamed under them
                answer = backend.assistant().ask(question, _conversation(), draft=True)
            else:
                answer = backend.assistant().ask(question, _conversation())
    except Exception as exc:  # shown to the user; the question is not logged
        log.error("question failed: %s", type(exc).__name__, exc_info=True)
        answer = Answer(
            question,
            "Une erreur est survenue pendant la recherche : réessayez, ou reformulez la question.",
            "clarify",
        )
    asked = answer.resolved_question or question
    turn_id = uuid.uuid4().hex[:12]
    _history().append({"id": turn_id, "question": question, "asked": asked, "answer": answer})
    st.session_state[SCROLL] = turn_id


def _render_answer(answer: Answer) -> None:
    text = answer.text
    links = getattr(answer, "links", [])  # a page the answer opens (the chat's interview sheet)
    for link in links:
        text = text.replace(f"{link.label} : {link.url}", "").strip()
    follow_up = (answer.follow_up or "").strip()
    if answer.route == "clarify" and follow_up:
        st.info(escape_markdown(follow_up), icon=":material/help:")
        text = text.replace(follow_up, "", 1).strip() if follow_up in text else text
        if text:
            st.markdown(answer_markdown(text))
        st.caption("Répondez ci-dessous : votre réponse complétera la question.")
    else:
        st.markdown(answer_markdown(text))
    for link in links:
        st.link_button(link.label, link.url, icon=":material/assignment_ind:")
    for call in answer.tool_calls:
        spec = CALCULATORS.get(call.name)
        with st.expander(f"Détail du calcul : {spec.title_fr if spec else call.name}", icon=":material/calculate:"):
            render_result(call.result)
            render_arguments(call.arguments, {p.name: plain_label(p) for p in spec.params} if spec else None)


def _render_model(turn: dict[str, Any], box: Any) -> None:
    """The model's wording of the newest answer, streamed as written, then its checked text.

    The stream shows the draft as the model writes it; once it stops, the text that passed the
    citation check and the number guard (assistant.answering.streaming) replaces it. An older
    turn's unfinished draft (the reader asked again meanwhile) is not restarted.
    """
    draft = turn["answer"].draft
    with box:
        st.caption("Reformulation par le modèle de langue local (expérimental) : les passages cités font foi.")
        placeholder = st.empty()
        if not draft.done and turn is _history()[-1]:
            placeholder.write_stream(with_badges(piece) for piece in draft.stream())
        if not draft.done:
            placeholder.caption("Reformulation interrompue par une nouvelle question : la réponse ci-dessus fait foi.")
            return
        result = draft.result
        if result is None:
            placeholder.caption("Pas de reformulation vérifiable par le modèle : la réponse ci-dessus fait foi.")
            return
        placeholder.markdown(answer_markdown(result.text))
        known = {c.number for c in turn["answer"].citations}
        added = [c for c in draft.book.citations() if c.number in result.cited and c.number not in known]
        if added:
            with st.expander(sources_label(added), icon=":material/menu_book:"):
                render_sources(added, key=f"model-sources-{turn['id']}")


def _render_turn(turn: dict[str, Any]) -> None:
    """The question, then the answer with its own sources under it and the thumbs."""
    with st.chat_message("user"):
        st.markdown(escape_markdown(turn["question"]))
        if turn["asked"] != turn["question"]:
            st.caption(f"Question comprise : {escape_markdown(turn['asked'])}")
    with st.chat_message("assistant"), st.container(key=f"answer-{turn['id']}"):
        if st.session_state.get(SCROLL) == turn["id"]:
            # A fixed script (no user data), first in the new answer so that it runs as soon as the answer
            # starts to be drawn: it holds the answer's start in view until the turn is drawn to its
            # thumbs. Streamlit keeps a chat page scrolled to its bottom, past the start of a long answer.
            st.html(SCROLL_SCRIPT, unsafe_allow_javascript=True)
        answer: Answer = turn["answer"]
        _render_answer(answer)
        box = st.container() if getattr(answer, "draft", None) is not None else None
        if answer.citations:
            with st.expander(sources_label(answer.citations), icon=":material/menu_book:"):
                render_sources(answer.citations, key=f"sources-{turn['id']}")
        with st.container(key=f"thumbs-{turn['id']}"):  # the turn's last element: the scroll script waits for it
            st.feedback("thumbs", key=f"fb-{turn['id']}", on_change=_on_feedback, args=(turn["id"],))
        if box is not None:  # last: the quotes, their sources and the thumbs show before the model writes
            _render_model(turn, box)


def _welcome() -> None:
    st.markdown(
        "Posez une question sur les accords de formation professionnelle de la branche (IDCC 218) : "
        "primes de tutorat et de formateur, Pro-A, VAE, conseil en évolution professionnelle, entretien "
        "professionnel, CQP… Chaque réponse cite les passages des textes, que vous retrouvez sous la réponse."
    )
    columns = st.columns(2)
    for index, example in enumerate(EXAMPLES):
        with columns[index % 2]:
            st.button(example, key=f"example-{index}", on_click=_queue, args=(example,), width="stretch", wrap=True)


title, action = st.columns([3, 1], vertical_alignment="bottom")
with title:
    st.title("Questions sur les accords")
with action:
    st.button("Nouvelle conversation", icon=":material/add_comment:", on_click=_new_conversation, width="stretch")

limit = backend.settings().max_question_chars
typed = st.chat_input("Votre question (ex. : combien de points pour ma prime de tuteur ?)", max_chars=limit)
question = typed if isinstance(typed, str) else None
question = question or st.session_state.pop(PENDING, None)
if question and question.strip():
    _ask(re.sub(r"\s+", " ", question).strip())

history = _history()
if not history:
    _welcome()
for turn in history:
    _render_turn(turn)
st.session_state.pop(SCROLL, None)  # the script is drawn once, right after its question
