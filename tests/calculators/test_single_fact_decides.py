"""Audit of every calculator against the three-valued evaluation of `calculators.conditions` (issue #13, 1).

For each calculator the inputs are enumerated (`helpers.ARGUMENTS`, checked against the registry so a new input
cannot be forgotten), and each single known value that decides the outcome by the article is a row of
`DECIDING`: the calculator, given that value alone, decides (`missing` empty, the verdict or the figure
set) instead of asking for the rest. Each row's docstring line quotes the sentence of the text it
applies. The router asks only for `CalcResult.missing`, so a row here is a clarify question never asked.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.registry import CALCULATORS, PARTIAL_RULES
from tests.calculators.helpers import ARGUMENTS

AS_OF = date(2026, 11, 29)


def test_every_calculator_and_input_is_audited() -> None:
    """The table above is the registry's: a calculator or an input added later must be audited here too."""
    assert set(ARGUMENTS) == set(CALCULATORS)
    for name, spec in CALCULATORS.items():
        assert {p.name for p in spec.params if not p.hidden} == ARGUMENTS[name], name


# (calculator, the one known input, the attribute that carries the decision, its expected value, the
# sentence applied). `verdict` reads `eligible` (or `certified`); `value` reads the figure.
DECIDING: list[tuple[str, dict[str, Any], str, Any, str]] = [
    (
        "vae_leave",
        {"job_threatened": True},
        "value",
        48,
        "Avenant, art. 2 : « Le congé … d'une durée de 24 heures est augmenté pour les agents n'ayant pas atteint "
        "le niveau 4 ou dont l'emploi est menacé … à 48 heures maximum. »",
    ),
    ("vae_leave", {"diploma_level": 3}, "value", 48, "Même phrase : n'ayant pas atteint le niveau 4 (CAP)."),
    ("vae_leave", {"diploma_level": "brevet"}, "value", 48, "Même phrase : le brevet est sous le niveau 4."),
    ("vae_leave", {"diploma_level": "sans diplôme"}, "value", 48, "Même phrase : sans diplôme."),
    (
        "cqp_vae_eligibility",
        {"experience_years": 5},
        "verdict",
        True,
        "Avenant, art. 2 (art. 7 réécrit) : « une activité, continue ou non, d'au moins une année, en lien avec "
        "la certification recherchée ».",
    ),
    ("cqp_vae_eligibility", {"experience_years": 0.5}, "verdict", False, "Même phrase : moins d'une année."),
    (
        "cqp_vae_eligibility",
        {"requests_this_year": 1},
        "verdict",
        False,
        "Circulaire : « Un candidat ne pourra déposer qu'une demande de VAE par an pour le CQP gestionnaire conseil. »",
    ),
    (
        "cep_absence",
        {"cep_in_last_5_years": True},
        "verdict",
        False,
        "Art. 5 : « Elle n'est pas accordée au salarié qui a déjà bénéficié de ce conseil au cours des 5 "
        "dernières années. »",
    ),
    (
        "cep_absence",
        {"months_as_employee": 20},
        "verdict",
        False,
        "Art. 5 : « tout salarié en CDI qui justifie d'une ancienneté d'au moins 5 années … ou tout salarié en "
        "CDD justifiant d'au moins 24 mois d'activité salariée » — 20 mois n'atteignent aucun des deux seuils.",
    ),
    (
        "cep_absence",
        {"months_in_organisation": 3},
        "verdict",
        False,
        "Art. 5 : « dont 12 mois au sein de l'organisme » (CDI), « dont 4 mois au sein de l'organisme » (CDD) "
        "— 3 mois n'atteignent aucun des deux.",
    ),
    (
        "training_guarantee",
        {"last_training": date(2021, 4, 1), "as_of": AS_OF},
        "value",
        "2026-04-01",
        "Art. 8 : « … qui n'en auraient pas suivi depuis 4 ans. Celle-ci intervient dans l'année suivant cette "
        "période de 4 ans. »",
    ),
    (
        "training_guarantee",
        {"hire_date": date(2027, 1, 4), "as_of": AS_OF},
        "value",
        "2032-01-04",
        "Même phrase, décomptée depuis une embauche à venir : la garantie n'est pas encore ouverte.",
    ),
    (
        "professional_reviews",
        {"hire_date": date(2021, 9, 1), "as_of": AS_OF},
        "value",
        "2027-09-01",
        "Art. 6 : « Les organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un "
        "entretien de bilan. »",
    ),
    (
        "professional_reviews",
        {"hire_date": date(2027, 1, 4), "as_of": AS_OF},
        "value",
        "2033-01-04",
        "Même phrase, pour une embauche à venir : la première période court depuis l'embauche.",
    ),
    (
        "pro_a_eligibility",
        {"contract": "CDD"},
        "verdict",
        False,
        "Art. 2.3 : « La Pro-A concerne les salariés en contrat à durée indéterminée et les salariés "
        "bénéficiaires d'un contrat unique d'insertion à durée indéterminée ».",
    ),
    ("pro_a_eligibility", {"contract": "intérim"}, "verdict", False, "Même phrase : l'intérim n'est pas un CDI."),
    (
        "pro_a_eligibility",
        {"diploma_level": "licence"},
        "verdict",
        False,
        "Art. 2.3 : « Sont concernés, les salariés n'ayant pas atteint un niveau de qualification sanctionné par "
        "une certification professionnelle enregistrée au RNCP et correspondant au grade de la licence. »",
    ),
    ("pro_a_eligibility", {"diploma_level": "doctorat"}, "verdict", False, "Même phrase : au-dessus de la licence."),
    (
        "pro_a_duration",
        {"case": "minimum_social_benefit"},
        "value",
        36,
        "Art. 2.4 : « cette durée peut être portée jusqu'à 36 mois pour : … les bénéficiaires du revenu de "
        "solidarité active, de l'allocation de solidarité spécifique ou de l'allocation aux adultes "
        "handicapés ».",
    ),
    ("pro_a_duration", {"case": "standard"}, "value", 12, "Art. 2.4 : « entre 6 et 12 mois »."),
    (
        "professionalisation_duration",
        {"minimum_benefit": True},
        "value",
        36,
        "Art. 3.4 : « cette durée peut être portée jusqu'à 36 mois pour : … les bénéficiaires du revenu de "
        "solidarité active … ».",
    ),
    (
        "cqp_certification",
        {"written": 6},
        "verdict",
        False,
        "Circulaire, V : « avoir obtenu une note moyenne supérieure ou égale à 10/20 sans note éliminatoire » "
        "(écrit et oral : note éliminatoire ≤ 6).",
    ),
    ("cqp_certification", {"oral": 5}, "verdict", False, "Même phrase : oral éliminatoire."),
    (
        "cqp_certification",
        {"pass_completed": False},
        "verdict",
        False,
        "Circulaire, V : pour être certifié, « avoir suivi Pass formation ».",
    ),
    (
        "professionalisation_contract",
        {"certification_date": date(2026, 12, 9)},
        "value",
        "2027-01-01",
        "Art. 3.6 : « À compter du 1er jour du mois qui suit l'obtention de la certification, la rémunération "
        "est fixée … ».",
    ),
    (
        "training_path_hours",
        {"first_premss_day": date(2026, 9, 7)},
        "missing",
        [],
        "Circulaire, IV : le parcours s'inscrit dans une amplitude de deux ans depuis le premier jour de PREM'SS.",
    ),
    (
        "vae_leave",
        {"groups": "2:job_threatened=oui;3:diploma_level=2"},
        "value",
        2 * 48 + 3 * 48,
        "Avenant, art. 2 : « … augmenté pour les agents n'ayant pas atteint le niveau 4 ou dont l'emploi est menacé "
        "… à 48 heures maximum » — each group's one deciding fact decides its hours, and so the team's total.",
    ),
]


