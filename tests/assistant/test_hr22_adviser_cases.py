"""An HR adviser preparing someone else's entretien professionnel (hr22): a horizon to come, a hire said "entré le …",
a team's count, a question back about the person, the sheet for an employee named by a first name."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.answering.census import asked_census
from assistant.routing.router import route
from calculators.professional_reviews import professional_reviews
from calculators.registry import CALCULATORS
from calculators.result import CalcError
from interview.reading import is_interview_request

TODAY = date(2026, 11, 29)
ART_6 = "Les organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un entretien de bilan."


def test_periods_ending_by_a_horizon_to_come_are_owed_not_late() -> None:
    """Art. 6 : « Les organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un entretien
    de bilan. » Hired 1 March 2021, counted to 1 January 2030: the first period (to 1 March 2027) still runs today,
    so its interviews are to hold before its end, never "en retard"."""
    result = professional_reviews(date(2021, 3, 1), as_of=TODAY, horizon=date(2030, 1, 1))
    assert "retard" not in result.summary.lower()
    assert "au moins 2 entretiens professionnels et 1 entretien de bilan" in result.summary
    assert "avant le 1er mars 2027" in result.summary
    assert result.details["horizon"] == date(2030, 1, 1) and result.details["as_of"] == TODAY


def test_two_periods_by_the_horizon_count_twice_and_a_period_already_missed_stays_late() -> None:
    """Art. 6 (ART_6): hired 2 January 2020, to 2 January 2032, two 6-year periods end: 4 interviews and 2 bilans;
    the first ended on 2 January 2026 with none told, which is late today whatever the horizon."""
    result = professional_reviews(date(2020, 1, 2), as_of=TODAY, horizon=date(2032, 1, 2))
    assert result.summary.startswith(
        "D'ici le 2 janvier 2032 : au moins 4 entretiens professionnels et 2 entretiens de bilan"
    )
    assert "Déjà en retard aujourd'hui" in result.summary
    assert result.value == 6


def test_a_horizon_already_past_is_the_date_the_state_is_read_at() -> None:
    """Art. 6 (ART_6): "au 1er janvier 2026, était-il à jour ?" reads the periods at that date."""
    past = professional_reviews(date(2019, 12, 19), as_of=TODAY, horizon=date(2026, 1, 1))
    assert past.summary == professional_reviews(date(2019, 12, 19), as_of=date(2026, 1, 1)).summary


def test_impossible_dates_with_a_horizon_are_refused_in_french() -> None:
    """An interview before the hire cannot have counted for art. 6's periods: refused with a French message."""
    with pytest.raises(CalcError, match="antérieur à l'embauche"):
        professional_reviews(date(2024, 3, 10), [date(2023, 2, 2)], as_of=TODAY, horizon=date(2031, 1, 1))


@pytest.mark.parametrize(
    ("question", "hire"),
    [
        (
            "Entré le 1er septembre 2019, il n'a eu qu'un entretien professionnel, le 12 mars 2022. Est-on en retard ?",
            date(2019, 9, 1),
        ),
        (
            "Elle est entrée le 8 juillet 2020 et n'a eu aucun entretien professionnel depuis. Où en est-on ?",
            date(2020, 7, 8),
        ),
    ],
)
def test_entered_on_a_day_is_the_hire(question: str, hire: date) -> None:
    """Art. 6 (ART_6): the periods run from the hire; "entré le …" is the hire, not an interview."""
    decision = route(question, TODAY)
    assert decision.arguments.get("hire_date") == hire, decision
    assert hire not in decision.arguments.get("interviews", [])


def test_a_window_between_two_dates_is_neither_a_hire_nor_an_interview() -> None:
    """ "Entre le … et le …" joins two dates as a window (structure), unlike the participle "entré le …"."""
    decision = route(
        "Entre le 1er janvier 2020 et le 31 décembre 2025, combien d'entretiens professionnels l'organisme "
        "devait-il assurer à chaque salarié ?",
        TODAY,
    )
    assert "hire_date" not in decision.arguments and not decision.arguments.get("interviews")


def test_a_date_to_come_set_by_au_in_the_question_is_the_horizon() -> None:
    """Art. 6 (ART_6): "Au 1er juin 2028, sera-t-elle en retard … ?" asks the state at that date, apart from today."""
    decision = route(
        "Embauchée le 15 avril 2022, un entretien pro le 3 mai 2024. Au 1er juin 2028, sera-t-elle en retard sur ses "
        "entretiens si on ne fait plus rien ?",
        TODAY,
    )
    assert decision.arguments["horizon"] == date(2028, 6, 1) and decision.arguments["as_of"] == TODAY
    result = CALCULATORS["professional_reviews"].run(**decision.arguments)
    assert "1 entretien professionnel et l'entretien de bilan avant le 15 avril 2028" in result.summary


