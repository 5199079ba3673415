"""Which passage leads (`answering.section_lead`): the section model's section, when retrieval found it.

The passages of a question of my own are taken from the real index and put in an order where the model's section
is not first; the mechanism must bring it first, and leave the order alone when the question names a text, quotes
two values, or when either order would be refused."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answering.glossary_places import model_reading
from assistant.answering.section_lead import led_by_section
from knowledge.hybrid import Evidence

ACCORD = "accord-2019-12-19-formation-professionnelle"
# Art. 5 (Conseil en évolution professionnelle): "tout salarié en CDI qui justifie d'une ancienneté d'au moins
# 5 années … bénéficie à sa demande d'une autorisation d'absence rémunérée de 1 demi-journée en vue de réaliser un
# conseil en évolution professionnelle." Asked in my words, none of the article's title.
QUESTION = "Pour voir un conseiller qui m'aide à réfléchir à mon avenir professionnel, je dois poser un jour de congé ?"


def _answered(_query: str, _evidence: list[Evidence]) -> bool:
    return False


def _of_article_5(item: Evidence) -> bool:
    return item.document == ACCORD and item.chunk.section_number == "5"


def _demoted(assistant: Any, question: str) -> list[Evidence]:
    """The question's passages from the real index, art. 5's put third (behind two passages of other sections)."""
    found = assistant._search(question, 10)
    own = [e for e in found if _of_article_5(e)]
    others = [e for e in found if not _of_article_5(e)]
    assert own and len(others) >= 2, [(e.document, e.chunk.section_number) for e in found]
    return others[:2] + own + others[2:]


@pytest.mark.integration
def test_the_models_section_leads_when_retrieval_found_it(assistant: Any) -> None:
    glossary = assistant._read_glossary(QUESTION)
    assert model_reading(glossary).best(1)[0][0][:2] == (ACCORD, "5")
    led = led_by_section(QUESTION, _demoted(assistant, QUESTION), glossary, assistant.manifest, _answered)
    assert _of_article_5(led[0])


@pytest.mark.integration
def test_a_named_text_or_two_values_keep_the_search_order(assistant: Any) -> None:
    """A text named says where to read; two values quoted set texts against each other (`texts_disagree`)."""
    for question in (
        "Selon l'accord de 2019, pour voir un conseiller en évolution professionnelle, je pose un jour de congé ?",
        "Pour voir un conseiller en évolution professionnelle, on m'a dit une demi-journée, ou 2 jours ?",
    ):
        ranked = _demoted(assistant, question)
        assert led_by_section(question, ranked, assistant._read_glossary(question), assistant.manifest, _answered) == (
            ranked
        )


@pytest.mark.integration
def test_the_lead_never_decides_a_refusal(assistant: Any) -> None:
    """When either order would be refused, the search's order is kept: the refusal is decided as before."""
    ranked = _demoted(assistant, QUESTION)

    def refused_when_lifted(_query: str, evidence: list[Evidence]) -> bool:
        return _of_article_5(evidence[0])

    glossary = assistant._read_glossary(QUESTION)
    assert led_by_section(QUESTION, ranked, glossary, assistant.manifest, refused_when_lifted) == ranked
    assert led_by_section(QUESTION, ranked, glossary, assistant.manifest, lambda q, e: True) == ranked


def test_without_a_reading_the_order_is_the_search_order() -> None:
    assert led_by_section(QUESTION, [], None, {}, _answered) == []


@pytest.mark.integration
def test_inside_the_text_named_the_models_section_leads(assistant: Any) -> None:
    """Read inside the text it names (`within`: its passages only), the question is led by the model's section as
    one read in the whole corpus; the same question read across the corpus keeps the search's order."""
    question = (
        "Dans l'accord formation, pour voir un conseiller qui m'aide à réfléchir à mon avenir professionnel, je dois "
        "poser un jour de congé ?"
    )
    glossary = assistant._read_glossary(question)
    ranked = _demoted(assistant, question)
    led = led_by_section(question, ranked, glossary, assistant.manifest, _answered, within=True)
    assert _of_article_5(led[0])
    assert led_by_section(question, ranked, glossary, assistant.manifest, _answered) == ranked
