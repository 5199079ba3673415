"""Fact frames (a person's, a calculator's), digressions, requests to say the answer again more simply,
corrections naming another subject, "reprenons …" and the user's own thing put in front (issue #14),
in words no evaluation set uses.

Without the index: the readings of `frames` and the resolution of a message against a context built
as the assistant builds it. With the index (`assistant`): the whole exchange, calculators included.
"""

from __future__ import annotations

from typing import Any

from assistant.conversation import Conversation
from assistant.conversation.backrefs import EarlierTurn
from assistant.conversation.frames import case_person, continues, is_digression, new_person, restates
from assistant.conversation.subject import message_subject
from assistant.conversation.switch import own_phrase
from assistant.routing.router import RouteDecision
from tests.assistant.conversation_helpers import TODAY, resolved, routed_context

# --- whose case: the person a message tells facts of ---------------------------------------------------


def test_the_user_tells_their_own_case_in_the_first_person() -> None:
    assert case_person("Pour ma part j'en ai un seul, de septembre à décembre") == "user"
    assert case_person("Et moi, en CDD depuis huit mois ?") == "user"
    assert case_person("Je suis tuteur de mon binôme depuis mars") == "user"  # the user's mission, whoever is named


def test_a_named_individual_s_case_is_someone_else_s() -> None:
    assert case_person("Mon binôme tutore deux apprentis de mars à août 2026 : combien de points ?") == "other"
    assert case_person("Mme Leroy est en CDD depuis trois mois : a-t-elle droit à l'absence ?") == "other"
    # the adviser only handles the file: the facts are the named person's
    assert case_person("Je m'occupe du dossier de Monsieur Diallo : CDI depuis 2019.") == "other"
    assert case_person("Quelle est la durée d'une Pro-A ?") is None


def test_facts_of_another_person_start_a_frame_of_their_own() -> None:
    colleague = "Mon binôme tutore deux apprentis de mars à août 2026 : combien de points pour lui ?"
    mine = "Pour ma part j'en ai un seul, de septembre à décembre 2026"
    assert new_person(mine, colleague, TODAY)
    resolution = resolved(mine, routed_context(colleague, case=True))
    assert resolution.case and resolution.kind == "reference"
    assert "mars" not in resolution.text and "septembre à décembre 2026" in resolution.text


def test_the_user_s_facts_after_a_named_colleague_s_are_not_merged_into_them() -> None:
    """Each wording keeps the colleague's facts out of the user's question."""
    cases = [
        (
            "Mme Leroy est en CDD depuis 3 mois : a-t-elle droit à l'absence pour un CEP ?",
            "Et moi, en CDI depuis 10 ans ?",
        ),
        (
            "Mon collègue Paul a un BTS et il est en CDI : la Pro-A lui est ouverte ?",
            "J'ai seulement un CAP, en CDI aussi",
        ),
        ("Ma responsable prépare une VAE avec un master : combien d'heures de congé ?", "Et moi qui ai un CAP ?"),
    ]
    for colleague, mine in cases:
        resolution = resolved(mine, routed_context(colleague, case=True))
        assert resolution.case, mine
        for fact in ("3 mois", "BTS", "master"):
            assert fact not in resolution.text or fact in mine, (mine, resolution.text)


def test_the_same_question_for_the_user_carries_none_of_the_other_person_s_facts() -> None:
    """ "et pour moi ?" after a colleague's case: the user's case, whose facts are still to ask."""
    for colleague, mine in (
        ("Mon binôme a un BTS : combien d'heures de congé VAE pour lui ?", "et pour moi ?"),
        ("Mme Leroy a 3 ans dans l'organisme, a-t-elle droit à l'absence CEP ?", "Et moi alors ?"),
        ("Mon collègue prépare une Pro-A avec une licence, c'est possible ?", "et moi, ça marche ?"),
    ):
        resolution = resolved(mine, routed_context(colleague, case=True))
        assert resolution.case and not any(fact in resolution.text for fact in ("BTS", "3 ans", "licence")), mine
    # a circumstance of the user's own earlier case is no other person
    assert not new_person("et si l'organisme est loin de chez moi ?", "Le CEP, on m'accorde combien ?", TODAY)


def test_a_follow_up_of_the_same_person_still_changes_the_earlier_facts() -> None:
    question = "Je tutore deux apprentis de mars à août 2026 : combien de points ?"
    assert not new_person("et avec trois apprentis ?", question, TODAY)
    resolution = resolved("et avec trois apprentis ?", routed_context(question, case=True))
    assert resolution.kind == "circumstance" and "trois apprentis" in resolution.text and "mars" in resolution.text


# --- a calculator frame: the message alone is a case of another calculator --------------------------------


