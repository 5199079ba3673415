"""A labour-law subject asked after a context naming the texts' schemes is not answered by the judge (oos29, #21).

"Question posée par un stagiaire de Prem'ss à sa tutrice : peut-on m'obliger à travailler le dimanche ?": the hand
checks refuse it, the refusal judge read the whole message — its context reads like the texts' questions — and
answered it with an unrelated article. The asking sentence's own subject ("dimanche") is a word no passage uses
(`asked_subject.foreign_asked_subject`); with the bank reading the message mostly out of scope, the refusal stays.

The first tests read the real corpus's vocabulary; the last ones ask the real assistant questions written for these
tests, in other words than any evaluation set.
"""

from __future__ import annotations

import pytest

from assistant.answering.asked_subject import foreign_asked_subject
from assistant.answering.corpus_words import CorpusWords, corpus_words
from assistant.service import Assistant


@pytest.fixture(scope="module")
def vocabulary(assistant: Assistant) -> CorpusWords:
    return corpus_words(assistant.retriever.passage_texts())


@pytest.mark.parametrize(
    ("question", "word"),
    [
        (
            "Mon alternante prépare le CQP au CRFP cette semaine. Les jours fériés travaillés sont-ils majorés ?",
            "feries",
        ),
        ("Je suis en Pro-A depuis mars. Le covoiturage est-il remboursé par ma caisse ?", "covoiturage"),
    ],
)
def test_the_asking_sentence_names_a_word_no_passage_uses(vocabulary: CorpusWords, question: str, word: str) -> None:
    assert word in foreign_asked_subject(question, vocabulary)


@pytest.mark.parametrize(
    "question",
    [
        "Les jours fériés travaillés sont-ils majorés ?",  # no context: the other checks read the message whole
        "Tuteur au CRFP. Les jours fériés sont-ils majorés ? Et le dimanche ?",  # several questions
        "Je suis tutrice de deux alternants. Combien de points par mois ?",  # the texts' own words
        "Je suis en RQTH. Vers quel réseau le texte m'oriente-t-il pour réfléchir à mon évolution ?",  # a verb
    ],
)
def test_otherwise_no_subject_is_read_as_elsewhere(vocabulary: CorpusWords, question: str) -> None:
    assert foreign_asked_subject(question, vocabulary) == []


@pytest.mark.parametrize(
    "question",
    [
        # answered by the judge before oos29 (the context reads as the texts'); refused by the hand checks
        "Mon alternante prépare le CQP au CRFP cette semaine. Les jours fériés travaillés pendant sa formation sont-ils"
        " majorés ?",
    ],
)
def test_a_labour_law_subject_after_a_training_context_is_refused(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.route == "refusal", answer.text
    assert not answer.citations


def test_an_asking_sentence_in_the_texts_words_is_answered(assistant: Assistant) -> None:
    # art. 4.3: "La prime n'entre pas dans la base de calcul de l'allocation vacances et de la gratification annuelle"
    answer = assistant.ask("Je suis tuteur depuis mars. Ma prime entre-t-elle dans l'allocation vacances ?")
    assert answer.route != "refusal", answer.text
    assert "allocation vacances" in answer.text
