"""The intent decides whether a rule is applied, facts are read in the role they play, and the rule is applied
to the user's own figures (issue #13 point 1).

Four mechanisms, each tested with wordings unlike the evaluation sets':

1. the asking sentence decides: what a scheme is, is for or how it works, asked next to a case, is
   answered by the texts; "pour lui", "ma prime", "est-elle éligible" with facts is an application;
2. facts are bound to their role: a day said to be a start opens a period, "N ans de boîte" is time in
   the organisation, "depuis mars 2014" a lower bound, "Diplôme : aucun" a level, a diploma wished for is
   not held, a grade said to replace another replaces it (tested in `test_fact_roles.py`);
3. a claim for everyone ("pour tout le monde", "dans tous les cas") or a claim submitted for confirmation
   that the stated facts do not decide is answered by the rule, never by a question back;
4. dates a calculator needs, given inside a longer message, are used (the CQP path from its first day).

Routing runs on the pure router; the verdicts run on the calculators, which apply the articles quoted.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.calculator_inputs.asking import asking_sentence, asks_to_confirm, asks_what_it_is
from assistant.routing.extraction.folding import fold
from assistant.routing.router import route
from calculators.registry import CALCULATORS

TODAY = date(2026, 11, 29)


# --- 1. what the asking sentence wants ----------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "M. Perrin, CDI, titulaire d'un CAP, pense à une reconversion. À quoi sert la Pro-A exactement ?",
        "Je suis en CDD de 6 mois avec un bac. La Pro-A, qu'est-ce que c'est ?",
        "Ma collègue est en CDI et a un BTS : en quoi consiste la Pro-A ?",
        "CDI depuis 2012, niveau bac. Comment fonctionne la Pro-A concrètement ?",
        "J'ai 4 ans de maison en CDI : quel est l'objectif du conseil en évolution professionnelle ?",
    ],
)
def test_what_a_scheme_is_asked_next_to_a_case_is_answered_by_the_texts(question: str) -> None:
    decision = route(question, TODAY)
    assert decision.route == "retrieval", decision


@pytest.mark.parametrize(
    ("question", "calculator"),
    [
        ("Mme Lefort, CDI, titulaire d'un BEP : la Pro-A, c'est possible pour elle ?", "pro_a_eligibility"),
        ("CDI et un DUT en poche, la Pro-A me serait ouverte ?", "pro_a_eligibility"),
        ("Tuteur du 4 mars au 12 septembre 2026, c'est quoi le montant de ma prime ?", "tutor_bonus"),
    ],
)
def test_a_case_brought_into_the_question_is_an_application(question: str, calculator: str) -> None:
    decision = route(question, TODAY)
    assert (decision.route, decision.calculator) == ("calculator", calculator), decision


def test_the_asking_sentence_is_the_one_with_the_question_mark() -> None:
    folded = fold("Dossier : CDI, bac. Elle aimerait évoluer. La Pro-A, ça sert à quoi ?")
    assert asking_sentence(folded).strip() == "la pro-a, ca sert a quoi ?"
    assert asks_what_it_is(folded)
    assert not asks_what_it_is(fold("La Pro-A, ça sert à quoi pour lui ?"))
    assert not asks_what_it_is(fold("C'est quoi la durée de ma Pro-A de 10 mois ?"))


# --- 3. a claim about the rule is answered by the rule ----------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Le congé VAE, c'est 48 heures dans tous les cas ?",
        "On m'a dit que l'absence pour un CEP est d'une journée pour tout le monde, c'est exact ?",
        "La Pro-A peut durer 24 mois quel que soit le salarié ?",
        "La prime du tuteur est systématiquement de 252 points ?",
    ],
)
def test_a_claim_for_everyone_is_answered_by_the_rule_not_a_question_back(question: str) -> None:
    decision = route(question, TODAY)
    assert decision.route == "retrieval", decision


def test_a_claim_submitted_for_confirmation_that_the_facts_decide_is_calculated() -> None:
    """Art. 2.3: « La Pro-A concerne les salariés en contrat à durée indéterminée » — a CDD decides it."""
    decision = route("Un salarié en CDD ne peut pas faire de Pro-A, c'est bien ça ?", TODAY)
    assert decision.route != "clarify"
    assert asks_to_confirm(fold("Un salarié en CDD ne peut pas faire de Pro-A, c'est bien ça ?"))
    assert not asks_to_confirm(fold("J'ai un CAP, je peux faire une Pro-A, c'est bien ça ?"))


def test_a_question_back_with_no_fact_leads_with_the_rule() -> None:
    """Avenant 2022, art. 2 (art. 7): a 24-hour leave, « porté à 48 heures » for those below level 4 or
    whose job is threatened: asked about one's own leave with no fact, the rule leads the question back."""
    decision = route("Combien d'heures pour mon congé de VAE ?", TODAY)
    assert decision.route == "clarify"
    assert decision.follow_up is not None
    assert "24 heures" in decision.follow_up and "48 heures" in decision.follow_up
    assert decision.follow_up.rstrip().endswith("?")


