"""The attribute a question asks of something the texts name, and whether the passages about it state it (#21).

The passages are the real ones (`chunks`: the shipped corpus): the CQP fiche's part on a CQP, the Pro-A list, the
avenant's annexe on a job. The questions are written for these tests, in other words than any evaluation set.
"""

from __future__ import annotations

import pytest

from assistant.answering.attributes import asked_attributes, unstated_attribute
from assistant.answering.corpus_words import CorpusWords
from ingest.models import Chunk
from knowledge.hybrid import Evidence


@pytest.fixture(scope="module")
def words(chunks: list[Chunk]) -> CorpusWords:
    return CorpusWords([c.text for c in chunks])


def _about(chunks: list[Chunk], words: str) -> list[Evidence]:
    """The passages whose heading path holds `words` (the fiche's part on one CQP, an annexe…)."""
    found = [c for c in chunks if words.lower() in c.section_path.lower() or words.lower() in c.section_title.lower()]
    assert found, words
    return [Evidence(id=c.id, chunk=c, score=1.0) for c in found[:5]]


@pytest.mark.parametrize(
    ("question", "which", "counted"),
    [
        ("Quelle est la prime d'embauche d'un contrôleur allocataire ?", ["prime"], []),
        ("Quel est l'horaire du jury ?", ["horaire"], []),
        ("Quelles sont les conditions pour obtenir ce CQP ?", [], []),  # a list asked, not one value
        ("Combien de lauréats par an pour ce CQP ?", [], ["laureats"]),
        ("Quel est-il ?", [], []),  # a pronoun, no noun asked
    ],
)
def test_the_asked_noun_is_read_from_the_interrogative(question: str, which: list[str], counted: list[str]) -> None:
    assert asked_attributes(question) == (which, counted)


@pytest.mark.parametrize(
    ("question", "part"),
    [
        # the fiche states the CQP's level, blocks, creation and jobs: not its pay, its graduates or its fees
        ("Quel bonus annuel touche un contrôleur du recouvrement ?", "Contrôleur du recouvrement"),
        ("Combien de lauréats le CQP inspecteur du recouvrement a-t-il eus ?", "Inspecteur du recouvrement"),
        ("Quel salaire d'embauche pour un titulaire du CQP manager opérationnel ?", "Manager opérationnel"),
        ("Combien de candidats échouent chaque année au CQP contrôleur allocataire ?", "Contrôleur allocataire"),
    ],
)
def test_an_attribute_the_passages_about_the_thing_never_state_is_unstated(
    question: str, part: str, chunks: list[Chunk], words: CorpusWords
) -> None:
    assert unstated_attribute(question, _about(chunks, part), words) is not None


@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("Quel niveau de qualification atteste le CQP contrôleur du recouvrement ?", "Contrôleur du recouvrement"),
        ("Combien de blocs de compétences pour le CQP conseiller offres de services ?", "Conseiller offres"),
        ("En quelle année la CPNEFP a-t-elle créé le CQP inspecteur du recouvrement ?", "Inspecteur du recouvrement"),
        ("Quels emplois un titulaire du CQP gestionnaire conseil peut-il exercer ?", "Gestionnaire conseil"),
        # a noun the texts use elsewhere is the user's word for what they state in theirs
        ("À quel taux horaire le parcours du CQP conseiller offres de services est-il payé ?", "Conseiller offres"),
        ("Le CQP délégué de l'Assurance Maladie, c'est pour qui ?", "Délégué"),  # no attribute noun asked
    ],
)
def test_an_attribute_the_passages_state_is_not_unstated(
    question: str, part: str, chunks: list[Chunk], words: CorpusWords
) -> None:
    assert unstated_attribute(question, _about(chunks, part), words) is None


@pytest.mark.parametrize(
    ("question", "part"),
    [
        # a unit is stated by a figure with any unit of its family, or as a mark out of N in a table
        ("L'oral du CQP gestionnaire conseil vaut combien de points au total ?", "proclamation"),
        ("Combien de jours d'absence pour aller voir un conseiller en évolution ?", "Conseil en évolution"),
        ("La garantie de formation joue au bout de combien d'années sans formation ?", "Garantie individuelle"),
        ("Quel pourcentage des salariés de l'UGECAM sont assistants sociaux ?", "Assistant(e) de service social"),
    ],
)
def test_a_count_of_a_unit_is_stated_by_a_figure_of_its_family(
    question: str, part: str, chunks: list[Chunk], words: CorpusWords
) -> None:
    assert unstated_attribute(question, _about(chunks, part), words) is None
