"""The asked rule's owner named outside the texts, though its words look like theirs (oos25, #21).

The accord, art. 12: "Il est d'application impérative à l'ensemble des organismes du régime général de sécurité
sociale." Two qualifiers read from the message's grammar put a question under another owner:

* the domain after "la branche de / la convention collective de": its noun must be written by the texts, not only
  share a stem with one of their words ("la mutualité" is no "contribution mutualisée"), and a domain named with its
  complement after "à" ("l'aide à domicile") is paired whole with the noun that introduces it;
* a two-word name in capitals in the asked subject whose words the texts write but never the whole ("France VAE",
  "OPCO Santé"): retrieval meets "VAE" and answers with the branch's VAE article for a national platform's rules.

Checked against the real texts (`chunks`); the questions are written for these tests, in other words than any
evaluation set.
"""

from __future__ import annotations

import pytest

from assistant.answering.corpus_words import CorpusPhrases, CorpusWords
from assistant.answering.frameworks import foreign_organisation
from assistant.answering.qualifiers import foreign_domain
from ingest.models import Chunk


@pytest.fixture(scope="module")
def texts(chunks: list[Chunk]) -> list[str]:
    return [c.context_text for c in chunks]


@pytest.fixture(scope="module")
def phrases(texts: list[str]) -> CorpusPhrases:
    return CorpusPhrases(texts)


@pytest.fixture(scope="module")
def vocabulary(texts: list[str]) -> CorpusWords:
    return CorpusWords(texts)


@pytest.mark.parametrize(
    ("question", "domain"),
    [
        ("Dans la branche de la mutualité, le maître d'apprentissage a-t-il des points ?", "mutualite"),
        ("La convention collective de l'aide à domicile ouvre-t-elle la Pro-A aux auxiliaires ?", "aide a domicile"),
        ("Le secteur de la plasturgie finance-t-il le CEP de ses salariés ?", "plasturgie"),
    ],
)
def test_a_domain_the_texts_do_not_write_is_another_owner(
    question: str, domain: str, vocabulary: CorpusWords, phrases: CorpusPhrases
) -> None:
    assert domain in (foreign_domain(question, vocabulary, phrases) or "")


@pytest.mark.parametrize(
    "question",
    [
        "Dans la branche du régime général, qui pilote la contribution de 0,15 % ?",
        "La branche de la sécu finance-t-elle la Pro-A ?",  # a clipped word of theirs
        "Le CQP des techniciens, quelle branche de législation l'a demandé ?",  # "a" is a verb here, not "à"
        "Quels métiers du secteur de l'aide à domicile l'avenant décrit-il pour l'accompagnant éducatif ?",
    ],
)
def test_the_texts_own_domains_are_not_another_owner(
    question: str, vocabulary: CorpusWords, phrases: CorpusPhrases
) -> None:
    assert foreign_domain(question, vocabulary, phrases) is None


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Comment la plateforme France VAE instruit-elle un dossier ?", "France VAE"),
        ("Un agent de France Travail peut-il être tuteur d'un alternant ?", "France Travail"),
        ("Les règles de l'OPCO Santé sur la Pro-A sont-elles les mêmes ?", "OPCO Santé"),
    ],
)
def test_a_compound_name_the_texts_never_write_is_another_owner(
    question: str, name: str, phrases: CorpusPhrases
) -> None:
    assert foreign_organisation(question, phrases) == name


@pytest.mark.parametrize(
    "question",
    [
        "Que prévoit France compétences pour l'enregistrement du CQP ?",  # written by the texts (RNCP fiche)
        "Je reçois Mme Durand pour son entretien professionnel : que dois-je préparer ?",  # a person
        "Le diplôme du Master manager stratégique est-il éligible à la Pro-A ?",  # written as the texts' heading
    ],
)
def test_the_texts_own_names_and_persons_are_not_another_owner(question: str, phrases: CorpusPhrases) -> None:
    assert foreign_organisation(question, phrases) is None
