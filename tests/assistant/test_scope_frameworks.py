"""Another framework named by the question: a dated text or an employer the texts never name (issue #21).

Read from the message's grammar (a kind of text followed by its year; a name in capitals after an article, in
the person asked about or in who asks) and checked against the real texts (`chunks`: every passage of the
shipped corpus, with the indexed texts' names). The questions are written for these tests, in other words than
any evaluation set.
"""

from __future__ import annotations

import pytest

from assistant.answering.corpus_words import CorpusPhrases
from assistant.answering.frameworks import foreign_organisation, foreign_text
from assistant.routing.subject import asks_only_the_law
from ingest.models import Chunk

NAMES = ["Protocole d'accord relatif à la formation professionnelle du 19 décembre 2019", "avenant", "circulaire"]


@pytest.fixture(scope="module")
def phrases(chunks: list[Chunk]) -> CorpusPhrases:
    return CorpusPhrases([c.context_text for c in chunks] + NAMES)


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("La convention collective nationale de 1965 accorde-t-elle une prime au tuteur ?", "convention 1965"),
        ("D'après le décret du 28 décembre 2018, qui peut être accompagnateur AFEST ?", "decret 2018"),
        ("L'ordonnance de 2017 change-t-elle le CPF des salariés ?", "ordonnance 2017"),
        ("Selon l'accord du 4 mars 2021, combien d'heures pour une VAE ?", "accord 2021"),
    ],
)
def test_a_text_named_by_a_year_the_texts_never_cite_is_another_framework(
    question: str, text: str, phrases: CorpusPhrases
) -> None:
    assert foreign_text(question, phrases) == text


@pytest.mark.parametrize(
    "question",
    [
        "Dans l'accord de 2019, le tuteur accompagne combien de salariés ?",  # the protocole itself
        "L'avenant de 2022 a-t-il changé la durée du congé VAE ?",  # the avenant itself
        "La loi de 2018 sur l'avenir professionnel, c'est celle que l'accord transpose ?",  # cited: 5 septembre 2018
        "Le protocole d'accord de 2015 sur les frais de déplacement s'applique-t-il au CEP ?",  # cited in art. 5
        "Quelle loi l'accord de 2019 transpose-t-il ?",  # "loi" is not the kind dated here: "accord … 2019" is
    ],
)
def test_the_texts_own_dated_texts_are_not_another_framework(question: str, phrases: CorpusPhrases) -> None:
    assert foreign_text(question, phrases) is None


@pytest.mark.parametrize(
    ("question", "organisation"),
    [
        ("Une infirmière de l'Assistance publique peut-elle suivre une Pro-A ?", "Assistance"),
        ("Je suis contractuel de la Poste : combien d'heures pour préparer ma VAE ?", "Poste"),
        ("Un conseiller de la SNCF a-t-il droit à la prime de formateur interne ?", "SNCF"),
        ("Agent d'accueil chez Decathlon, puis-je demander un CEP payé ?", "Decathlon"),
    ],
)
def test_an_employer_the_texts_never_name_is_another_framework(
    question: str, organisation: str, phrases: CorpusPhrases
) -> None:
    assert organisation in (foreign_organisation(question, phrases) or "")


@pytest.mark.parametrize(
    "question",
    [
        "Un technicien de la CPAM peut-il passer le CQP gestionnaire conseil ?",  # named in the fiche
        "Une assistante sociale de l'UGECAM est-elle concernée par l'annexe 2 ?",  # named in annexe 2
        "Un salarié de l'Urssaf en CDD a droit au CEP ?",  # named in the fiche
        "Un bénéficiaire de l'AAH peut-il signer un contrat de professionnalisation ?",  # spelled out in art. 3
        "La prime de Karim pour son tutorat est de combien ?",  # a first name, no article: the user's case
        "Un contrat pro mène-t-il à un CQP, ou seulement à un titre de l'Éducation nationale ?",  # compared, not asked
    ],
)
def test_the_branch_s_own_organisations_and_the_user_s_names_are_not_another_framework(
    question: str, phrases: CorpusPhrases
) -> None:
    assert foreign_organisation(question, phrases) is None


@pytest.mark.parametrize(
    "question",
    [
        "Sur le plan légal, combien de jours de congé pour un examen ?",
        "Du point de vue de la loi, un stagiaire a-t-il droit à une gratification ?",
        "Au niveau légal, qui paie la formation d'un apprenti ?",
    ],
)
def test_the_law_named_as_the_level_of_the_rule_is_asking_the_law(question: str) -> None:
    """ "Au niveau légal", "sur le plan légal": the law is the framework asked, not the branch's texts."""
    assert asks_only_the_law(question)


def test_the_law_s_level_set_beside_the_branch_asks_the_branch() -> None:
    assert not asks_only_the_law("Au niveau légal c'est 24 heures, et l'accord de branche prévoit combien ?")
