"""Two answers compared, a question back on what the answer needs, a worked example, a quote of the named
text, a simpler answer for a stated case (issue #14), in wordings no evaluation set uses.

Without the index: the reading of the requests from the message's grammar (`about_answer.read`,
`examples`), and the case left once "plus simplement" is set aside. With the index (`assistant`): whole
exchanges, and a property over the structure of the CQP fiche (every pair of its certified CQPs compared).
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import Any

import pytest

from assistant.conversation import Conversation
from assistant.conversation.about_answer import read
from assistant.conversation.examples import asks_example, example_facts
from assistant.conversation.frames import restated_for_case, restates
from tests.assistant.conversation_helpers import TODAY, ask_in_turn

FICHE = "/work/shared/corpus/source/cqp-regime-general.txt"

# --- the requests, read from the message's grammar ------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Entre les deux, lequel rapporte davantage ?",
        "Et au final, laquelle des deux dure le plus longtemps ?",
        "Y a-t-il une différence entre les deux pour le paiement ?",
        "Ils sont identiques, les deux ?",
        "Compare-les, stp.",
        "Quel écart entre les deux ?",
        "Bref, ça ne change rien entre les deux ?",
    ],
)
def test_a_comparison_of_the_two_things_just_spoken_of_is_read(message: str) -> None:
    request = read(message)
    assert request is not None and request.operation == "compare"


@pytest.mark.parametrize(
    "message",
    [
        "On peut toucher les deux primes en même temps ?",  # how two rules combine: no comparison of answers
        "Lequel des CQP est au niveau 6 ?",  # names its own subject
        "Pour en revenir aux blocs, lesquels sont communs ?",  # picks among many
        "Les deux contrats de professionnalisation sont-ils financés par l'OPCO ?",
        "Et concrètement, qu'est-ce qui change pour mon poste ?",  # a question of its own
    ],
)
def test_a_message_that_only_mentions_two_things_is_no_comparison_of_answers(message: str) -> None:
    request = read(message)
    assert request is None or request.operation not in ("compare", "needs")


@pytest.mark.parametrize(
    "message",
    [
        "De quoi ça dépend, au juste ?",
        "Il vous faut quels renseignements ?",
        "Qu'est-ce qui entre en compte ?",
        "Pourquoi vous me posez cette question ?",
        "Vous avez besoin de connaître quoi ?",
    ],
)
def test_a_question_back_on_what_the_answer_needs_is_read(message: str) -> None:
    request = read(message)
    assert request is not None and request.operation == "needs"


@pytest.mark.parametrize(
    "message",
    [
        "Colle-moi l'extrait de la circulaire, mot à mot",
        "Donne-moi la formulation exacte du protocole",
        "Reproduis le passage de l'accord qui le prévoit",
    ],
)
def test_a_quote_may_name_the_text_it_is_taken_from(message: str) -> None:
    request = read(message)
    assert request is not None and request.operation == "quote"


@pytest.mark.parametrize(
    ("message", "asks"),
    [
        ("Tu aurais un cas pratique ?", True),
        ("Illustre avec des chiffres", True),
        ("Dans la pratique, ça donne quoi ?", True),
        ("Par exemple, du 2 mars au 30 avril ?", False),  # dates of its own: a case, calculated as usual
        ("Et pour un CDD ?", False),
    ],
)
def test_a_request_for_an_example_is_read(message: str, asks: bool) -> None:
    assert asks_example(message) is asks


def test_the_example_facts_come_from_the_message_else_from_the_question_back() -> None:
    today = date(2026, 11, 29)
    assert example_facts("un exemple sur quatre mois", None, today) == "du 1er janvier 2025 au 30 avril 2025"
    assert example_facts("montre-moi un cas pour 2 mois", None, today) == "du 1er janvier 2025 au 28 février 2025"
    back = "Sur quelle période (par exemple « du 1er février au 20 juin 2025 ») ?"
    assert example_facts("un exemple ?", back, today) == "du 1er février au 20 juin 2025"
    assert example_facts("un exemple ?", "Quel est votre diplôme ?", today) == ""


@pytest.mark.parametrize(
    "message",
    ["Redis-le simplement, je ne suis pas du métier", "En clair ? Je débute", "Plus simple stp, je comprends rien"],
)
def test_a_simpler_answer_asked_with_a_word_about_oneself_is_a_restatement(message: str) -> None:
    assert restates(message, TODAY)


def test_the_case_a_simpler_answer_is_asked_for_is_kept() -> None:
    assert restated_for_case("Dis-le plus simplement pour une salariée de 45 ans en CDD", TODAY) is not None
    assert restated_for_case("En termes simples, pour quelqu'un qui a 3 ans d'ancienneté ?", TODAY) is not None
    assert restated_for_case("Plus simplement, s'il te plaît", TODAY) is None


# --- the exchange, on the real index ------------------------------------------------------------------------


def _ask(assistant: Any, *messages: str) -> Any:
    conversation = Conversation()
    return ask_in_turn(assistant, *messages, conversation=conversation), conversation


def test_two_durations_are_set_side_by_side_each_cited(assistant: Any) -> None:
    answer, _ = _ask(
        assistant,
        "Combien de temps peut durer au maximum un contrat pro pour une qualification reconnue par la branche ?",
        "Et une Pro-A dans le même cas ?",
        "Du coup, laquelle des deux peut aller le plus loin ?",
    )
    assert "côte à côte" in answer.text
    assert {c.section.split(" (")[0] for c in answer.citations} >= {"Article 3.4", "Article 2.4"}
    assert "24" in answer.text


def test_two_bonuses_are_compared_on_the_aspect_asked(assistant: Any) -> None:
    """Art. 4.3: « Cette prime est versée en une seule fois à l'issue de la mission de tutorat » ; art. 9.3:
    « La prime est versée … le mois suivant la fin de l'action de formation »."""
    answer, _ = _ask(
        assistant,
        "Le tuteur d'un alternant, il a droit à combien de points ?",
        "Et un formateur interne à titre accessoire ?",
        "Entre les deux, quelle différence pour le moment du versement ?",
    )
    assert "une seule fois" in answer.text and "mois suivant" in answer.text
    assert len(answer.citations) == 2


