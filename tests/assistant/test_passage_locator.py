"""Locating a cited passage among a page's words (pure), and on the words pdf_reader reads."""

from __future__ import annotations

from assistant.pages.passage_locator import fold, line_boxes, locate, locate_passage
from ingest.pdf_reader import PageWord, iter_page_words, page_count
from tests.ingest import ACCORD, PDF_DIR

TUTOR_QUOTE = "Le montant de la prime est proportionnel à la durée de la mission d'accompagnement tutoré"


def test_fold_drops_accents_ligatures_and_punctuation() -> None:
    assert fold("Certiﬁ cat — É-té, 2019 !") == "certificatete2019"


def test_locate_across_hyphenation_and_ligature_artefacts() -> None:
    words = ["Le", "conseil", "en", "évolution", "profes-", "sionnelle", "est", "Certifi", "cat", "fin"]
    assert locate(words, "évolution professionnelle est certificat") == [3, 4, 5, 6, 7, 8]
    assert locate(words, "rien de tel sur la page") == []


def test_locate_quote_running_onto_next_page() -> None:
    words = ["début", "de", "la", "phrase", "qui", "continue", "longuement"]
    assert locate(words, "la phrase qui continue longuement sur la page suivante") == [2, 3, 4, 5, 6]
    assert locate(words, "sur la page précédente, début de la phrase qui continue") == [0, 1, 2, 3, 4, 5]


def test_locate_refuses_short_partial_matches_and_empty_input() -> None:
    words = ["début", "de", "la", "phrase"]
    assert locate(words, "la phrase suivie d'autre chose") == []  # "laphrase": 8 < 20 letters
    assert locate([], "quoi que ce soit") == [] and locate(words, " — ") == []


def test_locate_passage_unites_separate_sentences() -> None:
    words = "Une phrase citée ici . Une autre non citée . Et une dernière citée aussi .".split()  # noqa: SIM905
    found = locate_passage(words, "Une phrase citée ici.\nEt une dernière citée aussi.")
    assert found[0] == 0 and 5 not in found and found[-1] == len(words) - 2


def test_line_boxes_merge_words_of_a_line() -> None:
    words = [
        PageWord("a", 10, 100, 20, 110),
        PageWord("b", 25, 100.5, 40, 110),
        PageWord("c", 10, 120, 30, 130),
    ]
    boxes = line_boxes(words, [0, 1, 2])
    assert len(boxes) == 2
    assert boxes[0] == (8.5, 98.5, 41.5, 111.5)
    assert boxes[1] == (8.5, 118.5, 31.5, 131.5)


def test_article_4_3_is_located_on_page_6_of_the_protocole() -> None:
    pdf = PDF_DIR / f"{ACCORD}.pdf"
    assert page_count(pdf) >= 6
    pages = dict(iter_page_words(pdf, [5, 6, 0, 999]))  # numbers outside the document are skipped
    assert sorted(pages) == [5, 6]
    assert locate_passage([w.text for w in pages[5]], TUTOR_QUOTE) == []
    words = pages[6]
    found = locate_passage([w.text for w in words], TUTOR_QUOTE)
    assert found and " ".join(words[i].text for i in found).startswith("Le montant de la prime")
    boxes = line_boxes(words, found)
    assert all(x0 < x1 and top < bottom for x0, top, x1, bottom in boxes)
