"""Garantie individuelle d'accès à la formation: protocole du 19 décembre 2019, art. 8."""

from __future__ import annotations

import pytest
from hypothesis import assume, given

from calculators.dates import anniversary
from calculators.result import CalcError
from calculators.training_guarantee import training_guarantee
from tests.calculators.helpers import FAST, d, dates

# (article, last training, as of, deadline, status, expected text)
CASES = [
    ("art. 8 formation en mars 2021 → avant mars 2026", "2021-03-15", "2025-06-01", "2026-03-15", "open", "mars 2026"),
    ("art. 8 garantie pas encore ouverte", "2023-05-10", "2025-06-01", "2028-05-10", "not_open", "10 mai 2027"),
    ("art. 8 échéance dépassée", "2019-01-01", "2025-06-01", "2024-01-01", "overdue", "dépassée"),
    ("art. 8 le jour de l'échéance elle est dépassée", "2020-06-01", "2025-06-01", "2025-06-01", "overdue", "dépassée"),
]


@pytest.mark.parametrize(("article", "last", "as_of", "deadline", "status", "text"), CASES, ids=[c[0] for c in CASES])
def test_training_guarantee_table(article, last, as_of, deadline, status, text):
    result = training_guarantee(d(last), d(as_of))
    assert result.value == deadline, article
    assert result.details["status"] == status
    assert text in result.summary
    assert result.references[0].section == "8"


def test_last_training_after_reference_date_is_refused():
    with pytest.raises(CalcError, match="postérieure"):
        training_guarantee(d("2026-01-01"), d("2025-01-01"))


@FAST
@given(dates, dates)
def test_deadline_is_five_years_after_and_status_is_consistent(a, b):
    last, as_of = min(a, b), max(a, b)
    result = training_guarantee(last, as_of)
    deadline = anniversary(last, 5)
    assert result.details["deadline"] == deadline
    assert result.details["overdue"] is (as_of >= deadline)


@FAST
@given(dates, dates)
def test_future_last_training_is_refused(a, b):
    assume(a != b)
    with pytest.raises(CalcError):
        training_guarantee(max(a, b), min(a, b))


def test_never_trained_counts_from_the_hire_date():
    """Protocole art. 8: "Le bénéfice d'une formation est ainsi garanti à tous les salariés présents qui n'en
    auraient pas suivi depuis 4 ans. Celle-ci intervient dans l'année suivant cette période de 4 ans." Without
    any training, the 4 years run from the hire (issue 15, point 7)."""
    result = training_guarantee(None, d("2025-06-01"), hire_date=d("2020-09-01"))
    assert result.details["opens_on"] == d("2024-09-01")
    assert result.value == "2025-09-01"
    assert "depuis votre embauche" in result.summary
    assert training_guarantee(as_of=d("2025-06-01")).missing == ["last_training"]


def test_29_february_anniversaries_fall_on_1_march():
    """Protocole art. 8 counts "4 ans" then "l'année suivant": from 29 February 2020 the fifth anniversary
    is 1 March 2025, the reading used for every period counted in years (issue 15, point 7)."""
    result = training_guarantee(d("2020-02-29"), d("2025-02-28"))
    assert result.details["opens_on"] == d("2024-02-29")
    assert result.details["deadline"] == d("2025-03-01")
    assert result.details["status"] == "open"
