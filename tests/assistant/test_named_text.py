"""A text named as the place to read (`answering.named_text`): its name is cut from the search and the
rest of the question ranks that text's own articles, on the real corpus.

The cause (issue #13, 2026g): "dans la convention CQP conseiller offres de service, <question>" was
answered with the convention's article 1, whose first sentence repeats the document's title words
("…au parcours de formation « conseiller offres de service de la Sécurité sociale » qui conduit à
l'obtention du certificat de qualification professionnelle (CQP)…"), whatever was asked.

Wordings of our own, unlike the evaluation sets'. The articles of the model training agreement quoted:
- art. 8: "L'organisme de formation (nom) réunira l'ensemble des éléments nécessaires à l'obtention du
  CQP … et les transmettra à l'Ucanss pour la proclamation des résultats par la CPNEFP.";
- art. 11: "Sous réserve de son accord de financement, l'OPCA règlera à l'organisme bénéficiaire, à
  l'issue de la formation dispensée, le coût de la formation…";
- art. 12: "…faute de réalisation totale ou partielle de la prestation de formation, le ou les organismes
  de formation signataires concernés devront rembourser au cocontractant les sommes indûment perçues…";
- art. 15: "En cas de litige entre les parties ne pouvant être réglé à l'amiable, l'Ucanss sera saisie
  pour arbitrage."
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answering.named_text import read_named_text
from assistant.settings import REPO_ROOT
from ingest.manifest import load_manifest

CONVENTION = "convention-formation-cqp-conseiller-offres-de-service"
CIRCULAIRE = "cqp-gestionnaire-conseil-mise-en-oeuvre"
FICHE = "cqp-regime-general"
MANIFEST = load_manifest(Path(REPO_ROOT) / "corpus" / "manifest.json")


@pytest.mark.parametrize(
    ("question", "document", "left"),
    [
        (
            "Pour le modèle de convention du CQP COS, qui envoie les résultats à l'Ucanss ?",
            CONVENTION,
            "qui envoie les résultats à l'Ucanss",
        ),
        (
            "Est-ce que la convention de formation conseiller offres de service prévoit un remboursement ?",
            CONVENTION,
            "prévoit un remboursement",
        ),
        (
            "Selon la circulaire, quand se tiennent les épreuves écrites ?",
            CIRCULAIRE,
            "quand se tiennent les épreuves écrites",
        ),
        (
            "Dans la fiche sur les CQP, lesquels sont inscrits au niveau 5 du RNCP ?",
            FICHE,
            "lesquels sont inscrits au niveau 5 du RNCP",
        ),
    ],
)
def test_the_phrase_naming_one_text_is_cut_and_the_rest_is_searched_in_it(
    question: str, document: str, left: str
) -> None:
    named = read_named_text(question, MANIFEST)
    assert named is not None
    assert named.document == document
    assert left.lower() in named.question.lower()
    assert "convention" not in named.question.lower() and "circulaire" not in named.question.lower()


@pytest.mark.parametrize(
    "question",
    [
        "La convention collective prévoit-elle une prime de tuteur ?",  # the branch's agreement: not indexed
        "La circulaire exige 3 ans, le protocole un an : que retenir ?",  # two texts named: both are read
        "L'article 3.5 fixe 70 %, mais la convention CQP COS cite un accord de 2010 : lequel compte ?",
        "Combien de points pour un tuteur ?",  # no text named
        "Dans la convention CQP COS ?",  # nothing left to search once the name is cut
        # the accord and its avenant are one text in force (consolidated): never read one without the other
        "Que disent les annexes de l'avenant de 2022 sur le télétravail des managers ?",
        "Selon le protocole de 2019, qui choisit le tuteur ?",
        "L'avenant à mon contrat de travail doit-il préciser la durée de la Pro-A ?",
    ],
)
def test_no_single_place_to_read(question: str) -> None:
    assert read_named_text(question, MANIFEST) is None


@pytest.mark.parametrize(
    ("question", "article", "words"),
    [
        ("Modèle de convention du CQP COS : qui transmet les résultats du parcours à l'Ucanss ?", "8", "ucanss"),
        (
            "D'après la convention CQP conseiller offres de service, l'OPCA paie-t-il avant ou après la formation ?",
            "11",
            "a l'issue",
        ),
        (
            "Convention de formation du CQP COS : un organisme qui n'a assuré qu'une partie de la prestation "
            "garde-t-il l'argent ?",
            "12",
            "rembourser",
        ),
        (
            # "qu'une partie des séances" meets "réalisation totale ou partielle" (a noun and its adjective)
            "Le centre de formation qui n'a fait qu'une partie des séances prévues par la convention du CQP COS "
            "conserve-t-il ce qu'on lui a versé ?",
            "12",
            "rembourser",
        ),
        (
            "En cas de conflit entre signataires de la convention CQP COS, vers qui se tourner ?",
            "15",
            "arbitrage",
        ),
    ],
)
def test_each_article_of_the_named_text_answers_its_own_subject(
    assistant: object, question: str, article: str, words: str
) -> None:
    from assistant.answering.document_facts import folded
    from assistant.service import Assistant

    assert isinstance(assistant, Assistant)
    answer = assistant.ask(question)
    cited = [(c.document, c.section) for c in answer.citations]
    assert cited and cited[0] == (CONVENTION, f"Article {article}"), (cited, answer.text[:300])
    assert words in folded(answer.text)


@pytest.mark.parametrize(
    "question",
    [
        "Dans la note de 2013 sur le CQP gestionnaire conseil, l'examen du CQP GC se passe à quelles périodes "
        "de l'année ?",
        "Selon la note Ucanss sur le CQP gestionnaire conseil, les épreuves du CQP gestionnaire conseil ont lieu à "
        "quelle période ?",
    ],
)
def test_a_part_named_by_its_everyday_name_is_where_the_answer_is_read(assistant: object, question: str) -> None:
    """prop20: "la note de 2013 sur le CQP gestionnaire conseil" names the circular, "l'examen du CQP GC" its part V
    ("Certification, proclamation des résultats": "L'épreuve écrite et l'épreuve orale se dérouleront, comme
    actuellement, en juin et décembre de chaque année"), not its part VIII on the old attestations ("En cas d'échec
    à l'examen de décembre 2013, une solution d'examen de « rattrapage » sera mise en œuvre"), whose words the
    question shares: on main the first wording cited VIII first. The circular is searched with its everyday name
    cut, the part's passages first (`knowledge.everyday_names.named_place`, `named_text._read_at`)."""
    from assistant.service import Assistant

    assert isinstance(assistant, Assistant)
    answer = assistant.ask(question)
    cited = [(c.document, c.section) for c in answer.citations]
    assert cited and cited[0] == (CIRCULAIRE, "V"), (cited, answer.text[:300])
