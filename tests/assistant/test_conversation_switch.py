"""Topic switches by meaning, pronouns by gender, the same question about another thing, comparisons,
and facts of a case stated earlier (issue #14), in words no evaluation set uses.

Without the index: the pure readings (`switch`, `antecedents`, `comparison`), the resolution of a
message against a context built as the assistant builds it, and the router's `case` reading.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from assistant.conversation.antecedents import pronoun_antecedent, same_question
from assistant.conversation.comparison import compared_question, compares, first_paragraph
from assistant.conversation.fact_merge import merge_facts
from assistant.conversation.subject import find_subject, message_subject
from assistant.conversation.switch import own_phrase, stands_alone_after_refusal
from assistant.routing.router import RouteDecision, route
from tests.assistant.conversation_helpers import TODAY, ask_in_turn, resolved, routed_context

# --- a subject of its own, put in front with an article ------------------------------------------------


def test_a_thing_put_in_front_with_an_article_is_the_message_s_own_subject() -> None:
    """ "et le télétravail, il est possible… ?": its own subject, which the previous question does not hold."""
    assert own_phrase("et le télétravail, il est possible pendant la formation ?", "Qui finance la Pro-A ?") == (
        "le télétravail"
    )
    assert own_phrase("Concernant la mutuelle, on la garde ?", "Le CEP est-il gratuit ?") == "la mutuelle"
    assert own_phrase("Sinon les astreintes du week-end, elles comptent ?", "Qui peut être tuteur ?") is not None


def test_a_possessive_an_ordinal_or_a_noun_of_the_previous_question_is_no_subject_of_its_own() -> None:
    """ "son numéro RNCP" and "la première" point back; "la durée" of a question on the durée continues it."""
    assert own_phrase("et son numéro RNCP ?", "Le CQP manager opérationnel, c'est quoi ?") is None
    assert own_phrase("Et la deuxième, elle se passe où ?", "Deux épreuves : l'écrit et l'oral ?") is None
    assert own_phrase("et la durée, elle peut aller jusqu'où ?", "Quelle durée pour une Pro-A ?") is None


def test_after_a_refusal_a_message_read_as_a_topic_of_the_texts_stands_alone() -> None:
    in_scope = RouteDecision("retrieval", topic="trainer_bonus")
    assert stands_alone_after_refusal(in_scope)
    assert not stands_alone_after_refusal(RouteDecision("retrieval", topic=None))
    assert not stands_alone_after_refusal(RouteDecision("refusal", topic=None))
    assert not stands_alone_after_refusal(replace(in_scope, refusal_topic="congés payés"))


# --- a pronoun whose gender rules out the previous subject ------------------------------------------------


def test_a_masculine_pronoun_after_a_feminine_subject_is_about_the_masculine_noun_before() -> None:
    """ "il dure combien ?" cannot be about la Pro-A: the title named before it is."""
    question = "Je regarde le titre de technicien de la liste Pro-A."
    # (the named thing, la Pro-A: the statement's own subject is now the title itself, conv12)
    found = pronoun_antecedent("il dure combien de temps ?", find_subject(question), question)
    assert found is not None and found.name == "titre de technicien de la liste Pro-A"
    assert found.display.startswith("le ")


def test_a_feminine_pronoun_after_a_masculine_subject_is_about_the_feminine_noun_before() -> None:
    question = "Notre service rédige une note interne sur le CEP."
    found = pronoun_antecedent("elle doit être signée par qui ?", message_subject(question), question)
    assert found is not None and found.name.startswith("note interne")
    resolution = resolved("Et elle doit être signée par qui ?", routed_context(question))
    assert resolution.kind == "reference" and resolution.text.startswith("Note interne")


def test_a_pronoun_that_agrees_or_an_impersonal_one_keeps_the_previous_subject() -> None:
    question = "Qui finance la Pro-A ?"
    assert pronoun_antecedent("elle dure combien ?", message_subject(question), question) is None
    assert pronoun_antecedent("il faut l'accord du manager ?", message_subject(question), question) is None
    resolution = resolved("elle dure combien ?", routed_context(question))
    assert resolution.text.startswith("Pro-A : ")


def test_a_person_named_before_is_never_taken_for_the_subject() -> None:
    """ "la salariée" is whose case it is, not what the question is about."""
    question = "Le conseil en évolution professionnelle de la salariée a eu lieu hier."
    assert pronoun_antecedent("elle a droit à combien d'absence ?", message_subject(question), question) is None


# --- the same question about another thing ---------------------------------------------------------------


def test_the_same_question_about_another_exam_replaces_the_exam() -> None:
    asked = "Quel coefficient pour l'épreuve écrite du CQP manager opérationnel ?"
    assert (
        same_question("la même question pour l'oral", asked)
        == "Quel coefficient pour l'oral du CQP manager opérationnel ?"
    )
    assert same_question("pareil avec le tronc commun ?", "Combien compte la note de l'option dans le total ?") == (
        "Combien compte la note pour le tronc commun dans le total ?"
    )


def test_the_same_question_about_a_thing_of_no_known_kind_adds_it() -> None:
    assert same_question("idem pour les alternants", "Quelle durée pour la Pro-A ?") == (
        "Quelle durée pour la Pro-A, pour les alternants ?"
    )
    assert same_question("pour les APT ?", "Quelle note éliminatoire à l'écrit ?") is None  # no "same question"
    resolution = resolved(
        "Même chose concernant l'oral.", routed_context("La note éliminatoire de l'écrit, c'est combien ?")
    )
    assert resolution.kind == "circumstance" and "pour l'oral" in resolution.text and "écrit" not in resolution.text


# --- a comparison asked as a follow-up ------------------------------------------------------------------


def test_comparative_constructions_are_recognised_whatever_they_compare() -> None:
    for said in ("c'est mieux que le contrat pro ?", "et par rapport au CEP ?", "il est au-dessus ?", "c'est pareil ?"):
        assert compares(said), said
    for said in ("et pour un CDD ?", "qui la finance ?", "elle dure combien ?"):
        assert not compares(said), said
    assert compared_question("Le CEP dure combien", "la VAE") == "Le CEP dure combien ? Comparaison avec la VAE."
    assert first_paragraph("7 points par mois [1].\n\nD'après l'article 4.3 [1].") == "7 points par mois."


def test_a_comparison_follow_up_asks_the_previous_question_of_the_new_side_naming_both() -> None:
    resolution = resolved("et par rapport au CEP, c'est plus ouvert ?", routed_context("La VAE, c'est ouvert à qui ?"))
    assert resolution.kind == "circumstance" and resolution.subject is not None
    assert resolution.subject.topic == "cep"
    assert resolution.compared_with == "la VAE" and resolution.text.endswith("c'est ouvert à qui ?")


def test_a_comparison_of_two_cqps_keeps_the_asked_attribute() -> None:
    context = routed_context("Le CQP manager opérationnel dure combien de mois ?")
    resolution = resolved("Le délégué de l'Assurance Maladie, c'est plus long ou plus court ?", context)
    assert resolution.text == "Le CQP délégué de l'Assurance Maladie dure combien de mois ?"
    assert resolution.compared_with == "le CQP manager opérationnel"


def test_a_switch_that_compares_nothing_is_the_previous_question_about_the_new_subject() -> None:
    resolution = resolved("Et pour la VAE ?", routed_context("Le CEP est-il gratuit ?"))
    assert not resolution.compared_with and "VAE" in resolution.text


# --- facts of a case stated earlier: the rule applied ------------------------------------------------


def test_facts_stated_earlier_about_someone_make_the_question_a_case() -> None:
    """Art. 2.3: "La Pro-A concerne les salariés en contrat à durée indéterminée […] n'ayant pas atteint un
    niveau de qualification sanctionné par une certification […] correspondant au grade de la licence." —
    stated about someone in the third person over two messages, the rule is applied to them."""
    context = routed_context("Bonjour.", stated=("Son contrat : CDI depuis 2017. Diplôme le plus haut : un CAP.",))
    resolution = resolved("La Pro-A, ce serait envisageable pour lui ?", context)
    assert resolution.kind == "circumstance" and resolution.case
    alone = route(resolution.text, TODAY)
    applied = route(resolution.text, TODAY, case=True)
    assert applied.route == "calculator" and applied.calculator == "pro_a_eligibility"
    assert applied.arguments == {"contract": "CDI", "diploma_level": 3}
    assert alone.route != "calculator" or alone.arguments == applied.arguments


def test_a_case_decided_against_by_a_stated_fact_is_applied_too() -> None:
    """Art. 2.3: a CDD is not among the contracts the Pro-A concerns."""
    decision = route("Contrat à durée déterminée de dix mois, BTS. Et la Pro-A, envisageable ?", TODAY, case=True)
    assert decision.route == "calculator" and decision.arguments.get("contract") == "CDD"


def test_without_facts_stated_a_question_on_the_rule_is_not_a_case() -> None:
    resolution = resolved("La Pro-A, c'est pour qui ?", routed_context("Le CEP est-il gratuit ?"))
    assert not resolution.case


# --- on the shipped corpus: the scope check of the message alone ------------------------------------------

_INTEGRATION = pytest.mark.integration


@_INTEGRATION
@pytest.mark.parametrize(
    "earlier, switch",
    [
        ("Le CEP, ça dure combien de temps ?", "et les astreintes du week-end, elles sont payées comment ?"),
        ("Qui peut devenir tuteur ?", "Et pour la mutuelle d'entreprise, on cotise combien ?"),
        ("La VAE, qui la paie ?", "et le compte épargne-temps, il se débloque quand ?"),
    ],
)
def test_a_subject_of_its_own_outside_the_texts_is_refused_not_glued(assistant: Any, earlier: str, switch: str) -> None:
    answer = ask_in_turn(assistant, earlier, switch)
    assert answer.route == "refusal", answer.text[:300]
    assert answer.resolved_question is None  # answered as asked, not as a follow-up of the earlier subject


@_INTEGRATION
def test_a_subject_of_its_own_the_texts_cover_stays_a_follow_up(assistant: Any) -> None:
    """Art. 2.6: "Le financement de la Pro-A est assuré par la contribution légale mutualisée…"."""
    answer = ask_in_turn(assistant, "Qu'est-ce que la Pro-A ?", "et le financement, il vient d'où ?")
    assert answer.route != "refusal"
    assert answer.resolved_question is not None and "Pro-A" in answer.resolved_question


@_INTEGRATION
@pytest.mark.parametrize(
    "refused, in_scope, section",
    [
        (
            "Combien de jours de RTT par an chez nous ?",
            "Et pour accompagner un alternant au quotidien, quelle prime ?",
            "4.3",
        ),
        ("La prime d'intéressement tombe quand ?", "Bon, et animer des formations en interne, c'est rémunéré ?", "9"),
    ],
)
def test_after_a_refusal_an_in_scope_question_is_answered_alone(
    assistant: Any, refused: str, in_scope: str, section: str
) -> None:
    first = ask_in_turn(assistant, refused)
    assert first.route == "refusal"
    answer = ask_in_turn(assistant, refused, in_scope)
    assert answer.route != "refusal", answer.text[:300]
    assert any(section in c.section for c in answer.citations), [c.section for c in answer.citations]


@_INTEGRATION
def test_facts_told_by_an_adviser_over_two_messages_are_applied(assistant: Any) -> None:
    """Art. 2.3 (quoted above): a CDI below the licence is concerned by the Pro-A."""
    answer = ask_in_turn(
        assistant,
        "Je suis le dossier de M. Perrin, du service recouvrement.",
        "Il est en CDI depuis 2016 et son diplôme le plus élevé est un bac professionnel.",
        "Une Pro-A, c'est jouable pour lui ?",
    )
    assert answer.route == "calculator" and answer.tool_calls[0].name == "pro_a_eligibility"
    assert answer.tool_calls[0].result["value"] is True or "Éligible" in answer.text


def test_a_message_naming_both_sides_or_asking_its_own_question_is_no_follow_up_comparison() -> None:
    context = routed_context("Combien de temps dure le CEP ?")
    both = resolved("Entre la VAE et le contrat de professionnalisation, lequel est le plus long ?", context)
    assert not both.compared_with
    own = resolved("Question différente : quelles certifications la Pro-A permet-elle ?", context)
    assert not own.compared_with


# --- one exam's grade changed out of a grade shared by several --------------------------------------------


def test_a_grade_changed_for_one_exam_of_a_shared_grade_leaves_the_others_theirs() -> None:
    """Circulaire, V: each exam has its own coefficient; "11 à l'écrit, à l'oral et aux APT" gives the three
    the same grade, and "et 6 à l'oral ?" changes the oral's alone."""
    earlier = "11 sur 20 en tronc commun, en option, à l'écrit, à l'oral et aux APT, c'est bon pour le CQP GC ?"
    merged = merge_facts(earlier, "et si j'avais eu 6 à l'oral ?", TODAY)
    assert merged.replaced
    grades = route(merged.text, TODAY).arguments
    assert grades["oral"] == 6.0
    assert grades["written"] == grades["tutored"] == grades["continuous_option"] == 11.0


