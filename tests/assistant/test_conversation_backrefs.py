"""Follow-ups that point past the last turn, switch subject explicitly, or correct a relative date.

Resolution only (no index): each case is a conversation's context and a message, with the standalone
question it must become. The wordings differ from the evaluation sets on purpose.
"""

from __future__ import annotations

from datetime import date

from assistant.conversation.backrefs import EarlierTurn
from assistant.conversation.fact_merge import merge_facts
from assistant.conversation.followups import Context, Resolution, resolve
from assistant.conversation.subject import find_subject
from assistant.routing.router import route

TODAY = date(2026, 11, 29)


def _context(*questions: str, pending: bool = False) -> Context:
    """The context after `questions`, each answered alone, the last one possibly left pending."""
    turns = tuple(EarlierTurn(q, find_subject(q)) for q in questions)
    last = questions[-1]
    return Context(
        question=last,
        topic=route(last, TODAY).topic,
        subject=turns[-1].subject,
        pending=last if pending else None,
        case=pending,
        earlier=tuple(reversed(questions[:-1])),
        turns=turns,
    )


def _resolve(message: str, context: Context) -> Resolution:
    decision = route(message, TODAY)
    refused = decision.route == "refusal" or decision.refusal_topic is not None
    return resolve(message, context, TODAY, own_topic=decision.topic, refused=refused)


def test_an_ordinal_goes_back_to_the_subject_named_first() -> None:
    context = _context("Comment se calcule la prime de tutorat ?", "Et la prime de formateur interne, combien ?")
    resolution = _resolve("je reviens à la première : elle est plafonnée ?", context)
    assert resolution.kind == "reference"
    assert resolution.text == "Prime de tutorat : elle est plafonnée ?"


def test_the_first_one_spoken_of_is_the_first_subject() -> None:
    context = _context("Le CQP manager opérationnel dure combien de temps ?", "Et le CQP gestionnaire carrière ?")
    resolution = _resolve("le premier dont on a parlé, il a combien de blocs ?", context)
    assert resolution.subject is not None and resolution.subject.name == "CQP manager opérationnel"


def test_going_back_to_a_noun_takes_the_phrase_of_the_earlier_question() -> None:
    context = _context(
        "Le titre de conseiller en insertion professionnelle est éligible à la Pro-A ?",
        "Qui finance la Pro-A ?",
    )
    resolution = _resolve("revenons au titre : il est de quel niveau ?", context)
    assert resolution.text == "Titre de conseiller en insertion professionnelle : il est de quel niveau ?"


def test_a_noun_heading_an_earlier_subject_goes_back_to_it() -> None:
    """ "sa prime" after a tutor's bonus then a CQP: the bonus, not the CQP."""
    context = _context("Je touche une prime de tutorat pour mon alternant ?", "Il prépare le CQP manager opérationnel.")
    resolution = _resolve("et sa prime, elle est versée quand ?", context)
    assert resolution.subject is not None and resolution.subject.name == "prime de tutorat"


def test_both_takes_the_two_last_subjects() -> None:
    context = _context("Ma collègue est formatrice interne.", "Elle est aussi tutrice d'une alternante.")
    resolution = _resolve("elle touche les deux primes en même temps ?", context)
    assert resolution.kind == "reference"
    assert resolution.text.startswith("Prime de formateur interne et tuteur :")


def test_an_explicit_change_of_subject_is_answered_alone() -> None:
    context = _context("Le CQP conseiller offres de services a combien de blocs ?")
    resolution = _resolve("Autre question : combien de RTT par an ?", context)
    assert resolution.kind == "new" and resolution.text == "Autre question : combien de RTT par an ?"


def test_a_named_member_wins_over_its_family() -> None:
    subject = find_subject("Je voudrais des infos sur le CQP des inspecteurs du recouvrement")
    assert subject is not None and subject.name == "CQP inspecteur du recouvrement"


