"""A pay asked by its verb of a thing the texts only name is stated only by an amount or points (oos17, #21).

The fiche of the CQPs: "Le CQP a été créé par la Commission Paritaire Nationale … en 2020 à la demande de la branche
Recouvrement" and "inscrit au … RNCP au niveau 7 de qualification sous le numéro 35744" — figures, but no pay of the
inspecteur du recouvrement. The tutor's bonus is a rule of the texts (accord, art. 4.3: "il correspond à 7 points par
mois, complet ou non"): asked by the same verb, it is answered. Questions mine."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.attributes import asks_pay


@pytest.mark.parametrize(
    "question",
    ["Combien gagne un inspecteur ?", "combien touchent les titulaires ?", "Combien est payée une alternante ?"],
)
def test_a_pay_is_asked_by_its_verb(question: str) -> None:
    assert asks_pay(question)


@pytest.mark.parametrize("question", ["Combien de blocs compte le CQP ?", "Qui touche la prime de tuteur ?"])
def test_no_pay_is_asked(question: str) -> None:
    assert not asks_pay(question)


@pytest.mark.integration
def test_an_unstated_pay_is_refused_and_the_tutor_bonus_answered(assistant: Any) -> None:
    today = date(2026, 11, 29)
    refused = assistant.ask(
        "Combien gagne chaque mois un contrôleur du recouvrement une fois son CQP en poche ?", today=today
    )
    assert refused.route == "refusal"
    answer = assistant.ask("Combien touche un tuteur par mois d'accompagnement ?", today=today)
    assert answer.route != "refusal" and "7 points" in answer.text
