"""A list item cut by a line or page break of the PDF is one item (`splitting.continues_item`): the item does
not end its clause and the next paragraph goes on in lower case. Read from the texts' drafting (list items end
with ";" or "."), checked over the whole corpus, and on the real assistant in wordings of our own."""

from __future__ import annotations

import itertools
import re
import unicodedata
from typing import TYPE_CHECKING

import pytest

from assistant.answering.splitting import continues_item, passage_units
from ingest.models import Chunk

if TYPE_CHECKING:
    from assistant.service import Assistant


def folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def test_no_list_item_is_left_cut_in_the_corpus(chunks: list[Chunk]) -> None:
    """Property over every passage: no unit going on in lower case follows a list item that does not end its
    clause; and every list item that was cut (its paragraph ends without ";", "." or ":") now holds the next
    paragraph's words."""
    joined = 0
    for chunk in chunks:
        units = passage_units(chunk.text)
        paragraphs = [p.strip() for p in chunk.text.split("\n\n") if p.strip()]
        items = {p for p in paragraphs if p.startswith("–")}
        for before, after in itertools.pairwise(units):
            cut = before.text in items and continues_item(before.text, after.text) and after.text in paragraphs
            assert not cut, (chunk.section_path, before.text, after.text)
        for item, following in itertools.pairwise(paragraphs):
            if item.startswith("–") and continues_item(item, following) and not re.search(r"[.;!?]\s+[A-Z]", following):
                assert any(item in u.text and following in u.text for u in units), (item, following)
                joined += 1
    assert joined >= 10  # the avenant's annexes (the ASS, CESF, AES frames, the master's blocks) break items


@pytest.mark.parametrize(
    ("item", "line", "expected"),
    [
        ("– bloc 3 : contribuer à l'innovation en s'inscrivant", "dans des logiques partenariales ;", True),
        ("– évaluer les besoins de la personne", "et de son entourage ;", True),
        ("– assurer une veille professionnelle ;", "de la fin de vie.", False),  # the item had ended
        ("– Conseiller offres de service de la branche Recouvrement", "a) (Nom de l'organisme)", False),
        ("– d'assurer une veille professionnelle", "c) Communication professionnelle", False),
        ("– une première partie", "Le contrôle des compétences s'exerce …", False),  # a new sentence
    ],
)
def test_continues_item(item: str, line: str, expected: bool) -> None:
    assert continues_item(item, line) is expected


@pytest.mark.parametrize(
    "question",
    [
        "Le master du manager stratégique : de quels blocs est-il fait ?",
        "Cite-moi les blocs de compétences du master manager stratégique.",
        "Quels sont les blocs de compétences du master que prépare le manager stratégique ?",
    ],
)
def test_the_cut_item_and_the_one_after_it_are_listed(assistant: Assistant, question: str) -> None:
    """Annexe 5: « – bloc 3 : contribuer à l'innovation … en s'inscrivant / dans des logiques partenariales
    internes et externes ; – bloc 4 : mémoire + soutenance. »"""
    text = folded(assistant.ask(question).text)
    assert "memoire" in text
    assert re.search(r"s.inscrivant dans des logiques partenariales", text)
