"""The law named only as the term of a comparison is not the source a question asks (refuse30, #21); the course
of the CQP convention named in everyday words names the texts.

"Ma caisse verse-t-elle un pourcentage de sa masse salariale en plus de ce que la loi impose ?" asks the branch's
own supplementary contribution (art. 9), and "… meilleure que ce que prévoit la loi ?" the guarantee the accord
sets "dans des conditions plus favorables que celles prévues par la loi" (art. 8): the router refused both as
asking the legal rule (`subject.asks_only_the_law`). The law compared is cut before the law is looked for; the law
named as the source ("selon le code du travail", "la loi garantit quel pourcentage ?") is still read.

The first tests read the wording only; the last one asks the real assistant a question written for this test.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.router import route
from assistant.routing.subject import asks_only_the_law, asks_the_law
from assistant.service import Assistant


@pytest.mark.parametrize(
    "question",
    [
        "Au-delà de ce que la loi impose, l'employeur finance-t-il davantage la formation ?",
        "Ce droit d'accès à la formation est-il plus favorable que le code du travail ?",
        "La caisse donne-t-elle mieux que ce que la loi prévoit pour le compte formation ?",
    ],
)
def test_the_law_compared_is_not_the_rule_asked(question: str) -> None:
    assert not asks_the_law(question)
    assert not asks_only_the_law(question)


@pytest.mark.parametrize(
    "question",
    [
        "Selon le code du travail, combien d'heures dure le congé de VAE ?",
        "En contrat de professionnalisation à 21 ans, la loi garantit quel pourcentage du SMIC ?",
        "Que prévoit la loi sur la durée d'un contrat d'apprentissage ?",
        "Plus précisément, que dit la loi sur le plafond du CPF ?",  # "plus" without a comparison of the law
    ],
)
def test_the_law_named_as_the_source_is_still_read(question: str) -> None:
    assert asks_only_the_law(question)


def test_a_question_comparing_the_branch_with_the_law_is_answered(assistant: Assistant) -> None:
    # art. 8: "Le salarié bénéficie d'un droit d'accès à la formation, dans des conditions plus favorables que
    # celles prévues par la loi" ; "Le bénéfice d'une formation est ainsi garanti à tous les salariés présents qui
    # n'en auraient pas suivi depuis 4 ans."
    answer = assistant.ask(
        "Le droit à une formation après 4 ans sans stage, c'est plus généreux que ce que dit la loi ?"
    )
    assert answer.route != "refusal", answer.text
    assert "4 ans" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Le parcours de l'accueil se termine par quel jury ?",
        "Combien de modules compte le parcours de conseiller de service ?",
        "Qui paie la formation des futurs conseillers d'accueil ?",
    ],
)
def test_the_convention_s_course_named_in_everyday_words_names_the_texts(question: str) -> None:
    # the convention's course ("le parcours de formation « conseiller offres de service »", art. 1) named as users
    # do (knowledge/data/everyday/names/texts.jsonl): a subject no passage words alike is not read as elsewhere
    assert route(question, date(2026, 12, 3)).names_texts


def test_the_law_beside_a_text_named_in_everyday_words_is_not_a_refusal() -> None:
    # "a question setting the law beside the agreement asks the agreement" (`asks_only_the_law`): so does one naming
    # the convention's course by an everyday name; the answer's checks decide
    question = "Le code du travail parle de prestataires ; pour le parcours de l'accueil, qui donne les cours ?"
    assert asks_only_the_law(question)
    assert route(question, date(2026, 12, 3)).route != "refusal"
    assert route("Le code du travail parle de prestataires ; qui donne les cours ?", date(2026, 12, 3)).route == (
        "refusal"
    )