def test_a_grade_changed_inside_a_list_keeps_the_grade_of_the_rest_of_the_list() -> None:
    earlier = "9 en tronc commun et à l'oral, 13 en option, à l'écrit et aux APT. Certifié ?"
    merged = merge_facts(earlier, "Et avec 15 à l'écrit ?", TODAY)
    grades = route(merged.text, TODAY).arguments
    assert grades["written"] == 15.0
    assert grades["continuous_option"] == grades["tutored"] == 13.0 and grades["oral"] == 9.0


def test_an_exam_graded_alone_is_simply_regraded() -> None:
    merged = merge_facts(
        "J'ai eu 9 à l'écrit, 12 à l'oral, 10 aux APT et en TC et option. Validé ?", "et 14 à l'écrit ?", TODAY
    )
    assert route(merged.text, TODAY).arguments["written"] == 14.0
    assert route(merged.text, TODAY).arguments["oral"] == 12.0


@_INTEGRATION
def test_a_comparison_follow_up_answers_the_new_side_and_recalls_the_other(assistant: Any) -> None:
    """Art. 4.3: "7 points par mois" for the tutor; art. 9.3 (avenant art. 3): "7 points par mois pour
    chaque action" for the internal trainer — both sides in the one answer."""
    answer = ask_in_turn(
        assistant,
        "Combien de points par mois touche un tuteur ?",
        "et c'est mieux ou moins bien que le formateur interne ?",
    )
    assert answer.resolved_question is not None and answer.resolved_question.endswith("Comparaison avec un tuteur.")
    assert "Pour comparer, un tuteur (réponse précédente) :" in answer.text
    assert any("9" in c.section for c in answer.citations)


# --- another case than the ordinary one -------------------------------------------------------------------


def test_a_circumstance_added_to_a_question_on_the_ordinary_case_drops_the_ordinary_case() -> None:
    """Art. 2.4 / 3.4: 6 to 12 months as a rule, up to 36 for the publics listed: "et pour un jeune sans
    diplôme ?" asks about the listed case, not "en temps normal"."""
    for earlier, added in (
        ("Normalement, la Pro-A dure combien ?", "et pour un jeune sans diplôme ?"),
        ("En règle générale, un contrat de professionnalisation dure combien ?", "Et pour un demandeur d'emploi ?"),
        ("La Pro-A dure combien de mois habituellement ?", "et au plus long ?"),
    ):
        resolution = resolved(added, routed_context(earlier))
        assert resolution.kind == "circumstance", resolution
        text = resolution.text.lower()
        assert not any(w in text for w in ("normalement", "générale", "habituellement")), resolution.text
        assert resolution.text[0].isupper()
