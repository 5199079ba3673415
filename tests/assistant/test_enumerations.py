"""Enumeration questions (issue #13): the families are read from the indexed texts' own structure
(table rows, sibling headings, a document's articles) and a question naming one of them by its noun
gets the count and the members, each cited.

The families come from the real index's passages (the consolidated Pro-A list included); the
questions are our own wordings, unlike the evaluation sets'. Each family test quotes one member's
line of the text it is read from.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from assistant.answering.citations import CitationBook
from assistant.answering.enumeration_families import Family
from assistant.answering.enumerations import answer_enumeration, read_enumeration

if TYPE_CHECKING:
    from assistant.service import Assistant

TODAY = date(2026, 11, 29)
ACCORD = "accord-2019-12-19-formation-professionnelle"
AVENANT = "avenant-2022-10-11-formation-professionnelle"
CONVENTION = "convention-formation-cqp-conseiller-offres-de-service"
CIRCULAIRE = "cqp-gestionnaire-conseil-mise-en-oeuvre"
FICHE = "cqp-regime-general"


@pytest.fixture(scope="module")
def families(assistant: Assistant) -> list[Family]:
    return assistant.enumerations.families(assistant.retriever)


def _family(families: list[Family], document: str, kind: str, title_part: str = "") -> Family:
    return next(f for f in families if f.document == document and f.kind == kind and title_part in f.title)


def _answer(question: str, families: list[Family], assistant: Assistant) -> str | None:
    book = CitationBook(assistant.titles)
    return answer_enumeration(question, families, assistant.manifest, book, assistant.document_names)


# --- the families, read from the real texts ------------------------------------------------------


def test_pro_a_list_is_the_consolidated_table_with_the_avenant_rows_marked(families: list[Family]) -> None:
    """Annexe 1: "– CQP contrôleur allocataire — Famille professionnelle : 02 – Métiers du contrôle et
    maîtrise des risques externes"; the avenant of 2022 (art. 1) adds "Master manager stratégique"."""
    table = _family(families, ACCORD, "table", "Pro-A")
    labels = [m.label for m in table.members]
    assert len(labels) == 15
    allocataire = next(m for m in table.members if m.label == "CQP contrôleur allocataire")
    assert "02 – Métiers du contrôle et maîtrise des risques externes" in allocataire.detail
    added = [m.label for m in table.members if m.added]
    assert "Master manager stratégique" in added and "CQP manager opérationnel" in added
    assert len(added) == 5 and "CQP contrôleur allocataire" not in added
    assert table.amended_by == AVENANT


def test_cqp_fiche_has_one_heading_per_cqp(families: list[Family]) -> None:
    """The fiche: one heading per CQP ("CQP Gestionnaire carrière", "CQP Inspecteur du recouvrement"…)."""
    fiche = _family(families, FICHE, "headings")
    labels = [m.label for m in fiche.members]
    assert len(labels) == 8
    assert all(label.startswith("CQP ") for label in labels)
    assert "CQP Gestionnaire carrière" in labels


def test_articles_and_grading_grid_and_no_form_lines(families: list[Family]) -> None:
    """The avenant's articles ("Article 4 – Renumérotation des articles"); the circular's grid
    ("– Epreuve orale — Note/ : /20; Coefficient : 3; Note éliminatoire : ≤ 6"); a form's repeated
    lines ("CQP Conseiller offres de service de la Sécurité sociale" on each row) are no family."""
    articles = _family(families, AVENANT, "articles")
    assert [m.label.split(" –")[0] for m in articles.members] == [f"Article {n}" for n in range(1, 7)]
    assert "Article 4 – Renumérotation des articles" in [m.label for m in articles.members]
    grid = _family(families, CIRCULAIRE, "table")
    oral = next(m for m in grid.members if m.label == "Epreuve orale")
    assert "Coefficient : 3" in oral.detail
    assert not any(f.kind == "table" and f.document == CONVENTION for f in families)


# --- questions naming a family, in our own words ---------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Tu peux me lister tous les CQP qui existent chez nous ?",
        "Combien y a-t-il de CQP en tout ?",
        "Cite-moi les certificats de qualification professionnelle du régime général",
    ],
)
def test_the_cqps_of_the_fiche(question: str, families: list[Family], assistant: Assistant) -> None:
    text = _answer(question, families, assistant)
    assert text is not None and text.startswith("8 ")
    assert "CQP Inspecteur du recouvrement" in text and "CQP Délégué de l'Assurance Maladie (DAM)" in text


