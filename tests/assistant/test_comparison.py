"""Comparisons and choices (issue #13): the two sides read from the question's shape, and one cited
sentence per side taken from the real texts.

The search stands in for the retriever with a plain word overlap over the shipped parse's passages
(no embedder needed); the sides, the sentences and their sections are the real corpus's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from assistant.answering.citations import CitationBook
from assistant.answering.comparison import answer_comparison, read_comparison
from assistant.answering.units import unit_terms
from ingest.models import Chunk
from knowledge.hybrid import Evidence


@pytest.mark.parametrize(
    ("question", "sides"),
    [
        (
            "C'est quoi la différence entre un tuteur et un maître d'apprentissage ?",
            ("tuteur", "maître d'apprentissage"),
        ),
        ("Quelles différences y a-t-il entre la VAE et le CPF ?", ("VAE", "CPF")),
        ("Pro-A ou contrat pro : lequel choisir pour un CDI ?", ("Pro-A", "contrat pro")),
        ("Laquelle des deux est payée : la prime de tuteur ou la prime de formateur ?", None),
        (
            "Lequel des deux dure le plus longtemps : la Pro-A ou le contrat de professionnalisation ?",
            ("Pro-A", "contrat de professionnalisation"),
        ),
        ("formateur interne vs tuteur, qui gagne le plus ?", ("formateur interne", "tuteur")),
        ("Le bilan par rapport à l'entretien professionnel ?", ("bilan", "entretien professionnel")),
        (
            "Le CQP DAM et le CQP contrôleur allocataire, quelle différence de niveau ?",
            ("CQP DAM", "CQP contrôleur allocataire"),
        ),
        ("Le CEP et l'entretien pro, c'est pareil ?", ("CEP", "entretien pro")),
        ("Comparer la garantie individuelle et le CPF", ("garantie individuelle", "CPF")),
        (
            "La prime de tuteur, c'est plus ou moins que celle du formateur interne ?",
            ("prime de tuteur", "formateur interne"),
        ),
        (
            "Le CQP DAM est-il au-dessus ou en dessous du CQP gestionnaire carrière ?",
            ("CQP DAM", "CQP gestionnaire carrière"),
        ),
    ],
)
def test_sides_are_read_from_the_comparison_frame(question: str, sides: tuple[str, str] | None) -> None:
    read = read_comparison(question)
    if sides is None:  # "laquelle des deux … : X ou Y" with X = "la prime de tuteur"
        assert read is not None and read.sides == ("prime de tuteur", "prime de formateur")
        return
    assert read is not None and read.sides == sides


@pytest.mark.parametrize(
    "question",
    [
        "Qui peut bénéficier de la Pro-A ?",
        "Je peux faire une VAE ou un bilan ?",  # a choice of two schemes without a comparison frame: left alone
        "Le tuteur et le formateur sont-ils désignés par la direction ?",
        "Combien de points pour 5 mois de tutorat ?",
        "c'est plus ou moins que le formateur interne ?",  # one side only: the conversation must name the other
        "Il est au-dessus ou en dessous du CQP DAM ?",
    ],
)
def test_other_questions_are_not_comparisons(question: str) -> None:
    assert read_comparison(question) is None


def _search(chunks: list[Chunk]) -> Any:
    def search(text: str, k: int) -> Sequence[Evidence]:
        wanted = unit_terms(text)
        scored = sorted(
            # words of the heading count twice, as a field-weighted keyword search would
            (
                (len(wanted & unit_terms(c.context_text)) + len(wanted & unit_terms(c.section_title)), -n, c)
                for n, c in enumerate(chunks)
            ),
            key=lambda t: (t[0], t[1]),
            reverse=True,
        )
        return [Evidence(c.id, c, float(s)) for s, _, c in scored[:k] if s]

    return search


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        # art. 4.3 "… 7 points par mois …" (tutor) against art. 9.3 of the avenant "… fixé à 7 points par mois …"
        ("Prime de tuteur par rapport à la prime de formateur interne : combien de points ?", "tuteur", "formateur"),
        # fiche: "au niveau 5 de qualification sous le numéro 35729" / "au niveau 4 … sous le numéro 35543"
        (
            "Le CQP gestionnaire conseil et le CQP conseiller offres de services, quelle différence de niveau ?",
            "niveau 5",
            "niveau 4",
        ),
        # art. 5 (CEP) and art. 6 (entretien professionnel), each from its own article
        (
            "Quelle différence entre le conseil en évolution professionnelle et l'entretien professionnel ?",
            "conseil",
            "entretien",
        ),
    ],
)
def test_one_sentence_per_side_from_its_own_passage(
    question: str, first: str, second: str, chunks: list[Chunk]
) -> None:
    book = CitationBook()
    text = answer_comparison(question, _search(chunks), book, {})
    assert text is not None
    lines = [line for line in text.split("\n") if line.startswith("- ")]
    assert first in lines[0] and second in lines[1], text
    assert len(book.citations()) >= 2
    assert (
        book.citations()[0].section != book.citations()[1].section
        or book.citations()[0].document != book.citations()[1].document
    )


@pytest.mark.parametrize(
    "question",
    [
        "Entretien professionnel et entretien annuel d'évaluation : c'est pareil ?",
        "Quelle différence entre l'entretien annuel d'évaluation et l'entretien professionnel ?",
        "l'entretien pro vs l'entretien annuel d'évaluation ?",
    ],
)
def test_a_sentence_stating_how_the_two_relate_leads(question: str, chunks: list[Chunk]) -> None:
    """Art. 6: "L'entretien professionnel doit permettre … Il est distinct de l'entretien annuel d'évaluation
    et d'accompagnement." The pronoun stands for the article's subject, so the sentence names both sides,
    and it answers the question itself: it leads, before the side-by-side quotes."""
    text = answer_comparison(question, _search(chunks), CitationBook(), {})
    assert text is not None
    assert text.startswith("En bref"), text
    assert "distinct" in text.split("\n")[0], text
