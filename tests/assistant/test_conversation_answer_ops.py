"""The previous answer as an object of the conversation, persons taken up again, a scene set before the
facts, "ce CQP" for the subject just spoken of (issue #14), in words no evaluation set uses.

Without the index: the reading of the requests (`about_answer.read`), the neighbouring part in the real
parsed structure (`chunks`), the persons and the resolution. With the index (`assistant`): the exchange.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answer import Citation
from assistant.conversation.about_answer import read
from assistant.conversation.backrefs import EarlierTurn
from assistant.conversation.cited_parts import neighbour
from assistant.conversation.frames import new_person
from assistant.conversation.persons import back_to_person
from tests.assistant.conversation_helpers import TODAY, ask_in_turn, resolved, routed_context

ACCORD = "accord-2019-12-19-formation-professionnelle"
AVENANT = "avenant-2022-10-11-formation-professionnelle"

# --- the requests, read from the message's grammar ------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "operation"),
    [
        ("Tu peux me recopier le passage exact ?", "quote"),
        ("Les termes exacts, s'il te plaît.", "quote"),
        ("Colle-moi l'extrait tel qu'il est écrit", "quote"),
        ("C'est écrit comment, exactement ?", "quote"),
        ("Et la partie suivante, elle parle de quoi ?", "next"),
        ("Que dit l'article d'après ?", "next"),
        ("Le paragraphe précédent contient quoi ?", "previous"),
        ("Et le point d'avant ?", "previous"),
        ("Dans la rédaction initiale, c'était quoi ?", "original"),
        ("Et l'ancienne version, elle prévoyait combien ?", "original"),
        ("Fais-moi un récap rapide", "summary"),
        ("Tu peux synthétiser tout ça en quelques lignes ?", "summary"),
        ("Mon manager m'a assuré que c'était 5 jours.", "check"),
        ("Bizarre, il paraît que c'est douze mois", "check"),
        ("Selon mon syndicat c'est 0,5 %", "check"),
        ("Ça vient d'où, cette info ?", "source"),
        ("Vous avez trouvé ça dans quel document ?", "source"),
        ("Ça s'applique à partir de quand ?", "since"),
        ("En 2020, c'était déjà possible ?", "since"),
        ("C'est en vigueur depuis quand ?", "since"),
    ],
)
def test_a_request_about_the_previous_answer_is_read_from_its_words(message: str, operation: str) -> None:
    request = read(message)
    assert request is not None and request.operation == operation


@pytest.mark.parametrize(
    "message",
    [
        "Donne-moi le texte sur la VAE",  # a subject of its own: a new question
        "Quel article parle du tutorat ?",
        "Et l'article 6 ?",  # a part named by its number: the named-part answer, not a neighbour
        "Résumé des conditions de la Pro-A pour un CDD ?",
        "Un collègue en CDD depuis 10 mois, il a droit au CEP ?",
    ],
)
def test_a_message_with_a_subject_of_its_own_is_no_request_about_the_answer(message: str) -> None:
    assert read(message) is None


def test_the_figure_heard_elsewhere_is_kept_as_typed() -> None:
    request = read("Pourtant ma RH m'a parlé de 2 jours")
    assert request is not None and request.figure == "2 jours"
    request = read("On m'a affirmé trois mois")
    assert request is not None and request.figure == "trois mois"


# --- the neighbouring part, in the parsed structure of the cited document ----------------------------------


def _cited(section: str, document: str = ACCORD) -> Citation:
    return Citation(1, "x", document, section, 1, "", title="Protocole d'accord du 19 décembre 2019")


def test_the_next_article_is_read_from_the_document_s_section_numbers(chunks: Any) -> None:
    """Article 5 (CEP) is followed by article 6 (entretien professionnel); a point's article by the next one."""
    assert neighbour(chunks, _cited("Article 5"), 1, "article") == "6"
    assert neighbour(chunks, _cited("Article 4.3"), 1, "article") == "5"
    assert neighbour(chunks, _cited("Article 7"), -1, "article") == "6"


def test_the_next_point_stays_in_its_article_until_its_last_one(chunks: Any) -> None:
    """2.5 "Durée de la formation" is followed by 2.6; 3.7, the last point of article 3, by article 4."""
    assert neighbour(chunks, _cited("Article 2.5"), 1, "point") == "2.6"
    assert neighbour(chunks, _cited("Article 3.7"), 1, "point") == "4"
    assert neighbour(chunks, _cited("Article 4.1"), -1, "point") == "3"
    assert neighbour(chunks, _cited("Annexe 1"), 1, "article") is None


# --- persons taken up again ----------------------------------------------------------------------------------


def _turns(*questions: str) -> tuple[EarlierTurn, ...]:
    return tuple(EarlierTurn(q, None, None) for q in questions)


def test_a_person_named_again_takes_up_that_person_s_case() -> None:
    turns = _turns(
        "Mon collègue Bastien a un BTS et il est en CDI : Pro-A possible ?",
        "Et moi, j'ai une licence pro, en CDI aussi ?",
    )
    found = back_to_person("Pour en revenir à Bastien : ça durerait combien de mois ?", turns)
    assert found is not None and found[0] is turns[0] and found[1] == "ça durerait combien de mois ?"
    found = back_to_person("Et Bastien, il a droit à combien d'heures de formation ?", turns)
    assert found is not None and found[0] is turns[0]
    found = back_to_person("Et pour lui, alors ?", turns)  # right after the user's own case
    assert found is not None and found[0] is turns[0]


