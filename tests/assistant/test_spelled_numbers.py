"""Numbers written in words reach every calculator reader as digits (`extraction.spelled`)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.calculator_inputs.facts import read_facts
from assistant.routing.extraction.folding import fold
from assistant.routing.extraction.grades import parse_grades
from assistant.routing.extraction.spelled import spell_digits
from interview.reading import read_profile

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dix-huit mois", "18 mois"),
        ("le quinze janvier deux mille vingt-sept", "le 15 janvier 2027"),
        ("un an et trois mois", "1 an et 3 mois"),
        ("le premier mars", "le 1er mars"),
        ("soixante-dix-sept heures", "77 heures"),
        ("quatre-vingt-dix-neuf", "99"),
        ("quatre-vingts heures", "80 heures"),
        ("vingt et un ans", "21 ans"),
        ("mille cinq cents euros", "1500 euros"),
        ("Deux mille dix-neuf", "2019"),
    ],
)
def test_a_number_in_words_is_read_whatever_its_wording(text: str, expected: str) -> None:
    assert spell_digits(text) == expected


@pytest.mark.parametrize(
    "text",
    ["un contrat de professionnalisation", "un salarié neuf", "cinquante pour cent", "une salariée"],
)
def test_ordinary_words_that_look_like_numbers_are_kept(text: str) -> None:
    """ "un"/"une" only count before a unit, "neuf" may mean new, "pour cent" is a rate's wording."""
    assert spell_digits(text) in (text, "50 pour cent")


def test_two_numbers_side_by_side_are_not_added() -> None:
    """ "deux ou trois", "deux et trois": a unit after a unit starts a new number, never 5."""
    assert spell_digits("deux ou trois salariés") == "2 ou 3 salariés"
    assert spell_digits("deux et trois") == "2 et 3"


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Ma collègue est en CDD depuis dix-huit mois.", 18),
        ("Contrat signé il y a un an et trois mois, j'en suis où ?", 15),
        ("J'ai vingt-quatre mois d'ancienneté.", 24),
    ],
)
def test_durations_in_words_reach_the_readers(text: str, months: int) -> None:
    facts = read_facts(text, fold(text), TODAY)
    assert any(d.months == months for d in facts.durations), facts.durations


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Je suis entrée le premier mars deux mille vingt-quatre.", date(2024, 3, 1)),
        ("Embauché le quinze janvier deux mille vingt-deux en CDI", date(2022, 1, 15)),
        ("mon contrat finit le trente et un décembre deux mille vingt-six", date(2026, 12, 31)),
    ],
)
def test_dates_in_words_reach_the_readers(text: str, day: date) -> None:
    facts = read_facts(text, fold(text), TODAY)
    assert any(d.start == day for d in facts.dates), facts.dates


def test_grades_in_words() -> None:
    """A grade said in words counts as one said in digits."""
    grades = parse_grades(spell_digits("neuf à l'écrit, onze à l'oral et quatorze en option"))
    assert grades == {"written": 9, "oral": 11, "continuous_option": 14}


def test_the_interview_reads_dates_in_words() -> None:
    reading = read_profile("CDI, embauchée le premier septembre deux mille dix-neuf dans l'organisme", TODAY)
    assert "2019" in repr(reading)


def test_a_number_after_pour_is_read_and_pour_cent_stays_a_rate() -> None:
    assert spell_digits("et pour trente-six mois ?") == "et pour 36 mois ?"
    assert spell_digits("quatre-vingts pour cent du temps") == "80 pour cent du temps"


def test_the_short_form_of_september_is_not_seven() -> None:
    assert spell_digits("depuis le 1er sept. 2024") == "depuis le 1er sept. 2024"
    assert spell_digits("entrée en sept 2023") == "entrée en sept 2023"
    assert spell_digits("sept ans d'ancienneté") == "7 ans d'ancienneté"
    assert spell_digits("un contrat neuf, signé hier") == "un contrat neuf, signé hier"


def test_un_point_stays_the_point_of_a_value() -> None:
    """The salary point ("la valeur d'un point") counts nothing."""
    assert spell_digits("un point vaut 7,5 €") == "un point vaut 7,5 €"
