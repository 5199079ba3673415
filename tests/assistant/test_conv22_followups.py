"""Follow-ups that act on the last answer, facts that change a calculator input, and a refused follow-up asked
plainly (conv22, issue #14), in words no evaluation set uses.

Without the index: which messages ask where the answer is written or its sentence (`about_answer.read`), and which
later fact takes the place of an earlier one (`fact_merge.merge_facts`). With the index (`assistant`): whole
exchanges, calculators included.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.conversation import Conversation
from assistant.conversation.about_answer import read
from assistant.conversation.fact_merge import merge_facts
from tests.assistant.conversation_helpers import TODAY


@pytest.mark.parametrize(
    "message",
    [
        "la page ?",
        "Et la source ?",
        "Quelles sont tes sources ?",
        "Tu peux me le prouver ?",
        "Tu te bases sur quel texte ?",
    ],
)
def test_where_the_answer_is_written_asked_by_a_noun_or_a_proof(message: str) -> None:
    request = read(message)
    assert request is not None and request.operation == "source"


def test_a_quote_asked_to_be_put_here_is_a_quote() -> None:
    request = read("Copie-moi ici le passage du texte.")
    assert request is not None and request.operation == "quote"


@pytest.mark.parametrize("message", ["Il faut une preuve de mon ancienneté ?", "La page sur la VAE ?"])
def test_a_noun_with_a_subject_of_its_own_asks_about_that_subject(message: str) -> None:
    assert read(message) is None


def test_a_whole_and_its_part_correct_their_own_counterparts() -> None:
    """Art. 5: « tout salarié en CDI qui justifie d'une ancienneté d'au moins 5 années passées en qualité de salarié
    dont 12 mois au sein de l'organisme »: the whole career and the part spent in the organisation are two facts."""
    earlier = "Je suis en CDD, 28 mois de salariat ces cinq dernières années, dont 5 mois dans notre Carsat."
    merged = merge_facts(earlier, "Non, je suis en CDI, avec 9 ans de métier dont 2 ans chez eux.", TODAY)
    assert "CDI" in merged.text and "9 ans" in merged.text and "2 ans" in merged.text
    assert "28 mois" not in merged.text and "5 mois" not in merged.text


def test_a_contract_turning_into_another_replaces_the_earlier_one() -> None:
    """Art. 2.3: « La Pro-A concerne les salariés en contrat à durée indéterminée … »: the contract that holds is
    the one the user's contract becomes."""
    earlier = "Je suis en CDD à l'Urssaf, la Pro-A m'est-elle ouverte ?"
    assert "CDI" in merge_facts(earlier, "Mon CDD va se transformer en CDI en février.", TODAY).text
    assert "CDI" in merge_facts(earlier, "Je passe de CDD à CDI en février.", TODAY).text
    # two contracts set side by side: neither is a change of the case
    assert "CDD" in merge_facts(earlier, "CDD ou CDI, quelle différence pour la Pro-A ?", TODAY).text


def test_a_contract_announced_after_the_refusal_is_read(assistant: Any) -> None:
    """Art. 2.3 (above): the CDD refused, then a CDI announced, the Pro-A is open."""
    conversation = Conversation()
    assistant.ask("En CDD dans une Carsat, ai-je accès à la Pro-A ?", conversation, today=TODAY)
    assistant.ask("Mon CDD devient un CDI au 1er janvier, j'ai un BTS.", conversation, today=TODAY)
    answer = assistant.ask("Alors, c'est possible ?", conversation, today=TODAY)
    assert [c.name for c in answer.tool_calls] == ["pro_a_eligibility"]
    assert answer.tool_calls[0].result["eligible"] is True


def test_a_source_noun_alone_lists_the_cited_part(assistant: Any) -> None:
    """Art. 4.2: « chaque tuteur accompagne, au maximum, 3 salariés »: the page asked is the cited part's."""
    conversation = Conversation()
    assistant.ask("Un tuteur peut suivre jusqu'à combien de personnes ?", conversation, today=TODAY)
    answer = assistant.ask("Et la page ?", conversation, today=TODAY)
    assert answer.route == "retrieval" and "4.2" in answer.text and "page" in answer.text
