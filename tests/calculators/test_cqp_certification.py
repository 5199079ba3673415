"""CQP gestionnaire conseil certification: circular, section V (coefficients 1,1,3,3,2; ≥ 10/20; ≤ 6 éliminatoire)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.cqp_certification import cqp_certification
from calculators.result import CalcError
from tests.calculators.helpers import FAST

# (article, grades common/option/written/oral/tutored, pass followed, total, certified, text)
CASES = [
    ("V : 12, 11, 9, 10, 14 → 108/200 certifié", (12, 11, 9, 10, 14), None, 108, True, "108/200"),
    ("V : écrit 6 éliminatoire", (15, 15, 6, 15, 16), None, 125, False, "éliminatoire"),
    ("V : oral 5 éliminatoire", (15, 15, 15, 5, 16), True, 122, False, "éliminatoire"),
    ("V : moyenne 10/20 exactement → certifié", (10, 10, 10, 10, 10), True, 100, True, "100/200"),
    ("V : moyenne 9,9/20 → non certifié", (10, 9, 10, 10, 10), True, 99, False, "inférieure à 10/20"),
    ("V : Pass non suivi → non certifié", (15, 15, 15, 15, 15), False, 150, False, "Pass"),
    ("V : écrit 6,5 n'est pas éliminatoire", (12, 12, 6.5, 14, 12), True, 109.5, True, "109,5/200"),
]


@pytest.mark.parametrize(
    ("article", "grades", "pass_done", "total", "certified", "text"), CASES, ids=[c[0] for c in CASES]
)
def test_cqp_certification_table(article, grades, pass_done, total, certified, text):
    result = cqp_certification(*grades, pass_completed=pass_done)
    assert result.value == total, article
    assert result.certified is certified
    assert text in result.summary
    assert result.references[0].section == "V"


def test_pass_unknown_is_a_warning():
    result = cqp_certification(12, 11, 9, 10, 14)
    assert any("Pass" in w for w in result.warnings)


@pytest.mark.parametrize("grades", [(25, 10, 10, 10, 10), (10, -1, 10, 10, 10), (10, 10, float("nan"), 10, 10)])
def test_grade_out_of_range_is_refused(grades):
    with pytest.raises(CalcError, match="Note invalide"):
        cqp_certification(*grades)


grade = st.decimals(min_value=0, max_value=20, places=2)


@FAST
@given(st.tuples(grade, grade, grade, grade, grade))
def test_certified_means_average_and_no_eliminatory_grade(grades):
    result = cqp_certification(*grades, pass_completed=True)
    if result.certified:
        assert result.details["average"] >= 10
        assert grades[2] > 6 and grades[3] > 6
    assert 0 <= result.value <= 200


@FAST
@given(st.tuples(grade, grade, grade, grade, grade), st.integers(min_value=0, max_value=4), grade)
def test_raising_a_grade_never_loses_the_certification(grades, index, new):
    if new < grades[index]:
        return
    higher = list(grades)
    higher[index] = new
    before = cqp_certification(*grades, pass_completed=True)
    after = cqp_certification(*higher, pass_completed=True)
    assert after.value >= before.value
    assert after.certified >= before.certified


@FAST
@given(st.floats(min_value=20.01, max_value=1e6))
def test_grade_above_20_is_refused(bad):
    with pytest.raises(CalcError):
        cqp_certification(10, 10, bad, 10, 10)


def test_an_eliminatory_oral_decides_without_the_other_grades():
    """Circulaire, V: certification requires an average of at least 10/20 with no eliminatory grade (6 or less
    at the written or the oral exam). "4 sur 20 à l'oral" fails whatever the other grades (issue 13)."""
    result = cqp_certification(oral=4)
    assert result.certified is False and result.missing == []
    assert result.to_dict()["certified"] is False


def test_missing_grades_are_listed_only_while_they_can_change_the_result():
    """Circulaire, V: coefficients 1, 1, 3, 3, 2 over 200. Known grades that already give 100/200 without an
    eliminatory one decide; otherwise the missing grades are listed."""
    decided = cqp_certification(written=14, oral=15, tutored=16)
    assert decided.certified is True and decided.missing == []
    open_ = cqp_certification(written=12, oral=12)
    assert open_.certified is None
    assert open_.missing == ["continuous_common", "continuous_option", "tutored"]
    assert open_.to_dict()["certified"] is None


def test_average_is_shown_with_its_real_precision():
    """Circulaire, V: "une moyenne d'au moins 10/20" — 9,995 is below 10 and is shown as 9,995, never rounded
    to a "10/20 inférieure à 10/20" (issue 15, point 9)."""
    result = cqp_certification(10, 10, 9.99, 10, 10, True)
    assert result.certified is False
    assert "9,997/20 inférieure à 10/20" in result.summary
    grades = ("9.995", "9.995", "9.995", "9.995", "9.995")
    exact = cqp_certification(*grades, pass_completed=True)
    assert "9,995/20" in exact.summary and "10/20 inférieure" not in exact.summary
