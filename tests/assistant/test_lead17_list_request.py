"""A list asked for by its form is led by the unit that lists (`answering.list_request`, `lead.choose_lead`).

The scorer checks that an expected phrase is somewhere in the answer; here the answer's first paragraph (its lead) is
checked. Wordings are this module's own. Before, each lead below was a sentence of the section repeating the
message's words and listing nothing ("chaque tuteur accompagne, au maximum, 3 salariés").
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.asked_kind import asked_kind
from assistant.answering.lead import lists
from assistant.answering.list_request import asks_list
from assistant.answering.splitting import Unit
from tests.assistant.lead_helpers import answer_lead, lead_of

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    "question",
    [
        "Énumère les publics visés, s'il te plaît.",
        "Cite-moi, sans exception, les publics visés.",
        "Donne-les toutes.",
        "Fais-moi une liste des épreuves.",
        "Les épreuves, en puces.",
        "Sous la forme d'une liste : quels publics ?",
        "Point par point, que faut-il ?",
        "Cite les épreuves une à une.",
        "Passe en revue les objectifs du master.",
        "L'inventaire des emplois du manager ?",
        "Une ligne par étape, stp.",
        "Où intervient-il ? Je veux la liste.",
    ],
)
def test_a_request_for_a_list_is_read_by_its_form(question: str) -> None:
    assert asks_list(question)


@pytest.mark.parametrize(
    "question",
    [
        "Qui dresse la liste des certifications ouvertes à la Pro-A ?",  # who draws the list up: a body asked
        "Le diplôme est-il sur la liste des certifications éligibles ?",  # a rule's list named, not asked for
        "Réfléchis étape par étape.",  # a way of reasoning, no layout of the answer
        "Trois agents : l'une a un CAP, l'autre un bac.",  # "une a un" is no "une à une"
        "La clause est titrée article 13 : lequel citer ?",  # which one, not all
        "Quels organismes gèrent la contribution ?",  # a plural interrogative: read elsewhere (`asked_plural_noun`)
    ],
)
def test_other_forms_ask_no_list(question: str) -> None:
    assert not asks_list(question)


def test_a_unit_lists_by_its_layout_a_colon_or_a_series() -> None:
    """The CQP GC circular, part III: « Ce CQP remplacera donc progressivement les attestations nationales de réussite
    Tam Tam, Vadémécaf, Oméga+, Sm'pro et Startech, qui ne seront plus délivrées en 2014. »"""
    series = "Ce CQP remplacera donc progressivement les attestations nationales de réussite Tam Tam, Vadémécaf, "
    assert lists(Unit(series + "Oméga+, Sm'pro et Startech, qui ne seront plus délivrées en 2014.", 0))
    assert lists(Unit("Le tuteur a pour mission de contribuer principalement à :", 0, opens_list=True))
    one_rule = "Afin d'optimiser l'accomplissement de sa mission, chaque tuteur accompagne, au maximum, 3 salariés."
    assert not lists(Unit(one_rule, 0))
    assert not lists(Unit("Il est conclu à durée indéterminée, et entrera en vigueur sous réserve de l'agrément.", 0))


@pytest.mark.parametrize(
    ("question", "listed"),
    [
        # art. 4.1: « Le tuteur a pour mission de contribuer principalement à : – accueillir, aider, informer et guider
        # le bénéficiaire de la formation ; … » (art. 4.2's « chaque tuteur accompagne, au maximum, 3 salariés »
        # repeats "mission" and "tuteur" and led before)
        ("Présente en puces ce que doit faire un tuteur dans sa mission.", "accueillir, aider, informer"),
        # art. 5: « Il est dispensé par l'un des organismes habilités : Pôle emploi, Association pour l'emploi des
        # cadres (APEC), mission locale, CAP emploi … »
        ("Énumère les structures qui dispensent le conseil en évolution professionnelle.", "APEC"),
        # circular, part III: « … les attestations nationales de réussite Tam Tam, Vadémécaf, Oméga+, Sm'pro et
        # Startech, qui ne seront plus délivrées en 2014. » (not the part's other list, its six options)
        ("Fais-moi la liste des attestations nationales que le CQP gestionnaire conseil a remplacées.", "Startech"),
    ],
)
def test_a_list_asked_for_is_led_by_the_unit_that_lists(assistant: Any, question: str, listed: str) -> None:
    answer = assistant.ask(question, today=TODAY)
    assert listed in answer_lead(answer)


@pytest.mark.parametrize(
    ("question", "stated", "not_stated"),
    [
        # art. 4.2: « Le salarié est choisi sur la base du volontariat par la direction de l'organisme … » (the body
        # that acts), not « Un tuteur est désigné pour toute formation suivie … » (the verb's words, no one acting)
        ("Qui désigne celui qui sera le tuteur d'un alternant ?", "par la direction de l", "Un tuteur est désigné"),
        # annexe 4 of the avenant: « Ils sont actuellement plus de 14 000 managers opérationnels à exercer au sein de
        # l'institution. » (a figure of the noun counted), not its preamble's « Dans le cadre de l'avenant 2021 … »
        (
            "D'après l'annexe de l'avenant, combien de managers opérationnels travaillent dans l'institution ?",
            "14 000",
            "avenant 2021",
        ),
        # the fiche's part "CQP Contrôleur du recouvrement": « Il effectue sa mission de contrôle sur pièces dans une
        # URSSAF » (a place), not « L'exercice du métier est subordonné à la délivrance d'un agrément » (a condition)
        ("CQP contrôleur du recouvrement : dans quels organismes s'exerce ce métier ?", "URSSAF", "agrément"),
    ],
)
def test_the_lead_states_the_kind_asked(assistant: Any, question: str, stated: str, not_stated: str) -> None:
    lead = answer_lead(assistant.ask(question, today=TODAY))
    assert stated in lead
    assert not_stated not in lead or lead.index(stated) < lead.index(not_stated)  # stated first, the other after


def test_a_count_asked_after_a_claim_is_led_by_the_figure_of_its_noun(sections: dict[str, str]) -> None:
    """Art. 4.2: « Afin d'optimiser l'accomplissement de sa mission, chaque tuteur accompagne, au maximum, 3 salariés. »
    The claim said first restates « Le salarié est choisi … par la direction … »; scored on the whole message, the
    sentence holding a figure of the noun counted ("combien de salariés") leads (`asked_kind`)."""
    message = (
        "Mon manager dit que le salarié est choisi sur la base du volontariat par la direction en raison de ses "
        "compétences avérées et de ses capacités à transmettre. Combien de salariés un tuteur accompagne-t-il ?"
    )
    assert "3 salariés" in lead_of(message, sections, "4.2")


def test_anyway_asks_no_time() -> None:
    """ "quand même" is "anyway": the yes/no question keeps its lead (annexe 5: « Les candidats qui ne possèdent pas
    ce niveau de formation initiale procèdent à une validation des acquis professionnels (VAP) … »), not the
    sentence dated « plus de 3 000 en 2021 »."""
    assert asked_kind("Sans licence, je peux quand même entrer au master ?") is None
    when = asked_kind("Quand même pas en juin : quand ont lieu les épreuves ?")
    assert when is not None and when("Elles se déroulent en juin et décembre de chaque année.")
