"""A ratio or rate of the leading sentence applied to the user's own figure (issue #13 point 1, where no
calculator runs): the operation shown with its operands, every figure the user's, the text's or their product.

Wordings are this module's own; the sentences are the protocole's real sections (art. 2.5, 3.5, 4.3).
"""

from __future__ import annotations

import pytest

from assistant.answering import wording
from assistant.answering.applied_rule import applied_line, apply_rule
from assistant.answering.units import passage_units


def _sentences(sections: dict[str, str], number: str) -> list[str]:
    return [u.text for u in passage_units(sections[number])]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Action Pro-A de 900 h pour un agent peu qualifié : jusqu'à combien d'heures de formation ?", "630 heures"),
        ("On prévoit 1 200 heures de Pro-A, la formation peut monter au maximum à combien ?", "840 heures"),
        ("Pour une Pro-A de 500 h, quel volume d'heures au plus pour un salarié sans qualification ?", "350 heures"),
    ],
)
def test_a_share_of_a_length_is_applied_to_the_hours_given(
    sections: dict[str, str], question: str, expected: str
) -> None:
    """Art. 2.5: « Cette durée peut être portée jusqu'à 70 % du total de la durée de l'action pour les salariés
    visés à l'article L. 6325-1-1 et tous les salariés dont la qualification est insuffisante »."""
    applied = apply_rule(question, _sentences(sections, "2.5"))
    assert applied is not None and applied.operation.endswith(expected) and applied.bound == "au plus"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Pro-A sur une certification de 600 heures : combien d'heures d'enseignement au minimum ?", "150 heures"),
        ("Certification de 2 000 h en Pro-A, au moins combien d'heures d'accompagnement ?", "300 heures"),
    ],
)
def test_a_floor_under_a_share_is_kept(sections: dict[str, str], question: str, expected: str) -> None:
    """Art. 2.5: « … d'une durée au moins égale à 15 % de la durée de la certification, sans être inférieure à
    150 heures »: 15 % of 600 h is 90 h, under the floor of 150 h."""
    applied = apply_rule(question, _sentences(sections, "2.5"))
    assert applied is not None and applied.operation.endswith(expected) and applied.bound == "au moins"


def test_a_rate_per_month_is_applied_to_the_months_given(sections: dict[str, str]) -> None:
    """Art. 4.3: « … il correspond à 7 points par mois, complet ou non »."""
    applied = apply_rule("Une mission de tuteur de 5 mois rapporte combien de points ?", _sentences(sections, "4.3"))
    assert applied is not None and applied.operation == "7 points × 5 mois = 35 points"


@pytest.mark.parametrize(
    "question",
    [
        "Pro-A de 900 h : combien d'heures de formation ?",  # no bound asked, two shares stated: not applied
        "Jusqu'à combien d'heures de formation pour une Pro-A ?",  # no figure of the user's
        "Deux actions de 300 h et de 400 h : jusqu'à combien d'heures ?",  # two figures: the calculators' case
    ],
)
def test_no_operation_without_one_figure_and_one_rule(sections: dict[str, str], question: str) -> None:
    assert apply_rule(question, _sentences(sections, "2.5")) is None


def test_the_line_holds_only_the_user_s_the_text_s_and_the_result_figures(sections: dict[str, str]) -> None:
    line = applied_line(
        "Action Pro-A de 900 h, jusqu'à combien d'heures ?", _sentences(sections, "2.5"), 1, wording.APPLIED
    )
    assert line == "Appliqué à vos chiffres : 70 % × 900 heures = 630 heures (au plus) [1]."


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Un exemple chiffré de prime pour un tutorat d'une année civile entière ?", "7 points × 12 mois = 84 points"),
        ("Tuteur pendant six mois : combien de points ?", "7 points × 6 mois = 42 points"),
        ("Calcule la prime d'un tuteur qui accompagne un alternant sur un an.", "7 points × 12 mois = 84 points"),
    ],
)
def test_months_written_in_words_are_the_user_s_figure(sections: dict[str, str], question: str, expected: str) -> None:
    """Art. 4.3: « … 7 points par mois, complet ou non »; "une année entière" is 12 months, "six mois" 6; two
    lengths ("un an et trois mois") are left to the tutor calculator."""
    applied = apply_rule(question, _sentences(sections, "4.3"))
    assert applied is not None and applied.operation == expected
    assert apply_rule("Tuteur depuis un an et trois mois, combien ?", _sentences(sections, "4.3")) is None


