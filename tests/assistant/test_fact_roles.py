"""Facts are read in the role they play in the sentence (issue #13 point 1, mechanism 2).

A day said to start a mission and one said to end it make a period; "N ans de boîte", "toujours ici",
"depuis mars 2014" and a length after its label are time in the organisation or total seniority;
"Diplôme : aucun" and "le brevet" are levels, a diploma wished for is not held; a grade said to replace
another replaces it, and a list of grades then of exams is paired in order. Wordings unlike the
evaluation sets'; verdicts run on the calculators, which apply the articles quoted.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.extraction.grades import parse_grades
from assistant.routing.extraction.situation import parse_diploma_level
from assistant.routing.router import route
from calculators.registry import CALCULATORS

TODAY = date(2026, 11, 29)

# --- 2. facts bound to their role --------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        (
            "J'ai pris mes fonctions de tutrice le 3 février 2026 et la mission s'est close le 17 juillet 2026, "
            "ça me rapporte quoi ?",
            date(2026, 2, 3),
            date(2026, 7, 17),
        ),
        (
            "Début de mon tutorat le 9 mars 2026 ; il s'est terminé le 30 septembre 2026. Combien de points ?",
            date(2026, 3, 9),
            date(2026, 9, 30),
        ),
        (
            "Le 5 janvier 2026 j'ai démarré le tutorat d'un apprenti, jusqu'au 26 juin. Ma prime ?",
            date(2026, 1, 5),
            date(2026, 6, 26),
        ),
        (
            "Prise de poste de tutrice le 3 mars 2026, fin prévue le 15 juillet 2026 : combien de points ?",
            date(2026, 3, 3),
            date(2026, 7, 15),
        ),
        (
            "Tutorat : entrée en mission le 6 janvier 2026, et ça s'arrête le 30 avril 2026. Ma prime ?",
            date(2026, 1, 6),
            date(2026, 4, 30),
        ),
    ],
)
def test_a_day_said_to_start_a_mission_and_a_day_said_to_end_it_are_one_period(
    question: str, start: date, end: date
) -> None:
    """Art. 4.3: « le montant de la prime est proportionnel à la durée de la mission d'accompagnement tutoré
    effectuée dans l'organisme ; il correspond à 7 points par mois, complet ou non »."""
    decision = route(question, TODAY)
    assert decision.calculator == "tutor_bonus", decision
    missions = decision.arguments["missions"]
    assert [(m["start"], m["end"]) for m in missions] == [(start, end)]
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    assert CALCULATORS["tutor_bonus"].run(**decision.arguments).value == 7 * months


def test_a_start_without_an_end_runs_to_today() -> None:
    decision = route("J'ai commencé le tutorat d'une alternante le 2 septembre 2026, combien à ce jour ?", TODAY)
    assert decision.calculator == "tutor_bonus"
    assert [(m["start"], m["end"]) for m in decision.arguments["missions"]] == [(date(2026, 9, 2), TODAY)]


@pytest.mark.parametrize(
    "question",
    [
        "Absence pour un CEP : CDI, 9 ans de maison, jamais changé d'employeur, j'y ai droit ?",
        "En CDI, 6 ans de boîte et toujours dans la même caisse : ai-je droit à l'absence pour un CEP ?",
        "Salariée en CDI depuis avril 2015 : a-t-elle droit à une absence pour un CEP ?",
    ],
)
def test_time_in_the_organisation_in_terse_and_adviser_forms_decides(question: str) -> None:
    """Art. 5: « tout salarié en CDI qui justifie d'une ancienneté d'au moins 5 années passées en qualité de
    salarié dont 12 mois au sein de l'organisme » — every form here gives more than 5 years in the same
    organisation, which meets both conditions."""
    decision = route(question, TODAY)
    assert (decision.route, decision.calculator) == ("calculator", "cep_absence"), decision
    assert decision.arguments["months_in_organisation"] >= 60
    assert CALCULATORS["cep_absence"].run(**decision.arguments).to_dict()["eligible"] is True


def test_a_month_straddling_a_threshold_is_asked_not_guessed() -> None:
    """Art. 5 (CDD): « dont 4 mois au sein de l'organisme » — "depuis juillet 2026" on 29 November 2026 is
    between 3.9 and 4.9 months: either side of the threshold, so it is asked."""
    decision = route("CDD depuis juillet 2026, j'ai droit à l'absence CEP ?", TODAY)
    assert decision.route == "clarify" and "months_in_organisation" in decision.missing


@pytest.mark.parametrize(
    ("text", "level"),
    [("Diplôme : aucun.", 0), ("diplôme - néant", 0), ("Diplômes : rien du tout", 0), ("pas diplômée", 0)],
)
def test_no_diploma_in_a_forms_terse_slot(text: str, level: int) -> None:
    assert parse_diploma_level(text) == level


