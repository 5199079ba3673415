"""Consolidation of the protocole after its avenant: numbering, wording and dates by period."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.models import ParsedDocument
from knowledge.consolidation.amendments import Amendment, ConsolidationError, parse_amendments
from knowledge.consolidation.apply import consolidate
from knowledge.consolidation.article_versions import ArticleVersion, ConsolidatedArticle, ConsolidatedDocument
from knowledge.consolidation.avenant_wording import extract_quotes, split_headed_articles
from tests.knowledge.conftest import ACCORD, AVENANT, make_doc

BEFORE = date(2021, 6, 1)
AFTER = date(2023, 6, 1)


def get(view: ConsolidatedDocument, number: str, on: date) -> ArticleVersion:
    version = view.article(number, on)
    assert version is not None, f"article {number} absent on {on}"
    return version


def original(view: ConsolidatedDocument, number: str) -> ConsolidatedArticle:
    article = view.by_original_number(number)
    assert article is not None, f"no original article {number}"
    return article


# -- the real protocole and avenant (parsed from the shipped PDFs) ------------------------------


@pytest.fixture(scope="module")
def protocole(real_docs: dict[str, ParsedDocument], amendments: list[Amendment]) -> ConsolidatedDocument:
    return consolidate(real_docs[ACCORD], real_docs, amendments)


def test_vae_article_wording_2021_vs_2023(protocole: ConsolidatedDocument) -> None:
    old, new = get(protocole, "7", BEFORE), get(protocole, "7", AFTER)
    assert "48 heures" not in old.text and "au moins 1 année" in old.text
    assert "24 heures" in new.text and "48 heures maximum" in new.text and "au moins une année" in new.text
    assert not old.amended and old.citation == "Article 7"
    assert new.citation == "Article 7 (rédaction issue de l'avenant du 11 octobre 2022, art. 2)"
    assert (new.source_document, new.source_section) == (AVENANT, "2")
    assert old.valid_to == new.valid_from == date(2022, 10, 11)


def test_old_and_new_numbering(protocole: ConsolidatedDocument) -> None:
    assert "contribution conventionnelle" in get(protocole, "9", BEFORE).text.lower()
    assert "formateur interne" in get(protocole, "9", AFTER).title.lower()
    levy = get(protocole, "10", AFTER)
    assert levy.original_number == "9"
    assert levy.trail[-1] == "Article 10 – Contribution conventionnelle supplémentaire"
    assert "0,15 % de leur masse salariale" in levy.text  # the original wording is kept…
    assert "Pour les années 2023 à 2025" in levy.text  # …and the avenant's art. 5 paragraphs follow it
    assert levy.citation == (
        "Article 10 (ancien article 9, renuméroté par l'avenant du 11 octobre 2022, art. 4 ; "
        "complété par l'avenant du 11 octobre 2022, art. 5)"
    )
    assert "compte personnel de formation" in get(protocole, "10", BEFORE).title.lower()
    assert get(protocole, "11.1", AFTER).original_number == "10.1"
    assert get(protocole, "12", AFTER).original_number == "11"
    assert protocole.article("12", BEFORE) is None
    assert original(protocole, "9").current_number == "10"
    assert original(protocole, "10.2").current.path[-2:] == ("Article 11", "11.2")


def test_new_article_9_and_its_retroactive_date(protocole: ConsolidatedDocument) -> None:
    numbers = [v.number for v in protocole.as_of(AFTER)]
    assert numbers.index("8") < numbers.index("9") < numbers.index("9.3") < numbers.index("10")
    amount = get(protocole, "9.3", AFTER)
    assert "7 points par mois pour chaque action" in amount.text
    assert amount.original_number is None
    assert amount.trail[-2:] == ("Article 9 – Le formateur interne à titre accessoire", "9.3 – Montant")
    assert amount.valid_from == date(2022, 1, 1)  # avenant art. 6: retroactive bonus
    assert amount.citation == "Article 9.3 (créé par l'avenant du 11 octobre 2022, art. 3)"
    assert protocole.article("9.3", BEFORE) is None
    assert "Article 9.1" not in amount.text  # headings became sections, not text


def test_paragraph_inserted_in_2_2(protocole: ConsolidatedDocument) -> None:
    old, new = get(protocole, "2.2", BEFORE), get(protocole, "2.2", AFTER)
    addition = "Le dispositif de Pro-A peut s’articuler avec d’autres dispositifs"
    assert addition not in old.text
    assert new.text.startswith(old.text) and new.text.rstrip().endswith("durée des deux années")
    assert addition in new.text


def test_pro_a_list_additions_and_their_conditional_date(protocole: ConsolidatedDocument) -> None:
    old, new = get(protocole, "Annexe 1", BEFORE), get(protocole, "Annexe 1", AFTER)
    assert "Master manager stratégique" not in old.text
    for item in ("CQP manager opérationnel", "accompagnant éducatif et social", "Master manager stratégique"):
        assert item in new.text
    assert new.text.startswith(old.text)
    change = new.changes[-1]
    assert change.op == "append_to_list" and not change.date_certain
    assert "extension" in change.note


def test_unchanged_articles_keep_one_version(protocole: ConsolidatedDocument) -> None:
    tutor = original(protocole, "4.3")
    assert len(tutor.versions) == 1
    assert tutor.as_of(BEFORE) is tutor.as_of(AFTER)
    assert protocole.article("4.3", date(2019, 1, 1)) is None  # before the protocole applied


# -- operations on synthetic texts ---------------------------------------------------------------


def synthetic_pair() -> tuple[ParsedDocument, ParsedDocument]:
    accord = make_doc(
        "acc",
        [
            ("1", "Objet", "Texte un."),
            ("2", "Congé", "Congé de 24 heures."),
            ("3", "Fin", "Dispositions finales."),
            ("3.1", "Détail", "Sous-article."),
        ],
    )
    avenant = make_doc(
        "av",
        [
            ("1", "Modification de l'article 2", "L'article 2 est rédigé ainsi : « Congé de 48 heures. »"),
            ("2", "Renumérotation", "L'article 3 devient l'article 4."),
            (
                "3",
                "Création",
                "Il est inséré un article 3 : "
                "« Article 3 | Nouveau\n\nArticle 3.1 | Prime\n\nUne prime « spéciale ». »",
            ),
            ("4", "Ajout", "À l'article 4, il est ajouté : « Alinéa ajouté. »"),
        ],
        kind="avenant",
        signed="2022-01-15",
        in_force=None,
    )
    return accord, avenant


def synthetic_amendment(**overrides: object) -> list[Amendment]:
    spec = {
        "amendments": [
            {
                "avenant": "av",
                "target": "acc",
                "label": "avenant test",
                "signed": "2022-01-15",
                "operations": [
                    {"op": "replace_article", "target": "2", "source": "1"},
                    {"op": "renumber", "source": "2", "mapping": {"3": "4"}},
                    {"op": "create_article", "number": "3", "after": "2", "source": "3"},
                    {"op": "append_paragraphs", "target": "4", "source": "4", "effective_from": "2023-01-01"},
                ],
                **overrides,
            }
        ]
    }
    return parse_amendments(spec)


def test_synthetic_operations_apply_in_order() -> None:
    accord, avenant = synthetic_pair()
    view = consolidate(accord, {"av": avenant}, synthetic_amendment())
    on = date(2023, 6, 1)
    assert [v.number for v in view.as_of(on)] == ["1", "2", "3", "3.1", "4", "4.1"]
    assert get(view, "2", on).text == "Congé de 48 heures."
    assert get(view, "3.1", on).text == "Une prime « spéciale »."  # nested quotes survive
    assert get(view, "4", on).text == "Dispositions finales."
    # "at the end of the article": after its last sub-article
    assert get(view, "4.1", on).text == "Sous-article.\n\nAlinéa ajouté."
    assert get(view, "4.1", on).original_number == "3.1"
    # between the avenant (2022-01-15) and the appended paragraph (2023-01-01)
    mid = get(view, "4.1", date(2022, 6, 1))
    assert mid.text == "Sous-article." and mid.original_number == "3.1"
    assert [v.number for v in view.as_of(date(2021, 1, 1))] == ["1", "2", "3", "3.1"]


def test_quotes_and_headings_are_extracted() -> None:
    assert extract_quotes("a « b « c » d » e « f »") == ["b « c » d", "f"]
    assert extract_quotes("« non fermée\n  suite") == ["non fermée\nsuite"]
    assert split_headed_articles("Article 9 | Titre\n\nArticle 9.1 | Sous\ntexte", "9") == [
        ("9", "Titre", ""),
        ("9.1", "Sous", "texte"),
    ]


@pytest.mark.parametrize(
    ("operation", "message"),
    [
        ({"op": "replace_article", "target": "7", "source": "1"}, "introuvable"),
        ({"op": "replace_article", "target": "2", "source": "9"}, "introuvable"),
        ({"op": "replace_article", "target": "2", "source": "2"}, "citation"),
        ({"op": "create_article", "number": "1", "source": "3"}, "existe déjà"),
        ({"op": "renumber", "source": "2", "mapping": {"8": "9"}}, "introuvables"),
        ({"op": "append_to_list", "target": "1", "source": "1", "after": "absent"}, "repère"),
    ],
)
def test_description_not_matching_the_texts_is_an_error(operation: dict[str, object], message: str) -> None:
    accord, avenant = synthetic_pair()
    with pytest.raises(ConsolidationError, match=message):
        consolidate(accord, {"av": avenant}, synthetic_amendment(operations=[operation]))


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"amendments": [{"target": "acc"}]}, "manquant"),
        ({"amendments": [{"avenant": "av", "target": "acc", "operations": []}]}, "signed"),
        ({"amendments": [{"avenant": "av", "target": "acc", "signed": "2022-13-01"}]}, "date invalide"),
        (
            {"amendments": [{"avenant": "av", "target": "acc", "signed": "2022-01-01", "operations": [{"op": "x"}]}]},
            "inconnue",
        ),
    ],
)
def test_invalid_descriptions_are_refused(spec: dict[str, object], message: str) -> None:
    with pytest.raises(ConsolidationError, match=message):
        parse_amendments(spec)


def test_missing_avenant_is_an_error() -> None:
    accord, _ = synthetic_pair()
    with pytest.raises(ConsolidationError, match="non analysé"):
        consolidate(accord, {}, synthetic_amendment())
