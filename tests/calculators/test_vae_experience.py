"""Access to a VAE: at least 1 year of activity linked to the certification (protocole, art. 7)."""

from __future__ import annotations

import pytest

from calculators.result import CalcError
from calculators.vae_experience import vae_experience

# (case, months, eligible)
CASES = [
    ("11 mois : moins d'une année", 11, False),
    ("12 mois : 1 année tout juste", 12, True),
    ("8 + 6 mois non continus", 14, True),
    ("aucune activité", 0, False),
]


@pytest.mark.parametrize(("case", "months", "eligible"), CASES, ids=[c[0] for c in CASES])
def test_one_year_of_activity_continuous_or_not(case, months, eligible):
    """Art. 7: « La validation des acquis de l'expérience permet d'accéder à tout ou partie d'une certification
    professionnelle dès lors que la personne justifie d'une activité, continue ou non, d'au moins 1 année, en
    lien avec la certification recherchée. »"""
    result = vae_experience(months)
    assert result.eligible is eligible, case
    assert result.references[0].section == "7"


def test_missing_months_are_stated():
    result = vae_experience(9.5)
    assert "il manque 2,5 mois" in result.summary
    assert any("répertoire national" in w for w in result.warnings)


@pytest.mark.parametrize("months", [-1, float("nan"), 2000])
def test_bad_input(months):
    with pytest.raises(CalcError):
        vae_experience(months)
