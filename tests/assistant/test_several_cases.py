"""Several cases in one message, each counted on its own; the rule asked by someone with a case; a question
back only when the deciding fact is missing (issue #13 point 1, calc9).

Each mechanism is read from the message's grammar, with three or more wordings written for these tests:

* several lengths, one per action, mission or person ("Inès une session de 3 mois, Paul une de 1 mois"; "de
  2, 2, 1 et 3 mois"; "l'une sur quatre mois, l'autre sur six") are one period each, never the first for all;
* several years of contribution ("en 2023 et 2024", "de 2022 à 2024") are one line each and a total;
* a bound of the rule (a cap, a maximum), the texts named as the source, a claim reported from someone else,
  whether a scheme can be imposed: the rule answers when the message reads no fact of a case;
* a value of one's own case asked without its deciding fact ("calcule-moi ma prime", "oui ou non ?") is
  asked back.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.router import route
from calculators.registry import CALCULATORS

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("question", "actions", "points"),
    [
        ("Pour l'équipe : Inès a animé une session de 3 mois, Paul une de 1 mois, Zoé une de 5 mois, en tant que "
         "formateurs internes. Combien de points en tout ?", 3, 63),
        ("Formateur interne à titre accessoire, j'ai animé quatre actions de 2, 2, 1 et 3 mois : ça fait combien ?",
         4, 56),
        ("Formatrice interne, j'ai animé deux modules, l'un sur quatre mois, l'autre sur six : combien de points ?",
         2, 70),
    ],
)  # fmt: skip
def test_each_training_action_is_counted_with_its_own_length(question: str, actions: int, points: int) -> None:
    """Art. 9.3 (avenant 2022) : « Le montant de la prime est fixé à 7 points par mois pour chaque action de
    formation professionnelle réalisée par un salarié intervenant en tant que formateur interne à titre
    accessoire. »"""
    decision = route(question, TODAY)
    assert decision.calculator == "trainer_bonus", decision
    assert len(decision.arguments["actions"]) == actions
    assert CALCULATORS["trainer_bonus"].run(**decision.arguments).value == points


@pytest.mark.parametrize(
    ("question", "points"),
    [
        ("Mes deux missions de tuteur ont duré 5 mois puis 2 mois, combien de points ?", 49),
        ("Deux tutrices de mon service : Léa a fini une mission de tutorat de 3 mois, Anne une mission de 2 mois. "
         "Combien de points pour chacune ?", 35),
        ("Deux apprenties suivies, la première d'avril à juin 2026, la seconde d'août à octobre 2026 : combien de "
         "points ?", 42),
    ],
)  # fmt: skip
def test_each_tutor_mission_is_counted_with_its_own_period(question: str, points: int) -> None:
    """Art. 4.3 : « il correspond à 7 points par mois, complet ou non » ; « au maximum à 252 points par année
    civile et par tuteur » (not reached here)."""
    decision = route(question, TODAY)
    assert decision.calculator == "tutor_bonus", decision
    assert len(decision.arguments["missions"]) == 2
    assert CALCULATORS["tutor_bonus"].run(**decision.arguments).value == points


@pytest.mark.parametrize(
    "question",
    [
        "Formateur interne, j'ai animé une action pendant 6 mois : combien de points ?",
        "Je suis tutrice d'un alternant pour une mission de 10 mois dont 4 cette année, combien de points ?",
        "En CDD de 6 mois, je suis formatrice interne sur une action de 2 mois : combien ?",
    ],
)
def test_one_length_or_a_part_of_it_is_one_case(question: str) -> None:
    """A part ("dont 4") or a contract's length is no second action or mission."""
    decision = route(question, TODAY)
    listed = decision.arguments.get("actions") or decision.arguments.get("missions") or []
    assert len(listed) == 1, decision


@pytest.mark.parametrize(
    ("question", "years", "total"),
    [
        ("Pour 2023 et 2024, avec une masse salariale de 6 M€ chaque année, quelle contribution conventionnelle ?",
         "2023, 2024", 18000),
        ("Contribution conventionnelle supplémentaire de 2022 à 2024 pour une masse salariale de 1 000 000 € ?",
         "2022, 2023, 2024", 4500),
        ("Masse salariale de 2 M€ en 2023 puis de 4 M€ en 2024 : contribution conventionnelle de chaque année ?",
         "2023, 2024", 9000),
    ],
)  # fmt: skip
def test_each_year_of_contribution_is_a_line_of_its_own(question: str, years: str, total: int) -> None:
    """Protocole, art. 9 (devenu 10) : contribution « correspondant à 0,15 % de leur masse salariale brute » ;
    avenant, art. 5 : « Pour les années 2023 à 2025, le taux de la contribution conventionnelle supplémentaire
    est maintenu à 0,15 %. »"""
    decision = route(question, TODAY)
    assert decision.calculator == "supplementary_contribution", decision
    assert decision.arguments["years"] == years
    result = CALCULATORS["supplementary_contribution"].run(**decision.arguments)
    assert result.value == total
    assert all(year in "\n".join(result.steps) for year in years.split(", "))


