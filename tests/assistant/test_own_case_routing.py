"""A rule asked about is quoted; one's own case is calculated (issue #13, unseen-2026b classes 5–7, 9).

The router decides personal against general by what the question gives and asks: facts of the case
the rule reads (a contract, grades, dates) or a value asked of one's own case ("combien je vais
toucher ?") make a case to calculate or to complete; a question that gives none and asks the rule
("je peux toucher une prime pour ça ?", "la moyenne minimum ?") is answered by quoting the rule.
The readers must see the facts users give in their own words.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.router import route
from calculators.registry import CALCULATORS

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    "question",
    [
        "Je fais du tutorat AFEST dans mon équipe, est-ce que je peux toucher une prime pour ça ?",
        "Je perçois la prime de tutorat, je peux la cumuler avec celle de formateur interne ?",
        "Quelle moyenne minimum faut-il pour être certifié au CQP ?",
        "Pour un CEP, quelle absence si l'organisme est très loin de chez moi ?",
        "Mon chef va me gronder si je me trompe 😭 Sans formation depuis combien de temps la garantie s'applique ?",
        "Combien de demandes de VAE par an je peux déposer pour le CQP gestionnaire conseil ?",
    ],
)
def test_a_rule_asked_without_facts_of_a_case_is_quoted(question: str) -> None:
    decision = route(question, TODAY)
    assert decision.route == "retrieval", decision


@pytest.mark.parametrize(
    ("question", "calculator"),
    [
        ("Je suis tutrice, combien vais-je toucher ?", "tutor_bonus"),
        ("On doit prévoir l'entretien de bilan de ma collègue avant quelle date ?", "professional_reviews"),
        ("Puis-je bénéficier de la Pro-A ?", "pro_a_eligibility"),
        ("Je suis tuteur d'un alternant.", "tutor_bonus"),
    ],
)
def test_ones_own_case_without_its_facts_is_asked_for_them(question: str, calculator: str) -> None:
    decision = route(question, TODAY)
    assert (decision.route, decision.calculator) == ("clarify", calculator)


def test_an_entry_year_gives_the_time_in_the_organisation() -> None:
    """Art. 5: « tout salarié en CDI qui justifie d'une ancienneté d'au moins 5 années passées en qualité de
    salarié dont 12 mois au sein de l'organisme » — entered in 2004, both are met whatever the month."""
    decision = route("Mme Roux, en CDI, est entrée dans la caisse en 2004 : a-t-elle droit à l'absence CEP ?", TODAY)
    assert decision.route == "calculator" and decision.calculator == "cep_absence"
    assert decision.arguments["months_in_organisation"] >= 12 * 21
    assert CALCULATORS["cep_absence"].run(**decision.arguments).to_dict()["eligible"] is True


def test_a_total_followed_by_dont_after_a_comma_is_the_total() -> None:
    """Art. 5: « tout salarié en CDD justifiant d'au moins 24 mois d'activité salariée au cours des 5
    dernières années dont 4 mois au sein de l'organisme »."""
    decision = route(
        "En CDD, j'ai 26 mois de salariat sur 5 ans, dont 5 mois ici. Ai-je droit à l'absence CEP ?", TODAY
    )
    assert decision.arguments == {"contract": "CDD", "months_as_employee": 26, "months_in_organisation": 5}


def test_a_dated_earlier_cep_within_five_years_closes_the_absence() -> None:
    """Art. 5: « Cette autorisation d'absence ne peut être accordée qu'une fois tous les 5 ans »: a CEP in
    April 2024 is within the last 5 years on 29 November 2026."""
    decision = route("J'ai fait un CEP avec l'Apec en avril 2024, je peux reprendre une demi-journée ?", TODAY)
    assert decision.route == "calculator" and decision.arguments["cep_in_last_5_years"] is True
    assert decision.arguments["last_cep"] == date(2024, 4, 30)  # the month's last day: the renewal date (calc18)


def test_an_earlier_vae_request_of_the_same_year_closes_a_new_one() -> None:
    """Circulaire CQP gestionnaire conseil, VI: « Un candidat ne pourra déposer qu'une demande de VAE par
    an pour le CQP gestionnaire conseil. »"""
    decision = route(
        "Mon dossier de VAE pour le CQP gestionnaire conseil a été refusé en février 2026. "
        "Je peux en déposer un autre en septembre 2026 ?",
        TODAY,
    )
    assert decision.calculator == "cqp_vae_eligibility" and decision.arguments == {"requests_this_year": 1}
    assert CALCULATORS["cqp_vae_eligibility"].run(**decision.arguments).to_dict()["eligible"] is False


def test_a_figure_quoted_from_a_text_is_not_the_persons_experience() -> None:
    decision = route(
        "Pour M. Blanc, 20 mois d'expérience de technicien : sa VAE au CQP gestionnaire conseil est recevable ? "
        "La circulaire parle de 3 ans.",
        TODAY,
    )
    assert decision.arguments["experience_years"] == pytest.approx(20 / 12, abs=0.01)


def test_a_named_person_is_a_case() -> None:
    """Art. 2.3: « Sont concernés, les salariés n'ayant pas atteint un niveau de qualification sanctionné
    par une certification professionnelle enregistrée au RNCP et correspondant au grade de la licence. »"""
    decision = route("Mme Nguyen a une licence pro RH, on peut lui proposer une Pro-A ?", TODAY)
    assert (decision.route, decision.calculator) == ("calculator", "pro_a_eligibility")
    assert CALCULATORS["pro_a_eligibility"].run(**decision.arguments).to_dict()["eligible"] is False


def test_two_days_named_together_are_one_action() -> None:
    decision = route(
        "Formateur interne : une action du 2 au 4 mars 2026 et une autre les 14 et 15 mai 2026, combien ?", TODAY
    )
    assert [(a["start"], a["end"]) for a in decision.arguments["actions"]] == [
        (date(2026, 3, 2), date(2026, 3, 4)),
        (date(2026, 5, 14), date(2026, 5, 15)),
    ]


def test_applis_tutorees_is_the_tutored_grade() -> None:
    decision = route("TC 11, option 12, écrit 10, oral 9, applis tutorées 13 : je suis certifiée ?", TODAY)
    assert decision.route == "calculator" and decision.arguments["tutored"] == 13


def test_a_month_naming_when_one_starts_tutoring_is_no_mission() -> None:
    decision = route("Je deviens tutrice en mars, est-ce qu'on me forme avant ?", TODAY)
    assert decision.route == "retrieval"


def test_the_asking_clause_names_the_topic() -> None:
    decision = route("On prépare l'entretien professionnel de Mme Petit : peut-elle prétendre à la Pro-A ?", TODAY)
    assert (decision.topic, decision.calculator) == ("pro_a", "pro_a_eligibility")


def test_an_interview_request_that_asks_about_one_right_is_answered_on_that_right() -> None:
    from interview.reading import is_interview_request

    assert not is_interview_request("On prépare l'entretien professionnel de M. Leroy : a-t-il droit au CEP ?")
    assert is_interview_request("Prépare l'entretien professionnel de M. Leroy, CDI depuis 2012, BTS.")
