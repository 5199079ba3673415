"""French parsing of the router's inputs: tables of wordings users write, and invariants."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.routing.extraction.dates import parse_dates
from assistant.routing.extraction.folding import fold
from assistant.routing.extraction.grades import parse_grades
from assistant.routing.extraction.quantities import count_of, parse_counts, parse_durations, parse_money
from assistant.routing.extraction.situation import (
    parse_contract,
    parse_diploma_level,
    parse_far,
    parse_job_threatened,
    parse_work_time,
)
from calculators.dates import MONTHS_FR, format_date_fr

TODAY = date(2025, 11, 25)
D = date


def test_fold_keeps_length_and_strips_accents() -> None:
    text = "Épreuve écrite d’août : 12 000 € — reçu ÇA"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "epreuve ecrite d'aout : 12 000 € - recu ca"


# --- dates: (text, [(start, end, kind), ...]) -----------------------------------------------------
DATES = [
    ("du 1er février au 20 juin 2025", [(D(2025, 2, 1), D(2025, 6, 20), "range")]),
    ("du 10 au 25 mars 2025", [(D(2025, 3, 10), D(2025, 3, 25), "range")]),
    ("de janvier 2024 à mars 2025", [(D(2024, 1, 1), D(2025, 3, 31), "range")]),
    ("entre janvier et juin 2025", [(D(2025, 1, 1), D(2025, 6, 30), "range")]),
    ("du 15/09/2024 au 30/06/2025", [(D(2024, 9, 15), D(2025, 6, 30), "range")]),
    ("depuis le 3 janvier 2025 jusqu'au 15 mai", [(D(2025, 1, 3), D(2025, 5, 15), "range")]),
    ("de novembre à février 2026", [(D(2025, 11, 1), D(2026, 2, 28), "range")]),
    ("toute l'année 2025", [(D(2025, 1, 1), D(2025, 12, 31), "range")]),
    ("pendant toute l'année dernière", [(D(2024, 1, 1), D(2024, 12, 31), "range")]),
    ("le 12 juin 2025", [(D(2025, 6, 12), D(2025, 6, 12), "point")]),
    ("le 1er septembre 2019", [(D(2019, 9, 1), D(2019, 9, 1), "point")]),
    ("2025-06-12", [(D(2025, 6, 12), D(2025, 6, 12), "point")]),
    ("12/06/25", [(D(2025, 6, 12), D(2025, 6, 12), "point")]),
    ("ma dernière formation date de mars 2021", [(D(2021, 3, 1), D(2021, 3, 31), "point")]),
    ("en avril 2025", [(D(2025, 4, 1), D(2025, 4, 30), "point")]),
    ("fin juin 2025", [(D(2025, 6, 30), D(2025, 6, 30), "point")]),
    ("mi-mars 2025", [(D(2025, 3, 15), D(2025, 3, 15), "point")]),
    ("en 2021 et 2023", [(D(2021, 1, 1), D(2021, 12, 31), "point"), (D(2023, 1, 1), D(2023, 12, 31), "point")]),
    ("depuis 8 mois", [(D(2025, 3, 25), TODAY, "since")]),
    ("depuis 2 ans", [(D(2023, 11, 25), TODAY, "since")]),
    ("depuis le 3 mars 2025", [(D(2025, 3, 3), TODAY, "since")]),
    ("depuis septembre", [(D(2025, 9, 1), TODAY, "since")]),
    ("il y a 2 ans", [(D(2023, 11, 25), D(2023, 11, 25), "point")]),
    ("à partir du 1er mars 2026", [(D(2026, 3, 1), D(2026, 3, 1), "from")]),
    ("aujourd'hui", [(TODAY, TODAY, "point")]),
    # the tense moves a yearless period: future in November means next year
    ("je vais être tutrice de mars à août", [(D(2026, 3, 1), D(2026, 8, 31), "range")]),
    ("j'ai été tutrice de mars à août", [(D(2025, 3, 1), D(2025, 8, 31), "range")]),
    # not dates
    ("1 600 heures", []),
    ("2000 heures de formation", []),
    ("le numéro RNCP 35729", []),
    ("mais aussi", []),
    ("le 31 février 2025", []),
    ("depuis 2025 ans", []),
    ("il y a 99999 jours", []),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_parse_dates(text: str, expected: list[tuple[date, date, str]]) -> None:
    assert [(d.start, d.end, d.kind) for d in parse_dates(text, TODAY)] == expected


def test_yearless_date_is_flagged() -> None:
    [span] = parse_dates("de mars à août", TODAY)
    assert span.year_inferred
    [span] = parse_dates("du 1er février au 20 juin 2025", TODAY)
    assert not span.year_inferred


@pytest.mark.parametrize("text", ["depuis 8 mois", "il y a 2 ans", "il y a 3 semaines", "depuis 10 jours"])
def test_a_relative_date_before_year_one_is_not_a_date(text: str) -> None:
    assert parse_dates(text, D(1, 1, 5)) == []


def test_date_spans_point_into_the_original_text() -> None:
    text = "Je suis tuteur du 1er février au 20 juin 2025."
    [span] = parse_dates(text, TODAY)
    assert text[span.span[0] : span.span[1]] == span.text == "1er février au 20 juin 2025"


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2099, 12, 31)))
def test_any_french_date_parses_back(day: date) -> None:
    for text in (
        f"le {format_date_fr(day)}",
        f"{day.day} {MONTHS_FR[day.month - 1]} {day.year}",
        day.strftime("%d/%m/%Y"),
        day.isoformat(),
    ):
        spans = parse_dates(text, TODAY)
        assert [(s.start, s.end) for s in spans] == [(day, day)], text


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)), st.integers(0, 400))
def test_any_french_range_parses_back(start: date, length: int) -> None:
    end = date.fromordinal(start.toordinal() + length)
    text = f"du {format_date_fr(start)} au {format_date_fr(end)}"
    assert [(s.start, s.end, s.kind) for s in parse_dates(text, TODAY)] == [(start, end, "range")]


# --- durations -------------------------------------------------------------------------------------
DURATIONS = [
    ("depuis 8 mois", [(8, "month")]),
    ("7 ans d'ancienneté", [(7, "year")]),
    ("deux ans", [(2, "year")]),
    ("trois mois", [(3, "month")]),
    ("un an et demi", [(1.5, "year")]),
    ("une année", [(1, "year")]),
    ("3 ans et 6 mois", [(42, "month")]),
    ("1 600 heures", [(1600, "hour")]),
    ("1\u202f600 heures", [(1600, "hour")]),
    ("800 h au total", [(800, "hour")]),
    ("2,5 ans", [(2.5, "year")]),
    ("trente-six mois", [(36, "month")]),
    ("6 semaines", [(6, "week")]),
    ("aucune durée ici", []),
]


@pytest.mark.parametrize(("text", "expected"), DURATIONS)
def test_parse_durations(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(d.value, d.unit) for d in parse_durations(text)] == expected


def test_duration_months() -> None:
    assert [d.months for d in parse_durations("2 ans, 18 mois, 1 600 heures")] == [24, 18, None]


@given(st.integers(1, 99), st.sampled_from(["mois", "ans", "heures", "années"]))
def test_any_duration_parses_back(value: int, unit: str) -> None:
    [found] = parse_durations(f"pendant {value} {unit}")
    assert found.value == value


# --- money -----------------------------------------------------------------------------------------
MONEY = [
    ("40 millions d'euros", [40_000_000]),
    ("12,5 M€", [12_500_000]),
    ("2 300 000 €", [2_300_000]),
    ("2\u202f300\u202f000 euros", [2_300_000]),
    ("800 000 euros", [800_000]),
    ("25 millions de masse salariale", [25_000_000]),
    ("500 k€", [500_000]),
    ("1,2 milliard d'euros", [1_200_000_000]),
    ("8,2 millions d'euros", [8_200_000]),  # rounded to the cent, not 8 199 999,999…
    ("0,15 %", []),
    ("40 m de haut", []),
    ("12 mois", []),
]


@pytest.mark.parametrize(("text", "expected"), MONEY)
def test_parse_money(text: str, expected: list[float]) -> None:
    assert [m.amount for m in parse_money(text)] == pytest.approx(expected)


@given(st.integers(1_000, 999_999_999))
def test_any_grouped_amount_parses_back(amount: int) -> None:
    text = f"{amount:,} €".replace(",", "\u202f")
    assert [m.amount for m in parse_money(text)] == [amount]


# --- CQP grades ------------------------------------------------------------------------------------
GRADES = [
    (
        "contrôle continu tronc commun 12, option 11, écrit 9, oral 10, applications professionnelles tutorées 14",
        {"continuous_common": 12, "continuous_option": 11, "written": 9, "oral": 10, "tutored": 14},
    ),
    (
        "tronc commun 15, option 15, écrit 6, oral 15, applications tutorées 16",
        {"continuous_common": 15, "continuous_option": 15, "written": 6, "oral": 15, "tutored": 16},
    ),
    (
        "J'ai eu 8 à l'oral, 12 à l'écrit, 14 en tronc commun, 13 en option et 15 aux applications tutorées",
        {"continuous_common": 14, "continuous_option": 13, "written": 12, "oral": 8, "tutored": 15},
    ),
    ("Écrit 5/20, oral : 14/20", {"written": 5, "oral": 14}),
    ("épreuve écrite 9,5 sur 20", {"written": 9.5}),
    ("j'ai eu 8 à l'oral", {"oral": 8}),
    (
        "TC 9, option 8, écrit 11, oral 12, APT 10",  # usual abbreviations
        {"continuous_common": 9, "continuous_option": 8, "written": 11, "oral": 12, "tutored": 10},
    ),
    (
        "CC tronc commun 12, CC option 13, écrit 10, oral 11, APT 9",
        {"continuous_common": 12, "continuous_option": 13, "written": 10, "oral": 11, "tutored": 9},
    ),
    (
        "J'ai eu 10 partout au CQP",
        {"continuous_common": 10, "continuous_option": 10, "written": 10, "oral": 10, "tutored": 10},
    ),
    (
        "12 partout sauf 5 à l'oral",
        {"continuous_common": 12, "continuous_option": 12, "written": 12, "oral": 5, "tutored": 12},
    ),
    (  # grade, "de", label: "14 de contrôle continu en option"
        "j'ai 14 de contrôle continu en option et 9 de tronc commun",
        {"continuous_option": 14, "continuous_common": 9},
    ),
    ("oral 45", {}),  # not a grade out of 20
    ("Quand ont lieu les épreuves écrite et orale ?", {}),
]


@pytest.mark.parametrize(("text", "expected"), GRADES)
def test_parse_grades(text: str, expected: dict[str, float]) -> None:
    assert parse_grades(text) == expected


@given(st.lists(st.integers(0, 20), min_size=5, max_size=5))
def test_any_grades_parse_back(values: list[int]) -> None:
    labels = ["tronc commun", "option", "écrit", "oral", "applications tutorées"]
    text = ", ".join(f"{label} {value}" for label, value in zip(labels, values, strict=True))
    keys = ["continuous_common", "continuous_option", "written", "oral", "tutored"]
    assert parse_grades(text) == dict(zip(keys, map(float, values), strict=True))


# --- diploma levels (nomenclature 2019) ------------------------------------------------------------
DIPLOMAS = [
    ("J'ai un CAP", 3),
    ("titulaire d'un BEP", 3),
    ("j'ai le bac", 4),
    ("j'ai un bac pro commerce", 4),
    ("j'ai le baccalauréat", 4),
    ("niveau bac", 4),
    ("titulaire d'un BTS", 5),
    ("j'ai un DUT", 5),
    ("bac+2", 5),
    ("bac + 3", 6),
    ("j'ai une licence pro", 6),
    ("un bachelor", 6),
    ("j'ai un BUT GEA", 6),
    ("j'ai un master 1", 6),
    ("j'ai un master", 7),
    ("bac+5", 7),
    ("un doctorat", 8),
    ("je suis sans diplôme", 0),
    ("je n'ai aucun diplôme", 0),
    ("le brevet des collèges", 2),
    ("un diplôme de niveau 5", 5),
    ("j'ai le bac et un BTS", 5),
    ("je n'ai pas le bac", 3),  # below level 4
    ("j'ai un bac et je prépare un BTS", 4),  # a diploma being prepared is not held
    ("je vise un master en Pro-A", None),
    ("le cap est fixé", None),  # lower-case "cap" is not the diploma
    ("je vais chez CAP emploi", None),
    ("but de la formation", None),
]


@pytest.mark.parametrize(("text", "level"), DIPLOMAS)
def test_parse_diploma_level(text: str, level: int | None) -> None:
    assert parse_diploma_level(text) == level


# --- contracts, counts, flags ----------------------------------------------------------------------
CONTRACTS = [
    ("Je suis en CDI", "CDI"),
    ("en contrat à durée indéterminée", "CDI"),
    ("en CDD depuis 6 mois", "CDD"),
    ("contrat à durée déterminée", "CDD"),
    ("je suis en CUI-CDI", "CUI-CDI"),
    ("contrat unique d'insertion à durée indéterminée", "CUI-CDI"),
    ("j'étais en CDD, je suis maintenant en CDI", "CDI"),
    ("je suis en CDI, avant j'étais en CDD", "CDI"),
    ("je ne suis pas en CDI", None),
    ("aucun contrat", None),
]


@pytest.mark.parametrize(("text", "contract"), CONTRACTS)
def test_parse_contract(text: str, contract: str | None) -> None:
    assert parse_contract(text) == contract


COUNTS = [
    ("tutrice de deux salariés", "trainee", 2),
    ("tuteur de 2 alternants", "trainee", 2),
    ("d'un apprenti", "trainee", 1),
    ("trois nouveaux embauchés", "trainee", 3),
    ("deux actions de formation interne", "action", 2),
    ("trois sessions", "action", 3),
    ("sans nombre", "trainee", None),
]


@pytest.mark.parametrize(("text", "noun", "value"), COUNTS)
def test_counts(text: str, noun: str, value: int | None) -> None:
    assert count_of(text, noun) == value


def test_counts_are_in_reading_order() -> None:
    assert [(c.value, c.noun) for c in parse_counts("deux actions pour trois salariés")] == [
        (2, "action"),
        (3, "trainee"),
    ]


@pytest.mark.parametrize(
    ("text", "part_time", "fraction"),
    [
        ("je suis à mi-temps", True, 0.5),
        ("à temps partiel à 80 %", True, 0.8),
        ("je travaille à 4/5", True, 0.8),
        ("à temps partiel", True, None),
        ("à temps plein", False, 1.0),
        ("un taux de 0,15 %", None, None),
        ("je bosse à 80 % comme technicienne conseil", True, 0.8),
        ("je suis à 90 %", True, 0.9),
        ("jusqu'à 70 % de la durée", None, None),
    ],
)
def test_parse_work_time(text: str, part_time: bool | None, fraction: float | None) -> None:
    work = parse_work_time(text)
    if part_time is None:
        assert work is None
    else:
        assert work is not None
        assert (work.part_time, work.fraction) == (part_time, fraction)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mon emploi est menacé", True),
        ("mon poste est menacé par une restructuration", True),
        ("mon emploi n'est pas menacé", False),
        ("rien à signaler", None),
    ],
)
def test_parse_job_threatened(text: str, value: bool | None) -> None:
    assert parse_job_threatened(text) is value


@pytest.mark.parametrize(
    ("text", "value"),
    [("l'organisme est très éloigné", True), ("à 90 km de chez moi", True), ("pas loin", False), ("ici", None)],
)
def test_parse_far(text: str, value: bool | None) -> None:
    assert parse_far(text) is value


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_parsers_never_raise(text: str) -> None:
    parse_dates(text, TODAY)
    parse_durations(text)
    parse_money(text)
    grades = parse_grades(text)
    assert all(0 <= g <= 20 for g in grades.values())
    level = parse_diploma_level(text)
    assert level is None or 0 <= level <= 8
    parse_contract(text)
    parse_counts(text)
    parse_work_time(text)
    parse_job_threatened(text)
    parse_far(text)
    assert len(fold(text)) == len(text)