@pytest.mark.parametrize(
    "question",
    [
        "Je suis tutrice : le plafond de points de ma prime, c'est combien par an ?",
        "Selon l'accord, ma prime de formateur interne tombe quand ?",
        "Mon chef soutient que la prime de tutorat est mensuelle. Je la touche quand ?",
        "Puis-je exiger une Pro-A de mon employeur ?",
        "Combien d'alternants puis-je accompagner au maximum comme tuteur ?",
    ],
)
def test_the_rule_answers_when_no_fact_of_a_case_is_read(question: str) -> None:
    """Art. 4.3 : « la prime peut atteindre un montant correspondant au maximum à 252 points par année civile et
    par tuteur » ; art. 4.2 : « chaque tuteur accompagne, au maximum, 3 salariés ». A bound, a text named, a
    reported claim or an obligation is the rule's, the same whatever the asker's dates."""
    assert route(question, TODAY).route == "retrieval"


@pytest.mark.parametrize(
    "question",
    [
        "Je suis tutrice du 1er mars au 31 août 2026, ma prime est-elle plafonnée ? combien ?",
        "Selon l'accord, combien de points pour mon tutorat de janvier à avril 2026 ?",
    ],
)
def test_facts_of_a_case_are_still_computed(question: str) -> None:
    assert route(question, TODAY).route == "calculator"


@pytest.mark.parametrize(
    ("question", "calculator"),
    [
        ("Tu peux me calculer le montant de ma prime de tutrice ?", "tutor_bonus"),
        ("Pour l'action de formation que j'anime, combien de points vais-je avoir ?", "trainer_bonus"),
        ("Suis-je en droit d'obtenir l'absence pour un CEP, oui ou non ?", "cep_absence"),
    ],
)
def test_a_value_of_ones_case_without_its_deciding_fact_is_asked_back(question: str, calculator: str) -> None:
    """Art. 4.3 / 9.3: the bonus depends on the mission's or the action's months; art. 5: the CEP absence on
    the contract and the seniority. Without them, the deciding fact is asked."""
    decision = route(question, TODAY)
    assert decision.route == "clarify" and decision.calculator == calculator, decision


@pytest.mark.parametrize(
    ("question", "points"),
    [
        # March → October 2026: 8 months
        ("Un alternant lui a été confié au 1er mars 2026. Sa mission s'arrête le 31 octobre 2026. Combien ?", 56),
        # 2 February → 30 June 2026: 5 months
        ("On m'a confié une apprentie le 2 février 2026, elle part le 30 juin 2026. Combien de points ?", 35),
        # 5 January → 4 July 2026: 6 months counted from the mission's first day
        ("Depuis qu'on m'a confié un alternant le 5 janvier 2026, et jusqu'au 4 juillet 2026, combien ?", 42),
    ],
)  # fmt: skip
def test_a_trainee_entrusted_on_a_date_starts_the_mission(question: str, points: int) -> None:
    """Art. 4.3 : « chaque salarié qui exerce, au-delà des activités liées à son emploi, une mission de tuteur
    […] perçoit, à ce titre, une prime » ; « 7 points par mois, complet ou non »."""
    decision = route(question, TODAY)
    assert decision.calculator == "tutor_bonus", decision
    assert CALCULATORS["tutor_bonus"].run(**decision.arguments).value == points


@pytest.mark.parametrize(
    "question",
    [
        "Ma prime, je la touche quand ?",
        "Combien va me rapporter la prime pour ce que je fais ?",
        "J'aimerais connaître le montant de ma prime, c'est combien ?",
    ],
)
def test_a_bonus_named_alone_asks_which_one(question: str) -> None:
    """Art. 4.3 (the tutor's « prime », per month of mission) and art. 9.3 (the internal trainer's « prime »,
    per month of each action): which one, and its dates, decide the figure."""
    decision = route(question, TODAY)
    assert decision.route == "clarify", decision
    assert decision.follow_up and "tutorat" in decision.follow_up and "formateur" in decision.follow_up


@pytest.mark.parametrize(
    "question",
    [
        "Une prime existe-t-elle pour les formateurs internes ?",
        "Tutrice du 1er mars au 30 juin 2026, ma prime fait combien ?",
    ],
)
def test_a_bonus_named_with_its_subject_is_not_asked_which(question: str) -> None:
    assert route(question, TODAY).missing != ["calculator"]
