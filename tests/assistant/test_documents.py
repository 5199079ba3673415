"""Questions about the texts themselves (issue #13): facts read from the shipped PDFs' parse, and the
answers that lead with them.

The facts are read from the same passages the index holds (the shipped parse, chunked as at
ingestion), so these tests need no embedder. Each fact test quotes the sentence of the text it comes
from; the wordings of the questions are our own, unlike the evaluation sets'.
"""

from __future__ import annotations

import pytest

from assistant.answering import document_facts as df
from assistant.answering.citations import CitationBook
from assistant.answering.document_questions import read_question, which_document
from assistant.answering.documents import answer_about_document
from assistant.answering.wording import document_name
from assistant.settings import REPO_ROOT
from ingest.manifest import load_manifest
from ingest.models import Chunk

ACCORD = "accord-2019-12-19-formation-professionnelle"
AVENANT = "avenant-2022-10-11-formation-professionnelle"
CONVENTION = "convention-formation-cqp-conseiller-offres-de-service"
CIRCULAIRE = "cqp-gestionnaire-conseil-mise-en-oeuvre"
MANIFEST = load_manifest(REPO_ROOT / "corpus" / "manifest.json")
NAMES = {d: document_name(i) for d, i in MANIFEST.items()}


@pytest.fixture(scope="module")
def facts(chunks: list[Chunk]) -> dict[str, df.DocumentFacts]:
    return df.read_facts(chunks, MANIFEST)


def _answer(question: str, facts: dict[str, df.DocumentFacts]) -> tuple[str | None, CitationBook]:
    book = CitationBook({d: i.title for d, i in MANIFEST.items()})
    return answer_about_document(question, facts, MANIFEST, book, NAMES), book


# --- the facts, read from the real texts ---------------------------------------------------------


def test_parties_from_the_title_page(facts: dict[str, df.DocumentFacts]) -> None:
    """Title page: "Entre l'(les) organisation(s) professionnelle(s) d'employeur(s) : UCANSS, d'une part,
    et le(s) syndicat(s) de salariés : PSTE CFDT, d'autre part"."""
    for document in (ACCORD, AVENANT):
        parties = {f.value: f.sentence for f in facts[document].get(df.SIGNATORIES)}
        assert parties == {"employers": "UCANSS", "unions": "PSTE CFDT"}


def test_signature_block(facts: dict[str, df.DocumentFacts]) -> None:
    """Accord art. 11: "Fait à Montreuil, le 19 décembre 2019." Avenant art. 6: "Fait à Montreuil, le 11 octobre 2022."
    The convention is a model ("Fait en (x) exemplaires, à ____, le ____"): no place nor date to read."""
    assert facts[ACCORD].get(df.SIGNATURE)[0].value == "Montreuil, le 19 décembre 2019"
    assert facts[AVENANT].get(df.SIGNATURE)[0].value == "Montreuil, le 11 octobre 2022"
    assert not facts[CONVENTION].get(df.SIGNATURE)


def test_duration_revision_and_notice(facts: dict[str, df.DocumentFacts]) -> None:
    """Accord art. 11: "Le présent accord, qui est conclu pour une durée indéterminée, pourra être révisé ou
    dénoncé dans les conditions prévues par le code du travail." Convention art. 15: "Une dénonciation explicite
    de l'une des parties peut être déclarée sous réserve de l'application d'un délai de prévenance de 1 mois." """
    assert "durée indéterminée" in facts[ACCORD].get(df.DURATION)[0].sentence
    assert facts[ACCORD].get(df.DURATION)[0].chunk.section_number == "11"
    assert "délai de prévenance de 1 mois" in facts[CONVENTION].get(df.REVISION)[0].sentence


def test_approval_named_in_another_text(facts: dict[str, df.DocumentFacts]) -> None:
    """Avenant, préambule: "le protocole d'accord du 19 décembre 2019, agréé le 30 avril 2020 par la direction
    de la sécurité sociale" — a fact about the accord, cited from the avenant."""
    dated = [f for f in facts[ACCORD].get(df.APPROVAL) if f.value]
    assert dated[0].value == "30 avril 2020"
    assert dated[0].chunk.document == AVENANT
    assert not any(f.value for f in facts[AVENANT].get(df.APPROVAL))  # not the avenant's own approval


