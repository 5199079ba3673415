"""conv25: the previous answer put in another form — one sentence for a mail, a table comparing what it named.

Protocole d'accord du 19 décembre 2019, art. 4.2: "Afin d'optimiser l'accomplissement de sa mission, chaque tuteur
accompagne, au maximum, 3 salariés."; art. 2.4: "Le dispositif Pro-A s'étend sur une durée comprise entre 6 et
12 mois."; art. 3.4: "La durée de l'action de professionnalisation est comprise entre 6 et 12 mois." The sentence and
the table are written from the previous turn's answer and citations (no search on the message)."""

from __future__ import annotations

import pytest

from assistant.answer import Answer, Citation
from assistant.conversation import about_answer, forms
from assistant.conversation.reshaping import one_sentence, table
from assistant.conversation.state import Turn
from text.folding import same_length

ACCORD = "accord-2019-12-19-formation-professionnelle"
ART_42 = (
    "En tout état de cause, le salarié dispose à cet effet d'une préparation spécifique à l'accomplissement de sa "
    "mission. Afin d'optimiser l'accomplissement de sa mission, chaque tuteur accompagne, au maximum, 3 salariés."
)
ART_24 = (
    "Le dispositif Pro-A s'étend sur une durée comprise entre 6 et 12 mois. Toutefois, dans le cadre fixé par le "
    "code du travail, cette durée peut être portée jusqu'à 36 mois pour :"
)
ART_34 = "La durée de l'action de professionnalisation est comprise entre 6 et 12 mois."
TITLE_II = "Titre II – Développement de l'alternance"


def _citation(number: int, section: str, quote: str, article: str) -> Citation:
    return Citation(number, f"e{number}", ACCORD, f"Article {section}", 5, quote, path=f"{TITLE_II} › {article}")


def _turn(question: str, lead: str, citations: tuple[Citation, ...], route: str = "retrieval") -> Turn:
    return Turn(question, question, "new", route, citations=citations, lead=lead)


@pytest.mark.parametrize(
    "message",
    [
        "Mets-moi ça en une phrase que je peux coller dans un mail à mon équipe.",
        "Tu peux me reformuler ça en une seule phrase pour ma note de service ?",
        "Une phrase pour mon courriel à l'équipe RH, s'il te plaît.",
        "Résume-moi ça en une phrase pour le mail aux tuteurs.",
    ],
)
def test_one_sentence_asked_for_a_message_is_an_operation_on_the_answer(message: str) -> None:
    request = about_answer.read(message)
    assert request is not None and request.operation == "sentence"


@pytest.mark.parametrize(
    "message",
    [
        "En une phrase : combien de personnes au maximum et combien de points par mois ?",  # a question of its own
        "Et pour un agent à mettre en formation, combien ?",
        "Quelle phrase pour un CDD ?",
    ],
)
def test_a_question_of_its_own_is_no_reshaping(message: str) -> None:
    request = about_answer.read(message)
    assert request is None or request.operation not in ("sentence", "table")


def test_a_table_comparing_them_reads_what_it_compares() -> None:
    request = about_answer.read("Fais-moi un tableau qui compare leurs durées.")
    assert request is not None and request.operation == "table" and request.aspect == "durees"
    assert about_answer.read("Combien de jours dure Prem'ss d'après le tableau de l'article 7 ?") is None


def test_where_the_quote_goes_does_not_hide_the_quote_asked() -> None:
    request = about_answer.read("Cite-moi la phrase exacte du texte, je dois la recopier dans ma note au directeur.")
    assert request is not None and request.operation == "quote"
    body = same_length("copie-moi la phrase telle qu'elle est écrite, je veux la montrer à la paie").lower()
    assert forms.without_purpose(body) == "copie-moi la phrase telle qu'elle est ecrite"


def test_the_sentence_is_the_leads_answer_with_its_citation() -> None:
    lead = "En bref : afin d'optimiser l'accomplissement de sa mission, chaque tuteur accompagne, au maximum,"
    lead += " 3 salariés"
    lead += " [1]"
    turn = _turn(
        "Jusqu'à combien d'alternants un même tuteur peut-il encadrer en même temps ?",
        lead,
        (_citation(1, "4.2", ART_42, "Article 4 – Tutorat"),),
    )
    said = one_sentence([turn], "Mets-moi ça en une phrase pour un mail.")  # (the lead had no final stop)
    assert said is not None and "chaque tuteur accompagne, au maximum, 3 salariés. [1]" in said.text
    assert [c.section for c in said.citations] == ["Article 4.2"]


def test_no_sentence_after_a_refusal() -> None:
    refused = _turn("Et mes congés payés ?", "Les textes indexés ne traitent pas de cette question.", (), "refusal")
    assert one_sentence([refused], "Mets-moi ça en une phrase.") is None


def test_a_table_compares_each_named_thing_on_its_own_texts_sentence() -> None:
    turn = _turn(
        "Pro-A ou contrat de professionnalisation : qu'est-ce qui les distingue ?",
        "En bref : la Pro-A et le contrat de professionnalisation relèvent de l'alternance [1].",
        (
            _citation(1, "2.4", ART_24, "Article 2 – Recours à la reconversion ou promotion par l'alternance (Pro-A)"),
            _citation(2, "3.4", ART_34, "Article 3 – Recours aux contrats de professionnalisation"),
        ),
    )
    asked: list[str] = []

    def ask(question: str) -> Answer:
        asked.append(question)
        return Answer(question, "", "refusal")

    shaped = table([turn], "Fais-moi un tableau qui compare leurs durées.", "durees", None, ask)
    assert shaped is not None and not asked  # both sentences were cited: nothing searched
    rows = [line for line in shaped.text.splitlines() if line.startswith("| Pro-A") or line.startswith("| Contrat")]
    assert "entre 6 et 12 mois" in rows[0] and "article 2.4" in rows[0]
    assert "action de professionnalisation" in rows[1] and "article 3.4" in rows[1]
