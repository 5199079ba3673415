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


def test_a_quantifier_outside_a_request_to_enumerate_is_the_subject() -> None:
    """ "tous nos CQP sont au RNCP ?" checks a claim about all of them: the fiche's sentence on all the CQP answers."""
    assert "tous" in query_weights("Un agent affirme que tous les CQP sont inscrits au RNCP : exact ?")


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        (
            "Mon chef dit que la note éliminatoire est 10. Quelle est la note éliminatoire à l'écrit ?",
            "Quelle est la note éliminatoire à l'écrit ?",
        ),
        (
            "J'ai lu sur un forum que le tuteur suit dix alternants. Combien de salariés un tuteur accompagne-t-il ?",
            "Combien de salariés un tuteur accompagne-t-il ?",
        ),
        ("On m'a parlé de 3 jours. C'est bien ça ?", None),  # too short to stand alone: the whole message
        ("Combien de points pour un tuteur ? Et qui la verse ?", None),  # several questions: `parts` answers each
        ("Quelle est la durée d'une Pro-A ?", None),  # a lone sentence
    ],
)
def test_the_asking_sentence_scores_the_lead(message: str, asked: str | None) -> None:
    from assistant.answering.asked_sentence import asked_sentence

    assert asked_sentence(message) == (asked or message)


@pytest.mark.parametrize(
    ("number", "message", "expected"),
    [
        # (art. 4.2's "Combien de salariés un tuteur accompagne-t-il ?" after a claim restating its choice by the
        # direction is now led by « 3 salariés » on the whole message too: `asked_kind`, tests/assistant/test_lead17_*)
        (
            "4.3",
            "Je sais que la prime de tuteur est versée en une seule fois à l'issue de la mission de tutorat. "
            "La prime est-elle proratisée pour un temps partiel ?",
            "n’est pas proratisée",  # « … et n'est pas proratisée en fonction de la durée de travail contractuelle »
        ),
        (
            "5",
            "Je sais que le CEP est accessible gratuitement et dispensé par des organismes habilités. "
            "Combien de temps d'absence pour le faire ?",
            "demi-jour",  # « … une autorisation d'absence rémunérée de 1 demi-journée »
        ),
    ],
)
def test_a_claim_before_the_question_does_not_lead_with_its_restatement(
    sections: dict[str, str], number: str, message: str, expected: str
) -> None:
    """What the user says first restates one sentence of the article; the question asked after it is answered
    by another. Scored on the whole message, the restated sentence leads (checked: it does for each case)."""
    from assistant.answering.asked_sentence import asked_sentence

    assert expected not in lead_of(message, sections, number)
    assert expected in lead_of(asked_sentence(message), sections, number)


def test_an_asking_sentence_that_only_points_is_read_with_the_claim() -> None:
    """« … l'amplitude du parcours est limitée à 5 ans. Avant de répondre : quelle est la vraie limite ? »: the
    asking sentence's words ("avant", "vraie") are a small share of what the message is about (the amplitude of
    the course), so the whole message scores the sentences."""
    from assistant.answering.asked_sentence import asked_sentence
    from assistant.answering.units import idf_weights, query_weights

    message = (
        "On m'a dit que l'amplitude du parcours de formation est limitée à 5 ans. "
        "Avant de répondre : quelle est la vraie limite ?"
    )
    passages = [
        "L'amplitude du parcours de formation ne doit pas excéder deux ans, à compter du premier jour.",
        "Les épreuves ont lieu avant la fin du parcours.",
        "La vraie question est celle du financement.",
        "Un jury local évalue l'épreuve orale.",
    ]
    assert asked_sentence(message, idf_weights(passages, query_weights(message))) == message
