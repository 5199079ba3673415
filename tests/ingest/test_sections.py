"""The agreements' own structure: Titre › Article › sub-article, annexes, quoted text, web headings."""

from __future__ import annotations

import re

import pytest

from ingest.models import ParsedDocument, Section
from ingest.pdf_reader import Block, TextLine
from ingest.sections import build_sections, classify_heading, strip_running_lines
from tests.ingest import ACCORD, AVENANT, CIRCULAIRE, CONVENTION, DOCUMENTS, FICHE, find_section

# -- every document --------------------------------------------------------------------------


@pytest.mark.parametrize("document", DOCUMENTS)
def test_sections_are_well_formed(corpus: dict[str, ParsedDocument], document: str) -> None:
    doc = corpus[document]
    assert doc.sections
    assert [s.ordinal for s in doc.sections] == list(range(len(doc.sections)))
    previous_start = 1
    for s in doc.sections:
        assert s.document == document
        assert s.text.strip(), s.label
        assert 1 <= s.page_start <= s.page_end <= doc.page_count, s.label
        assert s.page_start >= previous_start, f"{s.label} goes back in the document"
        previous_start = s.page_start
        assert s.path and s.path_label
        assert len(s.paragraph_pages) == len(s.text.split("\n\n")), s.label
        assert all(s.page_start <= p <= s.page_end for p in s.paragraph_pages), s.label


@pytest.mark.parametrize("document", DOCUMENTS)
def test_page_count_matches_the_manifest(corpus: dict[str, ParsedDocument], document: str) -> None:
    doc = corpus[document]
    assert doc.page_count == doc.info.pages
    assert len(doc.content_hash) == 64


# -- the protocole (BOCC layout) -------------------------------------------------------------


def test_accord_numbers_in_reading_order(corpus: dict[str, ParsedDocument]) -> None:
    numbers = [s.number for s in corpus[ACCORD].sections]
    assert numbers == [
        "", "Préambule", "1", "Titre II",
        "2.1", "2.2", "2.3", "2.4", "2.5", "2.6",
        "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7",
        "4.1", "4.2", "4.3",
        "5", "6", "7", "8", "9", "10", "10.1", "10.2", "11",
        "Annexe 1",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("number", "path", "title"),
    [
        ("4.3", ("Titre II", "Article 4", "4.3"), "Reconnaissance de l’activité tutorale"),
        ("2.4", ("Titre II", "Article 2", "2.4"), "Durée et nature de l’avenant"),
        ("3.6", ("Titre II", "Article 3", "3.6"), "Rémunération des bénéficiaires"),
        ("1", ("Titre I", "Article 1"), "Élargissement du rôle de la CPNEFP"),
        ("5", ("Titre III", "Article 5"), "Conseil en évolution professionnelle"),
        ("9", ("Titre IV", "Article 9"), "Contribution conventionnelle supplémentaire"),
        ("10.1", ("Titre IV", "Article 10", "10.1"), "Abondement de branche"),
        ("11", ("Titre V", "Article 11"), "Durée et date d’effet du présent accord"),
        ("Annexe 1", ("Annexe 1",), "Liste de certifications éligibles à la Pro-A"),
    ],
)
def test_accord_paths(corpus: dict[str, ParsedDocument], number: str, path: tuple[str, ...], title: str) -> None:
    section = find_section(corpus[ACCORD], number)
    assert section.path == path
    assert section.title == title


def test_sub_article_is_its_own_section_under_its_article(corpus: dict[str, ParsedDocument]) -> None:
    s43 = find_section(corpus[ACCORD], "4.3")
    assert s43.path_label == "Titre II › Article 4 › 4.3"
    assert s43.label == "Article 4.3"
    assert "7 points par mois" in s43.text
    assert "252 points par année civile" in s43.text
    assert "7 points" not in find_section(corpus[ACCORD], "4.2").text  # no bleeding into the neighbours
    assert "Conseil en évolution" not in s43.text
    assert "3 salariés" in find_section(corpus[ACCORD], "4.2").text


def test_article_with_own_text_and_sub_articles(corpus: dict[str, ParsedDocument]) -> None:
    art10 = find_section(corpus[ACCORD], "10")
    assert art10.text.startswith("Le compte personnel de formation permet")
    assert "CPNEFP du régime général veille" not in art10.text  # that is 10.1
    assert find_section(corpus[ACCORD], "10.1").text.startswith("La CPNEFP du régime général veille")


