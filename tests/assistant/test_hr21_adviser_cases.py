"""An HR adviser's described employee (hr21): what the message asks decides the answer, not the interview it frames.

Advisers write around the entretien professionnel they prepare: "À son entretien pro, doit-on lui garantir une
formation ?" asks the training guarantee (protocole art. 8), the interview being the occasion; "Pour Léa (CDI,
entrée en 2022), on peut faire son entretien pro en même temps que l'entretien annuel ?" tells dates but asks what
article 6 says (« Il est distinct de l'entretien annuel d'évaluation et d'accompagnement »), which the reviews'
dates do not answer; "Paul, embauché le …, et Inès, embauchée le …" are two people, two schedules.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.router import route
from interview.reading import is_interview_request

TODAY = date(2026, 11, 29)


def test_the_interview_as_occasion_leaves_the_topic_asked():
    """Art. 8: « Le bénéfice d'une formation est ainsi garanti à tous les salariés présents qui n'en auraient pas
    suivi depuis 4 ans. Celle-ci intervient dans l'année suivant cette période de 4 ans. »"""
    decision = route(
        "Mme Lefèvre, en CDI depuis 2015, a terminé sa dernière formation le 14 octobre 2022. À son entretien pro, "
        "doit-on lui garantir une formation, et jusqu'à quand a-t-on pour la faire ?",
        TODAY,
    )
    assert decision.calculator == "training_guarantee"
    assert decision.arguments["last_training"] == date(2022, 10, 14)


def test_the_interviews_date_is_no_training_date():
    """Art. 8's guarantee counts from the last training: "son entretien pro demain" dates the interview, so the
    last training is asked for."""
    decision = route("Karim a-t-il droit à la formation garantie ? Je prépare son entretien pro demain.", TODAY)
    assert (decision.route, decision.calculator) == ("clarify", "training_guarantee")
    assert decision.missing == ["last_training"]


@pytest.mark.parametrize(
    "question",
    [
        "Pour Léa (CDI, entrée en 2022), on peut faire son entretien pro en même temps que son entretien annuel "
        "d'évaluation ?",
        "Agent titulaire d'un CAP, en poste depuis 2016 : l'accord demande-t-il quelque chose de particulier lors de "
        "son entretien pro ?",
        "La brochure sur les dispositifs de formation qu'on me présente lors de l'entretien professionnel : tous les "
        "combien est-elle révisée ?",
    ],
)
def test_a_question_none_of_the_reviews_results_answers_is_the_articles(question: str):
    """Art. 6: « L'entretien professionnel … est distinct de l'entretien annuel d'évaluation et d'accompagnement »;
    « apportera une attention particulière sur l'information des salariés détenant un faible niveau de
    qualification »: sentences of the article, not dates of the employee's periods."""
    assert route(question, TODAY).route == "retrieval"


@pytest.mark.parametrize(
    ("question", "arguments"),
    [
        (
            "Mme Faure, embauchée le 2 février 2020, a eu ses entretiens pros le 3 mars 2022 et le 10 avril 2024. Son "
            "bilan, il fallait le faire pour quand ?",
            {"hire_date": "2020-02-02", "interviews": ["2022-03-03", "2024-04-10"], "as_of": "2026-11-29"},
        ),
        (
            "Deux agents à suivre : Paul, embauché le 1er avril 2021, et Inès, embauchée le 15 septembre 2023. Avant "
            "quelle date chacun doit-il avoir eu son entretien de bilan ?",
            {"people": "Paul:2021-04-01;Inès:2023-09-15", "as_of": "2026-11-29"},
        ),
    ],
)
def test_a_date_or_a_state_of_the_reviews_asked_is_calculated(question: str, arguments: dict):
    """Art. 6: « Les organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un entretien de
    bilan » — each person from their own hire; a second hire date is another person's, never an interview."""
    decision = route(question, TODAY)
    assert decision.calculator == "professional_reviews"
    assert decision.json_arguments() == arguments


def test_a_state_asked_of_a_named_person_asks_for_the_hire_date():
    """Art. 6's periods run from the hire: "On est à jour … pour Paul ?" asks the state; the hire date decides."""
    decision = route("On est à jour des entretiens professionnels pour Paul ?", TODAY)
    assert (decision.route, decision.missing) == ("clarify", ["hire_date"])


