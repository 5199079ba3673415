"""Near-corpus questions made foreign by a frame the texts do not hold, and a refusal that names it (oos19, #21).

The accord, art. 12: "Il est d'application impérative à l'ensemble des organismes du régime général de sécurité
sociale." Its art. 4.3 ("il correspond à 7 points par mois, complet ou non") is no bonus of a tutor in a Belgian or
Swiss body, nor of a civil servant ("fonctionnaire", a status the texts never give their staff: they write
"salariés" and "agents"), nor of a railway company named in an apposition ("Conducteur à la SNCF, …"). The avenant,
art. 5: "Pour les années 2023 à 2025, le taux de la contribution conventionnelle supplémentaire est maintenu à
0,15 %." — what a next accord will hold is no text indexed. A count of what a body holds ("combien de formateurs
permanents compte …") is a statistic the texts state only with a figure before the noun (`census`); one asked with
a calculator's words is no calculation. The refusal says which of these made the question foreign. Questions mine.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering import wording
from assistant.answering.census import asked_census
from assistant.answering.corpus_words import corpus_phrases, corpus_words
from assistant.answering.frameworks import foreign_future_text
from assistant.answering.fronted_place import foreign_setting, foreign_workplace
from assistant.answering.qualifiers import foreign_kind_of_scheme, foreign_qualifier

TODAY = date(2026, 11, 29)


def _readers(assistant: Any) -> tuple[Any, Any]:
    return corpus_words(assistant.retriever.passage_texts()), corpus_phrases(
        assistant.retriever.passages(), assistant._text_names
    )


@pytest.mark.integration
@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("En Suisse, une tutrice de la SUVA touche-t-elle 7 points par mois ?", "Suisse"),
        ("Conducteur à la RATP, ai-je droit à un congé pour ma VAE ?", "RATP"),
        ("Infirmière chez Korian, combien d'heures de congé VAE sans le bac ?", "Korian"),
    ],
)
def test_a_country_or_a_name_put_in_front_is_another_framework(assistant: Any, question: str, place: str) -> None:
    vocabulary, phrases = _readers(assistant)
    assert foreign_setting(question, vocabulary, phrases) == place


@pytest.mark.integration
@pytest.mark.parametrize(
    "question",
    [
        "En CDD, ai-je droit à la demi-journée pour un CEP ?",  # a contract, in capitals
        "En ETP, combien d'années d'activité pour une VAE ?",  # a unit
        "En bref, combien de points touche un tuteur ?",  # no name
        "Tuteur à la Caf, combien de points par mois ?",  # an employer of the texts
        "Agents du téléphone et du guichet : quel CQP les certifie ?",  # a role, not an employer
    ],
)
def test_the_texts_own_frames_move_nothing(assistant: Any, question: str) -> None:
    vocabulary, phrases = _readers(assistant)
    assert foreign_qualifier(question, vocabulary, phrases) is None


@pytest.mark.integration
def test_a_status_the_texts_never_give_their_staff(assistant: Any) -> None:
    vocabulary, phrases = _readers(assistant)
    question = "Fonctionnaire de la DGFiP, puis-je toucher la prime de formateur interne ?"
    assert foreign_workplace(question, vocabulary, phrases) == "fonctionnaire"
    assert foreign_workplace("Salarié de la Carsat, puis-je toucher la prime ?", vocabulary, phrases) is None


@pytest.mark.integration
def test_a_text_to_come_is_no_text_indexed(assistant: Any) -> None:
    _, phrases = _readers(assistant)
    assert (
        foreign_future_text("La future convention relèvera-t-elle le taux de 0,15 % ?", phrases) == "future convention"
    )
    assert foreign_future_text("Pour 2024, le taux de la contribution est-il maintenu ?", phrases) is None
    assert foreign_future_text("Le nouvel avenant a-t-il changé le congé VAE ?", phrases) is None  # the 2022 one
    answer = assistant.ask("Le futur accord de branche doublera-t-il la prime de tuteur ?", today=TODAY)
    assert answer.route == "refusal" and "un texte à venir" in answer.text


@pytest.mark.integration
def test_a_count_of_what_a_body_holds_is_a_statistic() -> None:
    assert asked_census("Combien de formateurs permanents emploie l'EN3S ?") == ("formateurs permanents", [], [])
    assert asked_census("Combien de salariés un tuteur peut-il accompagner ?") is None  # a rule's limit


@pytest.mark.integration
def test_a_statistic_is_no_calculation(assistant: Any) -> None:
    answer = assistant.ask("Combien de formateurs internes ont touché la prime en 2024 dans la branche ?", today=TODAY)
    assert answer.route == "refusal" and "chiffre constaté" in answer.text


@pytest.mark.integration
def test_the_refusal_names_what_made_the_question_foreign(assistant: Any) -> None:
    answer = assistant.ask("Conducteur à la RATP, ai-je droit à un congé pour ma VAE ?", today=TODAY)
    assert answer.route == "refusal"
    assert "« RATP »" in answer.text and "régime général" in answer.text
    assert "\n" not in answer.text and "24 heures" not in answer.text


def test_the_refusal_without_a_reason_is_unchanged() -> None:
    assert wording.refusal(None).startswith(
        "Les textes indexés ne traitent pas de cette question : je ne peux pas vous répondre"
    )
    assert "« BTP »" in wording.refusal(None, None, wording.foreign_why("BTP"))


@pytest.mark.integration
def test_a_scheme_with_a_participle_the_texts_never_use_is_another_scheme(assistant: Any) -> None:
    """Art. 7: "La validation des acquis de l'expérience permet d'accéder à tout ou partie d'une certification
    professionnelle" — a "VAE hybridée" or a "Pro-A sponsorisée" is no scheme of theirs; a "VAE collective" is
    ("encourage la démarche collective de validation des acquis de l'expérience")."""
    vocabulary, phrases = _readers(assistant)
    assert foreign_kind_of_scheme("Une Pro-A sponsorisée par l'employeur dure combien ?", vocabulary, phrases)
    assert foreign_kind_of_scheme("La VAE collective est-elle encouragée ?", vocabulary, phrases) is None
    assert foreign_kind_of_scheme("Mes 14 mois de tutorat cumulés font combien ?", vocabulary, phrases) is None
