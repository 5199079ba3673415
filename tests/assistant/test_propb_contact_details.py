"""A contact detail asked of the texts, and whether the best passages hold one (`answering.contact_details`, #13).

The texts name bodies (the regional training centres, the OPCO Uniformation, the Ucanss) and the convention de
formation's header asks for each party's "Adresse :", but no passage writes a telephone number, a street address or an
e-mail. A question asking one of those values is not answered by a passage naming the body. The questions below are
mine, not an evaluation item's wording."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any, cast

import pytest

from assistant.answering.contact_details import asked_contact, unstated_contact

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Quel est le numéro de téléphone du CRFP de Marseille ?", "telephone"),
        ("À quelle adresse envoyer le dossier ?", "adresse"),
        ("Quelle est l'adresse postale du centre de formation ?", "adresse"),
        ("Quelle adresse mail utiliser pour écrire à l'Ucanss ?", "courriel"),
        ("Quelles sont les coordonnées du centre régional ?", "coordonnees"),
        ("À qui m'adresser en cas de litige ?", None),  # the verb "s'adresser", no value asked
        ("À qui s'adresse la Pro-A ?", None),
        ("Faut-il indiquer l'adresse de chaque école dans la convention ?", None),  # a field named, not asked
        ("Quelle facture le centre nous adresse-t-il ?", None),
        ("Quel est le numéro de l'article sur le tutorat ?", None),  # an article's number is the texts'
    ],
)
def test_the_contact_detail_asked_is_read_from_the_interrogative(question: str, kind: str | None) -> None:
    assert asked_contact(question) == kind


def _passage(text: str) -> Any:
    return cast(Any, SimpleNamespace(chunk=SimpleNamespace(context_text=text)))


def test_a_passage_holding_a_value_of_the_kind_states_it() -> None:
    asked = "Quelle est l'adresse du centre régional de formation ?"
    centre = "Les centres régionaux de formation professionnelle du Régime général de Sécurité sociale (RGSS)."
    assert unstated_contact(asked, [_passage(centre)]) == "adresse"
    assert unstated_contact(asked, [_passage(centre + " Siège : 12 rue de la Paix.")]) is None
    assert unstated_contact(asked, [_passage("CRFP, 93100 Montreuil")]) is None
    phone = "Quel est le numéro de téléphone du centre ?"
    assert unstated_contact(phone, [_passage("Tél. : 01 45 67 89 10")]) is None
    assert unstated_contact(phone, [_passage("Article 7 : 5,5 jours, 40 heures")]) == "telephone"


@pytest.mark.integration
def test_an_address_the_texts_never_write_is_refused(assistant: Any) -> None:
    """The convention de formation names Uniformation and its header a blank "Adresse :", never an address: the
    question was answered from the header before the check."""
    for question in (
        "À quelle adresse faut-il envoyer la convention signée à Uniformation ?",
        "Quelle est l'adresse postale du centre régional de formation qui organise PREM'SS ?",
    ):
        assert unstated_contact(question, assistant._search(question, 10)) == "adresse"
        assert assistant.ask(question, today=TODAY).route == "refusal"


@pytest.mark.integration
def test_the_verb_sadresser_is_no_contact_asked(assistant: Any) -> None:
    """Art. 2.3: "La Pro-A concerne les salariés en contrat à durée indéterminée …": whom it is for is answered."""
    assert assistant.ask("À qui s'adresse la Pro-A ?", today=TODAY).route == "retrieval"
