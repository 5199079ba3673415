"""A figure reported to be checked is answered with the sentence stating another figure of its measure
(`assistant.answering.claims`), read from the message's grammar and the sentences' own figures."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

import pytest

from assistant.answering.claims import claimed_figures, figures, other_figure_unit
from assistant.answering.splitting import passage_units
from ingest.models import Chunk

if TYPE_CHECKING:
    from assistant.service import Assistant


def folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


@pytest.mark.parametrize(
    "question",
    [
        "Il paraît qu'on n'a droit qu'à deux jours, c'est vrai ?",
        "Mon chef m'a dit qu'il fallait 3 ans. Il se trompe ?",
        "J'ai lu que la prime montait à 300 points.",
        "Le plafond est de 10 %, vous confirmez ?",
        "Trois stagiaires au plus : vrai ou faux ?",
    ],
)
def test_a_claim_to_check_states_its_figure(question: str) -> None:
    assert claimed_figures(question)


@pytest.mark.parametrize(
    "question",
    [
        "Combien de jours d'absence pour un CEP ?",
        "Je suis tuteur depuis 3 mois : combien de points ?",  # the asker's own figure, no check asked
        "C'est vrai que le CEP est gratuit ?",  # a check without a figure
    ],
)
def test_no_claimed_figure(question: str) -> None:
    assert not claimed_figures(question)


def test_one_figure_however_written() -> None:
    """ "une demi-journée" and "1 demi-journée" are one figure; "1 journée" another of the same measure."""
    (claimed,) = figures("une demi-journée")
    assert claimed in figures("de 1 demi-journée en vue de réaliser")
    assert figures("portée à 1 journée") - {claimed} and not figures("portée à 1 journée") & {claimed}


def test_every_other_figure_of_a_passage_answers_a_claim_of_its_first(chunks: list[Chunk]) -> None:
    """Property over the corpus: in every passage where two sentences state different figures of one measure,
    a claim of the first sentence's figure brings the other sentence (never one of another measure)."""
    checked = 0
    for chunk in chunks:
        units = [u for u in passage_units(chunk.text) if not u.is_header]
        for i, unit in enumerate(units):
            own = figures(unit.text)
            for measure, value, name in own:
                others = [
                    u
                    for u in units[i + 1 :]
                    if any(m == measure and (v, n) != (value, name) for m, v, n in figures(u.text))
                ]
                if not others or any(
                    m == measure and (v, n) != (value, name) for m, v, n in own
                ):  # the sentence already states another figure of the measure: it answers alone
                    continue
                question = f"Quelqu'un m'a dit que c'était {value} {name}. C'est exact ?"
                got = other_figure_unit(question, [unit], [(u, 1.0) for u in units], 0.4)
                assert got is not None, (chunk.section_path, unit.text)
                assert any(m == measure and (v, n) != (value, name) for m, v, n in figures(got.text))
                checked += 1
    assert checked >= 10


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Il paraît que pour aller voir un conseiller en évolution professionnelle on n'a droit qu'à une "
            "demi-journée d'absence, même quand il est à l'autre bout de la région. Vrai ?",
            "1 journee",
        ),
        (
            "Un collègue RH soutient qu'une demi-journée est le maximum d'absence pour un conseil en évolution "
            "professionnelle, sans exception. Je le crois ?",
            "1 journee",
        ),
        (
            "On m'a assuré que l'autorisation d'absence pour le CEP se limite à une demi-journée dans tous les cas. "
            "Tu confirmes ?",
            "1 journee",
        ),
    ],
)
def test_the_other_figure_is_said_on_the_real_corpus(assistant: Assistant, question: str, expected: str) -> None:
    """Art. 5: « … une autorisation d'absence rémunérée de 1 demi-journée … » and « L'absence peut être portée à
    1 journée lorsque l'organisme habilité … se trouve particulièrement éloigné du domicile du salarié. »"""
    answer = assistant.ask(question)
    assert answer.route == "retrieval"
    lead = folded(answer.text.split("\n\n")[0])
    assert expected in lead and "demi-journee" in lead