def test_a_case_of_another_calculator_is_answered_alone(assistant: Any) -> None:
    conversation = Conversation()
    assistant.ask("Je tutore un apprenti du 1er mars au 30 juin 2026 : combien de points ?", conversation, today=TODAY)
    answer = assistant.ask(
        "J'anime également une session de formation interne terminée le 3 octobre 2026 : c'est payé quand ?",
        conversation,
        today=TODAY,
    )
    assert [c.name for c in answer.tool_calls] == ["trainer_bonus"]
    assert "novembre 2026" in answer.text  # the month after the action's end, not the tutor's mission
    answer = assistant.ask(
        "Nouvelle simulation : masse salariale brute de 2 millions, quelle contribution ?", conversation, today=TODAY
    )
    assert [c.name for c in answer.tool_calls] == ["supplementary_contribution"]
    assert "3 000" in answer.text


# --- digressions --------------------------------------------------------------------------------------------


def test_a_digression_is_read_from_its_opening() -> None:
    assert is_digression("Petite question annexe : le CPF, c'est quoi ?")
    assert is_digression("Entre parenthèses, qui finance la Pro-A ?")
    assert is_digression("Ok, par curiosité : la VAE dure combien ?")
    assert not is_digression("Et pour un CDD ?")


def test_a_message_continues_a_digression_by_its_lead_pronoun_or_words() -> None:
    aside = "Au passage, qui finance la Pro-A ?"
    assert continues("et elle dure combien ?", aside)
    assert continues("Ce financement passe par l'OPCO ?", aside)  # a demonstrative
    assert continues("Le financement de la Pro-A est-il plafonné ?", aside)  # a word of its own in common
    assert not continues("Si la mission finit en juillet, combien de points ?", aside)


def test_after_a_digression_the_conversation_goes_back_to_the_subject_beneath(assistant: Any) -> None:
    conversation = Conversation()
    assistant.ask("Je suis tuteur d'une apprentie depuis le 1er février 2026.", conversation, today=TODAY)
    aside = assistant.ask("Par curiosité : qui finance la Pro-A ?", conversation, today=TODAY)
    assert not aside.tool_calls
    answer = assistant.ask(
        "Si la mission se termine fin juillet 2026, ça fait combien de points ?", conversation, today=TODAY
    )
    assert [c.name for c in answer.tool_calls] == ["tutor_bonus"]
    assert "42 points" in answer.text  # February to July: 6 months begun × 7 points


def test_a_case_is_taken_up_again_after_an_unmarked_question_on_something_else(assistant: Any) -> None:
    """No "parenthèse" said: the message's facts and words fit the earlier case, not the last question."""
    conversation = Conversation()
    assistant.ask("Je suis tuteur d'une apprentie depuis le 1er février 2026.", conversation, today=TODAY)
    assistant.ask("Qui finance la Pro-A ?", conversation, today=TODAY)
    answer = assistant.ask(
        "Si la mission s'arrête fin juillet 2026, ça fait combien de points ?", conversation, today=TODAY
    )
    assert [c.name for c in answer.tool_calls] == ["tutor_bonus"] and "42 points" in answer.text


def test_facts_stated_are_not_glued_to_a_question_on_another_topic_that_names_nobody() -> None:
    stated = "Je suis tuteur d'une apprentie depuis le 1er février 2026."
    context = routed_context(stated, stated=(stated,), topic="tutor_bonus")
    for message in ("Qui finance la Pro-A ?", "La VAE, c'est ouvert à quel public ?"):
        assert resolved(message, context).text == message
    # the same facts stay in front of a question about them
    assert resolved("La prime de tutorat, je la touche quand ?", context).text.startswith(stated)


def test_a_follow_up_pointing_back_stays_on_the_last_question() -> None:
    from assistant.conversation.frames import case_beneath

    earlier = routed_context("Je tutore un apprenti depuis le 1er mars 2026 : combien de points ?", case=True)
    last = routed_context("Qui finance la Pro-A ?", stack=(earlier,))
    assert case_beneath("Si la mission finit le 30 juin 2026, combien de points ?", last, TODAY) is earlier
    assert case_beneath("et pour une Pro-A de 18 mois ?", last, TODAY) is None  # "et": goes on with the Pro-A
    assert case_beneath("elle dure 18 mois au plus ?", last, TODAY) is None  # a pronoun points back
    assert case_beneath("Le financement vaut aussi pour 2027 ?", last, TODAY) is None  # no fact, no earlier case


# --- requests about the previous answer's form ------------------------------------------------------------


def test_a_request_to_say_it_again_more_simply_is_read_by_its_grammar() -> None:
    for message in (
        "trop compliqué, tu peux reformuler en deux mots ?",
        "j'ai pas bien saisi, dis-le autrement",
        "version courte stp : résume",
        "c'est flou pour moi",
        "en termes simples ?",
    ):
        assert restates(message, TODAY), message


def test_a_question_of_its_own_is_no_request_to_restate() -> None:
    for message in (
        "Explique-moi la VAE plus simplement",  # names its own subject
        "je ne comprends pas pourquoi la prime baisse",
        "pas compris : elle est versée quand ?",
        "Et simplement, je peux refuser ?",
        "résume-moi les cas de la Pro-A sur 36 mois",
    ):
        assert not restates(message, TODAY), message


