"""Follow-ups after an answer (issue #14, conv20), in wordings no evaluation set uses.

Without the index: a question of its own about the rule after a calculation (asked of the subject, not appended to
the case), object pronouns pointing back ("pour la préparer", "qui les paie"), a drafting request, a total asked
over several calculations, one determiner in a merged fact, a role named in the user's words, contrary verbs in a
yes/no. With the index: whole exchanges, each checked against the rule of the text it applies (the sentence quoted
in the docstring).
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answering.lead_opening import yes_or_no
from assistant.answering.opposites import contradicted
from assistant.conversation.about_answer import read
from assistant.conversation.fact_merge import merge_facts
from assistant.conversation.pointing import points_back
from assistant.conversation.rule_questions import asks_of_rule
from assistant.conversation.state import Turn
from assistant.conversation.totals import asks_total, total_question
from tests.assistant.conversation_helpers import TODAY, ask_in_turn, resolved, routed_context


@pytest.mark.parametrize(
    "message",
    [
        "Est-ce que ça remplace la contribution légale ?",
        "Et le conseil lui-même, je devrai le payer de ma poche ?",
        "Elle compte dans la gratification annuelle ?",
        "Et je peux la faire sur mon temps de travail ?",
    ],
)
def test_a_question_of_its_own_asks_of_the_rule(message: str) -> None:
    assert asks_of_rule(message)


@pytest.mark.parametrize(
    "message",
    [
        "Et ça fait combien en tout ?",
        "Et si j'étais à temps partiel ?",
        "Et pour mon collègue ?",
        "Et en euros, ça donne quoi ?",
        "C'est versé à partir de quand ?",
        "Et ça tombe quand sur ma fiche de paie ?",
        "D'accord, merci.",
        "Pourquoi ce chiffre-là, d'où vient-il ?",
        "Comment tu arrives à ce résultat ?",
        "Et j'y ai toujours droit quand même ?",
    ],
)
def test_a_figure_a_hypothesis_or_a_short_ellipsis_is_no_question_on_the_rule(message: str) -> None:
    assert not asks_of_rule(message)


def test_a_person_of_the_case_named_again_keeps_the_case() -> None:
    case = "Paul, CQP GC : 12 dans toutes les épreuves, Pass suivi. Certifié ?"
    assert not asks_of_rule("Et Paul, les épreuves ont lieu où ?", case)
    assert asks_of_rule("Et les épreuves ont lieu où ?", case)
    assert not asks_of_rule("Quelle est sa moyenne exacte ?", case)  # a figure of the case


def test_a_question_on_the_rule_after_a_calculation_is_asked_of_the_subject() -> None:
    opening = (
        "Notre Carsat a une masse salariale brute de 40 millions d'euros. Combien verse-t-elle au titre de la "
        "contribution conventionnelle supplémentaire ?"
    )
    context = routed_context(opening, case=True)
    resolution = resolved("Est-ce que ça remplace la contribution légale ?", context)
    assert resolution.kind == "reference" and "40 millions" not in resolution.text
    assert resolution.text.startswith("Contribution conventionnelle supplémentaire :")
    # a fact changed is still a change to the case, and a figure asked of it still the case computed
    assert "50 millions" in resolved("Et avec 50 millions ?", context).text
    assert "40 millions" in resolved("Et ça fait combien en tout sur trois ans ?", context).text


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Et le congé pour la préparer, il dure combien ?", True),
        ("Et mes frais de train pour y aller, qui les paie ?", True),
        ("Est-ce que je devrai le payer de ma poche ?", True),
        ("Et qui la finance ?", True),
        ("Et pour la formation ?", False),  # an article before a noun
        ("Et pour le master ?", False),  # a masculine noun in -er, no verb
        ("Et les tickets resto ?", False),
    ],
)
def test_an_object_pronoun_before_its_verb_points_back(message: str, expected: bool) -> None:
    assert points_back(message) is expected


@pytest.mark.parametrize(
    "message",
    [
        "Rédige-moi un court mail à la RH pour réclamer ces points.",
        "Tu peux me rédiger le mail à ma RH pour le demander ?",
        "Écris-moi une lettre pour mon employeur.",
        "Tu aurais un modèle de courrier ?",
    ],
)
def test_a_letter_asked_is_a_drafting_request(message: str) -> None:
    request = read(message)
    assert request is not None and request.operation == "draft"


def test_a_question_on_mails_is_no_drafting_request() -> None:
    assert read("Combien d'heures de congé pour préparer une VAE ?") is None


def _bonus_turn(start: str, end: str, calculator: str = "tutor_bonus") -> Turn:
    key = "missions" if calculator == "tutor_bonus" else "actions"
    return Turn("…", "…", "new", "calculator", calculator=calculator, arguments={key: [{"start": start, "end": end}]})


def test_a_total_over_two_calculations_computes_their_periods_together() -> None:
    assert asks_total("Ça fait combien en tout pour les deux ?") and asks_total("Et au total, combien de points ?")
    assert not asks_total("Et pour les deux, c'est versé quand ?")  # no figure asked
    turns = [_bonus_turn("2026-02-01", "2026-06-30"), _bonus_turn("2026-09-01", "2026-11-30")]
    question = total_question(turns)
    assert question is not None and "du 1er février 2026 au 30 juin 2026" in question
    assert "du 1er septembre 2026 au 30 novembre 2026" in question
    assert total_question(turns[:1]) is None  # one calculation: nothing to add up
    other = [_bonus_turn("2026-02-01", "2026-06-30", "trainer_bonus"), turns[1]]
    assert total_question(other) is None  # the last calculator's periods only, and there is one


def test_a_fact_replaced_keeps_one_determiner() -> None:
    merged = merge_facts("J'ai un BTS. Combien d'heures de congé VAE ?", "Non pardon, je n'ai que le brevet.", TODAY)
    assert merged.text.startswith("J'ai le brevet.")


def test_a_role_swapped_is_named_in_the_users_words() -> None:
    opening = "Je suis tutrice d'une alternante du 1er mars au 31 août 2026, mission réussie. Combien de points ?"
    context = routed_context(opening, case=True)
    resolution = resolved(
        "Et si j'avais été formatrice interne à titre accessoire sur la même période, j'aurais eu combien ?", context
    )
    assert "prime de formateur" not in resolution.text.lower() and "formatrice interne" in resolution.text


def test_contrary_verbs_answer_no() -> None:
    """Art. 9: « Cette contribution conventionnelle s'ajoute à la contribution légale obligatoire »."""
    sentence = "Cette contribution conventionnelle s'ajoute à la contribution légale obligatoire."
    assert contradicted("Est-ce que ça remplace la contribution légale ?", sentence)
    assert yes_or_no("Est-ce que la contribution remplace la contribution légale ?", sentence) is False
    assert not contradicted("Est-ce qu'elle s'ajoute à la contribution légale ?", sentence)
    assert contradicted(
        "Est-ce que je dois payer le conseil ?", "Le conseil en évolution professionnelle est accessible gratuitement."
    )


