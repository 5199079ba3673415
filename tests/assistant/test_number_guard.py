"""The number guard keeps only sentences whose figures appear in the sources."""

from __future__ import annotations

import pytest

from assistant.answering.number_guard import canonical, guard_numbers, numbers_in

SOURCE = (
    "Le montant de la prime est proportionnel à la durée de la mission ; il correspond à 7 points par mois, "
    "complet ou non. Dans ce cadre, la prime peut atteindre 252 points par année civile et par tuteur."
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("60 000", "60000"), ("60.000", "60000"), ("0,15", "0.15"), ("12,50", "12.5"), ("7", "7"), ("1 600", "1600")],
)
def test_canonical_forms(raw: str, expected: str) -> None:
    assert canonical(raw) == expected


def test_citation_markers_are_not_figures() -> None:
    assert numbers_in("La prime est de 7 points [3].") == {"7"}


def test_invented_figure_removes_its_sentence() -> None:
    result = guard_numbers("La prime vaut 50 points par mois [1]. Le plafond est de 252 points [1].", [SOURCE])
    assert result.text == "Le plafond est de 252 points [1]."
    assert result.removed == ["La prime vaut 50 points par mois [1]."]


def test_supported_figures_pass_untouched() -> None:
    text = "La prime est de 7 points par mois [1]. Elle est plafonnée à 252 points."
    assert not guard_numbers(text, [SOURCE]).changed


def test_number_words_in_sources_allow_digits() -> None:
    assert not guard_numbers("Au moins 2 entretiens.", ["au moins deux entretiens professionnels"]).changed


def test_thousands_separators_match() -> None:
    assert not guard_numbers("La contribution est de 60 000 €.", ["Montant : 60000 €"]).changed
