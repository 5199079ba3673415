"""A time adjunct put in front of a question frames it; it is not what the question asks about (oos20, #21).

"En plein été, ai-je le droit de venir en short au bureau ?" asks about shorts at the office, which no text speaks
of; its subject was read as "plein", a word some passage holds ("temps plein"), so the question was answered from an
unrelated article. "Pendant une Pro-A, les heures de cours sont-elles rémunérées ?" asks about the hours of the
courses, which the accord, art. 2.5, answers: "Les actions de formation dans le cadre du dispositif Pro-A se déroulent
pendant le temps de travail avec maintien de la rémunération." A question with no comma after its adjunct ("Pendant
combien de temps dure la Pro-A ?") is one clause, read as before. Questions mine.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.routing.subject import subject_phrase

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("En plein été, ai-je le droit de venir en short au bureau si je ne reçois pas de public ?", "short"),
        ("En pleine canicule, peut-on venir en bermuda au guichet ?", "bermuda"),
        ("Pendant une Pro-A, les heures de cours sont-elles rémunérées par l'employeur ?", "heures cours"),
        ("Lors de l'entretien professionnel, qui présente le document sur les dispositifs de formation ?", "document"),
        ("Au cours de la mission de tutorat, le tuteur est-il formé à la transmission des savoirs ?", "tuteur forme"),
        ("Durant les vacances scolaires, puis-je emmener mon enfant au bureau ?", "emmener enfant"),
    ],
)
def test_the_fronted_time_adjunct_is_not_the_subject(question: str, subject: str) -> None:
    assert subject_phrase(question) == subject


def test_an_adjunct_without_its_comma_is_read_as_before() -> None:
    assert subject_phrase("Pendant combien de temps dure la Pro-A ?") == "temps pro-a"


@pytest.mark.integration
def test_the_office_question_is_refused_and_the_pro_a_answered(assistant: Any) -> None:
    shorts = assistant.ask("En pleine canicule, ai-je le droit de venir en bermuda au bureau ?", today=TODAY)
    assert shorts.route == "refusal"
    hours = "Pendant une Pro-A, les heures de cours sont-elles rémunérées par l'employeur ?"
    courses = assistant.ask(hours, today=TODAY)
    assert courses.route == "retrieval" and "maintien de la rémunération" in courses.text
