"""A count asked with a question of another kind ("combien de N …, et depuis quelle année … ?") is not a bare
enumeration: the list answers the count only, so the ordinary answer (the sentence holding both) is given
(`enumerations._OTHER_QUESTION`, read from the message's two interrogatives). Wordings of our own."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from assistant.service import Assistant


def folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


@pytest.mark.parametrize(
    "question",
    [
        "Combien y a-t-il de CQP dans le régime général et à partir de quelle année ont-ils vu le jour ?",
        "Les CQP du régime général : combien en existe-t-il, et en quelle année le premier a-t-il été créé ?",
        "Combien de certificats de qualification professionnelle a le régime général, et quelle année a vu "
        "naître le premier ?",
    ],
)
def test_the_count_and_the_year(assistant: Assistant, question: str) -> None:
    """The fiche: « Le Régime général de la Sécurité sociale compte aujourd'hui 8 Certificats de Qualification
    Professionnelle, créés depuis 2005 par la … CPNEFP … »"""
    text = folded(assistant.ask(question).text)
    assert "8 certificats" in text and "2005" in text


def test_the_count_and_the_list_stay_an_enumeration(assistant: Assistant) -> None:
    """ "combien … et quels sont-ils ?" asks the members: the list answers it."""
    text = folded(assistant.ask("Combien de CQP compte le régime général et quels sont-ils ?").text)
    assert "cqp manager operationnel" in text and "cqp gestionnaire conseil" in text
