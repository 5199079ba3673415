"""Follow-ups after a long opening (issue #14, conv19), in wordings no evaluation set uses.

Without the index: a figure scaled by a factor, a figure said back for confirmation, periods owned by named people or
ranks, the person asked about replaced, an end told in the past tense. With the index: whole exchanges, each checked
against the rule of the text it applies (the sentence quoted in the docstring).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from assistant.conversation.about_answer import read, restated_figure
from assistant.conversation.fact_merge import merge_facts
from assistant.conversation.named_ones import other_person
from assistant.conversation.scaling import factor, scaled_question
from assistant.routing.extraction.dates import parse_dates
from assistant.routing.extraction.period_owners import asked_owner, asking_span, index_of, period_owners
from tests.assistant.conversation_helpers import TODAY, ask_in_turn, resolved, routed_context


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Et si elle avait duré deux fois plus longtemps ?", Fraction(2)),
        ("Et pour une caisse au budget trois fois plus petit ?", Fraction(1, 3)),
        ("Et avec le triple ?", Fraction(3)),
        ("Et pour une mission moitié moins longue ?", Fraction(1, 2)),
        ("Et avec deux stagiaires ?", None),
        ("Et si j'avais fait deux fois plus d'heures et le triple de mois ?", None),  # two factors: none
    ],
)
def test_a_factor_is_read_from_its_words(message: str, expected: Fraction | None) -> None:
    assert factor(message) == expected


def test_a_scaled_period_keeps_its_start_and_moves_its_end() -> None:
    question = "Tuteur à la Cnav, j'ai suivi Jade de février à fin avril 2026 : combien de points ?"
    scaled = scaled_question("Et si ça avait duré deux fois plus longtemps ?", question, TODAY)
    assert scaled == "Tuteur à la Cnav, j'ai suivi Jade du 1er février 2026 au 31 juillet 2026 : combien de points ?"


def test_an_end_date_after_a_since_is_moved_not_the_seniority() -> None:
    question = (
        "Agent depuis vingt ans. Depuis le 1er mars 2026 je suis tuteur ; la mission a pris fin le 31 mai 2026. "
        "Combien de points ?"
    )
    scaled = scaled_question("Et pour une mission deux fois plus longue ?", question, TODAY)
    assert scaled is not None and "a pris fin le 31 août 2026" in scaled and "depuis vingt ans" in scaled.lower()


def test_a_scaled_payroll_is_written_in_euros() -> None:
    question = "Masse salariale brute de 8 millions d'euros : quelle contribution supplémentaire ?"
    scaled = scaled_question("Et pour une caisse qui a le double de masse salariale ?", question, TODAY)
    assert scaled == "Masse salariale brute de 16 000 000 euros : quelle contribution supplémentaire ?"


def test_a_factor_with_a_figure_of_its_own_scales_nothing() -> None:
    question = "Masse salariale brute de 8 millions d'euros : quelle contribution supplémentaire ?"
    assert scaled_question("Et le double, soit 16 millions d'euros ?", question, TODAY) is None


@pytest.mark.parametrize(
    ("message", "figure"),
    [
        ("Donc 4 500 € à provisionner, je note ça ?", "4 500 €"),
        ("Si j'ai bien compris, 21 points, c'est bien ça ?", "21 points"),
        ("Ça fait donc 48 heures, on est d'accord ?", "48 heures"),
    ],
)
def test_a_figure_said_back_for_confirmation_is_a_check(message: str, figure: str) -> None:
    request = read(message)
    assert restated_figure(message) == figure and request is not None and request.operation == "check"


@pytest.mark.parametrize("message", ["Donc je peux y aller, c'est ça ?", "Et avec 4 500 € de masse salariale ?"])
def test_no_figure_or_no_confirmation_is_no_restated_figure(message: str) -> None:
    assert restated_figure(message) is None


def test_periods_are_owned_by_the_names_that_introduce_them() -> None:
    text = "J'ai deux apprentis : Hugo du 1er mars au 30 avril 2026, Nina du 1er mars au 31 août 2026."
    owners = period_owners(text, [d.span for d in parse_dates(text, TODAY)])
    assert [o.name for o in owners if o is not None] == ["Hugo", "Nina"]
    text = (
        "Mes deux alternants : le premier du 2 janvier au 31 mars 2026, le second du 1er avril au 30 juin 2026. "
        "Et pour le second ?"
    )
    owners = period_owners(text, [d.span for d in parse_dates(text, TODAY)])
    asked = asked_owner(text, asking_span(text))
    assert asked is not None and index_of(asked, owners) == 1


def test_another_person_asked_about_replaces_the_one_asked_before() -> None:
    question = (
        "Tutrice de Sami du 1er janvier au 31 mars 2026 et de Lina du 1er janvier au 30 juin 2026 : combien pour Sami ?"
    )
    assert other_person("Et pour Lina ?", question, TODAY) == question.replace("pour Sami", "pour Lina")
    assert other_person("Et pour la deuxième ?", question, TODAY) == question.replace("pour Sami", "pour la deuxième")
    assert other_person("Et pour Marc ?", question, TODAY) is None  # no period of his


def test_a_restriction_is_no_question_and_changes_the_fact() -> None:
    context = routed_context(
        "Je n'ai suivi aucune formation depuis 5 ans à la Cpam : ai-je droit à une formation garantie ?"
    )
    resolution = resolved("Et si ça ne faisait que 2 ans ?", context)
    assert resolution.is_follow_up and "2 ans" in resolution.text and "5 ans" not in resolution.text


@pytest.mark.integration
def test_a_doubled_mission_is_recomputed_from_the_same_start(assistant: Any) -> None:
    """Art. 4.3: « il correspond à 7 points par mois, complet ou non »."""
    answer = ask_in_turn(
        assistant,
        "Je suis conseillère à la Caf depuis quinze ans. J'ai été la tutrice de Jade, arrivée en alternance, du "
        "1er février au 30 avril 2026 ; tout s'est bien passé et elle a validé. Combien de points de prime ?",
        "Et si ça avait duré deux fois plus longtemps ?",
    )
    assert answer.route == "calculator" and answer.tool_calls[0].result["value"] == 42  # 6 months × 7 points


@pytest.mark.integration
def test_a_wrong_amount_said_back_is_corrected_without_repeating_it(assistant: Any) -> None:
    """Art. 9: « une contribution conventionnelle supplémentaire … correspondant à 0,15 % de leur masse salariale
    brute »."""
    answer = ask_in_turn(
        assistant,
        "Je tiens la paie d'une Caf ; notre masse salariale brute est de 30 millions d'euros. On me demande le "
        "montant de la contribution conventionnelle supplémentaire. Combien ?",
        "Donc 450 000 €, je note ça ?",
    )
    assert "45 000 €" in answer.text and "450 000" not in answer.text


@pytest.mark.integration
def test_the_other_person_gets_her_own_period(assistant: Any) -> None:
    """Art. 4.3: « Le montant de la prime est proportionnel à la durée de la mission d'accompagnement tutoré »."""
    answer = ask_in_turn(
        assistant,
        "Tuteur à la Carsat, j'ai accompagné cette année deux alternants. Yanis du 1er janvier au 28 février 2026, "
        "Maëlle du 1er janvier au 31 juillet 2026. Les objectifs ont été tenus. Combien de points pour Yanis ?",
        "Et pour Maëlle ?",
    )
    assert answer.route == "calculator" and answer.tool_calls[0].result["value"] == 49  # 7 months × 7 points


