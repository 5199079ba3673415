"""conv29: a follow-up's acknowledgement and who asks are no part of what it asks; a table quoted is re-rendered as
a table; the answer to a question back keeps every fact it gives; a fact stated where one was denied lifts the
denial; a calculator's sentence speaks of the person told.

Avenant du 11 octobre 2022, art. 2: "24 heures est augmenté pour les agents n'ayant pas atteint le niveau 4 […] à
48 heures maximum." CQP gestionnaire conseil, V: the grading table « Epreuve ou évaluation | Note/ | Coefficient |
Note éliminatoire | Total/200 » (« Epreuve écrite — … Coefficient : 3 », « Applications professionnelles tutorées —
Coefficient : 2 »). Protocole du 19 décembre 2019, art. 8: "Le bénéfice d'une formation est ainsi garanti à tous les
salariés présents qui n'en auraient pas suivi depuis 4 ans."
"""

from __future__ import annotations

import pytest

from assistant.answer import Citation
from assistant.conversation.fact_merge import merge_facts
from assistant.conversation.pleasantry import without_asker, without_pleasantry
from assistant.conversation.reshaping import table
from assistant.conversation.restate import completed
from assistant.conversation.state import Turn
from assistant.routing.case_owner import of_the_person
from tests.assistant.conversation_helpers import TODAY, routed_context

GRADING = (
    "Tableau : Epreuve ou évaluation | Note/ | Coefficient | Note éliminatoire | Total/200\n– Contrôles continus\n"
    "– Tronc commun — Note/ : /20; Coefficient : 1; Note éliminatoire : non; Total/200 : /20\n"
    "– Epreuve écrite — Note/ : /20; Coefficient : 3; Note éliminatoire : ≤ 6; Total/200 : /60\n"
    "– Applications professionnelles tutorées — Coefficient : 2; Note éliminatoire : non; Total/200 : /40"
)


@pytest.mark.parametrize(
    ("message", "left"),
    [
        ("Merci, c'est plus clair. Dernière précision sur le même sujet : mets-moi ça sous forme de tableau.",
         "Mets-moi ça sous forme de tableau."),
        ("Très bien, je note tout ça. Question suivante : fais-m'en une liste numérotée des conditions.",
         "Fais-m'en une liste numérotée des conditions."),
        ("Parfait. Pourrait-elle entrer en Pro-A ?", "Pourrait-elle entrer en Pro-A ?"),
        ("Merci. Je suis en CDD : puis-je faire une Pro-A ?", "Je suis en CDD : puis-je faire une Pro-A ?"),
        ("Bien compris, merci. Ensuite : non, erreur de ma part : c'était le 4 mai 2025.",
         "Non, erreur de ma part : c'était le 4 mai 2025."),
    ],
)  # fmt: skip
def test_an_acknowledgement_and_the_label_after_it_are_taken_off(message: str, left: str) -> None:
    assert without_pleasantry(message, TODAY) == left


@pytest.mark.parametrize(
    "message",
    [
        # a change of subject, a fact, a subject of the texts or a question in the sentence: kept whole
        "Merci pour ces précisions, je passe à tout autre chose. Bon, et pour le CQP, il existe combien d'options ?",
        "Ok pour la Pro-A. Et qui la finance ?",
        "Merci, mais pourquoi ? Je ne comprends pas.",
    ],
)
def test_a_sentence_that_says_something_is_kept(message: str) -> None:
    assert without_pleasantry(message, TODAY) == message


def test_who_asks_is_no_part_of_the_question_but_a_subject_named_so_is() -> None:
    framed = "Question de mon binôme au plateau téléphonique : Je n'ai pas le bac : combien d'heures de congé VAE ?"
    assert without_asker(framed) == "Je n'ai pas le bac : combien d'heures de congé VAE ?"
    assert without_asker("Question de paie : combien ?") == "Question de paie : combien ?"


def test_a_table_the_answer_quoted_is_written_again_with_its_columns() -> None:
    cited = Citation(1, "e1", "cqp-gestionnaire-conseil-mise-en-oeuvre", "V", 3, GRADING, path="V – Certification")
    last = Turn(
        "Quelles sont les épreuves et leurs coefficients ?", "", "new", "retrieval", citations=(cited,), lead="x"
    )
    shaped = table([last], "mets-moi ça sous forme de tableau", "", None, lambda q: pytest.fail(q))
    assert shaped is not None
    assert "| Epreuve ou évaluation | Note/ | Coefficient | Note éliminatoire | Total/200 |" in shaped.text
    assert "| Epreuve écrite | /20 | 3 | ≤ 6 | /60 |" in shaped.text
    assert "| Applications professionnelles tutorées | – | 2 | non | /40 |" in shaped.text
    assert "Contrôles continus" not in shaped.text  # a group's heading, no row of its own


def test_the_answer_to_a_question_back_keeps_every_fact_it_gives() -> None:
    asked = "Je suis en poste depuis six mois à la CPAM de Bordeaux. J'ai le droit de faire une Pro-A ?"
    context = routed_context(asked, pending=asked, missing=["contract", "diploma_level"])
    text = completed(context, "CDI depuis 2015, et mon diplôme le plus haut est un BTS", TODAY)
    assert "CDI" in text and "BTS" in text


@pytest.mark.parametrize(
    ("earlier", "follow", "expected"),
    [
        ("Je n'ai pas le bac : combien d'heures de congé VAE ?", "ah si, en fait j'ai eu un bac pro en 2009.",
         "J'ai un bac pro : combien d'heures de congé VAE ?"),
        ("Elle n'a jamais eu son bac, combien d'heures de VAE ?", "Non, elle a un bac STMG.",
         "Elle a un bac STMG, combien d'heures de VAE ?"),
    ],
)  # fmt: skip
def test_a_fact_stated_where_one_was_denied_lifts_the_denial(earlier: str, follow: str, expected: str) -> None:
    assert merge_facts(earlier, follow, TODAY).text == expected


def test_a_date_of_another_event_does_not_move_the_period_told() -> None:
    told = "Je prépare l'entretien annuel de Karim, agent en CDI chez nous depuis 2014."
    assert not merge_facts(told, "Sa dernière action de formation remonte à mai 2020.", TODAY).replaced
    assert "depuis avril 2025" in merge_facts("Je suis en CDI depuis 2014, combien ?", "et en avril 2025 ?", TODAY).text
    asked = "Aucune formation depuis juin 2022 : quand la garantie individuelle s'ouvrira-t-elle ?"
    supposed = merge_facts(asked, "Et si ma dernière formation avait lieu en juin 2028 ?", TODAY)
    assert supposed.text.startswith("Aucune formation depuis juin 2028")  # a hypothesis moves the date told


def test_a_rules_sentence_is_said_of_the_person_told() -> None:
    summary = "Congé VAE : jusqu'à 48 heures, car votre niveau de qualification (2) est inférieur au niveau 4 (bac)."
    said = of_the_person(summary, "ma collaboratrice lea n'a que le brevet")
    assert said == "Congé VAE : jusqu'à 48 heures, car son niveau de qualification (2) est inférieur au niveau 4 (bac)."
