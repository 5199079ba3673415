"""A "qu'est-ce que … ?" question asks *what*, not yes or no (issue #13, design point 3).

Its "est-ce qu'" is the one of a closed question ("Est-ce qu'on peut refuser ?"), so `answer_types`
read "qu'est-ce qu'on doit m'expliquer pendant l'entretien ?" as a yes/no question and lifted the
sentences that decide by a negation: art. 6's « Lorsque l'entretien professionnel n'est pas réalisé
par le service des ressources humaines, ce dernier s'assure que l'interlocuteur qui réalise l'entretien
bénéficie de toutes les informations nécessaires » then led over the list of what the employer
presents (« l'employeur ou son représentant, lors de l'entretien professionnel : – informera les
salariés des modalités d'utilisation et d'accès au conseil en évolution professionnelle, au compte
personnel de formation, à la validation des acquis de l'expérience… »). Wordings written for these tests.
"""

from __future__ import annotations

import pytest

from assistant.answering.answer_types import DECIDES, asked_types, closes, type_factor

NEGATING = (
    "Lorsque l’entretien professionnel n’est pas réalisé par le service des ressources humaines, ce dernier "
    "s’assure que l’interlocuteur qui réalise l’entretien bénéficie de toutes les informations nécessaires."
)


@pytest.mark.parametrize(
    "question",
    [
        "Qu'est-ce que mon employeur doit me présenter au cours de l'entretien professionnel ?",
        "qu'est ce qu'on est censé m'apprendre lors du bilan à six ans ?",
        "Qu’est-ce qui change pour moi si je pars en Pro-A ?",
        "Concrètement, qu'est-ce qu'il faut apporter le jour de l'oral ?",
    ],
)
def test_what_questions_are_open(question: str) -> None:
    assert not closes(question)
    assert DECIDES not in asked_types(question)
    assert type_factor(asked_types(question), NEGATING) <= 1.0 + 1e-9


@pytest.mark.parametrize(
    "question",
    [
        "Est-ce qu'on peut refuser l'entretien professionnel ?",
        "est-ce que la prime de tutorat est proratisée ?",
        "Le CEP, est-ce qu'il est payant ?",
    ],
)
def test_closed_questions_still_decide(question: str) -> None:
    """A true yes/no question keeps preferring the sentence that decides by a negation."""
    assert closes(question)
    assert type_factor(asked_types(question), NEGATING) > 1.0
