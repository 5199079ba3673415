"""The convention's art. 7 table: a total under the wrong unit of its spanning header (issue #13, docs12).

Before, the table printed "Durée totale En heures : 5,5" for PASS (40 hours of training: 5,5 is a count of
days, set in the PDF under the hours' sub-column, the days' one empty).
"""

from __future__ import annotations

from ingest.models import ParsedDocument
from ingest.tables import render_table, total_in_its_unit

CONVENTION = "convention-formation-cqp-conseiller-offres-de-service"


# -- a total under the wrong unit -------------------------------------------------------------------------

HEADER = ["", "Module", "Durée", "", "dont : nb d'heures de cours", "dont : nb d'heures de stage"]
UNITS = ["", "", "En jours", "En heures", "", ""]


def test_a_total_smaller_than_its_own_part_in_that_unit_moves_to_the_empty_unit() -> None:
    rows = [HEADER, UNITS, ["Cursus", "Accueil", "", "3", "21", ""]]
    assert total_in_its_unit([list(r) for r in rows], 2)[2] == ["Cursus", "Accueil", "3", "", "21", ""]


def test_a_total_consistent_with_its_parts_stays() -> None:
    rows = [HEADER, UNITS, ["Cursus", "Accueil", "", "35", "21", "14"], ["", "Suivi", "", "2", "", ""]]
    fixed = total_in_its_unit([list(r) for r in rows], 2)
    assert fixed[2][2:4] == ["", "35"] and fixed[3][2:4] == ["", "2"]  # no part exceeds it: nothing to say


def test_a_total_whose_other_unit_is_filled_stays() -> None:
    rows = [HEADER, UNITS, ["Cursus", "Accueil", "4", "3", "21", ""]]
    assert total_in_its_unit([list(r) for r in rows], 2)[2][2:4] == ["4", "3"]


def test_the_conventions_article_7_gives_days_in_the_days_column(corpus: dict[str, ParsedDocument]) -> None:
    """Art. 7's table: PASS "5,5" beside 40 hours of training, PREM'SS "8,5" beside 61 hours: days."""
    art7 = next(s for s in corpus[CONVENTION].sections if s.number == "7")
    rows = [line for line in art7.text.splitlines() if line.startswith("– CQP")]
    assert "Organisme(s) de formation : PASS formation; Durée totale En jours : 5,5;" in rows[0]
    assert "Organisme(s) de formation : PREM'SS; Durée totale En jours : 8,5;" in rows[1]
    assert "technologiques ou professionnels) : 40" in rows[0] and "d'accompagnement : 46" in rows[1]
    assert "En heures : 5,5" not in art7.text and "En heures : 8,5" not in art7.text


def test_render_table_applies_it() -> None:
    text = render_table([HEADER, UNITS, ["Cursus", "Accueil", "", "3", "21", ""]])
    assert "Durée En jours : 3" in text and "En heures" not in text.splitlines()[1]
