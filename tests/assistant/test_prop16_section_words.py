"""A section's words are all its sentences, not only the passages retrieved (`answering.section_words`, used by
`glossary_places.section_covers`).

Art. 8 of the accord is cut into two passages; its second one reads: "Ces actions sont celles qui permettent au
salarié de concourir au développement des compétences en lien ou non avec leur poste de travail ou d'acquérir une
qualification plus élevée pour permettre d'atteindre un objectif professionnel." A question about that sentence,
with only the article's first passage retrieved, is still the article's matter. A near-corpus question whose words
the whole article does not hold is not."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answering.composer import query_weights
from assistant.answering.glossary_places import SECTION_WORDS, SECTION_WORDS_CLEAR, clear_reading, section_covers
from assistant.answering.section_words import section_terms
from assistant.answering.units import unit_terms
from knowledge.hybrid import Evidence

ACCORD = "accord-2019-12-19-formation-professionnelle"
ARTICLE_8 = (ACCORD, "8", "Garantie individuelle d’accès à la formation professionnelle")
# Written from art. 8's second passage for this test (no eval item).
HIGHER = (
    "La formation qu'on me garantit peut-elle servir à acquérir une qualification plus élevée, sans lien avec mon "
    "poste ?"
)
# A school pupil's observation internship: no sentence of art. 8 holds "stage d'observation", "collège", "troisième".
INTERNSHIP = (
    "Mon fils de troisième cherche un stage d'observation d'une semaine : la caisse prend-elle des collégiens ?"
)


def test_the_whole_article_is_read_from_the_shipped_parse() -> None:
    words = section_terms(ARTICLE_8)
    assert {"qualif", "elev"} <= {w[:6] for w in words} | set(words)
    assert section_terms((ACCORD, "99", "Un article que les textes n'ont pas")) == frozenset()


@pytest.mark.integration
def test_a_question_on_the_articles_later_sentence_is_covered_by_its_first_passage_alone(assistant: Any) -> None:
    passages = [c for c in assistant.retriever.passages() if c.document == ACCORD and c.section_number == "8"]
    assert len(passages) >= 2 and "qualification plus élevée" not in passages[0].text
    first = Evidence(passages[0].id, passages[0], 1.0)
    terms = set(query_weights(HIGHER))
    assert len(terms & unit_terms(passages[0].context_text)) / len(terms) < SECTION_WORDS  # the first passage alone
    assert section_covers(HIGHER, [first], ARTICLE_8)


@pytest.mark.integration
def test_a_near_corpus_question_is_not_covered_by_the_whole_article(assistant: Any) -> None:
    passages = [c for c in assistant.retriever.passages() if c.document == ACCORD and c.section_number == "8"]
    evidence = [Evidence(c.id, c, 1.0) for c in passages]
    assert not section_covers(INTERNSHIP, evidence, ARTICLE_8)


# Written for this test from art. 4.1 ("Le tuteur a pour mission de contribuer principalement à : – accueillir, aider,
# informer et guider le bénéficiaire de la formation ; – organiser […] l'activité du bénéficiaire"): 4 of its 6 terms
# are the article's ("attribue", "recrue" are not).
ASSIGNED = "On m'attribue une recrue en alternance : concrètement, quelles tâches vais-je assurer pour elle ?"
# A question the glossary reads clearly (nearer one of its questions than any out-of-scope subject).
GUIDED = "On me désigne pour suivre un nouvel alternant : quel sera concrètement mon rôle auprès de lui ?"
ARTICLE_4_1 = (ACCORD, "4.1", "Objet du tutorat et missions du tuteur")


@pytest.mark.integration
def test_sixty_per_cent_of_the_words_suffice_only_with_a_clear_glossary_reading(assistant: Any) -> None:
    passages = [c for c in assistant.retriever.passages() if c.document == ACCORD and c.section_number == "4.1"]
    evidence = [Evidence(c.id, c, 1.0) for c in passages]
    terms = set(query_weights(ASSIGNED))
    share = len(terms & section_terms(ARTICLE_4_1)) / len(terms)
    assert SECTION_WORDS_CLEAR <= share < SECTION_WORDS
    unclear, clear = assistant._read_glossary(ASSIGNED), assistant._read_glossary(GUIDED)
    assert not clear_reading(unclear) and clear_reading(clear)
    assert not section_covers(ASSIGNED, evidence, ARTICLE_4_1)
    assert not section_covers(ASSIGNED, evidence, ARTICLE_4_1, unclear)
    assert section_covers(ASSIGNED, evidence, ARTICLE_4_1, clear)  # the rule of the tier, whichever reading is clear
