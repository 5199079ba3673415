"""A sector named with the texts' own words, and a group of employers read as written (oos20, #21).

The accord, art. 12 (art. 11 before the avenant's renumbering): "Il est d'application impérative à l'ensemble des
organismes du régime général de sécurité sociale." Its art. 9.3 (avenant, art. 3): "Le montant de la prime est fixé
à 7 points par mois pour chaque action de formation professionnelle réalisée par un salarié intervenant en tant que
formateur interne à titre accessoire." — no bonus of a teacher "dans l'enseignement privé sous contrat", though the
texts write "enseignement", "privé" and "contrat" (each somewhere, never the phrase), nor of an insurer's staff:
"assureurs" shares only its stem with "l'Assurance maladie". A place of the texts' own ("Dans la convention COS",
"Dans les grandes caisses", "chez les allocataires") stays theirs. Questions mine.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.corpus_words import corpus_phrases, corpus_words
from assistant.answering.fronted_place import foreign_setting
from assistant.answering.qualifiers import foreign_domain, foreign_qualifier

TODAY = date(2026, 11, 29)


def _readers(assistant: Any) -> tuple[Any, Any]:
    return corpus_words(assistant.retriever.passage_texts()), corpus_phrases(
        assistant.retriever.passages(), assistant._text_names
    )


@pytest.mark.integration
@pytest.mark.parametrize(
    ("question", "sector"),
    [
        (
            "Dans l'enseignement privé sous contrat, un enseignant qui forme ses collègues touche-t-il une prime ?",
            "enseignement prive sous contrat",
        ),
        (
            "Dans la sécurité privée, un salarié sans formation depuis 4 ans a-t-il une formation garantie ?",
            "securite privee",
        ),
        ("Dans la restauration collective, un tuteur accompagne combien d'apprentis ?", "restauration collective"),
    ],
)
def test_a_sector_in_the_texts_words_is_another_framework(assistant: Any, question: str, sector: str) -> None:
    vocabulary, phrases = _readers(assistant)
    assert foreign_setting(question, vocabulary, phrases) == sector


@pytest.mark.integration
@pytest.mark.parametrize(
    "question",
    [
        "Dans l'accord consolidé, l'abondement du CPF c'est quel article maintenant ?",  # an indexed text
        "Dans la convention COS, combien d'heures au total pour PREM'SS ?",  # an indexed text, by its name
        "Dans les grandes caisses, un tuteur peut-il suivre plus de trois alternants ?",  # the texts' employers
        "Dans une grande entreprise privée, un tuteur touche-t-il une prime ?",  # indefinite: the asker's case
        "Dans l'ordre, qui intervient pour qu'un stagiaire soit certifié ?",  # a locution
        "Dans le régime général, combien touche un tuteur ?",  # the texts' own phrase
    ],
)
def test_a_place_of_the_texts_own_stays_theirs(assistant: Any, question: str) -> None:
    vocabulary, phrases = _readers(assistant)
    assert foreign_qualifier(question, vocabulary, phrases) is None


@pytest.mark.integration
def test_a_group_of_employers_is_read_as_written(assistant: Any) -> None:
    vocabulary, phrases = _readers(assistant)
    insurers = "Chez les assureurs, un collaborateur qui anime une formation interne touche-t-il une prime ?"
    assert foreign_domain(insurers, vocabulary, phrases) == "assureurs"
    for own in (
        "Le job qui consiste à vérifier chez les familles si ce qu'elles ont déclaré est exact, c'est quel CQP ?",
        "Le certificat des agents qui vérifient chez les allocataires leur situation est-il au RNCP ?",
        "Chez les cadres, le CEP est-il dispensé par l'APEC ?",
    ):
        assert foreign_domain(own, vocabulary, phrases) is None, own


@pytest.mark.integration
def test_the_sector_is_refused_and_named(assistant: Any) -> None:
    question = "Dans l'enseignement privé sous contrat, un enseignant qui forme ses collègues touche-t-il une prime ?"
    answer = assistant.ask(question, today=TODAY)
    assert answer.route == "refusal"
    assert "enseignement privé sous contrat" in answer.text and "7 points" not in answer.text
    own = assistant.ask("Dans le régime général, combien de points par mois touche un formateur interne ?", today=TODAY)
    assert own.route != "refusal" and "7 points" in own.text
