"""Grades said as a change ("l'écrit passe à 11") or after a list of exams ("option, écrit et APT à 13").

The CQP rule the grades feed (circulaire CQP gestionnaire conseil, mise en œuvre): the candidate is
certified "avec une moyenne d'au moins 10/20 sans note éliminatoire (écrit ou oral ≤ 6)", total sur 200.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.conversation.fact_merge import merge_facts
from assistant.routing.extraction.grades import parse_grades
from calculators.cqp_certification import cqp_certification


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("écrit 10, oral 12, tc 11, option 9, apt 10 ; et si mon oral tombait à 5 ?", "oral", 5.0),
        ("J'avais 8 à l'écrit, 12 partout ailleurs. Imaginons que l'écrit remonte à 10.", "written", 10.0),
        ("tc 12, option 9, écrit 11, oral 13, APT 14 — si l'option descend de 9 à 6 ?", "continuous_option", 6.0),
        ("oral 9, écrit 11, tc 10, option 10, apt 10, mais l'APT devient 15", "tutored", 15.0),
    ],
)
def test_a_grade_said_to_change_replaces_the_first_one(text: str, key: str, value: float) -> None:
    assert parse_grades(text)[key] == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "tronc commun 12, option, écrit et APT à 13, oral 8",
            {"continuous_common": 12, "continuous_option": 13, "written": 13, "tutored": 13, "oral": 8},
        ),
        ("l'écrit et l'oral : 12, tc 10", {"written": 12, "oral": 12, "continuous_common": 10}),
        (
            "En TC, en option et à l'oral 14 ; écrit 7",
            {"continuous_common": 14, "continuous_option": 14, "oral": 14, "written": 7},
        ),
    ],
)
def test_one_grade_after_a_list_of_exams_is_each_ones(text: str, expected: dict[str, float]) -> None:
    assert parse_grades(text) == expected


def test_a_change_decides_the_certification() -> None:
    """An oral falling to 5 is eliminatory ("écrit ou oral ≤ 6"), whatever the average."""
    grades = parse_grades("écrit 14, oral 14, tc 14, option 14, apt 14, et si l'oral tombe à 5 ?")
    assert grades["oral"] == 5
    assert cqp_certification(**grades).certified is False


@pytest.mark.parametrize(
    ("earlier", "follow", "expected"),
    [
        (
            "Au CQP GC j'ai 12 à l'écrit, à l'oral et en option, 10 en tronc commun et 11 aux APT. Reçu ?",
            "et avec 5 à l'écrit ?",
            {"written": 5, "oral": 12, "continuous_option": 12, "continuous_common": 10, "tutored": 11},
        ),
        (
            "CQP : 14 en option et en tronc commun, écrit 9, oral 11, APT 12. Certifié ?",
            "Et si j'avais 8 en option ?",
            {"continuous_option": 8, "continuous_common": 14, "written": 9, "oral": 11, "tutored": 12},
        ),
        (
            "J'ai eu 13 aux applications tutorées et à l'écrit, oral 10, TC 9, option 9 : ça passe ?",
            "bon en fait 7 aux applications tutorées",
            {"tutored": 7, "written": 13, "oral": 10, "continuous_common": 9, "continuous_option": 9},
        ),
    ],
)
def test_changing_the_exam_that_carries_a_shared_grade_changes_it_alone(
    earlier: str, follow: str, expected: dict[str, float]
) -> None:
    """ "12 à l'écrit, à l'oral et en option" then "5 à l'écrit": the oral and the option keep 12."""
    merged = merge_facts(earlier, follow, date(2026, 11, 29))
    assert parse_grades(merged.text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "total"),
    [
        (
            "12 en contrôle du socle, 10 en contrôle d'option, 11 à l'écrit, 9 à l'oral, 10 pour la pratique tutorée",
            {"continuous_common": 12, "continuous_option": 10, "written": 11, "oral": 9, "tutored": 10},
            102,
        ),
        (
            "9 puis 8 aux deux contrôles continus, 10 à l'écrit, 9 à l'oral, 10 en pratique tutorée",
            {"continuous_common": 9, "continuous_option": 8, "written": 10, "oral": 9, "tutored": 10},
            94,
        ),
    ],
)
def test_the_exams_named_in_a_candidate_s_words(text: str, expected: dict[str, float], total: int) -> None:
    """Circular V's table: "Contrôles continus - Tronc commun /20 1 … - Option /20 1 … Epreuve écrite /20 3 … Epreuve
    orale /20 3 … Applications professionnelles tutorées 2 … Total/200" — "le contrôle du socle", "la pratique
    tutorée", "9 puis 8 aux deux contrôles continus" name those tests (calc18)."""
    grades = parse_grades(text)
    assert grades == expected
    assert cqp_certification(**grades).details["total"] == total