@pytest.mark.integration
def test_who_is_asked_of_the_subject_not_the_case(assistant: Any) -> None:
    """Art. 5: « Il est dispensé par l'un des organismes habilités : Pôle emploi, Association pour l'emploi des
    cadres (APEC), mission locale, CAP emploi … »."""
    answer = ask_in_turn(
        assistant,
        "En CDI à l'Urssaf depuis 7 ans, je voudrais faire un conseil en évolution professionnelle. Ai-je droit à "
        "une absence ?",
        "Et vers quels organismes me tourner pour ce conseil ?",
    )
    assert answer.route == "retrieval" and "Pôle emploi" in answer.text


def test_the_users_own_figure_is_scaled_not_the_hypothesis_before() -> None:
    own = "Notre masse salariale brute est de 40 millions d'euros : quelle contribution supplémentaire ?"
    half = own.replace("40 millions d'euros", "20 000 000 euros")
    context = routed_context(half, typed="Et si elle était deux fois plus petite ?", earlier=(own,), case=True)
    resolution = resolved("Et pour la caisse voisine, qui a le triple de la nôtre ?", context)
    assert "120 000 000 euros" in resolution.text
    context = routed_context(half, typed="Je corrige : c'est 20 millions.", earlier=(own,), case=True)
    assert "60 000 000 euros" in resolved("Et pour une caisse qui a le triple de la nôtre ?", context).text


def test_a_second_one_by_its_rank_is_the_count_it_makes() -> None:
    question = "Formatrice interne à titre accessoire, j'ai animé une action de formation du 1er mars au 31 mai 2026."
    merged = merge_facts(question, "Et si j'avais animé en parallèle une deuxième action ?", TODAY)
    assert merged.replaced and "deux actions" in merged.text


def test_a_correction_taken_back_restores_the_question_before_it() -> None:
    first = "Je n'ai aucun diplôme et je prépare une VAE : combien d'heures de congé ?"
    corrected = "Je n'ai le bac et je prépare une VAE : combien d'heures de congé ?"
    context = routed_context(corrected, typed="Non pardon, j'ai le bac en fait.", earlier=(first,), case=True)
    assert resolved("Non, oublie, je confondais : je n'ai aucun diplôme.", context).text == first
    context = routed_context(corrected, typed="J'ai le bac, aussi.", earlier=(first,), case=True)
    assert resolved("Non, oublie, je confondais : je n'ai aucun diplôme.", context).text != first  # no correction
