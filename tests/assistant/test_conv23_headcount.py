"""Head counts on a calculation, subjects set aside, one part asked in place of its sibling (conv23, issue #14), in
words no evaluation set uses.

Without the index: which messages count people or bodies (`headcount.head_count`), the question asked for them
(`counted_question`, which the calculators count themselves), the clause that sets a subject aside
(`set_aside`), the part that replaces its sibling (`siblings`). With the index (`assistant`): whole exchanges, the
calculators' own caps included.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.conversation import Conversation, about_answer
from assistant.conversation.headcount import counted_question, head_count
from assistant.conversation.set_aside import without_set_aside
from assistant.conversation.siblings import sibling_question
from tests.assistant.conversation_helpers import TODAY


@pytest.mark.parametrize(
    ("message", "value", "bodies"),
    [
        ("Et pour neuf caisses de cette taille ?", 9, True),
        ("Et si on en forme quatre ?", 4, False),
        ("Pour un service de huit agents, ça donne quoi ?", 8, False),
    ],
)
def test_a_head_count_is_read(message: str, value: int, bodies: bool) -> None:
    count = head_count(message, "Un agent sans diplôme : combien d'heures de congé VAE ?", TODAY)
    assert count is not None and (count.value, count.bodies) == (value, bodies)


@pytest.mark.parametrize(
    "message",
    [
        "Je peux en suivre quatre ?",  # the rule's limit asked, no case counted
        "Et avec deux alternants du 1er mars au 30 juin ?",  # a new period: a change of case, not a head count
        "Et pour un seul agent ?",  # one is no head count
    ],
)
def test_no_head_count(message: str) -> None:
    assert head_count(message, "Je tutore un alternant pendant 5 mois, combien de points ?", TODAY) is None


def test_a_restated_fact_does_not_stop_the_count() -> None:
    count = head_count("Et si j'en ai deux pendant ces 5 mois ?", "Je tutore Lina pendant 5 mois : combien ?", TODAY)
    assert count is not None and count.value == 2


def test_the_count_of_one_becomes_the_new_count() -> None:
    """Avenant 2022, art. 2: « Le congé pour préparer la validation des acquis de l'expérience (VAE) d'une durée de
    24 heures est augmenté pour les agents n'ayant pas atteint le niveau 4 … à 48 heures maximum »: a rule for one
    person, which the team calculator sums once the question says how many and "au total"."""
    count = head_count("Et pour neuf agents ?", "", TODAY)
    assert count is not None
    asked = counted_question(
        "Un agent titulaire d'un BEP a droit à combien d'heures de VAE ?", count, "vae_leave", TODAY
    )
    assert asked == "neuf agents titulaire d'un BEP a droit à combien d'heures de VAE, au total ?"


def test_bodies_are_no_count_of_people() -> None:
    count = head_count("Et pour neuf caisses ?", "", TODAY)
    assert count is not None
    assert counted_question("Un agent sans le bac : combien d'heures de VAE ?", count, "vae_leave", TODAY) is None


def test_a_contribution_for_several_caisses(assistant: Any) -> None:
    """Art. 9 (above): 0,15 % of 3 millions is 4 500 € a caisse, 13 500 € for three."""
    conversation = Conversation()
    assistant.ask(
        "Masse salariale brute de 3 millions d'euros : combien de contribution en plus ?", conversation, today=TODAY
    )
    answer = assistant.ask("Et pour trois organismes pareils ?", conversation, today=TODAY)
    assert [(c.name, c.result["value"]) for c in answer.tool_calls] == [("supplementary_contribution", 13500)]
    assert "13 500" in answer.text
    assert "40 500" not in answer.text  # the calculator counted the three caisses: nothing multiplies its total again


def test_the_tutor_cap_holds_for_a_counted_follow_up(assistant: Any) -> None:
    """Art. 4.2: « chaque tuteur accompagne, au maximum, 3 salariés » and art. 4.3: « 7 points par mois, complet ou
    non »: two trainees for three months are 42 points, computed by the calculator, not multiplied by hand."""
    conversation = Conversation()
    assistant.ask("Tutrice d'une apprentie pendant 3 mois, j'aurai combien de points ?", conversation, today=TODAY)
    answer = assistant.ask("Et si j'en encadre deux sur ces 3 mois ?", conversation, today=TODAY)
    assert [c.name for c in answer.tool_calls] == ["tutor_bonus"]
    assert answer.tool_calls[0].result["value"] == 42


@pytest.mark.parametrize(
    ("message", "rest"),
    [
        ("Bon, tant pis pour la cantine. Le CEP, qui le finance ?", "Le CEP, qui le finance ?"),
        ("Oublions les tickets resto : la VAE, c'est combien d'heures ?", "La VAE, c'est combien d'heures ?"),
    ],
)
def test_a_subject_set_aside_is_not_asked(message: str, rest: str) -> None:
    assert without_set_aside(message) == rest


@pytest.mark.parametrize(
    "message",
    [
        "peu importe le contrat, j'y ai droit ?",  # the clause belongs to the question
        "Laisse tomber ce que j'ai dit sur le CDD. J'y ai droit ?",  # a fact taken back: the corrections read it
        "Tant pis.",  # no question follows
    ],
)
def test_no_subject_set_aside(message: str) -> None:
    assert without_set_aside(message) == message


def test_a_part_takes_the_place_of_its_sibling() -> None:
    """CQP gestionnaire conseil, part V: « Epreuve écrite /20 3 ≤ 6 /60 » and « Epreuve orale /20 3 ≤ 6 /60 »:
    two rows of one grading table, so "et l'oral ?" asks of the oral what was asked of the written exam."""
    earlier = "Au CQP gestionnaire conseil, l'épreuve écrite, elle a quelle note éliminatoire ?"
    assert sibling_question("Et l'oral, alors ?", earlier) == (
        "Au CQP gestionnaire conseil, l'épreuve orale, elle a quelle note éliminatoire ?"
    )
    assert sibling_question("Et la VAE ?", earlier) is None  # no part of the same thing
    assert sibling_question("Et l'oral ?", "Qui organise le CQP gestionnaire conseil ?") is None  # no sibling named


def test_the_oral_asked_after_the_written_exam(assistant: Any) -> None:
    """Part V (above): the oral's coefficient is 3, as the table's row says."""
    conversation = Conversation()
    assistant.ask("CQP gestionnaire conseil : combien pèse l'écrit dans la note finale ?", conversation, today=TODAY)
    answer = assistant.ask("et pour l'oral ?", conversation, today=TODAY)
    assert "orale" in answer.resolved_question and "écrit" not in answer.resolved_question


def test_a_quote_asked_between_quotation_marks() -> None:
    request = about_answer.read("Montre-moi la phrase entre guillemets.")
    assert request is not None and request.operation == "quote"
    assert about_answer.read("La VAE entre guillemets ?") is None