def test_accord_annexe_is_a_section(corpus: dict[str, ParsedDocument]) -> None:
    annexe = find_section(corpus[ACCORD], "Annexe 1")
    assert annexe.label == "Annexe 1"
    assert annexe.has_table
    assert "Diplôme d’État de moniteur éducateur" in annexe.text


def test_preamble_is_its_own_section(corpus: dict[str, ParsedDocument]) -> None:
    preamble = find_section(corpus[ACCORD], "Préambule")
    assert preamble.path == ("Préambule",)
    assert preamble.text.startswith("Le présent accord vise à transposer")
    assert "Élargissement du rôle" not in preamble.text


# -- the avenant: quoted replacement text stays in the article that quotes it ----------------


def test_avenant_articles(corpus: dict[str, ParsedDocument]) -> None:
    articles = [s.number for s in corpus[AVENANT].sections if s.number[:1].isdigit()]
    assert articles == ["1", "2", "3", "4", "5", "6"]
    annexes = sorted({s.number for s in corpus[AVENANT].sections if s.number.startswith("Annexe")})
    assert annexes == [f"Annexe {n}" for n in range(1, 6)]
    assert all(s.path[0] == "Annexes" for s in corpus[AVENANT].sections if s.number.startswith("Annexe"))


def test_avenant_quoted_article_9_stays_in_article_3(corpus: dict[str, ParsedDocument]) -> None:
    art3 = find_section(corpus[AVENANT], "3")
    assert art3.title == "Création d’un article 9"
    text = art3.text
    assert "« Article 9 | Le formateur interne à titre accessoire" in text
    positions = [text.index(f"Article 9.{n} |") for n in range(1, 5)]
    assert positions == sorted(positions)
    assert "Article 9.3 | Montant" in text
    assert "7 points par mois pour chaque action de formation" in text
    assert text.rstrip().endswith("»")
    assert not [s.number for s in corpus[AVENANT].sections if s.number.startswith("9")]
    assert "Les articles 9, 10 et 11 deviennent" in find_section(corpus[AVENANT], "4").text


def test_avenant_article_2_quotes_the_new_article_7(corpus: dict[str, ParsedDocument]) -> None:
    art2 = find_section(corpus[AVENANT], "2")
    assert art2.title == "Modification de l’article 7"
    assert "à 48 heures maximum" in art2.text
    assert art2.text.count("«") == art2.text.count("»") == 1


# -- web-page layouts ------------------------------------------------------------------------

RNCP = [
    ("CQP Délégué de l'Assurance Maladie (DAM)", 6, "35287"),
    ("CQP Manager opérationnel", 6, "35271"),
    ("CQP Gestionnaire conseil", 5, "35729"),
    ("CQP Conseiller offres de services", 4, "35543"),
    ("CQP Contrôleur allocataire", 6, "35428"),
    ("CQP Contrôleur du recouvrement", 6, "35427"),
    ("CQP Inspecteur du recouvrement", 7, "35744"),
]


def test_each_cqp_heading_is_its_own_section(corpus: dict[str, ParsedDocument]) -> None:
    doc = corpus[FICHE]
    titles = [s.title for s in doc.sections]
    assert titles[0] == doc.info.title
    assert [t for t in titles if t.startswith("CQP ")] == [t for t, _, _ in RNCP[:6]] + [
        "CQP Gestionnaire carrière",
        "CQP Inspecteur du recouvrement",
    ]
    for s in doc.sections[1:]:
        assert s.path == (doc.info.title, s.title)


@pytest.mark.parametrize(("title", "level", "rncp"), RNCP)
def test_cqp_facts_stay_attached(corpus: dict[str, ParsedDocument], title: str, level: int, rncp: str) -> None:
    doc = corpus[FICHE]
    section = find_section(doc, title=title)
    assert f"au niveau {level} de qualification sous le numéro {rncp}" in section.text
    assert [s.title for s in doc.sections if rncp in s.text] == [title]


def test_gestionnaire_conseil_and_conseiller_offres(corpus: dict[str, ParsedDocument]) -> None:
    gc = find_section(corpus[FICHE], title="CQP Gestionnaire conseil").text
    assert "35729" in gc and "niveau 5" in gc and "niveau 4" not in gc
    cos = find_section(corpus[FICHE], title="CQP Conseiller offres de services").text
    assert "niveau 4" in cos and "35543" in cos and "35729" not in cos


