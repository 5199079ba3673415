"""Texts that disagree are said to disagree even when the question quotes both figures or the lead only
announces its article (issue #13 class 5, unseen-2026b class 8).

Art. 7 as rewritten by the avenant of 2022: « dès lors que la personne justifie d'une activité, continue
ou non, d'au moins une année »; circular of 2013 on the CQP gestionnaire conseil, VI: « La durée de
l'expérience doit être au minimum de 3 ans ». The most recent text applies and both are cited.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant

pytestmark = pytest.mark.integration
TODAY = date(2026, 11, 29)
CIRCULAIRE = "cqp-gestionnaire-conseil-mise-en-oeuvre"


@pytest.mark.parametrize(
    "question",
    [
        "VAE : il faut 1 an ou 3 ans d'expérience ? je lis les deux",
        # the accord named is read alone (docs11); the circular's passages are still read for a disagreement
        # (`named_text.Searched.elsewhere`), and the lead is the sentence stating the lower bound asked ("au moins
        # une année"), not the leave's "48 heures maximum" (`answer_types.FLOOR`)
        "Selon l'accord, quelle expérience minimum pour demander une VAE ?",
    ],
)
def test_the_vae_experience_disagreement_is_said_and_the_recent_text_applies(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.ask(question, today=TODAY)
    assert "ne concordent pas" in answer.text
    assert "plus récent" in answer.text
    documents = {c.document for c in answer.citations}
    assert CIRCULAIRE in documents and len(documents) >= 2


def test_a_tutor_bonus_question_raises_no_disagreement(assistant: Assistant) -> None:
    answer = assistant.ask("La prime de tutrice, c'est payé chaque mois ou d'un coup ?", today=TODAY)
    assert "ne concordent pas" not in answer.text
