"""A named fee and a timetable asked of something the texts name, that no passage of its sections states (oos28, #21).

The texts name the EN3S master and the CQPs' modules; they give a module's total length and its content, never a
timetable and never a school's fees. The convention of the CQP conseiller offres de service, art. 7, gives the
lengths as totals ("PREM'SS 8,5 61 46 14 1": days, hours, of which teaching, tutoring, evaluation); the annexe 5 of
the 2022 avenant says of the master "Les enseignements sont structurés autour de 3 blocs de compétences plus 1 bloc
relatif au mémoire" — no fee, no week-by-week course. Questions mine.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answering.unstated_value import MONEY, SCHEDULE, asked_value, unstated_value

MASTER = "Les enseignements sont structurés autour de 3 blocs de compétences plus 1 bloc relatif au mémoire."
TABLE = "PREM'SS 8,5 61 46 14 1"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Quels sont les frais d'inscription au master de l'EN3S ?", MONEY),
        ("À combien s'élèvent les frais de scolarité d'une école d'éducateurs ?", MONEY),
        ("Quels frais de dossier demande le jury du CQP ?", MONEY),
        ("Quel est le programme détaillé du module Pass ?", SCHEDULE),
        ("Comment se passe le master, semaine par semaine ?", SCHEDULE),
        ("Je voudrais le contenu jour par jour de Prem'ss.", SCHEDULE),
    ],
)
def test_a_named_fee_or_a_timetable_asked_by_its_grammar(question: str, kind: str) -> None:
    asked = asked_value(question)
    assert asked is not None and asked.kind == kind


@pytest.mark.parametrize(
    "question",
    [
        "Quels frais sont compris dans le prix par stagiaire de la convention ?",  # which fees: a list in words
        "Quels frais de formation l'OPCO prend-il en charge ?",  # the texts' own costs, a list
        "Quels sont, bloc par bloc, les enseignements du master ?",  # the texts list the blocks
        "Réfléchis étape par étape : combien de mois dure une Pro-A ?",  # an instruction, not a timetable
        "Combien de jours dure le module Prem'ss ?",  # a length: the texts' totals answer it
    ],
)
def test_what_is_not_a_named_fee_or_a_timetable(question: str) -> None:
    asked = asked_value(question)
    assert asked is None or asked.kind not in (MONEY, SCHEDULE) or "frais" not in asked.words


def test_a_timetable_is_stated_only_by_a_numbered_day_or_week() -> None:
    asked = "Quel est le déroulé semaine par semaine du master ?"
    assert unstated_value(asked, [MASTER, TABLE], True) is not None
    assert unstated_value(asked, ["Semaine 1 : diagnostic ; semaine 2 : bloc 1."], True) is None
    assert (
        unstated_value("Le programme jour par jour de Pass ?", ["Le deuxième jour est consacré au contexte."], True)
        is None
    )


def test_a_fee_is_stated_only_by_a_sum() -> None:
    asked = "Quels sont les frais d'inscription au master ?"
    assert unstated_value(asked, [MASTER], True) is not None
    assert unstated_value(asked, ["Les frais d'inscription s'élèvent à 250 euros."], True) is None
    assert unstated_value(asked, [MASTER], priced_thing=False) is None  # a scheme's price: the silent reading's


@pytest.mark.integration
@pytest.mark.parametrize(
    "question",
    [
        "Pour m'inscrire au master manager stratégique de l'EN3S, quels sont les frais de scolarité ?",
        "Vous avez le programme détaillé, jour par jour, du module Prem'ss ?",
    ],
)
def test_the_assistant_refuses_a_fee_or_a_timetable_the_texts_never_give(assistant: Any, question: str) -> None:
    assert assistant.ask(question).route == "refusal"


@pytest.mark.integration
def test_a_total_length_the_texts_give_is_still_answered(assistant: Any) -> None:
    assert assistant.ask("Le module Prem'ss dure combien d'heures en tout ?").route != "refusal"
