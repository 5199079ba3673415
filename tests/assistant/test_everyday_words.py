"""The everyday glossary in the scope check (`corpus_words.glossary_speaks`): a section's everyday words speak
of a question's subject only for that section, and general labour-law subjects are spoken of by no row."""

from __future__ import annotations

import pytest

from assistant.answering.answerable import _subjects
from assistant.answering.corpus_words import glossary_speaks
from ingest.models import Chunk
from knowledge.everyday import shipped_glossary
from knowledge.everyday_index import section_rows
from tests.knowledge.test_everyday import corpus_chunks

CHUNKS = corpus_chunks()


def _section(title: str) -> Chunk:
    return next(c for c in CHUNKS if c.section_title == title)


def test_every_term_speaks_for_its_own_section() -> None:
    """Property over every row: a question built on one of its terms ("Et pour <term>, c'est prévu ?") is
    spoken of by the glossary of a passage of its section (folding, stems and phrase windows agree)."""
    glossary = shipped_glossary()
    missed = []
    for row in glossary:
        passage = next((c for c in CHUNKS if row in section_rows(c, glossary)), None)
        if passage is None:
            continue  # a published number replaced by the consolidated one in force
        for term in row.terms:
            subjects = _subjects(f"Pour {term}, qu'est-ce qui est prévu ?")
            if subjects and not glossary_speaks(passage, subjects):
                missed.append((row.title, term))
    assert len(missed) <= 0.1 * sum(len(r.terms) for r in glossary), missed


@pytest.mark.parametrize(
    ("question", "title"),
    [
        # the CQP contrôleur allocataire's text says "vérifiant la conformité de la situation … de l'allocataire"
        ("Les enquêteurs CAF passent-ils une certification ?", "CQP Contrôleur allocataire"),
        ("un controleur caf a besoin d'un agrément ?", "CQP Contrôleur allocataire"),
        # the CQP manager opérationnel's text never says "chef" nor "encadrant"
        ("Pour un chef d'équipe, quelle certification existe ?", "CQP Manager opérationnel"),
        ("Je deviens encadrant de proximité : quel parcours diplômant ?", "CQP Manager opérationnel"),
        # the COS convention's article 13 says "renoncement", "dédit", never "pénalité"
        ("La pénalité si on se désiste, elle est de combien ?", "Dédit ou abandon de formation"),
        ("Le désistement, ça se paie ?", "Dédit ou abandon de formation"),
    ],
)
def test_an_everyday_subject_is_spoken_of_by_its_section(question: str, title: str) -> None:
    subjects = _subjects(question)
    assert glossary_speaks(_section(title), subjects), subjects


@pytest.mark.parametrize(
    "question",
    [
        "Ma mutuelle d'entreprise est-elle obligatoire ?",
        "Combien de jours de congés payés par an ?",
        "Ma période d'essai peut-elle être renouvelée ?",
        "Les tickets restaurant sont-ils dus en télétravail ?",
        "Une rupture conventionnelle, comment ça se négocie ?",
        "Mon arrêt maladie est-il payé dès le premier jour ?",
    ],
)
def test_a_general_labour_subject_is_spoken_of_by_no_section(question: str) -> None:
    """General labour-law words are no glossary terms: the glossary never makes such a question look covered."""
    subjects = _subjects(question)
    speaking = {(c.document, c.section_number, c.section_title) for c in CHUNKS if glossary_speaks(c, subjects)}
    assert not speaking, (subjects, speaking)


def _share_found(retriever: object, k: int = 3) -> tuple[float, list[str]]:
    glossary = shipped_glossary()
    found, missed = 0, []
    for row in glossary:
        if any(
            row in section_rows(e.chunk, glossary)
            for question in row.questions
            for e in retriever.search(question, k)  # type: ignore[attr-defined]
        ):
            found += 1
        else:
            missed.append(f"{row.document} {row.section} {row.title}")
    return found / len(glossary), missed


@pytest.mark.integration
def test_a_row_finds_its_section_through_retrieval(real_assistant: object) -> None:
    """Property over every row, on the real index (BM25, e5 and the glossary field turned on): one of its questions
    retrieves a passage of its section among the 3 best; the glossary field raises that share above what
    the texts' words and e5 reach alone."""
    retriever = real_assistant.retriever  # type: ignore[attr-defined]
    saved = dict(retriever.weights)
    try:
        # the field is off by default (`hybrid.GLOSSARY_WEIGHT`, measured); the mechanism is checked at the weight
        # it was built with
        retriever.weights["glossary"] = 0.3
        with_field, missed = _share_found(retriever)
        retriever.weights["glossary"] = 0.0
        without_field, _ = _share_found(retriever)
    finally:
        retriever.weights.clear()
        retriever.weights.update(saved)
    assert with_field >= 0.9, missed
    assert with_field > without_field
