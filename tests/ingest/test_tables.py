"""Tables become readable rows ("– lead — Column : value; …") and each stays whole in one chunk."""

from __future__ import annotations

import re

import pytest

from ingest.models import Chunk, ParsedDocument
from ingest.sections import LINEAR_TABLE_COLUMNS
from ingest.tables import TABLE_MARKER, column_headers, render_table, rows_from_linear_cells
from tests.ingest import ACCORD, AVENANT, CIRCULAIRE, CONVENTION, find_section


def _plain(text: str) -> str:
    return text.replace("’", "'")


def _tables(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.startswith(TABLE_MARKER)]


def _rows(table: str) -> list[str]:
    return [line for line in table.splitlines()[1:] if line.startswith("– ")]


# -- pure rendering --------------------------------------------------------------------------


def test_render_table_names_each_value_by_its_column() -> None:
    rows = [
        ["Epreuve", "Coefficient", "Note éliminatoire"],
        ["Epreuve écrite", "3", "≤ 6"],
        ["", "", ""],
        ["Applications tutorées", "2", ""],
    ]
    assert render_table(rows) == (
        "Tableau : Epreuve | Coefficient | Note éliminatoire\n"
        "– Epreuve écrite — Coefficient : 3; Note éliminatoire : ≤ 6\n"
        "– Applications tutorées — Coefficient : 2"
    )


def test_render_table_merges_a_sub_header_row() -> None:
    rows = [
        ["", "Organisme", "Durée totale", "", "Modalité"],
        ["", "", "En jours", "En heures", ""],
        ["CQP", "PASS", "5,5", "40", "Oui"],
    ]
    headers, used = column_headers(rows)
    assert used == 2
    assert headers[2:4] == ["Durée totale En jours", "Durée totale En heures"]
    assert render_table(rows).splitlines()[1] == (
        "– CQP — Organisme : PASS; Durée totale En jours : 5,5; Durée totale En heures : 40; Modalité : Oui"
    )


def test_render_table_carries_a_spanning_first_cell() -> None:
    rows = [["Parcours", "Module"], ["CQP", "PASS"], ["", "PREM'SS"]]
    assert _rows(render_table(rows)) == ["– CQP — Module : PASS", "– CQP — Module : PREM'SS"]


def test_render_table_edge_cases() -> None:
    assert render_table([]) == ""
    assert render_table([["", " "]]) == ""
    assert render_table([["Une seule ligne", "", "deux cellules"]]) == "Tableau : Une seule ligne | deux cellules"


def test_rows_from_linear_cells_rebuilds_a_three_column_list() -> None:
    family = re.compile(r"^\d{2}\s*[–-]\s")
    sanction = re.compile(r"\(CQP\)|Diplôme d.État")
    cells = [
        ("CQP manager opérationnel", False),
        ("17 – Management et pilotage", True),
        ("Institut 4.10 Certificat de qualification professionnelle (CQP)", False),
        ("Diplôme d’État d’aide-soignant", False),
        ("06 – Offre de soins", True),
        ("Instituts AS-AP Diplôme d’État", False),
    ]
    assert rows_from_linear_cells(cells, family, sanction) == [
        ["CQP manager opérationnel", "17 – Management et pilotage",
         "Institut 4.10 Certificat de qualification professionnelle (CQP)"],
        ["Diplôme d’État d’aide-soignant", "06 – Offre de soins", "Instituts AS-AP Diplôme d’État"],
    ]  # fmt: skip


# -- the real PDFs ---------------------------------------------------------------------------


def test_circulaire_coefficient_table(corpus: dict[str, ParsedDocument]) -> None:
    section = find_section(corpus[CIRCULAIRE], "V")
    assert section.has_table
    table = _tables(section.text)[0]
    assert (
        table.splitlines()[0] == "Tableau : Epreuve ou évaluation | Note/ | Coefficient | Note éliminatoire | Total/200"
    )
    rows = {row.split(" — ")[0]: row for row in _rows(table)}
    assert rows["– Epreuve écrite"] == (
        "– Epreuve écrite — Note/ : /20; Coefficient : 3; Note éliminatoire : ≤ 6; Total/200 : /60"
    )
    assert "Coefficient : 3; Note éliminatoire : ≤ 6" in rows["– Epreuve orale"]
    assert "Coefficient : 2" in rows["– Applications professionnelles tutorées"]


