"""A question whose subject no topic or text placed is read as the texts' by meaning in both registers (refuse24).

`routing.register_contrast` contrasts the texts' own questions (the bank's corpus rows, the everyday glossary) with
labour-law ones of the ministry's and the users' register; `answerable.read_in_texts` keeps such a question from the
"subject is elsewhere" refusal, and `answerable.scheme_in_texts` from the foreign complement when it names one of the
texts' schemes. The wordings are mine, written from the texts (accord of 19 December 2019, art. 2 to 10), under 0.8
difflib from every evaluation question, routing row and glossary question.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from assistant.answering.answerable import REGISTER_CONTRAST, qualified_elsewhere, read_in_texts, scheme_in_texts
from assistant.answering.complements import foreign_complement
from assistant.answering.corpus_words import CorpusPhrases, CorpusWords
from assistant.answering.glossary_places import GlossaryReading
from assistant.routing.register_contrast import RegisterContrast
from ingest.models import Chunk
from knowledge.everyday_meaning import SectionVote

# The texts' matter in everyday words: the Pro-A's funding (art. 2.6), the tutor's limit (4.2), the branch's CPF top-up
# (10.1), the tutor's bonus (4.3), the Pro-A's training time (2.5), its beneficiaries in short-time work (2.3), the
# branch contribution (9); and the CEP's leave (art. 5), which reads under the margin (0.013, measured).
IN_SCOPE = [
    "Qui sort le chéquier quand un salarié de la caisse se lance dans une Pro-A ?",
    "Combien de nouveaux au maximum peut épauler un parrain d'alternant ?",
    "Le coup de pouce de la branche sur le compte formation, il vise quels agents ?",
    "Pour voir un conseiller carrière sur mes heures de boulot, il me faut combien d'ancienneté ?",
    "Quand on est tuteur à mi-temps, la gratification est-elle calculée au prorata ?",
    "Les cours de ma reconversion par l'alternance se font-ils sur mon temps de travail ?",
    "Des collègues placés en activité réduite par la caisse ont-ils accès à la reconversion par l'alternance ?",
    "Le pourcentage de la masse salariale que les caisses mettent au pot commun de la branche, c'est combien ?",
]
LABOUR = [
    "Mon chef peut-il m'imposer de prendre mes congés en août ?",
    "Quand un proche de ma famille décède, la caisse me laisse combien de jours ?",
    "Suis-je obligé d'adhérer à la complémentaire santé de la caisse ?",
    "Les titres-repas sont-ils dus les jours de travail à domicile ?",
    "Pour quitter mon poste, combien de semaines de préavis dois-je respecter ?",
    "La caisse peut-elle me changer de site sans me demander mon avis ?",
    "Un salarié en chômage partiel touche quel pourcentage de son salaire ?",
    "Qui paie la visite médicale de reprise après un arrêt maladie ?",
]


def _reading(contrast: float | None) -> GlossaryReading:
    return GlossaryReading(SectionVote(), 0.0, contrast)


def test_the_contrast_is_the_mean_of_the_nearest_inside_less_the_nearest_outside() -> None:
    inside = np.array([[1.0, 0.0], [0.8, 0.6], [0.6, 0.8], [0.0, 1.0]], dtype=np.float32)
    outside = np.array([[0.0, 1.0], [0.6, 0.8], [0.8, 0.6]], dtype=np.float32)
    contrast = RegisterContrast(inside, outside).contrast(np.array([1.0, 0.0], dtype=np.float32), neighbours=2)
    assert contrast == pytest.approx((1.0 + 0.8) / 2 - (0.8 + 0.6) / 2)
    assert RegisterContrast(inside, outside).contrast(np.array([1.0, 0.0, 0.0], dtype=np.float32)) is None


def test_only_a_contrast_at_the_margin_reads_in_the_texts() -> None:
    assert read_in_texts(_reading(REGISTER_CONTRAST))
    assert not read_in_texts(_reading(REGISTER_CONTRAST - 0.001))
    assert not read_in_texts(_reading(None)) and not read_in_texts(None)


@pytest.mark.integration
def test_everyday_wordings_of_the_texts_read_in_the_texts(assistant: Any) -> None:
    """Seven of my eight wordings (measured: 0.020 to 0.040; the CEP's leave 0.013)."""
    read = [q for q in IN_SCOPE if read_in_texts(assistant._read_glossary(q))]
    assert len(read) >= 7, sorted(set(IN_SCOPE) - set(read))


@pytest.mark.integration
@pytest.mark.parametrize("question", LABOUR)
def test_a_labour_law_question_in_the_users_words_does_not(assistant: Any, question: str) -> None:
    reading = assistant._read_glossary(question)
    assert reading is not None and reading.register_contrast is not None
    assert not read_in_texts(reading)


@pytest.fixture(scope="module")
def words(chunks: list[Chunk]) -> CorpusWords:
    return CorpusWords([c.text for c in chunks])


@pytest.fixture(scope="module")
def phrases(chunks: list[Chunk]) -> CorpusPhrases:
    return CorpusPhrases([c.context_text for c in chunks])


def test_a_situation_after_a_does_not_move_a_question_on_a_scheme_read_as_the_texts(
    words: CorpusWords, phrases: CorpusPhrases
) -> None:
    """ "au chômage technique" is the employees' situation (art. 2.3: "les salariés en activité partielle"), not which
    Pro-A: with a clear reading by meaning the complement no longer refuses; without one, it still does."""
    question = "Les salariés au chômage technique cet hiver ont-ils le droit de demander une Pro-A ?"
    assert foreign_complement(question, words, phrases) is not None
    assert scheme_in_texts(question, _reading(REGISTER_CONTRAST))
    assert not qualified_elsewhere(question, [], words, phrases, complement=False)
    assert qualified_elsewhere(question, [], words, phrases)
    assert not scheme_in_texts(question, _reading(0.0))


def test_a_complement_on_a_question_naming_no_scheme_still_moves_it() -> None:
    assert not scheme_in_texts("La formation à la soudure est-elle payée ?", _reading(REGISTER_CONTRAST))
