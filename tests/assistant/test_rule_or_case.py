"""Decide with the facts given, ask only what can still change the answer, quote the rule when it is asked
(issue #13 point 1, calc8).

Each mechanism is read from the message's grammar, not from one question's words, so each test gives
three or more wordings of its own:

* a figure the user takes back ("sept, euh non pardon, six") is not the one the calculator reads;
* "quand" opening a clause ("quand je suis en formation") or in "quand même" asks no date, so a question
  on the rule is not turned into a question back about the user's dates;
* a message that tells nobody's case ("une Pro-A de trois ans, c'est faisable ?") is answered by the
  rule with its cases, never by a question about a situation nobody described;
* a value asked under a hypothesis the question states ("combien … si l'organisme est loin ?") is the
  rule's value in that case;
* dates and lengths inside a clause defining a class of people ("ceux qui n'ont eu aucune formation
  depuis quatre ans") are the rule's condition, not a case;
* a letter's request and closing formulas ("je me permets de solliciter…", "mes salutations") tell no
  case; an object pronoun ("quel montant lui verser ?") names the case's person;
* the time in the organisation told as "ça fait N mois que je suis là" or as a move from another
  organisation, and time "dans une autre boîte", are read as such;
* "un million d'euros" is a figure.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.routing.calculator_inputs.facts import read_facts
from assistant.routing.extraction.conjunctions import mask_conjunctions
from assistant.routing.extraction.corrections import drop_corrected
from assistant.routing.extraction.folding import fold
from assistant.routing.router import route
from calculators.registry import CALCULATORS

TODAY = date(2026, 11, 29)


def _facts(text: str):  # type: ignore[no-untyped-def]
    return read_facts(text, fold(text), TODAY)


# --- a figure taken back -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("J'ai eu 12 à l'oral, ah non, 5 à l'oral", "J'ai eu 5 à l'oral"),
        ("tutrice depuis le 2 mars, non pardon, le 9 mars", "tutrice depuis le 9 mars"),
        ("CDI, 3 ans, enfin non, 7 ans dans la caisse", "CDI, 7 ans dans la caisse"),
        ("une masse salariale de 4 millions, je veux dire 5 millions", "une masse salariale de 5 millions"),
    ],
)
def test_a_figure_taken_back_is_dropped(text: str, expected: str) -> None:
    assert drop_corrected(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "un CDD de 10 mois non renouvelé, 3 ans avant",
        "J'ai 10 ans d'ancienneté, pardon de vous déranger avec ça, 2 ans ici",
        "9 à l'écrit, non ? et 11 à l'oral",
    ],
)
def test_a_plain_no_is_not_a_correction(text: str) -> None:
    assert drop_corrected(text) == text


@pytest.mark.parametrize(
    "question",
    [
        "Au CQP gestionnaire conseil j'ai eu douze à l'oral ah non cinq à l'oral, je suis recalée ?",
        "CQP GC : écrit 14, euh non pardon, écrit 4. C'est foutu pour moi ?",
        "CQP gestionnaire conseil : 15 à l'écrit, je veux dire 6 à l'écrit. Éliminé ?",
    ],
)
def test_the_corrected_grade_decides_the_cqp(question: str) -> None:
    """Circular of 2013, part V: « Epreuve écrite /20 3 ≤ 6 », « Epreuve orale /20 3 ≤ 6 » in the column
    « Note éliminatoire »; « Pour être certifiés, les candidats doivent : … avoir obtenu une note moyenne
    supérieure ou égale à 10/20 sans note éliminatoire »: the corrected grade (≤ 6) alone fails."""
    decision = route(question, TODAY)
    assert (decision.route, decision.calculator) == ("calculator", "cqp_certification"), decision
    assert CALCULATORS["cqp_certification"].run(**decision.arguments).to_dict()["certified"] is False


# --- "quand" that asks no date -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("qui me remplace quand je pars en formation ?", True),
        ("avant quand mon employeur doit-il agir ?", False),
        ("Quand un alternant arrive, le tuteur doit-il le former ?", True),
        ("la prime reste acquise quand même ?", True),
        ("Et quand je touche ma prime ?", False),
        ("ma prime, je la reçois quand ?", False),
        ("à partir de quand je peux la demander ?", False),
    ],
)
def test_quand_opening_a_clause_asks_no_date(text: str, masked: bool) -> None:
    assert ("quand" not in mask_conjunctions(fold(text))) is masked


@pytest.mark.parametrize(
    "question",
    [
        "Mon apprentie a arrêté après trois semaines : je perds ma prime de tutrice quand même ?",
        "Quel est le rôle du tuteur quand mon alternant arrive dans le service ?",
        "Je suis tuteur : quand un stagiaire est absent longtemps, la prime est-elle suspendue ?",
    ],
)
def test_a_detail_of_the_tutor_bonus_is_quoted_not_asked_back(question: str) -> None:
    """Art. 4.3: « Cette prime est versée en une seule fois à l'issue de la mission de tutorat lorsque
    celle-ci s'est réalisée conformément aux objectifs pédagogiques préalablement fixés » — a detail of
    the rule, which no mission dates change."""
    decision = route(question, TODAY)
    assert decision.route == "retrieval", decision


# --- nobody's case ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Une Pro-A qui s'étale sur deux ans et demi, la branche l'accepte ?",
        "Est-il envisageable de faire durer une Pro-A 30 mois ?",
        "Pro-A sur 20 mois : est-ce conforme à l'accord ?",
    ],
)
def test_a_length_nobody_holds_is_answered_by_the_rule(question: str) -> None:
    """Art. 2.4: « Le dispositif Pro-A s'étend sur une durée comprise entre 6 et 12 mois. Toutefois, … cette
    durée peut être allongée » for the cases it lists: the rule with its cases answers, not a question back."""
    decision = route(question, TODAY)
    assert decision.route == "retrieval", decision


@pytest.mark.parametrize(
    "question",
    [
        "Pour le CEP, j'ai droit à combien de temps si l'organisme est à 200 km de chez moi ?",
        "Combien d'absence pour mon conseil en évolution professionnelle si le conseiller est très loin ?",
        "Si l'organisme habilité est éloigné de mon domicile, le CEP me donne combien d'absence ?",
    ],
)
def test_a_value_asked_under_a_stated_hypothesis_is_the_rules(question: str) -> None:
    """Art. 5: « L'absence peut être portée à 1 journée lorsque l'organisme habilité … se trouve
    particulièrement éloigné du domicile du salarié » — the value in the case the question states."""
    decision = route(question, TODAY)
    assert decision.route == "retrieval", decision


@pytest.mark.parametrize(
    "question",
    [
        "Les salariés qui n'ont suivi aucune formation depuis 5 ans sont-ils prioritaires pour l'abondement ?",
        "Faut-il proposer une formation à ceux qui n'en ont pas eu depuis le 1er janvier 2021 ?",
        "Tous ceux ayant plus de 4 ans sans formation doivent-ils être convoqués ?",
    ],
)
def test_dates_defining_a_class_of_people_are_not_a_case(question: str) -> None:
    facts = _facts(question)
    assert not facts.dates and not [d for d in facts.durations if d.months and d.months >= 12]
    assert route(question, TODAY).route != "calculator"


@pytest.mark.parametrize(
    "question",
    [
        "Bonjour, je me permets de vous écrire au sujet du montant de la prime des tuteurs. Cordialement.",
        "Je vous sollicite concernant la prime des formateurs internes à titre accessoire : quel montant ? "
        "Veuillez agréer mes salutations distinguées.",
        "Je me permets de vous interroger sur le montant de la prime de tutorat. Mes salutations respectueuses.",
    ],
)
def test_a_letters_formulas_tell_no_case(question: str) -> None:
    """Art. 4.3 and 9.3: « 7 points par mois » — the amount per month is the rule's, no dates needed."""
    decision = route(question, TODAY)
    assert decision.route == "retrieval", decision


