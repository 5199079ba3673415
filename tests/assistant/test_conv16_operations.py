"""Follow-ups that act on the previous answer, and facts corrected later (issue #14, conv16), in wordings no
evaluation set uses.

Without the index: the requests read from a message's grammar (`about_answer.read`: a summary asked by its noun or
with a relative clause pointing back, a quote whose relative clause names the rule, whether someone may refuse, the
reason of the answer, the two answers named as what is compared), the old value a correction sets aside and the
question that stated the fact (`followup_kinds`), an inverted pronoun repeating its noun (`frames.continues`). With
the index (`assistant`): whole exchanges, each checked against the sentence of the text it must reach.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.conversation import Conversation
from assistant.conversation.about_answer import read
from assistant.conversation.exchange import _within_subject
from assistant.conversation.followup_kinds import _stating, _without_old_value
from assistant.conversation.frames import continues
from tests.assistant.conversation_helpers import TODAY, ask_in_turn, routed_context

ACCORD = "accord-2019-12-19-formation-professionnelle"

# --- requests about the previous answer, read from their grammar -----------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Envoie-moi une petite synthèse.",
        "Résume en trois lignes ce que tu m'as expliqué.",
        "Peux-tu récapituler ce à quoi j'ai droit ?",
        "Un récap rapide ?",
        "Bref, que dois-je retenir ?",
    ],
)
def test_a_summing_up_pointing_back_is_a_summary(message: str) -> None:
    request = read(message)
    assert request is not None and request.operation == "summary"


@pytest.mark.parametrize(
    "message", ["Résume-moi le contrat de professionnalisation.", "Fais le point sur la VAE", "résume l'article 6"]
)
def test_a_summing_up_naming_its_own_thing_is_no_summary(message: str) -> None:
    request = read(message)
    assert request is None or request.operation != "summary"


@pytest.mark.parametrize(
    ("message", "aspect"),
    [
        ("Copie-moi exactement la phrase qui pose ce plafond.", "plafond"),
        ("Cite textuellement le passage qui prévoit cette absence, stp.", "absence"),
        ("Recopie-moi mot à mot la phrase.", ""),
    ],
)
def test_a_quote_reads_the_thing_its_relative_clause_names(message: str, aspect: str) -> None:
    request = read(message)
    assert request is not None and request.operation == "quote" and request.aspect == aspect


@pytest.mark.parametrize(
    "message",
    [
        "Mon N+1 a-t-il le droit de s'y opposer ?",
        "La caisse pourrait-elle me supprimer cette prime ?",
        "Et si je refuse, peut-on me sanctionner ?",
    ],
)
def test_whether_someone_may_decide_against_the_user_is_asked_of_the_rule(message: str) -> None:
    request = read(message)
    assert request is not None and request.operation == "decides"


@pytest.mark.parametrize("message", ["Et le motif de cette décision ?", "Qu'est-ce qui justifie ce montant ?"])
def test_the_reason_of_the_answer_is_asked_of_it(message: str) -> None:
    request = read(message)
    assert request is not None and request.operation == "reason"


def test_the_two_answers_named_as_what_is_compared_ask_a_comparison() -> None:
    request = read("Entre tes deux réponses, qu'est-ce qui diffère ?")
    assert request is not None and request.operation == "compare"


# --- a correction: the old value set aside, the fact changed where it was stated ----------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("elle a démarré le 3 février et non le 3 mars. Combien ?", "elle a démarré le 3 février. Combien ?"),
        ("c'est 12 millions au lieu de 10.", "c'est 12 millions."),
        ("j'ai 7 ans de carrière, pas 5 !", "j'ai 7 ans de carrière !"),
        ("je suis en CDI et non salarié d'une filiale", "je suis en CDI et non salarié d'une filiale"),  # no value
    ],
)
def test_a_correction_sets_aside_the_old_value_it_names(body: str, expected: str) -> None:
    assert _without_old_value(body) == expected


def test_a_fact_is_corrected_in_the_question_that_stated_it() -> None:
    first = "Tuteur du 1er mai au 31 juillet 2026 : combien de points ?"
    appended = "Tuteur du 1er mai au 31 juillet 2026 : combien de points, c'est versé quand ?"
    assert _stating(appended, first) == (first,)


# --- an inverted pronoun repeating its noun points back to nothing ------------------------------------------------


def test_an_inverted_pronoun_after_its_noun_does_not_continue_the_previous_question() -> None:
    previous = "Combien de points pour une mission de tuteur de trois mois ?"
    assert not continues("la direction doit-elle me prêter un ordinateur portable ?", previous)
    assert continues("est-elle versée en une fois ?", previous)  # the pronoun alone stands for the prime


# --- whole exchanges on the real corpus ---------------------------------------------------------------------------


def _cites(answer: Any, section: str) -> bool:
    return any(c.document == ACCORD and c.section.split()[1:2] == [section] for c in answer.citations)


@pytest.mark.integration
def test_may_the_employer_impose_is_answered_by_the_common_agreement(assistant: Any) -> None:
    """Art. 8: « À l'issue de cet entretien, la formation est choisie d'un commun accord entre l'employeur et le
    salarié. »"""
    answer = ask_in_turn(
        assistant,
        "Salariée en CDI, aucune formation suivie depuis 2020 : la garantie individuelle joue-t-elle pour moi ?",
        "Ma hiérarchie a-t-elle le droit de m'imposer le stage ?",
    )
    assert answer.route != "refusal"
    assert "commun accord entre l’employeur et le salarié" in answer.text and _cites(answer, "8")


@pytest.mark.integration
def test_may_the_direction_refuse_reaches_the_article_of_the_cited_part(assistant: Any) -> None:
    """Art. 4.2 (beside the cited 4.3): « Le salarié est choisi sur la base du volontariat par la direction de
    l'organisme … »"""
    answer = ask_in_turn(
        assistant,
        "Je souhaite accompagner une apprentie comme tuteur dans mon Urssaf, j'ai vingt ans d'ancienneté.",
        "Mon directeur peut-il refuser que je sois choisi ?",
    )
    assert "volontariat" in answer.text and _cites(answer, "4.2")


