"""A sum or a share asked of something the texts name, that no passage of its sections states, is refused (oos27, #21).

The texts name the EN3S master, the CQPs, their juries and France VAE but give none of their figures: the fiche of
the CQP Manager opérationnel says "Le CQP est inscrit au Répertoire National de la Certification Professionnelle
(RNCP) au niveau 6 de qualification sous le numéro 35271" — no salary, no pass rate. Where they do give a sum, they
write it with its unit: the circular of the CQP gestionnaire conseil, "à raison de 12 €/h pour l'année 2013"; the
accord, art. 4.3, "Le montant de la prime est fixé à 7 points par mois". The contrat de professionnalisation's pay is
a rule in words (art. 3.5, "la rémunération … de la classification"), which is its answer. Questions mine.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answering.unstated_value import MONEY, OFFICE, SHARE, asked_value, unstated_value


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Quel est le salaire d'un conseiller après son CQP ?", MONEY),
        ("L'EN3S finance-t-elle le master à hauteur de combien ?", MONEY),
        ("Les jurés sont-ils indemnisés, et combien ?", MONEY),
        ("Combien gagne un délégué de l'assurance maladie ?", MONEY),
        ("En 2025, combien l'OPCO paie-t-il de l'heure ?", MONEY),
        ("Quel pourcentage des stagiaires obtient le CQP ?", SHARE),
        ("Quel est le taux de réussite au master ?", SHARE),
        ("Qui préside la commission paritaire cette année ?", OFFICE),
        ("Quel est le nom de la directrice de l'EN3S ?", OFFICE),
    ],
)
def test_a_sum_or_a_share_asked_by_its_grammar(question: str, kind: str) -> None:
    asked = asked_value(question)
    assert asked is not None and asked.kind == kind


@pytest.mark.parametrize(
    "question",
    [
        "Quels frais l'abondement peut-il couvrir ?",  # a plural: which kinds, a list in words
        "Qui fixe combien coûtent les formations des alternants ?",  # who is asked
        "Un point vaut 5,50 € : combien touche le tuteur pour 3 mois ?",  # a sum of the user's own to compute from
        "Quel est le taux de prise en charge de la Pro-A ?",  # the texts' own rate, read by the other checks
        "Combien d'heures dure le module Prem'ss ?",  # a length, not a sum
        "Qui peut être tuteur d'un alternant ?",  # who may, not who holds an office
    ],
)
def test_what_is_not_a_sum_or_a_share_asked(question: str) -> None:
    assert asked_value(question) is None


def test_a_sum_is_stated_by_a_figure_with_its_unit_or_a_pay_by_its_rule() -> None:
    circular = "Les durées d'enseignement peuvent être prises en charge, à raison de 12 €/h pour l'année 2013."
    fiche = "Le CQP est inscrit au RNCP au niveau 6 de qualification sous le numéro 35271."
    pay = "Les bénéficiaires perçoivent une rémunération calculée sur la base de la classification."
    headcount = "Selon les branches, 25 à 32 % de salariés ayant 55 ans et plus."
    assert unstated_value("En 2013, combien l'OPCA payait-il de l'heure ?", [circular], True) is None
    assert unstated_value("Quel salaire après le CQP ?", [fiche], True) is not None
    assert unstated_value("Quel salaire minimum en contrat pro ?", [pay], True) is None
    assert unstated_value("Quel est le montant versé au jury ?", [headcount], True) is not None  # a share, no sum
    assert unstated_value("Quel pourcentage des candidats réussit ?", [headcount], True) is None


def test_a_sum_of_another_year_is_no_answer() -> None:
    """The circular of the CQP gestionnaire conseil: "à raison de 12 €/h pour l'année 2013"."""
    circular = "Les durées d'enseignement peuvent être prises en charge, à raison de 12 €/h pour l'année 2013."
    tutor = "Le montant de la prime est fixé à 7 points par mois."
    assert unstated_value("À quel tarif horaire l'OPCO prend-il en charge en 2025 ?", [circular], True) is not None
    assert unstated_value("En 2013, à quel tarif horaire l'OPCA prenait-il en charge ?", [circular], True) is None
    assert unstated_value("Quel est le montant de la prime de tutorat en 2026 ?", [tutor], True) is None


def test_an_office_is_stated_only_by_its_own_word() -> None:
    """The accord, art. 6: "l'employeur ou son représentant" states who represents the employer at the review."""
    review = "Les partenaires sociaux conviennent que l'employeur ou son représentant, lors de l'entretien, …"
    cpnefp = "La CPNEFP définit les priorités de financement au titre des fonds mutualisés."
    assert unstated_value("Qui représente l'employeur lors de l'entretien ?", [review], True) is None
    assert unstated_value("Qui préside la CPNEFP cette année ?", [cpnefp], True) is not None


def test_a_price_of_a_scheme_the_texts_make_is_left_to_the_silent_reading() -> None:
    """`unstated_price`'s criterion: "Combien coûte une Pro-A à l'employeur ?" keeps its partial answer."""
    fiche = "Le financement de la Pro-A est assuré par la contribution légale mutualisée au sein de l'OPCO."
    assert unstated_value("Combien coûte une Pro-A à l'employeur ?", [fiche], priced_thing=False) is None
    assert unstated_value("Combien coûte le CQP manager ?", [fiche], priced_thing=True) is not None


@pytest.mark.integration
@pytest.mark.parametrize(
    "question",
    [
        "Titulaire du CQP manager opérationnel, je serai payé à quel salaire brut ?",
        "Quel pourcentage des inscrits décroche le CQP gestionnaire conseil ?",
        "Quel est le budget annuel de la CPNEFP pour la Pro-A ?",
        "Qui représente la CGT dans la commission paritaire nationale de l'emploi ?",
        "En 2026, à quel tarif horaire l'opérateur de compétences finance-t-il les contrats de professionnalisation ?",
    ],
)
def test_the_assistant_refuses_a_figure_the_texts_never_give(assistant: Any, question: str) -> None:
    assert assistant.ask(question).route == "refusal"


@pytest.mark.integration
@pytest.mark.parametrize(
    "question",
    [
        "En 2013, à combien de l'heure Uniformation prenait-il en charge le parcours du CQP gestionnaire conseil ?",
        "Quel est le montant de la prime de tutorat par mois ?",
    ],
)
def test_a_figure_the_texts_give_is_still_answered(assistant: Any, question: str) -> None:
    assert assistant.ask(question).route != "refusal"
