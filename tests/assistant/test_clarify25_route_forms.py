"""Calculator, question back or general answer: facts given in more forms, a deciding fact missing, a rule to check.

Issue #13 class 1 (clarify25). The choice between the three routes failed where the facts were given in words the
readers missed (a year "tout au long de 2026", a half-year, "à mi-temps" beside a length, a grade list "applications
9", a grade "c'est 7", one grade "à chacune des cinq évaluations"), where a personal question's deciding fact was
missing but the question was answered for anyone, and where a quiz or a claim to answer was computed on its
figures. Routed without the bank's reading (the cues and readers decide), as in the other router tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.router import route
from calculators.registry import CALCULATORS

TODAY = date(2026, 11, 29)


def test_a_year_followed_all_along_is_the_whole_year() -> None:
    # art. 4.3: "il correspond à 7 points par mois, complet ou non" and "au maximum à 252 points par année civile
    # et par tuteur": three trainees all of 2026 reach the cap
    decision = route("Trois alternants suivis tout au long de 2026 par le même tuteur : quelle prime au total ?", TODAY)
    assert decision.route == "calculator" and decision.calculator == "tutor_bonus"
    missions = decision.json_arguments()["missions"]
    assert [(m["start"], m["end"]) for m in missions] == [("2026-01-01", "2026-12-31")] * 3
    assert CALCULATORS["tutor_bonus"].run(**decision.arguments).value == 252


def test_a_half_year_is_its_first_and_last_days() -> None:
    decision = route("Deux alternants sur tout le premier semestre, prime tuteur ?", TODAY)
    assert decision.route == "calculator"
    missions = decision.json_arguments()["missions"]
    assert [(m["start"], m["end"]) for m in missions] == [("2026-01-01", "2026-06-30")] * 2


def test_a_length_at_half_time_is_a_case_told() -> None:
    # circular of 2013: "La durée de l'expérience doit être au minimum de 3 ans, dans les 8 dernières années. Il
    # s'agit de la durée réelle de l'expérience, exprimée en équivalent temps plein"
    decision = route(
        "Cinq ans à mi-temps comme conseillère sur les huit dernières années : VAE du CQP GC recevable ?", TODAY
    )
    assert decision.route == "calculator" and decision.calculator == "cqp_vae_eligibility"
    assert decision.arguments == {"experience_years": 5.0, "time_share": 50.0}


@pytest.mark.parametrize(
    ("question", "grades"),
    [
        # circular V: "Applications professionnelles tutorées … coefficient 2": "applications" alone names it
        ("CQP GC : TC 11, option 12, écrit 9, oral 13, applications 10. Reçu ?", (11, 12, 9, 13, 10)),
        ("Notes CQP : tronc commun 8, option 10, écrit 12, oral 11, tutorées 14. Certifié ?", (8, 10, 12, 11, 14)),
        # "applis tutorées" stays one label beside a list of grades (never "applis" and "tutorées" apart)
        (
            "Relevé : TC : 12/20 ; option : 11/20 ; écrit : 9/20 ; oral : 10/20 ; applis tutorées : 13/20. Reçue ?",
            (12, 11, 9, 10, 13),
        ),
        # one grade for every exam, counted
        ("J'ai eu 12 sur 20 à chacune des cinq évaluations du CQP GC : c'est bon ?", (12, 12, 12, 12, 12)),
    ],
)
def test_grades_in_more_forms_are_read(question: str, grades: tuple[int, ...]) -> None:
    decision = route(question, TODAY)
    assert decision.route == "calculator" and decision.calculator == "cqp_certification"
    names = ("continuous_common", "continuous_option", "written", "oral", "tutored")
    assert tuple(decision.arguments[n] for n in names) == grades


def test_a_grade_said_with_c_est() -> None:
    decision = route("CQP GC : tronc commun 10, option 10, écrit 10, applications 10 et mon oral c'est 7.", TODAY)
    assert decision.arguments["oral"] == 7


def test_the_vae_named_by_what_it_does_with_a_diploma_is_calculated() -> None:
    # avenant art. 2: "Le congé … d'une durée de 24 heures est augmenté pour les agents n'ayant pas atteint le
    # niveau 4 …, à 48 heures maximum."
    decision = route("Titulaire d'un BEP, combien d'heures pour faire valider mon expérience ?", TODAY)
    assert decision.route == "calculator" and decision.calculator == "vae_leave"
    assert decision.arguments == {"diploma_level": 3}


@pytest.mark.parametrize(
    ("question", "calculator", "missing"),
    [
        # avenant art. 2: the diploma decides between 24 and 48 hours
        (
            "Je pars en validation d'acquis l'an prochain : quel congé pour moi, en heures ?",
            "vae_leave",
            "diploma_level",
        ),
        # avenant art. 3: "7 points par mois pour chaque action": the actions' dates decide
        (
            "J'ai animé des formations internes cette année, quel total de prime dois-je demander ?",
            "trainer_bonus",
            "actions",
        ),
        # art. 2.4: "entre 6 et 12 mois … jusqu'à 36 mois pour : …": who the person is decides
        ("Combien de mois peut durer ma Pro-A, à moi ?", "pro_a_duration", "case"),
        # art. 3.6: the pay base depends on the level aimed at
        (
            "Quel sera mon salaire minimum pendant mon contrat de professionnalisation ?",
            "professionalisation_contract",
            "target_level",
        ),
        # art. 5: contract and seniority decide the CEP absence
        ("Pourrai-je m'absenter pour mon conseil en évolution professionnelle ?", "cep_absence", "contract"),
    ],
)
def test_a_personal_question_with_its_deciding_fact_missing_asks_it(
    question: str, calculator: str, missing: str
) -> None:
    decision = route(question, TODAY)
    assert decision.route == "clarify"
    assert decision.calculator == calculator
    assert missing in decision.missing


@pytest.mark.parametrize(
    "question",
    [
        # a quiz: its options hold the rule's figures, not a case (avenant art. 3: "le mois suivant la fin de l'action")
        "QCM : la prime de formateur interne est payée A. le mois même B. le mois suivant C. en décembre. Laquelle ?",
        # a claim to answer: the texts against it, not a calculation on its figure
        "Ma cheffe me rétorque que la VAE du CQP GC exige six ans d'expérience. Que lui répondre ?",
        # a bound asked, no person in the asking clause (art. 3.5: "sans toutefois pouvoir excéder 70 %")
        "Pour un contrat pro chez nous, la formation peut aller jusqu'à quelle part du contrat ?",
    ],
)
def test_a_rule_to_check_is_general(question: str) -> None:
    assert route(question, TODAY).route == "retrieval"


def test_total_seniority_said_as_ca_fait_que_je_suis_salarie() -> None:
    # art. 5: "tout salarié en CDI qui justifie d'une ancienneté d'au moins 5 années passées en qualité de salarié
    # dont 12 mois au sein de l'organisme"
    decision = route("En CDI ici depuis 3 ans, et ça fait dix ans que je suis salariée : absence CEP possible ?", TODAY)
    assert decision.route == "calculator" and decision.calculator == "cep_absence"
    assert decision.arguments["months_as_employee"] == 120
