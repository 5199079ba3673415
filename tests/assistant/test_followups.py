"""Follow-up resolution without the index: which messages continue the conversation, and how.

Each case is a message after a context, and the standalone question it must become. The router's
topic of the message alone is passed as the assistant passes it.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.conversation.followups import Context, find_subject, resolve
from assistant.conversation.slots import find_slots, merge_facts
from assistant.routing.router import route

TODAY = date(2026, 11, 29)


def _context(question: str, *, pending: bool = False, case: bool = False, missing: tuple[str, ...] = ()) -> Context:
    decision = route(question, TODAY)
    return Context(
        question=question,
        topic=decision.topic,
        subject=find_subject(question),
        pending=question if pending else None,
        missing=missing,
        case=case or pending,
    )


def _resolve(message: str, context: Context):
    decision = route(message, TODAY)
    return resolve(message, context, TODAY, own_topic=decision.topic, refused=decision.refusal_topic is not None)


@pytest.mark.parametrize(
    ("earlier", "message", "subject"),
    [
        ("C'est quoi la Pro-A ?", "et qui la finance ?", "Pro-A"),
        ("Qu'est-ce que le conseil en évolution professionnelle ?", "Qui le dispense ?", "conseil en évolution"),
        ("La prime de tutorat c'est combien ?", "c'est plafonné ?", "prime de tutorat"),
        ("Combien touche un formateur interne ?", "Et quand est-elle versée ?", "formateur interne"),
    ],
)
def test_a_question_without_a_subject_is_about_the_previous_one(earlier: str, message: str, subject: str) -> None:
    resolution = _resolve(message, _context(earlier))
    assert resolution.kind == "reference"
    assert resolution.subject is not None and subject in resolution.subject.name
    assert resolution.text.lower().startswith(resolution.subject.name.lower() + " :")


@pytest.mark.parametrize(
    ("earlier", "message"),
    [
        ("C'est quoi la Pro-A ?", "Combien d'heures de congé pour préparer une VAE ?"),
        ("Parle-moi du CQP gestionnaire conseil", "Et le CQP manager opérationnel, il a combien de blocs ?"),
        ("Qui peut bénéficier de la Pro-A ?", "Combien de jours de congés payés ai-je ?"),
    ],
)
def test_a_question_naming_its_own_subject_starts_afresh(earlier: str, message: str) -> None:
    resolution = _resolve(message, _context(earlier))
    assert resolution.kind == "new"
    assert resolution.text == message


def test_an_elliptic_message_asks_the_previous_question_about_its_words() -> None:
    resolution = _resolve("et son numéro RNCP ?", _context("Parle-moi du CQP gestionnaire conseil"))
    assert resolution.kind == "circumstance"
    assert resolution.text == "Parle-moi du CQP gestionnaire conseil, son numéro RNCP ?"


def test_a_changed_circumstance_is_put_in_place_of_the_old_one() -> None:
    resolution = _resolve("et pour un CDD ?", _context("Le CEP, ça marche comment pour un salarié en CDI ?"))
    assert resolution.kind == "circumstance"
    assert resolution.text == "Le CEP, ça marche comment pour un salarié en CDD ?"


def test_a_correction_replaces_the_fact_it_names() -> None:
    context = _context("Quelle contribution pour une masse salariale de 10 M€ ?", case=True)
    assert (
        _resolve("non, pardon, 3 M€ seulement", context).text
        == "Quelle contribution pour une masse salariale de 3 M€ ?"
    )


def test_a_new_circumstance_is_added_when_the_question_had_none() -> None:
    resolution = _resolve(
        "Et pour un demandeur d'emploi inscrit depuis 2 ans ?",
        _context("Quelle est la durée d'un contrat de professionnalisation ?"),
    )
    assert resolution.text == (
        "Quelle est la durée d'un contrat de professionnalisation, pour un demandeur d'emploi inscrit depuis 2 ans ?"
    )


def test_the_answer_to_a_clarification_completes_the_pending_question() -> None:
    context = _context("Combien de points pour ma prime de tuteur ?", pending=True, missing=("missions",))
    resolution = _resolve("du 1er septembre au 30 novembre 2025, deux salariés", context)
    assert resolution.kind == "completion"
    assert route(resolution.text, TODAY).route == "calculator"


def test_a_bare_number_answering_a_clarification_gets_the_unit_asked_for() -> None:
    context = _context("Quelle est la contribution de mon organisme ?", pending=True, missing=("payroll",))
    assert _resolve("20000000", context).text.endswith("20000000 euros ?")


def test_a_question_after_a_calculation_keeps_the_case() -> None:
    context = _context("Je tutore un salarié de janvier à mars 2026", case=True)
    resolution = _resolve("combien de points ça fait ?", context)
    assert resolution.text.startswith("Je tutore un salarié de janvier à mars 2026")
    assert route(resolution.text, TODAY).route == "calculator"


def test_a_greeting_is_not_a_follow_up() -> None:
    assert _resolve("merci", _context("C'est quoi la Pro-A ?")).kind == "new"


def test_the_end_of_a_period_moves_and_keeps_its_year() -> None:
    merged = merge_facts(
        "Je tutore un salarié du 1er janvier au 31 mars 2025, combien de points ?",
        "si la mission s'arrête fin mai",
        TODAY,
    )
    assert merged.text == "Je tutore un salarié du 1er janvier 2025 au 31 mai 2025, combien de points ?"


def test_the_start_of_a_period_moves() -> None:
    merged = merge_facts("Je tutore deux salariés de janvier à mars 2025 ?", "si elle a commencé en février", TODAY)
    assert "du 1er février 2025 au 31 mars 2025" in merged.text


def test_a_count_and_a_grade_are_replaced_by_kind() -> None:
    assert (
        "trois stagiaires" in merge_facts("Je tutore deux salariés en mars 2025 ?", "avec trois stagiaires", TODAY).text
    )
    merged = merge_facts("TC 9, option 9, écrit 9, oral 9, APT 9, certifié ?", "si j'avais eu 13 à l'oral", TODAY)
    assert "13 à l'oral" in merged.text and "oral 9" not in merged.text


def test_slots_do_not_overlap() -> None:
    slots = find_slots("depuis 2 ans en CDD à mi-temps", TODAY)
    assert [s.kind for s in slots] == ["period", "contract", "work_time"]


def test_a_plural_pronoun_points_to_the_previous_question_not_its_dispositif() -> None:
    resolution = _resolve(
        "elles s'appliquent depuis quand ?",
        _context("Quelles certifications ont été ajoutées à la liste Pro-A en 2022 ?"),
    )
    assert resolution.text == (
        "Quelles certifications ont été ajoutées à la liste Pro-A en 2022, elles s'appliquent depuis quand ?"
    )
