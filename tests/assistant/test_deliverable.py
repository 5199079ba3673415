"""A request for a deliverable is read as the question it wraps (issues #13, #21; docs/evaluation/refuse25.md).

Wordings written for these tests (not the eval items): the deliverable's name is never what the texts are asked
about; the content its grammar introduces is. A definite noun phrase after the verb ("Fais le calcul de …") or a
plain "Résume l'article …" is content already, left alone.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.routing.deliverable import question_in_deliverable
from assistant.routing.noise import strip_noise

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("Rédige deux puces pour un flyer : la durée du congé VAE.", "La durée du congé VAE ?"),
        (
            "Écris un tweet interne sur le plafond annuel de la prime de tuteur.",
            "Le plafond annuel de la prime de tuteur ?",
        ),
        ("Prépare un pense-bête qui rappelle qui finance la Pro-A.", "Qui finance la Pro-A ?"),
        (
            "Peux-tu écrire un mot aux alternants pour leur expliquer combien dure leur action de formation ?",
            "Combien dure leur action de formation ?",
        ),
        (
            "Compose un quiz pour les tuteurs du CQP CCOS sur la préparation des tuteurs.",
            "Pour le CQP CCOS, la préparation des tuteurs ?",
        ),
        (
            "Synthétise en deux lignes pour la lettre RH la garantie de formation après quatre ans.",
            "La garantie de formation après quatre ans ?",
        ),
        (
            "Pour le panneau d'affichage, mets sous forme de tableau les publics du contrat de professionnalisation.",
            "Les publics du contrat de professionnalisation ?",
        ),
    ],
)
def test_the_content_is_the_question(message: str, question: str) -> None:
    assert question_in_deliverable(message) == question


@pytest.mark.parametrize(
    "message",
    [
        "Fais le calcul de ma prime de tuteur sur la période de février à juin.",  # definite: the content itself
        "Donne-moi un exemple de calcul sur 5 mois.",  # no verb of producing a text
        "Résume l'article 4.3.",  # nothing of form or audience before the object
        "Prépare un mémo sur 3 mois.",  # a span, not a question
        "Quelle est la durée du congé VAE ? Rédige-la en une phrase.",  # the question comes first
    ],
)
def test_no_deliverable_is_left_alone(message: str) -> None:
    assert question_in_deliverable(message) is None


def test_strip_noise_reads_the_question_underneath_without_an_order_note() -> None:
    cleaned, flagged = strip_noise(
        "Rédige une carte mémo pour les nouveaux managers : combien de salariés un tuteur suit au plus ?"
    )
    assert cleaned == "Combien de salariés un tuteur suit au plus ?" and not flagged


# --- real corpus: the article's sentence reaches the answer; a labour-law subject in the same wrapper is refused --
def test_a_deliverable_gets_the_texts_rule(real_assistant: Any) -> None:
    """Art. 4.3: « il correspond à 7 points par mois, complet ou non »."""
    answer = real_assistant.ask(
        "Rédige deux puces pour un flyer d'accueil : la prime mensuelle du tuteur.", today=TODAY
    )
    assert answer.route != "refusal" and "7 points" in answer.text, answer.text[:300]


def test_an_out_of_scope_deliverable_stays_refused(real_assistant: Any) -> None:
    answer = real_assistant.ask(
        "Rédige deux puces pour un flyer d'accueil : les jours de congés pour un mariage.", today=TODAY
    )
    assert answer.route == "refusal", answer.text[:300]