@pytest.mark.integration
def test_a_summary_by_its_noun_keeps_what_each_answer_added(assistant: Any) -> None:
    """Art. 5: « … bénéficie à sa demande d'une autorisation d'absence rémunérée de 1 demi-journée … » and « Les
    frais de transport et de repas … lui sont remboursés sur la base des dispositions du protocole d'accord du 23
    juillet 2015 relatif aux frais de déplacement. »"""
    answer = ask_in_turn(
        assistant,
        "En CDI depuis neuf ans, dont deux dans ma Carsat : ai-je droit à du temps pour un conseil en évolution "
        "professionnelle ?",
        "Et mon trajet pour m'y rendre, il est remboursé ?",
        "Donne-moi le résumé de ce que j'obtiens.",
    )
    assert answer.text.startswith("En résumé")
    assert "demi-journée" in answer.text and "23 juillet 2015" in answer.text


@pytest.mark.integration
def test_a_quote_by_its_relative_clause_is_the_sentence_of_that_thing(assistant: Any) -> None:
    """Art. 4.3: « Dans ce cadre, la prime peut atteindre un montant correspondant au maximum à 252 points par année
    civile et par tuteur. »"""
    answer = ask_in_turn(
        assistant,
        "Combien de points de prime un tuteur peut-il toucher sur une année civile ?",
        "Copie-moi exactement la phrase qui fixe ce plafond.",
    )
    assert answer.text.startswith("Le texte exact")
    assert "252 points par année civile et par tuteur" in answer.text


@pytest.mark.integration
def test_a_start_date_corrected_two_turns_later_changes_the_calculation(assistant: Any) -> None:
    """Art. 4.3: « … il correspond à 7 points par mois, complet ou non. » — May to October is 6 months (42 points),
    February to October 9 (63 points)."""
    conversation = Conversation()
    ask_in_turn(
        assistant,
        "Tutrice d'une alternante depuis le 1er mai, mission finie le 31 octobre 2026 : combien de points ?",
        "Et ça tombe quand sur ma fiche de paie ?",
        conversation=conversation,
    )
    answer = assistant.ask(
        "Je rectifie : début le 1er février et non le 1er mai. Le total ?", conversation, today=TODAY
    )
    assert answer.route == "calculator" and "63 points" in answer.text


def test_the_clitic_y_of_a_message_naming_its_own_thing_stands_for_the_previous_subject() -> None:
    context = routed_context("Qui peut demander une Pro-A ?")
    within = _within_subject("Depuis quand le master manager stratégique y est-il éligible ?", context)
    assert within == "Depuis quand le master manager stratégique est-il éligible, à la Pro-A ?"
    assert _within_subject("Depuis quand est-elle en vigueur ?", context) is None


@pytest.mark.integration
def test_since_when_a_thing_is_within_the_subject_is_the_date_of_effect_of_the_text_that_brought_it(
    assistant: Any,
) -> None:
    """Avenant, art. 6: « … l'entrée en vigueur de l'article 1 du présent avenant portant sur l'ajout de
    certifications professionnelles à la liste des certifications professionnelles éligibles à la Pro-A est
    conditionnée à l'extension du présent avenant … »"""
    answer = ask_in_turn(
        assistant,
        "La Pro-A, c'est pour qui exactement ?",
        "Et depuis quand le CQP manager stratégique y est-il éligible ?",
    )
    assert any(c.document.startswith("avenant") and c.section.startswith("Article 6") for c in answer.citations)
