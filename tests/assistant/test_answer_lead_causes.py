"""Why the sentence that answers lost the lead, cause by cause (issue #13 point 3), on the protocole's text.

Each test uses wordings of its own; the docstrings quote the sentence the mechanism brings to the lead.
"""

from __future__ import annotations

import pytest

from assistant.answering.composer import names_part
from assistant.answering.lead import Candidate, lead_units
from assistant.answering.units import passage_units
from ingest.models import Chunk
from knowledge.hybrid import Evidence
from tests.assistant.lead_helpers import lead_of


@pytest.mark.parametrize(
    "question",
    [
        "En quoi la garantie d'accès à la formation va-t-elle plus loin que la loi ?",
        "La garantie individuelle est plus avantageuse que le code du travail : concrètement ?",
        "Le droit d'accès à la formation de l'article 8, qu'apporte-t-il de plus que la loi ?",
    ],
)
def test_the_consequence_drawn_completes_the_lead(question: str, sections: dict[str, str]) -> None:
    """Art. 8: « Le salarié bénéficie d'un droit d'accès à la formation, dans des conditions plus favorables
    que celles prévues par la loi … Le bénéfice d'une formation est ainsi garanti à tous les salariés
    présents qui n'en auraient pas suivi depuis 4 ans. » The "ainsi" sentence says what the first states in
    general terms: whichever of the two leads, the other comes with it when it draws the consequence."""
    units = passage_units(sections["8"])
    general = next(u for u in units if "plus favorables" in u.text)
    chosen = lead_units(question, Candidate(general, 0, 1.0, 1.0), units, units)
    assert any("4 ans" in u.text for u in chosen)


@pytest.mark.parametrize(
    "question",
    [
        "La formation garantie après quatre ans, elle figure dans quel plan de l'organisme ?",
        "Garantie individuelle : dans quel plan de l'organisme la formation est-elle inscrite ?",
        "Ma formation due au titre des 4 ans sans formation, quel plan la porte ?",
    ],
)
def test_what_a_quel_question_asks_about_leads(question: str, sections: dict[str, str]) -> None:
    """Art. 8: « Elles sont inscrites au plan de développement des compétences de l'organisme. » The words
    next to "quel" (the plan, the budget, the organisme) are what is asked; the sentence restating the
    premise (the training guaranteed after 4 years) does not lead."""
    assert "plan de développement des compétences" in lead_of(question, sections, "8")


def _part(document: str, section: str) -> Evidence:
    return Evidence(f"{document}:{section}", Chunk(document, section, "", section, "Texte.", 1, 1, 0), 1.0)


@pytest.mark.parametrize(
    ("question", "section", "named"),
    [
        ("Que disent les signataires dans le préambule de l'avenant ?", "Préambule", True),
        ("L'annexe 4 justifie comment l'inscription du CQP ?", "Annexe 4", True),
        ("L'annexe 4 justifie comment l'inscription du CQP ?", "Annexe 1", False),
        ("Dans la circulaire, que dit la partie VI ?", "VI", True),
        ("Dans la circulaire, que dit la partie VI ?", "VII", False),
        ("Qui finance la Pro-A ?", "Préambule", False),
    ],
)
def test_a_part_named_by_the_question_is_recognised(question: str, section: str, named: bool) -> None:
    """The texts' own part names (préambule, annexe N, partie in Roman numerals) read from the question."""
    assert names_part(question, _part("avenant", section)) is named
