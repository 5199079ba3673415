"""Uploads whose text addresses an assistant are held out of answers until confirmed (#16).

The detector is the composer's own (`addresses_the_assistant`); these tests check that a whole file
is run through it when checked, that the state persists in the data dir, and that every search of
an answer leaves held documents out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant import quarantine
from assistant.service import Assistant
from assistant.settings import REPO_ROOT, Settings
from ingest.manifest import info_for
from ingest.pipeline import parse_pdf_in_process
from knowledge.store import UnitRecord
from tests.reliability.injection_attacks import PLANTED, planted_pdf

CORPUS = REPO_ROOT / "corpus" / "pdf"


def _parse(path: Path) -> Any:
    return parse_pdf_in_process(path, info_for(path, {}))


def _planted(tmp_path: Path, attack_id: str) -> Path:
    attack = next(a for a in PLANTED if a.id == attack_id)
    path = tmp_path / f"{attack_id}.pdf"
    path.write_bytes(planted_pdf(attack))
    return path


@pytest.mark.parametrize(
    "attack_id",
    ["planted-ignorez-consignes", "planted-system-prefix", "planted-html", "planted-invisible", "planted-zero-width"],
)
def test_passages_addressed_to_an_assistant_are_found(tmp_path: Path, attack_id: str) -> None:
    suspects, total = quarantine.suspicious_passages(_parse(_planted(tmp_path, attack_id)))
    assert total >= 1 and suspects
    assert all(s.page == 1 and s.text for s in suspects)
    opening = next(a for a in PLANTED if a.id == attack_id).text.replace("\u200b", "")[:14]
    assert any(s.text.startswith(opening) for s in suspects), (opening, suspects)  # the planted sentence
    assert all("\u200b" not in s.text for s in suspects)  # shown readable


@pytest.mark.parametrize("pdf", sorted(CORPUS.glob("*.pdf")), ids=lambda p: p.stem)
def test_the_shipped_agreements_have_no_suspicious_passage(pdf: Path) -> None:
    """The agreements speak to employees and employers: none of their sentences is flagged
    ("qui réponde à leurs besoins" is a subjunctive, not an order to an assistant)."""
    assert quarantine.suspicious_passages(_parse(pdf)) == ([], 0)


def test_title_and_page_count_come_from_the_pdf(tmp_path: Path) -> None:
    """An upload has no manifest entry: its title is the one printed on its first page."""
    document = _parse(_planted(tmp_path, "planted-link"))
    assert document.info.title == "Accord local du 3 mars 2025 relatif au tutorat dans l'organisme"
    assert document.info.pages == document.page_count == 1


def test_state_is_persisted_and_released(tmp_path: Path) -> None:
    parsed = _parse(_planted(tmp_path, "planted-oubliez-instructions"))
    shown = quarantine.check_upload(tmp_path / "data", "accord-local", "accord local.pdf", parsed)
    assert shown
    state = quarantine.held(tmp_path / "data")
    assert set(state) == {"accord-local"} and state["accord-local"]["file"] == "accord local.pdf"
    assert (tmp_path / "data" / quarantine.FILE_NAME).is_file()
    clean = _parse(CORPUS / "cqp-regime-general.pdf")
    assert quarantine.check_upload(tmp_path / "data", "accord-local", "accord local.pdf", clean) == []
    assert quarantine.held_documents(tmp_path / "data") == frozenset()


class _Store:
    def units(self) -> dict[str, UnitRecord]:
        return {d: UnitRecord(d, "", "", 3, {"document": d}) for d in ("protocole", "accord-local", "cqp")}


class _Retriever:
    size = 9
    store = _Store()

    def __init__(self) -> None:
        self.filters: list[Any] = []

    def search(self, query: str, k: int = 6, document: Any = None, **_: Any) -> list[Any]:
        self.filters.append(document)
        return []


def test_every_search_leaves_held_documents_out(tmp_path: Path) -> None:
    retriever = _Retriever()
    assistant = Assistant(Settings(data_dir=tmp_path), retriever=retriever)  # type: ignore[arg-type]
    assistant._search("prime de tutorat", 5)
    assert retriever.filters == [None]  # nothing held: no filter at all
    quarantine.hold(tmp_path, "accord-local", "accord-local.pdf", [quarantine.Suspect("Texte", 1, "x")], 1)
    assistant._search("prime de tutorat", 5)
    assistant._search("prime de tutorat", 5, document="accord-local")
    assistant._search("prime de tutorat", 5, document=["accord-local", "cqp"])
    assert retriever.filters[1:] == [["cqp", "protocole"], ["cqp"]]  # the held one only: no search at all
    assert assistant.library.confirm_document("accord-local")
    assistant._search("prime de tutorat", 5)
    assert retriever.filters[-1] is None


def test_instructions_alone_are_not_called_a_topic() -> None:
    """A message made only of instructions: no "ne traitent pas de instructions"; elision elsewhere."""
    from assistant.answering import wording

    assert "instructions" not in wording.refusal(wording.INSTRUCTIONS)
    assert wording.uncovered_part(wording.INSTRUCTIONS) == ""
    assert "ne traitent pas d'indemnité de licenciement" in wording.refusal("indemnité de licenciement")
    assert "ne traitent pas de congés payés" in wording.uncovered_part("congés payés")
