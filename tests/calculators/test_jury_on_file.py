"""A holder of an earlier certification learns whether the VAE jury hears an oral (circulaire du CQP GC, VI; calc18).

Circular VI: "Pour les candidats ayant obtenu la certification Tam Tam, Vadémécaf, Oméga+, Sm'pro ou Startech entre
juin 2009 et décembre 2013, le jury se prononcera sur dossier (pas d'oral, sauf si le jury l'estime nécessaire)."
The date decides the procedure whatever the admissibility still needs, so it leads the result (a question back
states what the known facts decide before asking the rest).
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.router import route
from calculators.registry import CALCULATORS
from calculators.result import CalcError
from calculators.vae import cqp_vae_eligibility

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("obtained", "on_file"),
    [
        (date(2009, 6, 1), True),
        (date(2011, 5, 1), True),
        (date(2013, 12, 31), True),
        (date(2009, 5, 31), False),
        (date(2014, 1, 1), False),
    ],
)
def test_the_date_of_the_earlier_certification_decides_the_oral(obtained, on_file):
    result = cqp_vae_eligibility(earlier_certificate_on=obtained)
    assert result.details["jury_on_file"] is on_file
    assert result.summary.startswith("Certification antérieure obtenue")
    assert ("se prononcera sur dossier (pas d'oral" in result.summary) is on_file
    assert result.missing == ["experience_years"]  # the admissibility is still the article 7's year


def test_the_jury_s_procedure_does_not_change_the_admissibility():
    with_date = cqp_vae_eligibility(4, earlier_certificate_on=date(2011, 5, 1))
    assert with_date.eligible is cqp_vae_eligibility(4).eligible is True


def test_a_malformed_date_is_refused_in_french():
    with pytest.raises(CalcError):
        CALCULATORS["cqp_vae_eligibility"].run(earlier_certificate_on="mai deux mille onze")


@pytest.mark.parametrize(
    ("question", "obtained"),
    [
        (
            "J'ai obtenu Oméga+ en mai 2011 : pour passer le CQP gestionnaire conseil par la VAE, aurai-je un oral ?",
            date(2011, 5, 1),
        ),
        (
            "J'ai eu Vadémécaf en mars 2012 : si je tente le CQP gestionnaire conseil en VAE, passerai-je un oral ?",
            date(2012, 3, 1),
        ),
    ],
)
def test_the_certificate_and_its_date_are_read(question, obtained):
    decision = route(question, TODAY)
    assert decision.calculator == "cqp_vae_eligibility"
    assert decision.arguments["earlier_certificate_on"] == obtained
    assert decision.follow_up and decision.follow_up.startswith("Certification antérieure obtenue entre juin 2009")