def _fiche_levels() -> list[tuple[str, str]]:
    """Each CQP of the fiche with its RNCP level, read from the fiche's own drafting: a part states « inscrit
    au … (RNCP) au niveau N », then « La formation certifiante … menant au CQP de X »."""
    found: list[tuple[str, str]] = []
    level = ""
    with open(FICHE, encoding="utf-8") as fiche:
        lines = fiche.readlines()
    for line in lines:
        m = re.search(r"au niveau (\d) de qualification", line)
        if m:
            level = m.group(1)
        named = re.search(r"menant au CQP de ([^ ].+?) est propos", line)
        if named and level:
            found.append((named.group(1).strip(), level))
            level = ""
    return found


def test_cqp_levels_compared_pairwise_from_the_fiche(assistant: Any) -> None:
    """Property over the fiche's structure: asking the level of one CQP, then of the next, then which is
    higher, shows each side's level with its citation (three pairs, in the fiche's order)."""
    levels = _fiche_levels()
    assert len(levels) >= 4
    for (first, level_a), (second, level_b) in list(itertools.pairwise(levels))[:3]:
        answer, _ = _ask(
            assistant,
            f"Le CQP {first} se situe à quel niveau du RNCP ?",
            f"Et le CQP {second} ?",
            "Lequel des deux est au-dessus ?",
        )
        assert "côte à côte" in answer.text, answer.text
        assert f"niveau {level_a}" in answer.text and f"niveau {level_b}" in answer.text, (first, second, answer.text)


def test_what_a_pending_calculation_needs_is_said_and_stays_asked(assistant: Any) -> None:
    """Art. 5: the absence for a CEP depends on the contract (« tout salarié en CDI … ou tout salarié en CDD »)."""
    answer, conversation = _ask(
        assistant,
        "Je suis en CDD : la demi-journée d'absence pour un conseil en évolution professionnelle, j'y ai droit ?",
        "Ça dépend de quoi, exactement ?",
    )
    assert answer.route == "clarify"
    assert "il me manque" in answer.text
    assert conversation.turns[-1].pending  # the next message may still give the fact
    followed = assistant.ask("30 mois de salariat sur les 5 dernières années, dont 6 ici", conversation, today=TODAY)
    assert followed.route == "calculator"


def test_what_a_general_answer_depends_on_is_its_subjects_conditions(assistant: Any) -> None:
    answer, _ = _ask(
        assistant, "C'est quoi la garantie individuelle d'accès à la formation ?", "Et ça dépend de quoi ?"
    )
    assert answer.route != "refusal"
    assert any(c.section.startswith("Article 8") for c in answer.citations)


def test_an_example_is_calculated_on_stated_facts_and_labelled(assistant: Any) -> None:
    """Art. 4.3: « il correspond à 7 points par mois, complet ou non » — five months give 35 points."""
    answer, _ = _ask(
        assistant, "Comment marche la prime de tutorat ?", "Tu peux illustrer avec une mission de cinq mois ?"
    )
    assert answer.route == "calculator"
    assert "Exemple" in answer.text and "35 points" in answer.text
    answer, _ = _ask(
        assistant, "Le formateur interne occasionnel, il est payé comment ?", "Concrètement, ça donne quoi ?"
    )
    assert answer.route == "calculator" and "Exemple" in answer.text and "7 points" in answer.text


def test_an_example_of_a_rule_with_no_calculation_is_the_rule_as_written(assistant: Any) -> None:
    """Art. 6: « Les organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un
    entretien de bilan » — no calculation to illustrate: the rule's own sentence, with its figure."""
    answer, _ = _ask(assistant, "L'entretien professionnel, ça consiste en quoi ?", "Tu aurais un exemple concret ?")
    assert "exemple chiffré" in answer.text and "«" in answer.text
    assert re.search(r"\d", answer.text.split("l'écrivent :", 1)[1])
    assert answer.route != "clarify"


def test_a_concrete_question_of_its_own_is_no_example(assistant: Any) -> None:
    answer, _ = _ask(assistant, "À quoi sert un tuteur ?", "Et concrètement, il s'occupe de quoi chaque semaine ?")
    assert "Exemple" not in answer.text and answer.route != "calculator"


def test_a_quote_of_the_named_text_comes_from_that_text(assistant: Any) -> None:
    """Avenant art. 2: « Le congé … d'une durée de 24 heures est augmenté … à 48 heures maximum. »"""
    answer, _ = _ask(
        assistant,
        "Combien d'heures de congé VAE pour une salariée qui a un CAP ?",
        "Recopie la phrase exacte de l'avenant, stp",
    )
    assert "48 heures maximum" in answer.text
    assert all(c.document.startswith("avenant") for c in answer.citations)
