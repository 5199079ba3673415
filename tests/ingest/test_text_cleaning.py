"""Running headers, hyphenation and ligatures: pure repairs, then their effect on the real PDFs."""

from __future__ import annotations

import re

import pytest

from ingest.models import ParsedDocument
from ingest.text_cleaning import (
    clean_text,
    document_words,
    find_running_keys,
    hyphenated_words,
    is_page_number,
    join_hyphenated,
    repair_ligatures,
    running_line_key,
)
from tests.ingest import ACCORD, AVENANT, find_section

# -- pure functions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["vocation à réaffir-", "mer la politique"], "vocation à réaffirmer la politique"),
        (["un accès à la for-", "mation des salariés"], "un accès à la formation des salariés"),
        (["une autorisation de 1 demi-", "journée en vue"], "une autorisation de 1 demi-journée en vue"),
        (["visés à l’article L. 6325-", "1-1 et tous"], "visés à l’article L. 6325-1-1 et tous"),
        (["dispositif de promotion (Pro-", "A) et"], "dispositif de promotion (Pro-A) et"),
        (["celui-", "ci est l’occasion"], "celui-ci est l’occasion"),
        (["des autres branches vis-à-", "vis de"], "des autres branches vis-à-vis de"),
        (
            ["à l’exception des ingénieurs-", "conseils, bénéficient"],
            "à l’exception des ingénieurs-conseils, bénéficient",
        ),
        (["les montants –", "suite"], "les montants – suite"),
        (["liste -", "suite"], "liste - suite"),
        (["Première ligne", "", "  seconde ligne  "], "Première ligne seconde ligne"),
        ([], ""),
    ],
)
def test_join_hyphenated(lines: list[str], expected: str) -> None:
    assert join_hyphenated(lines) == expected


def test_join_hyphenated_keeps_compounds_written_whole_elsewhere() -> None:
    lines = ["Diplôme d’État d’aide-", "soignant"]
    assert join_hyphenated(lines) == "Diplôme d’État d’aidesoignant"  # nothing says it is a compound…
    assert join_hyphenated(lines, hyphenated_words("un aide-soignant qualifié")) == "Diplôme d’État d’aide-soignant"


def test_join_hyphenated_prefers_words_seen_whole_over_prefix_rules() -> None:
    lines = ["deux entretiens professionnels et un entre-", "tien de bilan"]
    assert join_hyphenated(lines).endswith("un entre-tien de bilan")  # "entre-" looks like a prefix
    words = document_words(["L’entretien professionnel est annuel.", *lines])
    assert join_hyphenated(lines, known_words=words).endswith("un entretien de bilan")
    # …but a compound seen whole keeps its hyphen, whatever the vocabulary says.
    compounds, words = frozenset({"demi-journée"}), frozenset({"demijournée"})
    assert join_hyphenated(["une demi-", "journée"], compounds, words) == "une demi-journée"


def test_document_words_ignores_the_pieces_of_a_line_break() -> None:
    words = document_words(["Un entretien de bilan et un entre-", "tien annuel.", "Certifi cat de qualifi cation"])
    assert {"entretien", "bilan", "annuel", "certificat", "qualification"} <= words
    assert not {"entre", "tien"} & words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Certifi cat de qualifi cation professionnelle", "Certificat de qualification professionnelle"),
        ("Article 1er | Modifi cation de l’article 2", "Article 1er | Modification de l’article 2"),
        ("le salarié bénéfi cie d’un droit", "le salarié bénéficie d’un droit"),
        ("Diplôme d’État d’Infi rmier", "Diplôme d’État d’Infirmier"),
        ("une gestion effi cace et un affl ux", "une gestion efficace et un afflux"),
        ("un défi majeur", "un défi majeur"),  # a real word ending in "fi"
        ("le fi chier", "le fi chier"),  # "fi" alone is left to the reader
        ("Certifi Cat", "Certifi Cat"),  # a capital after the space: not the artefact
        ("rien à réparer", "rien à réparer"),
    ],
)
def test_repair_ligatures(text: str, expected: str) -> None:
    assert repair_ligatures(text) == expected


def test_clean_text_normalises_spacing_and_punctuation() -> None:
    assert clean_text("  la  qualifi cation\u00a0 , au  niveau 3 . ") == "la qualification, au niveau 3."


@pytest.mark.parametrize("text", ["– 5 –", "12", "Page 3", "page 3 / 12", " - 7 - "])
def test_is_page_number(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["Article 5", "5 points par mois", "2.4. Durée", "Titre II"])
def test_is_not_page_number(text: str) -> None:
    assert not is_page_number(text)


def test_running_keys_ignore_digits_and_need_half_of_the_pages() -> None:
    header = "CCN 218 · Accord du 19 décembre 2019 · Formation professionnelle IDCC 218"
    pages = [[header, f"– {n} –"] for n in range(1, 5)]
    pages[2].append("Une phrase du corps")
    keys = find_running_keys(pages)
    assert running_line_key(header) in keys
    assert running_line_key("– 3 –") in keys  # folios share one key: "– # –"
    assert running_line_key("Une phrase du corps") not in keys
    assert find_running_keys([[header]]) == set()  # one page: nothing can be said to repeat