# --- 4. the dates a calculator needs, inside a longer message ---------------------------------


@pytest.mark.parametrize(
    ("question", "first_day"),
    [
        (
            "Ma formation CQP gestionnaire conseil a démarré le 14 septembre 2026, je dois finir avant quand ?",
            date(2026, 9, 14),
        ),
        ("Prem'ss commencé le 6 octobre 2025 pour le CQP GC : quelle est ma date butoir ?", date(2025, 10, 6)),
        ("Mon collègue a débuté le parcours CQP le 1er décembre 2025 ; il a jusqu'à quand ?", date(2025, 12, 1)),
    ],
)
def test_the_cqp_path_is_computed_from_its_first_day(question: str, first_day: date) -> None:
    """Circulaire, part IV: « l'amplitude du parcours de formation ne doit pas excéder deux ans, à compter du
    premier jour du tronc commun interbranche »."""
    decision = route(question, TODAY)
    assert (decision.route, decision.calculator) == ("calculator", "training_path_hours"), decision
    assert decision.arguments["first_premss_day"] == first_day
    result = CALCULATORS["training_path_hours"].run(**decision.arguments).to_dict()
    assert str(first_day.year + 2) in str(result)


@pytest.mark.parametrize(
    ("question", "eligible"),
    [
        ("Pour Sofiane, gestionnaire en CDI, titulaire d'un doctorat : la Pro-A lui est-elle ouverte ?", False),
        ("Dossier de Nadia : CDD de 8 mois, bac. Pro-A possible ?", False),
        ("Concernant Julien qui est en CDI avec un CAP, la Pro-A est-elle ouverte ?", True),
    ],
)
def test_a_person_named_by_a_first_name_is_a_case(question: str, eligible: bool) -> None:
    """Art. 2.3: « La Pro-A concerne les salariés en contrat à durée indéterminée […] Sont concernés, les
    salariés n'ayant pas atteint un niveau de qualification […] correspondant au grade de la licence »: a
    CDD, or a diploma at or above the licence, closes it; a CDI below the licence opens it."""
    decision = route(question, TODAY)
    assert (decision.route, decision.calculator) == ("calculator", "pro_a_eligibility"), decision
    assert CALCULATORS["pro_a_eligibility"].run(**decision.arguments).to_dict()["eligible"] is eligible


def test_a_capitalised_word_after_pour_that_names_no_one_is_no_case() -> None:
    assert route("Pour la Pro-A, quel contrat faut-il ?", TODAY).route == "retrieval"


@pytest.mark.parametrize(
    ("question", "points"),
    [
        ("J'ai cumulé 9 mois de tutorat sur deux stagiaires, ça fait combien et quel est le plafond ?", 63),
        ("Tutrice : 4 mois de tutorat au total pour mes trois alternantes, je touche combien au maximum ?", 28),
        ("6 mois de tutorat, combien de points, et la prime est plafonnée à combien ?", 42),
    ],
)
def test_a_length_of_tutoring_with_a_cap_asked_is_computed_and_summed_months_are_not_multiplied(
    question: str, points: int
) -> None:
    """Art. 4.3: « il correspond à 7 points par mois, complet ou non […] la prime peut atteindre un montant
    correspondant au maximum à 252 points par année civile et par tuteur »: the months given are computed,
    and months said to be summed over several trainees are counted once."""
    decision = route(question, TODAY)
    assert (decision.route, decision.calculator) == ("calculator", "tutor_bonus"), decision
    result = CALCULATORS["tutor_bonus"].run(**decision.arguments)
    assert result.value == points
    assert "252" in result.formula


def test_a_yearless_start_said_before_an_end_of_a_stated_year_is_in_or_before_that_year() -> None:
    decision = route("Tutorat commencé le 1er avril, il s'achèvera le 30 novembre 2026 : combien de points ?", TODAY)
    assert [(m["start"], m["end"]) for m in decision.arguments["missions"]] == [(date(2026, 4, 1), date(2026, 11, 30))]


