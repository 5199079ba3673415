"""The lead gives the fact asked, not its section's first sentence; a whole list asked is answered (lead19, #13
class 3).

Each real-corpus case below failed on main at the fifteenth session's start: an additive connector ("De plus, …")
pulled an unrelated sentence in front of the answer, a chain of pronoun sentences led before the one asked, a text's
name with its subject between was read as a date, a who-question's verb was not weighed, "toutes les …" was read as a
subject word and refused, and a range was opened by its upper end. Wordings are this module's own.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.answer_types import DATE, MOMENT, asked_types, holds
from assistant.answering.answerable import _subjects
from assistant.answering.asked_kind import asked_verb
from assistant.answering.lead_opening import asked_figure
from assistant.answering.lead_span import _depends
from tests.assistant.lead_helpers import answer_lead

TODAY = date(2026, 12, 2)


def test_an_additive_connector_names_its_own_subject() -> None:
    """Art. 4.3: « De plus, chaque salarié qui exerce … une mission de tuteur … perçoit, à ce titre, une prime. »"""
    assert not _depends("De plus, chaque salarié qui exerce une mission de tuteur perçoit, à ce titre, une prime.")
    assert _depends("De plus, elle fixe les coûts.")
    assert _depends("Toutefois, cette durée peut être portée jusqu'à 36 mois.")


def test_when_the_tutor_bonus_is_paid_is_led_by_its_payment(assistant: Any) -> None:
    """Art. 4.3: « Cette prime est versée en une seule fois à l'issue de la mission de tutorat lorsque celle-ci s'est
    réalisée conformément aux objectifs pédagogiques … »; the sentence before its antecedent (« Un point spécifique
    est fait sur cette activité … ») does not lead."""
    lead = answer_lead(assistant.ask("La prime de tutorat, on la touche à quel moment ?", today=TODAY))
    assert "à l’issue de la mission" in lead or "à l'issue de la mission" in lead
    assert "point spécifique" not in lead


def test_a_text_named_with_its_subject_gives_no_date() -> None:
    """Art. 9.2: « … prévue dans le protocole d'accord relatif à la formation professionnelle du 3 septembre 2010 … »
    names a text; it says nothing of when."""
    sentence = (
        "La fonction prévue dans le protocole d'accord relatif à la formation professionnelle du 3 septembre 2010."
    )
    assert not holds(DATE, sentence)
    assert holds(DATE, "La prime est versée à effet rétroactif à compter du 1er janvier 2022.")


def test_when_the_internal_trainer_is_paid_is_led_by_the_month_after(assistant: Any) -> None:
    """Art. 9.3: « La prime est versée … le mois suivant la fin de l'action de formation. »"""
    lead = answer_lead(
        assistant.ask("Le formateur interne occasionnel est payé de sa prime à quel moment ?", today=TODAY)
    )
    assert "mois suivant la fin" in lead


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Qui gère la contribution conventionnelle ?", "ger"),
        ("Qui doit valider la formation ?", "valid"),
        ("Par qui est fixé le taux ?", "fix"),
    ],
)
def test_the_verb_a_who_question_asks_is_read(question: str, verb: str) -> None:
    assert verb in asked_verb(question)


@pytest.mark.parametrize("question", ["Qui peut en bénéficier ?", "Qui est le financeur ?", "Combien et qui la gère ?"])
def test_no_verb_is_read_for_the_people_covered_a_copula_or_two_things(question: str) -> None:
    assert not asked_verb(question)


def test_who_manages_the_contribution_is_led_by_the_opco(assistant: Any) -> None:
    """Art. 10 (ancien 9): « Cette contribution conventionnelle s'ajoute à la contribution légale … Elle appartient au
    régime général et est pilotée par la CPNEFP … Elle est gérée par l'OPCO désigné par la branche. »"""
    lead = answer_lead(assistant.ask("La contribution supplémentaire de la branche, qui la gère ?", today=TODAY))
    assert "gérée par l’OPCO" in lead or "gérée par l'OPCO" in lead
    assert "négociation" not in lead.split("OPCO")[0]


