"""Output safety: HTML, script and Markdown inside a PDF are kept as plain text and render inert in the UI.

A PDF whose heading and article carry `<script>`, `<b>`, an `<img onerror>`, a `javascript:` link, a
Markdown image, Streamlit's `:red[…]` directive and LaTeX is uploaded through
`Assistant.ingest_upload` (hash embedder, temporary data directory). The stored passage keeps the
characters as they were. The chat page is then given the assistant's own answer and the worst case,
an answer quoting the whole passage with its raw text and a title holding `<b>`: everything is shown
escaped, no element is rendered as HTML, and no Markdown construct survives unescaped in any element
that Streamlit renders as Markdown (messages, captions, alerts, titles, button and expander labels).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from assistant.answer import Answer
from assistant.answering.citations import CitationBook
from assistant.service import Assistant
from assistant.settings import Settings, get_settings
from knowledge.hybrid import Evidence
from tests.reliability.injection_attacks import agreement_pdf
from tests.ui.conftest import APP, FakeAssistant, only_fixed_html

TODAY = date(2025, 11, 25)
QUESTION = "Combien de points par mois pour la prime de tutorat ?"
TITLE = "Accord local <b>piégé</b> du 3 mars 2025"
SCRIPT = "<script>alert(1)</script>"
BOLD = "<b>html</b>"
HEADING = "4.3. Prime de tutorat <img src=x onerror=alert(2)>"
BODY = (
    f"La prime de tutorat {SCRIPT} correspond à {BOLD} 7 points par mois, complet ou non. "
    "Voir [le barème](javascript:alert(3)) et ![image](http://evil.example/x.png) :red[en rouge] $x^2$ "
    "<iframe src=http://evil.example></iframe>."
)
# Markdown that would be interpreted if left unescaped: HTML tags, links and images, directives, LaTeX.
UNESCAPED = re.compile(r"(?<!\\)<[a-zA-Z/!]|(?<!\\)\]\(|(?<!\\):red\[|(?<!\\)\$")


@dataclass(frozen=True)
class Hostile:
    assistant: Assistant
    evidence: Evidence  # the stored article 4.3 of the hostile PDF
    answer: Answer  # the assistant's own answer to a question on it


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    """The hostile PDF uploaded into an empty index."""
    data = tmp_path_factory.mktemp("output-safety") / "data"
    assistant = Assistant(Settings(data_dir=data, embedding_backend="hash"))
    pdf = agreement_pdf(
        [
            ("title", TITLE),
            ("heading", "Article 4 | Tutorat <script>alert(4)</script>"),
            ("heading", HEADING),
            ("body", BODY),
            ("heading", "Article 5 | Dispositions finales"),
            ("body", "Le présent accord entre en vigueur le lendemain de son dépôt."),
        ]
    )
    assert assistant.library.ingest_upload("accord-piege.pdf", pdf) == ["ajout-accord-piege: indexé, 3 passages"]
    evidence = assistant.retriever.search(QUESTION, k=3)[0]
    answer = assistant.ask(QUESTION, today=TODAY)
    return Hostile(assistant, evidence, answer)


def test_passages_keep_markup_as_plain_text(hostile: Hostile) -> None:
    chunk = hostile.evidence.chunk
    assert chunk.section_number == "4.3"
    for fragment in (SCRIPT, BOLD, "[le barème](javascript:alert(3))", ":red[en rouge]", "$x^2$", "<iframe"):
        assert fragment in chunk.text, fragment
    assert chunk.section_title == "Prime de tutorat <img src=x onerror=alert(2)>"
    assert hostile.answer.route in ("retrieval", "refusal")  # whatever it quotes, it is shown escaped below


def quoting_answer(hostile: Hostile) -> Answer:
    """The worst case: an answer quoting the whole hostile passage, cited with its raw text and title."""
    book = CitationBook({"accord-piege": TITLE})
    number = book.cite(hostile.evidence)
    text = f"Selon l'article 4.3 — {TITLE} [{number}] :\n- « {hostile.evidence.chunk.text} »"
    return Answer(QUESTION, text, "retrieval", citations=book.citations())


class ReplayAssistant(FakeAssistant):
    """Gives the prepared answers in turn; the page images come from the uploaded PDF."""

    def __init__(self, pdf_dir: Path, answers: list[Answer]) -> None:
        super().__init__(pdf_dir)
        self.answers = answers

    def ask(self, question: str, today: Any = None) -> Answer:
        self.questions.append(question)
        return self.answers[len(self.questions) - 1]


@pytest.fixture
def chat(hostile: Hostile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ReplayAssistant]:
    from assistant import service

    monkeypatch.setenv("CCN_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("CCN_UI_PASSWORD", raising=False)
    get_settings.cache_clear()
    fake = ReplayAssistant(hostile.assistant.settings.uploads_dir, [hostile.answer, quoting_answer(hostile)])
    fake.pdf_path = hostile.assistant.library.pdf_path  # type: ignore[method-assign]  # uploads: ajout-<stem>
    monkeypatch.setattr(service, "get_assistant", lambda: fake)
    yield fake
    get_settings.cache_clear()


def _markdown_bodies(at: AppTest) -> list[str]:
    """Every string Streamlit renders as Markdown on the page."""
    bodies = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader"):
        bodies += [str(getattr(element, "value", "")) for element in at.get(kind)]
    bodies += [b.label for b in at.button] + [e.label for e in at.expander]
    return bodies


def test_chat_renders_pdf_markup_as_inert_text(chat: ReplayAssistant) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.chat_input[0].set_value(QUESTION).run()  # the assistant's own answer
    at.chat_input[0].set_value("<b>Combien</b> de points pour la prime de tutorat ? <script>x()</script>").run()
    assert not at.exception
    assert len(chat.questions) == 2
    assert only_fixed_html(at) and not at.get("iframe")  # st.html only for the UI's fixed assets, no components
    for element in at.markdown:
        assert not element.proto.allow_html
    bodies = _markdown_bodies(at)
    shown = "\n".join(bodies)
    assert r"\<script\>alert\(1\)\</script\>" in shown  # the passage, in the answer and the source card
    assert r"\<b\>html\</b\>" in shown
    assert r"\<b\>piégé\</b\>" in shown  # the document title, in the answer and the source card
    assert r"\<b\>Combien\</b\>" in shown  # the question
    bad = [body for body in bodies if UNESCAPED.search(body)]
    assert not bad, bad
    assert len(at.get("image")) == 1  # the page of the uploaded PDF, highlighted
