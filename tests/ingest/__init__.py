"""Tests of `ingest` on the five shipped PDFs (parsed once per session, see conftest)."""

from __future__ import annotations

from assistant.settings import REPO_ROOT
from ingest.models import ParsedDocument, Section

PDF_DIR = REPO_ROOT / "corpus" / "pdf"
MANIFEST = REPO_ROOT / "corpus" / "manifest.json"

ACCORD = "accord-2019-12-19-formation-professionnelle"
AVENANT = "avenant-2022-10-11-formation-professionnelle"
CONVENTION = "convention-formation-cqp-conseiller-offres-de-service"
CIRCULAIRE = "cqp-gestionnaire-conseil-mise-en-oeuvre"
FICHE = "cqp-regime-general"
DOCUMENTS = (ACCORD, AVENANT, CONVENTION, CIRCULAIRE, FICHE)


def find_section(doc: ParsedDocument, number: str = "", *, title: str = "") -> Section:
    """The only section of `doc` with this number (and this title, when given)."""
    found = [s for s in doc.sections if (not number or s.number == number) and (not title or s.title == title)]
    assert len(found) == 1, f"{doc.document}: {len(found)} sections for number={number!r} title={title!r}"
    return found[0]
