"""A message asking several things by bullets, a bare "combien ?", a clause asking what the bonus's article says of an
outside subject, and a list answered from the list in force (lead20, #13 class 3).

The real-corpus cases failed on main at the sixteenth session's start: "→ combien ?" was led by art. 9.2's sentence on
the 2010 "formateur occasionnel" (the context's words), "→ ça compte pour l'allocation vacances ?" was cut from the
message as a salary question although art. 9.3 answers it, a moment asked in a second clause scored under the
clause floor, and "quels diplômes du soin … par alternance ?" listed the avenant's table of five additions instead of
annexe 1's list in force. Wordings are this module's own.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.answer_types import AMOUNT, asked_types, asks_amount, holds
from assistant.answering.clauses import asking_parts
from knowledge.everyday_names import names_a_text
from text.folding import finish_spelling, same_length, spelt_out

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("message", "clauses"),
    [
        (
            "Formateur interne : → combien ? → versé quand ? → ça compte pour l'allocation vacances ?",
            ["combien ?", "versé quand ?", "ça compte pour l'allocation vacances ?"],
        ),
        ("CEP : ▪️ combien d'heures d'absence ? ▪️ les frais de repas sont remboursés ?", None),
        (
            "La Pro-A : • qui la finance ? • elle dure combien de temps ?",
            ["qui la finance ?", "elle dure combien de temps ?"],
        ),
        ("Tutorat : - combien de salariés au maximum ? - la prime est-elle proratisée ?", None),
    ],
)
def test_a_bullet_is_no_word_of_the_clause_it_opens(message: str, clauses: list[str] | None) -> None:
    parts = asking_parts(message)
    assert len(parts) >= 2, parts
    for part in parts:
        asked = part.rpartition(" : ")[2]
        assert not asked.startswith(("→", "▪", "•", "-")), part
    if clauses is not None:
        assert [p.rpartition(" : ")[2] for p in parts] == clauses


@pytest.mark.parametrize(
    "clause", ["combien ?", "c'est combien ?", "Elle est de combien, la prime ?", "combien je touche ?"]
)
def test_a_bare_combien_asks_an_amount(clause: str) -> None:
    assert asks_amount(clause)
    assert AMOUNT not in asked_types(clause)  # read for a clause naming nothing of its own only (`clause_lead`)


@pytest.mark.parametrize(
    "clause",
    [
        "combien de points ?",
        "tous les combien ?",
        "combien de temps dure-t-elle ?",
        "combien au maximum ?",
        "Les assistantes sociales, elles sont combien ?",
        "c'est limité à combien ?",
    ],
)
def test_a_counted_noun_a_period_a_head_count_or_a_bound_is_no_bare_amount(clause: str) -> None:
    assert not asks_amount(clause)


def test_an_amount_is_held_by_points_euros_or_a_percentage() -> None:
    """Art. 9.3: « Le montant de la prime est fixé à 7 points par mois pour chaque action de formation … »; art. 9 (10):
    « … correspondant à 0,15 % de leur masse salariale brute »; not a level nor a text's date."""
    assert holds(AMOUNT, "Le montant de la prime est fixé à 7 points par mois pour chaque action de formation.")
    assert holds(AMOUNT, "une contribution conventionnelle supplémentaire correspondant à 0,15 % de leur masse")
    assert not holds(AMOUNT, "sont rémunérés, au minimum, sur la base du coefficient de qualification du niveau 2.")
    assert not holds(AMOUNT, "prévue dans le protocole d'accord relatif à la formation du 3 septembre 2010")


def _clause_answer(text: str, clause: str) -> str:
    """The lead line given for one clause ("Et pour « clause » :" then its line)."""
    head = f"« {clause} » :"
    assert head in text, text
    return text.split(head, 1)[1].strip().split("\n", 1)[0]


