"""Follow-ups resolved to the right subject, short follow-ups answered (issue #14, conv12), in wordings no
evaluation set uses.

Without the index: the reading of the messages (`followups.resolve`, `subject.message_subject`, `antecedents`,
`frames`, `switch`, `about_answer.read`). With the index (`assistant`): whole exchanges, each checked against
the sentence of the text it must reach.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.conversation.about_answer import read
from assistant.conversation.antecedents import pronoun_antecedent, pronoun_beside_named
from assistant.conversation.frames import new_person, restates
from assistant.conversation.subject import Subject, find_subject, message_subject
from assistant.conversation.switch import named_thing, own_phrase
from tests.assistant.conversation_helpers import TODAY, ask_in_turn, resolved, routed_context

PRO_A = Subject("Pro-A", "la Pro-A", "pro_a")


# --- a message with a subject of its own starts afresh, one outside the texts included --------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Hors sujet : mon fils entre au collège en septembre, je peux poser un jour pour la rentrée ?",
        "Au passage, mais rien à voir : la mutuelle de l'entreprise couvre-t-elle les lunettes ?",
        "Par curiosité, combien coûte un repas à la cantine du siège ?",
    ],
)
def test_an_aside_sharing_nothing_with_the_question_starts_afresh(message: str) -> None:
    resolution = resolved(message, routed_context("Combien de points par mois touche un tuteur ?"))
    assert resolution.kind == "new", resolution


def test_an_aside_that_points_back_still_continues() -> None:
    resolution = resolved(
        "Au passage, elle est versée quand ?", routed_context("Combien de points par mois touche un tuteur ?")
    )
    assert resolution.kind != "new", resolution


# --- a possessive or a person: the previous subject's, never a new thing ---------------------------------------


def test_a_third_person_possessive_names_a_thing_of_the_previous_subject() -> None:
    earlier = "Le CQP contrôleur du recouvrement date de quelle année ?"
    assert named_thing("Et son classement au répertoire national ?", earlier, TODAY) == ""
    assert named_thing("Et sinon pour la cantine, ça marche comment ?", earlier, TODAY) == "cantine"


@pytest.mark.parametrize("message", ["Et pour ma collègue ?", "Et pour mon collègue dont l'emploi n'est pas menacé ?"])
def test_a_person_the_question_is_asked_for_is_no_new_thing(message: str) -> None:
    earlier = "Je n'ai qu'un CAP : combien d'heures de congé pour ma VAE ?"
    assert named_thing(message, earlier, TODAY) == "" and own_phrase(message, earlier) is None


def test_another_person_named_after_the_users_case_is_a_frame_of_its_own() -> None:
    """The user's facts (a CAP) are not the colleague's: the question is asked about the colleague alone."""
    earlier = "Je n'ai qu'un CAP : combien d'heures de congé pour ma VAE ?"
    assert new_person("Et pour mon collègue dont l'emploi n'est pas menacé ?", earlier, TODAY)
    assert not new_person("Pourquoi ce chiffre, d'où vient-il ?", earlier, TODAY)  # a pronoun names nobody
    resolution = resolved("Et pour mon collègue dont l'emploi n'est pas menacé ?", routed_context(earlier))
    # (conv17: the previous asking clause asked of the colleague's facts alone)
    assert resolution.case and "combien d'heures de congé" in resolution.text and "CAP" not in resolution.text


# --- said again for someone else ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Réexplique-le avec des mots qu'elle comprendrait.",
        "Dis-le pour qu'un enfant comprenne.",
        "Tu peux le dire avec des mots que ma fille pourrait comprendre ?",
    ],
)
def test_a_request_to_say_it_for_someone_else_restates(message: str) -> None:
    assert restates(message, TODAY)


def test_a_question_of_its_own_is_no_restatement() -> None:
    assert not restates("Explique-moi pourquoi le congé VAE dure 24 heures.", TODAY)


# --- pronouns --------------------------------------------------------------------------------------------------


def test_a_pronoun_beside_a_named_thing_it_cannot_be_points_to_the_noun_before() -> None:
    """ "il" cannot be *la* Pro-A, which the message names as a complement: the title named before is."""
    question = "Je regarde le titre professionnel de conseiller en insertion."
    found = pronoun_beside_named("Il est accessible en Pro-A ?", PRO_A, question, "pro_a")
    assert found is not None and found.name.startswith("titre professionnel de conseiller")
    resolution = resolved("Il est accessible en Pro-A ?", routed_context(question))
    assert resolution.kind == "reference" and resolution.text.startswith("Titre professionnel de conseiller")


def test_a_pronoun_agreeing_with_the_named_thing_is_that_thing() -> None:
    assert pronoun_beside_named("Elle est ouverte aux CDD, la Pro-A ?", PRO_A, "Je regarde le titre.", "pro_a") is None


def test_a_complex_inversion_repeats_its_own_noun() -> None:
    """ "l'organisme de formation doit-il …": the pronoun is the organisme, named in its clause."""
    question = "Dans la convention du CQP conseiller offres de service, que couvre le prix ?"
    body = "Après chaque module, l'organisme de formation doit-il nous envoyer des factures ?"
    assert pronoun_antecedent(body, message_subject(question), question) is None
    assert pronoun_antecedent("Quand commence-t-il ?", message_subject(question), question) is not None


# --- what a message is about -----------------------------------------------------------------------------------


def test_a_statement_of_what_the_user_does_is_about_its_object() -> None:
    assert message_subject("Je prépare une VAE sur le CQP manager opérationnel.") == Subject(
        "VAE sur le CQP manager opérationnel", "une VAE sur le CQP manager opérationnel", "vae", (15, 50)
    )
    assert message_subject("Je suis tutrice.") == find_subject("Je suis tutrice.")
    question = "Je prépare une VAE sur le CQP manager opérationnel : combien de temps ?"
    assert message_subject(question) == find_subject(question)  # a question asks; its named thing


def test_a_thing_named_only_inside_a_texts_name_makes_the_text_the_subject() -> None:
    subject = message_subject("Que prévoit la convention du CQP conseiller offres de service sur les absences ?")
    assert subject is not None and subject.name == "convention du CQP conseiller offres de service"
    assert subject.display.startswith("la convention")


def test_the_question_after_a_scene_is_about_what_it_names() -> None:
    subject = message_subject("Notre caisse recrute en contrat pro : le tuteur touche une prime ?")
    assert subject is not None and subject.name == "tuteur"


# --- requests and short follow-ups -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Donne-moi le libellé exact de cette disposition.",
        "Quelle est la formulation exacte ?",
        "Quel est le libellé précis ?",
    ],
)
def test_a_quote_request_may_name_the_part_or_ask_with_quel(message: str) -> None:
    request = read(message)
    assert request is not None and request.operation == "quote"


def test_a_rule_asked_exactly_is_no_quote_request() -> None:
    assert read("Quelle est la règle exacte pour la VAE ?") is None


def test_a_quantity_asked_in_another_unit_is_the_previous_question() -> None:
    context = routed_context("Combien d'heures dure le module PASS formation dans la convention ?")
    resolution = resolved("Et en semaines, ça fait combien ?", context)
    assert resolution.kind == "circumstance" and resolution.text.endswith(", en semaines ?"), resolution
    assert resolution.text.startswith("Combien d'heures dure le module PASS")


def test_which_one_chooses_among_what_the_previous_question_listed() -> None:
    context = routed_context("Quelles certifications ont été ajoutées à la liste Pro-A par l'avenant ?")
    resolution = resolved("Laquelle est délivrée par l'EN3S ?", context)
    assert (
        resolution.text
        == "Parmi les certifications ajoutées à la liste Pro-A par l'avenant, laquelle est délivrée par l'EN3S ?"
    )


# --- whole exchanges, on the real index ------------------------------------------------------------------------


def test_an_aside_outside_the_texts_after_a_rule_is_refused(assistant: Any) -> None:
    answer = ask_in_turn(
        assistant,
        "Un tuteur touche combien de points par mois ?",
        "Hors sujet : mon employeur peut-il refuser mes congés payés en août ?",
    )
    assert answer.route == "refusal", answer.text


def test_the_convention_asked_again_in_days(assistant: Any) -> None:
    """Convention, art. 7 (table): « PASS formation … 5,5 … 40 » (days, hours)."""
    answer = ask_in_turn(
        assistant,
        "Le module PASS formation de la convention du CQP conseiller offres de service dure combien d'heures ?",
        "Et en jours, ça donne quoi ?",
    )
    assert "5,5" in answer.text, answer.text


def test_the_exact_wording_of_the_clause_just_cited(assistant: Any) -> None:
    """Convention, art. 15: « En cas de litige entre les parties ne pouvant être réglé à l'amiable, l'Ucanss
    sera saisie pour arbitrage. »"""
    answer = ask_in_turn(
        assistant,
        "Dans la convention du CQP conseiller offres de service, que se passe-t-il en cas de litige ?",
        "Donne-moi le libellé exact de la clause.",
    )
    assert "arbitrage" in answer.text, answer.text


def test_the_other_text_asked_for_the_same_quantity_is_the_previous_question_there() -> None:
    context = routed_context("Que dit la circulaire sur le nombre de candidatures à la VAE par an ?")
    resolution = resolved("Et dans l'autre texte, la convention de formation, c'est combien ?", context)
    assert resolution.text.startswith("Que dit la convention de formation sur le nombre de candidatures"), resolution


def test_the_same_question_for_a_thing_named_beside_the_subject_by_its_head_noun() -> None:
    """ "mon rôle de formatrice" names the occasional trainer the previous question mentioned beside the tutor
    (a bare "formatrice" names no thing of the texts by itself)."""
    context = routed_context("Je suis tutrice et formatrice occasionnelle. Côté tutorat, la prime est de combien ?")
    resolution = resolved("Même chose pour mon rôle de formatrice ?", context)
    assert resolution.subject is not None and resolution.subject.topic == "trainer_bonus", resolution
    assert resolution.text == "Côté formatrice occasionnelle, la prime est de combien ?", resolution


def test_a_comparison_of_both_bonuses_payment_shows_both_sides(assistant: Any) -> None:
    """Art. 4.3: « Cette prime est versée en une seule fois à l'issue de la mission de tutorat … »; art. 9.2
    (avenant, art. 3): « La prime est versée … le mois suivant la fin de l'action de formation. »"""
    answer = ask_in_turn(
        assistant,
        "Je suis à la fois tutrice et formatrice occasionnelle. Pour le tutorat, combien de points par mois ?",
        "Et pour ma casquette de formatrice ?",
        "Quelle différence entre les deux sur le versement ?",
    )
    assert "une seule fois" in answer.text and "mois suivant" in answer.text, answer.text


def test_a_text_subject_of_its_own_question_starts_afresh() -> None:
    """A text named first, with its own verb, is what the new question is about; "et l'avenant, il …" still
    asks the previous subject of that text."""
    context = routed_context("Est-ce que ma prime de tuteur dépend de mon temps partiel ?")
    resolution = resolved(
        "La convention de formation du CQP conseiller offres de service est-elle dénonçable ?", context
    )
    assert resolution.kind == "new" and resolution.subject is not None
    assert resolution.subject.name.startswith("convention de formation")
    resolution = resolved("Et l'avenant, il a changé quelque chose là-dessus ?", context)
    assert resolution.kind != "new" and "tut" in resolution.text.lower(), resolution
