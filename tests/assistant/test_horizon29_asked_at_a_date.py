"""A personal question asked at a date to come (issue #13, horizon29).

"D'ici <date>, …", "Au <date>, …", "… hors délai au <date> ?" set the moment the rule is asked at; that date is no
event of the case (a last training, an action's end, a certification), and the calculator's date is said against
it. A dated fact copied from a document ("« dernière action suivie : 12/05/2022 »") is a fact. Routed without the
bank's reading, as the other router tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.calculator_inputs.facts import read_facts
from assistant.routing.extraction.dates import parse_dates
from assistant.routing.extraction.folding import fold
from assistant.routing.extraction.horizon import horizon_of
from assistant.routing.router import route

TODAY = date(2026, 12, 3)


def _horizon(text: str) -> date | None:
    found = horizon_of(fold(text), parse_dates(text, TODAY), TODAY)
    return found.end if found is not None else None


@pytest.mark.parametrize(
    ("text", "horizon"),
    [
        ("D'ici avril 2027, aurai-je droit à quelque chose ?", date(2027, 4, 30)),
        ("D'ici à la fin février 2027, la prime sera-t-elle versée ?", date(2027, 2, 28)),
        ("Au 1er avril 2028, où en serons-nous ?", date(2028, 4, 1)),
        ("Embauchée le 2 mars 2022 : au 1er juin 2028, que devra-t-on avoir fait ?", date(2028, 6, 1)),
        ("Sera-t-elle hors délai au 1er janvier 2028 ?", date(2028, 1, 1)),
    ],
)
def test_a_date_to_come_said_as_the_horizon(text: str, horizon: date) -> None:
    assert _horizon(text) == horizon


@pytest.mark.parametrize(
    "text",
    [
        "Et si la mission se termine au 28 février 2027 ?",  # the event's own date, set by its verb
        "Ma mission va du 1er décembre 2026 au 31 mars 2027 : combien ?",  # a period told
        "D'ici mars 2025, que fallait-il faire ?",  # a past date is the state read then, not a horizon to come
        "Le 12 mars 2027, je commence ma formation.",
        "En 2026, j'ai tutoré deux alternants pendant six mois : combien ?",  # a frame of facts told, begun already
    ],
)
def test_an_event_date_is_no_horizon(text: str) -> None:
    assert _horizon(text) is None


def test_the_horizon_leaves_the_case_dates() -> None:
    text = "D'ici mars 2027, ma caisse devra-t-elle m'avoir formé ? Ma dernière formation remonte à février 2022."
    facts = read_facts(text, fold(text), TODAY)
    assert facts.horizon == date(2027, 3, 31)
    assert [d.text for d in facts.dates] == ["février 2022"]


def test_the_guarantee_asked_at_a_horizon() -> None:
    # art. 8: "Celle-ci intervient dans l'année suivant cette période de 4 ans."
    decision = route(
        "D'ici juin 2027, mon employeur devra-t-il m'avoir proposé une formation ? Ma dernière formation date "
        "d'octobre 2022.",
        TODAY,
    )
    assert decision.calculator == "training_guarantee"
    assert decision.arguments["last_training"] == date(2022, 10, 1)
    assert decision.horizon == date(2027, 6, 30)


def test_a_dated_fact_copied_from_a_document_is_a_fact() -> None:
    decision = route(
        "Mon relevé RH indique « dernière action suivie : 03/04/2023 ». Avant quand la caisse doit-elle me former "
        "au titre de la garantie ?",
        TODAY,
    )
    assert decision.calculator == "training_guarantee"
    assert decision.arguments["last_training"] == date(2023, 4, 3)


def test_the_horizon_is_no_action_of_the_trainer() -> None:
    # art. 9.3: "La prime est versée … le mois suivant la fin de l'action de formation."
    decision = route(
        "D'ici fin avril 2027, aurai-je touché ma prime de formateur ? L'action que j'anime finit le 19 mars 2027.",
        TODAY,
    )
    assert decision.calculator == "trainer_bonus"
    assert decision.arguments["actions"] == [{"start": date(2027, 3, 19), "end": date(2027, 3, 19)}]


def test_a_cep_had_told_by_a_pronoun_is_counted_back_from_the_horizon() -> None:
    # art. 5: "Elle n'est pas accordée au salarié qui a déjà bénéficié de ce conseil au cours des 5 dernières années."
    decision = route(
        "D'ici juin 2027, pourrai-je reprendre une demi-journée pour un conseil en évolution professionnelle ? "
        "J'en ai eu un en octobre 2022.",
        TODAY,
    )
    assert decision.calculator == "cep_absence"
    assert decision.arguments["cep_in_last_5_years"] is True
    assert decision.arguments["last_cep"] == date(2022, 10, 31)


def test_the_reviews_owed_asked_with_an_inverted_subject() -> None:
    # art. 6: "Les organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un entretien de
    # bilan."
    decision = route("D'ici mars 2028, aurai-je dû avoir mon entretien de bilan ? Embauché le 9 février 2022.", TODAY)
    assert decision.calculator == "professional_reviews"
    assert decision.arguments["horizon"] == date(2028, 3, 31)


def test_a_horizon_with_the_deciding_fact_missing_asks_it() -> None:
    decision = route("D'ici fin 2028, ma caisse aura-t-elle l'obligation de me former au titre de la garantie ?", TODAY)
    assert decision.route == "clarify"
    assert decision.missing == ["last_training"]


def test_the_rule_asked_at_no_date_stays_general() -> None:
    # art. 8: "qui n'en auraient pas suivi depuis 4 ans": a threshold asked for anyone
    decision = route("Au bout de combien d'années sans formation la garantie individuelle s'applique-t-elle ?", TODAY)
    assert decision.route == "retrieval"


def test_a_cep_supposed_is_no_cep_had() -> None:
    # art. 5's "au cours des 5 dernières années" asked on a supposed case: the rule, not a verdict
    decision = route("Le conseil en évolution, peut-on le refaire si j'en ai déjà eu un il y a deux ans ?", TODAY)
    assert decision.calculator is None or "last_cep" not in decision.arguments