@pytest.mark.parametrize(
    "message",
    [
        "\U0001f469\u200d\U0001f4bb Formatrice interne à titre accessoire :\n→ combien ?\n→ payé quand ?"
        "\n→ ça compte pour l'allocation vacances ?",
        "Formateur interne occasionnel :\n• combien ?\n• versé quand ?\n• ça entre dans l'allocation vacances ?",
    ],
)
def test_each_bullet_of_the_trainer_s_bonus_is_led_by_its_own_sentence(assistant: Any, message: str) -> None:
    """Art. 9.3 (avenant 2022, art. 3): « Le montant de la prime est fixé à 7 points par mois … », « La prime est
    versée … le mois suivant la fin de l'action de formation. », « La prime n'entre pas dans la base de calcul de
    l'allocation vacances et de la gratification annuelle … »."""
    answer = assistant.ask(message, today=TODAY)
    assert answer.route == "retrieval"
    assert "7 points par mois" in _clause_answer(answer.text, "combien ?")
    assert "allocation vacances" in answer.text and "n’entre pas" in answer.text
    assert "Les textes indexés ne traitent pas de salaire" not in answer.text  # the third bullet is not cut
    assert "mois suivant" in answer.text


def test_a_clause_of_an_outside_subject_is_still_cut(assistant: Any) -> None:
    """The exception is what the bonus's article states (the allocation vacances), not the bonus's topic: RTT stay
    uncovered."""
    answer = assistant.ask("Formateur interne : → combien ? → et mes RTT, je les pose quand en décembre ?", today=TODAY)
    assert "7 points" in answer.text
    assert answer.text.rstrip().splitlines()[-1].startswith("Les textes indexés ne traitent pas")


def test_a_moment_asked_in_a_second_clause_is_answered(assistant: Any) -> None:
    """Art. 4.3: « Cette prime est versée en une seule fois à l'issue de la mission de tutorat … »: the clause's few
    words score under the clause floor, the moment it states decides."""
    answer = assistant.ask(
        "bonjour je voudrais savoir combien de points touche un tuteur par mois et quand est ce que c est paye merci",
        today=TODAY,
    )
    assert "7 points" in answer.text
    assert "une seule fois" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Quels diplômes du soin peut-on préparer en se reconvertissant par alternance dans nos établissements ?",
        "Quels diplômes du secteur des soins sont ouverts à la Pro-A ?",
    ],
)
def test_a_list_is_answered_from_the_list_in_force(assistant: Any, question: str) -> None:
    """Annexe 1 (liste complétée par l'avenant du 11 octobre 2022, art. 1): « Diplôme d'État d'Infirmier — 06 –
    Métiers de l'offre de soins et prise en charge du handicap », « Diplôme d'État d'aide-soignant — 06 – … »; the
    avenant's own table of the five additions is held whole by it."""
    text = assistant.ask(question, today=TODAY).text
    assert "Infirmier" in text and "aide-soignant" in text
    assert "Modification de l’article 2" not in text.split("\n", 1)[0]


def test_the_avenant_s_additions_are_still_listed_when_it_is_named(assistant: Any) -> None:
    question = "Quelles certifications l'avenant de 2022 a-t-il ajoutées à la liste Pro-A ?"
    text = assistant.ask(question, today=TODAY).text
    assert "ajoutées par l'avenant" in text
    assert "Master manager stratégique" in text and "Infirmier" not in text


def test_the_ligature_aware_fold_is_the_router_s_fold_spelt_out() -> None:
    """`text.folding.spelt_out` (moved from `knowledge.everyday_names.fold`) and the router's twin finished once."""
    assert spelt_out("La note de mise en Œuvre\n  du CQP") == "la note de mise en oeuvre du cqp"
    folded = same_length("Dans la note de mise en Œuvre du CQP,\nqui délivre ?")
    assert finish_spelling(folded) == spelt_out("Dans la note de mise en Œuvre du CQP,\nqui délivre ?")
    assert names_a_text(folded)
