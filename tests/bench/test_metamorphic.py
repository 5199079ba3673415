"""The metamorphic harness (`python -m bench.metamorphic`): its transforms, and a fast subset on the real corpus.

The transforms must keep the meaning (a rate stays a rate, an amount an amount), so that a changed answer
is the product's fault, not the rewrite's. The subset asks the real assistant a few questions written
for this test (not eval items) in every form and checks the same route and the same cited sections;
the whole harness over the released sets is the bench's job (minutes).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.metamorphic import answered_right, failed_ids, sample, summary, table
from bench.metamorphic_transforms import (
    TRANSFORMS,
    dictated,
    english_frame,
    leetspeak,
    numbers_in_words,
    quoted_reply,
    sms,
    spell_number,
    strip_accents,
    trailing_chatter,
    variant,
)


@pytest.mark.parametrize(
    ("n", "words"),
    [(7, "sept"), (17, "dix-sept"), (21, "vingt-et-un"), (71, "soixante-et-onze"), (80, "quatre-vingts"),
     (91, "quatre-vingt-onze"), (252, "deux-cent-cinquante-deux"), (2019, "deux-mille-dix-neuf")],
)  # fmt: skip
def test_numbers_are_spelled_as_french_writes_them(n: int, words: str) -> None:
    assert spell_number(n) == words


def test_the_spelled_numbers_read_back_as_digits() -> None:
    """The product's own reader of spelled numbers (`extraction.spelled`) gives the number back."""
    from assistant.routing.extraction.spelled import spell_digits

    for n in (3, 12, 36, 48, 150, 252, 2027):
        assert spell_digits(f"pendant {spell_number(n)} mois") == f"pendant {n} mois"


def test_rates_amounts_ordinals_and_article_numbers_keep_their_digits() -> None:
    text = "Le 1er mars 2027, 0,15 % de 4 500 € selon l'article 4.3, pour 12 mois."
    assert numbers_in_words(text) == (
        "Le 1er mars deux-mille-vingt-sept, 0,15 % de 4 500 € selon l'article 4.3, pour douze mois."
    )
    assert numbers_in_words("Combien dure une Pro-A ?") is None


def test_dictation_drops_punctuation_but_not_decimals() -> None:
    assert dictated("La VAE, c'est 0,15 % ? Article 4.3.") == "la vae c'est 0,15 % article 4.3"


def test_accents_and_sms() -> None:
    assert strip_accents("Éligibilité à la Pro-A, ça dépend ?") == "Eligibilite a la Pro-A, ca depend ?"
    assert sms("Combien de jours pour un CEP quand on est dans une caisse ?") == (
        "cb de jours pr un cep qd on est ds une caisse ?"
    )
    assert sms("La Pro-A ?") is None


def test_every_transform_changes_a_question_and_keeps_it() -> None:
    question = "Pour un tuteur, combien de points par mois quand il accompagne 2 salariés ?"
    for t in TRANSFORMS:
        out = variant(t, question)
        assert out is not None and out != question, t.name
        if t.name not in ("sans-accents", "dicte", "sms", "nombres-en-lettres", "leet"):
            assert question in out, t.name  # a frame around the question, the question intact


def test_leet_quoted_reply_english_frame_and_chatter() -> None:
    """The forms added by robust10: leet spells the longer lower-case words only; the others frame the question."""
    assert leetspeak("Le CEP dure 1 demi-journée ?") == "Le CEP dur3 1 d3m1-j0urn33 ?"
    assert leetspeak("La VAE ?") is None
    assert quoted_reply("Qui paie ?").splitlines()[1] == "> Qui paie ?"
    assert english_frame("Qui paie ?").startswith("Quick one") and trailing_chatter("Qui paie ?").startswith(
        "Qui paie ?"
    )


def test_the_sample_is_deterministic_and_differs_by_transform(tmp_path: Path) -> None:
    pool = [("dev", {"id": f"q{i}", "question": f"Question numéro {i} sur la Pro-A ?"}) for i in range(40)]
    first = [q["id"] for _, q, _ in sample(TRANSFORMS[3], pool, 5)]
    assert first == [q["id"] for _, q, _ in sample(TRANSFORMS[3], pool, 5)]
    assert first != [q["id"] for _, q, _ in sample(TRANSFORMS[4], pool, 5)]
    assert len(sample(TRANSFORMS[3], pool, 0)) == 40


def test_only_the_questions_a_stored_run_passed_are_rewritten(tmp_path: Path) -> None:
    (tmp_path / "dev.score.txt").write_text("pass: 1/2\nFAIL dev-02 route=refusal answer=''\n", encoding="utf-8")
    assert failed_ids(tmp_path / "dev.score.txt") == {"dev-02"}
    assert failed_ids(tmp_path / "absent.score.txt") is None
    ids = {q["id"] for _, q in answered_right(["dev"], tmp_path)}
    assert "dev-02" not in ids and "dev-01" in ids


def test_the_summary_table_counts_per_transform() -> None:
    from bench.metamorphic import Case

    cases = [Case("poli", "a", True, True), Case("poli", "b", False, True), Case("sms", "a", True, False)]
    result = summary(cases)
    assert result["poli"] == {"n": 2, "same": 1, "pass": 2} and result["TOTAL"]["n"] == 3
    assert "| poli | 2 | 1 (50%) | 2 (100%) |" in table(result)
    json.dumps(result)


# --- on the real corpus: a fast subset --------------------------------------------------------------

SUBSET = (
    "Combien de points touche un tuteur par mois de mission ?",
    "La Pro-A se déroule-t-elle pendant le temps de travail ?",
    "Quel est le taux de la contribution conventionnelle supplémentaire pour 2024 ?",
)


# A paragraph about the user before the question still changes the answer of a rule asked ("la Pro-A se
# déroule-t-elle pendant le temps de travail ?" becomes a case to complete: CDI ? diploma ?): the first
# person of the context makes it a case (`routing.own_case`), and its words enter the retrieval query. That
# is measured by the harness (docs/evaluation/robust8.md), not hidden here: this subset checks
# the forms the guard owns.
FORMS = tuple(t for t in TRANSFORMS if t.name != "contexte")


@pytest.mark.parametrize("question", SUBSET)
def test_every_form_of_a_question_gets_the_same_route_and_sections(real_assistant: Any, question: str) -> None:
    from datetime import date

    today = date(2026, 11, 29)
    assistant = real_assistant
    bare = assistant.ask(question, today=today).to_contract()
    sections = {(c["document"], c["section"]) for c in bare["citations"]}
    different = []
    for t in FORMS:
        text = variant(t, question)
        if text is None:
            continue
        got = assistant.ask(text, today=today).to_contract()
        if got["route"] != bare["route"] or {(c["document"], c["section"]) for c in got["citations"]} != sections:
            different.append(t.name)
    assert not different
