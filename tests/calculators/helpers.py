"""Shared helpers for the calculator tests: ISO dates, date strategies, fast hypothesis settings, and the
table of every calculator's inputs that both the registry's contract test and the single-fact audit check."""

from __future__ import annotations

from datetime import date

from hypothesis import settings
from hypothesis import strategies as st

FAST = settings(max_examples=60, deadline=None)

dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


def d(text: str) -> date:
    """`d("2025-02-01")` keeps the tables readable."""
    return date.fromisoformat(text)


# Every calculator and every input it takes (hidden configuration apart): checked against the registry by
# tests/calculators/test_single_fact_decides.py, so a new input cannot be forgotten.
ARGUMENTS: dict[str, set[str]] = {
    "tutor_bonus": {"missions", "as_of", "point_value", "months_low", "tutors"},
    "trainer_bonus": {"actions", "point_value", "months_low"},
    "tutor_and_trainer_bonus": {"missions", "actions", "as_of", "point_value"},
    "pro_a_certifications": {"certifications", "as_of"},
    "vae_leave": {"diploma_level", "job_threatened", "on", "groups"},
    "cqp_vae_eligibility": {"experience_years", "requests_this_year", "time_share", "earlier_certificate_on"},
    "vae_experience": {"months"},
    "cep_absence": {
        "contract",
        "months_as_employee",
        "months_in_organisation",
        "provider_far",
        "cep_in_last_5_years",
        "last_cep",
    },
    "training_guarantee": {"last_training", "as_of", "hire_date"},
    "professional_reviews": {
        "hire_date",
        "interviews",
        "bilans",
        "as_of",
        "in_force_from",
        "headcount",
        "people",
        "horizon",
    },
    "pro_a_eligibility": {"contract", "diploma_level"},
    "pro_a_duration": {"months", "case", "start"},
    "pro_a_training_hours": {"total_hours", "extended_public", "total_hours_low"},
    "pro_a_certification": {"certification", "as_of", "extension_date"},
    "professionalisation_contract": {"target_level", "certification_date", "months", "case"},
    "professionalisation_duration": {
        "months",
        "age",
        "without_diploma",
        "jobseeker_months",
        "minimum_benefit",
        "qualification_requires",
    },
    "professionalisation_training_share": {
        "total_hours",
        "total_months",
        "planned_training",
        "age",
        "without_diploma",
        "jobseeker_months",
        "minimum_benefit",
        "insufficient_qualification",
    },
    "supplementary_contribution": {"payroll", "year", "years", "payrolls", "payroll_low", "count"},
    "cqp_certification": {"continuous_common", "continuous_option", "written", "oral", "tutored", "pass_completed"},
    "training_path_hours": {"first_premss_day", "end_date", "hours", "count"},
    "points_to_euros": {"points", "on", "point_value"},
}

# The optional extras docs/ARCHITECTURE.md lists apart from its table of calculator kwargs ("Optional extra
# keyword arguments: `point_value` … on `tutor_bonus`, `trainer_bonus`, `points_to_euros`; `case` on
# `professionalisation_contract`"): the router's contract is the inputs without them.
OPTIONAL_EXTRAS: dict[str, set[str]] = {
    "tutor_bonus": {"point_value"},
    "trainer_bonus": {"point_value"},
    "tutor_and_trainer_bonus": {"point_value"},
    "professionalisation_contract": {"case"},
}
