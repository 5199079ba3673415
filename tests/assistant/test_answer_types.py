"""Answer-type matching (issue #13, design point 3): the sentence that leads holds the kind of answer
the question asks for, a percentage for "quelle part", a date or limit for "quand", a body for "qui",
a purpose for "pourquoi", a condition for "à quelles conditions", a deciding sentence for a yes/no.

The articles are read from the shipped corpus (`knowledge.shipped_vectors.shipped_chunks`, the
shipped parses: seconds), so a change of the corpus's text shows here. Every question is worded
for these tests, unlike the evaluation sets' questions; each test has three or more wordings.
"""

from __future__ import annotations

import pytest

from assistant.answering.answer_types import (
    CONDITION,
    DATE,
    DECIDES,
    PERCENT,
    REASON,
    TYPE_WEIGHT,
    WHERE,
    WHO,
    asked_types,
    holds,
    type_factor,
)
from assistant.answering.article_parts import sibling_parts
from assistant.answering.units import idf_weights, passage_units, query_weights, unit_scores
from ingest.models import Chunk
from knowledge.hybrid import Evidence
from tests.assistant import lead_helpers

ACCORD = "accord-2019-12-19-formation-professionnelle"


def lead_of(question: str, sections: dict[str, str], number: str) -> str:
    """`lead_helpers.lead_of` with article 3.4 among the other passages (its figures compete here)."""
    return lead_helpers.lead_of(question, sections, number, ("2.1", "3.4", "4.1", "6", "8"))


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Quel pourcentage du contrat la formation peut-elle occuper ?", PERCENT),
        ("La formation, c'est quelle proportion du temps au maximum ?", PERCENT),
        ("Quelle part du temps passe-t-on en cours ?", PERCENT),
        ("À partir de quand puis-je demander un bilan ?", DATE),
        ("Dans quel délai la prime est-elle versée ?", DATE),
        ("L'accord s'applique jusqu'à quand ?", DATE),
        ("Par qui le conseil est-il assuré ?", WHO),
        ("Quel organisme finance la reconversion ?", WHO),
        ("Le tuteur, c'est qui qui le choisit ?", WHO),
        ("Où trouve-t-on la liste des diplômes ouverts ?", WHERE),
        ("Sur quelle liste figure ce titre ?", WHERE),
        ("Pourquoi limiter le nombre d'alternants par tuteur ?", REASON),
        ("À quoi sert l'entretien de bilan ?", REASON),
        ("Quel est l'objectif de la reconversion par alternance ?", REASON),
        ("À quelles conditions l'abondement est-il accordé ?", CONDITION),
        ("Dans quels cas la durée peut-elle être allongée ?", CONDITION),
        ("Sous quelles conditions un CDD y a-t-il droit ?", CONDITION),
        ("La prime est-elle versée en plusieurs fois ?", DECIDES),
        ("Est-ce que le bilan est payant ?", DECIDES),
        ("On peut refuser d'être tuteur ?", DECIDES),
    ],
)
def test_the_question_says_what_kind_of_answer_it_wants(question: str, kind: str) -> None:
    assert kind in asked_types(question)


@pytest.mark.parametrize(
    "question",
    [
        "Quand je suis en CDD, ai-je droit au bilan ?",  # "quand" as a conjunction asks no date
        "Combien de points par mois pour la prime ?",
        "Je travaille à 80 % : combien de jours de formation ?",  # a percentage given, not asked
    ],
)
def test_no_kind_is_read_into_other_questions(question: str) -> None:
    assert not {PERCENT, DATE, WHO, REASON, CONDITION} & asked_types(question)


def test_the_forms_a_sentence_answers_with() -> None:
    assert holds(PERCENT, "sans toutefois pouvoir excéder 70 % de la durée totale")
    assert holds(DATE, "Le présent accord entre en vigueur le 1er janvier 2020.")
    assert holds(DATE, "Elle est versée le mois suivant la fin de l'action.")  # a relative time
    assert not holds(DATE, "Protocole d'accord du 19 décembre 2019 relatif à la formation")  # a text's name
    assert holds(WHO, "Il est dispensé par l'un des organismes habilités : Pôle emploi, APEC.")
    assert holds(REASON, "Afin d'optimiser l'accomplissement de sa mission, chaque tuteur accompagne 3 salariés.")
    assert holds(CONDITION, "Lorsque celui-ci est insuffisant, le salarié peut bénéficier d'abondements.")
    assert holds(DECIDES, "La prime n'est pas proratisée.")
    assert not holds(PERCENT, "La durée est comprise entre 6 et 12 mois.")
    assert not holds(REASON, "Le salarié est choisi par la direction.")
    assert type_factor(frozenset(), "n'importe quelle phrase") == 1.0
    # a sentence that decides by a negation weighs more than one that only says "peut"
    assert type_factor(frozenset({DECIDES}), "Elle n'est pas due.") > type_factor(frozenset({DECIDES}), "Elle peut.")


@pytest.mark.parametrize(
    "question",
    [
        "Quel pourcentage de la durée du contrat de professionnalisation la formation peut-elle représenter ?",
        "Au plus, quelle part de l'action de professionnalisation passe en formation ?",
        "La formation dans un contrat de professionnalisation, quelle proportion de la durée totale au maximum ?",
    ],
)
def test_a_share_is_answered_by_the_percentage(question: str, sections: dict[str, str]) -> None:
    """Art. 3.5: « … la durée totale de l'action de formation peut être augmentée, sans toutefois pouvoir
    excéder 70 % de la durée totale de l'action ou du contrat de professionnalisation »."""
    assert "70 %" in lead_of(question, sections, "3.5")