def test_a_demonstrative_replaces_the_complement_of_the_previous_noun() -> None:
    context = _context("La prime de formateur interne entre dans la base de l'allocation vacances ?")
    resolution = _resolve("et dans celle de la gratification annuelle ?", context)
    assert resolution.text == "La prime de formateur interne entre dans la base de la gratification annuelle ?"


def test_a_general_question_after_a_clarification_is_about_the_subject() -> None:
    """The clarification asked for a date; the user asks how the rule works instead."""
    context = _context("J'ai droit à la garantie individuelle d'accès à la formation ?", pending=True)
    resolution = _resolve("elle s'applique après combien d'années ?", context)
    assert resolution.kind == "reference"
    assert resolution.text.startswith("Garantie individuelle d'accès à la formation :")


def test_a_duration_corrects_a_date_counted_back_from_today() -> None:
    merged = merge_facts("Ma dernière formation remonte à il y a 6 ans, et alors ?", "4 ans", TODAY)
    assert merged.text == "Ma dernière formation remonte à il y a 4 ans, et alors ?"
    decision = route(merged.text, TODAY)
    assert decision.calculator == "training_guarantee"


def test_thanks_before_a_new_question_are_left_out_of_it() -> None:
    context = _context("Le tuteur touche combien de points par mois ?")
    resolution = _resolve("Super, merci ! Et l'entretien professionnel a lieu tous les combien ?", context)
    assert resolution.kind == "new"
    assert resolution.text == "Et l'entretien professionnel a lieu tous les combien ?"
    assert not route(resolution.text, TODAY).injection


def test_a_noun_with_its_own_complement_is_not_an_earlier_subject() -> None:
    """ "le contrat de travail" after a contrat de professionnalisation then the Pro-A: the Pro-A's."""
    context = _context("Le contrat de professionnalisation dure combien ?", "Et la Pro-A, elle dure combien ?")
    resolution = _resolve("et le contrat de travail, il change ?", context)
    assert resolution.subject is not None and resolution.subject.name == "Pro-A"


def test_two_of_something_else_are_not_the_two_subjects() -> None:
    context = _context("Le CQP gestionnaire conseil a quelles options ?", "Et le CQP manager opérationnel ?")
    resolution = _resolve("elles s'obtiennent comment, les deux options ?", context)
    assert resolution.subject is None or " et " not in resolution.subject.name


def test_a_corrected_start_keeps_the_since_of_the_earlier_period() -> None:
    """Art. 8: the guarantee counts 4 years "sans formation" since the last one; a correction of the
    date ("c'était plutôt mai 2022") moves that start, it does not turn the period into a single month."""
    context = _context("Aucune formation suivie depuis mai 2019, est-ce que la garantie individuelle joue ?")
    resolved = _resolve("non, c'était plutôt mai 2022", context)
    assert "depuis mai 2022" in resolved.text
    assert "en mai 2022" not in resolved.text


def test_the_first_calculation_is_taken_up_again_with_a_changed_length() -> None:
    """ "refais le premier calcul avec 4 mois" after a tutor bonus then a trainer bonus: the tutor's
    question with the new length, not the trainer's (the last one)."""
    tutor = "Je suis tutrice pendant 7 mois, combien de points de prime ?"
    trainer = "Et pour une formatrice interne sur une action de 3 mois ?"
    turns = (
        EarlierTurn(tutor, find_subject(tutor), "tutor_bonus"),
        EarlierTurn(trainer, find_subject(trainer), "trainer_bonus"),
    )
    context = Context(question=trainer, subject=turns[-1].subject, case=True, turns=turns, earlier=(tutor,))
    resolved = _resolve("refais le premier calcul avec 4 mois", context)
    assert resolved.text == "Je suis tutrice pendant 4 mois, combien de points de prime ?"
    assert resolved.kind == "reference"