def test_renumbering_and_changes(facts: dict[str, df.DocumentFacts]) -> None:
    """Avenant art. 4: "Les articles 9, 10 et 11 deviennent respectivement les articles 10, 11 et 12."
    Its articles' headings are its changes ("Modification de l'article 7", "Création d'un article 9");
    art. 6 "Durée et date d'effet" is not one."""
    assert facts[AVENANT].renumbered == {"9": "10", "10": "11", "11": "12"}
    changes = [f.sentence for f in facts[AVENANT].get(df.CHANGES)]
    assert any("Création d’un article 9" in c for c in changes)
    assert not any("Durée" in c for c in changes)
    assert len(facts[AVENANT].get(df.AIMS)) == 3  # "Les parties signataires ont également souhaité : – … – … – …"


def test_entry_into_force_of_the_avenant(facts: dict[str, df.DocumentFacts]) -> None:
    """Avenant art. 6: "l'entrée en vigueur de l'article 1 … est conditionnée à l'extension du présent avenant"."""
    assert any("conditionnée à l’extension" in f.sentence for f in facts[AVENANT].get(df.EFFECT))


# --- which text a question names -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "document"),
    [
        ("le protocole formation, qui l'a négocié ?", ACCORD),
        ("Le texte signé en 2019 est-il encore valable ?", ACCORD),
        ("L'avenant, il est en vigueur ?", AVENANT),
        ("le texte de 2022 a été signé où ?", AVENANT),
        ("la convention du CQP COS se dénonce comment ?", CONVENTION),
        ("la circulaire sur le CQP GC a quelle date ?", CIRCULAIRE),
        ("Combien touche un tuteur ?", None),
    ],
)
def test_which_document(question: str, document: str | None) -> None:
    assert which_document(question, MANIFEST) == document


# --- answers: the fact first, cited; 3+ wordings per attribute ----------------------------------


@pytest.mark.parametrize(
    ("question", "expected", "document"),
    [
        # parties
        ("Quels syndicats sont signataires du protocole ?", "PSTE CFDT", ACCORD),
        ("L'avenant, c'est qui les signataires côté patronal ?", "UCANSS", AVENANT),
        ("Quelles organisations ont signé le texte de 2019 ?", "UCANSS", ACCORD),
        # place and date
        ("Le protocole de 2019, signé dans quelle ville ?", "Montreuil", ACCORD),
        ("À quelle date l'avenant a-t-il été signé ?", "11 octobre 2022", AVENANT),
        ("Le texte de 2022 a été signé où ?", "Montreuil", AVENANT),
        # duration
        ("Le protocole de 2019 a-t-il une date de fin ?", "durée indéterminée", ACCORD),
        ("L'avenant expire quand ?", "durée indéterminée", AVENANT),
        ("Pour quelle durée l'accord de 2019 a-t-il été conclu ?", "durée indéterminée", ACCORD),
        # révision, dénonciation, notice
        ("Peut-on résilier la convention de formation du CQP COS ?", "1 mois", CONVENTION),
        ("Le protocole de 2019 peut-il être renégocié ou dénoncé ?", "révisé ou dénoncé", ACCORD),
        ("Quel préavis pour mettre fin à la convention COS ?", "1 mois", CONVENTION),
        # agrément
        ("Le protocole de 2019 a reçu son agrément à quelle date ?", "30 avril 2020", ACCORD),
        ("Qui a agréé l'accord de décembre 2019 ?", "direction de la sécurité sociale", AVENANT),
        ("L'avenant doit-il être agréé ?", "agrément ministériel", AVENANT),
        # entry into force
        ("L'avenant d'octobre 2022 est en vigueur depuis quand ?", "agrément", AVENANT),
        ("Le texte de 2022 s'applique-t-il dès sa signature ?", "agrément", AVENANT),
        ("À partir de quand la convention COS prend effet ?", "signature", CONVENTION),
        # extension
        ("L'accord de 2019 a-t-il été déposé pour extension ?", "extension", ACCORD),
        ("L'avenant sera-t-il étendu par le ministère ?", "extension", AVENANT),
        ("Extension de l'avenant de 2022 : qu'est-ce que ça conditionne ?", "extension", AVENANT),
        # what the avenant changed
        ("Quoi de neuf dans l'avenant de 2022 ?", "48 heures", AVENANT),
        ("Qu'apporte l'avenant au protocole ?", "formateur interne", AVENANT),
        ("L'avenant a modifié quels articles de l'accord ?", "Modification de l’article 7", AVENANT),
        # renumbering
        ("L'article 9 d'origine, où est-il passé après l'avenant ?", "article 10", AVENANT),
        ("Dans l'accord consolidé, l'article 12 correspondait à quel numéro avant ?", "article 11", AVENANT),
        ("Quel numéro porte aujourd'hui l'article sur l'abondement du compte personnel de formation ?", "11", AVENANT),
    ],
)
def test_answers_lead_with_the_fact(
    question: str, expected: str, document: str, facts: dict[str, df.DocumentFacts]
) -> None:
    text, book = _answer(question, facts)
    assert text is not None, question
    assert expected in text.split("\n\n")[0] or expected in text, text
    assert document in {c.document for c in book.citations()}
    assert "[1]" in text


