"""`ccn-assistant sections`: anyone can see what ingestion understood of a document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main
from tests.ingest import ACCORD, FICHE


def test_sections_json_shows_article_4_3_on_page_6(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sections", ACCORD, "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["document"] == ACCORD
    assert payload["pages"] == 12
    by_number = {s["number"]: s for s in payload["sections"]}
    s43 = by_number["4.3"]
    assert (s43["page_start"], s43["page_end"]) == (6, 6)
    assert "7 points par mois" in s43["text"]
    assert s43["label"] == "Article 4.3"
    assert s43["path"] == "Titre II › Article 4 › 4.3"
    assert s43["title"] == "Reconnaissance de l’activité tutorale"
    assert by_number["Annexe 1"]["has_table"] is True
    assert by_number["2.4"]["page_start"] == 3


def test_sections_text_lists_numbers_titles_and_pages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sections", f"{FICHE}.pdf"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Les certificats de qualification professionnelle (CQP) du Régime général — 5 pages,")
    assert any("CQP Gestionnaire conseil" in line and "p. 2-3" in line for line in out)


def test_unknown_document_lists_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sections", "accord-inexistant"]) == 2
    err = capsys.readouterr().err
    assert "Document introuvable : accord-inexistant" in err
    assert ACCORD in err


def test_unreadable_pdf_path_is_a_clean_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "photo.pdf"
    bad.write_bytes(b"\xff\xd8\xff\xe0 JFIF")
    assert main(["sections", str(bad)]) == 1
    assert capsys.readouterr().err.strip() == "Erreur : photo.pdf: ce n'est pas un PDF (en-tête %PDF absent)"
