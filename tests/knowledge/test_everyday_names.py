"""The everyday names of the indexed texts (`knowledge/data/everyday/names/texts.jsonl`, names19): well formed,
tied to the shipped documents and their parts, written apart from the evaluation sets, and read by the router as
naming the texts — a name of another branch's text or certificate is not."""

from __future__ import annotations

import json
from datetime import date

import pytest

from assistant.routing.router import route
from assistant.settings import REPO_ROOT
from knowledge.everyday import Glossary
from knowledge.everyday_names import NAMES_FILE, core, load, named_parts, named_place, names_a_text
from tests.knowledge.test_everyday import _eval_questions, _near
from text.folding import same_length

ROWS = load()
TODAY = date(2026, 11, 29)
CONVENTION = "convention-formation-cqp-conseiller-offres-de-service"
CIRCULAR = "cqp-gestionnaire-conseil-mise-en-oeuvre"
SHEET = "cqp-regime-general"
ACCORD = "accord-2019-12-19-formation-professionnelle"
AVENANT = "avenant-2022-10-11-formation-professionnelle"


def test_every_row_names_a_shipped_document_with_ten_to_twenty_five_names() -> None:
    manifest = json.loads((REPO_ROOT / "corpus" / "manifest.json").read_text(encoding="utf-8"))
    documents = {entry["document"] for entry in manifest}
    assert {row.document for row in ROWS if row.part == ""} == documents  # every text has its everyday names
    keys = [(row.document, row.part) for row in ROWS]
    assert len(keys) == len(set(keys))
    for row in ROWS:
        assert row.document in documents
        assert row.kind == ("document" if not row.part else "certificate" if row.part.startswith("CQP ") else "part")
        assert 10 <= len(row.names) <= 25, row
        assert len({core(n) for n in row.names}) == len(row.names), row  # no name twice under two determiners
        assert all(len(core(n)) >= 4 for n in row.names), row


def test_each_certificate_of_the_sheet_is_a_heading_of_the_sheet() -> None:
    """A part of the CQP sheet is one of its sections, by its title (the sheet's headings are unnumbered)."""
    titles = {row.title for row in Glossary.load() if row.document == SHEET}
    parts = {row.part for row in ROWS if row.document == SHEET and row.part}
    assert len(parts) == 8
    assert parts <= titles


def test_no_name_is_near_an_evaluation_question() -> None:
    """The folder's rule: names are written from the texts, not from the measured questions (difflib < 0.8)."""
    questions = _eval_questions()
    assert len(questions) > 500
    # a name that is its part's own heading, or a misspelling of it ("le CQP inspeteur du recouvrement"), is the
    # texts' phrase, which questions use too (as the glossary's short terms are exempt)
    titles = {(row.document, row.part): row.part for row in ROWS}
    own = [n for row in ROWS for n in row.names if row.part and _near([n], [titles[(row.document, row.part)]])]
    assert not _near([n for row in ROWS for n in row.names if n not in own], questions)


def test_everyday_names_are_read_as_naming_the_texts() -> None:
    assert (CONVENTION, "") in named_parts("Le contrat avec le centre de formation prévoit quel délai de prévenance ?")
    assert (CIRCULAR, "certification") in named_parts("À l'examen du CQP GC, la note éliminatoire est de combien ?")
    assert (CIRCULAR, "parcours") in named_parts("Prem'ss, ça dure combien d'heures ?")
    assert (SHEET, "CQP Manager opérationnel") in named_parts("Le CQP des chefs d'équipe est de quel niveau ?")
    assert route("Dans la note de mise en œuvre du CQP, qui délivre le certificat ?", TODAY).names_texts
    assert route("Le texte de 2019 sur la formation est conclu pour combien de temps ?", TODAY).names_texts


def test_a_certificate_s_name_is_a_member_named_not_a_text() -> None:
    """What is asked of a CQP must be stated by a passage of it (`answerable.names_only`): its everyday name does
    not make the question one about the texts."""
    question = "Le CQP des chefs d'équipe a quel taux de réussite ?"
    assert (SHEET, "CQP Manager opérationnel") in named_parts(question)
    assert not names_a_text(same_length(question))
    assert names_a_text(same_length("La note de mise en Œuvre du CQP fixe quel délai ?"))


def test_another_branch_s_text_or_certificate_is_not_named() -> None:
    for question in (
        "Le CQP inspecteur du travail existe-t-il ?",
        "L'accord de branche de la métallurgie sur les salaires ?",
        "Le CQP manager de la grande distribution est-il reconnu ?",
        "La note de service sur les congés d'été est sortie ?",
    ):
        assert not named_parts(question), question
    assert NAMES_FILE.is_file()


# prop20: the everyday names say WHERE to read (`named_place`): the text named, the sections of the part named, and
# the question left once the names are cut. Wordings of our own.
@pytest.mark.parametrize(
    ("question", "documents", "sections", "headings", "left"),
    [
        (  # the text named, and its part: the part's name is what is asked, it stays in the question
            "Dans la note de 2013 sur le CQP gestionnaire conseil, l'examen du CQP GC se passe quand ?",
            (CIRCULAR,),
            {"V"},
            set(),
            "L'examen du CQP GC se passe quand",
        ),
        (
            "Le contrat avec le centre de formation prend effet quand ?",
            (CONVENTION,),
            set(),
            set(),
            "Prend effet quand",
        ),
        (
            "Selon la fiche des CQP, le CQP des chefs d'équipe compte combien de blocs ?",
            (SHEET,),
            set(),
            {"CQP Manager opérationnel"},
            "Le CQP des chefs d'équipe compte combien de blocs",
        ),
        (  # the agreement and the avenant that amends it: one text in force, read together
            "Avec l'avenant d'octobre 2022, qui choisit le formateur interne ?",
            (ACCORD, AVENANT),
            set(),
            set(),
            "Qui choisit le formateur interne",
        ),
    ],
)
def test_everyday_names_say_where_to_read(
    question: str, documents: tuple[str, ...], sections: set[str], headings: set[str], left: str
) -> None:
    place = named_place(question)
    assert place is not None
    assert place.documents == documents
    assert place.sections == sections and place.headings == headings
    assert place.question.rstrip(" ?") == left


@pytest.mark.parametrize(
    "question",
    [
        "Le CQP DAM a été créé quand ?",  # a certificate alone: the circular or the convention may be about it too
        "L'exam du CQP gestionnaire conseil se passe quand ?",  # a part alone: what is asked, not a text named
        "Prem'ss dure combien d'heures ?",  # Prem'ss is in the circular and in the convention
        "Les CQP de la branche sont-ils tous au RNCP ?",  # the things the sheet lists, not the sheet
        # two texts side by side: the sheet by its everyday name, the avenant's annex by its kind
        "La fiche des CQP dit qu'on se prépare au CQP MO lors d'un recrutement, l'annexe 4 de l'avenant parle de "
        "mobilité : qui a raison ?",
        "L'accord de 2019 et la note de 2013 sur le CQP gestionnaire conseil disent-ils pareil ?",  # two texts
        "Combien de points par mois pour un tuteur ?",  # no text named
    ],
)
def test_no_single_place_named(question: str) -> None:
    assert named_place(question) is None


def test_the_part_s_sections_are_sections_of_its_text() -> None:
    """A part's `sections` are numbers its document's glossary rows carry (the circular's V, the avenant's annexes)."""
    numbers = {(row.document, row.section) for row in Glossary.load()}
    for row in ROWS:
        for section in row.sections:
            assert (row.document, section) in numbers, (row.part, section)
