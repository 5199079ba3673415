"""The calculator readers read the user's facts whatever their form, and decide as soon as the facts do.

Issue #13 point 1. Each row is worded differently from the evaluation items that revealed the failure
class: grade lists with brackets, fillers or one grade for several exams; "dont N ici" after a window of
years; seniority told as "il y a N ans après M ans ailleurs" or "tous ici"; several missions announced by
one count; a contract's own length; figures quoted from a text; a diploma held versus the one aimed at;
a hire date still to come. `today` is fixed so relative dates are reproducible.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.routing.extraction.grades import parse_grades
from assistant.routing.extraction.quantities import parse_durations
from assistant.routing.extraction.situation import parse_contract, parse_diploma_level
from assistant.routing.router import route

TODAY = date(2026, 11, 29)

GRADE_FORMS = [
    (  # brackets after the grade, any separator
        "Mes résultats : 13 (tronc commun) ; 8 (option) ; 12 (écrit) ; 10 (oral) ; 15 (APT)",
        {"continuous_common": 13, "continuous_option": 8, "written": 12, "oral": 10, "tutored": 15},
    ),
    ("J'ai eu 7 tout juste à l'oral", {"oral": 7}),  # a filler between grade and label
    ("à l'oral elle a eu 14, à l'écrit 9", {"oral": 14, "written": 9}),  # "elle a eu" between label and grade
    (  # one grade for a list of exams
        "11 à l'oral et à l'écrit, 9 en tronc commun, en option et aux applications tutorées",
        {"oral": 11, "written": 11, "continuous_common": 9, "continuous_option": 9, "tutored": 9},
    ),
    ("écrit 12, oral 14", {"written": 12, "oral": 14}),  # the next label has its own grade
]


@pytest.mark.parametrize(("text", "expected"), GRADE_FORMS)
def test_grades_in_any_form(text: str, expected: dict[str, float]) -> None:
    assert parse_grades(text) == expected


def test_a_part_after_a_window_of_years_takes_the_unit_of_the_amount() -> None:
    """ "24 mois … sur les 5 ans dont 6 ici": six months, not six years; the window is never joined to the next
    figure ("sur 5 ans, 3 mois chez nous" is not 63 months)."""
    parts = [(d.value, d.unit) for d in parse_durations("en CDD, 26 mois d'emploi sur les 5 ans dont 6 ici")]
    assert parts == [(26, "month"), (5, "year"), (6, "month")]
    apart = [(d.value, d.unit) for d in parse_durations("CDD, 28 mois sur 5 ans, 3 mois chez nous")]
    assert apart == [(28, "month"), (5, "year"), (3, "month")]


def test_contract_and_diploma_forms() -> None:
    assert parse_contract("elle a un CUI en durée indéterminée") == "CUI-CDI"
    assert parse_diploma_level("titulaire d'une licence de droit") == 6
    # the master aimed at in a Pro-A is not a diploma held
    assert parse_diploma_level("le master RH qu'elle voudrait préparer en Pro-A") is None


def decided(question: str) -> tuple[str, str | None, dict[str, Any]]:
    d = route(question, TODAY)
    return d.route, d.calculator, d.arguments


CASES = [
    # (question, route, calculator, arguments that must be there)
    (  # CEP: the part after a window, in words
        "en CDD, 26 mois d'emploi sur les 5 ans dont 3 ici, ai-je droit à l'absence pour un CEP ?",
        "calculator",
        "cep_absence",
        {"contract": "CDD", "months_as_employee": 26, "months_in_organisation": 3},
    ),
    (  # CEP: arrival counted back from today, earlier employer before it
        "Je suis entré à la Caf il y a deux ans après huit ans dans l'assurance, en CDI. Mon CEP, j'y ai droit ?",
        "calculator",
        "cep_absence",
        {"contract": "CDI", "months_in_organisation": 24, "months_as_employee": 120},
    ),
    (  # CEP: the whole seniority in the organisation
        "CDI depuis 7 ans au total, tout chez nous : droit à l'absence CEP ?",
        "calculator",
        "cep_absence",
        {"contract": "CDI", "months_as_employee": 84, "months_in_organisation": 84},
    ),
    (  # a CDD's activity is counted over 5 years: a longer career is capped, never an error
        "Je suis en CDD, 15 ans de carrière dont 5 mois ici : absence pour un CEP ?",
        "calculator",
        "cep_absence",
        {"contract": "CDD", "months_as_employee": 60, "months_in_organisation": 5},
    ),
    (  # tutor: one count announced for several periods, each introduced by an ordinal
        "Tutrice de trois apprentis en 2026 : le premier de janvier à mars, le deuxième d'avril à juin, "
        "le troisième de septembre à novembre. Combien de points ?",
        "calculator",
        "tutor_bonus",
        {"missions": [{"trainees": 1}, {"trainees": 1}, {"trainees": 1}]},
    ),
    (  # Pro-A: the contract's own length is no Pro-A length; a CDD decides
        "Ma collègue est en contrat à durée déterminée de 2 ans, peut-elle demander une Pro-A ?",
        "calculator",
        "pro_a_eligibility",
        {"contract": "CDD"},
    ),
    (  # Pro-A: the case alone gives the longest length
        "Je perçois le RSA et je suis en CDI, jusqu'à combien de mois peut aller ma Pro-A ?",
        "calculator",
        "pro_a_duration",
        {"case": "minimum_social_benefit"},
    ),
    (  # Pro-A: a described third-person case whose facts decide
        "Une salariée en CDI qui a un bac+5 peut-elle entrer en Pro-A ?",
        "calculator",
        "pro_a_eligibility",
        {"contract": "CDI", "diploma_level": 7},
    ),
    (  # CQP: Pass not followed decides without any grade
        "Sans avoir fait Pass, avec de bonnes notes partout au CQP gestionnaire conseil, suis-je certifiée ?",
        "calculator",
        "cqp_certification",
        {"pass_completed": False},
    ),
    (  # CQP named in general, grades given: the eliminatory grade decides
        "cqp gestionnaire conseil, j'ai eu 4 tout rond à l'oral, le reste est bon. c'est mort ?",
        "calculator",
        "cqp_certification",
        {"oral": 4.0},
    ),
    (  # the one date of the message is the certification's
        "Ma fille est en contrat de professionnalisation et a obtenu son titre, elle passe au salaire "
        "conventionnel quand ? C'était le 3 février 2027.",
        "calculator",
        "professionalisation_contract",
        {"certification_date": date(2027, 2, 3)},
    ),
    (  # a stated length asked about, for a public of art. 3.4
        "Un contrat de professionnalisation de 28 mois pour une bénéficiaire du RSA, c'est permis ?",
        "calculator",
        "professionalisation_duration",
        {"months": 28, "minimum_benefit": True},
    ),
    (  # professional reviews: a hire still to come
        "Une recrue arrive le 1er mars 2027 : avant quelle date son entretien de bilan ?",
        "calculator",
        "professional_reviews",
        {"hire_date": date(2027, 3, 1)},
    ),
]


def _holds(expected: Any, actual: Any) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and _holds(v, actual[k]) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) == len(actual) and all(map(_holds, expected, actual))
    return bool(expected == actual)


@pytest.mark.parametrize(("question", "expected_route", "calculator", "arguments"), CASES)
def test_the_facts_given_decide(question: str, expected_route: str, calculator: str, arguments: dict[str, Any]) -> None:
    got_route, got_calculator, got_arguments = decided(question)
    assert (got_route, got_calculator) == (expected_route, calculator), got_arguments
    assert _holds(arguments, got_arguments), got_arguments


@pytest.mark.parametrize(
    "question",
    [
        # figures quoted from a text are not the user's case: the rule is answered, nothing asked
        "La Pro-A : le protocole évoque 12 mois, puis 24 mois, puis 36 mois. Laquelle est la bonne durée ?",
        # a held diploma named before "peut-il" is not a certification aimed at
        "Un agent en CDD titulaire d'un BTS peut-il suivre une Pro-A ?",
    ],
)
def test_no_clarify_when_nothing_is_missing(question: str) -> None:
    d = route(question, TODAY)
    assert d.route != "clarify", d
    if d.route == "calculator":
        assert d.calculator == "pro_a_eligibility" and d.arguments.get("contract") == "CDD"


def test_context_before_a_colon_is_not_the_subject_of_the_question() -> None:
    """ "Pour notre journal syndical : combien de points touche un tuteur par mois ?" asks the rule, not the
    adviser's own case: answered from the texts, not a question back about missions."""
    d = route("Pour notre journal syndical : combien de points touche un tuteur par mois ?", TODAY)
    assert d.route == "retrieval"
    own = route("Je suis tutrice depuis le 1er avril 2026 : combien de points ?", TODAY)
    assert own.route == "calculator" and own.calculator == "tutor_bonus"


