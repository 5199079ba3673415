"""conv25: facts read for a calculator — one grade for the five CQP GC exams, "mon oral c'est 7", a diploma wished for.

Circulaire de mise en œuvre du CQP gestionnaire conseil, V: the five evaluations (contrôle continu tronc commun and
option, épreuve écrite, épreuve orale, applications pratiques tutorées) weigh 1, 1, 3, 3 and 2 over 200; "pour être
certifiés, les candidats doivent … avoir obtenu une note moyenne supérieure ou égale à 10/20 sans note éliminatoire".
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.extraction.dates import parse_dates
from assistant.routing.extraction.grades import parse_grades
from assistant.routing.extraction.situation import parse_diploma_level

FIVE = {"continuous_common", "continuous_option", "written", "oral", "tutored"}


@pytest.mark.parametrize(
    "text",
    [
        "J'ai eu pile 10 sur 20 à chacune des cinq évaluations du CQP gestionnaire conseil : ça passe ?",
        "12 aux cinq épreuves du CQP GC, je suis reçue ?",
        "J'ai eu 11 à toutes les cinq épreuves.",
    ],
)
def test_one_grade_for_the_five_exams(text: str) -> None:
    grades = parse_grades(text)
    assert set(grades) == FIVE and len(set(grades.values())) == 1


def test_a_grade_said_with_cest_is_read_and_the_last_said_wins() -> None:
    grades = parse_grades("J'ai eu 10 sur 20 à chacune des cinq évaluations, mon oral c'est 7.")
    assert grades["oral"] == 7 and grades["written"] == 10


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # art. 2.3: "Sont concernés, les salariés n'ayant pas atteint un niveau de qualification sanctionné par une
        # certification professionnelle enregistrée au RNCP et correspondant au grade de la licence." The diploma
        # wished for is no qualification held.
        ("Il est manager sans diplôme au-delà de bac+2. Il voudrait le master manager stratégique.", 5),
        ("Elle a le bac et souhaite passer un BTS.", 4),
        ("Je voudrais savoir si mon master suffit.", 7),  # (the verb wishes to know: the master is held)
    ],
)
def test_a_diploma_wished_for_is_not_held(text: str, level: int) -> None:
    assert parse_diploma_level(text) == level


def test_a_period_between_two_days_each_with_its_article() -> None:
    """Art. 4.3: "il correspond à 7 points par mois, complet ou non": the mission's two ends are what it counts."""
    spans = parse_dates("Tutorat d'une alternante entre le 1er mars et le 30 juin 2026 : combien ?", date(2026, 11, 29))
    assert [(s.kind, s.start, s.end) for s in spans] == [("range", date(2026, 3, 1), date(2026, 6, 30))]
