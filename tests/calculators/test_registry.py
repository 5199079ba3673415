"""The registry: names and kwargs of docs/ARCHITECTURE.md, JSON-like coercion, French errors, never a traceback."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.registry import CALCULATORS, get_calculator, run_calculator
from calculators.result import CalcError, CalcResult
from tests.calculators.helpers import ARGUMENTS, FAST, OPTIONAL_EXTRAS

# The binding contract of docs/ARCHITECTURE.md: name → keyword arguments the router produces.
CONTRACT = {name: inputs - OPTIONAL_EXTRAS.get(name, set()) for name, inputs in ARGUMENTS.items()}

# One JSON-like call per calculator, as the router or a UI form would send it: (kwargs, value, summary text).
EXAMPLES = {
    "tutor_bonus": (
        {"missions": [{"start": "2025-02-01", "end": "2025-06-20"}], "as_of": "2025-07-01"},
        35,
        "35 points",
    ),
    "trainer_bonus": ({"actions": ["2025-04-03:2025-04-03", "2025-04-17:2025-04-18"]}, 14, "mai 2025"),
    "tutor_and_trainer_bonus": (
        {"missions": ["2025-02-01:2025-06-20"], "actions": ["2025-04-03:2025-04-03"], "as_of": "2025-07-01"},
        42,
        "42 points",
    ),
    "vae_leave": ({"diploma_level": "3"}, 48, "48 heures"),
    "cqp_vae_eligibility": ({"experience_years": "3,5"}, 3.5, "3,5 an(s)"),
    "cep_absence": ({"contract": "cdi", "months_as_employee": "84", "months_in_organisation": 36}, 0.5, "demi-journée"),
    "training_guarantee": ({"last_training": "2021-03-15", "as_of": "2025-06-01"}, "2026-03-15", "mars 2026"),
    "professional_reviews": ({"hire_date": "2025-03-12", "as_of": "2025-06-01"}, "2031-03-12", "12 mars 2031"),
    "pro_a_eligibility": ({"contract": "CDI", "diploma_level": 4}, "éligible", "Éligible"),
    "pro_a_duration": ({"months": 8}, 12, "8 mois"),
    "pro_a_training_hours": ({"total_hours": "800"}, 150, "150 heures"),
    "pro_a_certification": ({"certification": "CQP gestionnaire conseil", "as_of": "2025-01-01"}, "inscrite", "Pro-A"),
    "pro_a_certifications": (
        {"certifications": "CQP gestionnaire conseil ; BTS comptabilité", "as_of": "2025-01-01"},
        1,
        "BTS comptabilité",
    ),
    "professionalisation_contract": ({"certification_date": "2025-06-12"}, "2025-07-01", "1er juillet 2025"),
    "vae_experience": ({"months": "14"}, 14, "est remplie"),
    "professionalisation_duration": ({"age": "22", "without_diploma": "oui"}, 36, "36 mois"),
    "professionalisation_training_share": ({"total_hours": "1 200", "minimum_benefit": "oui"}, 840, "840 heures"),
    "supplementary_contribution": ({"payroll": "40 000 000"}, 60000, "60 000 €"),
    "cqp_certification": (
        {"continuous_common": 12, "continuous_option": 11, "written": 9, "oral": 10, "tutored": 14},
        108,
        "108/200",
    ),
    "training_path_hours": ({}, 101, "61 heures"),
    "points_to_euros": ({"points": 35, "point_value": "7,5"}, 262.5, "262,50 €"),
}


def test_registry_matches_the_architecture_contract():
    assert set(CALCULATORS) == set(CONTRACT)
    for name, kwargs in CONTRACT.items():
        public = {p.name for p in CALCULATORS[name].public_params}
        assert kwargs <= public, name


def test_every_spec_is_described_in_french():
    for spec in CALCULATORS.values():
        assert spec.title_fr and spec.description_fr
        assert all(p.help for p in spec.params)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_calculator_runs_from_json_like_values(name):
    kwargs, value, text = EXAMPLES[name]
    result = run_calculator(name, **kwargs)
    assert isinstance(result, CalcResult)
    assert result.name == name
    assert result.value == value
    assert text in result.summary
    assert result.steps and result.formula
    if name != "points_to_euros":
        assert result.references
    data = result.to_dict()
    assert data["summary"] == result.summary


def test_coercion_of_periods_booleans_and_dates():
    result = run_calculator("tutor_bonus", missions=["2025-01-01:2025-12-31:2"], as_of="01/01/2026")
    assert result.value == 168
    assert run_calculator("vae_leave", diploma_level=6, job_threatened="oui").value == 48
    assert run_calculator("vae_leave", diploma_level="bac", job_threatened="false").value == 24
    reviews = run_calculator(
        "professional_reviews",
        hire_date="2015-03-12",
        interviews="2017-03-01, 2019-05-01",
        bilans=["2021-03-12"],
        as_of=date(2025, 6, 1),
    )
    assert reviews.details["past_periods_compliant"] is True


@pytest.mark.parametrize(
    ("name", "kwargs", "message"),
    [
        ("tutor_bonus", {}, "obligatoire"),
        ("tutor_bonus", {"missions": []}, "obligatoire"),
        ("tutor_bonus", {"missions": ["2025-02-01"]}, "DÉBUT:FIN"),
        ("tutor_bonus", {"missions": [{"start": "2025-02-30", "end": "2025-03-01"}]}, "date impossible"),
        ("trainer_bonus", {"actions": ["2025-01-01:2025-02-01:2"]}, "DÉBUT:FIN"),
        ("vae_leave", {"diploma_level": 25}, "inconnu"),
        ("vae_leave", {"job_threatened": "peut-être"}, "oui ou non"),
        ("cep_absence", {"contract": "stage", "months_as_employee": 1, "months_in_organisation": 1}, "CDI ou en CDD"),
        ("pro_a_duration", {"months": 7.5}, "entier"),
        ("supplementary_contribution", {"payroll": "beaucoup"}, "nombre attendu"),
        ("supplementary_contribution", {"payroll": 1, "unknown": 2}, "inconnu"),
    ],
)
def test_bad_arguments_raise_french_calc_errors(name, kwargs, message):
    with pytest.raises(CalcError, match=message):
        run_calculator(name, **kwargs)


def test_unknown_calculator():
    with pytest.raises(CalcError, match="Calculateur inconnu"):
        get_calculator("prime_de_noel")


def test_point_table_file_is_used(tmp_path):
    table = tmp_path / "point_values.json"
    table.write_text('{"values": [{"effective_from": "2020-01-01", "value": 2}]}')
    result = run_calculator(
        "tutor_bonus", missions=["2025-02-01:2025-06-20"], as_of="2025-07-01", point_values_file=str(table)
    )
    assert result.details["euros"] == 70


junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(
        ["2025-02-01", "2025-13-40", "2025-02", "31/12/2025", "9999-12-31", "CDI", "oui", "3,5", "1e400", "1e26"]
    ),
    st.lists(st.sampled_from(["2025-02-01:2025-06-20", "x", "2025-06-20:2025-02-01"]), max_size=3),
    st.lists(st.dictionaries(st.sampled_from(["start", "end", "trainees", "x"]), st.text(max_size=10)), max_size=2),
)


@FAST
@given(st.sampled_from(sorted(CALCULATORS)), st.data())
def test_any_json_like_input_gives_a_result_or_a_calc_error(name, data):
    spec = CALCULATORS[name]
    kwargs = {p.name: data.draw(junk, label=p.name) for p in spec.public_params}
    try:
        result = spec.run(**kwargs)
    except CalcError as exc:
        assert str(exc)
    else:
        assert isinstance(result.summary, str) and result.summary
