"""propa (#13, the property class): the router does not refuse on the bank's reading alone a question worded in the
texts' own words (`assistant.routing.texts_words`), and "les agents retraite" names a job, not retirement."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from assistant.routing import texts_words
from assistant.routing.extraction.folding import fold
from assistant.routing.meaning import OUT_OF_SCOPE
from assistant.routing.router import route
from assistant.routing.texts_words import reads_as_the_texts
from assistant.routing.topics import detect_refusal

if TYPE_CHECKING:
    from assistant.service import Assistant

TODAY = date(2026, 12, 1)

# Parts of the texts described in everyday words, with no scheme's name: the convention de formation's options
# (art. 1: "Conseiller service à l'utilisateur (CSU) – branche Famille / Conseiller offres de service de la branche
# Recouvrement"), its art. 3 ("Dans le cas où l'organisme bénéficiaire réalise, en interne, une partie du parcours
# de formation, il s'engage à …") and the accord's art. 3.1 ("faciliter l'intégration des publics éloignés de
# l'emploi, particulièrement ceux sans qualification reconnue").
THE_TEXTS_WORDS = (
    "Le cursus des nouveaux agents d'accueil : entre quelles options faut-il choisir dans le papier signé avec le "
    "centre ?",
    "Notre Urssaf veut assurer elle-même certains modules du cursus des agents d'accueil : à quelles conditions ?",
    "Un jeune sans aucun diplôme veut apprendre le métier chez nous avec des cours : quel type d'embauche "
    "privilégier ?",
)

# Labour law the texts do not cover, some of it next to their subjects (the apprentissage, France compétences).
LABOUR_WORDS = (
    "Un contrat d'apprentissage peut durer combien de temps au maximum ?",
    "Mon employeur peut-il refuser mes congés payés en août ?",
    "Des pigeons nichent sur le rebord de la fenêtre de mon bureau : à qui le signaler ?",
    "Quel niveau de prise en charge France compétences fixe-t-il pour un contrat d'apprentissage ?",
)


@pytest.mark.parametrize("question", THE_TEXTS_WORDS)
def test_a_part_described_in_everyday_words_reads_as_the_texts(question: str) -> None:
    words = texts_words.texts_words()
    assert words.contrast(question) >= texts_words.CONTRAST
    assert words.section_share(question) >= texts_words.SECTION_SHARE
    assert reads_as_the_texts(question)


@pytest.mark.parametrize("question", LABOUR_WORDS)
def test_labour_law_does_not_read_as_the_texts(question: str) -> None:
    assert not reads_as_the_texts(question)


def test_the_sides_are_the_banks_rows_and_the_glossary() -> None:
    """A word the texts' side writes and labour law's seldom weighs for the texts; a labour-law word against them."""
    words = texts_words.texts_words()
    assert words.weight("cursus") > 2 > -2 > words.weight("licenc")
    assert len(words.sections) > 50  # every section of the shipped parse, with its glossary row


@pytest.mark.parametrize("question", THE_TEXTS_WORDS)
def test_the_router_leaves_such_a_question_to_the_passages(
    question: str, assistant: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bank reads each one out of scope (its labour-law neighbours: the apprentissage, the contrat de
    professionnalisation fiches) and the router refused it before any passage was read; it is now searched."""
    reading = assistant._read_meaning(question)
    assert reading is not None and reading.intent == OUT_OF_SCOPE
    decision = route(question, TODAY, meaning=assistant._read_meaning)
    assert decision.route == "retrieval" and decision.texts_words
    monkeypatch.setattr(texts_words, "CONTRAST", float("inf"))  # without the reading by words: refused as before
    assert route(question, TODAY, meaning=assistant._read_meaning).route == "refusal"


@pytest.mark.parametrize("question", LABOUR_WORDS)
def test_the_router_still_refuses_labour_law(question: str, assistant: Assistant) -> None:
    decision = route(question, TODAY, meaning=assistant._read_meaning)
    assert decision.route == "refusal" and not decision.texts_words


def test_the_agents_of_the_retirement_branch_are_a_job_not_retirement() -> None:
    """The CQP fiche's Gestionnaire carrière: "Le métier de Gestionnaire carrière a pour finalité de s'assurer de
    l'exactitude de la carrière de l'assuré par la régularisation de son compte individuel en vue de sa retraite."
    Its agents are "les agents retraite", as "technicien retraite" already read; one's own retirement still does not."""
    job = "Le certificat des agents retraite qui régularisent les carrières : quel niveau ?"
    assert detect_refusal(fold(job)) is None
    assert detect_refusal(fold("Quand puis-je partir à la retraite ?")) == "retraite"
    assert detect_refusal(fold("Un agent peut-il cumuler emploi et retraite ?")) == "retraite"
