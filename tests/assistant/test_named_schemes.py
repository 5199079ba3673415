"""The scheme a question names decides which articles answer it (issue #13, unseen-2026b class 2).

Articles 2 (Pro-A) and 3 (contrat de professionnalisation) have parallel sentences (durations,
beneficiaries, funding); a "contrat de pro" question must be answered from article 3.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.answering.dispositifs import named_schemes, search_text
from assistant.service import Assistant

PROTOCOLE = "accord-2019-12-19-formation-professionnelle"
TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("question", "schemes"),
    [
        ("le contrat de pro dure combien ?", {"professionalisation"}),
        ("les contrats pro sont financés par qui ?", {"professionalisation"}),
        ("La Pro-A dure combien de temps ?", {"pro_a"}),
        ("Pro-A ou contrat de professionnalisation, lequel pour un CDD ?", {"pro_a", "professionalisation"}),
        ("Le CEP est-il payant ?", {"cep"}),
        ("Quelle est la durée du préavis de la convention ?", set()),
    ],
)
def test_the_schemes_a_question_names(question: str, schemes: set[str]) -> None:
    assert named_schemes(question) == schemes


def test_a_short_name_is_searched_with_the_texts_name() -> None:
    assert search_text("contrat pro : qui paie ?").endswith("contrat de professionnalisation")
    assert search_text("La Pro-A dure combien de temps ?") == "La Pro-A dure combien de temps ?"


@pytest.mark.integration
@pytest.mark.parametrize(
    ("question", "section"),
    [
        # Art. 3.4: « La durée de l'action de professionnalisation est comprise entre 6 et 12 mois. »
        ("contrat pro : il dure au minimum et au maximum combien ?", "3.4"),
        # Art. 3.7: « Le financement des contrats de professionnalisation est assuré par la contribution légale
        # mutualisée au sein de l'OPCO. »
        ("Qui finance les contrats de pro qu'on signe avec nos alternants ?", "3.7"),
    ],
)
def test_a_contrat_de_pro_question_is_answered_from_article_3(
    assistant: Assistant, question: str, section: str
) -> None:
    answer = assistant.ask(question, today=TODAY)
    sections = [c.section for c in answer.citations if c.document == PROTOCOLE]
    assert any(s.startswith(f"Article {section}") for s in sections), sections
    assert not any(s.startswith("Article 2") for s in sections), sections
