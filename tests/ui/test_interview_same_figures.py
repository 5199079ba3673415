"""Same figures everywhere: the chat's sheet, the interview page opened from its link, and the exports.

An adviser's description goes through the chat skill; its link opens the page (AppTest, query parameters
as the browser sends them); the page prepares its sheet. Both sheets must be equal item by item, and
every figure of every item must read the same in the chat's text, the Markdown export and the PDF.
"""

from __future__ import annotations

import io
import re
from datetime import date
from urllib.parse import parse_qsl, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from assistant.answer import Answer
from interview import PreparationSheet, sheet_to_markdown, sheet_to_pdf
from interview.export import unicode_font
from interview.link import page_link, profile_from_query
from interview.skill import InterviewSkill, chat_sheet
from tests.ui.conftest import APP, FakeAssistant

DESCRIPTION = (
    "Prépare l'entretien professionnel de Mme Durand : CDI, embauchée le 15 mars 2014, entrée dans la branche "
    "le 1er septembre 2011, bac, entretiens le 2 avril 2016 et le 10 mai 2019, bilan le 3 mars 2020, dernière "
    "formation le 12 juin 2021, son emploi est menacé, souhaite devenir manager opérationnel"
)
FIGURE = re.compile(r"\d[\d\u202f ]*(?:[,.]\d+)?")


def _figures(text: str) -> list[str]:
    return [re.sub(r"\s", "", f) for f in FIGURE.findall(text)]


def _page_sheet(link: str) -> PreparationSheet:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in parse_qsl(urlsplit(link).query):
        at.query_params[key] = value
    at.run()
    at.switch_page("views/interview.py").run()
    assert not at.exception
    next(b for b in at.button if b.label == "Préparer la fiche").click().run()
    assert not at.exception
    sheet: PreparationSheet = at.session_state["iv_sheet"]["sheet"]
    return sheet


def test_chat_page_and_exports_give_the_same_figures(fake_assistant: FakeAssistant) -> None:
    today = date.today()  # the page prepares its sheet on today's date
    reading, chat = chat_sheet(DESCRIPTION, today)
    assert not [m for m in reading.missing if "contrat" in m or "organisme" in m]
    link = page_link(reading.profile)
    assert profile_from_query(dict(parse_qsl(urlsplit(link).query))) == reading.profile.__class__(
        **{**reading.profile.__dict__, "name": ""}
    )

    page = _page_sheet(link)
    assert page.items == chat.items
    assert page.deadlines == chat.deadlines
    assert page.information_points == chat.information_points
    assert page.profile_lines == chat.profile_lines

    reply = InterviewSkill().reply(DESCRIPTION, today)
    assert reply is not None
    chat_text = reply.compose(lambda _ref: None)
    markdown = sheet_to_markdown(page)
    pdf_text = ""
    if unicode_font() is not None:
        pdfplumber = pytest.importorskip("pdfplumber")
        with pdfplumber.open(io.BytesIO(sheet_to_pdf(page))) as pdf:
            pdf_text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    checked = 0
    for item in page.items:
        chat_line = next(line for line in chat_text.splitlines() if line.startswith(f"- {item.title} — "))
        assert _figures(item.summary) == _figures(chat_line.split(" : ", 1)[1].split(" [")[0]), item.key
        markdown_block = markdown.split(f"### {item.title}", 1)[1].split("###", 1)[0]
        for figure in _figures(item.summary):
            assert figure in _figures(markdown_block), (item.key, figure)
            if pdf_text:
                assert figure in _figures(pdf_text), (item.key, figure)
            checked += 1
    for deadline in page.deadlines:
        day = deadline.by.strftime("%Y")
        assert day in chat_text and day in markdown
    assert checked >= 10  # the profile above yields dated and counted rights, not only yes/no


def test_link_prefills_the_form_but_typed_values_win(fake_assistant: FakeAssistant) -> None:
    reading, _ = chat_sheet(DESCRIPTION, date.today())
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in parse_qsl(urlsplit(page_link(reading.profile)).query):
        at.query_params[key] = value
    at.run()
    at.switch_page("views/interview.py").run()
    assert at.selectbox(key="iv_contract").value == "CDI"
    assert at.date_input(key="iv_org_start").value == date(2014, 3, 15)
    assert at.selectbox(key="iv_level").value == 4
    assert at.text_input(key="iv_name").value == ""  # the name never travels in the URL
    at.selectbox(key="iv_contract").set_value("CDD").run()
    assert at.selectbox(key="iv_contract").value == "CDD"  # not overwritten by the link on rerun


def test_chat_shows_the_sheet_link_as_a_button(fake_assistant: FakeAssistant, monkeypatch: pytest.MonkeyPatch) -> None:
    reply = InterviewSkill().reply(DESCRIPTION, date.today())
    assert reply is not None
    answer = Answer(DESCRIPTION, reply.compose(lambda _ref: None), "calculator", links=reply.links)
    monkeypatch.setattr(fake_assistant, "ask", lambda question, today=None: answer)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.chat_input[0].set_value(DESCRIPTION).run()
    assert not at.exception
    buttons = at.get("link_button")
    assert [b.proto.url for b in buttons] == [reply.links[0].url]
    shown = "\n".join(m.value for m in at.markdown).replace("\\", "")
    assert "Garantie individuelle" in shown and reply.links[0].url not in shown  # the URL is the button
