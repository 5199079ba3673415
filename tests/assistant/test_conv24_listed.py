"""conv24: the certifications the avenant of 2022 added to the Pro-A list are what a follow-up is about.

Avenant du 11 octobre 2022, art. 1: "À la liste des certifications professionnelles éligibles à la Pro-A, figurant
en annexe du protocole d'accord du 19 décembre 2019, il est ajouté les certifications suivantes", each described by
an annex (annexe 1: "Le diplôme d'État d'accompagnant éducatif et social (DEAES) est obligatoire pour exercer le
métier."; annexe 2: "… titulaires du diplôme d'État d'assistant de service social (DEASS)")."""

from __future__ import annotations

import pytest

from assistant.conversation import vocabulary as v
from assistant.conversation.subject import find_subject, message_subject


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Une aide à domicile de l'UGECAM peut-elle préparer le DEAES en Pro-A ?", "accompagnant"),
        ("Une salariée voudrait devenir assistante sociale par la Pro-A.", "service social"),
        ("Le DECESF est-il dans la liste ?", "économie sociale"),
        ("Le master manager stratégique figure-t-il dans la liste Pro-A ?", "manager stratégique"),
    ],
)
def test_a_listed_certification_is_the_subject_beside_the_pro_a(text: str, name: str) -> None:
    subject = find_subject(text)
    assert subject is not None and name in subject.name and subject.topic == "pro_a"


def test_the_scene_naming_the_diploma_keeps_it_when_the_question_names_the_pro_a() -> None:
    subject = message_subject(
        "Dans mon établissement, on voudrait former des agents au diplôme d'accompagnant éducatif et social : "
        "peut-on passer par la Pro-A ?"
    )
    assert subject is not None and "accompagnant" in subject.name


def test_the_pro_a_alone_stays_the_pro_a_and_its_topic_entity() -> None:
    subject = find_subject("Qui finance la Pro-A ?")
    assert subject is not None and subject.name == "Pro-A"
    assert v.TOPIC_ENTITIES["pro_a"] == "pro_a"


def test_a_department_is_no_diploma() -> None:
    assert find_subject("Le service social de la caisse peut-il m'aider ?") is None


def test_another_diploma_marks_another_subject() -> None:
    assert v.RE_SWITCH.match("autre diplome de la meme liste : la personne qui conseille les familles ?")
    assert not v.RE_SWITCH.match("autre cas de figure : et si c'etait un cdd ?")
