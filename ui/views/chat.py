"""Chat: questions on the agreements, answers with numbered citations, sources beside them."""

from __future__ import annotations

import logging
import re
import uuid
from typing import Any

import streamlit as st

from assistant.answer import Answer
from assistant.catalog import CALCULATORS
from assistant.conversation import Conversation
from ui import backend
from ui.components.calc_result import render_arguments, render_result
from ui.components.sources import render_sources
from ui.components.text import answer_markdown, escape_markdown
from ui.feedback import record_feedback

log = logging.getLogger(__name__)

HISTORY = "chat_history"
CONVERSATION = "chat_conversation"  # the assistant's Conversation: follow-ups and clarifications, in memory
SELECTED = "chat_selected"
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
    st.session_state.pop(SELECTED, None)
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
    st.session_state[SELECTED] = turn_id


def _render_answer(answer: Answer) -> None:
    text = answer.text
    follow_up = (answer.follow_up or "").strip()
    if answer.route == "clarify" and follow_up:
        st.info(escape_markdown(follow_up), icon=":material/help:")
        text = text.replace(follow_up, "", 1).strip() if follow_up in text else text
        if text:
            st.markdown(answer_markdown(text))
        st.caption("Répondez ci-dessous : votre réponse complétera la question.")
    else:
        st.markdown(answer_markdown(text))
    for call in answer.tool_calls:
        spec = CALCULATORS.get(call.name)
        with st.expander(f"Détail du calcul : {spec.title_fr if spec else call.name}", icon=":material/calculate:"):
            render_result(call.result)
            render_arguments(call.arguments)


def _render_turn(turn: dict[str, Any]) -> None:
    with st.chat_message("user"):
        st.markdown(escape_markdown(turn["question"]))
        if turn["asked"] != turn["question"]:
            st.caption(f"Question comprise : {escape_markdown(turn['asked'])}")
    with st.chat_message("assistant"):
        answer: Answer = turn["answer"]
        _render_answer(answer)
        left, right = st.columns([1, 1])
        with left:
            st.feedback("thumbs", key=f"fb-{turn['id']}", on_change=_on_feedback, args=(turn["id"],))
        with right:
            if answer.citations:
                selected = st.session_state.get(SELECTED) == turn["id"]
                st.button(
                    f"Sources ({len({c.number for c in answer.citations})})",
                    key=f"src-{turn['id']}",
                    icon=":material/menu_book:",
                    type="primary" if selected else "secondary",
                    on_click=lambda: st.session_state.__setitem__(SELECTED, turn["id"]),
                )


def _welcome() -> None:
    st.markdown(
        "Posez une question sur les accords de formation professionnelle de la branche (IDCC 218) : "
        "primes de tutorat et de formateur, Pro-A, VAE, conseil en évolution professionnelle, entretien "
        "professionnel, CQP… Chaque réponse cite les passages des textes."
    )
    columns = st.columns(2)
    for index, example in enumerate(EXAMPLES):
        with columns[index % 2]:
            st.button(example, key=f"example-{index}", on_click=_queue, args=(example,), width="stretch", wrap=True)


st.title("Questions sur les accords")
with st.sidebar:
    st.button("Nouvelle conversation", icon=":material/add_comment:", on_click=_new_conversation, width="stretch")

limit = backend.settings().max_question_chars
typed = st.chat_input("Votre question (ex. : combien de points pour ma prime de tuteur ?)", max_chars=limit)
question = typed if isinstance(typed, str) else None
question = question or st.session_state.pop(PENDING, None)
if question and question.strip():
    _ask(re.sub(r"\s+", " ", question).strip())

history = _history()
chat_column, sources_column = st.columns([11, 9], gap="large")
with chat_column:
    if not history:
        _welcome()
    for turn in history:
        _render_turn(turn)
with sources_column:
    st.subheader("Sources")
    selected = next((t for t in history if t["id"] == st.session_state.get(SELECTED)), None)
    if selected is None and history:
        selected = history[-1]
    if selected is None:
        st.caption("Les passages cités par les réponses s'affichent ici, surlignés sur la page du PDF.")
    else:
        st.caption(f"Réponse à : {escape_markdown(selected['question'])}")
        render_sources(selected["answer"].citations, key=f"sources-{selected['id']}")
