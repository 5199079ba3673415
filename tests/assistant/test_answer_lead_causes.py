"""Why the sentence that answers lost the lead, cause by cause (issue #13 point 3), on the protocole's text.

Each test uses wordings of its own; the docstrings quote the sentence the mechanism brings to the lead.
"""

from __future__ import annotations

import pytest

from assistant.answering.lead import Candidate, choose_lead
from assistant.answering.lead_span import lead_units
from assistant.answering.passage_ranking import names_part
from assistant.answering.passages import prepare
from assistant.answering.units import idf_weights, passage_units, query_weights, unit_scores
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
        ("Le préambule annonce 48 heures de VAE. Tout le monde y a droit ?", "Préambule", False),  # the premise
    ],
)
def test_a_part_named_by_the_question_is_recognised(question: str, section: str, named: bool) -> None:
    """The texts' own part names (préambule, annexe N, partie in Roman numerals) read from the question."""
    assert names_part(question, _part("avenant", section)) is named


@pytest.fixture(scope="module")
def avenant_preamble() -> str:
    """The avenant's preamble, as shipped (its list of aims is cut across two passages)."""
    from assistant.settings import REPO_ROOT
    from knowledge.shipped_vectors import shipped_chunks

    chunks = shipped_chunks(REPO_ROOT / "corpus", known_parses=True)
    return "\n\n".join(c.text for c in chunks if c.document == AVENANT and c.section_number == "Préambule")


AVENANT = "avenant-2022-10-11-formation-professionnelle"


@pytest.mark.parametrize(
    "question",
    [
        "Quels changements l'avenant d'octobre 2022 apporte-t-il ?",
        "Quelles nouveautés les partenaires sociaux ont-ils voulues en 2022 ?",
        "Les négociateurs de 2022 visaient quelles améliorations ?",
        "Quelles mesures l'avenant a-t-il prises ?",
    ],
)
def test_the_one_list_of_a_passage_answers_a_question_asking_for_several_things(
    question: str, avenant_preamble: str
) -> None:
    """Avenant, préambule: « Les parties signataires ont également souhaité : – ajouter des certifications
    professionnelles à la liste … – augmenter la durée de la VAE jusque 48 heures … – valoriser et reconnaître
    les activités de formateur interne … » A plural "quels/quelles" asks for several things: the passage's
    one list answers, although its introduction shares no word with the question."""
    units = passage_units(avenant_preamble)
    scores = unit_scores(question, units, idf_weights([avenant_preamble], query_weights(question)))
    lead = choose_lead(question, [Candidate(u, 0, s, 1.0) for u, s in zip(units, scores, strict=True)])
    assert lead is not None and lead.unit.text.startswith("Les parties signataires ont également souhaité")
    chosen = lead_units(question, lead, units, units)
    assert any("formateur interne" in u.text for u in chosen)


def test_a_passage_cut_inside_a_list_is_read_with_the_rest_of_the_list() -> None:
    """A passage ending on the first item of a list (« … souhaité : – ajouter des certifications … ») is
    quoted with the items the next passage holds; a next passage that is not a list is not joined."""
    first = Chunk(AVENANT, "Préambule", "", "Préambule", "Les parties ont souhaité :\n\n– ajouter ;", 1, 1, 0)
    rest = Chunk(AVENANT, "Préambule", "", "Préambule", "– augmenter ;\n\n– valoriser.", 1, 1, 1)
    prose = Chunk(AVENANT, "Préambule", "", "Préambule", "Le texte entre en vigueur.", 1, 1, 1)
    item = Evidence("a", first, 1.0)
    read = prepare("quels souhaits ?", item, 1.0, [item], {}, lambda chunk: rest)
    assert [u.text for u in read.units][-2:] == ["– augmenter ;", "– valoriser."]
    alone = prepare("quels souhaits ?", item, 1.0, [item], {}, lambda chunk: prose)
    assert all("vigueur" not in u.text for u in alone.units)
