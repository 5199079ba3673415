"""What a message asks, read from its grammar (answer12): unit tests without an index.

- a lower bound asked ("quelle expérience minimum ?") is a kind of answer of its own (`answer_types.FLOOR`);
- a numbered list of things asked is answered item by item (`clauses.numbered_items`);
- a part of the user's own paper ("l'article 9 de mon contrat de travail") is no part of the texts
  (`named_parts`);
- a list named as where to read ("selon la liste des …, qui forme … ?") is no enumeration asked (`enumerations`);
- an interrogative before "cite-t-il / parle-t-il" asks what a text says, not whether it speaks of it
  (`text_mentions`);
- a demonstrative after a premise and a colon stands for the phrase it points back to (`composer`).
"""

from __future__ import annotations

import pytest

from assistant.answering.answer_types import FLOOR, LIMIT, asked_types, holds
from assistant.answering.asked_sentence import asked_sentence
from assistant.answering.clauses import asking_parts, numbered_items
from assistant.answering.disagreement import quantities
from assistant.answering.enumerations import read_enumeration
from assistant.answering.named_parts import read_references
from assistant.answering.text_mentions import mention_words
from assistant.settings import REPO_ROOT
from ingest.manifest import load_manifest
from ingest.models import DocumentInfo


@pytest.mark.parametrize(
    "question",
    [
        "Quelle ancienneté minimum pour l'absence rémunérée du CEP ?",
        "Combien d'heures au minimum pour les enseignements d'une Pro-A ?",
        "La durée minimale d'une Pro-A, c'est combien ?",
    ],
)
def test_a_lower_bound_asked_is_read(question: str) -> None:
    assert FLOOR in asked_types(question)
    assert LIMIT not in asked_types(question)


def test_an_upper_bound_asked_is_no_lower_bound() -> None:
    assert FLOOR not in asked_types("Quel est le plafond annuel de la prime de tuteur ?")


@pytest.mark.parametrize(
    ("sentence", "floor"),
    [
        # art. 7 (avenant 2022): « … justifie d'une activité, continue ou non, d'au moins une année … »
        ("dès lors que la personne justifie d'une activité, continue ou non, d'au moins une année", True),
        # art. 2.5: « … d'une durée au moins égale à 15 % … sans être inférieure à 150 heures »
        ("sans être inférieure à 150 heures", True),
        # art. 7 (avenant 2022): « … à 48 heures maximum »
        ("est augmenté pour les agents n'ayant pas atteint le niveau 4 … à 48 heures maximum", False),
    ],
)
def test_a_sentence_stating_a_lower_bound_is_told(sentence: str, floor: bool) -> None:
    assert holds(FLOOR, sentence) is floor


def test_a_numbered_list_is_read_item_by_item() -> None:
    message = (
        "Pour mon compte rendu sur la garantie individuelle : 1. après combien d'années sans formation elle joue, "
        "2. dans quel délai la formation intervient, 3. qui la choisit."
    )
    parts = asking_parts(message)
    assert len(parts) == 3
    assert all(p.startswith("Pour mon compte rendu sur la garantie individuelle") for p in parts)
    assert parts[1].endswith("dans quel délai la formation intervient")


@pytest.mark.parametrize(
    ("body", "items"),
    [
        ("a) le montant, b) le plafond", ["le montant", "le plafond"]),
        ("1) qui paie ; 2) quand", ["qui paie", "quand"]),
        ("l'article 4.3 et le niveau 2. Merci", []),  # numbers, not a list
        ("2. le montant, 3. le plafond", []),  # not numbered from 1
        ("1. le montant seulement", []),  # one item is no list
    ],
)
def test_numbered_items(body: str, items: list[str]) -> None:
    assert numbered_items(body) == items


@pytest.fixture(scope="module")
def manifest() -> dict[str, DocumentInfo]:
    return load_manifest(REPO_ROOT / "corpus" / "manifest.json")


@pytest.mark.parametrize(
    "question",
    [
        "L'article 9 de mon contrat de travail me donne 5 heures par semaine pour tutorer : c'est l'accord ?",
        "L'annexe 2 de notre règlement intérieur fixe la prime à 10 points, est-ce conforme ?",
    ],
)
def test_a_part_of_the_users_own_paper_is_no_part_of_the_texts(
    question: str, manifest: dict[str, DocumentInfo]
) -> None:
    assert read_references(question, manifest) == []


@pytest.mark.parametrize(
    "question",
    [
        "Que dit l'article 9 de mon PDF de 2019 ?",  # the texts as the user holds them
        "L'article 4.3 de l'accord prévoit combien de points ?",
    ],
)
def test_a_part_of_the_texts_is_still_read(question: str, manifest: dict[str, DocumentInfo]) -> None:
    assert read_references(question, manifest)


def test_a_list_named_as_where_to_read_is_no_enumeration() -> None:
    assert (
        read_enumeration("D'après la liste des certifications Pro-A, qui prépare au diplôme d'aide-soignant ?") is None
    )
    assert read_enumeration("Donne-moi la liste des certifications Pro-A") is not None


def test_an_interrogative_before_the_verb_asks_what_the_text_says() -> None:
    assert mention_words("Quels organismes l'accord cite-t-il pour le conseil en évolution professionnelle ?") == []
    assert mention_words("L'accord parle-t-il de l'égalité entre les femmes et les hommes ?")


def test_a_demonstrative_stands_for_the_phrase_of_the_premise() -> None:
    message = (
        "Je suis moniteur éducateur et je prépare le diplôme d'éducateur spécialisé par la Pro-A : "
        "quel organisme forme à ce diplôme ?"
    )
    assert asked_sentence(message) == "quel organisme forme à diplôme d'éducateur spécialisé ?"
    assert (
        asked_sentence("Quel organisme forme au diplôme d'infirmier ?")
        == "Quel organisme forme au diplôme d'infirmier ?"
    )


def test_a_point_of_a_meeting_is_no_quantity_of_points() -> None:
    """Art. 4.3: « Un point spécifique est fait sur cette activité … » is no bonus of one point; « il correspond à
    7 points par mois » is one."""
    assert quantities("Un point spécifique est fait sur cette activité.") == {}
    assert quantities("il correspond à 7 points par mois, complet ou non") == {"points": {7.0}}