@pytest.mark.parametrize(
    "question",
    [
        "Quels diplômes d'État peut-on préparer en Pro-A ?",
        "Donne la liste des diplômes éligibles à la reconversion par alternance",
        "Quels sont les diplômes ouverts à la Pro-A ?",
    ],
)
def test_a_kind_of_member_sorts_the_pro_a_list(question: str, families: list[Family], assistant: Assistant) -> None:
    """ "Diplôme" is the first word of 7 of the list's 15 rows: those are the ones asked for."""
    text = _answer(question, families, assistant)
    assert text is not None and text.startswith("7 ")
    assert "Diplôme d’État d’aide-soignant" in text and "CQP contrôleur allocataire" not in text


def test_two_coordinated_kinds_are_both_kept(families: list[Family], assistant: Assistant) -> None:
    text = _answer("Quels titres et diplômes l'avenant a-t-il ajoutés à la liste Pro-A ?", families, assistant)
    assert text is not None and "Master manager stratégique" in text
    assert "Diplôme d’État assistante de service social" in text


@pytest.mark.parametrize(
    "question",
    [
        "Quelles certifs sont entrées dans la liste Pro-A avec l'avenant ?",
        "Donne-moi les certifications que l'avenant de 2022 a rajoutées",
        "Combien de certifications l'avenant a-t-il fait entrer dans la liste ?",
    ],
)
def test_members_the_amendment_added(question: str, families: list[Family], assistant: Assistant) -> None:
    text = _answer(question, families, assistant)
    assert text is not None and text.startswith("5 ")
    assert "Master manager stratégique" in text and "Diplôme d’État d’Infirmier" not in text


@pytest.mark.parametrize(
    "question",
    [
        "Quels sont les articles de l'avenant de 2022 ?",
        "Combien d'articles contient l'avenant ?",
        "Énumère les articles de l'avenant d'octobre 2022",
    ],
)
def test_articles_of_a_named_document(question: str, families: list[Family], assistant: Assistant) -> None:
    text = _answer(question, families, assistant)
    assert text is not None and text.startswith("6 articles")
    assert "Article 4 – Renumérotation des articles" in text


@pytest.mark.parametrize(
    "question",
    [
        "Quelles épreuves faut-il réussir pour décrocher le CQP gestionnaire conseil ?",
        "Liste des épreuves du CQP GC stp",
        "Combien d'épreuves compte la certification du gestionnaire conseil ?",
    ],
)
def test_the_grading_grid(question: str, families: list[Family], assistant: Assistant) -> None:
    text = _answer(question, families, assistant)
    assert text is not None and "Epreuve orale" in text and "Applications professionnelles tutorées" in text


def test_a_word_some_members_carry_filters(families: list[Family], assistant: Assistant) -> None:
    text = _answer("Quels sont les CQP du recouvrement ?", families, assistant)
    assert text is not None and text.startswith("2 CQP")
    assert "CQP Inspecteur du recouvrement" in text and "CQP Gestionnaire carrière" not in text


def test_list_heads_name_their_items(families: list[Family]) -> None:
    """Annexe 4 of the avenant: "Le manager opérationnel peut exercer les emplois suivants : – responsable
    d’unités ; – responsable adjoint ; – responsable de service" (the noun before "suivants"); the
    circular, III: "Six options ont été créées, correspondant à six emplois constitutifs du métier :"
    (the noun after a count)."""
    jobs = next(f for f in families if f.kind == "list" and f.title.startswith("Annexe 4") and "emploi" in f.nouns)
    assert [m.label for m in jobs.members] == ["responsable d’unités", "responsable adjoint", "responsable de service"]
    options = next(f for f in families if f.kind == "list" and f.document == CIRCULAIRE and "option" in f.nouns)
    assert len(options.members) == 6 and "technicien conseil allocataires" in [m.label for m in options.members]
    assert not any(f.kind == "list" and "moi" in f.nouns for f in families)  # "jusqu’à 36 mois pour :"


@pytest.mark.parametrize(
    "question",
    [
        "Avec le CQP manager opérationnel, on peut prétendre à quels emplois ?",
        "Quels emplois vise le CQP manager opérationnel ?",
        "Donne-moi les emplois accessibles après le CQP manager opérationnel",
    ],
)
def test_a_list_named_by_its_head(question: str, families: list[Family], assistant: Assistant) -> None:
    text = _answer(question, families, assistant)
    assert text is not None and text.startswith("3 emplois") and "responsable adjoint" in text