@pytest.mark.parametrize(
    "question",
    [
        "J'ai un BTS et je suis en CDI. Expliquez-moi la Pro-A.",
        "CDI, bac pro : pouvez-vous m'expliquer en quoi consiste la Pro-A ?",
        "Technicienne en CDI avec un DUT ; la Pro-A, comment ça marche ?",
    ],
)
def test_an_explanation_asked_after_a_case_is_no_application(question: str) -> None:
    assert route(question, TODAY).route == "retrieval"


@pytest.mark.parametrize(
    "question",
    [
        "Salariée en CDD de 18 mois, BTS. Une Pro-A de 10 mois est-elle possible pour elle ?",
        "J'ai une licence et je suis en CDI : une Pro-A de 600 heures, ça passe ?",
        "Mon collègue est en intérim ; sa Pro-A pourrait durer 24 mois s'il prépare un CQP ?",
    ],
)
def test_a_case_the_contract_or_diploma_closes_is_answered_by_that_first(question: str) -> None:
    """Art. 2.3: « La Pro-A concerne les salariés en contrat à durée indéterminée […] Sont concernés, les
    salariés n'ayant pas atteint un niveau de qualification […] correspondant au grade de la licence »: the
    length or hours asked about do not matter once the person is not concerned."""
    decision = route(question, TODAY)
    assert (decision.route, decision.calculator) == ("calculator", "pro_a_eligibility"), decision
    assert CALCULATORS["pro_a_eligibility"].run(**decision.arguments).to_dict()["eligible"] is False


def test_a_mission_length_and_its_start_make_the_whole_mission() -> None:
    """Art. 4.3: 7 points per month of the mission, « versée en une seule fois à l'issue de la mission »."""
    decision = route("Mission de tutrice de 6 mois, commencée il y a 2 mois : combien de points à la fin ?", TODAY)
    assert decision.calculator == "tutor_bonus"
    assert CALCULATORS["tutor_bonus"].run(**decision.arguments).value == 42


def test_a_value_asked_in_the_words_of_a_definition_is_an_application() -> None:
    decision = route("Tutrice de janvier à juin 2026, qu'est-ce que la prime me rapporte ?", TODAY)
    assert (decision.route, decision.calculator) == ("calculator", "tutor_bonus")


@pytest.mark.parametrize(
    ("question", "route_name"),
    [
        ("Tutrice de mars à juin 2026, qu'est-ce que l'employeur doit me verser ?", "calculator"),
        ("CDI, CAP : qu'est-ce que la Pro-A ?", "retrieval"),
        ("J'ai un master. Qu'est-ce que l'avenant de 2022 a modifié pour la Pro-A ?", "retrieval"),
    ],
)
def test_qu_est_ce_que_asks_a_definition_only_of_a_short_noun_phrase_or_of_a_text(
    question: str, route_name: str
) -> None:
    assert route(question, TODAY).route == route_name


def test_what_an_entry_of_the_pro_a_list_is_asks_the_texts() -> None:
    """Annexe 1 (completed by the avenant of 2022, art. 1): the list's row gives the entry's family and its
    training body ("Famille professionnelle : 02 – Métiers du contrôle …; Organisme de formation et sanction :
    Institut 4.10"). "What is it?" asks that row and the CQP's own page, not the membership check
    (`calculator_inputs.list_entry`, route29): the texts answer, the lookup does not run."""
    decision = route("C'est quoi le CQP contrôleur allocataire de la liste Pro-A ?", TODAY)
    assert decision.route == "retrieval"
    assert decision.calculator is None


@pytest.mark.parametrize(
    ("question", "eligible"),
    [
        ("CDI, bac pro, Pro-A possible ?", True),
        ("CDD 12 mois, licence : Pro-A ?", False),
        ("Licence pro, CDI. La Pro-A m'est ouverte ?", False),
    ],
)
def test_a_case_in_bare_fragments_is_a_case(question: str, eligible: bool) -> None:
    """Art. 2.3 (CDI or CUI-CDI, below the licence): a case told in fragments without a subject, whose
    contract and diploma decide, is calculated; "CDD 12 mois" is the contract's length."""
    decision = route(question, TODAY)
    assert (decision.route, decision.calculator) == ("calculator", "pro_a_eligibility"), decision
    assert CALCULATORS["pro_a_eligibility"].run(**decision.arguments).to_dict()["eligible"] is eligible


def test_one_bare_fact_with_a_rule_asked_is_no_case() -> None:
    assert route("CDI : la Pro-A, c'est pour quels salariés ?", TODAY).route == "retrieval"