def test_no_diploma_decides_the_pro_a_for_a_cdi() -> None:
    """Art. 2.3: « Sont concernés, les salariés n'ayant pas atteint un niveau de qualification sanctionnée
    par une certification professionnelle enregistrée au RNCP et correspondant au grade de la licence »."""
    decision = route("CDI. Diplômes : néant. J'ai droit à la Pro-A ?", TODAY)
    assert (decision.route, decision.calculator) == ("calculator", "pro_a_eligibility")
    assert CALCULATORS["pro_a_eligibility"].run(**decision.arguments).to_dict()["eligible"] is True


@pytest.mark.parametrize(
    "text",
    [
        "La licence pro RH me tente beaucoup, qu'en dit la Pro-A ?",
        "Le master de la liste Pro-A m'attire : combien de temps dure-t-il ?",
        "Le diplôme d'État d'infirmier m'intéresse pour ma reconversion.",
    ],
)
def test_a_diploma_wished_for_is_not_a_diploma_held(text: str) -> None:
    assert parse_diploma_level(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 au TC, 11 en option, 10 à l'écrit, 14 à l'oral, 13 aux APT, et avec 4 à l'écrit à la place ?", 4.0),
        ("9 partout, sauf l'écrit où j'ai eu 15", 15.0),
        ("Écrit 11, oral 10, TC 12, option 12, APT 12 ; et si j'avais eu 6 à l'écrit ?", 6.0),
    ],
)
def test_a_grade_said_to_replace_another_replaces_it(text: str, expected: float) -> None:
    assert parse_grades(text)["written"] == expected


def test_a_replaced_grade_changes_the_verdict() -> None:
    """Circulaire, part V: « toute note inférieure ou égale à 6/20 est éliminatoire »."""
    decision = route("11 partout au CQP GC ; et avec 5 à l'oral plutôt que 11, je suis certifié ?", TODAY)
    assert decision.arguments["oral"] == 5.0
    assert CALCULATORS["cqp_certification"].run(**decision.arguments).to_dict()["certified"] is False


@pytest.mark.parametrize(
    ("question", "total", "org"),
    [
        ("Absence CEP ? Contrat : CDI. Ancienneté : 8 ans. Dans l'organisme : 3 ans.", 96, 36),
        (
            "CEP : en CDI, ancienneté dans la caisse : 14 mois, ancienneté totale : 7 ans, j'ai droit à l'absence ?",
            84,
            14,
        ),
        ("CDI / 10 ans / tous ici : absence pour un CEP ?", 120, 120),
        ("CDI, ancienneté totale 6 ans, ici depuis 18 mois : l'absence CEP est-elle possible ?", 72, 18),
    ],
)
def test_lengths_of_service_after_their_label_are_read(question: str, total: int, org: int) -> None:
    """Art. 5: « au moins 5 années passées en qualité de salarié dont 12 mois au sein de l'organisme »:
    each length is read as the one its label names, and the rule decides."""
    decision = route(question, TODAY)
    assert (decision.route, decision.calculator) == ("calculator", "cep_absence"), decision
    assert (decision.arguments["months_as_employee"], decision.arguments["months_in_organisation"]) == (total, org)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("je n'ai que le brevet", 2),
        ("titulaire du brevet, en CDI", 2),
        ("j'ai le brevet professionnel", 4),
        ("un brevet d'études professionnelles", 3),
    ],
)
def test_the_brevet_alone_is_the_brevet_des_colleges(text: str, level: int) -> None:
    assert parse_diploma_level(text) == level


def test_the_brevet_alone_gives_the_longer_vae_leave() -> None:
    """Avenant 2022, art. 2: the leave is « porté à 48 heures » for an employee « n'ayant pas atteint un
    niveau 4 de qualification » — the brevet des collèges is below it."""
    decision = route("Congé VAE : je n'ai que le brevet, combien d'heures ?", TODAY)
    assert decision.calculator == "vae_leave"
    assert CALCULATORS["vae_leave"].run(**decision.arguments).value == 48


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Notes CQP GC : 12, 11, 9, 14, 13 (TC, option, écrit, oral, APT). Certifié ?",
            {"continuous_common": 12, "continuous_option": 11, "written": 9, "oral": 14, "tutored": 13},
        ),
        (
            "respectivement 12, 10 et 8 en TC, à l'écrit et à l'oral",
            {"continuous_common": 12, "written": 10, "oral": 8},
        ),
        ("J'ai eu 14, 12 et 11 à l'écrit, à l'oral et aux APT", {"written": 14, "oral": 12, "tutored": 11}),
    ],
)
def test_a_list_of_grades_then_the_list_of_their_exams_is_paired_in_order(
    text: str, expected: dict[str, float]
) -> None:
    assert parse_grades(text) == expected
