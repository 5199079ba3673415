"""conv26: a follow-up continues the answered turn — read within the text that answered it, about the thing cited.

Circulaire du CQP gestionnaire conseil, V: "C'est un jury national paritaire de proclamation des résultats
(CPNEFP), qui délivre les CQP […]. Il se réunira dans un délai maximal d'un mois après chaque session d'examen
afin que les résultats soient disponibles rapidement." Fiche des CQP du Régime général, CQP Contrôleur du
recouvrement: "Le CQP a été créé par la Commission Paritaire Nationale de l'Emploi et de la Formation
Professionnelle (CPNEFP) du Régime général de Sécurité sociale en 2015 à la demande de la branche Recouvrement.\""""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answer import Answer, Citation
from assistant.conversation.answered_place import place_questions
from assistant.conversation.state import turn_of
from assistant.conversation.subject import Subject
from tests.assistant.conversation_helpers import ask_in_turn

CIRCULAIRE = "cqp-gestionnaire-conseil-mise-en-oeuvre"
CIRCULAIRE_TITLE = "Contexte, enjeux et modalités de mise en œuvre du CQP gestionnaire conseil de la sécurité sociale"
AVENANT_TITLE = "Avenant du 11 octobre 2022 à l'accord du 19 décembre 2019 relatif à la formation professionnelle"
FICHE_TITLE = "Les certificats de qualification professionnelle (CQP) du Régime général"


def _cited(document: str, section: str, title: str) -> Citation:
    return Citation(1, "e1", document, section, 1, "…", title=title)


def test_a_refused_follow_up_is_asked_within_the_text_cited_as_resolved_then_as_typed() -> None:
    asked = place_questions(
        "Et à quel tarif horaire ?",
        "Le module d'accueil, il était pris en charge pour combien d'heures, à quel tarif horaire ?",
        [_cited(CIRCULAIRE, "IX", CIRCULAIRE_TITLE)],
    )
    assert asked == [
        f"D'après le document « {CIRCULAIRE_TITLE} » : le module d'accueil, il était pris en charge pour combien "
        "d'heures, à quel tarif horaire ?",
        f"D'après le document « {CIRCULAIRE_TITLE} » : et à quel tarif horaire ?",
    ]


def test_an_avenant_is_named_as_the_answers_name_it_without_the_agreement_it_amends() -> None:
    asked = place_questions(
        "Et en combien de blocs ?", "Et en combien de blocs ?", [_cited("a", "Annexe 1", AVENANT_TITLE)]
    )
    assert asked == ["D'après l'avenant du 11 octobre 2022 : et en combien de blocs ?"]


def test_nothing_cited_gives_nothing_to_ask() -> None:
    assert place_questions("Et à quel tarif ?", "Et à quel tarif ?", []) == []


def test_a_thing_named_by_a_description_is_the_part_the_answer_cited() -> None:
    answer = Answer(
        question="…",
        text="…",
        route="retrieval",
        citations=[_cited("f", "CQP Contrôleur du recouvrement", FICHE_TITLE)],
    )
    turn = turn_of(answer, "La certification des contrôleurs sur pièces ?", "…", "new", topic=None, subject=None)
    assert turn.subject is not None and turn.subject.name == "CQP contrôleur du recouvrement"


def test_a_numbered_part_names_no_thing() -> None:
    answer = Answer(question="…", text="…", route="retrieval", citations=[_cited(CIRCULAIRE, "VII", CIRCULAIRE_TITLE)])
    assert turn_of(answer, "Qui organise ?", "…", "new", topic=None, subject=None).subject is None


@pytest.mark.integration
def test_the_results_delay_is_read_in_the_circular_that_answered_the_exam_calendar(assistant: Any) -> None:
    answer = ask_in_turn(
        assistant,
        "Je suis en formation de technicien conseil depuis la rentrée ; à quelles périodes de l'année passe-t-on "
        "l'écrit et l'oral ?",
        "Et le jury national se réunit quand après la session ?",
        "Donc pour la session de juin, au plus tard quand les résultats seront-ils connus ?",
    )
    assert answer.route != "refusal", answer.text[:300]
    assert "un mois" in answer.text
    assert any(c.document == CIRCULAIRE for c in answer.citations)


@pytest.mark.integration
def test_a_certification_described_then_pointed_to_is_the_one_cited(assistant: Any) -> None:
    answer = ask_in_turn(
        assistant,
        "J'aimerais des infos sur la certification des contrôleurs sur pièces de l'Urssaf.",
        "Elle a été créée à la demande de quelle branche, cette certification ?",
    )
    assert "branche Recouvrement" in answer.text, answer.text[:300]


def test_a_dispositif_the_topic_stood_for_gives_way_to_the_annex_cited() -> None:
    """Avenant du 11 octobre 2022, annexe 4 (« Manager opérationnel »): the certification asked about in a question
    on the Pro-A that named neither is the thing its follow-ups' pronouns point to."""
    cited = Citation(
        1,
        "e1",
        "avenant",
        "Annexe 4",
        9,
        "…",
        title=AVENANT_TITLE,
        path="Annexes › Annexe 4 – Manager opérationnel › Conclusion",
    )
    answer = Answer(question="…", text="…", route="retrieval", citations=[cited])
    topic_only = Subject("Pro-A", "la Pro-A", "pro_a")
    turn = turn_of(
        answer,
        "La certification des encadrants en reconversion alternée ?",
        "…",
        "new",
        topic="pro_a",
        subject=topic_only,
    )
    assert turn.subject is not None and turn.subject.name == "CQP manager opérationnel"
    named = Subject("Pro-A", "la Pro-A", "pro_a", (3, 8))
    assert (
        turn_of(answer, "La Pro-A, pour quelles certifications ?", "…", "new", topic="pro_a", subject=named).subject
        == named
    )


@pytest.mark.integration
def test_a_new_question_found_nothing_for_is_read_in_the_text_that_answered_the_turn_before(assistant: Any) -> None:
    """Circulaire, IX: "aux durées d'enseignement en centre de formation (face-à-face pédagogique), soit 40 heures
    pour Pass, 46 heures pour Prem'ss…" (Pass: "apprentissage du contexte, culture institutionnelle")."""
    answer = ask_in_turn(
        assistant,
        "En 2013, comment était financé le parcours du CQP gestionnaire conseil ?",
        "Le module d'accueil sur la culture de l'institution, il était pris en charge pour combien d'heures ?",
    )
    assert answer.route != "refusal", answer.text[:300]
    assert "40 heures" in answer.text
    assert all(c.document == CIRCULAIRE for c in answer.citations)


@pytest.mark.integration
def test_a_question_outside_the_texts_after_an_answered_turn_stays_refused(assistant: Any) -> None:
    answer = ask_in_turn(
        assistant,
        "En 2013, comment était financé le parcours du CQP gestionnaire conseil ?",
        "Et pour la mutuelle d'entreprise, on cotise combien ?",
    )
    assert answer.route == "refusal", answer.text[:300]
