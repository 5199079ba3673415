"""Documents page (AppTest): indexed agreements with metadata, PDF upload with validation."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from assistant.settings import REPO_ROOT
from tests.ui.conftest import APP, FakeAssistant

PDF = REPO_ROOT / "corpus" / "pdf" / "cqp-regime-general.pdf"


def _page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("views/documents.py").run()
    assert not at.exception
    return at


def test_lists_documents_with_metadata(fake_assistant: FakeAssistant) -> None:
    at = _page()
    table = at.dataframe[0].value
    assert list(table["Titre"]) == ["Protocole d'accord du 19 décembre 2019 relatif à la formation professionnelle"]
    row = table.iloc[0]
    assert row["Signé le"] == "19 décembre 2019"
    assert row["Consolidation"] == "version consolidée"
    assert row["Passages"] == 42
    assert any("1 texte indexé, 42 passages" in c.value for c in at.caption)


def test_upload_of_a_pdf_is_indexed(fake_assistant: FakeAssistant) -> None:
    at = _page()
    at.file_uploader[0].set_value(("nouvel-accord.pdf", PDF.read_bytes(), "application/pdf")).run()
    next(b for b in at.button if b.label == "Indexer ce document").click().run()
    assert not at.exception
    assert fake_assistant.uploads == [("nouvel-accord.pdf", PDF.stat().st_size)]
    assert any(s.value == "Document indexé." for s in at.success)
    assert any("nouvel-accord.pdf: indexé" in c.value for c in at.code)


def test_bad_file_gets_a_clear_error(fake_assistant: FakeAssistant) -> None:
    at = _page()
    at.file_uploader[0].set_value(("faux.pdf", b"<html>pas un pdf</html>", "application/pdf")).run()
    next(b for b in at.button if b.label == "Indexer ce document").click().run()
    assert not at.exception
    assert not fake_assistant.uploads
    errors = [e.value.replace("\\", "") for e in at.error]
    assert any("Fichier refusé" in e and "ce n'est pas un PDF" in e for e in errors)
