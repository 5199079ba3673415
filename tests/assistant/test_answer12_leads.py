"""The right passage leads and every part asked is answered (answer12), on the real corpus.

Wordings of this branch's own, none an evaluation item's. Each rule is quoted where it is asserted.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant

pytestmark = pytest.mark.integration
TODAY = date(2026, 11, 29)


def test_each_item_of_a_numbered_list_is_answered(assistant: Assistant) -> None:
    """Art. 6: « Il est distinct de l'entretien annuel d'évaluation et d'accompagnement. » … « Les organismes
    assurent, tous les 6 ans, au moins deux entretiens professionnels et un entretien de bilan. » … « Un document de
    présentation des dispositifs … est mis à disposition des salariés et présenté lors de l'entretien professionnel
    par la personne en charge de réaliser celui-ci. »"""
    answer = assistant.ask(
        "Trois choses sur l'entretien professionnel : 1. tous les combien il a lieu, 2. de quel entretien il est "
        "distinct, 3. qui présente le document sur les dispositifs.",
        today=TODAY,
    )
    assert "6 ans" in answer.text
    assert "entretien annuel d’évaluation" in answer.text
    assert "personne en charge de réaliser" in answer.text


def test_the_preamble_named_leads_over_the_title_block(assistant: Assistant) -> None:
    """Avenant of 2022, preamble: « Les parties signataires ont également souhaité : – ajouter des certifications
    … – augmenter la durée de la VAE jusque 48 heures … – valoriser et reconnaître les activités de formateur
    interne à titre accessoire … »"""
    answer = assistant.ask(
        "Selon le préambule de l'avenant de 2022, qu'ont souhaité les parties signataires ?", today=TODAY
    )
    lead = answer.text.partition("\n\n")[0]
    assert "formateur interne" in lead
    assert "d’une part" not in lead and "d'une part" not in lead


def test_the_row_named_leads_under_its_header(assistant: Assistant) -> None:
    """Avenant of 2022, art. 1 (rows added to the Pro-A list): « Diplôme d'État assistante de service social | 04 –
    Intervention et développement social | Organismes agréés par le ministère des solidarités et de la santé »; the
    master's row reads « EN3S »."""
    answer = assistant.ask(
        "Dans la liste Pro-A, l'assistante de service social est formée par quel type d'organisme ?", today=TODAY
    )
    lead = answer.text.partition("\n\n")[0]
    assert "assistante de service social" in lead
    assert "ministère des solidarités" in lead
    assert "EN3S" not in lead and "manager" not in lead


def test_which_side_lasts_longest_quotes_each_sides_largest_bound(assistant: Assistant) -> None:
    """Art. 2.4 and 3.4, each: « Toutefois, dans le cadre fixé par le code du travail, cette durée peut être portée
    jusqu'à 36 mois pour : … »"""
    answer = assistant.ask(
        "Pro-A ou contrat de professionnalisation : lequel peut durer le plus longtemps ?", today=TODAY
    )
    assert answer.text.count("36 mois") >= 2
    sections = " ".join(c.section for c in answer.citations)
    assert "2.4" in sections and "3.4" in sections