def test_convention_premss_hours(corpus: dict[str, ParsedDocument]) -> None:
    section = find_section(corpus[CONVENTION], "7")
    assert section.has_table
    rows = [row for table in _tables(section.text) for row in _rows(table)]
    premss = [row for row in rows if "Organisme(s) de formation : PREM'SS" in row]
    assert len(premss) == 1
    assert re.search(r"\b61\b", premss[0])
    assert "dont : nb d'heures d'accompagnement : 46" in premss[0]
    assert any("PASS formation" in row and re.search(r"\b40\b", row) for row in rows)


def test_accord_pro_a_list(corpus: dict[str, ParsedDocument]) -> None:
    section = find_section(corpus[ACCORD], "Annexe 1")
    tables = _tables(section.text)
    assert len(tables) == 1
    assert tables[0].splitlines()[0] == "Tableau : " + " | ".join(LINEAR_TABLE_COLUMNS)
    rows = [_plain(r) for r in _rows(tables[0])]
    assert len(rows) == 10
    aide = [r for r in rows if r.startswith("– Diplôme d'État d'aide-soignant — ")]
    assert len(aide) == 1
    assert aide[0].startswith(
        "– Diplôme d'État d'aide-soignant — Famille professionnelle : 06 – Métiers de l'offre de soins"
    )
    assert aide[0].endswith(
        "Organisme de formation et sanction : Organismes agréés de type Instituts AS-AP Diplôme d'État"
    )
    gc = next(r for r in rows if r.startswith("– CQP gestionnaire conseil de la sécurité sociale — "))
    assert "Famille professionnelle : 01 – Gestion des situations clients" in gc
    assert gc.endswith("Certificat de qualification professionnelle (CQP)")


ADDED = [
    "CQP manager opérationnel",
    "accompagnant éducatif et social",
    "assistante de service social",
    "économie sociale familiale",
    "Master manager stratégique",
]


def test_avenant_adds_five_certifications_one_per_row(corpus: dict[str, ParsedDocument]) -> None:
    section = find_section(corpus[AVENANT], "1")
    tables = _tables(section.text)
    assert len(tables) == 1
    rows = _rows(tables[0])
    assert len(rows) == 5
    for name, row in zip(ADDED, rows):
        assert name in row
        assert sum(other in row for other in ADDED) == 1
        assert "Famille professionnelle : " in row and "Organisme de formation et sanction : " in row
    assert rows[-1].endswith("EN3S Diplôme de l’enseignement supérieur")


@pytest.mark.parametrize(
    ("document", "number"),
    [(CIRCULAIRE, "V"), (CONVENTION, "5"), (CONVENTION, "7"), (CONVENTION, "9"), (ACCORD, "Annexe 1"), (AVENANT, "1")],
)
def test_sections_with_tables_are_flagged(corpus: dict[str, ParsedDocument], document: str, number: str) -> None:
    assert find_section(corpus[document], number).has_table


def test_each_table_lies_within_exactly_one_chunk(
    corpus: dict[str, ParsedDocument], corpus_chunks: dict[str, list[Chunk]]
) -> None:
    count = 0
    for document, doc in corpus.items():
        for section in doc.sections:
            for table in _tables(section.text):
                count += 1
                holders = [c for c in corpus_chunks[document] if table in c.text]
                assert len(holders) == 1, (section.label, table[:80])
                assert holders[0].section_ordinal == section.ordinal
                first_line = table.splitlines()[0]
                assert sum(first_line in c.text for c in corpus_chunks[document]) == 1
    assert count >= 8
