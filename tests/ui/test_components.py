"""Pure parts of the UI: Markdown escaping, passage location on a page, feedback store, ui command."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from assistant.answer import Answer, Citation
from assistant.cli import build_parser
from assistant.commands.ui import APP, streamlit_command
from assistant.settings import REPO_ROOT
from ui.components.page_image import fold, line_boxes, locate, locate_passage, render_passage
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


def test_fold_drops_accents_ligatures_and_punctuation() -> None:
    assert fold("Certiﬁ cat — É-té, 2019 !") == "certificatete2019"


def test_locate_across_hyphenation_and_ligature_artefacts() -> None:
    words = ["Le", "conseil", "en", "évolution", "profes-", "sionnelle", "est", "Certifi", "cat", "fin"]
    assert locate(words, "évolution professionnelle est certificat") == [3, 4, 5, 6, 7, 8]
    assert locate(words, "rien de tel sur la page") == []


def test_locate_quote_running_onto_next_page() -> None:
    words = ["début", "de", "la", "phrase", "qui", "continue", "longuement"]
    assert locate(words, "la phrase qui continue longuement sur la page suivante") == [2, 3, 4, 5, 6]
    assert locate(words, "sur la page précédente, début de la phrase qui continue") == [0, 1, 2, 3, 4, 5]


def test_locate_passage_unites_separate_sentences() -> None:
    words = "Une phrase citée ici . Une autre non citée . Et une dernière citée aussi .".split()  # noqa: SIM905
    found = locate_passage(words, "Une phrase citée ici.\nEt une dernière citée aussi.")
    assert found[0] == 0 and 5 not in found and found[-1] == len(words) - 2


def test_line_boxes_merge_words_of_a_line() -> None:
    words: list[dict[str, Any]] = [
        {"x0": 10, "x1": 20, "top": 100, "bottom": 110},
        {"x0": 25, "x1": 40, "top": 100.5, "bottom": 110},
        {"x0": 10, "x1": 30, "top": 120, "bottom": 130},
    ]
    boxes = line_boxes(words, [0, 1, 2])
    assert len(boxes) == 2
    assert boxes[0] == (8.5, 98.5, 41.5, 111.5)


def test_render_passage_highlights_article_4_3() -> None:
    quote = "Le montant de la prime est proportionnel à la durée de la mission d'accompagnement tutoré"
    image = render_passage(PROTOCOLE_PDF, 5, quote, page_end=6, resolution=60)
    assert image.found and image.page == 6 and image.cropped
    picture = Image.open(io.BytesIO(image.png))
    assert picture.format == "PNG" and picture.width > 100


def test_render_passage_not_found_shows_the_page() -> None:
    image = render_passage(SHORT_PDF, 2, "texte absent de tout le document zzz", resolution=40)
    assert not image.found and image.page == 2 and not image.cropped


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


def test_nothing_imports_ui() -> None:
    for package in ("assistant", "calculators", "knowledge", "ingest"):
        for path in (REPO_ROOT / package).rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            assert "from ui" not in source and "import ui" not in source, path
