"""A question read as new that names the subject the case was already about continues that case (conv30, issue
#14), in words no evaluation set uses.

Why: `case_facts` started the case at the last message that named a subject of its own, so a question on the same
subject asked between the facts and the calculation ("Notre masse salariale est de … ." / "Cette contribution
sert à quoi ?" / "Ça nous fait combien ?") dropped the facts told before it and the calculator asked for them again.

Without the index: which messages start the case. With the index (`assistant`): whole exchanges.
"""

from __future__ import annotations

from typing import Any

from assistant.conversation import Conversation
from assistant.conversation.case_facts import case_facts
from assistant.conversation.state import Turn
from assistant.conversation.subject import find_subject
from tests.assistant.conversation_helpers import TODAY


def _turn(question: str, kind: str = "new", route: str = "retrieval", statement: bool = False) -> Turn:
    return Turn(question, question, kind, route, subject=find_subject(question), statement=statement)  # type: ignore[arg-type]


def test_a_question_on_the_same_subject_keeps_the_facts_told_before_it() -> None:
    turns = [
        _turn(
            "Contribution conventionnelle supplémentaire : notre masse salariale brute est de 12 millions d'euros.",
            route="refusal",
            statement=True,
        ),
        _turn("La contribution conventionnelle supplémentaire est gérée par qui ?"),
    ]
    facts = case_facts(turns, "Contribution conventionnelle supplémentaire : combien devons-nous ?", TODAY)
    assert "12 millions" in facts


def test_a_question_on_another_subject_still_starts_a_new_case() -> None:
    turns = [
        _turn("Pour la VAE, j'ai seulement un CAP.", statement=True),
        _turn("Et le tutorat, à quoi ça sert ?"),
    ]
    assert "CAP" not in case_facts(turns, "Tutorat : combien de points ?", TODAY)


def test_the_payroll_told_first_reaches_the_contribution_after_a_question_on_it(assistant: Any) -> None:
    """Art. 9: « une contribution conventionnelle supplémentaire des organismes du régime général correspondant à
    0,15 % de leur masse salariale brute » — 0,15 % of 20 millions is 30 000 €."""
    conversation = Conversation()
    assistant.ask("Notre Urssaf déclare 20 millions d'euros de masse salariale brute.", conversation, today=TODAY)
    assistant.ask("Qui gère la contribution conventionnelle supplémentaire ?", conversation, today=TODAY)
    answer = assistant.ask("Quel montant devrons-nous verser ?", conversation, today=TODAY)
    assert [c.name for c in answer.tool_calls] == ["supplementary_contribution"]
    assert "30 000 €" in answer.text


def test_the_diploma_told_first_reaches_the_vae_leave_after_a_question_on_the_vae(assistant: Any) -> None:
    """Avenant 2022, art. 2: « Le congé pour préparer la validation des acquis de l'expérience (VAE) d'une durée de
    24 heures est augmenté pour les agents n'ayant pas atteint le niveau 4 […] à 48 heures maximum. »"""
    conversation = Conversation()
    assistant.ask("Mon seul diplôme est un CAP, et je vise un titre pro par la VAE.", conversation, today=TODAY)
    assistant.ask("La VAE exige combien d'années d'activité ?", conversation, today=TODAY)
    answer = assistant.ask("Combien d'heures de congé VAE pour moi ?", conversation, today=TODAY)
    assert [c.name for c in answer.tool_calls] == ["vae_leave"]
    assert "48 heures" in answer.text
