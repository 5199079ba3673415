"""What a user does after an answer (issue #14, conv18), in wordings no evaluation set uses.

Without the index: a figure of the answer said back (pointed at by a demonstrative, or doubted), the ordinary case
asked after a particular one, two relations naming two people, French elision in rewritten questions, a source
request beside a follow-up naming a new topic, the tutor's role over the contract's name. With the index: whole
exchanges, each checked against the sentence of the text it must reach.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.conversation.about_answer import doubted_figure, read
from assistant.conversation.elision import contracted
from assistant.conversation.fact_merge import merge_facts
from assistant.conversation.frames import new_person
from assistant.conversation.other_case import asks_ordinary_case, ordinary_question, other_end
from assistant.conversation.pointing import points_back
from assistant.conversation.said_back import without_answer_figures
from assistant.conversation.source_request import source_of_other
from assistant.routing.router import route
from tests.assistant.conversation_helpers import TODAY, ask_in_turn

ACCORD = "accord-2019-12-19-formation-professionnelle"
AVENANT = "avenant-2022-10-11-formation-professionnelle"


def _cites(answer: Any, document: str, section: str) -> bool:
    return any(c.document == document and c.section.startswith(f"Article {section}") for c in answer.citations)


def test_an_amount_of_the_answer_pointed_at_is_named_by_its_unit() -> None:
    lead = "Contribution conventionnelle supplémentaire : 45 000 €, soit 0,15 % d'une masse salariale de 30 000 000 €."
    said = without_answer_figures("Et ces 45 000 €, on les verse à qui ?", "Masse salariale 30 M€ : combien ?", lead)
    assert said == "Et ce montant, on les verse à qui ?"


def test_a_figure_of_the_question_pointed_at_stays_a_fact() -> None:
    question = "Je tutore du 1er mars au 30 juin : 28 points ?"
    assert without_answer_figures("Ces 28 points, c'est sûr ?", question, "Prime : 28 points") == (
        "Ces 28 points, c'est sûr ?"
    )


@pytest.mark.parametrize("message", ["21 seulement ?", "Que 21 points ?", "Vraiment 21 ?"])
def test_a_figure_said_back_with_doubt_is_a_check(message: str) -> None:
    request = read(message)
    assert request is not None and request.operation == "check" and doubted_figure(message) == "21"


def test_the_users_own_count_against_the_answer_is_a_check_of_that_figure() -> None:
    request = read("Seulement 21 ? J'aurais compté 9 points par mois, soit 27.")
    assert request is not None and request.operation == "check" and request.figure == "9 points"


def test_a_new_figure_with_a_plain_question_is_no_check() -> None:
    assert read("Et avec 4 alternants ?") is None and doubted_figure("Et avec 4 alternants ?") is None


@pytest.mark.parametrize(
    "message",
    ["Et pour les salariés hors de ces cas ?", "Et dans le cas général alors ?", "Et pour un agent lambda ?"],
)
def test_the_ordinary_case_is_asked_by_what_it_is_or_is_not(message: str) -> None:
    assert asks_ordinary_case(message)


def test_the_ordinary_question_leaves_out_the_persons_complement() -> None:
    question = "Quelle durée maximale d'un contrat de professionnalisation pour une demandeuse d'emploi de 45 ans ?"
    expected = "Quelle durée maximale d'un contrat de professionnalisation, en temps normal ?"
    assert ordinary_question(question) == expected


def test_two_relations_are_two_people() -> None:
    earlier = "Ma fille de 19 ans, sans diplôme, signe un contrat de professionnalisation : durée maximale ?"
    assert new_person("Et pour ma cousine de 30 ans, au RSA ?", earlier, TODAY)
    assert not new_person("Et pour ma fille si elle a le bac ?", earlier, TODAY)


@pytest.mark.parametrize(
    ("rewritten", "french"),
    [
        ("La durée d'le contrat de professionnalisation ?", "La durée du contrat de professionnalisation ?"),
        ("Tuteur d'3 apprentis", "Tuteur de 3 apprentis"),
        ("Le montant d'la prime", "Le montant de la prime"),
        ("La durée de une Pro-A", "La durée d'une Pro-A"),
        ("Avant de le faire, l'accord d'Hugo", "Avant de le faire, l'accord d'Hugo"),
    ],
)
def test_rewritten_questions_are_elided_as_french_writes_them(rewritten: str, french: str) -> None:
    assert contracted(rewritten) == french


def test_a_source_request_beside_a_new_topic_is_split_from_it() -> None:
    exchange = "Combien dure une Pro-A ? Une Pro-A dure de 6 à 12 mois."
    found = source_of_other("Et côté contrat de professionnalisation, c'est indiqué où ?", exchange)
    assert found is not None and found[0] == "Et côté contrat de professionnalisation ?"
    assert found[1].operation == "source"
    assert source_of_other("C'est indiqué où ?", exchange) is None


def test_a_whole_year_in_place_of_a_period_is_written_as_days() -> None:
    merged = merge_facts("Tuteur du 1er janvier au 31 décembre 2025 : combien ?", "sur toute l'année 2026 ?", TODAY)
    assert merged.text == "Tuteur du 1er janvier 2026 au 31 décembre 2026 : combien ?"


def test_the_tutors_role_decides_over_the_contracts_name() -> None:
    """Art. 4.3: « chaque salarié qui exerce … une mission de tuteur … perçoit, à ce titre, une prime. »"""
    decision = route("Ma collègue a tutoré un contrat de pro de mars à août 2026 : elle touche quoi ?", TODAY)
    assert decision.topic == "tutor_bonus"
    asked = route("J'ai tutoré un contrat pro : ce contrat peut durer combien de mois ?", TODAY)
    assert asked.topic == "professionalisation"


@pytest.mark.integration
def test_the_answers_amount_said_back_is_asked_about_not_recomputed(assistant: Any) -> None:
    """Art. 9 (article 10): « Cette contribution conventionnelle s'ajoute à la contribution légale obligatoire due
    au titre de la formation professionnelle. »"""
    answer = ask_in_turn(
        assistant,
        "Notre masse salariale brute est de 40 millions d'euros : combien pour la contribution de branche de 0,15 % ?",
        "Ces 60 000 €, ils remplacent la contribution légale ?",
    )
    assert answer.route != "calculator" and "s’ajoute à la contribution légale" in answer.text.replace("'", "’")


@pytest.mark.integration
def test_a_doubted_bonus_is_recomputed_and_the_users_rate_checked(assistant: Any) -> None:
    """Art. 4.3: « il correspond à 7 points par mois, complet ou non »."""
    answer = ask_in_turn(
        assistant,
        "Je tutore une apprentie du 1er avril au 31 juillet 2026 : combien de points de prime ?",
        "28 seulement ? J'aurais compté 12 points par mois.",
    )
    assert "28 points" in answer.text and "12 points" in answer.text
    assert "7 points par mois, complet ou non" in answer.text.split("\n\n")[1]  # the texts' rate, set against it


@pytest.mark.integration
def test_the_source_of_a_new_topic_is_that_topics_article(assistant: Any) -> None:
    """Art. 3.4: « La durée de l'action de professionnalisation est comprise entre 6 et 12 mois. »"""
    answer = ask_in_turn(
        assistant,
        "La Pro-A dure combien de temps d'habitude ?",
        "Et pour un contrat de professionnalisation, c'est prévu dans quel article ?",
    )
    assert "La réponse s'appuie sur" in answer.text and _cites(answer, ACCORD, "3.4")