@pytest.mark.parametrize(
    "question",
    [
        "Ma prime de tuteur est-elle calculée selon ma durée de travail ?",
        "Un tuteur à temps partiel a-t-il une prime diminuée en fonction de sa durée de travail ?",
        "Est-ce que la prime de tutorat dépend de la durée de travail contractuelle ?",
    ],
)
def test_a_yes_no_question_is_led_by_the_sentence_that_decides(question: str, sections: dict[str, str]) -> None:
    """Art. 4.3: « La prime … n'est pas proratisée en fonction de la durée de travail contractuelle du
    salarié. » The sentence on the mission's length (« proportionnel à la durée de la mission ») shares
    "durée" but does not decide."""
    assert "n’est pas proratisée" in lead_of(question, sections, "4.3")


@pytest.mark.parametrize(
    "question",
    [
        "Qui choisit le salarié qui sera tuteur ?",
        "Par qui le tuteur est-il choisi ?",
        "Le tuteur, il est choisi par qui dans l'organisme ?",
    ],
)
def test_who_is_answered_by_the_sentence_naming_the_body(question: str, sections: dict[str, str]) -> None:
    """Art. 4.2: « Le salarié est choisi sur la base du volontariat par la direction de l'organisme … »."""
    assert "par la direction de l’organisme" in lead_of(question, sections, "4.2")


@pytest.mark.parametrize(
    "question",
    [
        "Pourquoi un tuteur n'accompagne-t-il pas plus de salariés ?",
        "Dans quel but le nombre de salariés accompagnés par tuteur est-il limité ?",
        "Pour quelle raison chaque tuteur accompagne un nombre limité de salariés ?",
    ],
)
def test_why_is_answered_by_the_purpose_clause(question: str, sections: dict[str, str]) -> None:
    """Art. 4.2: « Afin d'optimiser l'accomplissement de sa mission, chaque tuteur accompagne, au maximum,
    3 salariés. »"""
    assert lead_of(question, sections, "4.2").startswith("Afin d’optimiser")


@pytest.mark.parametrize(
    "question",
    [
        "Tous les combien les organismes font-ils les entretiens professionnels ?",
        "Les entretiens professionnels, c'est à quelle fréquence et quand a lieu le bilan ?",
        "Quand l'organisme doit-il faire l'entretien de bilan ?",
    ],
)
def test_when_is_answered_by_the_sentence_with_the_period(question: str, sections: dict[str, str]) -> None:
    """Art. 6: « Les organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un
    entretien de bilan. »"""
    assert "tous les 6 ans" in lead_of(question, sections, "6")


def _part(section: str, text: str, document: str = ACCORD) -> Evidence:
    chunk = Chunk(document, section, "", section, text, 1, 1, 0, section_ordinal=int(float(section or "0") * 10))
    return Evidence(chunk.id, chunk, 1.0)


def test_the_other_parts_of_the_answering_article_compete_for_the_lead() -> None:
    """ "11.2" (the employer's top-up of the CPF) is a part of article 11 (the CPF): when "11" answers best,
    11.2's sentences compete for the lead; another article (5) or a part below the share (11.1) does not."""
    first, top_up, other, weak = (
        _part("11", "Le compte personnel de formation permet de financer des actions."),
        _part("11.2", "Un abondement de l'employeur peut intervenir dans le cadre d'un projet partagé."),
        _part("5", "Le conseil en évolution professionnelle est accessible gratuitement."),
        _part("11.1", "La CPNEFP précise les critères."),
    )
    ranked = [(1.0, 0, first), (0.8, 1, other), (0.6, 2, top_up), (0.3, 3, weak)]
    assert [item for _, item in sibling_parts(ranked, [first], 1.0)] == [top_up]
    assert sibling_parts(ranked, [first, top_up], 1.0) == []  # already quoted
    unnumbered = _part("", "Préambule.")
    assert sibling_parts([(1.0, 0, unnumbered), *ranked], [unnumbered], 1.0) == []


@pytest.mark.parametrize(
    ("who", "how"),
    [
        ("Qui fixe les coûts des formations en alternance ?", "Comment on fixe les coûts des formations en alternance"),
        ("Par qui sont fixés les coûts de l'alternance ?", "Comment sont fixés les coûts de l'alternance ?"),
        ("Les niveaux de prise en charge, qui les détermine ?", "Niveaux de prise en charge, comment on les détermine"),
    ],
)
def test_a_pronoun_subject_holds_the_body_named_before(who: str, how: str, sections: dict[str, str]) -> None:
    """Art. 1: « … la CPNEFP définit les priorités de financement … Elle détermine les niveaux de prise en
    charge … À cet égard, elle fixe les coûts des formations relevant de l'alternance … »: "elle" is the
    CPNEFP, so for "qui ?" the sentences with "elle" hold a body, up the chain of pronoun subjects; the same
    words asked with "comment" (no kind of answer) score them without the factor."""
    text = sections["1"]
    units = passage_units(text)
    idf = idf_weights([text, sections["2.6"], sections["3.4"]], query_weights(who))
    by_who = dict(zip((u.text for u in units), unit_scores(who, units, idf), strict=True))
    by_how = dict(zip((u.text for u in units), unit_scores(how, units, idf), strict=True))
    for sentence in ("Elle détermine les niveaux", "À cet égard, elle fixe les coûts"):
        unit = next(u.text for u in units if u.text.startswith(sentence))
        if by_how[unit]:
            assert by_who[unit] == pytest.approx(by_how[unit] * (1 + TYPE_WEIGHT))