# -- the real PDFs ---------------------------------------------------------------------------

_RUNNING = re.compile(r"CCN 218|IDCC 218|–\s*\d{1,3}\s*–|Formation professionnelle IDCC")
_LIGATURE_ARTEFACT = re.compile(r"\w*(?:ffi|ffl|fi|fl) [a-zàâçéèêëîïôûùüÿœæ]")


def _texts(doc: ParsedDocument) -> list[tuple[str, str]]:
    return [
        (f"{s.label} ({field})", value)
        for s in doc.sections
        for field, value in (("texte", s.text), ("titre", s.title), ("chemin", s.path_label))
    ]


def test_running_headers_and_folios_absent_from_every_section(corpus: dict[str, ParsedDocument]) -> None:
    leaks = [
        (doc.document, where, m.group(0))
        for doc in corpus.values()
        for where, text in _texts(doc)
        for m in _RUNNING.finditer(text)
    ]
    assert leaks == []


def test_the_title_block_is_not_mistaken_for_a_running_header(corpus: dict[str, ParsedDocument]) -> None:
    first = corpus[ACCORD].sections[0]
    assert "IDCC : 218 | ORGANISMES DE SÉCURITÉ SOCIALE" in first.text  # printed once, on page 1


@pytest.mark.parametrize(
    ("document", "number", "page"),
    [(ACCORD, "4.3", 6), (ACCORD, "2.4", 3), (ACCORD, "5", 6), (ACCORD, "10.2", 9), (AVENANT, "3", 4)],
)
def test_page_numbers_are_kept(corpus: dict[str, ParsedDocument], document: str, number: str, page: int) -> None:
    section = find_section(corpus[document], number)
    assert section.page_start == section.page_end == page
    assert set(section.paragraph_pages) == {page}


def test_sections_spanning_pages_keep_both_ends(corpus: dict[str, ParsedDocument]) -> None:
    annexe = find_section(corpus[ACCORD], "Annexe 1")
    assert (annexe.page_start, annexe.page_end) == (10, 12)
    s23 = find_section(corpus[ACCORD], "2.3")
    assert (s23.page_start, s23.page_end) == (2, 3)
    assert s23.paragraph_pages == (2, 3)  # its second paragraph starts on page 3


def test_hyphenation_joined_in_the_preamble(corpus: dict[str, ParsedDocument]) -> None:
    preamble = find_section(corpus[ACCORD], "Préambule").text
    assert "réaffirmer la politique" in preamble
    for broken in ("réaffir- mer", "réaffir-mer", "s’ins- crit", "for- mation", "for-mation", "profes-sionnelle"):
        assert broken not in preamble
    assert "emplois-métiers-compétences" in preamble  # a compound written on one line stays as is


@pytest.mark.parametrize(
    ("document", "number", "word"),
    [
        (ACCORD, "6", "un entretien de bilan"),
        (ACCORD, "11", "dans les conditions prévues par le code du travail"),
        (ACCORD, "10.1", "celle des ingénieurs-conseils, bénéficient"),
        (AVENANT, "6", "aux entreprises de moins de 50 salariés"),
    ],
)
def test_hyphenation_after_prefix_like_pieces(
    corpus: dict[str, ParsedDocument], document: str, number: str, word: str
) -> None:
    assert word in find_section(corpus[document], number).text


@pytest.mark.parametrize(
    ("document", "number", "compound"),
    [
        (ACCORD, "5", "1 demi-journée"),
        (ACCORD, "2.5", "L. 6325-1-1"),
        (ACCORD, "3.5", "L. 6325-1-1"),
        (ACCORD, "Annexe 1", "Diplôme d’État d’aide-soignant"),
        (ACCORD, "1", "(Pro-A)"),
        (ACCORD, "4.3", "au-delà des activités"),
        (AVENANT, "6", "L. 2261-23-1"),
    ],
)
def test_real_hyphens_kept(corpus: dict[str, ParsedDocument], document: str, number: str, compound: str) -> None:
    assert compound in find_section(corpus[document], number).text


def test_pro_a_keeps_its_hyphen_everywhere(corpus: dict[str, ParsedDocument]) -> None:
    texts = " ".join(s.text for doc in corpus.values() for s in doc.sections)
    assert texts.count("Pro-A") >= 10
    assert not re.search(r"\bProA\b|\bPro- A\b|\bPro -A\b", texts)


def test_no_ligature_artefact_anywhere(corpus: dict[str, ParsedDocument]) -> None:
    artefacts = [
        (doc.document, where, m.group(0))
        for doc in corpus.values()
        for where, text in _texts(doc)
        for m in _LIGATURE_ARTEFACT.finditer(text)
    ]
    assert artefacts == []


def test_ligatures_repaired_in_known_places(corpus: dict[str, ParsedDocument]) -> None:
    annexe = find_section(corpus[ACCORD], "Annexe 1").text
    assert "Certificat de qualification professionnelle" in annexe
    assert "Diplôme d’État d’Infirmier" in annexe
    assert find_section(corpus[AVENANT], "1").title == "Modification de l’article 2"
    assert "classifications du régime général" in find_section(corpus[ACCORD], "3.2").text
