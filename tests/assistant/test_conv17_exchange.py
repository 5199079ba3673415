"""Follow-ups whose object is the previous exchange (issue #14, conv17), in wordings no evaluation set uses.

Without the index: the source of the answer asked with the exchange's own words (`source_request.asks_source`), and
the relative "qui" after the speaker ("et moi, alors, qui ai …") told from an interrogative one by the person of its
verb (`routing.calculator_inputs.asking`). With the index: whole exchanges, each checked against the sentence of the
text it must reach.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.conversation.about_answer import read
from assistant.conversation.frames import new_person, restates
from assistant.conversation.persons import asked_for_person
from assistant.conversation.slots import find_slots
from assistant.conversation.source_request import asks_source
from assistant.routing.router import route
from tests.assistant.conversation_helpers import TODAY, ask_in_turn, routed_context

AVENANT = "avenant-2022-10-11-formation-professionnelle"
_TUTEES = (
    "Un tuteur de ma caisse peut encadrer combien d'apprentis en même temps ? Chaque tuteur accompagne 3 salariés."
)


@pytest.mark.parametrize(
    "message",
    [
        "Tu me rappelles la référence de l'article qui impose ce plafond d'apprentis ?",
        "Ça figure où, dans le protocole ?",
        "Et c'est tiré de quel passage, exactement ?",
        "Quel est l'intitulé officiel du texte qui dit ça pour les tuteurs ?",
    ],
)
def test_the_source_asked_with_the_exchange_words_is_a_source_request(message: str) -> None:
    request = asks_source(message, _TUTEES)
    assert request is not None and request.operation == "source"


def test_the_thing_pointed_at_is_the_aspect_of_the_source() -> None:
    request = asks_source("Indique-moi le passage qui limite ce nombre d'apprentis.", _TUTEES)
    assert request is not None and request.aspect == "nombre"


@pytest.mark.parametrize(
    "message",
    [
        "Quel article parle du congé pour la VAE ?",  # a subject of its own, not in the exchange
        "Que dit l'article 6 du protocole ?",  # a part named by its number
        "Et le texte de la circulaire ?",  # a text named, no reference asked
        "Et pour un formateur interne, combien ?",
    ],
)
def test_a_reference_to_something_else_is_no_source_request(message: str) -> None:
    assert asks_source(message, _TUTEES) is None


def test_a_relative_qui_in_the_first_person_tells_the_case() -> None:
    """Art. 4.3: « il correspond à 7 points par mois, complet ou non » — the case told through "moi, alors, qui ai
    tutoré …" is calculated, as "j'ai tutoré …" is."""
    told = route("Prime de tutorat : et moi donc, qui ai tutoré un apprenti de mai à juillet 2026 ?", TODAY)
    asked = route("Prime de tutorat : et qui a tutoré un apprenti de mai à juillet 2026 ?", TODAY)
    assert told.route == "calculator" and told.calculator == "tutor_bonus"
    assert asked.route != "calculator"


def _cites(answer: Any, document: str, section: str) -> bool:
    return any(c.document == document and c.section.startswith(f"Article {section}") for c in answer.citations)


@pytest.mark.integration
def test_the_article_asked_after_the_tutee_cap_is_the_one_fixing_it(assistant: Any) -> None:
    """Art. 4.2: « Afin d'optimiser l'accomplissement de sa mission, chaque tuteur accompagne, au maximum, 3
    salariés. »"""
    answer = ask_in_turn(
        assistant,
        "Une tutrice peut-elle encadrer quatre apprentis à la fois ?",
        "Tu peux m'indiquer l'article précis qui fixe cette limite ?",
    )
    assert answer.text.startswith("La réponse précédente s'appuie sur")
    assert "l'article 4.2" in answer.text and "au maximum, 3 salariés" in answer.text


@pytest.mark.integration
def test_the_source_of_a_calculation_is_its_applied_article(assistant: Any) -> None:
    """Avenant, art. 2 (article 7 rewritten): « Le congé pour préparer la validation des acquis de l'expérience (VAE)
    d'une durée de 24 heures est augmenté pour les agents n'ayant pas atteint le niveau 4 … à 48 heures maximum. »"""
    answer = ask_in_turn(
        assistant,
        "J'ai arrêté l'école après la troisième, sans diplôme : combien d'heures de congé pour ma VAE ?",
        "D'où tu sors ces 48 heures ?",
    )
    assert answer.text.startswith("La réponse précédente s'appuie sur")
    assert "48 heures maximum" in answer.text and _cites(answer, AVENANT, "2")