def test_a_request_to_restate_asks_the_previous_rule_again() -> None:
    context = routed_context("À quoi sert la contribution conventionnelle supplémentaire ?")
    resolution = resolved("trop compliqué, tu peux reformuler en deux mots ?", context)
    assert resolution.restate and resolution.kind == "meta"
    assert resolution.text == context.question


def test_after_a_clarification_a_request_to_restate_answers_the_rule(assistant: Any) -> None:
    conversation = Conversation()
    first = assistant.ask("Je suis en CDI. Ai-je droit à l'absence pour un CEP ?", conversation, today=TODAY)
    assert first.route == "clarify"
    answer = assistant.ask("je ne comprends pas, dis-le autrement", conversation, today=TODAY)
    assert answer.route not in ("clarify", "refusal")
    assert answer.text.startswith("Plus simplement")
    assert "12 mois" in answer.text and answer.citations


# --- a correction naming another subject, "reprenons …", the user's own thing -----------------------------


def test_a_correction_naming_another_subject_asks_its_question_about_it() -> None:
    context = routed_context("Combien touche un tuteur par mois ?")
    for message in (
        "non, je voulais dire le formateur interne : quand est-ce qu'on la touche, sa prime ?",
        "pardon, je parlais de la prime de formateur interne : elle est plafonnée ?",
        "en fait c'est pour un formateur interne à titre accessoire : à quel moment est-elle payée ?",
    ):
        resolution = resolved(message, context)
        assert resolution.kind == "reference" and resolution.text.startswith("Prime de formateur interne : "), message


def test_reprenons_goes_back_to_the_subject_it_names() -> None:
    first = "Le CQP conseiller offres de services comporte combien de blocs ?"
    second = "Et l'entretien professionnel, c'est tous les combien ?"
    turns = (EarlierTurn(first, message_subject(first)), EarlierTurn(second, message_subject(second)))
    context = routed_context(second, turns=turns)
    resolution = resolved("Reprenons les blocs du conseiller offres de services : lesquels sont communs ?", context)
    assert resolution.text.startswith("CQP conseiller offres de services : les blocs")
    resolution = resolved("On reprend le CQP COS : il se passe en combien de temps ?", context)
    assert resolution.text.startswith("CQP conseiller offres de services : il se passe")


def test_the_user_s_own_thing_put_in_front_is_a_subject_of_its_own() -> None:
    assert own_phrase("Et mes tickets de parking, ils sont pris en charge ?", "Combien d'heures de congé VAE ?") == (
        "mes tickets de parking"
    )
    assert own_phrase("Sinon ma mutuelle, elle change ?", "Qui finance la Pro-A ?") == "ma mutuelle"
    assert (
        own_phrase("Et mon contrat, il peut durer plus ?", "Le contrat de professionnalisation dure combien ?") is None
    )


def test_other_calculator_reading_needs_a_calculator_on_both_sides() -> None:
    from assistant.conversation.exchange import _other_calculator

    context = routed_context(
        "Je tutore un apprenti de mars à juin : combien ?", turns=(EarlierTurn("q", None, "tutor_bonus"),)
    )
    assert _other_calculator(RouteDecision("calculator", calculator="trainer_bonus"), context)
    assert not _other_calculator(RouteDecision("calculator", calculator="tutor_bonus"), context)
    assert not _other_calculator(RouteDecision("retrieval"), context)
    # a case of another calculator whose facts are still to ask
    assert _other_calculator(RouteDecision("clarify", calculator="trainer_bonus"), context)


# --- what points at the previous answer, what only acknowledges it, what announces another case -----------


def test_asking_where_a_figure_comes_from_takes_the_previous_question_up_again() -> None:
    context = routed_context("Combien de points par mois pour un formateur interne ?")
    for message in ("vous tirez ce chiffre d'où ?", "tu sors ça d'où ?", "d'où tu tiens cette information ?"):
        resolution = resolved(message, context)
        assert resolution.kind == "meta" and resolution.text == context.question, message


def test_an_acknowledgement_is_an_aside() -> None:
    context = routed_context("Quel est le taux de la contribution conventionnelle supplémentaire ?")
    for message in ("bien noté", "ok compris, merci", "je vois"):
        assert resolved(message, context).kind == "aside", message


def test_another_calculation_announced_starts_afresh() -> None:
    context = routed_context("Je tutore un apprenti de mars à juin 2026 : combien de points ?", case=True)
    for message in (
        "Autre calcul : masse salariale de 3 millions, quelle contribution ?",
        "Nouvelle simulation, une Pro-A de 900 heures : combien d'heures d'enseignement au moins ?",
        "Un autre cas : un CDD de 4 mois, absence CEP possible ?",
    ):
        resolution = resolved(message, context)
        assert resolution.kind == "new" and "mars" not in resolution.text, message
