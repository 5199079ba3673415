"""A message that names a part of the texts, or pastes a phrase of them, is answered from that part
(issue #13): resolved from the parsed structure of the real corpus, in the text in force or as
published, never refused nor answered with a title page.

The wordings are our own, unlike the evaluation sets'; each test quotes the heading or the sentence of
the text the answer must come from.
"""

from __future__ import annotations

import pytest

from assistant.answering.citations import CitationBook
from assistant.answering.named_parts import ANNEXE, ARTICLE, TITRE, read_references, roman, title_words
from assistant.service import Assistant

ACCORD = "accord-2019-12-19-formation-professionnelle"
AVENANT = "avenant-2022-10-11-formation-professionnelle"
CIRCULAIRE = "cqp-gestionnaire-conseil-mise-en-oeuvre"


def _answer(assistant: Assistant, question: str, refused: bool = False) -> tuple[str | None, CitationBook]:
    book = assistant._new_book()
    return assistant.parts.answer(question, assistant.retriever, book, refused=refused), book


def _cited(book: CitationBook) -> set[tuple[str, str]]:
    return {(c.document, c.section.split(" (")[0]) for c in book.citations()}


# --- reading the reference -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind", "number"),
    [
        ("Peux-tu me résumer l'art. 6 du protocole ?", ARTICLE, "6"),
        ("art 10.2, ça dit quoi ?", ARTICLE, "10.2"),
        ("L'article 1er de l'accord, en résumé ?", ARTICLE, "1"),
        ("Dans l'annexe III de l'avenant, quel métier ?", ANNEXE, "Annexe 3"),
        ("titre 3 de l'accord : de quoi ça parle", TITRE, "III"),
    ],
)
def test_reference_read_from_the_message(assistant: Assistant, question: str, kind: str, number: str) -> None:
    references = read_references(question, assistant.manifest)
    assert [(r.kind, r.number) for r in references] == [(kind, number)]


def test_figures_are_not_article_numbers(assistant: Assistant) -> None:
    """ "l'article 3 ans" is not a part: a number followed by a unit is a quantity."""
    assert not read_references("Un CDD de 3 ans et une prime de 7 points", assistant.manifest)


def test_initials_and_roman_numbers() -> None:
    """Accord art. 7 is headed "Validation des acquis de l'expérience": users call it "la VAE"."""
    assert "vae" in title_words("Validation des acquis de l’expérience")
    assert "cep" in title_words("Conseil en évolution professionnelle")
    assert (roman("iv"), roman("ix"), roman("12")) == (4, 9, 12)


# --- a numbered part ---------------------------------------------------------------------------------


def test_article_summarised_by_its_heading_and_lead(assistant: Assistant) -> None:
    """Accord, "Article 6 – Entretien professionnel": the heading, then the article's first sentences."""
    text, book = _answer(assistant, "Peux-tu me résumer l'art. 6 du protocole ?")
    assert text and "« Entretien professionnel »" in text
    assert (ACCORD, "Article 6") in _cited(book)


def test_annexe_of_the_avenant_names_its_profession(assistant: Assistant) -> None:
    """Avenant, "Annexe 3 – Conseiller en économie sociale et familiale"."""
    text, book = _answer(assistant, "Dans l'annexe III de l'avenant, de quelle profession s'agit-il ?")
    assert text and "Conseiller en économie sociale et familiale" in text
    assert {c.document for c in book.citations()} == {AVENANT}


def test_titre_lists_its_articles(assistant: Assistant) -> None:
    """Accord, "Titre III – Accompagnement du salarié": articles 5 (CEP), 6, 7, 8 and, in force, 9
    (the internal trainer, created by the avenant's article 3)."""
    text, _ = _answer(assistant, "titre 3 de l'accord : de quoi ça parle")
    assert text and "« Accompagnement du salarié »" in text
    assert "Conseil en évolution professionnelle" in text


def test_roman_part_of_the_circular(assistant: Assistant) -> None:
    """Circular of 2013, "IV – Le parcours de formation"."""
    text, book = _answer(assistant, "Que contient la partie IV de la circulaire du CQP gestionnaire conseil ?")
    assert text and "Le parcours de formation" in text
    assert {c.document for c in book.citations()} == {CIRCULAIRE}


def test_asked_fact_read_in_the_part(assistant: Assistant) -> None:
    """Accord art. 3.6: "…sont rémunérés, au minimum, sur la base du coefficient de qualification du niveau 2";
    the message asks one fact of the article: its sentences on the pay are quoted."""
    text, book = _answer(assistant, "Protocole, art. 3.6 : payé sur quel coefficient, le bénéficiaire ?")
    assert text and "coefficient de qualification du niveau 2" in text
    assert _cited(book) == {(ACCORD, "Article 3.6")}


# --- the two numberings of an amended text -----------------------------------------------------------


def test_original_numbering(assistant: Assistant) -> None:
    """As published in 2019, "Article 9 – Contribution conventionnelle supplémentaire"; the avenant's
    art. 4: "Les articles 9, 10 et 11 deviennent respectivement les articles 10, 11 et 12."."""
    text, _ = _answer(assistant, "Dans la version d'origine du protocole, l'article 9 portait sur quoi ?")
    assert text and "Contribution conventionnelle supplémentaire" in text
    assert "Article 10" in text  # where it is today


