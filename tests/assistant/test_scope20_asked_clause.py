"""A message asking two things is judged clause by clause, and a clause by what it asks (scope20, issue #13).

The accord, art. 6: "Les organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un entretien
de bilan. Celui-ci est l'occasion de faire un état des lieux récapitulatif du parcours professionnel du salarié".
Art. 9: "Les parties signataires conviennent d'engager une négociation tous les 3 ans, portant sur les conditions
d'une amélioration du taux de la contribution conventionnelle supplémentaire." Art. 3.5: "la durée totale de l'action
de formation peut être augmentée, sans toutefois pouvoir excéder 70 % de la durée totale de l'action".

A question that asks a period the texts state and, in a second clause, a count in the user's noun ("combien de
rendez-vous" where the texts say "deux entretiens") was refused whole; so was a period asked by a noun the texts never
write ("à quel rythme", the texts: "tous les 3 ans"). Questions mine, from the articles."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.answerable import _subjects, unstated_in_every_clause
from assistant.answering.attributes import unstated_attribute
from assistant.answering.clauses import asking_clauses, asking_parts
from assistant.answering.corpus_words import corpus_phrases, corpus_words
from assistant.answering.qualifiers import named_actors
from assistant.routing.router import route

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("message", "second"),
    [
        (
            "Tous les combien l'employeur doit-il faire le point sur le parcours, et avec combien d'entretiens ?",
            "avec combien d'entretiens ?",
        ),
        ("Qui verse la prime du tuteur, et pour combien de salariés au plus ?", "pour combien de salariés au plus ?"),
        ("Quand la Pro-A commence-t-elle, et dans quel délai doit-on signer l'avenant ?", "dans quel délai"),
    ],
)
def test_a_preposition_before_an_asking_word_opens_a_clause(message: str, second: str) -> None:
    """ "et avec combien de …" asks on its own: the preposition's space was left unread, so "avec" passed for the
    opening of a complement of the clause before ("les conditions de diplôme et d'expérience")."""
    clauses = asking_clauses(message)
    assert len(clauses) == 2 and clauses[1].startswith(second.rstrip(" ?"))
    assert len(asking_parts(message)) == 2


@pytest.mark.parametrize(
    "message",
    [
        "Quelles sont les conditions de diplôme et d'expérience pour la VAE ?",
        "La Pro-A dure entre combien et combien de mois ?",
        "Le tuteur accompagne combien de salariés ?",
    ],
)
def test_a_complement_or_a_single_question_stays_one_clause(message: str) -> None:
    assert asking_clauses(message) == [message]


def test_a_comparative_clause_is_not_the_subject() -> None:
    """ "les missions d'un tuteur telles que l'accord les décrit": the subject is the tutor's missions (art. 4.1),
    "telles que l'accord les décrit" says where to read them."""
    for question in (
        "Peux-tu me lister les missions d'un tuteur telles que l'accord les décrit ?",
        "Donne-moi les obligations de l'employeur, telles que le texte les prévoit.",
    ):
        assert all("tel" not in subject for subject in _subjects(question))


def test_a_text_that_cites_something_is_named() -> None:
    """ "L'accord cite l'article L. 5411-1 …": the question is about what the accord says (art. 2.4 and 3.4)."""
    decision = route("L'accord cite l'article L. 5411-1 dans ses listes de publics : de qui s'agit-il ?", TODAY)
    assert decision.names_texts


@pytest.mark.integration
@pytest.mark.parametrize(
    "question",
    [
        "Le bilan récapitulatif du parcours se fait tous les combien, et avec combien de rendez-vous intermédiaires ?",
        "Tous les combien faut-il faire un bilan récapitulatif du parcours professionnel, et avec combien de "
        "rendez-vous intermédiaires ?",
    ],
)
def test_a_second_clause_in_the_users_noun_does_not_refuse_the_first(assistant: Any, question: str) -> None:
    """Refused before: "rendez-vous" is no noun a best passage counts ("deux entretiens professionnels")."""
    answer = assistant.ask(question, today=TODAY)
    assert answer.route == "retrieval"
    assert "6 ans" in answer.text and "deux entretiens" in answer.text


@pytest.mark.integration
@pytest.mark.parametrize(
    ("question", "passage", "noun"),
    [
        (
            "Le taux des sommes versées aux fonds communs est-il rediscuté, et à quel rythme ?",
            "négociation tous les 3 ans taux de la contribution conventionnelle supplémentaire",
            "rythme",
        ),
        (
            "Embauché en contrat pro pour un emploi de niveau 3, quel plancher de paie pendant la formation ?",
            "rémunérés au minimum sur la base du coefficient de qualification du niveau 2",
            "plancher",
        ),
    ],
)
def test_a_period_or_a_share_asked_by_a_noun_is_stated_by_its_form(
    assistant: Any, question: str, passage: str, noun: str
) -> None:
    """ "rythme" and "plancher" are no words of the texts; "tous les 3 ans" states a period, art. 3.6's "au minimum"
    a lower bound ("rémunérés, au minimum, sur la base du coefficient de qualification du niveau 2")."""
    vocabulary = corpus_words(assistant.retriever.passage_texts())
    phrases = corpus_phrases(assistant.retriever.passages(), assistant._text_names)
    evidence = assistant._search(passage, 3)
    assert not vocabulary.uses(noun)
    assert unstated_attribute(question, evidence, vocabulary, phrases) is None
    assert unstated_attribute(question, [], vocabulary, phrases) is None  # no passage: nothing read, as before


@pytest.mark.integration
@pytest.mark.parametrize(
    "question",
    [
        "Quel est le taux de réussite au CQP délégué de l'assurance maladie, et combien de places sont ouvertes ?",
        "Combien de places compte le CQP contrôleur du recouvrement, et quel est son taux d'insertion ?",
    ],
)
def test_a_question_whose_every_clause_is_unstated_is_still_refused(assistant: Any, question: str) -> None:
    vocabulary = corpus_words(assistant.retriever.passage_texts())
    phrases = corpus_phrases(assistant.retriever.passages(), assistant._text_names)
    evidence = assistant._search(question, 10)
    decision = route(question, TODAY)
    assert unstated_in_every_clause(question, evidence, decision, vocabulary, phrases)
    assert assistant.ask(question, today=TODAY).route == "refusal"


@pytest.mark.parametrize(
    "question",
    [
        "Qui fixe le pourcentage remboursé à la caisse pour ses alternants ?",
        "Si le centre n'assure pas tous les cours, que devient l'argent déjà versé ?",
        "Je paramètre la rubrique de paie de la prime de tuteur : entre-t-elle dans l'allocation vacances ?",
    ],
)
def test_a_participle_or_the_noun_of_payroll_names_no_payer(question: str) -> None:
    """Art. 3.7: "La CPNEFP définit les taux de prise en charge"; convention art. 12: the training bodies "devront
    rembourser au cocontractant les sommes indûment perçues"; art. 4.3: "La prime n'entre pas dans la base de calcul
    de l'allocation vacances". "le pourcentage remboursé", "l'argent versé" and "la rubrique de paie" were read as
    actors paying (`qualifiers.named_actors`) whom no best passage names, and the questions refused."""
    assert named_actors(question) == []


@pytest.mark.parametrize(
    ("question", "actor"),
    [
        ("L'État nous verse-t-il une aide pour l'alternant ?", "État"),
        ("La région finance les cours ?", "région"),
        ("Le CNFPT finance-t-il la formation des territoriaux ?", "CNFPT"),
    ],
)
def test_an_actor_before_a_funding_verb_is_still_read(question: str, actor: str) -> None:
    assert named_actors(question) == [actor]
