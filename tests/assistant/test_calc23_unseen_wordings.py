"""The calculators on facts said in new wordings (issue #13 class 1): counts of identical units, the CEP's
seniority told another way, the CEP verdict asked in its result's words, CQP grades named by their short names.

Each class has three wordings or more, none of them an evaluation item's; the article applied is quoted.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.routing.extraction.folding import fold
from assistant.routing.extraction.grades import parse_grades
from assistant.routing.router import route
from calculators.registry import CALCULATORS
from calculators.result import CalcError

TODAY = date(2026, 11, 29)


def _routed(question: str) -> tuple[str, str | None, dict[str, Any]]:
    d = route(question, TODAY)
    return d.route, d.calculator, d.arguments


@pytest.mark.parametrize(
    ("question", "calculator", "count", "value"),
    [
        (
            "En 2013, combien l'OPCA finançait-il au plus pour Pass et Prem'ss, pour quatre stagiaires ?",
            "training_path_hours",
            4,
            4848,
        ),
        (
            "En 2013, pour une promotion de 10 stagiaires, combien l'OPCA prenait-il en charge pour Pass et Prem'ss ?",
            "training_path_hours",
            10,
            12120,
        ),
        (
            "Deux caisses de la même taille, 6 millions d'euros de masse salariale brute : quelle contribution "
            "supplémentaire en tout ?",
            "supplementary_contribution",
            2,
            18000,
        ),
        (
            "Masse salariale brute de 4 millions d'euros ; et pour trois organismes comme le nôtre, la contribution "
            "conventionnelle supplémentaire ?",
            "supplementary_contribution",
            3,
            18000,
        ),
    ],
)
def test_a_count_of_identical_units_multiplies_the_one_unit_rule(
    question: str, calculator: str, count: int, value: int
) -> None:
    """Circular IX: "la prise en charge … à hauteur de 12 € par heure" of each trainee's hours (Pass 40 h +
    PREM'SS 61 h); protocole art. 10: "une contribution conventionnelle supplémentaire … correspondant à 0,15 % de
    leur masse salariale brute", each organisation's. N identical units owe N times one unit's figure."""
    kind, name, arguments = _routed(question)
    assert (kind, name) == ("calculator", calculator), (kind, name, arguments)
    assert arguments.get("count") == count
    result = CALCULATORS[calculator].run(**arguments)
    assert result.value == value
    assert result.summary.startswith(f"Pour {count} ")  # the total leads