@pytest.mark.parametrize(
    "message",
    [
        "Tu peux redire ça en langage ordinaire ?",
        "Plus simplement, mon apprenti et moi, ça signifie quoi ?",
        "Avec des mots simples, ce nombre de tuteurs, ça donne quoi ?",
    ],
)
def test_a_plainer_form_asked_with_the_exchange_words_restates(message: str) -> None:
    context = routed_context(
        "Un tuteur peut suivre combien d'apprentis à la fois ?", lead="Chaque tuteur accompagne 3 salariés."
    )
    assert restates(message, TODAY, context)


def test_a_plainer_form_naming_another_subject_is_a_question_of_its_own() -> None:
    context = routed_context("Un tuteur peut suivre combien d'apprentis à la fois ?")
    assert not restates("Plus simplement, la VAE, ça donne quoi ?", TODAY, context)


@pytest.mark.integration
def test_a_plainer_answer_keeps_the_figure_of_the_rule(assistant: Any) -> None:
    """Art. 4.3: « Dans ce cadre, la prime peut atteindre un montant correspondant au maximum à 252 points par année
    civile et par tuteur. »"""
    answer = ask_in_turn(
        assistant,
        "Jusqu'à combien de points un tuteur peut-il toucher sur une année ?",
        "En langage courant, ce plafond, ça veut dire quoi pour moi ?",
    )
    assert answer.text.startswith("Plus simplement") and "252 points" in answer.text


def test_a_new_person_asking_nothing_else_is_asked_the_previous_asking_clause() -> None:
    asked = asked_for_person(
        "moi, avec deux ans d'activité dans ce domaine ?",
        "Une collègue a 10 mois d'activité en rapport avec le diplôme visé : peut-elle se lancer dans une VAE ?",
        "VAE",
        TODAY,
    )
    assert asked == "Moi, avec deux ans d'activité dans ce domaine : peut-elle se lancer dans une VAE ?"
    # the clause tells the earlier person's facts: they would mix with the new ones
    assert (
        asked_for_person("moi, de mars à mai ?", "Combien pour un tuteur de janvier à juin 2026 ?", "tutorat", TODAY)
        is None
    )
    # a question of its own is no rerun
    assert asked_for_person("moi, combien de jours ?", "Peut-elle se lancer dans une VAE ?", "VAE", TODAY) is None


def test_someone_in_particular_after_anyone_is_a_new_person() -> None:
    assert new_person("Et pour ma collègue de 23 ans ?", "Combien de temps dure une Pro-A pour un salarié ?", TODAY)
    assert not new_person("Et pour un salarié de 23 ans ?", "Combien de temps dure une Pro-A pour un salarié ?", TODAY)


@pytest.mark.integration
def test_my_own_facts_after_a_colleague_rerun_the_rule_applied(assistant: Any) -> None:
    """Art. 7 (rewritten by the avenant, art. 2): « … dès lors que la personne justifie d'une activité, continue ou
    non, d'au moins une année, en lien avec la certification recherchée. » — two years meet it."""
    answer = ask_in_turn(
        assistant,
        "Une collègue de la Caf a 10 mois d'activité en rapport avec le diplôme qu'elle prépare : peut-elle se lancer "
        "dans une VAE ?",
        "Et moi, avec deux ans d'activité dans ce domaine ?",
    )
    assert answer.route == "calculator" and "condition d'au moins 1 année pour une VAE est remplie" in answer.text


@pytest.mark.integration
def test_my_own_figure_after_a_colleague_keeps_the_subject_of_the_rule(assistant: Any) -> None:
    """Art. 2.5: « … d'une durée au moins égale à 15 % de la durée de la certification, sans être inférieure à 150
    heures. » — 15 % of 2 000 hours is 300 hours."""
    answer = ask_in_turn(
        assistant,
        "Mon binôme prépare en Pro-A une certification de 500 heures : combien d'heures de formation au minimum ?",
        "Et moi, ma certification compte 2 000 heures ?",
    )
    assert answer.route == "calculator" and "au moins 300 heures" in answer.text


