"""A body said to run the scheme, named in capitals, that the texts never name: that body's scheme (oos18, #21).

The accord, art. 7: the CPNEFP "suit le développement, contribue à la promotion du dispositif et encourage la
démarche collective de validation des acquis de l'expérience" — the branch's collective VAE, not one run by the
national education; the fiche: "Le CQP a été créé par la Commission Paritaire Nationale de l'Emploi et de la
Formation Professionnelle (CPNEFP)", a body of the texts. Questions mine."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.corpus_words import corpus_phrases
from assistant.answering.frameworks import foreign_runner

NATIONAL = "Une VAE collective organisée par l'Éducation nationale pour le CAP petite enfance prend combien de mois ?"


@pytest.mark.integration
def test_a_body_the_texts_never_name_runs_another_scheme(assistant: Any) -> None:
    phrases = corpus_phrases(assistant.retriever.passages(), assistant._text_names)
    assert foreign_runner(NATIONAL, phrases) == "Éducation nationale"
    assert foreign_runner("Le CQP est-il délivré par la CPNEFP ?", phrases) is None
    assert foreign_runner("Le CQP est-il délivré par le jury local ?", phrases) is None


@pytest.mark.integration
def test_the_national_education_s_vae_is_refused(assistant: Any) -> None:
    assert assistant.ask(NATIONAL, today=date(2026, 11, 29)).route == "refusal"
