"""Parts of the UI outside pages: Markdown escaping, page images of citations, feedback store, ui command.

Locating a passage among a page's words is tested in tests/ingest/test_passage_locator.py.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from PIL import Image

from assistant.answer import Answer, Citation
from assistant.pages.page_images import passage_image, render_passage
from assistant.settings import REPO_ROOT
from cli.commands.ui import APP, streamlit_command
from cli.main import build_parser
from tests.ui.conftest import TUTOR_QUOTE, FakeAssistant, tutor_citation
from ui.components.page_image import page_image
from ui.components.text import answer_markdown, blockquote, escape_markdown, with_badges
from ui.feedback import read_feedback, record_feedback

PROTOCOLE_PDF = REPO_ROOT / "corpus" / "pdf" / "accord-2019-12-19-formation-professionnelle.pdf"
SHORT_PDF = REPO_ROOT / "corpus" / "pdf" / "cqp-regime-general.pdf"

# ---------------------------------------------------------------- text


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("<script>alert(1)</script>", r"\<script\>alert\(1\)\</script\>"),
        ("![x](http://e.x/a.png)", r"\!\[x\]\(http\://e\.x/a\.png\)"),
        (":red[texte] $x$", r"\:red\[texte\] \$x\$"),
        ("**gras** _it_", r"\*\*gras\*\* \_it\_"),
        ("7 points par mois", "7 points par mois"),
    ],
)
def test_escape_markdown(raw: str, escaped: str) -> None:
    assert escape_markdown(raw) == escaped


def test_answer_markdown_keeps_lists_and_badges_markers() -> None:
    text = "Selon l'article 4.3 [1] :\n- « 7 points par mois » [2]\n– second\nSuite <b>"
    md = answer_markdown(text)
    assert md.splitlines()[0] == r"Selon l'article 4\.3 :blue-badge[1] \:  "
    assert "- « 7 points par mois » :blue-badge[2]" in md
    assert "- second" in md
    assert r"Suite \<b\>" in md
    assert with_badges("[12] x") == ":blue-badge[12] x"


def test_blockquote_escapes_each_line() -> None:
    assert blockquote("a\n\n<b>") == "> a\n>\n> \\<b\\>"


# ---------------------------------------------------------------- page image


def test_render_passage_highlights_article_4_3() -> None:
    quote = "Le montant de la prime est proportionnel à la durée de la mission d'accompagnement tutoré"
    image = render_passage(PROTOCOLE_PDF, 5, quote, page_end=6, resolution=60)
    assert image.found and image.page == 6 and image.cropped
    picture = Image.open(io.BytesIO(image.png))
    assert picture.format == "PNG" and picture.width > 100


def test_render_passage_not_found_shows_the_page() -> None:
    image = render_passage(SHORT_PDF, 2, "texte absent de tout le document zzz", resolution=40)
    assert not image.found and image.page == 2 and not image.cropped


def test_render_passage_whole_page_is_larger_than_the_crop() -> None:
    quote = "Le montant de la prime est proportionnel à la durée de la mission d'accompagnement tutoré"
    cropped = render_passage(PROTOCOLE_PDF, 6, quote, resolution=40)
    whole = render_passage(PROTOCOLE_PDF, 6, quote, resolution=40, crop=False)
    assert whole.found and not whole.cropped and whole.page == 6
    assert Image.open(io.BytesIO(whole.png)).height > Image.open(io.BytesIO(cropped.png)).height


def test_passage_image_is_cached_and_refuses_a_missing_file(tmp_path: Path) -> None:
    first = passage_image(SHORT_PDF, 1, "texte absent zzz", resolution=30)
    assert passage_image(SHORT_PDF, 1, "texte absent zzz", resolution=30) is first
    with pytest.raises(FileNotFoundError):
        passage_image(tmp_path / "absent.pdf", 1, "quoi que ce soit")


def test_page_image_of_a_citation(fake_assistant: FakeAssistant, tmp_path: Path) -> None:
    image = page_image(tutor_citation())
    assert image is not None and image.found and image.page == 6 and image.cropped
    fake_assistant.pdf_dir = tmp_path  # PDF missing: no image, no error
    assert page_image(tutor_citation()) is None
    (tmp_path / f"{tutor_citation().document}.pdf").write_bytes(b"%PDF-1.4 truncated")
    assert page_image(tutor_citation()) is None  # unreadable: no image, no error


# ---------------------------------------------------------------- feedback


def test_feedback_appends_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "feedback.jsonl"
    citation = Citation(1, "e1", "doc", "Article 4.3", 6, "« passage »", "Titre")
    answer = Answer("Question ?", "Réponse [1]", "retrieval", citations=[citation])
    record_feedback(path, answer, "up", "t1")
    record_feedback(path, answer, "down", "t1")
    records = read_feedback(path)
    assert [r["rating"] for r in records] == ["up", "down"]
    assert records[0]["citations"] == [{"number": 1, "document": "doc", "section": "Article 4.3", "page": 6}]
    assert json.loads(path.read_text(encoding="utf-8").splitlines()[0])["question"] == "Question ?"


# ---------------------------------------------------------------- ccn-assistant ui


def test_ui_command_line() -> None:
    command = streamlit_command(8765, "127.0.0.1", headless=True, max_upload_mb=25)
    assert command[:5] == [sys.executable, "-m", "streamlit", "run", str(APP)]
    options = dict(zip(command[5::2], command[6::2]))
    assert options["--server.port"] == "8765"
    assert options["--server.address"] == "127.0.0.1"
    assert options["--server.headless"] == "true"
    assert options["--browser.gatherUsageStats"] == "false"
    assert options["--server.maxUploadSize"] == "25"
    assert APP == REPO_ROOT / "ui" / "app.py" and APP.is_file()


def test_ui_subcommand_parses() -> None:
    args = build_parser().parse_args(["ui", "--port", "9000", "--headless"])
    assert (args.port, args.headless, args.address) == (9000, True, "127.0.0.1")


def test_ui_command_execs_streamlit(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr("os.execvp", lambda file, argv: calls.append(argv))
    args = build_parser().parse_args(["ui", "--headless", "--port", "8600"])
    assert args.handler(args) == 0
    assert calls and calls[0][3:5] == ["run", str(APP)]


def test_a_passage_running_onto_the_next_page_shows_both_pages() -> None:
    """Article 4.2 runs from page 5 onto page 6: the extract shows its end of page 5 and its start of page 6."""
    from assistant.pages.page_images import render_passages
    from ingest.manifest import info_for
    from ingest.pipeline import parse_pdf_in_process

    section = next(
        s for s in parse_pdf_in_process(PROTOCOLE_PDF, info_for(PROTOCOLE_PDF, {})).sections if s.number == "4.2"
    )
    paragraphs = section.text.split("\n\n")
    turn = next(i for i in range(len(paragraphs) - 1) if section.paragraph_pages[i] != section.paragraph_pages[i + 1])
    quote = paragraphs[turn] + "\n" + paragraphs[turn + 1]
    images = render_passages(PROTOCOLE_PDF, 5, quote, page_end=6, resolution=40)
    assert [(i.page, i.found, i.cropped) for i in images] == [(5, True, True), (6, True, True)]


def test_extracts_are_sized_so_their_text_reads_like_the_interface() -> None:
    """The body text of the PDF (about 9 pt) is shown at the interface's text size or larger."""
    from ui.components.page_image import TEXT_PX, display_width

    image = render_passage(PROTOCOLE_PDF, 6, TUTOR_QUOTE, resolution=216)
    assert 8.0 <= image.text_pt <= 12.0 and image.width_pt > 300
    width = display_width(image)
    assert width is not None and width * image.text_pt / image.width_pt >= TEXT_PX - 0.5
    assert int.from_bytes(image.png[16:20], "big") >= width  # enough pixels for that size (PNG header width)
