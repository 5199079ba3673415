"""How a question is asked is not what it asks about (issue #13 point 3, #21): an order opening the message
("Dresse la liste des …", "Peux-tu énumérer …", "Liste-moi …"), the kind of answer named after "quel" ("dans
quel but", "quel intérêt"), a text named by its year ("l'accord de 2019") are framing, not the subject that a
passage must speak of (`assistant.routing.request_frame`, `assistant.routing.subject`).

Wordings are this module's own, not an evaluation question's. The property tests build questions from the
protocole's own section titles (the real corpus): whatever order frames a title, the subject read is the
title's.
"""

from __future__ import annotations

import re

import pytest

from assistant.routing.request_frame import without_request
from assistant.routing.subject import subject_phrase
from ingest.models import Chunk
from tests.assistant.conftest import ACCORD

# Orders put before a noun phrase: imperatives with and without their pronoun, an infinitive after a modal,
# a noun naming the answer's form.
ORDERS = (
    "Énumère {np}.",
    "Liste-moi {np}.",
    "Dresse la liste de {np}.",
    "Fais-moi l'inventaire de {np}.",
    "Peux-tu recenser {np} ?",
    "Pourriez-vous détailler {np} ?",
    "Merci de nommer {np}.",
    "Rappelle-nous {np}.",
)


# A title naming the answer's form itself ("Liste de certifications éligibles") is framed by it after an order.
_FORM_NOUNS = frozenset({"liste", "ensemble", "détail", "tableau", "inventaire"})


def _titles(chunks: list[Chunk]) -> list[str]:
    """The protocole's section titles as noun phrases ("la durée de la formation"), once each."""
    seen: dict[str, None] = {}
    for chunk in chunks:
        if chunk.document != ACCORD or not chunk.section_title:
            continue
        title = re.sub(r"^[\d.\s]+", "", chunk.section_title).strip()
        words = title.split()
        if len(words) < 2 or not words[0][:1].isupper() or words[0].lower() in _FORM_NOUNS:
            continue
        seen[f"la {title[0].lower()}{title[1:]}"] = None
    return list(seen)


def test_an_order_is_not_the_subject_for_every_section_title(chunks: list[Chunk]) -> None:
    """For every titled section of the protocole, "Énumère / Liste-moi / Dresse la liste de … <title>" has the
    title's own subject: the order and "la liste de" frame the question (before: "dresse liste …", refused)."""
    titles = _titles(chunks)
    assert len(titles) >= 15
    for np in titles:
        plain = subject_phrase(np)
        assert plain, np
        for order in ORDERS:
            assert subject_phrase(order.format(np=np)) == plain, (order, np)


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("Dresse la liste de ceux qui peuvent me faire un bilan de compétences.", "bilan competences"),
        ("Recense ce que prévoit la CPNEFP pour la VAE.", "cpnefp"),
        ("Liste-moi les salariés pour lesquels la formation peut durer 36 mois.", "salaries formation"),
    ],
)
def test_a_pronoun_or_a_noun_of_kind_is_told_by_its_relative_clause(question: str, subject: str) -> None:
    """ "ceux qui …", "ce que …" stand for what the relative clause says; "les salariés pour lesquels la
    formation …" is about the formation for those employees, not about employees in general."""
    assert subject_phrase(question).startswith(subject)


@pytest.mark.parametrize(
    "question",
    [
        "Dans quel but l'accord de 2019 a-t-il mis en place le tutorat ?",
        "Pour quelle raison a-t-on instauré le tutorat ?",
        "Quel est l'intérêt du tutorat ?",
        "Quel objectif poursuit le tutorat ?",
    ],
)
def test_the_kind_of_answer_after_quel_is_not_the_subject(question: str) -> None:
    """ "but", "raison", "intérêt", "objectif" say that a purpose is asked (answered by art. 4.1's « Le tutorat a
    pour objet d'aider, d'informer et de guider … »): the subject is the tutorat, not "but 2019"."""
    assert subject_phrase(question).split()[0] == "tutorat"


def test_nouns_and_participles_are_not_orders() -> None:
    """A first word followed by an article is an order only in an imperative's form: a participle ("Embauchée le
    3 avril"), a quantifier ("Toutes les formations"), an interrogative are not cut."""
    assert without_request("embauchee le 3 avril mon entretien") == "embauchee le 3 avril mon entretien"
    assert without_request("toutes les formations sont payees", frozenset({"quelles"})).startswith("toutes")
    assert without_request("quelles les conditions", frozenset({"quelles"})).startswith("quelles")
    assert subject_phrase("Le tutorat, c'est obligatoire ?") == "tutorat"
