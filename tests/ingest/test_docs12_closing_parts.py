"""The convention's closing parts and its art. 7 table, parsed where they belong (issue #13, docs12).

Before: the CQP COS convention's art. 15 ("Différends éventuels") held its signature block and its list of
reference documents, and its art. 7 table printed "Durée totale En heures : 5,5" for PASS (40 hours of
training: 5,5 is a count of days, set in the PDF under the hours' sub-column, the days' one empty).
"""

from __future__ import annotations

from ingest.closing import SIGNATURES_TITLE, is_capitals_heading, split_closing
from ingest.models import ParsedDocument, Section
from ingest.tables import render_table, total_in_its_unit

CONVENTION = "convention-formation-cqp-conseiller-offres-de-service"
ACCORD = "accord-2019-12-19-formation-professionnelle"
AVENANT = "avenant-2022-10-11-formation-professionnelle"


def section(paragraphs: list[str], number: str = "9") -> Section:
    return Section(
        document="doc",
        number=number,
        title="Litiges",
        text="\n\n".join(paragraphs),
        page_start=3,
        page_end=4,
        path=(f"Article {number}",),
        paragraph_pages=tuple(3 if i < 2 else 4 for i in range(len(paragraphs))),
    )


# -- the closing parts, on paragraphs of my own wording ---------------------------------------------


def test_a_signature_block_and_a_capitals_heading_after_it_become_parts() -> None:
    parts = split_closing(
        [
            section(
                [
                    "Tout litige est porté devant la commission paritaire.",
                    "Fait à Lille, en deux exemplaires, le ____",
                    "Pour la caisse, (nom du directeur)",
                    "Pour le centre de formation, (nom du responsable)",
                    "PIECES JOINTES",
                    "– Le calendrier des sessions.",
                ]
            )
        ]
    )
    assert [(p.number, p.title) for p in parts] == [("9", "Litiges"), ("", SIGNATURES_TITLE), ("", "PIECES JOINTES")]
    assert parts[0].text == "Tout litige est porté devant la commission paritaire."
    assert parts[1].text.startswith("Fait à Lille") and parts[1].text.endswith("(nom du responsable)")
    assert parts[2].text == "– Le calendrier des sessions."
    assert (parts[1].page_start, parts[2].page_end) == (3, 4)
    assert [p.ordinal for p in parts] == [0, 1, 2]


def test_a_closing_formula_without_signatory_lines_stays_in_its_article() -> None:
    """The accord's way: "Fait à Montreuil, le 19 décembre 2019. (Suivent les signatures.)" lays out no block."""
    closing = ["Il est d'application impérative.", "Fait à Montreuil, le 3 mai 2021.", "(Suivent les signatures.)"]
    kept = section(closing)
    assert split_closing([kept]) == [kept]


def test_capitals_headings_are_short_lines_of_capitals_only() -> None:
    assert is_capitals_heading("DOCUMENTS DE REFERENCE")
    assert not is_capitals_heading("Documents de référence")
    assert not is_capitals_heading("CPNEFP.")
    assert not is_capitals_heading("– " + "A" * 100)


# -- the closing parts, on the real texts ---------------------------------------------------------------


def test_the_conventions_article_15_ends_with_its_own_rule(corpus: dict[str, ParsedDocument]) -> None:
    """Art. 15: "En cas de litige entre les parties ne pouvant être réglé à l'amiable, l'Ucanss sera saisie
    pour arbitrage." — its last sentence; the signature lines and the reference documents follow as parts."""
    sections = corpus[CONVENTION].sections
    art15 = next(s for s in sections if s.number == "15")
    assert art15.text.endswith("l'Ucanss sera saisie pour arbitrage.")
    assert "Pour l'organisme" not in art15.text and "Kit de mise en œuvre" not in art15.text
    signatures = next(s for s in sections if s.title == SIGNATURES_TITLE)
    assert signatures.text.startswith("Fait en (x) exemplaires")
    assert signatures.text.count("Pour l'organisme de formation") == 3
    references = next(s for s in sections if s.title == "DOCUMENTS DE REFERENCE")
    assert "Notice explicative de la présente convention." in references.text
    assert references.text.count("Kit de mise en œuvre") == 2
    assert sections[-1] is references and [s.ordinal for s in sections] == list(range(len(sections)))


def test_the_agreements_last_articles_keep_their_place_of_signature(corpus: dict[str, ParsedDocument]) -> None:
    """ "Fait à Montreuil, le 19 décembre 2019. (Suivent les signatures.)" stays the accord's art. 11's end."""
    for document, number in ((ACCORD, "11"), (AVENANT, "6")):
        last = next(s for s in corpus[document].sections if s.number == number)
        assert "Fait à Montreuil" in last.text and last.text.endswith("(Suivent les signatures.)")
        assert not any(s.title == SIGNATURES_TITLE for s in corpus[document].sections)


# -- a total under the wrong unit -------------------------------------------------------------------------

HEADER = ["", "Module", "Durée", "", "dont : nb d'heures de cours", "dont : nb d'heures de stage"]
UNITS = ["", "", "En jours", "En heures", "", ""]


def test_a_total_smaller_than_its_own_part_in_that_unit_moves_to_the_empty_unit() -> None:
    rows = [HEADER, UNITS, ["Cursus", "Accueil", "", "3", "21", ""]]
    assert total_in_its_unit([list(r) for r in rows], 2)[2] == ["Cursus", "Accueil", "3", "", "21", ""]


def test_a_total_consistent_with_its_parts_stays() -> None:
    rows = [HEADER, UNITS, ["Cursus", "Accueil", "", "35", "21", "14"], ["", "Suivi", "", "2", "", ""]]
    fixed = total_in_its_unit([list(r) for r in rows], 2)
    assert fixed[2][2:4] == ["", "35"] and fixed[3][2:4] == ["", "2"]  # no part exceeds it: nothing to say


def test_a_total_whose_other_unit_is_filled_stays() -> None:
    rows = [HEADER, UNITS, ["Cursus", "Accueil", "4", "3", "21", ""]]
    assert total_in_its_unit([list(r) for r in rows], 2)[2][2:4] == ["4", "3"]


def test_the_conventions_article_7_gives_days_in_the_days_column(corpus: dict[str, ParsedDocument]) -> None:
    """Art. 7's table: PASS "5,5" beside 40 hours of training, PREM'SS "8,5" beside 61 hours: days."""
    art7 = next(s for s in corpus[CONVENTION].sections if s.number == "7")
    rows = [line for line in art7.text.splitlines() if line.startswith("– CQP")]
    assert "Organisme(s) de formation : PASS formation; Durée totale En jours : 5,5;" in rows[0]
    assert "Organisme(s) de formation : PREM'SS; Durée totale En jours : 8,5;" in rows[1]
    assert "technologiques ou professionnels) : 40" in rows[0] and "d'accompagnement : 46" in rows[1]
    assert "En heures : 5,5" not in art7.text and "En heures : 8,5" not in art7.text


def test_render_table_applies_it() -> None:
    text = render_table([HEADER, UNITS, ["Cursus", "Accueil", "", "3", "21", ""]])
    assert "Durée En jours : 3" in text and "En heures" not in text.splitlines()[1]
