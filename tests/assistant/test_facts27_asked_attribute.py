"""The attribute a question asks, read from its form, brings the sentence stating it after a lead that does not
(facts27: `answer_types` requirement and money forms, `asked_detail.clause_detail` for a question with no premise).

The sentences that answer, in the texts:
- the avenant of 2022, annex 1 (DEAES): "L'article 14 de l'arrêté du 30 août relatif au diplôme d'État
  d'accompagnant éducatif et social précise que le diplôme est délivré aux candidats ayant acquis tous les blocs de
  compétences sous réserve de la détention de l'AFGSU de niveau 2.";
- the circular on the CQP gestionnaire conseil, part IX: "Les durées d'enseignement, d'applications tutorées et
  d'évaluations peuvent être prise en charge (dans la limite des durées maximales fixées nationalement), à raison de
  12 €/h pour l'année 2013."
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.answer_types import AMOUNT, CONDITION, asked_types, asks_money, holds

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    "question",
    [
        "Quel diplôme faut-il avoir pour entrer au master ?",
        "Quelle attestation faut-il détenir en plus des blocs ?",
        "Combien de blocs de compétences faut-il valider pour le diplôme ?",
        "Qu'exige la convention pour que le financement soit accepté ?",
    ],
)
def test_a_requirement_asked_by_what_it_takes_is_a_condition(question: str) -> None:
    assert CONDITION in asked_types(question)


@pytest.mark.parametrize(
    "question",
    [
        "Quelle est la durée de la Pro-A ?",  # a length, not a requirement
        "Pour une VAE, il faut avoir travaillé combien de temps ?",  # a length too (u26s-084 lost its lead to one)
        "Combien de temps d'activité faut-il pour une VAE ?",
        "Faut-il un accord de l'employeur ?",  # a yes/no question: decided, not a condition asked
        "Qui fixe les coûts des formations ?",
    ],
)
def test_other_questions_ask_no_requirement(question: str) -> None:
    assert CONDITION not in asked_types(question)


def test_the_requirement_sentence_states_a_condition() -> None:
    assert holds(
        CONDITION,
        "L'article 14 de l'arrêté du 30 août relatif au diplôme d'État d'accompagnant éducatif et social précise que "
        "le diplôme est délivré aux candidats ayant acquis tous les blocs de compétences sous réserve de la "
        "détention de l'AFGSU de niveau 2.",
    )


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Combien d'euros de l'heure étaient pris en charge ?", True),
        ("Quel était le taux horaire de prise en charge ?", True),
        ("À quel tarif horaire ?", True),
        ("Quel taux de contribution ?", False),  # a percentage
        ("Combien d'heures de formation ?", False),
    ],
)
def test_a_sum_of_money_asked_by_its_unit(question: str, asked: bool) -> None:
    assert asks_money(question) is asked


def test_the_rate_sentence_states_an_amount() -> None:
    assert holds(AMOUNT, "à raison de 12 €/h pour l'année 2013")


def test_the_certificate_required_for_the_deaes_is_said(assistant: Any) -> None:
    answer = assistant.ask(
        "En plus des blocs de compétences, quel brevet de premiers secours faut-il posséder pour se voir délivrer "
        "le DEAES ?",
        today=TODAY,
    )
    assert "AFGSU" in answer.text


def test_the_hourly_rate_of_2013_is_said(assistant: Any) -> None:
    answer = assistant.ask(
        "Pour le parcours du CQP gestionnaire conseil, quel était en 2013 le taux horaire pris en charge ?",
        today=TODAY,
    )
    assert "12 €/h" in answer.text
