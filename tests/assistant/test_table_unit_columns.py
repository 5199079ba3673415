"""A table's figures stand under a column labelled by their unit: the flattened rows of the convention's art. 7
read "Durée totale En jours : 5,5; dont : nb d'heures de formation (…) : 40". A count of hours or days asked of a
module is stated there (`attributes._labelled`, `silent_kinds` "duration"), although no figure stands before the
word "heures" (found at merge: scope16's check of what is asked in the thing's own passages left only this table).
Questions mine."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.attributes import _counts

ROW = (
    "– CQP Conseiller offres de service de la Sécurité sociale — Organisme(s) de formation : PASS formation; "
    "Durée totale En jours : 5,5; dont : nb d'heures de formation (enseignements généraux, technologiques ou "
    "professionnels) : 40; Modalité E learning (oui/non) : Oui"
)


def test_a_figure_under_its_units_column_counts_that_unit() -> None:
    assert _counts(ROW, "heures")
    assert _counts(ROW, "jours")
    assert not _counts(ROW, "salariés")  # a unit of time is counted by any unit of its family, people are not
    assert not _counts("Organisme(s) de formation : PASS formation", "heures")


@pytest.mark.integration
def test_the_hours_of_a_module_are_read_from_the_table(assistant: Any) -> None:
    """Convention (CQP conseiller offres de service), art. 7, table: « PASS formation … 5,5 … 40 »."""
    answer = assistant.ask(
        "Le module PASS formation de la convention du CQP conseiller offres de service dure combien d'heures ?",
        today=date(2026, 11, 29),
    )
    assert answer.route == "retrieval", answer.text
    assert "40" in answer.text, answer.text
    assert "ne précisent pas" not in answer.text, answer.text
