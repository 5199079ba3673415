"""An act of the State named by its kind and object: another text's facts, not the indexed text's (oos18, #21).

The avenant, art. 6: "Le présent avenant sera déposé pour extension auprès du ministère chargé du travail, dans les
conditions prévues par le code du travail." — it says it will be extended; the order extending it ("l'arrêté
d'extension") is another text, whose date the texts cannot give. The facts of the avenant itself ("Fait à Montreuil,
le 11 octobre 2022.") are still answered, and "la circulaire de mise en œuvre" is an indexed text, not an act of the
State. Questions mine."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.corpus_words import corpus_phrases
from assistant.answering.frameworks import foreign_act

ORDER = "Quel jour l'arrêté d'extension de l'accord de décembre 2019 est-il paru ?"


@pytest.mark.integration
def test_an_act_the_texts_never_name_is_read(assistant: Any) -> None:
    phrases = corpus_phrases(assistant.retriever.passages(), assistant._text_names)
    assert foreign_act(ORDER, phrases) == "arrete extension"
    assert foreign_act("La circulaire de mise en œuvre du CQP prévoit quelles épreuves ?", phrases) is None
    assert foreign_act("Que dit la loi du 5 septembre 2018 sur le CIF ?", phrases) is None


@pytest.mark.integration
def test_the_order_is_refused_and_the_avenant_answered(assistant: Any) -> None:
    assert assistant.ask(ORDER, today=date(2026, 11, 29)).route == "refusal"
    signed = "Dans quelle ville l'avenant du 11 octobre 2022 a-t-il été signé ?"
    answer = assistant.ask(signed, today=date(2026, 11, 29))
    assert answer.route == "retrieval" and "Montreuil" in answer.text


@pytest.mark.integration
def test_the_answerers_of_the_texts_facts_leave_another_acts_facts(assistant: Any) -> None:
    """oos20: the check lives with the other foreign checks (`qualifiers.foreign_facts`), read by `TextQuestions`
    itself: without the texts' phrases its text facts answer the order's date with the avenant's own signature."""
    published = "À quelle date l'arrêté d'extension de l'avenant du 11 octobre 2022 a-t-il été publié ?"
    signed = "Dans quelle ville l'avenant du 11 octobre 2022 a-t-il été signé ?"

    def facts(question: str, **kwargs: Any) -> Any:
        book, search = assistant._new_book, assistant._search
        return assistant.about.answer(question, "retrieval", assistant.retriever, book, search, lambda: None, **kwargs)

    assert "Montreuil" in facts(published)[0]  # what the gate keeps from being the answer
    assert facts(published, phrases=assistant._phrases) is None
    assert "Montreuil" in facts(signed, phrases=assistant._phrases)[0]
