"""French analysis: elision, accents, stemming, stop words, numbers, compounds, expansions."""

from __future__ import annotations

import pytest

from knowledge.french import (
    EXPANSION_WEIGHT,
    analyze,
    expand_query,
    fold_accents,
    normalize,
    tokenize,
    weighted_query,
)


@pytest.mark.parametrize(
    ("with_elision", "without"),
    [
        ("l'expérience", "expérience"),
        ("d'accès", "accès"),
        ("qu'il", "il"),
        ("jusqu'à 48 heures", "à 48 heures"),
        ("L’organisme", "organisme"),  # typographic apostrophe
        ("s’ajoute", "ajoute"),
    ],
)
def test_elision_is_removed(with_elision: str, without: str) -> None:
    assert analyze(with_elision) == analyze(without)
    assert "l" not in tokenize(with_elision)


@pytest.mark.parametrize(
    ("accented", "plain"),
    [
        ("durée", "duree"),
        ("Rémunération", "remuneration"),
        ("épreuve écrite", "epreuve ecrite"),
        ("congé", "conge"),
        ("Œuvre", "oeuvre"),
    ],
)
def test_accents_are_folded(accented: str, plain: str) -> None:
    assert analyze(accented) == analyze(plain)
    assert all(term.isascii() for term in analyze(accented))


@pytest.mark.parametrize(
    "variants",
    [
        ("salarié", "salariés", "salariée"),
        ("certifié", "certifiée", "certifiés"),
        ("tuteur", "tuteurs"),
        ("formation", "formations"),
        ("professionnel", "professionnelle", "professionnels"),
        ("rémunéré", "rémunérés", "rémunération"),
    ],
)
def test_inflections_share_a_stem(variants: tuple[str, ...]) -> None:
    stems = {tuple(analyze(v)) for v in variants}
    assert len(stems) == 1, stems


def test_stop_words_are_dropped_but_content_words_kept() -> None:
    assert analyze("le de la des du et ou à au aux est sont") == []
    assert analyze("la prime du tuteur") == analyze("prime tuteur")
    assert "plus" in analyze("plus de 12 mois")  # "plus" matters in legal conditions


def test_numbers_are_canonical() -> None:
    assert "0.15" in analyze("0,15 %")
    assert analyze("0,15 %") == analyze("0.15 %")
    assert "48" in analyze("48 heures")


def test_compounds_keep_joined_form_and_parts() -> None:
    assert tokenize("Pro-A") == ["proa", "pro", "a"]
    assert analyze("PRO-A") == analyze("Pro-A")
    assert "savoirfair" in analyze("savoir-faire")


def test_inverted_pronoun_is_not_a_compound() -> None:
    assert tokenize("doit-il") == ["doit", "il"]
    assert analyze("peut-elle") == analyze("peut")


def test_normalize_and_fold() -> None:
    assert normalize("L’Évolution – d’emploi").split() == ["évolution", "-", "emploi"]
    assert fold_accents("Œuvre à façon") == "OEuvre a facon"


def test_acronyms_expand_to_the_agreement_wording() -> None:
    terms = expand_query("Combien d'heures pour une VAE ?")
    for word in ("validation", "acquis", "expérience"):
        assert analyze(word)[0] in terms
    # the question's own terms come first, expansions after
    assert terms[: len(analyze("Combien d'heures pour une VAE ?"))] == analyze("Combien d'heures pour une VAE ?")


@pytest.mark.parametrize(
    ("question", "wording"),
    [
        ("Je touche le RSA, ma formation peut durer plus longtemps ?", "revenu de solidarité active"),
        ("allocataire ASS depuis un an", "allocation de solidarité spécifique"),
        ("Avec l'AAH, quelle durée ?", "allocation aux adultes handicapés"),
        ("ancien CUI", "contrat unique d'insertion"),
    ],
)
def test_social_benefit_acronyms_expand_to_the_agreement_wording(question: str, wording: str) -> None:
    """Art. 3.4 spells them out: « les bénéficiaires du revenu de solidarité active, de l'allocation de
    solidarité spécifique ou de l'allocation aux adultes handicapés ou aux personnes ayant bénéficié
    d'un contrat unique d'insertion »; employees write the acronyms."""
    assert set(analyze(wording)) <= set(expand_query(question))


def test_expansions_weigh_less_than_the_question_terms() -> None:
    weights = weighted_query("la Pro-A")
    assert weights[analyze("Pro-A")[0]] == 1.0
    assert weights[analyze("reconversion")[0]] == pytest.approx(EXPANSION_WEIGHT)
    assert weighted_query("tuteur") == {"tuteur": 1.0}


def test_everyday_words_expand() -> None:
    assert analyze("prime")[0] in expand_query("combien touche un tuteur ?")


def test_stemming_from_many_threads_gives_the_single_thread_stems() -> None:
    """The UI answers each session in its own thread: stems must not depend on other threads
    (a shared Snowball stemmer raised IndexError under the load bench, 2026-11-30)."""
    import threading

    from knowledge.french import stem

    words = [
        f"{root}{suffix}"
        for root in ("format", "financ", "certif", "accompagn")
        for suffix in ("ation", "ations", "ement", "ements", "eraient", "issions", "ique", "iquement")
    ] * 60
    expected = [stem(w) for w in words]
    results: dict[int, list[str]] = {}
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            results[n] = [stem(w) for w in words]
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert all(result == expected for result in results.values())