@pytest.mark.parametrize(
    ("question", "team"),
    [
        (
            "J'ai trois agents à recevoir en entretien professionnel cette année. Sur six ans, combien d'entretiens "
            "au minimum pour les trois ?",
            3,
        ),
        ("Nous avons 5 agents embauchés en 2021 : combien d'entretiens professionnels au minimum sur six ans ?", 5),
    ],
)
def test_a_team_count_is_each_persons_rule_times_the_team(question: str, team: int) -> None:
    """Art. 6 (ART_6) is owed to each employee: a team of N is owed 3 × N interviews per 6-year period."""
    decision = route(question, TODAY)
    assert decision.arguments == {"headcount": team}, decision
    assert CALCULATORS["professional_reviews"].run(**decision.arguments).value == 3 * team


@pytest.mark.parametrize(
    ("question", "hours"),
    [
        (
            "Deux agents sans diplôme et un agent titulaire d'un bac, aucun poste menacé : combien d'heures de congé "
            "VAE à prévoir au total ?",
            120,
        ),
        (
            "Quatre techniciens, tous titulaires d'un BTS, dont les postes sont menacés, veulent faire une VAE : "
            "combien d'heures de congé en tout ?",
            192,
        ),
    ],
)
def test_a_teams_vae_leave_adds_each_persons_hours(question: str, hours: int) -> None:
    """Avenant 2022, art. 2 : « Le congé pour préparer la validation des acquis de l'expérience (VAE) d'une durée de
    24 heures est augmenté pour les agents n'ayant pas atteint le niveau 4 […] ou dont l'emploi est menacé […] à 48
    heures maximum. » 2 × 48 + 24 = 120; 4 × 48 = 192."""
    decision = route(question, TODAY)
    assert decision.calculator == "vae_leave", decision
    assert CALCULATORS["vae_leave"].run(**decision.arguments).value == hours


def test_a_question_back_about_someone_else_says_their_hire_date() -> None:
    """The adviser is asked Julie's hire date, not their own (art. 6's periods run from the employee's hire)."""
    decision = route("Je prépare l'entretien professionnel de Julie : est-elle en retard sur ses entretiens ?", TODAY)
    assert decision.route == "clarify"
    assert "sa date d'embauche" in decision.follow_up and "votre" not in decision.follow_up


def test_a_question_back_about_ones_own_case_stays_in_the_second_person() -> None:
    decision = route("Est-ce que je suis en retard sur mes entretiens professionnels ?", TODAY)
    assert decision.route == "clarify" and "votre date d'embauche" in decision.follow_up


def test_the_guarantee_asked_for_a_colleague_asks_his_last_training() -> None:
    """Art. 8 : « Le bénéfice d'une formation est ainsi garanti à tous les salariés présents qui n'en auraient pas
    suivi depuis 4 ans. » The date asked is the colleague's last training."""
    decision = route(
        "Mon collaborateur Thomas n'a pas été formé depuis longtemps. La garantie individuelle joue-t-elle pour lui ?",
        TODAY,
    )
    assert "a-t-il suivi sa dernière formation" in decision.follow_up, decision


def test_an_employee_named_by_first_name_with_a_fact_gets_the_sheet() -> None:
    assert is_interview_request(
        "Entretien pro de Sonia la semaine prochaine : CDI depuis 2021, niveau bac. Que dois-je aborder avec elle ?"
    )
    # a first name with no fact of the person is no file to prepare: the rule answers, or asks what it needs
    assert not is_interview_request("Je prépare l'entretien professionnel de Julie : est-elle en retard ?")


def test_a_year_of_the_case_told_before_the_question_is_no_census_year() -> None:
    """ "Nous avons 5 agents embauchés en 2021 : combien d'entretiens … ?" asks art. 6's count for a team, no
    statistic of 2021; "Combien de salariés … ont signé une Pro-A en 2023 ?" is one."""
    assert (
        asked_census("Nous avons 5 agents embauchés en 2021 : combien d'entretiens professionnels au minimum ?") is None
    )
    assert asked_census("Combien de salariés de la branche ont signé une Pro-A en 2023 ?") is not None


@pytest.mark.parametrize(
    "question",
    [
        "Quand mon entretien de bilan doit-il avoir lieu ?",
        "À partir de quand mon employeur doit-il me faire suivre la formation garantie par l'accord de branche ?",
    ],
)
def test_the_writers_own_case_keeps_the_second_person(question: str) -> None:
    """ "doit-il" is the rule's inversion, "mon entretien", "me faire suivre" the writer's own case: "votre"."""
    decision = route(question, TODAY)
    assert decision.route == "clarify" and "votre" in decision.follow_up and " sa date" not in decision.follow_up


def test_people_told_apart_are_not_one_group_sharing_a_threat() -> None:
    """Avenant 2022, art. 2: 48 hours for a threatened job, 24 for a BTS holder whose job is stable: three agents told
    one by one ("l'un …, l'autre …, le troisième …") are never 3 × 48 hours."""
    decision = route(
        "Dans mon service, trois agents veulent préparer une VAE : l'un sans diplôme, l'autre avec un BTS et un poste "
        "stable, le troisième bac+3 dont le poste est menacé. Combien d'heures au total ?",
        TODAY,
    )
    if decision.calculator == "vae_leave" and decision.arguments.get("groups"):
        assert CALCULATORS["vae_leave"].run(**decision.arguments).value != 144
