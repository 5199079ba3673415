"""The general mechanisms of a conversation, each in words no evaluation set uses (issue #14).

Without the index: the resolution of a message against a context built as the assistant builds it
(`Conversation.context`), and the statements a message is taken for.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from assistant.conversation.followups import (
    Context,
    describes_case,
    find_subject,
    message_subject,
    resolve,
    states_facts,
)
from assistant.routing.router import route

TODAY = date(2026, 11, 29)


def _context(question: str, **changes: object) -> Context:
    decision = route(question, TODAY)
    context = Context(question=question, topic=decision.topic, subject=message_subject(question))
    return replace(context, **changes)  # type: ignore[arg-type]


def _resolve(message: str, context: Context):
    decision = route(message, TODAY)
    return resolve(message, context, TODAY, own_topic=decision.topic, refused=decision.refusal_topic is not None)


def test_a_request_to_be_told_about_something_states_no_fact_of_a_case() -> None:
    """ "Décris-moi la licence pro qu'on prépare en Pro-A." names a diploma as the thing to describe:
    it is no statement that someone holds it, so it is never put in front of the next question."""
    assert not states_facts("Décris-moi la licence professionnelle qu'on prépare en Pro-A.", TODAY)
    assert not states_facts("Je voudrais savoir ce que vaut un BTS pour la Pro-A.", TODAY)
    assert states_facts("Mon collègue a un BTS et il est en CDI.", TODAY)


def test_the_subject_of_a_request_is_the_whole_thing_it_names() -> None:
    """ "le jury du CQP …": a follow-up's "il se réunit quand ?" is about the jury, not the CQP."""
    subject = message_subject("Parle-moi du jury du CQP contrôleur allocataire.")
    assert subject is not None and subject.name == "jury du CQP contrôleur allocataire"
    assert subject.display == "le jury du CQP contrôleur allocataire" and subject.topic == "cqp"
    # a message that is no request keeps the named thing of the corpus
    plain = message_subject("Qui délivre le CQP contrôleur allocataire ?")
    assert plain is not None and plain.name == find_subject("le CQP contrôleur allocataire").name  # type: ignore[union-attr]
    earlier = "Parle-moi du jury du CQP contrôleur allocataire."
    resolution = _resolve("il se réunit combien de fois ?", _context(earlier))
    assert resolution.kind == "reference"
    assert resolution.text.startswith("Jury du CQP contrôleur allocataire : ")


def test_a_calculation_without_facts_of_a_case_is_not_added_to() -> None:
    """After a request naming a master (read as a calculation on the Pro-A list), a question with a
    pronoun is about that master, not a case whose diploma would be the master."""
    earlier = "Parle-moi de la licence pro qu'on peut suivre en Pro-A."
    resolution = _resolve("on y accède avec quel diplôme ?", _context(earlier, case=True))
    assert resolution.kind == "reference"
    assert not resolution.text.startswith(earlier.rstrip("."))


def test_facts_described_after_an_introduction_stay_for_the_question_about_that_person() -> None:
    """An HR adviser introduces a file, then describes the person, then asks: the description is a
    statement even though it was read as an addition to the introduction when it was answered."""
    assert describes_case("Elle est en CDI depuis 2015 et elle a un bac pro.", TODAY)
    assert not describes_case("non, elle est en CDD", TODAY)  # a correction of the last question
    assert not describes_case("et pour un CDD.", TODAY)  # a changed circumstance
    stated = "Elle est en CDI chez nous depuis 2015 et elle a un CAP."
    context = _context("Je reçois Mme Durand demain pour son entretien.", stated=(stated,))
    resolution = _resolve("Elle peut prétendre à une Pro-A ?", context)
    assert resolution.text == f"{stated} Elle peut prétendre à une Pro-A ?"
    decision = route(resolution.text, TODAY)
    assert decision.calculator == "pro_a_eligibility" and decision.arguments["contract"] == "CDI"
