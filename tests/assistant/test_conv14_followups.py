"""Follow-ups on the released 2026k conversations' causes (issue #14, conv14), in wordings no evaluation set uses.

Without the index: a clarification answered by bare dates (`bare_values.written_out`), the request about where
the previous answer comes from (`about_answer.read`), a case gone back to by its noun phrase
(`persons.back_to_case`), a pronoun heading the message, an opposition lead-in (`followups.resolve`). With the
index (`assistant`): whole exchanges, each checked against the sentence of the text it must reach.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.conversation.about_answer import read
from assistant.conversation.backrefs import EarlierTurn
from assistant.conversation.bare_values import written_out
from assistant.conversation.cited_parts import sentences
from assistant.conversation.persons import back_to_case
from assistant.conversation.switch import in_previous_answer
from tests.assistant.conversation_helpers import TODAY, ask_in_turn, resolved, routed_context

ACCORD = "accord-2019-12-19-formation-professionnelle"

# --- a clarification answered by bare dates, in any written form ------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1/03 → 30/06/2025", "du 1er mars 2025 au 30 juin 2025"),
        ("2.9.24 - 15.1.25", "du 2 septembre 2024 au 15 janvier 2025"),
        ("10/11 -> 20/01/2026", "du 10 novembre 2025 au 20 janvier 2026"),  # a year left out runs backwards
        ("du 4 avril → 9 juillet", "du 4 avril 2026 au 9 juillet 2026"),  # no year at all: the current one
        ("12-05-2022", "le 12 mai 2022"),
        ("07/03/23", "le 7 mars 2023"),
    ],
)
def test_bare_dates_are_written_as_the_readers_read_them(typed: str, expected: str) -> None:
    assert written_out(typed, TODAY) == expected


@pytest.mark.parametrize(
    "typed",
    ["j'ai eu 14/20 à l'écrit", "36 millions d'euros", "31/02/2025", "du 30/06/2025 au 1/03/2025", "CDD"],
)
def test_anything_but_valid_dates_is_left_as_typed(typed: str) -> None:
    assert written_out(typed, date(2026, 11, 29)) is None


# --- where the previous answer comes from: a request about it, not a new question -------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Ça figure à quelle page ?",
        "C'est dans quelle section de la fiche ?",
        "Je peux lire ça dans quel texte ?",
        "Quel passage fixe ce plafond ?",
    ],
)
def test_a_question_on_the_answers_place_is_a_source_request(message: str) -> None:
    request = read(message)
    assert request is not None and request.operation == "source"


@pytest.mark.parametrize(
    "message", ["Quelle page parle du tutorat ?", "Dans quel article est défini le congé VAE ?", "Où se passe l'oral ?"]
)
def test_a_question_naming_its_own_subject_is_no_source_request(message: str) -> None:
    request = read(message)
    assert request is None or request.operation != "source"


# --- a case gone back to by its noun phrase ---------------------------------------------------------------------


def test_a_case_named_by_its_noun_phrase_is_the_earlier_turn_holding_it() -> None:
    turns = [
        EarlierTurn("Mon apprentie en CDD a 26 ans : peut-elle préparer un contrat de professionnalisation ?", None),
        EarlierTurn("Autre chose : qui finance la Pro-A ?", None),
    ]
    found = back_to_case("Pour en revenir à mon apprentie : sa rémunération minimale ?", turns)
    assert found is not None and found[0] is turns[0] and found[1] == "sa rémunération minimale ?"
    # (a phrase naming a subject of the texts goes back to that subject instead: backrefs.going_back)
    assert back_to_case("Je reviens à ma prime de tuteur : elle est plafonnée ?", turns) is None


# --- a pronoun heading the message, an opposition ---------------------------------------------------------------


def test_a_pronoun_heading_the_message_keeps_the_previous_subject_against_its_own_words() -> None:
    """ "La prime n'entre pas dans la base de calcul de l'allocation vacances et de la gratification annuelle"
    (art. 4.3): the message's words alone ("vacances") would read as another subject."""
    context = routed_context("À quoi sert la prime versée au tuteur ?")
    resolution = resolved("Vrai ou faux : elle compte pour l'allocation vacances ?", context)
    assert resolution.kind != "new" and resolution.subject is not None, resolution


def test_a_clitic_reaches_the_subject_of_a_message_refused_for_its_other_words() -> None:
    """ "le contrat de professionnalisation s'adresse […] aux demandeurs d'emploi âgés de 26 ans et plus" (art. 3.3):
    "n'y" stands for the contract the refused message named; "chômage" alone reads as another subject."""
    context = routed_context(
        "Pour une journée portes ouvertes, je présente les publics du contrat de professionnalisation.", refused=True
    )
    resolution = resolved(
        "Et qui n'y a pas accès, par exemple une personne de 40 ans qui n'est pas au chômage ?", context
    )
    assert resolution.kind != "new" and resolution.subject is not None, resolution
    assert resolution.subject.topic == "professionalisation"