@pytest.mark.parametrize(
    "question",
    [
        "Un de nos tuteurs a fini d'accompagner son apprenti : combien lui doit-on ?",
        "Notre tutrice arrive au bout de sa mission, quelle prime lui payer ?",
        "Mon collègue tuteur termine sa mission : combien va-t-on lui verser ?",
    ],
)
def test_a_bonus_owed_to_someone_asks_for_the_mission(question: str) -> None:
    """Art. 4.3: « Le montant de la prime est proportionnel à la durée de la mission » — the amount owed to
    a named tutor depends on the mission's dates, which are asked."""
    decision = route(question, TODAY)
    assert (decision.route, decision.calculator) == ("clarify", "tutor_bonus"), decision


# --- lengths of service -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "org", "total"),
    [
        (
            "En CDD, ça fait 6 mois que je suis ici, et avant j'ai eu 2 ans chez un autre employeur : CEP possible ?",
            6,
            30,
        ),
        ("Mutée de la CAF vers la CPAM il y a 5 mois, CDI, 12 ans de carrière : absence CEP ?", 5, 144),
        ("J'ai rejoint l'Urssaf il y a 2 ans, en CDI, après 8 ans dans une autre caisse : droit au CEP ?", 24, 120),
    ],
)
def test_time_here_and_time_elsewhere_are_told_apart(question: str, org: int, total: int) -> None:
    """Art. 5: « tout salarié en CDI qui justifie d'une ancienneté d'au moins 5 années passées en qualité de
    salarié dont 12 mois au sein de l'organisme, ou tout salarié en CDD justifiant d'au moins 24 mois
    d'activité salariée au cours des 5 dernières années dont 4 mois au sein de l'organisme »."""
    decision = route(question, TODAY)
    assert decision.route == "calculator", decision
    assert abs(decision.arguments["months_in_organisation"] - org) <= 1
    assert decision.arguments["months_as_employee"] == total


