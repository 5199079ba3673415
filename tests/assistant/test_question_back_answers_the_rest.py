"""A question back answers now what it does not ask about (issue #13 class 1, calc18).

Art. 5 of the protocole: "Les frais de transport et de repas engagés par le salarié ayant bénéficié de l'absence
autorisée au titre du conseil en évolution professionnelle, lui sont remboursés sur la base des dispositions du
protocole d'accord du 23 juillet 2015 relatif aux frais de déplacement." The costs do not depend on the contract
or the seniority the question back asks about: a message asking both the absence and the costs gets the costs'
sentence, cited, with its question back, instead of losing that half until the user replies.
"""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.integration
@pytest.mark.parametrize(
    ("question", "shown"),
    [
        (
            "Combien de temps d'absence pour un conseil en évolution professionnelle, et mes frais de transport "
            "seront-ils remboursés ?",
            "mes frais de transport seront-ils remboursés",
        ),
        (
            "Pour mon rendez-vous de conseil en évolution professionnelle, je serai absent combien de temps, et mes "
            "repas sont-ils pris en charge ?",
            "mes repas sont-ils pris en charge",
        ),
    ],
)
def test_the_clause_the_question_back_leaves_is_answered_from_the_texts(assistant: Any, question, shown) -> None:
    answer = assistant.ask(question)
    assert answer.route == "clarify"
    assert "demi-journée" in answer.text  # the half-day, whatever the contract (art. 5)
    assert f"Pour le reste de votre question ({shown})" in answer.text
    assert "lui sont remboursés" in answer.text
    assert any(c.document == "accord-2019-12-19-formation-professionnelle" for c in answer.citations)


@pytest.mark.integration
def test_a_question_back_asking_one_thing_adds_nothing(assistant: Any) -> None:
    answer = assistant.ask("Combien de temps d'absence pour mon conseil en évolution professionnelle ?")
    assert "Pour le reste de votre question" not in answer.text
