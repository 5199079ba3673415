"""The lead carries the figure or the word asked (lead18, issue #13 class 3).

Each real-corpus case below failed on main 68e8d70: the asked kind was read on a sentence without its pronoun's
antecedent, a count stated through a pronoun was said unstated, "un niveau" was taken for a figure, "quels profils"
was not read as asking the beneficiaries, and a list asked for by a lead-in the router cuts ("Point par point,")
did not reach the lead's choice. Wordings are this module's own, not an evaluation set's.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.asked_kind import asked_kind
from assistant.answering.lead_opening import asked_figure
from tests.assistant.lead_helpers import answer_lead

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    "question",
    [
        # two things asked: each clause is led by its own sentence (`clause_lead`), no kind chooses the whole lead
        "La cotisation de branche : elle fait quel pourcentage, et quel organisme la gère ?",
        "Le CQP a été créé quand ? Et qui le délivre ?",
        "Créé quand et par qui ?",
        # "quand même" is "anyway"
        "Sans licence, je peux quand même entrer au master ?",
    ],
)
def test_no_kind_is_read_for_several_things_or_for_anyway(question: str) -> None:
    assert asked_kind(question) is None


def test_one_kind_asked_is_read() -> None:
    who = asked_kind("Qui désigne le tuteur d'un alternant ?")
    assert who is not None and who("Le salarié est choisi … par la direction de l'organisme.")
    assert not who("Un tuteur est désigné pour toute formation suivie.")


def test_the_body_a_pronoun_stands_for_answers_who(assistant: Any) -> None:
    """A guard: `asked_kind` moved this lead to « la CPNEFP définit les priorités » before it read pronouns.
    Art. 1: « … la CPNEFP définit les priorités … À cet égard, elle fixe les coûts des formations relevant de
    l'alternance »: the sentence whose subject is « elle » states the body through the sentence naming it."""
    lead = answer_lead(assistant.ask("Qui fixe le coût des formations en alternance ?", today=TODAY))
    assert "fixe les coûts des formations" in lead and "CPNEFP" in lead


def test_who_selects_the_internal_trainer_is_led_by_the_direction(assistant: Any) -> None:
    """Art. 9.2 (avenant de 2022, art. 3): « le salarié est retenu sur la base du volontariat par la direction de
    l'organisme en raison de ses compétences professionnelles et pédagogiques avérées »."""
    lead = answer_lead(
        assistant.ask("Qui retient le salarié qui sera formateur interne à titre accessoire ?", today=TODAY)
    )
    assert "par la direction de l" in lead


def test_a_count_stated_through_a_pronoun_is_stated(assistant: Any) -> None:
    """Annexe 2 of the avenant: « Les assistants de service social exercent leur activité au sein de trois types
    d'organismes … Ils représentent plus de 2 500 salariés au sein du régime général »."""
    answer = assistant.ask("Combien d'assistants de service social compte le régime général ?", today=TODAY)
    assert "2 500" in answer_lead(answer)
    assert "ne précisent pas" not in answer.text


def test_un_niveau_is_no_figure() -> None:
    """Annexe 5: « … les salariés de l'Institution qui ont un niveau de qualification inférieur ou égal à Bac + 2 »:
    "un niveau" names a level, it gives none; "niveau 3" gives one."""
    question = "Quel niveau faut-il pour entrer au master ?"
    assert asked_figure(question, "Ceux qui ont un niveau de qualification inférieur ou égal à Bac + 2.") is None
    assert asked_figure("Combien de niveaux ?", "Les 2 niveaux de la grille.") == "2 niveaux"


def test_profiles_asked_are_the_beneficiaries(assistant: Any) -> None:
    """Art. 3.3 « Bénéficiaires concernés »: « le contrat de professionnalisation s'adresse : – aux jeunes de 16 à 25
    ans révolus … – aux demandeurs d'emploi âgés de 26 ans et plus ; … », not art. 3.4's durations."""
    for question in (
        "En liste : quels profils de personnes la caisse peut-elle embaucher en contrat de professionnalisation ?",
        "Quels profils de candidats sont visés par le contrat de professionnalisation ?",
    ):
        lead = answer_lead(assistant.ask(question, today=TODAY))
        assert "s’adresse" in lead and "26 ans et plus" in lead


def test_a_list_asked_by_a_cut_lead_in_is_led_by_the_list(assistant: Any) -> None:
    """The CQP gestionnaire conseil circular, part V: « Pour être certifiés, les candidats doivent : – avoir suivi
    Pass formation – avoir obtenu une note moyenne supérieure ou égale à 10/20 sans note éliminatoire ». The router
    cuts "Point par point," as a frame; the list request is read on the user's message."""
    question = "Point par point, qu'attend-on d'un candidat pour qu'il soit certifié gestionnaire conseil ?"
    lead = answer_lead(assistant.ask(question, today=TODAY))
    assert "Pass formation" in lead and "10/20" in lead


def test_withdrawing_from_the_convention_is_its_explicit_denunciation(assistant: Any) -> None:
    """The COS convention, art. 15: « Une dénonciation explicite de l'une des parties peut être déclarée sous réserve
    de l'application d'un délai de prévenance de 1 mois », not art. 14's « prend fin au (jour-mois-année) »."""
    question = "Pour sortir de la convention du parcours COS, une partie peut-elle se retirer sans le dire clairement ?"
    lead = answer_lead(assistant.ask(question, today=TODAY))
    assert "dénonciation explicite" in lead
