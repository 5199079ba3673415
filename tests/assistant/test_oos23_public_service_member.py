"""The public service named by its member, and a convention named right after its noun (oos23, #21).

The accord, art. 12 (art. 11 before the avenant's renumbering): "Il est d'application impérative à l'ensemble des
organismes du régime général de sécurité sociale." Their staff are "salariés" and "agents"; a "fonctionnaire"
(territorial, hospitalier, d'État) works under the civil service's rules, which the texts never state, whatever
scheme the question names (the CPF, a VAE leave). Art. 6: "Les organismes assurent, tous les 6 ans, au moins deux
entretiens professionnels et un entretien de bilan." — the branch's rule, not that of "la convention collective
Syntec" or of another convention named by its name. A convention of the texts' own, named by its initials ("la
convention COS"), stays theirs. Questions mine.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answering.corpus_words import corpus_phrases, corpus_words
from assistant.answering.qualifiers import foreign_domain, foreign_qualifier


def _readers(assistant: Any) -> tuple[Any, Any]:
    return corpus_words(assistant.retriever.passage_texts()), corpus_phrases(
        assistant.retriever.passages(), assistant._text_names
    )


@pytest.mark.integration
@pytest.mark.parametrize(
    "question",
    [
        "Ma sœur est fonctionnaire hospitalière : touche-t-elle la prime de tutrice quand elle forme une stagiaire ?",
        "Un fonctionnaire d'État détaché a-t-il droit à la garantie d'une formation tous les quatre ans ?",
        "Les fonctionnaires territoriaux ont-ils une absence payée pour un conseil en évolution professionnelle ?",
    ],
)
def test_a_civil_servant_is_the_public_service(assistant: Any, question: str) -> None:
    vocabulary, phrases = _readers(assistant)
    assert foreign_domain(question, vocabulary, phrases) == "fonction publique"


@pytest.mark.integration
def test_a_convention_named_after_its_noun_is_another_framework(assistant: Any) -> None:
    vocabulary, phrases = _readers(assistant)
    question = "La convention collective Habitat prévoit-elle une prime pour le tuteur d'un alternant ?"
    assert foreign_domain(question, vocabulary, phrases) == "Habitat"
    other = "Selon l'accord de branche Métallia, combien d'entretiens professionnels ?"
    assert foreign_domain(other, vocabulary, phrases) == "Métallia"


@pytest.mark.integration
@pytest.mark.parametrize(
    "question",
    [
        "Dans la convention COS, qui paie les organismes de formation ?",  # the texts' own, by its initials
        "La convention Pro-A liste-t-elle le diplôme d'accompagnant éducatif et social ?",  # a scheme of theirs
        "Un agent en CDI depuis six ans a-t-il droit à une demi-journée pour un conseil en évolution professionnelle ?",
    ],
)
def test_the_texts_own_staff_and_conventions_stay_theirs(assistant: Any, question: str) -> None:
    vocabulary, phrases = _readers(assistant)
    assert foreign_qualifier(question, vocabulary, phrases) is None