def _decision(result: Any, attribute: str) -> Any:
    if attribute == "verdict":
        return result.eligible if result.eligible is not None else result.certified
    if attribute == "missing":
        return result.missing
    value = result.value
    return value.isoformat() if isinstance(value, date) else value


@pytest.mark.parametrize(
    ("calculator", "known", "attribute", "expected", "sentence"),
    DECIDING,
    ids=[f"{row[0]}-{'-'.join(row[1])}-{i}" for i, row in enumerate(DECIDING)],
)
def test_one_known_fact_decides_without_asking(
    calculator: str, known: dict[str, Any], attribute: str, expected: Any, sentence: str
) -> None:
    """Each row: the value alone decides by the quoted sentence; nothing is left to ask."""
    assert sentence
    result = CALCULATORS[calculator].run(**known)
    assert result.missing == [], (calculator, known, result.missing)
    assert _decision(result, attribute) == expected, (calculator, known, result.summary)


def test_every_partial_rule_has_a_deciding_row() -> None:
    """Every rule that evaluates with missing inputs is audited by at least one deciding value."""
    audited = {row[0] for row in DECIDING}
    assert set(PARTIAL_RULES) - {"pro_a_certification"} <= audited


# pro_a_certification is left out: the certification's name is its required input, without which there is
# no rule to evaluate (its reader refuses the call before any condition is read)
@pytest.mark.parametrize("calculator", sorted(set(PARTIAL_RULES) - {"pro_a_certification"}))
def test_with_nothing_known_a_partial_rule_asks_instead_of_deciding(calculator: str) -> None:
    """The converse: with no input at all, a partial rule names what it needs (it never invents a case)."""
    spec = CALCULATORS[calculator]
    result = spec.run()
    assert result.missing, calculator


@given(
    known=st.fixed_dictionaries(
        {},
        optional={
            "contract": st.sampled_from(["CDI", "CDD"]),
            "months_as_employee": st.integers(0, 480),
            "months_in_organisation": st.integers(0, 480),
            "cep_in_last_5_years": st.booleans(),
        },
    )
)
def test_cep_missing_inputs_could_each_change_the_result(known: dict[str, Any]) -> None:
    """Art. 5, three-valued: a decided result never lists a missing input, and an open one lists only inputs
    not given; with a CEP in the last 5 years the answer is no whatever else is known."""
    if known.get("contract") == "CDD" and "months_as_employee" in known:  # counted over 5 years: at most 60
        known["months_as_employee"] = min(known["months_as_employee"], 60)
    if "months_as_employee" in known and "months_in_organisation" in known:
        known["months_in_organisation"] = min(known["months_in_organisation"], known["months_as_employee"])
    result = CALCULATORS["cep_absence"].run(**known)
    assert (result.eligible is None) == bool(result.missing)
    assert not set(result.missing) & set(known)
    if known.get("cep_in_last_5_years"):
        assert result.eligible is False


@given(
    grades=st.fixed_dictionaries(
        {},
        optional={key: st.integers(0, 20) for key in ("continuous_common", "continuous_option", "written", "oral")},
    )
)
def test_cqp_an_eliminatory_grade_decides_whatever_else_is_known(grades: dict[str, int]) -> None:
    """Circulaire, V: « sans note éliminatoire » — a written or oral grade of 6 or less fails the candidate
    whatever the other grades, known or not."""
    result = CALCULATORS["cqp_certification"].run(**grades)
    if grades.get("written", 20) <= 6 or grades.get("oral", 20) <= 6:
        assert result.certified is False and result.missing == []
    assert (result.certified is None) == bool(result.missing)
