"""The date from which a new CEP absence may be granted, computed from the last one (art. 5; calc18).

Art. 5 of the protocole: "Elle n'est pas accordée au salarié qui a déjà bénéficié de ce conseil au cours des 5
dernières années." — "j'ai eu un CEP en mars 2022 : à partir de quand puis-je en obtenir un nouveau ?" is answered by
the date 5 years after it, not only by the refusal.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.router import route
from calculators.cep_absence import cep_absence
from calculators.registry import CALCULATORS
from calculators.result import CalcError

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("last", "renewal"),
    [
        (date(2022, 3, 31), "31 mars 2027"),
        (date(2023, 6, 12), "12 juin 2028"),
        (date(2024, 2, 29), "1er mars 2029"),  # the anniversary of 29 February in a common year (docs/CALCULATORS.md)
    ],
)
def test_the_renewal_date_is_five_years_after_the_last_cep(last, renewal):
    result = cep_absence(cep_in_last_5_years=True, last_cep=last)
    assert result.eligible is False and result.missing == []
    assert f"à partir du {renewal}" in result.summary


def test_a_malformed_date_is_refused_in_french():
    with pytest.raises(CalcError):
        CALCULATORS["cep_absence"].run(cep_in_last_5_years=True, last_cep="l'an dernier")


@pytest.mark.parametrize(
    ("question", "last", "noted"),
    [
        (
            "J'ai bénéficié d'un conseil en évolution professionnelle en mars 2022 : à partir de quand puis-je en "
            "obtenir un nouveau ?",
            date(2022, 3, 31),
            True,
        ),
        ("J'ai déjà fait un CEP le 12 juin 2023, quand pourrai-je en refaire un ?", date(2023, 6, 12), False),
    ],
)
def test_the_date_of_the_last_cep_is_read(question, last, noted):
    decision = route(question, TODAY)
    assert decision.calculator == "cep_absence"
    assert decision.arguments == {"cep_in_last_5_years": True, "last_cep": last}
    assert bool(decision.notes) is noted  # a month said: its last day, and a note saying so