def test_circulaire_roman_parts(corpus: dict[str, ParsedDocument]) -> None:
    doc = corpus[CIRCULAIRE]
    numbers = [s.number for s in doc.sections]
    assert numbers == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "IX"]
    v = find_section(doc, "V")
    assert v.title == "Certification, proclamation des résultats"
    assert v.path == (doc.info.title, "V – Certification, proclamation des résultats")
    sub = find_section(doc, "IX", title="Prise en charge des parcours CQP à partir du 14 février 2013")
    assert sub.path[1:] == ("IX – Financement du parcours de formation", sub.title)
    assert "12 €/h pour l'année 2013" in sub.text


def test_convention_articles(corpus: dict[str, ParsedDocument]) -> None:
    doc = corpus[CONVENTION]
    assert [s.number for s in doc.sections] == ["", *[str(n) for n in range(1, 16)]]
    art7 = find_section(doc, "7")
    assert art7.path == ("Article 7",)
    assert art7.title == "Organisation du parcours de formation"
    assert art7.label == "Article 7"


# -- pure structure on synthetic lines -------------------------------------------------------


def _line(text: str, page: int, top: float, *, bold: bool = False, size: float = 10.0, x0: float = 70) -> TextLine:
    return TextLine(text=text, page=page, top=top, bottom=top + size, x0=x0, size=size, bold=bold)


def _pages(*pages: list[TextLine]) -> list[list[Block]]:
    return [list(p) for p in pages]


HEADER = "CCN 218 · Accord test · Formation professionnelle IDCC 218"


def test_strip_running_lines_only_in_the_margins() -> None:
    pages = _pages(
        *[
            [
                _line(HEADER, n, 20),
                _line("Une phrase qui revient dans le corps.", n, 400),
                _line(f"– {n} –", n, 810),
            ]
            for n in (1, 2, 3)
        ]
    )
    kept = strip_running_lines(pages)
    texts = [[b.text for b in page if isinstance(b, TextLine)] for page in kept]
    assert texts == [["Une phrase qui revient dans le corps."]] * 3


def test_classify_heading_bocc() -> None:
    assert classify_heading(_line("Article 4 | Tutorat", 1, 100), "bocc", 10) is None  # not bold
    art = classify_heading(_line("Article 4 | Tutorat", 1, 100, bold=True), "bocc", 10)
    assert art is not None and (art.level, art.number, art.crumb) == (2, "4", "Article 4")
    sub = classify_heading(_line("4.3. Reconnaissance de l’activité tutorale", 1, 100, bold=True), "bocc", 10)
    assert sub is not None and (sub.level, sub.number, sub.title) == (3, "4.3", "Reconnaissance de l’activité tutorale")
    titre = classify_heading(_line("Titre Ier Le pilotage paritaire", 1, 100, bold=True), "bocc", 10)
    assert titre is not None and (titre.level, titre.number) == (1, "Titre I")
    first = classify_heading(_line("Article 1er | Objet", 1, 100, bold=True), "bocc", 10)
    assert first is not None and first.number == "1"


def test_build_sections_keeps_quotes_inside_the_quoting_article() -> None:
    lines = [
        _line("Article 1 | Création d’un article 9", 1, 100, bold=True),
        _line("Il est inséré un article 9 rédigé ainsi :", 1, 130),
        _line("« Article 9 | Le formateur", 1, 160, bold=True),
        _line("Article 9.1 | La prime", 1, 190, bold=True),
        _line("Le montant est de 7 points. »", 1, 220),
        _line("Article 2 | Durée", 1, 260, bold=True),
        _line("Le présent avenant est conclu pour une durée indéterminée.", 1, 290),
    ]
    sections = build_sections(_pages(lines), "avenant-test")
    assert [(s.number, s.path) for s in sections] == [("1", ("Article 1",)), ("2", ("Article 2",))]
    assert "Article 9.1 | La prime" in sections[0].text
    assert "7 points" in sections[0].text


def test_build_sections_of_nothing() -> None:
    assert build_sections([[]], "vide") == []


def _all(doc: ParsedDocument) -> list[Section]:
    return list(doc.sections)


def test_no_heading_text_left_in_bodies(corpus: dict[str, ParsedDocument]) -> None:
    """A heading line classified as body would show up as 'Article N |' or '4.3. Title' at a paragraph start."""
    for document in (ACCORD, AVENANT):
        for s in _all(corpus[document]):
            if s.number == "3" and document == AVENANT:
                continue  # the quoted article 9 is meant to be there
            for paragraph in s.text.split("\n\n"):
                assert not re.match(r"Article \d+(er)? \||\d+\.\d+\.? [A-ZÉ]", paragraph), (s.label, paragraph)
