"""An undecided rule states what the known facts already decide, and the figures of what still decides (issue #13).

A question back is not an answer: "avec un BTS, mon diplôme me ferme-t-il la Pro-A ?" is answered by the diploma
alone, and "en CDI, quelle ancienneté faut-il pour le CEP ?" by the CDI's threshold, even though the rule still
needs the contract or the seniority to say oui or non for the asker.
"""

from __future__ import annotations

import pytest

from calculators.cep_absence import cep_absence
from calculators.pro_a import pro_a_eligibility


@pytest.mark.parametrize("diploma", ["CAP", "bac", "BTS", 5, "sans diplôme"])
def test_a_qualification_under_the_licence_is_said_not_to_close_the_pro_a(diploma):
    """Art. 2.3: « Sont concernés, les salariés n'ayant pas atteint un niveau de qualification sanctionné par une
    certification professionnelle enregistrée au RNCP et correspondant au grade de la licence. »"""
    result = pro_a_eligibility(None, diploma)
    assert result.eligible is None and result.missing == ["contract"]
    assert "n'atteint pas le grade de la licence" in result.summary
    assert "ne vous ferme pas la Pro-A" in result.summary
    assert "CDI ou en CUI-CDI" in result.summary


def test_a_licence_still_closes_it_whatever_the_contract():
    """Same sentence: the licence grade reached, the contract no longer matters."""
    result = pro_a_eligibility(None, "licence")
    assert result.eligible is False and "licence" in result.summary


@pytest.mark.parametrize(
    ("contract", "expected", "absent"),
    [
        ("CDI", "en CDI, au moins 5 années d'ancienneté en qualité de salarié, dont 12 mois dans l'organisme", "CDD"),
        ("CDD", "en CDD, au moins 24 mois d'activité salariée au cours des 5 dernières années, dont 4 mois", "CDI"),
    ],
)
def test_the_contract_s_seniority_threshold_is_stated_while_undecided(contract, expected, absent):
    """Art. 5: « tout salarié en CDI qui justifie d'une ancienneté d'au moins 5 années passées en qualité de salarié
    dont 12 mois au sein de l'organisme, ou tout salarié en CDD justifiant d'au moins 24 mois d'activité salariée
    au cours des 5 dernières années dont 4 mois au sein de l'organisme bénéficie à sa demande d'une autorisation
    d'absence rémunérée de 1 demi-journée »."""
    result = cep_absence(contract)
    assert result.eligible is None
    assert expected in result.summary
    assert f"en {absent}," not in result.summary


def test_both_thresholds_are_stated_when_the_contract_is_unknown():
    summary = cep_absence().summary
    assert "en CDI, au moins 5 années" in summary and "en CDD, au moins 24 mois" in summary


@pytest.mark.parametrize("contract", ["CDI", "CDI à temps partiel", "CDI à 50 %", "CUI-CDI"])
def test_an_open_ended_contract_is_said_to_meet_its_condition_while_undecided(contract):
    """Art. 2.3: « La Pro-A concerne les salariés en contrat à durée indéterminée et les salariés bénéficiaires d'un
    contrat unique d'insertion à durée indéterminée, […] ainsi que les salariés en activité partielle. » — "je suis
    à temps partiel en CDI : cela m'empêche-t-il de bénéficier d'une Pro-A ?" is answered by the contract (calc18)."""
    result = pro_a_eligibility(contract, None)
    assert result.eligible is None and result.missing == ["diploma_level"]
    assert "remplit la condition de l'article 2.3" in result.summary
    assert "contrat à durée indéterminée (à temps plein, à temps partiel ou en activité partielle)" in result.summary