@pytest.mark.parametrize(
    "question",
    [
        "Le CQP gestionnaire conseil, il a quelles options ?",
        "Combien d'options pour le CQP GC ?",
        "Liste des options du gestionnaire conseil de la sécurité sociale",
    ],
)
def test_options_of_the_named_cqp(question: str, families: list[Family], assistant: Assistant) -> None:
    text = _answer(question, families, assistant)
    assert text is not None and text.startswith("6 options") and "technicien du service médical" in text


def test_a_list_about_another_named_member_is_not_used(families: list[Family], assistant: Assistant) -> None:
    """The circular's options are the CQP gestionnaire conseil's: a question naming the CQP conseiller
    offres de services (a heading of the fiche) is not answered with them."""
    assert _answer("Quelles options existent pour le CQP conseiller offres de services ?", families, assistant) is None


# --- questions left to the ordinary pipeline ---------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Quelles sont les conditions pour bénéficier de la Pro-A ?",
        "Quelles sont les missions d'un tuteur ?",
        "Quels articles du code du travail la convention cite-t-elle ?",
        "Le CQP gestionnaire carrière est-il sur la liste Pro-A ?",
        "Combien de CQP existe-t-il, et depuis quand ?",
        "Quel CQP pour devenir manager ?",
        "Tous les CQP de la branche sont inscrits au RNCP ?",
        "La liste des diplômes Pro-A, c'est l'OPCO qui la valide ?",
        "Dans la convention de formation, quelles options peut-on choisir ?",
        "Pour le CQP GC, combien de blocs de compétences ?",
        "Combien d'options ont ouvert dès 2013, et dans combien d'organismes ?",
        "Toutes les certifications de la liste sont-elles finançables par l'OPCO ?",
    ],
)
def test_fact_questions_are_left_alone(question: str, families: list[Family], assistant: Assistant) -> None:
    assert _answer(question, families, assistant) is None


def test_reading_needs_an_enumerating_phrase() -> None:
    assert read_enumeration("Quelles sont les conditions d'accès ?") is not None  # read, but no family named
    assert read_enumeration("La prime de tutorat est de combien ?") is None
    assert read_enumeration("Le DEAES est-il dans la liste ?") is None


def test_the_service_answers_with_cited_members(assistant: Assistant) -> None:
    answer = assistant.ask("Quels sont tous les CQP de la branche ?", today=TODAY)
    assert answer.route == "retrieval" and answer.text.startswith("8 CQP")
    assert {c.document for c in answer.citations} == {FICHE}
    assert len(answer.citations) >= 8


@pytest.mark.parametrize(
    "question",
    [
        "Donne la liste des épreuves du CQP gestionnaire conseil avec leur coefficient.",
        "Quelles sont les épreuves du CQP gestionnaire conseil, et leur note éliminatoire ?",
        "Énumère les épreuves de certification du CQP gestionnaire conseil et le total sur 200.",
    ],
)
def test_a_column_named_shows_the_rows_data(question: str, families: list[Family], assistant: Assistant) -> None:
    """The circular's grid: « Epreuve écrite /20 3 ≤ 6 /60 » under « Epreuve ou évaluation | Note/ | Coefficient |
    Note éliminatoire | Total/200 ». A question naming a column asks for the rows' data, not only their names."""
    answer = _answer(question, families, assistant)
    assert answer is not None
    assert "Epreuve écrite (Note/ : /20; Coefficient : 3; Note éliminatoire : ≤ 6; Total/200 : /60)" in answer


def test_without_a_column_named_one_detail_per_row(families: list[Family], assistant: Assistant) -> None:
    answer = _answer("Quelles sont les épreuves du CQP gestionnaire conseil ?", families, assistant)
    assert answer is not None and "Epreuve écrite (Note/ : /20)" in answer and "Coefficient : 3" not in answer


@pytest.mark.parametrize(
    "question",
    [
        "Pourrais-tu énumérer les CQP du Régime général ?",
        "Peux-tu me citer tous les CQP de la fiche ?",
        "Merci de nommer les CQP de la branche.",
    ],
)
def test_an_infinitive_request_to_enumerate(question: str, families: list[Family], assistant: Assistant) -> None:
    """The fiche's headings « CQP Manager opérationnel », « CQP Gestionnaire conseil »…: asked with the verb in the
    infinitive after "peux-tu", "pourrais-tu", "merci de", the enumeration is read as with the imperative."""
    assert read_enumeration(question) is not None
    answer = _answer(question, families, assistant)
    assert answer is not None and "CQP Manager opérationnel" in answer