def test_a_whole_list_asked_is_answered_not_refused(assistant: Any) -> None:
    """Art. 3.2: « le contrat de professionnalisation permet l'accès aux qualifications : – enregistrées au RNCP ;
    – reconnues dans les classifications du régime général … ; – ouvrant droit à un certificat de qualification
    professionnelle. »"""
    answer = assistant.ask(
        "Donne-moi toutes les qualifications accessibles par un contrat de professionnalisation.", today=TODAY
    )
    assert answer.route == "retrieval"
    lead = answer_lead(answer)
    assert "RNCP" in lead and "classifications" in lead and "certificat de qualification" in lead


def test_a_range_opens_the_lead_whole() -> None:
    """Art. 3.4: « La durée de l'action de professionnalisation est comprise entre 6 et 12 mois. »"""
    sentence = "La durée de l’action de professionnalisation est comprise entre 6 et 12 mois."
    assert asked_figure("En temps normal, combien de temps dure l'action ?", sentence) == "entre 6 et 12 mois"
    assert asked_figure("Combien de points par mois ?", "il correspond à 7 points par mois") == "7 points"


def test_a_list_asked_in_a_named_part_runs_on_across_its_passages(assistant: Any) -> None:
    """Avenant 2022, annexe 2: « Cinq compétences sont en émergence : – suivi et pilotage de l'activité … – proactivité
    / agilité … – communication – marketing … – posture de service … – pédagogie … »: the list runs over three
    passages; the answer quotes all five items, not the first one alone."""
    answer = assistant.ask(
        "Selon l'annexe 2 de l'avenant, fais-moi la liste des compétences en émergence des assistants sociaux.",
        today=TODAY,
    )
    for item in ("suivi et pilotage", "proactivité", "communication", "posture de service", "pédagogie"):
        assert item in answer.text


@pytest.mark.parametrize(
    "message",
    [
        "Donne la liste des compétences en émergence pour les assistants de service social.",
        "Donne-moi la liste des organismes qui font le conseil en évolution professionnelle.",
    ],
)
def test_a_list_requested_as_an_order_is_a_question(message: str) -> None:
    """ "Donne la liste des …" asks for members: it is no instruction on the answer's form, cut as noise."""
    from assistant.routing.noise import strip_noise

    assert strip_noise(message) == (message, False)


def test_an_order_on_the_answers_form_is_still_cut() -> None:
    from assistant.routing.noise import strip_noise

    assert strip_noise("Donne ta réponse sous forme de liste. Combien de points ?") == ("Combien de points ?", True)


def test_a_moment_asked_is_not_a_date_of_effect() -> None:
    """Avenant 2022, art. 6: « La prime … est versée à effet rétroactif à compter du 1er janvier 2022 » says since when
    the rule applies; art. 9.3: « La prime est versée … le mois suivant la fin de l'action de formation » says when it
    is paid."""
    kinds = asked_types("Et la prime, elle est payée quand ?")
    assert MOMENT in kinds
    assert not holds(MOMENT, "La prime est versée à effet rétroactif à compter du 1er janvier 2022.")
    assert holds(MOMENT, "La prime est versée au salarié le mois suivant la fin de l'action de formation.")
    assert MOMENT not in asked_types("Depuis quand la prime est-elle due ?")
    assert MOMENT not in asked_types("Le CQP a été créé quand ?")


def test_when_the_trainer_is_paid_in_a_two_part_question(assistant: Any) -> None:
    """The second clause ("quand est-elle payée ?") is led by art. 9.3's month after, not by the avenant's date of
    effect."""
    answer = assistant.ask("La prime du formateur interne, c'est combien et elle est payée quand ?", today=TODAY)
    assert "mois suivant la fin" in answer.text


def test_a_period_asked_is_no_list() -> None:
    """ "Tous les combien" asks how often: its "tous" is kept (the scope check reads the whole subject)."""
    assert any(
        "tous" in terms or "tout" in terms for terms in _subjects("Tous les combien l'agrément est-il renouvelé ?")
    )
    assert _subjects("Cite toutes les qualifications du contrat de professionnalisation.")[0][0] != "tout"
