"""A plural "quels N ?" is led by the sentence that names the members of N, and a request to enumerate
("cite-moi toutes les…", "énumère…") is read as asking for a list, its quantifier and verb not taken for the
subject (issue #13, design point 3: lead with the sentence that answers).

Wordings are this module's own, not an evaluation question's; the texts are the protocole's real sections.
"""

from __future__ import annotations

import pytest

from assistant.answering.lead import asked_plural_noun, names_members
from assistant.answering.units import ENUMERATION, query_weights
from tests.assistant.lead_helpers import lead_of

PROVIDERS = "Pôle emploi"  # art. 5: « Il est dispensé par l'un des organismes habilités : Pôle emploi, APEC, … »


@pytest.mark.parametrize(
    "question",
    [
        "Chez quels organismes peut-on réaliser un conseil en évolution professionnelle ?",
        "Pour mon CEP, quels organismes habilités puis-je contacter ?",
        "Quels sont les organismes qui dispensent le conseil en évolution professionnelle ?",
        "Quels organismes peuvent m’accompagner pour un conseil en évolution professionnelle ?",
    ],
)
def test_plural_which_is_led_by_the_sentence_naming_the_members(sections: dict[str, str], question: str) -> None:
    """Art. 5: « Il est dispensé par l'un des organismes habilités : Pôle emploi, Association pour l'emploi des
    cadres (APEC), mission locale, CAP emploi … ». The sentence on the CDI/CDD absence repeats more of the
    question's words ("organisme", "réaliser un conseil…") but names no organism."""
    assert PROVIDERS in lead_of(question, sections, "5")


def test_members_are_read_from_the_colon_formula() -> None:
    sentence = "Il est dispensé par l’un des organismes habilités : Pôle emploi, APEC, mission locale, CAP emploi."
    assert names_members(sentence, "organismes")
    assert not names_members("Tout salarié bénéficie d'une absence au sein de l'organisme.", "organismes")
    assert not names_members("Les organismes suivants : Pôle emploi.", "organismes")  # one member is no list
    assert asked_plural_noun("Quelles sont les étapes du parcours ?") == "étapes"
    assert asked_plural_noun("Quel organisme gère la contribution ?") == ""  # singular: one body asked


@pytest.mark.parametrize(
    "question",
    [
        "Cite-moi toutes les missions du tuteur.",
        "Énumère les missions confiées au tuteur par l'accord.",
        "Nomme toutes les missions d'un tuteur, s'il te plaît.",
    ],
)
def test_request_to_enumerate_is_led_by_the_list(sections: dict[str, str], question: str) -> None:
    """Art. 4.1: « Le tuteur a pour mission de contribuer principalement à : – accueillir, aider, informer et
    guider le bénéficiaire … ». "toutes" is not the subject: it must not pull the lead to art. 4.2's « En tout
    état de cause, le salarié dispose … d'une préparation spécifique à l'accomplissement de sa mission »."""
    assert ENUMERATION.search(question)
    assert not {"tout", "toute", "tous"} & set(query_weights(question))
    assert lead_of(question, sections, "4.1").startswith("Le tuteur a pour mission")
