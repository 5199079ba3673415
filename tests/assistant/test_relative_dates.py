"""Dates said relative to today, read against `today` (issue #13 point 1, calc9).

A mission "qui commence demain", an action "démarrée le mois dernier", a tutorat "jusqu'à fin février
prochain" are periods the bonuses count: art. 4.3 counts the tutor's "7 points par mois, complet ou
non", art. 9.3 pays the trainer "le mois suivant la fin de l'action de formation". Each mechanism has
three or more wordings written for these tests; `today` is Sunday 29 November 2026.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.extraction.dates import parse_dates
from assistant.routing.router import route
from calculators.registry import CALCULATORS

TODAY = date(2026, 11, 29)  # a Sunday


def _first(text: str) -> tuple[date, date]:
    found = parse_dates(text, TODAY)
    assert found, text
    return found[0].start, found[0].end


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("je commence demain", date(2026, 11, 30), date(2026, 11, 30)),
        ("elle arrive après-demain", date(2026, 12, 1), date(2026, 12, 1)),
        ("terminé hier", date(2026, 11, 28), date(2026, 11, 28)),
        ("dès lundi prochain", date(2026, 11, 30), date(2026, 11, 30)),
        ("vendredi prochain", date(2026, 12, 4), date(2026, 12, 4)),
        ("mardi dernier", date(2026, 11, 24), date(2026, 11, 24)),
        ("le mois prochain", date(2026, 12, 1), date(2026, 12, 31)),
        ("le mois dernier", date(2026, 10, 1), date(2026, 10, 31)),
        ("à la fin du mois", date(2026, 11, 30), date(2026, 11, 30)),
        ("fin mars prochain", date(2027, 3, 31), date(2027, 3, 31)),
        ("en avril dernier", date(2026, 4, 1), date(2026, 4, 30)),
        ("janvier prochain", date(2027, 1, 1), date(2027, 1, 31)),
        ("dans 2 mois", date(2027, 1, 29), date(2027, 1, 29)),
    ],
)
def test_a_day_or_month_said_from_today(text: str, start: date, end: date) -> None:
    assert _first(text) == (start, end)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("je serai tuteur à la rentrée", 2027),  # this year's September is past: the next one
        ("j'ai repris à la rentrée", 2026),
        ("l'alternante est arrivée à la rentrée scolaire", 2026),
    ],
)
def test_la_rentree_is_september_of_the_tense(text: str, year: int) -> None:
    assert _first(text)[0] == date(year, 9, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l'an dernier, le 3 mars", date(2025, 3, 3)),
        ("le 14 février de l'an prochain", date(2027, 2, 14)),
        ("en 2024, le 5 juin", date(2024, 6, 5)),
    ],
)
def test_a_year_said_beside_a_yearless_date_is_its_year(text: str, expected: date) -> None:
    assert [d.start for d in parse_dates(text, TODAY)] == [expected]


def test_each_date_takes_the_tense_of_its_own_clause() -> None:
    """ "J'ai commencé le 2 octobre et je finirai le 15 janvier": October is past, January to come, although
    the message as a whole mixes both tenses."""
    found = parse_dates("J'ai commencé le 2 octobre et je finirai le 15 janvier", TODAY)
    assert [d.start for d in found] == [date(2026, 10, 2), date(2027, 1, 15)]


def test_a_date_in_apposition_is_one_date() -> None:
    """ "à la rentrée, le 1er septembre": one start, not two dates."""
    found = parse_dates("ma mission a débuté à la rentrée, le 1er septembre", TODAY)
    assert [(d.start, d.end) for d in found] == [(date(2026, 9, 1), date(2026, 9, 1))]


@pytest.mark.parametrize(
    ("question", "points"),
    [
        # Nov 30 2026 → May 31 2027: November, December, January … May = 7 months begun
        ("Je prends en charge une apprentie à partir de demain jusqu'à fin mai : combien de points ?", 49),
        # December 2026 → March 2027: 4 months
        ("Mon tutorat démarre le mois prochain et se termine fin mars prochain, ça fait combien ?", 28),
        # September 2025 → February 2026: 6 months
        ("J'ai été tutrice de l'an dernier, le 1er septembre, jusqu'au 28 février : combien de points ?", 42),
    ],
)
def test_a_tutor_mission_dated_from_today_is_counted(question: str, points: int) -> None:
    """Art. 4.3 : « Le montant de la prime est proportionnel à la durée de la mission d'accompagnement tutoré
    effectuée dans l'organisme ; il correspond à 7 points par mois, complet ou non. »"""
    decision = route(question, TODAY)
    assert decision.route == "calculator" and decision.calculator == "tutor_bonus", decision
    assert CALCULATORS["tutor_bonus"].run(**decision.arguments).value == points


@pytest.mark.parametrize(
    "question",
    [
        "Formatrice interne à titre accessoire, mon action a débuté le mois dernier et finit à la fin du mois : "
        "quand la prime tombe-t-elle ?",
        "J'anime comme formateur interne une action commencée le mois dernier, terminée hier : quand serai-je payé ?",
        "Mon action de formateur interne s'achève à la fin du mois, elle a démarré le mois dernier : versée quand ?",
    ],
)
def test_a_trainer_action_ending_this_month_is_paid_next_month(question: str) -> None:
    """Art. 9.3 (avenant 2022) : « La prime est versée au salarié en qualité de formateur interne à titre
    accessoire le mois suivant la fin de l'action de formation. »"""
    decision = route(question, TODAY)
    assert decision.route == "calculator" and decision.calculator == "trainer_bonus", decision
    result = CALCULATORS["trainer_bonus"].run(**decision.arguments)
    assert "décembre 2026" in result.summary


@pytest.mark.parametrize(
    ("question", "horizon"),
    [
        ("Entré en septembre 2020, combien d'entretiens professionnels d'ici mars 2027 ?", date(2027, 3, 31)),
        ("Embauchée le 2 mai 2021 : combien d'entretiens pros et de bilans avant juin 2027 ?", date(2027, 6, 30)),
        ("Arrivé en février 2021, combien d'entretiens professionnels à la date du 1er mars 2027 ?", date(2027, 3, 1)),
    ],
)
def test_a_date_after_today_said_as_the_horizon_is_the_count_date(question: str, horizon: date) -> None:
    """Art. 6 : « Les organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un
    entretien de bilan. » The count is asked at a date to come, which is no interview held; today stays the date
    the state is read at (hr22: the periods to come are owed by the horizon, not late)."""
    decision = route(question, TODAY)
    assert decision.calculator == "professional_reviews", decision
    assert decision.arguments["horizon"] == horizon
    assert decision.arguments["as_of"] == TODAY
    assert not decision.arguments.get("interviews")
