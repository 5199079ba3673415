"""The general mechanisms of a conversation, each in words no evaluation set uses (issue #14).

Without the index: the resolution of a message against a context built as the assistant builds it
(`Conversation.context`), and the statements a message is taken for.
"""

from __future__ import annotations

from assistant.conversation.statements import describes_case, states_facts
from assistant.conversation.subject import find_subject, message_subject
from assistant.routing.router import route
from tests.assistant.conversation_helpers import TODAY, resolved, routed_context


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
    # a request for the named thing itself, by its short name, keeps the named thing
    itself = message_subject("parle moi du CQP MO")
    assert itself is not None and itself.name == "CQP manager opérationnel"
    # a message that is no request keeps the named thing of the corpus
    plain = message_subject("Qui délivre le CQP contrôleur allocataire ?")
    assert plain is not None and plain.name == find_subject("le CQP contrôleur allocataire").name  # type: ignore[union-attr]
    earlier = "Parle-moi du jury du CQP contrôleur allocataire."
    resolution = resolved("il se réunit combien de fois ?", routed_context(earlier))
    assert resolution.kind == "reference"
    assert resolution.text.startswith("Jury du CQP contrôleur allocataire : ")


def test_a_request_answered_by_a_calculator_is_no_case_to_add_to() -> None:
    """After a request naming a licence (answered by the Pro-A list's calculator), a question with a
    pronoun is about that licence, not a case whose diploma would be the licence."""
    earlier = "Parle-moi de la licence pro qu'on peut suivre en Pro-A."
    resolution = resolved("on y accède avec quel diplôme ?", routed_context(earlier, case=True))
    assert resolution.kind == "reference"
    assert not resolution.text.startswith(earlier.rstrip("."))


def test_facts_described_after_an_introduction_stay_for_the_question_about_that_person() -> None:
    """An HR adviser introduces a file, then describes the person, then asks: the description is a
    statement even though it was read as an addition to the introduction when it was answered."""
    assert describes_case("Elle est en CDI depuis 2015 et elle a un bac pro.", TODAY)
    assert not describes_case("non, elle est en CDD", TODAY)  # a correction of the last question
    assert not describes_case("et pour un CDD.", TODAY)  # a changed circumstance
    stated = "Elle est en CDI chez nous depuis 2015 et elle a un CAP."
    context = routed_context("Je reçois Mme Durand demain pour son entretien.", stated=(stated,))
    resolution = resolved("Elle peut prétendre à une Pro-A ?", context)
    assert resolution.text == f"{stated} Elle peut prétendre à une Pro-A ?"
    decision = route(resolution.text, TODAY)
    assert decision.calculator == "pro_a_eligibility" and decision.arguments["contract"] == "CDI"


def test_a_terse_date_answering_a_question_on_a_date_becomes_the_statement_it_completes() -> None:
    """ "Quand avez-vous suivi votre dernière formation ?" answered "en juin 2022": the date goes next
    to what it dates, in the question's own words, so the reader finds it."""
    from assistant.conversation.answers import open_statement

    asked = "À quelle date (au moins le mois et l'année) avez-vous suivi votre dernière formation ?"
    assert open_statement(asked, "en juin 2022") == "J'ai suivi ma dernière formation en juin 2022"
    assert open_statement(asked, "juin 2022") == "J'ai suivi ma dernière formation en juin 2022"
    assert open_statement(asked, "3 juin 2022") == "J'ai suivi ma dernière formation le 3 juin 2022"
    asked = "Depuis combien de temps travaillez-vous dans votre organisme actuel ?"
    assert open_statement(asked, "18 mois") == "Je travaille dans mon organisme actuel depuis 18 mois"
    assert open_statement("Êtes-vous en CDI ou en CDD ? Quelle est votre ancienneté ?", "2 ans") is None


def test_a_certification_date_given_alone_completes_the_pay_question() -> None:
    """The contract's pay question asks the certification date; "le 3 février 2027" alone completes it
    so that the date is read as the certification's, not left after the question mark."""
    pending = "Ma collègue en contrat pro passe sa certification, elle a le salaire conventionnel à partir de quand ?"
    asked = "À quelle date avez-vous obtenu (ou obtiendrez-vous) votre certification ?"
    context = routed_context(pending, pending=pending, missing=("certification_date",), case=True, asked=asked)
    resolution = resolved("le 3 février 2027", context)
    assert resolution.kind == "completion"
    decision = route(resolution.text, TODAY)
    assert decision.calculator == "professionalisation_contract"
    assert str(decision.arguments["certification_date"]) == "2027-02-03"


def test_an_end_given_after_a_start_date_makes_the_period() -> None:
    """A start date, then "jusqu'à fin juin": the mission runs from one to the other."""
    from assistant.conversation.fact_merge import merge_facts

    merged = merge_facts(
        "Je tutore un alternant, ça démarre le 5 janvier 2026 : combien de points ?", "jusqu'à fin juin", TODAY
    )
    assert merged.text == "Je tutore un alternant, du 5 janvier 2026 au 30 juin 2026 : combien de points ?"
    merged = merge_facts(
        "La formation que j'anime se termine le 12 décembre 2026, quelle prime ?", "elle a débuté en octobre", TODAY
    )
    assert "du 1er octobre 2026 au 12 décembre 2026" in merged.text


