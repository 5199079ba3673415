"""A message that asks several things is answered clause by clause (issue #13 point 3, `answering.clauses`).

The wordings are this test's own, not an evaluation question's; the sentences asserted are the protocole's.
"""

from __future__ import annotations

import pytest

from assistant.answering.citations import CitationBook
from assistant.answering.clauses import asking_parts, compose_in_parts
from assistant.answering.units import asked_figure_kind, passage_units, unit_scores
from ingest.models import Chunk
from knowledge.hybrid import Evidence

ACCORD = "accord-2019-12-19-formation-professionnelle"


@pytest.mark.parametrize(
    ("message", "clauses"),
    [
        (
            "La prime de tutorat, elle est de combien et quand est-elle versée ?",
            # "quand est-elle versée ?" has one subject word of its own: it is read with the clause before
            [
                "La prime de tutorat, elle est de combien",
                "La prime de tutorat, elle est de combien : quand est-elle versée ?",
            ],
        ),
        (
            "Le CEP : c'est gratuit, et qui le dispense ?",
            ["Le CEP : c'est gratuit", "Le CEP : c'est gratuit : qui le dispense ?"],
        ),
        (
            "Les entretiens professionnels sont obligatoires ? tous les combien ?",
            [
                "Les entretiens professionnels sont obligatoires ?",
                "Les entretiens professionnels sont obligatoires : tous les combien ?",
            ],
        ),
        (
            "J'ai 20 ans de maison. Le congé VAE dure combien d'heures, et qui le paie ?",
            # "qui le paie ?": "le" is the congé of the clause before, read with it
            [
                "J'ai 20 ans de maison : Le congé VAE dure combien d'heures",
                "J'ai 20 ans de maison : Le congé VAE dure combien d'heures : qui le paie ?",
            ],
        ),
    ],
)
def test_a_message_is_cut_into_its_asking_clauses(message: str, clauses: list[str]) -> None:
    """Two questions joined by "et", ", et" or a second "?": each asks on its own (an interrogative word,
    an inverted subject, "c'est …"); what is said before the colon or put in front goes with each."""
    assert asking_parts(message) == clauses


@pytest.mark.parametrize(
    "message",
    [
        "Quelles sont les conditions d'ancienneté et de diplôme pour un CEP ?",  # a complement, not a clause
        "La Pro-A dure entre combien et combien de mois ?",  # a range
        "Où et quand le protocole a-t-il été signé ?",  # two asking words, one clause
        "Les salariés qui ont un CDD et qui veulent un CEP, ils ont droit à quoi ?",  # relative clauses
        "Combien de points touche un tuteur ?",
    ],
)
def test_a_message_asking_one_thing_stays_whole(message: str) -> None:
    assert asking_parts(message) == [message]


def _evidence(sections: dict[str, str], number: str) -> Evidence:
    chunk = Chunk(ACCORD, number, "", f"Article {number}", sections[number], 1, 1, 0)
    return Evidence(f"{ACCORD}:{number}", chunk, 1.0)


def _answer(message: str, sections: dict[str, str], numbers: list[str]) -> str:
    evidence = [_evidence(sections, n) for n in numbers]
    return compose_in_parts(message, evidence, CitationBook(), {ACCORD: "le protocole"})


def _section_with(sections: dict[str, str], words: str) -> str:
    return next(n for n, text in sections.items() if words in text)


def test_the_second_clause_is_led_by_its_own_sentence(sections: dict[str, str]) -> None:
    """Art. 9: « … une contribution conventionnelle supplémentaire … correspondant à 0,15 % de leur masse
    salariale brute. … Elle est gérée par l'OPCO désigné par la branche. » Asked together, the rate and who
    manages the money are both answered; the second sentence is not lost behind the first."""
    levy = _section_with(sections, "Elle est gérée par")
    text = _answer(
        "La cotisation de branche en plus de la contribution légale : elle fait quel pourcentage, et quel "
        "organisme la gère ?",
        sections,
        [levy, "5", "8"],
    )
    assert "0,15 %" in text.split("\n\n")[0]
    assert "gérée par l’OPCO" in text


def test_each_clause_is_answered_from_its_own_article(sections: dict[str, str]) -> None:
    """Art. 2.5: « Les actions de formation dans le cadre du dispositif Pro-A se déroulent pendant le temps de
    travail avec maintien de la rémunération. » Art. 2.6: « Le financement de la Pro-A est assuré par la
    contribution légale mutualisée au sein de l'OPCO. » One message, two articles, two lead sentences."""
    text = _answer(
        "Pro-A : la formation a lieu sur mes heures de travail ? et qui la finance ?", sections, ["2.4", "2.5", "2.6"]
    )
    assert "temps de travail" in text
    assert "contribution légale mutualisée au sein de l’OPCO" in text.split("D'après")[0]


def test_a_clause_already_answered_adds_nothing(sections: dict[str, str]) -> None:
    """Art. 4.3: « … 7 points par mois … dans la limite de 252 points par année civile … » When the lead
    sentence answering the first clause also answers the second, no second lead is written."""
    text = _answer(
        "La prime de tuteur, combien de points par mois et jusqu'à quel plafond par an ?", sections, ["4.2", "4.3"]
    )
    assert "252 points" in text
    assert text.count("Et pour") <= 1


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("Les tuteurs, ils sont combien par alternant ?", "3 tuteurs"),
        ("Ces salariés, combien sont-ils dans la caisse ?", "250 salariés"),
    ],
)
def test_a_subject_counted_by_its_pronoun_is_the_counted_noun(question: str, sentence: str) -> None:
    """ "Les tuteurs, ils sont combien ?" asks "combien de tuteurs ?": a figure of that noun answers."""
    kind = asked_figure_kind(question)
    assert kind is not None and kind.search(sentence)


def test_an_announced_list_missing_from_the_passage_does_not_lead() -> None:
    """« Le titulaire peut exercer les emplois suivants : » followed by a sentence (the list was a picture
    in the PDF): the announcement alone answers nothing; with its items after it, it is scored in full."""
    head = "Le titulaire du certificat pourra évoluer vers un poste de responsable.\n\n"
    announcement = "Le titulaire peut exercer les emplois suivants :\n\n"
    question = "quels emplois peut exercer le titulaire ?"
    missing = unit_scores(question, passage_units(f"{head}{announcement}Il n'y a pas d'équivalence."), {})
    listed = unit_scores(question, passage_units(f"{head}{announcement}– technicien ;\n\n– responsable."), {})
    assert missing[1] < 0.5 * listed[1]
