"""The texts' vocabulary holds the words of their headings (`Retriever.passage_texts`, docs10).

Why: `attributes.unstated_attribute` refuses a noun after "quel" that the texts never use. Once the avenant's
annexes were read by their numbered parts ("2. Les textes de référence" became a heading, no longer a line of
the text), "texte" stood in no passage's body, and "quel texte avait prolongé la contribution de 0,15 % ?" was
refused although the accord's preamble answers it: "l'avenant du 23 octobre 2018 a prorogé jusqu'au 31
décembre 2019 la contribution conventionnelle supplémentaire de 0,15 %". A heading's words are the texts' words.
"""

from __future__ import annotations

from assistant.answering.corpus_words import corpus_words


def test_a_word_used_only_in_headings_is_the_texts_word(assistant: object) -> None:
    from assistant.service import Assistant

    assert isinstance(assistant, Assistant)
    texts = assistant.retriever.passage_texts()
    assert texts is assistant.retriever.passage_texts()  # one list per loaded index (the vocabulary's cache key)
    vocabulary = corpus_words(texts)
    assert vocabulary.uses("texte")  # "2. Les textes de référence", a heading of every annex
    assert vocabulary.uses("renumerotation")  # the avenant's art. 4 "Renumérotation des articles": its heading only


def test_which_text_prolonged_the_contribution_is_answered(assistant: object) -> None:
    from assistant.service import Assistant

    assert isinstance(assistant, Assistant)
    for question in (
        "Quel texte avait prolongé la contribution de 0,15 % jusqu'à fin 2019, d'après le préambule de l'accord ?",
        "Par quel texte la contribution supplémentaire de 0,15 % avait-elle été prorogée avant 2020 ?",
    ):
        answer = assistant.ask(question)
        assert answer.route == "retrieval", answer.text[:200]
        assert "23 octobre 2018" in answer.text, answer.text[:300]
