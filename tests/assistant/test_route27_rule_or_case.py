"""Calculator, question back or general answer: the rule asked in the first person, or its result for one's case.

Issue #13 class 1 (route27). A question whose subject is a rule (a condition's threshold, who it covers, what the
absence is, what a text says) is general even when it says "je" and the facts the rule needs are missing: the
article's sentence answers it, a question back would answer a question nobody asked. A question asking the rule's
result for one's own case (a last day, the certificate, the contribution to pay, the Pro-A's longest length) asks
back the fact that decides it. Routed without the bank's reading (cues and readers decide), as the other router
tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.extraction.quantities import parse_durations
from assistant.routing.router import route

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    "question",
    [
        # art. 5: "tout salarié en CDI qui justifie d'une ancienneté d'au moins 5 années passées en qualité de salarié
        # dont 12 mois au sein de l'organisme … bénéficie à sa demande d'une autorisation d'absence rémunérée"
        "Ma RH m'a parlé de l'absence pour un conseil en évolution professionnelle : quelle ancienneté faut-il "
        "en CDI ?",
        # art. 8: "Le bénéfice d'une formation est ainsi garanti à tous les salariés présents qui n'en auraient pas
        # suivi depuis 4 ans."
        "Ça fait longtemps que je n'ai pas été formé : au bout de combien d'années la garantie individuelle "
        "joue-t-elle ?",
        # avenant art. 2: "Le congé pour préparer la validation des acquis de l'expérience (VAE) d'une durée de 24
        # heures est augmenté pour les agents n'ayant pas atteint le niveau 4 ou dont l'emploi est menacé"
        "On m'a dit que mon congé VAE pouvait aller à 48 heures : pour quels agents exactement ?",
        # art. 5: "une autorisation d'absence rémunérée de 1 demi-journée": not a day of one's own leave
        "Pour mon conseil en évolution professionnelle, je dois poser un jour de congé ?",
        "Pour faire mon CEP, est-ce que je prends une journée de RTT ?",
    ],
)
def test_the_rule_asked_in_the_first_person_is_general(question: str) -> None:
    decision = route(question, TODAY)
    assert decision.route == "retrieval", (question, decision.route, decision.missing)


def test_a_text_as_the_asking_subject_asks_what_it_says() -> None:
    # art. 2.3 lists among the Pro-A's publics "les salariés bénéficiaires d'un contrat unique d'insertion (CUI) à
    # durée indéterminée": whether the text lists the case's contract is what it says, not a verdict to complete
    question = "Ma collègue est en CDI : l'accord la range-t-il parmi les publics de la Pro-A ?"
    assert route(question, TODAY).route == "retrieval"
    # the facts deciding the verdict, the calculator gives it with the list's sentence
    decided = route(
        "Ma collègue est en CDI sans diplôme : l'accord la range-t-il parmi les publics de la Pro-A ?", TODAY
    )
    assert decided.route == "calculator" and decided.calculator == "pro_a_eligibility"
    # the case as the verb's object is the rule applied to it
    applied = route("Je suis en CDI sans diplôme : l'accord me permet-il de partir en Pro-A ?", TODAY)
    assert applied.route != "retrieval" or applied.calculator is None


@pytest.mark.parametrize(
    ("question", "calculator", "missing"),
    [
        # art. 8: "Celle-ci intervient dans l'année suivant cette période de 4 ans": the last day depends on the
        # last training
        (
            "Au titre de la garantie individuelle d'accès à la formation, quelle est la date butoir de mon employeur "
            "pour m'envoyer en stage ?",
            "training_guarantee",
            ["last_training"],
        ),
        # circular VIII: the path ends within the time allowed after its first day
        (
            "Mon parcours de CQP gestionnaire conseil doit se terminer avant quelle date ?",
            "training_path_hours",
            ["first_premss_day"],
        ),
        # art. 10: "0,15 % de leur masse salariale brute"
        (
            "Le trésorier me demande le montant de la contribution conventionnelle de notre caisse, tu peux le "
            "chiffrer ?",
            "supplementary_contribution",
            ["payroll"],
        ),
        # art. 2.4: "La durée de la Pro-A peut être allongée jusqu'à 36 mois" for some publics only
        (
            "J'entre bientôt en Pro-A : jusqu'où puis-je étirer sa durée en ce qui me concerne ?",
            "pro_a_duration",
            ["case"],
        ),
        (
            "Je démarre une Pro-A le mois prochain : quelle durée maximale puis-je avoir, moi ?",
            "pro_a_duration",
            ["case"],
        ),
    ],
)
def test_ones_own_result_with_its_fact_missing_is_asked_back(
    question: str, calculator: str, missing: list[str]
) -> None:
    decision = route(question, TODAY)
    assert (decision.route, decision.calculator, decision.missing) == ("clarify", calculator, missing)


def test_the_certificate_asked_with_its_title_asks_the_grades() -> None:
    # circular V: certified with an average of 10 and no eliminating grade: the grades decide
    decision = route("Mes résultats sont tombés : suis-je certifié CQP gestionnaire conseil ou non ?", TODAY)
    assert decision.route == "clarify" and decision.calculator == "cqp_certification"


def test_a_half_year_and_a_quarter_are_lengths_in_months() -> None:
    assert [d.months for d in parse_durations("CDD depuis un semestre, et deux trimestres avant")] == [6.0, 6.0]


def test_a_cdd_told_in_half_years_is_calculated() -> None:
    # art. 5: "tout salarié en CDD justifiant d'au moins 24 mois d'activité salariée au cours des 5 dernières années
    # dont 4 mois au sein de l'organisme"
    decision = route(
        "CDD à la CPAM depuis un semestre, 30 mois de salariat sur les 5 dernières années : la demi-journée pour un "
        "conseil en évolution professionnelle m'est-elle due ?",
        TODAY,
    )
    assert decision.route == "calculator" and decision.arguments.get("months_in_organisation") == 6


def test_a_date_asked_before_an_inverted_verb_is_no_yes_no() -> None:
    # avenant art. 3 (art. 9.3): "La prime est versée … le mois suivant la fin de l'action de formation."
    decision = route(
        "Ma formation interne en tant que formateur s'est terminée le 12 juin 2026, quand la prime tombera-t-elle ?",
        TODAY,
    )
    assert decision.route == "calculator" and decision.calculator == "trainer_bonus"


def test_the_guarantee_late_or_not_is_its_verdict() -> None:
    # art. 8: "Celle-ci intervient dans l'année suivant cette période de 4 ans."
    decision = route(
        "Ma dernière formation remonte à juin 2021 : mon employeur est-il en retard sur la garantie individuelle ?",
        TODAY,
    )
    assert decision.route == "calculator" and decision.calculator == "training_guarantee"


@pytest.mark.parametrize(
    "question",
    [
        # art. 2.4: "comprise entre 6 et 12 mois": the usual length and the minimum are the same for every case
        "La Pro-A que j'envisage durera combien de temps normalement, au minimum et au maximum ?",
        # art. 2.1: the length is written in an avenant to the contract: a document asked, not the length
        "Dans une Pro-A, quel document vient modifier mon contrat de travail pour préciser la durée ?",
    ],
)
def test_the_pro_a_length_asked_as_the_rule_gives_it_is_general(question: str) -> None:
    assert route(question, TODAY).route == "retrieval"
