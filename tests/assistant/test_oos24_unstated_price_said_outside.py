"""A price the texts never fix, and a rule the user says is another party's, are refused (oos24, #21).

The convention of the CQP conseiller offres de service, art. 9-1, leaves the price of each module blank: "Frais de
formation de l'organisme de formation (nom) : coût unitaire H.T .....X.....stagiaire(s) soit un total de .....€.
H.T." The fiche of the CQP prices nothing. So "combien coûte …" asked alone of a CQP or of a module of its course has
no answer in the texts: refused, as the calculation route already refuses it. A price asked of a scheme whose rules
the texts make (the Pro-A: "son financement … par l'OPCO") keeps its partial answer, and "qui fixe combien
coûtent …" asks who, not a price.

The accord, art. 12: "Il est d'application impérative à l'ensemble des organismes du régime général de sécurité
sociale." A question that says its rule is another party's ("selon leur accord de branche"), that it is outside the
institution ("hors sécurité sociale"), or that names a public-sector employer or status ("un collège public", "un
agent public") asks a rule the texts do not set. Questions mine.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answering.qualifiers import said_outside
from assistant.answering.unstated_price import unstated_price


@pytest.mark.parametrize(
    ("question", "words"),
    [
        (
            "Chez les notaires, le tuteur a-t-il une prime selon leur convention collective ?",
            "leur convention collective",
        ),
        ("Leurs accords de branche prévoient-ils un entretien tous les deux ans ?", "leurs accords de branche"),
        ("Dans une association hors Sécurité sociale, la Pro-A est-elle ouverte ?", "hors securite sociale"),
        ("Mon mari, agent public territorial, a-t-il un congé VAE ?", "agent public"),
        ("Infirmière dans un hôpital public, puis-je devenir tutrice ?", "hopital public"),
    ],
)
def test_the_user_says_the_rule_is_another_partys(question: str, words: str) -> None:
    assert said_outside(question) == words


@pytest.mark.parametrize(
    "question",
    [
        "L'accord de branche prévoit-il une prime pour le tuteur ?",
        "Notre accord fixe-t-il un entretien professionnel tous les deux ans ?",
        "Les établissements publics partenaires de l'UGECAM sont-ils visés par la Pro-A ?",
        "Quels publics sont prioritaires pour la garantie individuelle ?",
        "Les conseillers de la branche Famille ont-ils leur propre CQP ?",
        "J'ai fait quinze mois en intérim avant la caisse : ma Pro-A est-elle possible ?",  # a past job, not a status
        "Les enseignements généraux du contrat de professionnalisation durent combien ?",
    ],
)
def test_the_texts_own_agreement_and_publics_are_not_outside(question: str) -> None:
    assert said_outside(question) is None


@pytest.mark.parametrize(
    ("question", "kind", "topic", "refused"),
    [
        ("Combien coûte la certification du CQP contrôleur allocataire ?", "price", "cqp", True),
        ("Quel est le prix du module Pass pour un agent ?", "price", "training_path", True),
        ("Combien coûte la certification du CQP contrôleur allocataire ?", "price", None, True),
        ("Combien coûte la Pro-A à la caisse ?", "price", "pro_a", False),  # a scheme whose rules the texts make
        ("Qui fixe combien coûtent les modules du parcours ?", "price", "cqp", False),  # who is asked
        ("Combien coûte le module Pass, et qui l'organise ?", "price", "cqp", False),  # another clause is answered
        ("Combien coûte le module Pass pour 12 stagiaires ?", "price", "cqp", False),  # a figure of the user's own
        ("Combien d'heures dure le module Pass ?", "duration", "cqp", False),  # not a price
    ],
)
def test_a_price_alone_of_a_thing_the_texts_only_name(
    question: str, kind: str, topic: str | None, refused: bool
) -> None:
    assert unstated_price(question, kind, topic) is refused


@pytest.mark.integration
@pytest.mark.parametrize(
    "question",
    [
        "Combien coûte la certification au CQP contrôleur allocataire pour un candidat libre ?",
        "Quel est le prix facturé par stagiaire pour le module Prem'ss l'an prochain ?",
        "Dans les banques, à quel âge le tuteur peut-il partir selon leur accord de branche ?",
        "Professeur dans un lycée public, ai-je droit à un congé pour préparer une VAE ?",
    ],
)
def test_the_assistant_refuses_a_price_never_fixed_or_a_rule_said_elsewhere(assistant: Any, question: str) -> None:
    assert assistant.ask(question).route == "refusal"


@pytest.mark.integration
@pytest.mark.parametrize(
    "question",
    [
        "Combien coûte une Pro-A à l'organisme par heure suivie ?",  # the Pro-A's financing is the branch's rule
        "En 2013, à quel tarif horaire les heures du Prem'ss étaient-elles prises en charge ?",  # stated: 12 €
    ],
)
def test_a_price_the_texts_speak_of_is_still_answered(assistant: Any, question: str) -> None:
    assert assistant.ask(question).route != "refusal"
