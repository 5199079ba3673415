"""Whether a named text speaks of something (`answering.text_mentions`), on the real corpus.

Wordings of our own, unlike the evaluation sets'. The sentences they must find:
- protocole, preamble: "Les partenaires sociaux rappellent que les employeurs doivent veiller à un égal accès à
  la formation pour les femmes et pour les hommes et prévenir toute forme de discrimination dans la mise en
  œuvre de la politique de formation.";
- avenant, annexe 4: "Tout au long de la crise sanitaire, la massification soudaine jusqu'à 100 % du
  télétravail…";
- circular, VI: "Pour les candidats ayant obtenu la certification Tam Tam, Vadémécaf, Oméga+, Sm'pro ou
  Startech entre juin 2009 et décembre 2013, le jury se prononcera sur dossier…".
"""

from __future__ import annotations

import pytest

from assistant.answering.document_facts import folded
from assistant.answering.text_mentions import mention_subject, writers
from assistant.service import Assistant


@pytest.mark.parametrize(
    ("question", "document", "words"),
    [
        (
            "Le protocole de 2019 parle-t-il de discrimination ?",
            "accord-2019-12-19-formation-professionnelle",
            "discrimination",
        ),
        (
            "Le protocole d'accord de décembre 2019 mentionne-t-il la discrimination ?",
            "accord-2019-12-19-formation-professionnelle",
            "discrimination",
        ),
        (
            "Est-ce que l'accord aborde-t-il l'égal accès des femmes et des hommes à la formation ?",
            "accord-2019-12-19-formation-professionnelle",
            "femmes",
        ),
        (
            "L'avenant évoque-t-il le télétravail des managers ?",
            "avenant-2022-10-11-formation-professionnelle",
            "teletravail",
        ),
        ("La circulaire cite-t-elle Vadémécaf ?", "cqp-gestionnaire-conseil-mise-en-oeuvre", "vademecaf"),
    ],
)
def test_the_sentence_of_the_named_text_that_holds_the_subject(
    assistant: Assistant, question: str, document: str, words: str
) -> None:
    answer = assistant.ask(question)
    assert answer.route == "retrieval"
    assert answer.citations and answer.citations[0].document == document
    assert words in folded(answer.text)


@pytest.mark.parametrize(
    "question",
    [
        "L'accord dit-il quelque chose des tickets restaurant ?",
        "La circulaire parle-t-elle du congé maternité ?",
    ],
)
def test_a_subject_the_text_does_not_hold_is_not_said_to_be_mentioned(assistant: Assistant, question: str) -> None:
    assert not assistant.ask(question).text.startswith("Oui")


def test_a_rule_question_is_not_a_mention() -> None:
    assert mention_subject("L'accord prévoit-il une prime pour le tuteur ?") is None
    assert mention_subject("Les deux textes disent-ils la même chose ?") is None


def test_a_sentence_the_named_text_wrote_comes_before_one_the_other_text_added() -> None:
    """Both the 2019 protocol's preamble and the avenant's annexe 4 speak of discrimination; the consolidated protocol
    holds that annexe, written by the avenant: named, each text is answered from its own sentence first."""
    from dataclasses import replace

    from ingest.models import Chunk
    from knowledge.hybrid import Evidence

    accord, avenant = "accord-2019-12-19-formation-professionnelle", "avenant-2022-10-11-formation-professionnelle"
    base = Chunk(accord, "Préambule", "", "", "x", page_start=1, page_end=1, ordinal=0)
    own = Evidence("a", base, 0.5)
    added = Evidence("b", replace(base, section_number="Annexe 4", metadata={"amended_by": avenant}), 0.9)
    assert writers(own) == {accord}
    assert writers(added) == {avenant}