def test_a_case_told_by_a_pronoun_is_a_case():
    """Art. 5: the absence « n'est pas accordée au salarié qui a déjà bénéficié de ce conseil au cours des 5
    dernières années »: "il a déjà fait un CEP en 2023" is the employee's fact, applied."""
    decision = route(
        "CDI depuis 2009, il a déjà fait un conseil en évolution professionnelle en 2023. Peut-il redemander une "
        "absence rémunérée pour un nouveau CEP ?",
        TODAY,
    )
    assert decision.calculator == "cep_absence" and decision.arguments["cep_in_last_5_years"] is True


@pytest.mark.parametrize(
    ("message", "sheet"),
    [
        ("Je prépare l'entretien de bilan de Mme Roussel : il doit avoir lieu avant quand ?", False),
        (
            "C'est son chef de service qui mènera l'entretien pro de M. Roy, en CDI depuis 2017, pas nous aux RH. Qui "
            "doit faire quoi, avant et après ?",
            False,
        ),
        (
            "Je prépare l'entretien pro de M. Diallo, agent d'accueil sans diplôme, en CDI depuis 2012. De quoi "
            "dois-je absolument l'informer ?",
            True,
        ),
    ],
)
def test_a_precise_question_is_not_buried_in_the_sheet(message: str, sheet: bool):
    """A date or who acts is answered first by the ordinary answer; what to prepare or tell is the sheet."""
    assert is_interview_request(message) is sheet


def test_the_asking_clause_names_its_topic_by_its_head_noun():
    """Art. 6's reviews asked after a description whose words are the training guarantee's ("pas de formation
    depuis"): « Quels entretiens sont dus ou en retard ? » names the interviews, and the employee's dates are read."""
    decision = route(
        "Elle est entrée en mars 2019 en CDI, pas de formation depuis, entretien en 2021, elle a un BTS. Quels "
        "entretiens sont dus ou en retard ?",
        TODAY,
    )
    assert decision.calculator == "professional_reviews"
    assert decision.arguments["hire_date"] == date(2019, 3, 1)


@pytest.mark.parametrize(
    ("text", "threatened"),
    [
        ("Elle a un bac pro et son poste risque de disparaître avec la dématérialisation.", True),
        ("Son poste n'est pas amené à disparaître.", False),
        ("Mon poste n'est pas menacé.", False),
    ],
)
def test_a_job_said_to_disappear_is_a_threatened_job(text: str, threatened: bool):
    """Avenant 2022, art. 2: the VAE leave « est augmenté pour les agents … dont l'emploi est menacé par les
    évolutions économiques ou technologiques, à 48 heures maximum »: an adviser says the threat by what may happen."""
    from assistant.routing.extraction.situation import parse_job_threatened

    assert parse_job_threatened(text) is threatened


def test_the_person_whose_interview_it_is_is_a_case():
    """Art. 5: « tout salarié en CDD justifiant d'au moins 24 mois d'activité salariée au cours des 5 dernières
    années dont 4 mois au sein de l'organisme »: Sophie's time in the organisation decides, and is asked."""
    decision = route(
        "Pour l'entretien de Sophie, CDD de 10 mois, 3 ans de salariat ailleurs : a-t-elle droit à la demi-journée "
        "CEP ?",
        TODAY,
    )
    assert (decision.route, decision.calculator) == ("clarify", "cep_absence")
    assert decision.missing == ["months_in_organisation"]


def test_not_trained_since_arrival_is_the_guarantee():
    """Art. 8: « Le bénéfice d'une formation est ainsi garanti à tous les salariés présents qui n'en auraient pas
    suivi depuis 4 ans »: "pas formée depuis son arrivée le 4 février 2021" counts from that day."""
    decision = route(
        "Pas formée depuis son arrivée le 4 février 2021 : la caisse lui doit-elle une formation et avant quand ?",
        TODAY,
    )
    assert decision.calculator == "training_guarantee"
    assert decision.arguments["last_training"] == date(2021, 2, 4)