def test_a_move_of_contract_is_not_an_entry() -> None:
    decision = route("Je suis passé de CDD en CDI il y a 3 mois, 6 ans de carrière : ai-je droit au CEP ?", TODAY)
    assert decision.arguments.get("months_in_organisation") != 3


@pytest.mark.parametrize(
    ("question", "payroll"),
    [
        ("Pour une masse salariale d'un million d'euros, quelle contribution conventionnelle ?", 1_000_000),
        ("Notre masse salariale brute : un milliard d'euros. Contribution supplémentaire ?", 1_000_000_000),
        ("Une caisse à un million d'euros de masse salariale verse combien au titre des 0,15 % ?", 1_000_000),
    ],
)
def test_a_million_in_words_is_a_figure(question: str, payroll: float) -> None:
    """Art. 9: « une contribution conventionnelle supplémentaire … correspondant à 0,15 % de leur masse
    salariale brute »."""
    decision = route(question, TODAY)
    assert decision.calculator == "supplementary_contribution"
    assert decision.arguments["payroll"] == payroll


@pytest.mark.parametrize(
    "question",
    [
        "Je suis tuteur, c'est combien par mois la prime ?",
        "Tutrice depuis peu : la prime mensuelle, elle vaut combien de points ?",
        "J'anime des formations internes, je touche combien par action ?",
    ],
)
def test_a_rate_asked_is_the_rules(question: str) -> None:
    """Art. 4.3: « il correspond à 7 points par mois, complet ou non »; art. 9.3 (avenant 2022): « 7 points
    par mois pour chaque action de formation » — the rate per unit is the rule's, no dates needed."""
    assert route(question, TODAY).route == "retrieval"


@pytest.mark.parametrize(
    "question",
    [
        "Avant quand mon employeur doit me faire passer mon entretien professionnel ?",
        "D'ici quand ma caisse doit me proposer une formation au titre de la garantie individuelle ?",
        "Je suis tutrice : à partir de quand je touche ma prime ?",
    ],
)
def test_quand_after_a_preposition_asks_a_date_of_ones_case(question: str) -> None:
    decision = route(question, TODAY)
    assert decision.route == "clarify", decision


@pytest.mark.parametrize(
    "question",
    [
        "Je suis en arrêt maladie depuis peu, est-ce que je peux quand même demander une Pro-A ?",
        "Même en étant à mi-temps, puis-je bénéficier de la Pro-A ?",
        "Malgré mon activité partielle, ai-je accès à la Pro-A ?",
    ],
)
def test_whether_a_stated_circumstance_removes_a_right_is_the_rules(question: str) -> None:
    """Art. 2.3 lists who the Pro-A concerns; whether a circumstance the question states (illness, part time,
    activité partielle) changes it is a question on the rule, not a case to complete."""
    assert route(question, TODAY).route == "retrieval"


def test_time_after_apres_is_time_before_the_organisation() -> None:
    """Art. 5 (quoted above): the time in the organisation and the total salaried time are two conditions."""
    decision = route(
        "Arrivée à la CAF il y a deux ans après huit ans à la CPAM, je suis en CDI : le CEP, j'y ai droit ?", TODAY
    )
    assert decision.route == "calculator", decision
    assert decision.arguments["months_in_organisation"] == 24
    assert decision.arguments["months_as_employee"] == 120


@pytest.mark.parametrize(
    "question",
    [
        "Quelles sont les conditions d'ancienneté pour l'absence CEP quand on est en CDD ?",
        "Pour la Pro-A, quels sont les critères exactement ?",
        "Le congé pour un conseil en évolution professionnelle, c'est à quelles conditions ?",
    ],
)
def test_the_conditions_asked_in_a_told_case_are_answered_not_asked_back(question: str) -> None:
    """Art. 5 (CEP) and art. 2.3 (Pro-A) state their conditions; a conversation that told a case (`case=True`,
    "Je suis en CDD dans une caisse." earlier) and then asks what the conditions are gets them, not a question
    about the facts still missing."""
    assert route(question, TODAY, case=True).route == "retrieval"


@pytest.mark.parametrize(
    "question",
    [
        "En alternance en contrat de pro, mon salaire pendant la formation, c'est combien ?",
        "Je commence un contrat de professionnalisation, combien vais-je gagner pendant la formation ?",
        "Ma certification de contrat pro arrive bientôt, quand est-ce que ma paie change ?",
    ],
)
def test_a_question_back_states_and_cites_the_rule_it_needs_the_fact_for(assistant: Any, question: str) -> None:
    """Art. 3.6: « les bénéficiaires d'un contrat de professionnalisation, visant une qualification relevant du
    niveau 3 de la classification des emplois, sont rémunérés, au minimum, sur la base du coefficient de
    qualification du niveau 2 » … « À compter du 1er jour du mois qui suit l'obtention de la certification, la
    rémunération est fixée par référence au cadre conventionnel. »"""
    answer = assistant.ask(question, today=TODAY)  # a question back, or the rule itself
    assert "niveau 2" in answer.text or "mois qui suit" in answer.text, answer.text
    assert answer.citations[0].section == "Article 3.6", answer.citations
