"""The lead states the detail the message asks, from the lead's own section (`answering.asked_detail`).

The scorer checks that an expected phrase is somewhere in the answer; here the answer's first paragraph (its lead)
is checked. The section holds the detail; before, the lead was the sentence restating what the asker described:
- the fiche's part "CQP Contrôleur du recouvrement": "Le titulaire du CQP exerce son activité professionnelle dans
  une Urssaf ou une CGSS, CSSM … et pourra envisager une mobilité fonctionnelle vers le métier d'Inspecteur du
  recouvrement." (in a passage of the part the search did not return);
- the fiche's part "CQP Contrôleur allocataire": "L'exercice du métier est subordonné à la délivrance d'un agrément";
- the accord's art. 10 as rewritten (avenant of 2022, art. 5): "Les engagements financiers spécifiques au financement
  de l'alternance dans les EPA font l'objet d'une convention de partenariat avec l'Opco."
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.answer_types import CONDITION, asked_types, holds
from assistant.answering.asked_detail import _holds, asked_clause
from assistant.answering.units import unit_terms
from tests.assistant.lead_helpers import answer_lead

TODAY = date(2026, 11, 29)


def test_the_asked_clause_is_the_one_after_the_premise() -> None:
    clause, after_premise = asked_clause("Je contrôle sur pièces les cotisations des TPE : vers quel métier évoluer ?")
    assert after_premise and clause.strip() == "vers quel métier évoluer ?"
    # a clause without two subject words of its own is read with the whole message
    message = "Je voudrais faire le point sur ma carrière avec l'Apec, sur mes heures de travail : c'est possible ?"
    assert asked_clause(message) == (message, False)


def test_a_verb_and_its_noun_are_one_word() -> None:
    """ "que faut-il pour exercer ?" is answered by "L'exercice du métier est subordonné à…": the light stems differ
    ("exerc", "exerci"), their first five letters do not."""
    assert _holds(next(iter(unit_terms("exercer"))), unit_terms("L'exercice du métier"))
    assert not _holds(next(iter(unit_terms("agrément"))), unit_terms("L'exercice du métier"))


@pytest.mark.parametrize(
    ("question", "asks_condition"),
    [
        ("J'ai le CQP contrôleur allocataire : que faut-il de plus pour exercer ?", True),
        ("Qu'est-ce qu'il faut pour être tuteur ?", True),
        ("Que faut-il indiquer sur chaque participant dans la convention ?", False),  # what to write, not a requirement
    ],
)
def test_a_requirement_is_asked_by_il_faut_pour(question: str, asks_condition: bool) -> None:
    assert (CONDITION in asked_types(question)) is asks_condition


def test_subordonne_a_states_a_requirement() -> None:
    assert holds(CONDITION, "L’exercice du métier est subordonné à la délivrance d’un agrément")


def test_the_detail_in_an_unretrieved_passage_of_the_section_leads(assistant: Any) -> None:
    answer = assistant.ask(
        "Je contrôle sur pièces les cotisations des TPE pour mon Urssaf : "
        "vers quel métier pourrai-je évoluer ensuite ?",
        today=TODAY,
    )
    assert "Inspecteur du recouvrement" in answer_lead(answer)


def test_the_requirement_asked_replaces_the_sentence_naming_the_cqp(assistant: Any) -> None:
    answer = assistant.ask("J'ai le CQP contrôleur allocataire : que faut-il de plus pour exercer ?", today=TODAY)
    lead = answer_lead(answer)
    assert "agrément" in lead
    assert "finalité du métier" not in lead


def test_the_detail_follows_a_lead_that_leaves_it_unsaid(assistant: Any) -> None:
    answer = assistant.ask(
        "Les EPA du régime général peuvent-ils soutenir l'alternance avec des engagements financiers spécifiques ?",
        today=TODAY,
    )
    lead = answer_lead(answer)
    assert "ont la faculté de soutenir" in lead
    assert "convention de partenariat" in lead


def test_a_sentence_of_another_kind_does_not_replace_the_lead(assistant: Any) -> None:
    """ "puis-je y entrer directement ?" is decided by the admission rule ("titulaires du baccalauréat et justifier
    d'un titre à Bac+ 4"), not by "la délivrance du diplôme passe par … la direction du master", which only shares a
    stem with "directement"."""
    answer = assistant.ask(
        "Titulaire d'un BTS (bac+2), je vise le master manager stratégique : puis-je y entrer directement ?",
        today=TODAY,
    )
    lead = answer_lead(answer)
    assert "Bac+ 4" in lead
    assert "mémoire professionnel" not in lead


def test_a_lead_stating_the_figure_asked_is_followed_by_nothing(assistant: Any) -> None:
    answer = assistant.ask("Combien de salariés un tuteur peut-il accompagner au maximum ?", today=TODAY)
    lead = answer_lead(answer)
    assert lead.startswith("3 salariés")
    assert lead.count("[1]") == 1
