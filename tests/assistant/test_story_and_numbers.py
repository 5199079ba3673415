"""A story before a rule question, and numbers written in words (issue #13, points 2 and 4).

The wordings are not those of the eval sets nor of `bench.metamorphic_transforms`. A paragraph about the
user that gives no fact a calculator reads must leave the rule question as it is asked alone (no question
back, the same passages); a story that gives such a fact stays a case. Numbers written in words are read as
the digits the texts use, by the router's readers and by the search. The unit half needs no index; the
real-corpus half asks the assistant.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.routing.question_frame import unrelated_story
from assistant.routing.router import route

TODAY = date(2026, 11, 29)

STORIES = (
    "Ça fait une éternité que je bosse à l'accueil, et franchement j'adore le contact avec le public.",
    "Mon équipe vient de déménager au deuxième étage et on s'y plaît bien. Je me pose une question.",
    "Nous sommes toute une bande de collègues à en discuter à la pause café, sans trouver la réponse.",
)
RULE_QUESTIONS = (
    "Quel est le plafond de salariés qu'un tuteur peut suivre simultanément ?",
    "Un formateur interne occasionnel touche combien de points par action ?",
    "Quelle durée d'absence est accordée pour un rendez-vous de conseil en évolution professionnelle ?",
)


@pytest.mark.parametrize("story", STORIES)
@pytest.mark.parametrize("question", RULE_QUESTIONS)
def test_a_story_without_a_fact_leaves_the_rule_question_as_asked_alone(story: str, question: str) -> None:
    told = route(f"{story} {question}", TODAY)
    bare = route(question, TODAY)
    assert (told.route, told.topic, told.calculator) == (bare.route, bare.topic, bare.calculator)
    assert told.route != "clarify"
    assert told.topic_query == bare.topic_query  # the story's words do not enter the search


@pytest.mark.parametrize(
    "message",
    [
        "Je suis tutrice d'une apprentie. Combien ?",  # a question of one word needs the story
        "La prime du tuteur m'intéresse beaucoup. Combien de points pour un tuteur ?",  # shares "tuteur"
        "Rien à signaler de mon côté.",  # no question
    ],
)
def test_what_is_not_an_unrelated_story_is_left(message: str) -> None:
    assert unrelated_story(message) is None


def test_a_story_that_gives_a_calculator_fact_stays_a_case() -> None:
    """A CDI told ("Je suis en CDI") is a fact the Pro-A rule reads: the question applies the rule to it."""
    decision = route(
        "Je suis en CDI depuis longtemps et mon service va fermer. Ai-je accès à une reconversion par la Pro-A ?",
        TODAY,
    )
    assert decision.route in ("calculator", "clarify")
    assert decision.arguments.get("contract") == "CDI"


@pytest.mark.parametrize(
    ("words", "digits"),
    [
        ("Que prévoit l'avenant de deux mille vingt-deux pour les caisses ?", "2022"),
        ("Une caisse de moins de cinquante salariés verse quelle contribution ?", "50"),
        ("Le texte signé en deux mille dix-neuf parle-t-il du tutorat ?", "2019"),
        ("Un congé de vingt-quatre heures pour la VAE, c'est la règle ?", "24"),
    ],
)
def test_numbers_in_words_reach_the_search_as_digits(words: str, digits: str) -> None:
    assert digits in route(words, TODAY).topic_query


def test_a_word_that_only_looks_like_a_number_is_kept() -> None:
    query = route("Un salarié neuf dans la caisse a-t-il droit à un entretien professionnel ?", TODAY).topic_query
    assert "neuf" in query and "Un salarié" in query


@pytest.mark.parametrize("story", STORIES[:2])
def test_a_story_leaves_the_answer_as_bare(assistant: Any, story: str) -> None:
    """Same route and same cited sections with and without the story, on the real corpus."""
    question = RULE_QUESTIONS[0]
    bare = assistant.ask(question, today=TODAY).to_contract()
    told = assistant.ask(f"{story} {question}", today=TODAY).to_contract()
    assert told["route"] == bare["route"] == "retrieval"
    assert {c["section"] for c in told["citations"]} == {c["section"] for c in bare["citations"]}


@pytest.mark.parametrize(
    ("words", "digits"),
    [
        ("Combien de temps dure au maximum une reconversion par alternance, en mois ?",
         "Combien de temps dure au maximum une reconversion par alternance, en mois ?"),
        ("Depuis quand l'accord de deux mille dix-neuf sur la formation s'applique-t-il ?",
         "Depuis quand l'accord de 2019 sur la formation s'applique-t-il ?"),
        ("Une caisse de moins de cinquante salariés doit-elle verser une contribution ?",
         "Une caisse de moins de 50 salariés doit-elle verser une contribution ?"),
    ],
)  # fmt: skip
def test_numbers_in_words_cite_as_digits(assistant: Any, words: str, digits: str) -> None:
    in_words = assistant.ask(words, today=TODAY).to_contract()
    in_digits = assistant.ask(digits, today=TODAY).to_contract()
    assert in_words["route"] == in_digits["route"]
    assert {c["section"] for c in in_words["citations"]} == {c["section"] for c in in_digits["citations"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tronc commun neuf, option quatorze, oral treize", "Tronc commun 9, option 14, oral 13"),
        ("à l'écrit 15, à l'oral neuf", "à l'écrit 15, à l'oral 9"),
        ("partie commune douze, partie optionnelle neuf. Reçue ?", "partie commune 12, partie optionnelle 9. Reçue ?"),
        ("une collègue neuve, un poste neuf, un bureau neuf", "une collègue neuve, un poste neuf, un bureau neuf"),
    ],
)
def test_nine_in_a_list_of_numbers_is_a_number(text: str, expected: str) -> None:
    """The word "neuf" is nine beside other numbers in a list (grades), and stays "new" elsewhere."""
    from assistant.routing.extraction.spelled import spell_digits

    assert spell_digits(text) == expected
