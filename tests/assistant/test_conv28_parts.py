"""A part of a thing asked by an ellipsis that asks whether it is the same, or by a pronoun (conv28, issue #14), in
words no evaluation set uses.

CQP gestionnaire conseil, part V, its grading table: « Epreuve écrite /20 3 ≤ 6 /60 », « Epreuve orale /20 3 ≤ 6
/60 », and its second table: « Epreuve orale … Organisée par les CRFP, 40 à 45 mn ». Without the index: the question
the follow-up is asked as (`siblings.sibling_question`, `siblings.part_question`).
"""

from __future__ import annotations

import pytest

from assistant.conversation.siblings import part_question, sibling_question


@pytest.mark.parametrize(
    ("message", "previous", "asked"),
    [
        (
            "et côté oral, c'est la même barre ?",
            "Au CQP GC, sous quelle note l'épreuve écrite élimine-t-elle le candidat ?",
            "Au CQP GC, sous quelle note l'épreuve orale élimine-t-elle le candidat ?",
        ),
        (
            "Et pour l'écrit, c'est pareil ?",
            "Le CQP gestionnaire conseil : les mises en situation comptent avec quel coefficient ?",
            "Le CQP gestionnaire conseil : l'épreuve écrite comptent avec quel coefficient ?",
        ),
        (  # the tail names a column of the table the earlier question did not say: asked with it
            "Et l'oral, c'est le même coefficient ?",
            "Gestionnaire conseil : l'écrit pèse combien dans la moyenne ?",
            "Gestionnaire conseil : l'épreuve orale pèse combien dans la moyenne, le coefficient ?",
        ),
    ],
)
def test_an_ellipsis_asking_whether_it_is_the_same(message: str, previous: str, asked: str) -> None:
    assert sibling_question(message, previous) == asked


def test_a_pronoun_speaks_of_the_part_named_before() -> None:
    """« Organisée par les CRFP, 40 à 45 mn »: a duration is what the oral has, so "elle" is the oral."""
    previous = "Mon oral du CQP gestionnaire conseil, c'est devant qui ?"
    assert part_question("Et elle prend combien de minutes ?", previous) == (
        "L'épreuve orale du CQP gestionnaire conseil : et elle prend combien de minutes ?"
    )
    assert part_question("Quel est son coefficient ?", previous) == (
        "L'épreuve orale du CQP gestionnaire conseil : quel est son coefficient ?"
    )


@pytest.mark.parametrize(
    ("message", "previous"),
    [
        (
            "Il est de quel niveau ?",
            "Mon oral du CQP gestionnaire conseil, c'est devant qui ?",
        ),  # the CQP's, not a part's
        ("Il faut quelle note ?", "Mon oral du CQP gestionnaire conseil, c'est devant qui ?"),  # no pronoun of a thing
        ("Elle dure combien de temps ?", "Qui délivre le CQP gestionnaire conseil ?"),  # no part named before
        ("Et l'écrit, il dure combien ?", "Mon oral du CQP gestionnaire conseil, c'est devant qui ?"),  # names a part
    ],
)
def test_no_part_for_the_pronoun(message: str, previous: str) -> None:
    assert part_question(message, previous) is None
