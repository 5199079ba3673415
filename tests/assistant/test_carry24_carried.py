"""carry24: the facts of a calculation and the things of earlier turns, carried over the turns of a conversation.

Protocole du 19 décembre 2019, art. 5: "tout salarié en CDI qui justifie d'une ancienneté d'au moins 5 années passées
en qualité de salarié dont 12 mois au sein de l'organisme […] bénéficie à sa demande d'une autorisation d'absence
rémunérée de 1 demi-journée"; art. 4.3: "il correspond à 7 points par mois, complet ou non". The CQP fiche: the CQP
conseiller offres de services "est inscrit au Répertoire National de la Certification Professionnelle (RNCP) au
niveau 4 de qualification sous le numéro 35543"."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.conversation.backrefs import EarlierTurn, going_back, ordinal_subject
from assistant.conversation.bare_values import two_ends
from assistant.conversation.fact_merge import merge_facts
from assistant.conversation.frames import case_label, new_person
from assistant.conversation.restate import single_days
from assistant.conversation.source_request import asks_source, source_of_other
from assistant.conversation.subject import find_subject

TODAY = date(2026, 11, 29)
EXCHANGE = "Le CQP gestionnaire conseil est-il au-dessus ? Le CQP est inscrit au RNCP au niveau 5 sous le numéro 35729."


def test_a_numero_named_by_a_word_of_its_own_is_no_request_for_the_source() -> None:
    # the RNCP number of a certification is asked of it, not the reference of the answer's passage
    assert source_of_other("revenons au premier : son numéro RNCP ?", EXCHANGE) is None
    assert asks_source("donne-moi le numéro RNCP", EXCHANGE) is None
    assert asks_source("quel est le numéro exact de l'article ?", EXCHANGE) is not None
    assert asks_source("et le numéro ?", EXCHANGE) is not None


def test_going_back_to_the_first_keeps_what_is_asked_of_it() -> None:
    turns = [
        EarlierTurn("Mon CQP COS, quel niveau ?", find_subject("CQP conseiller offres de services")),
        EarlierTurn("Et le CQP de gestionnaire conseil ?", find_subject("CQP gestionnaire conseil")),
    ]
    back = going_back("revenons au premier : son numéro RNCP ?", turns)
    assert back is not None and back.subject.name == "CQP conseiller offres de services"
    assert back.rest == "son numéro RNCP ?"


@pytest.mark.parametrize(
    ("question", "message", "name"),
    [
        (
            "Je compare deux certificats : celui de gestionnaire conseil et celui de conseiller offres de services.",
            "le second, il est inscrit à quel niveau ?",
            "CQP conseiller offres de services",
        ),
        (
            "J'hésite entre deux CQP : contrôleur allocataire et manager opérationnel. Lequel a le plus de blocs ?",
            "le second, quel est son numéro RNCP ?",
            "CQP manager opérationnel",
        ),
    ],
)
def test_an_ordinal_counts_the_things_one_earlier_question_named(question: str, message: str, name: str) -> None:
    # one turn (refused or given one subject) named two things: "le second" is the second written, not the family
    for subject in (None, find_subject(question)):
        back = going_back(message, [EarlierTurn(question, subject)]) or ordinal_subject(
            message, [EarlierTurn(question, subject)]
        )
        assert back is not None and back.subject.name == name


@pytest.mark.parametrize(
    ("message", "period"),
    [
        (
            "une seule alternante, arrivée le 1er avril 2026 et partie le 15 août",
            "une seule alternante, du 1er avril 2026 au 15 août 2026",
        ),
        ("venu le 2 février 2026 et reparti le 20 juin 2026", "du 2 février 2026 au 20 juin 2026"),
    ],
)
def test_a_period_told_by_its_two_ends_is_read_as_a_period(message: str, period: str) -> None:
    assert two_ends(message, single_days(message, TODAY)) == period


def test_a_range_or_one_date_is_left_to_the_readers() -> None:
    assert two_ends("du 1er mars au 31 mai", single_days("du 1er mars au 31 mai", TODAY)) is None
    assert two_ends("le 3 mars", single_days("le 3 mars", TODAY)) is None


def test_the_seniority_in_the_organisation_replaces_its_own_figure() -> None:
    merged = merge_facts(
        "En CDI depuis 4 ans dans mon organisme, 11 ans de salariat en tout : droit à l'absence pour un CEP ?",
        "Et si je n'avais que 8 mois d'ancienneté dans l'organisme ?",
        TODAY,
    )
    assert "depuis 8 mois dans mon organisme, 11 ans de salariat" in merged.text


def test_two_labelled_cases_are_two_people() -> None:
    earlier = "Je suis RH, deux demandes d'absence pour un CEP, agent A : 2 ans de CDI chez nous, 12 ans de salariat."
    assert case_label(earlier) == "agent a"
    assert new_person("Agent B : CDI depuis 10 mois chez nous, 15 ans de salariat.", earlier, TODAY)
    assert not new_person("Agent A : plutôt 3 ans de CDI chez nous.", earlier, TODAY)
    assert case_label("Pro-A : et mon salaire ?") is None
