"""After a premise, the sentence closest in meaning to the asking clause follows a lead that misses it
(`answering.asked_detail.clause_detail`, lead23).

The lead is chosen on the whole message and often restates the premise; the answer stands in the same section:
- the circular on the CQP gestionnaire conseil, part VIII: "Les difficultés éventuelles que vous pourriez rencontrer
  dans ce calendrier doivent être adressées au CRFP de votre région, qui les adressera à l'Ucanss.";
- the accord's art. 4.2: "Il bénéficie du temps nécessaire à l'exercice de sa fonction.";
- the accord's art. 8: "À l'issue de cet entretien, la formation est choisie d'un commun accord entre l'employeur et
  le salarié."
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.answer_types import DATE, WHO, asked_types, holds
from assistant.answering.asked_detail import meaning_clause
from tests.assistant.lead_helpers import answer_lead

TODAY = date(2026, 11, 29)


def test_the_asking_clause_after_a_semicolon_is_read_alone() -> None:
    message = (
        "Je n'ai suivi aucune formation depuis 2021 ; si une formation m'est due, qui décide laquelle je suivrai ?"
    )
    assert meaning_clause(message) == "si une formation m'est due, qui décide laquelle je suivrai ?"
    # no premise: nothing to read apart
    assert meaning_clause("Qui gère la contribution conventionnelle ?") == ""


def test_vers_qui_asks_a_body() -> None:
    assert WHO in asked_types("vers qui devait-elle se tourner ?")


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        # art. 8: the parties who choose
        (
            WHO,
            "À l’issue de cet entretien, la formation est choisie d’un commun accord entre l’employeur et le salarié.",
        ),
        # convention CQP COS, art. 8: a moment named by the act it follows
        (DATE, "Les résultats ne seront transmis à l'organisme, par (nom), qu'après délibération de la CPNEFP."),
    ],
)
def test_sentences_state_the_kind_asked(kind: str, sentence: str) -> None:
    assert holds(kind, sentence)


def test_the_body_asked_after_a_premise_is_said(assistant: Any) -> None:
    answer = assistant.ask(
        "En 2013, une candidate à une attestation nationale ne pouvait pas finir son parcours à temps : "
        "vers qui devait-elle se tourner ?",
        today=TODAY,
    )
    assert "CRFP" in answer_lead(answer)


def test_a_yes_no_clause_the_lead_leaves_unanswered_is_followed(assistant: Any) -> None:
    answer = assistant.ask(
        "Ma direction vient de me désigner tutrice d'un alternant ; est-ce qu'on doit me libérer du temps pour ça ?",
        today=TODAY,
    )
    assert "temps nécessaire" in answer_lead(answer)