def test_a_message_asking_nothing_but_its_subject_asks_the_previous_question_about_it() -> None:
    """ "idem pour la VAE", "et pour le CQP GC, c'est plus long ?": the words besides the subject ask
    nothing of their own, so the previous question is asked again about the subject named."""
    context = routed_context("Qui finance le conseil en évolution professionnelle ?")
    resolution = resolved("idem pour la VAE", context)
    assert resolution.kind == "circumstance" and resolution.text == "Qui finance la VAE ?"
    context = routed_context("Combien de blocs de compétences compte le CQP conseiller offres de services ?")
    resolution = resolved("et pour le CQP gestionnaire conseil, qui compose le jury ?", context)
    assert resolution.kind == "new"  # a question of its own words: answered alone
    resolution = resolved("et pour le CQP gestionnaire conseil, c'est pareil ?", context)
    assert resolution.text == "Combien de blocs de compétences compte le CQP gestionnaire conseil ?"


def test_a_correction_of_a_fact_is_a_follow_up_even_when_the_message_alone_is_refused() -> None:
    """ "je rectifie : c'est un niveau 4" says nothing the texts cover alone, but it replaces the level
    of the previous question, which is asked again with it."""
    context = routed_context("Ma future alternante prépare un titre de niveau 3 : quelle rémunération ?")
    resolution = resolved("je rectifie : elle prépare un niveau 4", context)
    assert resolution.kind == "circumstance"
    assert resolution.text == "Ma future alternante prépare un titre de niveau 4 : quelle rémunération ?"


def test_the_same_count_of_another_thing_is_no_change_of_count() -> None:
    """ "et pour un demandeur d'emploi ?" after "un contrat de pro": both read as one trainee by the
    count reader, but the follow-up adds who the contract is for, it replaces nothing."""
    from assistant.conversation.fact_merge import merge_facts

    merged = merge_facts("Un contrat de pro peut durer combien de mois ?", "et pour un demandeur d'emploi ?", TODAY)
    assert not merged.replaced
    merged = merge_facts("Je tutore un alternant de mars à juin 2026, combien ?", "et avec trois alternants ?", TODAY)
    assert "trois alternants" in merged.text


def test_a_follow_up_naming_a_new_thing_carries_it_for_the_texts_check() -> None:
    """ "Bon, et pour la crèche d'entreprise, on fait comment ?" after a tutoring question: the noun it
    names is handed to the caller, which drops the follow-up reading when the texts never use it
    (assistant.conversation.exchange); a noun of the previous question is no new thing."""
    context = routed_context("Qui peut devenir tuteur d'un alternant ?")
    resolution = resolved("Bon, et pour la crèche d'entreprise, on fait comment ?", context)
    assert resolution.kind == "reference" and resolution.addition == "creche"
    context = routed_context("Comment sont payées les heures de formation en Pro-A ?")
    resolution = resolved("et pour les heures faites le samedi, elles sont payées ?", context)
    assert resolution.addition == ""


def test_facts_stated_about_someone_else_are_not_the_user_s() -> None:
    """ "Ma cheffe d'équipe a une licence." then "Et moi, avec mon bac, je peux partir en Pro-A ?": the
    licence is the manager's; the user's question is answered on the user's own facts."""
    from assistant.conversation.statements import person

    stated = "Ma collaboratrice est en CDI et elle a une licence."
    assert person(stated) == "other" and person("Moi j'ai juste le bac, je peux partir en Pro-A ?") == "user"
    context = routed_context("Je prépare un point avec mon équipe.", stated=(stated,))
    resolution = resolved("Moi j'ai juste le bac, je peux partir en Pro-A ?", context)
    assert not resolution.text.startswith(stated)
    resolution = resolved("Elle peut partir en Pro-A ?", context)
    assert resolution.text.startswith(stated)


def test_a_correction_without_a_person_is_no_description_of_a_case() -> None:
    """ "c'est plutôt 4 millions" corrects the last question; it is not a fact to put in front of the
    next questions."""
    assert not describes_case("c'est plutôt 4 millions d'euros", TODAY)
    assert describes_case("Notre caisse a une masse salariale de 4 millions d'euros.", TODAY)


def test_a_changed_count_over_the_same_period_names_no_new_thing() -> None:
    """ "et avec quatre apprentis sur la même durée ?" changes the count; "la même durée" is no new
    subject to check against the texts."""
    context = routed_context("Je suis tuteur d'un apprenti de mars à juin 2026, combien de points ?", case=True)
    resolution = resolved("et avec quatre apprentis sur la même durée ?", context)
    assert resolution.kind == "circumstance" and resolution.addition == ""
    assert "quatre apprentis" in resolution.text