def test_a_thing_put_in_front_of_the_pronoun_is_the_messages_own() -> None:
    context = routed_context("À quoi sert la prime versée au tuteur ?")
    resolution = resolved("Et ma prime de vacances, elle tombe en juin ?", context)
    assert resolution.kind == "new", resolution


def test_an_opposition_keeps_the_subject_and_asks_the_messages_own_thing() -> None:
    context = routed_context("Dans quels cas un contrat de professionnalisation peut-il durer 24 mois ?")
    resolution = resolved("Et inversement, son plancher de durée ?", context)
    assert resolution.subject is not None and resolution.text.endswith("son plancher de durée ?"), resolution
    assert "24 mois" not in resolution.text


# --- whole exchanges ---------------------------------------------------------------------------------------------


def test_the_page_asked_is_read_from_the_previous_answers_citations(assistant: Any) -> None:
    """ "Afin d'optimiser l'accomplissement de sa mission, chaque tuteur accompagne, au maximum, 3 salariés."
    (art. 4.2): the answer names that article and its page, from the previous answer's own citations."""
    before = ask_in_turn(assistant, "Un tuteur peut suivre combien d'alternants en même temps ?")
    answer = ask_in_turn(
        assistant, "Un tuteur peut suivre combien d'alternants en même temps ?", "Ça figure à quelle page ?"
    )
    assert "page" in answer.text and "4.2" in answer.text
    assert {(c.document, c.section) for c in answer.citations} <= {(c.document, c.section) for c in before.citations}


def test_bare_dates_complete_the_pending_bonus_question(assistant: Any) -> None:
    """ "il correspond à 7 points par mois, complet ou non" (art. 4.3): March to June is four months, 28 points."""
    answer = ask_in_turn(assistant, "Je suis tutrice, ma prime fera combien de points ?", "1/03 → 30/06/2025")
    assert answer.route == "calculator" and "28 points" in answer.text


def test_going_back_to_a_case_after_a_digression_asks_on_its_subject(assistant: Any) -> None:
    """ "L'absence peut être portée à 1 journée lorsque l'organisme habilité à dispenser le conseil en évolution
    professionnelle se trouve particulièrement éloigné du domicile du salarié." (art. 5)"""
    answer = ask_in_turn(
        assistant,
        "Mon technicien en CDI a 7 ans d'ancienneté dont 2 ans chez nous : a-t-il droit à une absence pour un "
        "conseil en évolution professionnelle ?",
        "Au fait, la Pro-A se fait sur le temps de travail ?",
        "Je reviens à mon technicien : il peut avoir une journée entière si le conseiller est loin ?",
    )
    assert answer.route != "refusal" and "éloigné" in answer.text
    assert any(c.document == ACCORD and c.section.startswith("Article 5") for c in answer.citations)


def test_a_thing_the_previous_passage_speaks_of_is_no_subject_of_its_own(assistant: Any) -> None:
    """ "Les frais de transport et de repas engagés par le salarié ayant bénéficié de l'absence autorisée au titre du
    conseil en évolution professionnelle, lui sont remboursés" (art. 5)."""
    answer = ask_in_turn(
        assistant,
        "Mes frais de transport pour me rendre au conseil en évolution professionnelle me sont-ils remboursés ?",
        "Et mon repas sur place ?",
    )
    assert answer.route != "refusal" and "repas" in answer.text


def test_a_word_only_prefixed_in_the_previous_passage_is_a_thing_of_its_own() -> None:
    """ "titres-repas" is no word of "à titre accessoire": the follow-up keeps its own (refused) subject."""
    quotes = ["Le montant de la prime est fixé à 7 points par mois pour chaque action réalisée à titre accessoire."]
    earlier = "J'anime des formations internes : quel est le montant de ma prime ?"
    assert not in_previous_answer("Et mes titres-repas, qui les paie ?", earlier, quotes, TODAY)
    assert in_previous_answer("Et le repas, pas remboursé ?", earlier, ["Les frais de transport et de repas …"], TODAY)


def test_an_abbreviation_ends_no_cited_sentence() -> None:
    """ "Conformément à l'article L. 6325-14 du code du travail, les actions […] sont d'une durée au moins égale à
    15 % de la durée de la certification" (art. 2.5): one sentence, quoted whole."""
    text = "Conformément à l'article L. 6325-14 du code du travail, les actions sont d'une durée au moins égale à 15 %."
    assert sentences(text) == [text]