def test_halves_and_ranges() -> None:
    """ "il y a trois ans et demi" is 42 months back; "entre 10 et 14 mois" keeps both ends."""
    d = route("Ma dernière formation remonte à il y a trois ans et demi : la garantie individuelle ?", TODAY)
    assert d.calculator == "training_guarantee" and d.arguments["last_training"] == date(2023, 5, 29)
    (span,) = parse_durations("entre 10 et 14 mois d'ancienneté")
    assert (span.low, span.value) == (10, 14)


def test_a_range_across_the_threshold_is_asked_not_guessed() -> None:
    """Art. 5: « au moins 24 mois d'activité salariée au cours des 5 dernières années » — "18 à 26 mois"
    may or may not reach it: the figure is asked; "25 à 28 mois" reaches it whatever the exact value."""
    open_ = route("En CDD, 18 à 26 mois de travail sur cinq ans dont 5 mois chez nous : CEP possible ?", TODAY)
    assert open_.route == "clarify" and "months_as_employee" in open_.missing
    closed = route("En CDD, 25 à 28 mois de travail sur cinq ans dont 5 mois chez nous : CEP possible ?", TODAY)
    assert closed.route == "calculator" and closed.arguments["months_in_organisation"] == 5


def test_a_field_named_maitrise_is_no_diploma_and_a_list_question_no_case() -> None:
    """ "maîtrise des risques" names a family of the list, not a master 1 held; with no person described,
    a question on the list is no eligibility case."""
    assert parse_diploma_level("la famille maîtrise des risques externes") is None
    assert parse_diploma_level("j'ai une maîtrise de droit") == 6
    d = route("Dans la famille « contrôle et maîtrise des risques », quels diplômes ouvrent droit à la Pro-A ?", TODAY)
    assert d.calculator != "pro_a_eligibility"
