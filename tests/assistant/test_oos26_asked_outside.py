"""A labour-law question asked after a sentence naming one of the texts' schemes (oos26, #21).

"Je suis en contrat de pro depuis mars. Ai-je droit à des congés payés pendant ma formation ?": the context sentence
names the contrat de professionnalisation, so the whole message reads as the texts' subject, but paid leave is
labour law, of which the texts on vocational training say nothing. The asking sentence read alone
decides when it names no corpus topic and reads on the labour-law side of the register contrast by a clear margin
(`scope.asked_outside`); an asking sentence that leans on its context ("Combien de points par mois ?") keeps the
message's scope.

The first tests pin the rule with stand-in readers; the last ones ask the real assistant (shipped corpus, the example
bank, the everyday glossary) questions written for these tests, in other words than any evaluation set.
"""

from __future__ import annotations

import pytest

from assistant.routing.meaning import OUT_OF_SCOPE, Reading
from assistant.routing.scope import ASKED_OUTSIDE_CONTRAST, asked_outside
from assistant.service import Assistant

OUTSIDE = Reading(scores={OUT_OF_SCOPE: 1.0}, intent=OUT_OF_SCOPE, share=1.0, fiche=("La démission", "https://x"))


def _meaning(text: str) -> Reading:
    return OUTSIDE


def _uncovered(question: str, reading: Reading | None) -> str | None:
    return "préavis" if "préavis" in question else None


@pytest.mark.parametrize(
    "question",
    ["Je suis tuteur depuis mai. Quel préavis pour une démission ?", "Tuteur depuis mai : quel préavis si je pars ?"],
)
def test_the_asking_clause_after_a_context_decides_when_it_reads_as_labour_law(question: str) -> None:
    found = asked_outside(question, _meaning, _uncovered, lambda text: ASKED_OUTSIDE_CONTRAST - 0.01)
    assert found == ("préavis", ("La démission", "https://x"))


@pytest.mark.parametrize(
    ("question", "margin"),
    [
        ("Quel préavis pour une démission quand on est tuteur ?", -0.1),  # no context sentence: the router decides
        ("Je suis tuteur. Quel préavis ? Et pour un CDD ?", -0.1),  # several questions: `half_in_scope`'s
        ("Je suis tuteur depuis mai. Quel préavis pour une démission ?", 0.0),  # near neither side: its context's
        ("Je suis tuteur depuis mai. Combien de points par mois ?", -0.1),  # uncovered by no router rule
    ],
)
def test_otherwise_the_message_keeps_its_scope(question: str, margin: float) -> None:
    assert asked_outside(question, _meaning, _uncovered, lambda text: margin) is None


@pytest.mark.parametrize(
    "question",
    [
        "Je suis tuteur d'un apprenti depuis l'été. Si je démissionne, combien de temps de préavis dois-je faire ?",
        "Ma fille suit une VAE d'aide-soignante. Combien de jours d'absence pour enfant malade peut-elle prendre ?",
    ],
)
def test_a_labour_law_question_after_a_training_context_is_refused(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.route == "refusal", answer.text
    assert not answer.citations


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Je suis tutrice de trois alternantes. Combien de points par mois pour ma prime ?", "7 points"),
        ("On vient de me confier un alternant. La prime est-elle réduite si je suis à temps partiel ?", "proratis"),
    ],
)
def test_an_asking_sentence_leaning_on_its_context_is_answered(assistant: Assistant, question: str, fact: str) -> None:
    # art. 4.3: "il correspond à 7 points par mois, complet ou non" ; "n'est pas proratisée en fonction de la durée
    # de travail contractuelle du salarié"
    answer = assistant.ask(question)
    assert answer.route != "refusal", answer.text
    assert fact in answer.text