@pytest.mark.parametrize(
    "question",
    [
        "Qui peut bénéficier de la Pro-A ?",
        "Combien touche un tuteur par mois ?",
        "Le contrat de pro dure combien de temps ?",  # a scheme's duration, not a text's
        "Que dit l'article 7 sur la VAE ?",
        "Qu'est-ce que l'avenant prévoit pour les aides-soignants en Ehpad ?",  # a subject the facts do not cover
        "Le CQP gestionnaire conseil a été créé quand ?",
    ],
)
def test_other_questions_are_left_to_retrieval(question: str, facts: dict[str, df.DocumentFacts]) -> None:
    text, _ = _answer(question, facts)
    assert text is None, text


def test_renumbering_needs_no_document_named() -> None:
    asked = read_question("l'ancien article 11, quel numéro a-t-il pris ?", MANIFEST)
    assert asked is not None and asked.attributes == (df.RENUMBERING,)


@pytest.mark.parametrize(
    "question",
    [
        "Le préambule de l'avenant dit que la prime passe à 7 points, c'est pour tous ?",  # "passe": no article named
        "Depuis l'avenant, le congé VAE est devenu plus long pour qui ?",
    ],
)
def test_renumbering_is_about_articles(question: str) -> None:
    asked = read_question(question, MANIFEST)
    assert asked is None or df.RENUMBERING not in asked.attributes


def test_month_of_signature_is_part_of_the_name(facts: dict[str, df.DocumentFacts]) -> None:
    """ "l'avenant de décembre…/d'octobre 2022" names the text; the month is no subject of its own."""
    text, _ = _answer("Qu'a cherché à faire l'avenant d'octobre 2022, en résumé ?", facts)
    assert text is not None and "48 heures" in text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Peut-on sortir du protocole de 2019 un jour ?", "dénoncé"),
        ("Le protocole de 2019 a-t-il une échéance ? il est à durée déterminée ?", "durée indéterminée"),
        ("L'avenant de 2022 ne s'est pas appliqué tout de suite, il fallait quoi ?", "agrément"),
        ("Dans le protocole actuel, l'abondement du CPF se trouve à quel article ?", "article 11"),
    ],
)
def test_the_asking_words_are_no_subject(question: str, expected: str, facts: dict[str, df.DocumentFacts]) -> None:
    text, _ = _answer(question, facts)
    assert text is not None and expected in text, text


def test_an_article_asked_by_its_subject_only_when_renumbered(facts: dict[str, df.DocumentFacts]) -> None:
    """Only articles 9 to 11 moved (avenant art. 4): an article asked by another subject is left to retrieval."""
    text, _ = _answer("À quel article trouve-t-on la VAE ?", facts)
    assert text is None