@pytest.mark.parametrize(
    "question",
    [
        "En 2013, combien l'OPCA finançait-il par stagiaire pour Pass et Prem'ss, pour nos 5 stagiaires ?",
        "Nos 3 caisses ont une masse salariale brute totale de 9 millions d'euros : quelle contribution "
        "supplémentaire ?",
    ],
)
def test_no_count_when_one_unit_or_a_total_is_told(question: str) -> None:
    """A figure asked "par stagiaire", or a payroll that is already the organisations' total, is not multiplied."""
    kind, name, arguments = _routed(question)
    assert kind == "calculator", (kind, name, arguments)
    assert "count" not in arguments


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"hours": 101, "count": 0}, "au moins 1"),
        ({"first_premss_day": "2026-01-05", "count": 3}, "montant en euros"),
    ],
)
def test_an_impossible_count_is_refused_in_french(arguments: dict[str, Any], message: str) -> None:
    """No count below one unit, and nothing but an amount in euros adds up (a date does not)."""
    with pytest.raises(CalcError, match=message):
        CALCULATORS["training_path_hours"].run(**arguments)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Deux ans de CDI dans mon Urssaf et avant ça quatre ans de salariat ailleurs : puis-je avoir la "
            "demi-journée pour un conseil en évolution professionnelle ?",
            {"contract": "CDI", "months_in_organisation": 24, "months_as_employee": 72},
        ),
        (
            "En CDD dans ma Cpam depuis 9 mois et c'est toute mon expérience salariée : ai-je droit à l'absence "
            "pour un conseil en évolution professionnelle ?",
            {"contract": "CDD", "months_in_organisation": 9, "months_as_employee": 9},
        ),
        (
            "J'ai signé un CDD à l'Urssaf il y a 5 mois, après 20 mois d'intérim ailleurs depuis 2023 : "
            "absence pour un conseil en évolution professionnelle possible ?",
            {"contract": "CDD", "months_in_organisation": 5, "months_as_employee": 25},
        ),
    ],
)
def test_the_cep_seniority_told_another_way(question: str, expected: dict[str, Any]) -> None:
    """Protocole art. 5: "tout salarié en CDI qui justifie d'une ancienneté d'au moins 5 années passées en qualité
    de salarié dont 12 mois au sein de l'organisme, ou tout salarié en CDD justifiant d'au moins 24 mois d'activité
    salariée au cours des 5 dernières années dont 4 mois au sein de l'organisme bénéficie … d'une autorisation
    d'absence rémunérée de 1 demi-journée"."""
    kind, name, arguments = _routed(question)
    assert (kind, name) == ("calculator", "cep_absence"), (kind, name, arguments)
    assert {k: arguments.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    "question",
    [
        "CDI depuis 8 ans à la Carsat, je voudrais voir un conseiller en évolution : mon absence sera-t-elle payée ?",
        "En CDD depuis 30 mois dans ma caisse, rendez-vous à l'Apec jeudi : ma demi-journée sera-t-elle rémunérée ?",
        "Titulaire en CDI depuis 12 ans chez nous, un rendez-vous avec un conseiller carrière : l'absence sera-t-elle "
        "accordée ?",
    ],
)
def test_the_cep_verdict_asked_in_its_results_words(question: str) -> None:
    """Art. 5's result is "une autorisation d'absence rémunérée": "sera-t-elle payée / rémunérée / accordée ?" asks
    it of the case told, and the adviser or an operator art. 5 names ("Pôle emploi, … (APEC), mission locale, CAP
    emploi") names the CEP."""
    kind, name, _ = _routed(question)
    assert (kind, name) == ("calculator", "cep_absence")


def test_an_advice_asked_ahead_is_not_one_had() -> None:
    """Art. 5: "Elle n'est pas accordée au salarié qui a déjà bénéficié de ce conseil au cours des 5 dernières
    années." "Puis-je déjà poser la demi-journée ?" asks ahead; "j'ai déjà vu un conseiller" tells one had."""
    _, _, ahead = _routed(
        "En CDD ici depuis 6 mois après 30 mois ailleurs : puis-je déjà poser la demi-journée pour voir un "
        "conseiller en évolution ?"
    )
    assert "cep_in_last_5_years" not in ahead
    _, _, had = _routed("J'ai déjà vu un conseiller en évolution professionnelle en 2024 : nouvelle demi-journée ?")
    assert had.get("cep_in_last_5_years") is True


@pytest.mark.parametrize(
    ("text", "grades"),
    [
        (
            "commun 11, contrôle d'option 10, écrit 12, oral 9, mises en situation 13",
            {"continuous_common": 11, "continuous_option": 10, "written": 12, "oral": 9, "tutored": 13},
        ),
        (
            "9 au commun, 12 sur ma spécialité, 10 à l'écrit, 11 à l'oral, 14 en mises en situation avec mon tuteur",
            {"continuous_common": 9, "continuous_option": 12, "written": 10, "oral": 11, "tutored": 14},
        ),
        (
            "contrôle continu commun 13, option 8, écrit 10, oral 10, mises en situation tutorées 12",
            {"continuous_common": 13, "continuous_option": 8, "written": 10, "oral": 10, "tutored": 12},
        ),
    ],
)
def test_cqp_grades_named_by_their_short_names(text: str, grades: dict[str, float]) -> None:
    """Circular V's table: "Contrôles continus - Tronc commun /20 1 … - Option /20 1 … Applications
    professionnelles tutorées 2", the last described as "Mises en situation professionnelles guidées par un
    tuteur"."""
    assert parse_grades(fold(text)) == grades
