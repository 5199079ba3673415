"""A count of what happened or exists asked of the texts, and whether they state it (`answering.census`, #21).

The texts state counts of what exists: the CQP sheet, "Le Régime général de la Sécurité sociale compte aujourd'hui 8
Certificats de Qualification Professionnelle, créés depuis 2005"; the avenant's annexe 5, "Le manager stratégique,
dont le nombre est en progression dans l'Institution (plus de 3 000 en 2021)". They never count what happened in a
year ("how many signed a Pro-A in 2020") nor in a region the texts never write. The questions below are mine, not an
evaluation item's wording."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.census import _counts, asked_census, unstated_census
from assistant.answering.corpus_words import corpus_phrases

FICHE = (
    "Le Régime général de la Sécurité sociale compte aujourd’hui 8 Certificats de Qualification Professionnelle, "
    "créés depuis 2005 par la Commission Paritaire Nationale de l’Emploi et de la Formation Professionnelle (CPNEFP)."
)
ANNEXE_5 = (
    "Le manager stratégique, dont le nombre est en progression dans l’Institution (plus de 3 000 en 2021), est un "
    "acteur essentiel dans l’organisation, entre cadres dirigeants et managers opérationnels voire salariés."
)
STATISTIC = "Combien d'alternants ont été embauchés par les caisses en 2020 ?"
IN_A_REGION = "Combien de conseillers offres de services travaillent en Normandie ?"
STOCK = "Combien de managers stratégiques l'Institution comptait-elle en 2021 ?"
CREATED = "Depuis 2005, combien de CQP ont été créés par la commission paritaire du régime général ?"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (STATISTIC, ("alternants", ["2020"], [])),
        ("Combien de tutrices ont touché la prime depuis 2020 ?", ("tutrices", ["2020"], [])),
        ("Combien de salariés ont décroché un CQP de la branche ?", ("salaries", [], [])),  # a past event
        (IN_A_REGION, ("conseillers", [], ["Normandie"])),
        (STOCK, ("managers strategiques", ["2021"], [])),  # the adjective is part of what is counted
    ],
)
def test_a_count_of_events_or_fixed_by_a_year_or_place_is_a_statistic(question: str, expected: Any) -> None:
    assert asked_census(question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "Combien de salariés un tuteur peut-il accompagner en même temps ?",  # the rule's limit (art. 4.2)
        "Combien de tuteurs sont prévus pour un alternant ?",  # "être" + participle: the rule in the passive
        "Combien de mois a duré ma mission de tutorat en 2025 ?",  # a unit: the rule's measure, not a statistic
        "Combien de temps l'accord de 2019 reste-t-il applicable ?",
        "Combien de certifications compte la liste de l'avenant de 2022 ?",  # a year naming a text, not the count's
        "Mon alternante a combien de personnes à suivre ?",  # "à suivre": an infinitive, no past tense
    ],
)
def test_a_rules_count_is_no_statistic(question: str) -> None:
    assert asked_census(question) is None


def test_a_figure_by_the_noun_states_the_count() -> None:
    assert _counts(FICHE, "certifications")  # "8 Certificats": another form of the noun, with its figure
    assert _counts(ANNEXE_5, "managers strategiques")  # "dont le nombre … plus de 3 000": the figure after it
    assert not _counts(ANNEXE_5, "managers operationnels")  # the figure is the strategic managers'
    assert not _counts("Le titulaire pourra envisager un poste de manager stratégique.", "managers")  # "un": article


@pytest.mark.integration
def test_a_statistic_the_texts_never_give_is_refused(assistant: Any) -> None:
    phrases = corpus_phrases(assistant.retriever.passages(), assistant._text_names)
    for question in (STATISTIC, IN_A_REGION):
        assert unstated_census(question, assistant._search(question, 10), phrases) is not None
        assert assistant.ask(question, today=date(2026, 11, 29)).route == "refusal"


@pytest.mark.integration
def test_a_count_the_sheet_states_for_its_years_is_answered(assistant: Any) -> None:
    """The sheet's "8 Certificats … créés depuis 2005" states the count of CQPs created since 2005."""
    phrases = corpus_phrases(assistant.retriever.passages(), assistant._text_names)
    assert asked_census(CREATED) == ("cqp", ["2005"], [])
    assert unstated_census(CREATED, assistant._search(CREATED, 10), phrases) is None
    answer = assistant.ask(CREATED, today=date(2026, 11, 29))
    assert answer.route == "retrieval" and "8" in answer.text