@pytest.mark.integration
def test_a_yes_no_on_the_rule_after_a_calculation_is_answered_from_the_text(assistant: Any) -> None:
    """Art. 9 (art. 10 since the avenant): « Cette contribution conventionnelle s'ajoute à la contribution légale
    obligatoire due au titre de la formation professionnelle »."""
    answer = ask_in_turn(
        assistant,
        "Notre Cpam a une masse salariale brute de 22 millions d'euros : quelle contribution conventionnelle "
        "supplémentaire devons-nous verser ?",
        "Et est-ce que ça se substitue à la contribution légale ?",
    )
    assert answer.route == "retrieval" and not answer.tool_calls
    assert "s’ajoute" in answer.text or "s'ajoute" in answer.text
    assert not answer.text.split("\n\n")[1].startswith("Oui")


@pytest.mark.integration
def test_an_object_pronoun_keeps_the_subject_instead_of_the_refusal(assistant: Any) -> None:
    """Art. 7 as written by the avenant (art. 2): « Le congé pour préparer la validation des acquis de l'expérience
    (VAE) d'une durée de 24 heures est augmenté … à 48 heures maximum »."""
    answer = ask_in_turn(
        assistant,
        "Quelle durée d'activité faut-il pour pouvoir demander une VAE ?",
        "Et le congé pour la préparer, il fait combien d'heures ?",
    )
    assert answer.route != "refusal" and "24 heures" in answer.text


@pytest.mark.integration
def test_a_drafting_request_gives_the_facts_to_put_in_the_letter(assistant: Any) -> None:
    """Art. 4.3: « il correspond à 7 points par mois, complet ou non »."""
    answer = ask_in_turn(
        assistant,
        "Tuteur à la Cpam, j'ai suivi Lucas du 1er avril au 30 juin 2026, objectifs atteints : combien de points ?",
        "Peux-tu m'écrire un mail pour demander cette prime à mon service RH ?",
    )
    assert answer.text.startswith("Je ne rédige pas") and "21 points" in answer.text
    assert any(c.section.startswith("Article 4.3") for c in answer.citations)


@pytest.mark.integration
def test_the_total_of_two_missions_is_computed_once(assistant: Any) -> None:
    """Art. 4.3: « 7 points par mois, complet ou non … au maximum à 252 points par année civile et par tuteur »."""
    answer = ask_in_turn(
        assistant,
        "Tutrice à l'Urssaf, j'ai suivi Emma du 1er janvier au 31 mars 2026, mission réussie : combien de points ?",
        "Et pour Hugo, que j'ai suivi du 1er mai au 31 juillet 2026 ?",
        "Donc au total, ça me fait combien pour les deux ?",
    )
    assert answer.route == "calculator" and answer.tool_calls[0].result["value"] == 42  # (3 + 3) months × 7