@pytest.mark.parametrize(
    ("question", "expected", "bound"),
    [
        ("Nous allons recevoir 14 apprentis : combien de tuteurs désigner ?", "14 ÷ 3 = 4,67", "au moins"),
        ("Sept alternants arrivent en septembre, il nous faut combien de tuteurs ?", "7 ÷ 3 = 2,33", "au moins"),
        ("On attend 9 stagiaires : combien de tuteurs au minimum ?", "9 ÷ 3 = 3 tuteurs", "au moins"),
        (
            "Nos 4 tuteurs peuvent suivre combien de salariés en tout ?",
            "4 tuteurs × 3 salariés = 12 salariés",
            "au plus",
        ),
    ],
)
def test_a_cap_per_tutor_is_applied_to_the_count_given(
    sections: dict[str, str], question: str, expected: str, bound: str
) -> None:
    """Art. 4.2: « Afin d'optimiser l'accomplissement de sa mission, chaque tuteur accompagne, au maximum,
    3 salariés. »: N people need N ÷ 3 tutors, rounded up (a fourth person needs a second tutor); T tutors follow
    at most 3 T people."""
    applied = apply_rule(question, _sentences(sections, "4.2"))
    assert applied is not None and applied.operation.startswith(expected) and applied.bound == bound
    if "÷" in expected and not expected.endswith("tuteurs"):
        count = int(expected.split()[0])
        assert applied.operation.endswith(f"{-(-count // 3)} tuteurs")


@pytest.mark.parametrize(
    "question",
    [
        "Combien de salariés un tuteur peut-il accompagner ?",  # the rule itself: "un tuteur" is no count
        "Avec des tuteurs à trois alternants chacun : combien de tuteurs ?",  # the cap restated, no count given
        "Combien de tuteurs pour 10 alternants et 6 apprentis ?",  # two counts: which total is meant is not read
    ],
)
def test_no_cap_applied_without_one_count(sections: dict[str, str], question: str) -> None:
    assert apply_rule(question, _sentences(sections, "4.2")) is None


def test_a_ceiling_asked_by_its_noun_is_applied(sections: dict[str, str]) -> None:
    """Art. 3.5: « … sans toutefois pouvoir excéder 70 % de la durée totale de l'action de professionnalisation »:
    "plafond ?" asks that bound of the user's 1 200 h as much as "jusqu'à combien ?"."""
    applied = apply_rule(
        "Contrat pro de 1 200 heures, salarié peu qualifié : plafond des heures de formation ?",
        _sentences(sections, "3.5"),
    )
    assert applied is not None and applied.operation == "70 % × 1 200 heures = 840 heures"


def test_the_rest_of_the_passage_gives_only_a_cap(sections: dict[str, str]) -> None:
    """Outside the lead, only art. 4.2's cap names what it counts; art. 2.5's « jusqu'à 70 % du total de la durée »
    in a passage that does not lead is not applied to a figure the user gives of something else."""
    question = "Un module affiché à 120 h : combien d'heures au maximum ?"
    assert apply_rule(question, _sentences(sections, "2.5"), caps_only=True) is None
    capped = apply_rule("Avec 8 alternants, combien de tuteurs ?", _sentences(sections, "4.2"), caps_only=True)
    assert capped is not None and capped.operation.endswith("3 tuteurs")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "La certification visée en Pro-A dure entre 1 000 et 1 400 heures : combien d'heures au minimum ?",
            "15 % × 1 000 à 1 400 heures = 150 à 210 heures",
        ),
        (
            "Une Pro-A de 600 à 1 400 heures : combien d'heures de formation au minimum ?",
            "15 % × 600 à 1 400 heures = 90 à 210 heures, le bas sous le plancher de 150 heures : 150 à 210 heures",
        ),
        (
            "Une Pro-A de 600 à 900 heures : combien d'heures de formation au minimum ?",
            "15 % × 600 à 900 heures = 90 à 135 heures, moins que le plancher de 150 heures : 150 heures",
        ),
    ],
)
def test_a_share_is_applied_to_each_end_of_a_range(sections: dict[str, str], question: str, expected: str) -> None:
    """Art. 2.5: « d'une durée au moins égale à 15 % de la durée de la certification, sans être inférieure à
    150 heures » — each end of the user's range gets its share, the floor lifting an end below it (calc18)."""
    applied = apply_rule(question, _sentences(sections, "2.5"))
    assert applied is not None and applied.operation == expected and applied.bound == "au moins"


def test_a_rate_per_month_is_applied_to_each_end_of_a_range(sections: dict[str, str]) -> None:
    """Art. 4.3: « il correspond à 7 points par mois, complet ou non » — a mission of 4 to 6 months (calc18)."""
    applied = apply_rule("Tuteur sur une mission de 4 à 6 mois, combien de points ?", _sentences(sections, "4.3"))
    assert applied is not None and applied.operation == "7 points × 4 à 6 mois = 28 à 42 points"
    line = applied_line(
        "Tuteur sur une mission de 4 à 6 mois, combien de points ?",
        _sentences(sections, "4.3"),
        1,
        wording.APPLIED,
    )
    assert line == "Appliqué à vos chiffres : 7 points × 4 à 6 mois = 28 à 42 points [1]."  # the number guard keeps it