def test_the_last_person_or_an_unknown_name_is_no_going_back() -> None:
    turns = _turns("Mme Roussel est tutrice depuis mai : combien de points ?", "Et M. Lambert, depuis juin ?")
    assert back_to_person("Et M. Lambert, il touche ça quand ?", turns) is None  # the last case is his
    found = back_to_person("Revenons à Mme Roussel : versée quand ?", turns)
    assert found is not None and found[0] is turns[0]
    assert back_to_person("Et pour Chloé ?", turns) is None


def test_a_second_named_colleague_is_a_new_person() -> None:
    earlier = "Ma collègue Yasmina est en CDD depuis huit mois : a-t-elle droit au CEP ?"
    assert new_person("Et mon collègue Hugo, en CDI depuis dix ans ?", earlier, TODAY)
    assert not new_person("Et si Yasmina était en CDI depuis dix ans ?", earlier, TODAY)


# --- the resolution ------------------------------------------------------------------------------------------


def test_this_cqp_is_the_cqp_just_spoken_of() -> None:
    context = routed_context("Le CQP manager opérationnel, c'est pour quels métiers ?")
    for message in ("Et ce CQP, il compte combien de blocs ?", "Le numéro RNCP de ce CQP ?"):
        resolution = resolved(message, context)
        assert resolution.kind == "reference" and resolution.text.startswith("CQP manager opérationnel : ")


def test_facts_after_a_message_that_only_set_the_scene_are_read_alone() -> None:
    """ "Je reçois M. Caron pour son entretien professionnel." asks nothing and tells no fact: facts on
    another topic that follow are a case of their own, not a change to it."""
    context = routed_context(
        "Je reçois M. Caron pour son entretien professionnel.",
        typed="Je reçois M. Caron pour son entretien professionnel.",
    )
    resolution = resolved("Il est tuteur d'une apprentie du 1er avril au 30 septembre 2026.", context)
    assert resolution.kind == "new"
    assert "entretien" not in resolution.text
    # facts with no topic of their own go on with the scene's subject ("Elle commence en janvier …")
    scene = "Mon collègue va devenir formateur interne."
    resolution = resolved("Il commence en mars, sur une session de trois jours.", routed_context(scene, typed=scene))
    assert resolution.kind != "new"


# --- the exchange, on the real index ------------------------------------------------------------------------


def test_the_exact_sentence_is_the_one_the_answer_led_with(assistant: Any) -> None:
    answer = ask_in_turn(
        assistant, "Un tuteur touche combien de points au maximum sur une année ?", "Les termes exacts ?"
    )
    assert "252 points par année civile" in answer.text and "«" in answer.text
    assert any(c.section.startswith("Article 4.3") for c in answer.citations)
    answer = ask_in_turn(
        assistant, "Le taux de la contribution conventionnelle supplémentaire ?", "Recopie le passage."
    )
    assert "0,15 %" in answer.text


def test_the_next_and_previous_articles_are_answered_from_the_part_itself(assistant: Any) -> None:
    answer = ask_in_turn(
        assistant, "La garantie d'accès à la formation, c'est au bout de combien d'années ?", "Et l'article d'avant ?"
    )
    assert "Validation des acquis" in answer.text or "validation des acquis" in answer.text
    answer = ask_in_turn(assistant, "Qui finance la Pro-A ?", "Et le point précédent, il dit quoi ?")
    assert any(c.section.startswith("Article 2.5") for c in answer.citations)


def test_the_wording_before_the_avenant_and_when_a_rule_took_effect(assistant: Any) -> None:
    answer = ask_in_turn(
        assistant, "Combien d'heures pour le congé VAE ?", "Et dans l'ancienne rédaction, c'était comment ?"
    )
    assert "1 année" in answer.text  # the article 7 as published in 2019
    answer = ask_in_turn(
        assistant, "La prime de formateur interne, combien par mois ?", "Ça s'applique à partir de quand ?"
    )
    assert "1er janvier 2022" in answer.text


def test_a_figure_heard_elsewhere_is_set_against_the_cited_passages(assistant: Any) -> None:
    answer = ask_in_turn(
        assistant, "Un tuteur accompagne au plus combien de salariés ?", "Bizarre, mon chef m'a dit 5."
    )
    assert "ne mentionnent pas le chiffre que vous citez (5)" in answer.text
    assert "3 salariés" in answer.text


def test_a_summary_gives_each_answer_of_the_thread(assistant: Any) -> None:
    answer = ask_in_turn(
        assistant,
        "Le tuteur, il est choisi comment ?",
        "Combien de points pour un tuteur du 1er mars au 30 juin 2026 ?",
        "Fais-moi un récap.",
    )
    assert answer.text.startswith("En résumé") and "\n2. " in answer.text
    assert "28 points" in answer.text  # the calculation's lead, then the other answer's


def test_going_back_to_the_first_colleague_keeps_her_facts(assistant: Any) -> None:
    answer = ask_in_turn(
        assistant,
        "Ma collègue Ophélie est tutrice d'un alternant du 1er février au 30 avril 2026 : combien de points ?",
        "Et mon collègue Karim, tuteur du 1er janvier au 31 décembre 2026 ?",
        "Revenons à Ophélie : et si sa mission durait jusqu'au 31 mai 2026 ?",
    )
    assert "28 points" in answer.text  # February to May: 4 months × 7 points