def test_numbering_in_force(assistant: Assistant) -> None:
    """In force, "Article 9 – Le formateur interne à titre accessoire" (created by the avenant, art. 3); as
    published the number was the contribution's: "Les articles 9, 10 et 11 deviennent respectivement les
    articles 10, 11 et 12." (avenant, art. 4). The note names that other article, it does not say that no
    article 9 was published."""
    text, _ = _answer(assistant, "Article 9 de l'accord en vigueur : c'est quoi en résumé ?")
    assert text and "formateur interne" in text
    assert "ne figure pas dans le texte publié à l'origine" not in text
    assert "désignait un autre article, « Contribution conventionnelle supplémentaire »" in text
    assert "Article 10" in text


def test_created_subarticle(assistant: Assistant) -> None:
    """Article 9.2 ("Périmètre", created by the avenant, art. 3) had no number in the text as published."""
    text, _ = _answer(assistant, "Que prévoit l'article 9.2 du protocole ?")
    assert text and "ne figure pas dans le texte publié à l'origine" in text


def test_number_only_in_force(assistant: Assistant) -> None:
    """Article 12 exists only after the renumbering: "Durée et date d'effet du présent accord", article 11
    as published."""
    text, _ = _answer(assistant, "L'article 12 du protocole, c'est sur quoi ?")
    assert text and "Durée et date d’effet" in text and "11" in text


# --- a part named by its title words -------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "document", "heading"),
    [
        ("Le passage consacré à l'entretien professionnel dit quoi ?", ACCORD, "Entretien professionnel"),
        ("l'article sur la VAE, en deux mots ?", ACCORD, "Validation des acquis de l’expérience"),
        ("le chapitre sur la VAE dans la circulaire", CIRCULAIRE, "La VAE"),
        ("le titre qui traite du tutorat : il contient quoi ?", ACCORD, "Tutorat"),
    ],
)
def test_part_named_by_its_subject(assistant: Assistant, question: str, document: str, heading: str) -> None:
    text, book = _answer(assistant, question)
    assert text and f"« {heading} »" in text
    assert {c.document for c in book.citations()} <= {document, AVENANT}  # an article in force cites its avenant too


# --- a pasted phrase -------------------------------------------------------------------------------


def test_phrase_completed(assistant: Assistant) -> None:
    """Accord art. 4.2: "Afin d'optimiser l'accomplissement de sa mission, chaque tuteur accompagne, au
    maximum, 3 salariés." """
    text, book = _answer(assistant, "« chaque tuteur accompagne, au maximum, … » : il manque la fin, tu peux ?")
    assert text and "3 salariés" in text
    assert _cited(book) == {(ACCORD, "Article 4.2")}


def test_phrase_explained_with_what_surrounds_it(assistant: Assistant) -> None:
    """Accord art. 9.3 (in force): "La prime est versée au salarié en qualité de formateur interne à titre
    accessoire le mois suivant la fin de l'action de formation."; its context, the sentences around it: "Le
    montant de la prime est fixé à 7 points par mois…" and "La prime n'entre pas dans la base de calcul de
    l'allocation vacances et de la gratification annuelle…". (That last sentence is also art. 4.3's, word for
    word: a phrase quoted from it may be found in either.)"""
    question = "On m'écrit « la prime est versée au salarié en qualité de formateur interne », ça signifie ?"
    text, _ = _answer(assistant, question)
    assert text and "le mois suivant la fin" in text
    assert "7 points par mois" in text and "gratification annuelle" in text


def test_phrase_slightly_misquoted_is_found(assistant: Assistant) -> None:
    """A phrase quoted from memory, a word changed: still the sentence of art. 5 ("…au cours des 5
    dernières années")."""
    text, _ = _answer(assistant, "« elle n'est pas accordée au salarié ayant déjà bénéficié de ce conseil » ?")
    assert text and "5 dernières années" in text


def test_phrase_not_in_the_texts(assistant: Assistant) -> None:
    assert _answer(assistant, "« le télétravail est de droit trois jours par semaine pour tous » ?")[0] is None


# --- when the part is only context -----------------------------------------------------------------


def test_subject_outside_the_part_is_left_to_retrieval(assistant: Assistant) -> None:
    """Art. 5 is the CEP: a question on summer holidays that cites it is not answered from it."""
    assert _answer(assistant, "D'après l'article 5, mon employeur peut-il refuser mes congés d'été ?")[0] is None


def test_renumbering_and_comparisons_are_left_to_their_modules(assistant: Assistant) -> None:
    assert _answer(assistant, "L'article 10 de l'accord, il porte quel numéro depuis l'avenant ?")[0] is None
    assert _answer(assistant, "Quelle différence entre l'article 7 de 2019 et celui de 2022 ?")[0] is None


def test_foreign_text_not_answered_even_when_refused(assistant: Assistant) -> None:
    """ "l'article 9 du code civil" names no text of the corpus: no article 9 of ours answers it."""
    assert _answer(assistant, "Que protège l'article 9 du code civil ?", refused=True)[0] is None


def test_named_part_is_never_refused(assistant: Assistant) -> None:
    """The whole service: a bare reference with a one-word question is answered from the part."""
    answer = assistant.ask("Protocole, article 8 : échéance ?")
    assert answer.route == "retrieval"
    assert any(c.document == ACCORD and c.section.startswith("Article 8") for c in answer.citations)