@pytest.mark.parametrize(
    ("message", "count"),
    [("Et ma voisine, qui en encadre trois sur la même période ?", 3), ("Il en a réussi trois sur cinq.", None)],
)
def test_a_count_carried_by_en_after_a_relative_is_read_and_a_share_is_not(message: str, count: int | None) -> None:
    counts = [s.value for s in find_slots(message, TODAY) if s.kind == "count"]
    assert counts == ([] if count is None else [count])


@pytest.mark.parametrize(
    ("question", "case"),
    [
        ("Pour ma collègue de 23 ans, une Pro-A peut durer combien de mois ?", "young_or_jobseeker"),
        ("Pour mon collègue de 41 ans, une Pro-A peut durer combien de mois ?", None),
    ],
)
def test_the_age_of_a_person_named_decides_the_pro_a_extension(question: str, case: str | None) -> None:
    """Art. 2.4: « … cette durée peut être portée jusqu'à 36 mois pour : … les personnes âgées de 16 à 25 ans
    révolus et les demandeurs d'emploi âgés de 26 ans et plus inscrites depuis plus de 1 an … »"""
    decision = route(question, TODAY, case=True)
    assert decision.calculator == "pro_a_duration" and decision.arguments.get("case") == case


@pytest.mark.integration
@pytest.mark.parametrize(
    ("message", "refused"),
    [
        ("Au fait, la salle de sport de la caisse ouvre-t-elle le dimanche ?", True),
        ("Par ailleurs : le congé pour une VAE dure combien d'heures ?", False),
    ],
)
def test_a_discourse_marker_opening_a_question_leaves_its_scope_to_the_question(
    assistant: Any, message: str, refused: bool
) -> None:
    """Avenant, art. 2: « Le congé pour préparer la validation des acquis de l'expérience (VAE) d'une durée de 24
    heures … » is answered whatever opens the message; a gym's hours are in no text."""
    answer = assistant.ask(message, today=TODAY)
    assert (answer.route == "refusal") is refused
    assert refused or "24 heures" in answer.text


@pytest.mark.integration
def test_a_colleagues_facts_after_the_users_own_case_are_not_merged_into_it(assistant: Any) -> None:
    """Art. 5: « … ou tout salarié en CDD justifiant d'au moins 24 mois d'activité salariée au cours des 5 dernières
    années dont 4 mois au sein de l'organisme bénéficie à sa demande d'une autorisation d'absence rémunérée de 1
    demi-journée … » — the colleague's 30 months, 6 of them here, meet it; the user's CDI is not his."""
    answer = ask_in_turn(
        assistant,
        "En CDI depuis 7 ans dont 2 dans ma caisse, ai-je droit à une absence pour un CEP ?",
        "Et mon collègue, en CDD depuis 6 mois ici avec 30 mois de salariat sur 5 ans ?",
    )
    assert answer.route == "calculator" and "demi-journée" in answer.text and "CDI depuis 7 ans" not in answer.text


@pytest.mark.parametrize(
    "message", ["Et dans le protocole initial, c'était déjà prévu ?", "Avant l'avenant, ça existait ?"]
)
def test_the_earlier_text_asked_of_the_rule_just_given_is_its_original_wording(message: str) -> None:
    request = read(message)
    assert request is not None and request.operation == "original"


@pytest.mark.integration
def test_before_the_avenant_a_created_article_is_answered_by_the_avenants_date_of_effect(assistant: Any) -> None:
    """Avenant, art. 3: « Il est inséré un article 9 rédigé ainsi » ; art. 6: « La prime de formateur interne à
    titre accessoire visée à l'article 9.3 du protocole d'accord du 19 décembre 2019 est versée à effet rétroactif
    à compter du 1er janvier 2022. »"""
    answer = ask_in_turn(
        assistant,
        "Un formateur interne occasionnel touche combien de points par mois d'action ?",
        "Et dans le protocole initial, c'était déjà prévu ?",
    )
    assert "à effet rétroactif à compter du 1er janvier 2022" in answer.text and _cites(answer, AVENANT, "6")