def test_an_ordinal_past_the_calculations_made_is_not_a_reference() -> None:
    tutor = "Je suis tutrice pendant 7 mois, combien de points de prime ?"
    context = Context(question=tutor, case=True, turns=(EarlierTurn(tutor, find_subject(tutor), "tutor_bonus"),))
    assert _resolve("reprends le deuxième calcul avec 4 mois", context).kind != "reference"


def test_a_bare_length_answering_a_period_clarification_is_how_long_the_mission_lasts() -> None:
    """Art. 4.3 "7 points par mois, complet ou non": the clarification asks the mission's period; "7 mois"
    alone is its length, written as the readers read one."""
    pending = "Combien de points de prime de tutorat vais-je recevoir ?"
    context = Context(
        question=pending,
        subject=find_subject(pending),
        pending=pending,
        missing=("missions",),
        case=True,
        asked="Sur quelle période exercez-vous la mission de tuteur ?",
        turns=(EarlierTurn(pending, find_subject(pending)),),
    )
    resolved = _resolve("7 mois", context)
    assert resolved.kind == "completion"
    assert resolved.text == "Combien de points de prime de tutorat vais-je recevoir, pendant 7 mois ?"


def test_an_ellipsis_naming_a_subject_talked_about_before_continues_that_question() -> None:
    """ "et sa rémunération, pour la Pro-A dont on parlait ?" after the Pro-A then the VAE: the Pro-A question
    again, about the thing the ellipsis names, not the VAE's."""
    context = _context("La Pro-A se déroule pendant le temps de travail ?", "Combien d'heures de congé pour une VAE ?")
    resolved = _resolve("et sa rémunération, pour la Pro-A dont on parlait ?", context)
    assert resolved.kind == "reference"
    assert resolved.text.startswith("La Pro-A se déroule pendant le temps de travail, ")
    assert "dont on parlait" not in resolved.text


def test_a_day_corrected_by_a_month_takes_the_month_s_article() -> None:
    """Art. 6 counts the 6-year periods from the hire date: "arrivée le 12 octobre 2020" corrected by
    "plutôt en juin" must still read as a date ("en juin 2020"), not "le juin 2020"."""
    merged = merge_facts("Arrivée le 12 octobre 2020, quand aura lieu mon bilan ?", "plutôt en juin", TODAY)
    assert merged.text == "Arrivée en juin 2020, quand aura lieu mon bilan ?"


def test_a_sentence_adding_to_stated_facts_keeps_them_for_the_question() -> None:
    """An adviser describes a case over several messages, one of them without a date or figure."""
    from assistant.conversation.statements import adds_to_statement

    assert adds_to_statement("Il n'a rien suivi depuis.")
    assert not adds_to_statement("Il a droit à quoi ?")
    assert not adds_to_statement("ok")


def test_going_back_to_an_earlier_question_reads_the_rest_against_it() -> None:
    """ "Je reviens à ma première question : …" after two questions: the rest is a follow-up of the
    first one (its subject, or its facts with the new circumstance), not of the last one."""
    context = _context("Qui finance la VAE ?", "Et le CQP manager opérationnel, combien de blocs ?")
    resolved = _resolve("Je reviens à ma première question : qui peut en bénéficier ?", context)
    assert resolved.text.startswith("VAE : ")
    resolved = _resolve("Concernant le premier point, et si je suis à temps partiel ?", context)
    assert resolved.text == "Qui finance la VAE, si je suis à temps partiel ?"
    assert resolved.subject is not None and resolved.subject.name == "VAE"


def test_a_demonstrative_noun_heading_an_earlier_subject_goes_back_to_it() -> None:
    """ "cette prime" after a tutor bonus then a CQP exam: the bonus, not the exam ("cette" is one
    determiner, not "ce" followed by a noun "tte")."""
    context = _context("La prime de tuteur, elle fait combien ?", "Et l'oral du CQP MO, il compte pour combien ?")
    resolved = _resolve("Et cette prime, on la touche à quel moment ?", context)
    assert resolved.subject is not None and resolved.subject.name == "prime de tutorat"
    assert resolved.text.startswith("Prime de tutorat : ")