@pytest.mark.integration
def test_the_page_of_an_article_the_avenant_created_is_the_avenants(assistant: Any) -> None:
    """Avenant, art. 3 (« Création d'un article 9 »), page 4: « Le montant de la prime est fixé à 7 points par mois
    pour chaque action de formation professionnelle … »"""
    answer = ask_in_turn(
        assistant,
        "Quel montant de prime pour un formateur interne à titre accessoire ?",
        "À quelle page c'est écrit ?",
    )
    assert "de l'avenant du 11 octobre 2022" in answer.text.split("\n")[2]


@pytest.mark.integration
def test_the_ordinary_case_after_a_public_of_the_list_is_asked_without_it(assistant: Any) -> None:
    """Art. 2.4: « Le dispositif Pro-A s'étend sur une durée comprise entre 6 et 12 mois. »"""
    answer = ask_in_turn(
        assistant,
        "Quelle durée maximale pour une Pro-A pour une salariée qui touche l'AAH ?",
        "Et pour les salariés hors de ces cas ?",
    )
    assert "RSA" not in (answer.resolved_question or "") and "AAH" not in (answer.resolved_question or "")
    assert "6 et 12 mois" in answer.text


@pytest.mark.parametrize(
    ("message", "back"),
    [
        ("Et cette prime, elle est imposable ?", True),
        ("Ces heures-là sont-elles payées ?", True),
        ("Cette année, combien de points ?", False),
        ("Et le forfait jours, il compte ?", False),
    ],
)
def test_a_demonstrative_heading_the_message_points_back(message: str, back: bool) -> None:
    assert points_back(message) is back


@pytest.mark.integration
def test_a_demonstrative_keeps_the_subject_whose_own_words_would_be_refused(assistant: Any) -> None:
    """Art. 4.3: « La prime n'entre pas dans la base de calcul de l'allocation vacances et de la gratification
    annuelle … »"""
    answer = ask_in_turn(
        assistant,
        "Combien de points par mois touche un tuteur pour sa prime ?",
        "Et ces points, ils sont pris en compte pour la gratification annuelle ?",
    )
    assert answer.route != "refusal" and _cites(answer, ACCORD, "4.3")


@pytest.mark.parametrize(
    ("question", "message", "turned"),
    [
        (
            "Quel est le plafond de la prime du tuteur ?",
            "Et le plancher ?",
            "Quel est le plancher de la prime du tuteur ?",
        ),
        ("Durée maximale d'une Pro-A ?", "et au minimum ?", "Durée minimale d'une Pro-A ?"),
        ("Durée maximale d'une Pro-A ?", "et au maximum ?", None),
        ("Durée d'une Pro-A ?", "et au minimum ?", None),
        ("Durée maximale d'une Pro-A ?", "et au minimum pour un jeune ?", None),
    ],
)
def test_the_other_end_of_a_range_turns_the_previous_question(question: str, message: str, turned: str | None) -> None:
    assert other_end(question, message) == turned


@pytest.mark.integration
def test_the_maximum_after_a_minimum_is_led_by_the_maximum(assistant: Any) -> None:
    """Art. 2.5: « Cette durée peut être portée jusqu'à 70 % du total de la durée de l'action pour les salariés visés
    à l'article L. 6325-1-1 … »"""
    answer = ask_in_turn(
        assistant, "Pour une Pro-A, la formation dure au minimum combien d'heures ?", "Et au maximum, alors ?"
    )
    assert "au maximum" in (answer.resolved_question or "") and "minimum" not in (answer.resolved_question or "")
    assert "70 %" in answer.text
