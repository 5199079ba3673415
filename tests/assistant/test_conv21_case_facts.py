"""The facts of a case told over several messages, kept as conversation state (conv21, issue #14), in words no
evaluation set uses.

Without the index: which sentences of the earlier messages are facts of the case (`case_facts`), when an answer
shows it needed them (`needs_case`) and when the retry with them is kept (`computed`). With the index
(`assistant`): whole exchanges, calculators included.
"""

from __future__ import annotations

from typing import Any

from assistant.answer import Answer
from assistant.conversation import Conversation
from assistant.conversation.case_facts import case_facts, computed, needs_case, with_facts
from assistant.conversation.state import Turn
from assistant.conversation.subject import find_subject
from assistant.routing.router import RouteDecision
from tests.assistant.conversation_helpers import TODAY


def _turn(question: str, kind: str = "circumstance", route: str = "retrieval", statement: bool = False) -> Turn:
    subject = find_subject(question) if kind == "new" else None
    return Turn(question, question, kind, route, subject=subject, statement=statement)  # type: ignore[arg-type]


def test_facts_are_read_from_every_message_since_the_subject_was_named() -> None:
    turns = [
        _turn("Je suis tuteur d'un apprenti depuis le 1er mars 2026.", kind="new", statement=True),
        _turn("Qui fixe ses objectifs ?"),
        _turn("Sa mission se termine le 30 juin 2026."),
    ]
    facts = case_facts(turns, "Tutorat : combien de points ?", TODAY)
    # (the end told later closes the period begun earlier: fact_merge reads it as the period's end)
    assert facts == "Je suis tuteur d'un apprenti du 1er mars 2026 au 30 juin 2026."


def test_a_question_is_no_fact_and_a_fact_already_asked_is_not_repeated() -> None:
    turns = [_turn("La VAE me donne droit à combien d'heures avec un CAP ?", kind="new")]
    assert case_facts(turns, "VAE : et le congé est payé ?", TODAY) == ""
    stated = [_turn("Ma dernière formation date de mars 2022.", kind="new", statement=True)]
    assert case_facts(stated, "Ma dernière formation date de mars 2022. Jusqu'à quand ?", TODAY) == ""


def test_a_new_subject_starts_a_new_case() -> None:
    turns = [
        _turn("Je suis formatrice interne depuis le 1er avril 2026.", kind="new", statement=True),
        _turn("Parlons de la VAE : j'ai travaillé 5 ans dans le métier.", kind="new", statement=True),
    ]
    facts = case_facts(turns, "VAE : combien d'heures de congé ?", TODAY)
    assert "avril" not in facts and "5 ans" in facts


def test_a_fact_corrected_later_replaces_the_earlier_one() -> None:
    turns = [
        _turn("Je suis tutrice d'une alternante depuis le 1er octobre 2026.", kind="new", statement=True),
        _turn("Pardon, depuis le 1er novembre 2026."),
    ]
    facts = case_facts(turns, "Tutorat : combien de points ?", TODAY)
    assert "novembre 2026" in facts and "octobre" not in facts


def test_a_fact_of_the_question_changes_the_case_instead_of_repeating_it() -> None:
    facts = "Mes notes : 12 à l'écrit, 7 à l'oral."
    asked = with_facts(facts, "Et si j'avais eu 9 à l'oral, je serais certifiée ?", TODAY)
    assert "9 à l'oral" in asked and "7 à l'oral" not in asked and asked.endswith("je serais certifiée ?")
    assert with_facts(facts, "Quel est mon total ?", TODAY) == f"{facts} Quel est mon total ?"


def test_only_an_answer_that_needed_a_case_calls_for_its_facts() -> None:
    asked_back = RouteDecision(route="clarify", topic="tutor_bonus", calculator="tutor_bonus", missing=["missions"])
    assert needs_case(Answer("q", "Sur quelle période ?", "clarify"), asked_back)
    topicless = RouteDecision(route="retrieval")
    assert needs_case(Answer("q", "…", "retrieval"), topicless)
    on_topic = RouteDecision(route="retrieval", topic="tutor_bonus")
    assert not needs_case(Answer("q", "…", "retrieval"), on_topic)
    foreign = RouteDecision(route="refusal", refusal_topic="congés payés")
    assert not needs_case(Answer("q", "…", "refusal"), foreign)


def test_the_retry_is_kept_only_when_a_calculator_computes_or_asks_for_less() -> None:
    first = (
        Answer("q", "?", "clarify"),
        RouteDecision(route="clarify", calculator="cep_leave", missing=["contract", "seniority"]),
    )
    computes = (Answer("q", "Oui", "calculator"), RouteDecision(route="calculator", calculator="cep_leave"))
    fewer = (Answer("q", "?", "clarify"), RouteDecision(route="clarify", calculator="cep_leave", missing=["seniority"]))
    same = (Answer("q", "…", "retrieval"), RouteDecision(route="retrieval", topic="cep"))
    assert computed(first, computes) and computed(first, fewer) and not computed(first, same)


def test_facts_told_in_three_messages_give_the_bonus(assistant: Any) -> None:
    """Art. 4.3: « il correspond à 7 points par mois, complet ou non » — March to August 2026, 6 months begun."""
    conversation = Conversation()
    assistant.ask("J'accompagne comme tuteur un apprenti de la Carsat.", conversation, today=TODAY)
    assistant.ask("Son parcours court du 1er mars au 20 août 2026.", conversation, today=TODAY)
    assistant.ask("Tout s'est passé comme prévu.", conversation, today=TODAY)
    answer = assistant.ask("Je vais toucher combien ?", conversation, today=TODAY)
    assert [c.name for c in answer.tool_calls] == ["tutor_bonus"]
    assert "42 points" in answer.text


def test_a_date_told_after_a_question_on_the_rule_is_read_by_its_calculator(assistant: Any) -> None:
    """Art. 8: « Le bénéfice d'une formation est ainsi garanti à tous les salariés présents qui n'en auraient pas
    suivi depuis 4 ans. Celle-ci intervient dans l'année suivant cette période de 4 ans. »"""
    conversation = Conversation()
    assistant.ask("Que prévoit la garantie individuelle d'accès à la formation ?", conversation, today=TODAY)
    assistant.ask("Mon dernier stage remonte à mai 2022.", conversation, today=TODAY)
    answer = assistant.ask("Avant quelle date doit-on m'en proposer un ?", conversation, today=TODAY)
    assert [c.name for c in answer.tool_calls] == ["training_guarantee"]
    assert "mai 2027" in answer.text
    assert answer.text.startswith("Question comprise")  # the answer says what it understood, facts included
