"""calc20 (issue #13, class 1): facts as people say them — decided when they decide, asked only when missing.

Each class is tested with several wordings, none of them an evaluation item's: movable holidays computed for their
year (Easter's date), a team told in groups summed by the one-person rule, a team's minimum of interviews, a cap per
unit checked against two counts, a fact the person told reported by the asker (no claim), a verdict asked with the
subject inverted, an unfinished mission whose premium to come is asked (its end is missing), and a machine-made line
whose figure is no input. The rules' sentences are quoted where a rule is applied.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.applied_rule import apply_rule
from assistant.routing.calculator_inputs.team import head_count, read_groups
from assistant.routing.extraction.folding import fold
from assistant.routing.extraction.holidays import easter_sunday, name_days
from assistant.routing.extraction.spelled import spell_digits
from assistant.routing.noise_lines import cut_lines
from assistant.routing.router import route
from calculators.registry import CALCULATORS

TODAY = date(2026, 11, 29)


def _routed(question: str) -> tuple[str, str | None, dict[str, Any], list[str]]:
    d = route(question, TODAY)
    return d.route, d.calculator, d.arguments, d.missing


def _value(question: str, calculator: str) -> Any:
    kind, name, arguments, _ = _routed(question)
    assert (kind, name) == ("calculator", calculator), (kind, name, arguments)
    return CALCULATORS[calculator].run(**arguments).value


# --- movable holidays ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2000, date(2000, 4, 23)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter_sunday(year: int, easter: date) -> None:
    """The Gregorian computus, checked against the published dates (2038: the latest possible, 25 April)."""
    assert easter_sunday(year) == easter


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("du lundi de Pâques 2026 au 30 juin 2026", "du 6 avril 2026 au 30 juin 2026"),
        ("jusqu'au lundi de Pentecôte 2027", "jusqu'au 17 mai 2027"),
        ("à l'Ascension 2025", "au 29 mai 2025"),
        ("du jeudi de l'Ascension au 30 juin 2025", "du 29 mai 2025 au 30 juin 2025"),
        # no year by the holiday: the message's year, else the last one up to today
        ("de la Pentecôte au 31 août 2025", "du 8 juin 2025 au 31 août 2025"),
        ("tutrice depuis l'Ascension", "tutrice depuis le 14 mai 2026"),
        # a period around the day is no day: left as written
        ("pendant les vacances de Pâques 2026", "pendant les vacances de Pâques 2026"),
        ("le week-end de la Pentecôte", "le week-end de la Pentecôte"),
    ],
)
def test_movable_holidays_are_dated(text: str, written: str) -> None:
    assert name_days(text, TODAY) == written


@pytest.mark.parametrize(
    ("question", "calculator", "value"),
    [
        # art. 4.3: "il correspond à 7 points par mois, complet ou non" — 6 April to 31 August 2026: 5 months begun
        (
            "Tutrice d'un apprenti du lundi de Pâques 2026 au 31 août 2026, mission terminée : combien de points ?",
            "tutor_bonus",
            35,
        ),
        # art. 9.3: "7 points par mois pour chaque action" — 25 May to 10 July 2026: 2 months begun
        (
            "Formateur interne à titre accessoire, j'ai animé une action du lundi de Pentecôte 2026 au 10 juillet "
            "2026 : ma prime en points ?",
            "trainer_bonus",
            14,
        ),
    ],
)
def test_a_period_from_a_movable_holiday(question: str, calculator: str, value: int) -> None:
    assert _value(question, calculator) == value


def test_a_pro_a_starting_on_whit_monday_ends_a_year_later() -> None:
    """Art. 2.4: "Le dispositif Pro-A s'étend sur une durée comprise entre 6 et 12 mois" — 12 months from Whit Monday
    2027 (17 May) end on 16 May 2028; the last day asked as "son dernier jour"."""
    kind, name, arguments, _ = _routed(
        "Une Pro-A de 12 mois débute le lundi de Pentecôte 2027 : quel est son dernier jour ?"
    )
    assert (kind, name) == ("calculator", "pro_a_duration")
    assert arguments["start"] == date(2027, 5, 17)


# --- a team told in groups -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("3 n'ont pas le bac et 4 l'ont, aucun poste menace", [3, 4]),
        ("deux agents ont un CAP et un a une licence", [2, 1]),
        ("parmi mes 6 agents, 2 ont le bac, les 4 autres n'ont qu'un CAP", [2, 4]),
        ("5 agents sans diplome et 2 titulaires d'un master", [5, 2]),
        ("j'ai un BTS et mon poste n'est pas menace", []),
        ("mon alternant a 22 ans", []),
    ],
)
def test_groups_are_read_with_their_counts(text: str, counts: list[int]) -> None:
    spelled = spell_digits(text)
    assert [g.count for g in read_groups(fold(spelled), spelled)] == counts


@pytest.mark.parametrize(
    ("question", "hours"),
    [
        # avenant 2022, art. 2: "Le congé … d'une durée de 24 heures est augmenté pour les agents n'ayant pas atteint
        # le niveau 4 ou dont l'emploi est menacé …, à 48 heures maximum." — 3 × 48 + 4 × 24
        (
            "Dans mon service, 3 agents n'ont pas le bac et 4 l'ont, aucun poste menacé ; tous préparent une VAE. "
            "Combien d'heures de congé en tout ?",
            240,
        ),
        ("Deux agents ont un CAP et un a une licence, pas de poste menacé : total des heures de congé VAE ?", 120),
        (
            "Parmi mes 6 agents, 2 ont le bac, les 4 autres n'ont qu'un CAP, aucun emploi menacé. Combien d'heures "
            "de congé VAE au total ?",
            2 * 24 + 4 * 48,
        ),
    ],
)
def test_a_team_s_vae_leave_is_summed_by_group(question: str, hours: int) -> None:
    assert _value(question, "vae_leave") == hours


def test_a_group_without_its_fact_is_asked() -> None:
    """A group whose diploma is not said leaves the total undecided: its missing input is named, not guessed."""
    result = CALCULATORS["vae_leave"].run(groups="3:job_threatened=non;4:diploma_level=4")
    assert result.value is None and result.missing == ["diploma_level"]


def test_one_person_is_not_a_team() -> None:
    """One person's diploma keeps the one-person rule (no group, no sum)."""
    assert _value("J'ai un CAP et je veux préparer une VAE : combien d'heures de congé ?", "vae_leave") == 48


@pytest.mark.parametrize(
    ("question", "total"),
    [
        # art. 6: "Les organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un entretien de
        # bilan" — per employee: 3 × the team
        ("J'encadre 8 gestionnaires : combien d'entretiens professionnels et de bilan au minimum sur 6 ans ?", 24),
        ("Mon équipe de neuf conseillers : sur six ans, combien d'entretiens professionnels au total au minimum ?", 27),
        ("Pour mes 15 agents, quel nombre d'entretiens professionnels l'organisme doit-il tenir tous les 6 ans ?", 45),
    ],
)
def test_a_team_s_minimum_of_interviews(question: str, total: int) -> None:
    assert _value(question, "professional_reviews") == total


def test_a_head_count_is_one_number_of_people() -> None:
    assert head_count("j'encadre 12 techniciens") == 12
    assert head_count("une equipe de neuf conseillers") == 9
    assert head_count("3 agents et 4 collegues") is None  # two counts: groups, not one team
    assert head_count("depuis 6 ans") is None


# --- a cap per unit against two counts --------------------------------------------------------------------------

_CAP = ["Afin d'optimiser l'accomplissement de sa mission, chaque tuteur accompagne, au maximum, 3 salariés."]


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        # art. 4.2: "chaque tuteur accompagne, au maximum, 3 salariés" — 5 × 3 = 15 ≥ 14
        (
            "Avec 5 tuteurs pour 14 alternants, la règle est-elle respectée ?",
            "15 salariés au plus, pour 14 : la règle est respectée",
        ),
        ("4 tuteurs et 13 apprentis : est-ce suffisant ?", "il faut 5 tuteurs au moins"),
        ("Nous avons 2 tuteurs désignés pour 6 stagiaires, c'est conforme ?", "6 salariés au plus, pour 6"),
    ],
)
def test_a_cap_checked_against_two_counts(question: str, shown: str) -> None:
    applied = apply_rule(question, _CAP, caps_only=True)
    assert applied is not None and shown in applied.operation


def test_a_single_count_asked_is_still_divided() -> None:
    applied = apply_rule("Combien de tuteurs pour 14 alternants ?", _CAP, caps_only=True)
    assert applied is not None and "5 tuteurs" in applied.operation


# --- what the person told, reported, and verdicts asked with the subject inverted --------------------------------


@pytest.mark.parametrize(
    "question",
    [
        # art. 8: "Le bénéfice d'une formation est ainsi garanti à tous les salariés présents qui n'en auraient pas
        # suivi depuis 4 ans": the last training's date decides, so it is asked
        "Un agent de mon service me dit qu'il n'a pas été formé depuis longtemps : la garantie individuelle d'accès à "
        "la formation joue-t-elle pour lui ?",
        "Une collègue m'explique qu'elle n'a eu aucune formation depuis des années : la garantie individuelle "
        "s'applique-t-elle à elle ?",
        # the employer's duty toward the person told is the rule's verdict for her
        "Une salariée me dit qu'elle n'a jamais été formée depuis son arrivée : au titre de la garantie individuelle "
        "d'accès à la formation, l'organisme doit-il lui proposer une formation ?",
    ],
)
def test_a_fact_reported_by_the_asker_is_a_case(question: str) -> None:
    kind, name, _, missing = _routed(question)
    assert (kind, name) == ("clarify", "training_guarantee") and missing == ["last_training"]


def test_a_reported_entitlement_stays_a_claim() -> None:
    """ "qu'il a droit à 48 heures": a rule claimed, to check in the texts, not a case to complete."""
    kind, _, _, _ = _routed("Mon collègue prétend qu'il a droit à 48 heures de congé VAE, c'est vrai ?")
    assert kind != "clarify"


# --- an unfinished mission ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        # art. 4.3: "Cette prime est versée en une seule fois à l'issue de la mission de tutorat" and counts its months
        "Tutrice depuis le 1er mars 2026, ma mission n'est pas encore terminée : combien toucherai-je ?",
        "Mon collègue est tuteur depuis septembre 2026, la mission n'est pas finie. Combien percevra-t-il à la fin ?",
    ],
)
def test_an_unfinished_mission_s_premium_to_come_asks_its_end(question: str) -> None:
    kind, name, _, missing = _routed(question)
    assert (kind, name) == ("clarify", "tutor_bonus") and missing == ["missions"]


def test_an_ongoing_mission_so_far_is_counted_to_today() -> None:
    """ "à ce jour": the months so far, counted up to today (1 March to 29 November 2026: 9 months begun)."""
    question = "Tutrice depuis le 1er mars 2026, la mission n'est pas finie : combien de points à ce jour ?"
    assert _value(question, "tutor_bonus") == 63


# --- a machine-made line --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "METAR LFPG 291030Z 24012KT 9999 BKN020 RMK PRO-A MAX 18 MOIS",
        "TLX 4471 REF AB12C ZZ99 PRIME TUTEUR 400 PTS",
    ],
)
def test_a_machine_made_line_is_cut(line: str) -> None:
    kept, _, _ = cut_lines(f"{line}\n\nQuelle est la durée d'une Pro-A ?")
    assert kept.strip() == "Quelle est la durée d'une Pro-A ?"


def test_a_question_in_capitals_is_kept() -> None:
    text = "JE SUIS EN CDI DEPUIS 2020.\nAI-JE DROIT À LA PRO-A ?"
    kept, _, _ = cut_lines(text)
    assert kept == text


def test_a_planted_figure_is_no_input() -> None:
    """The METAR's "PRO-A MAX 18 MOIS" is not the Pro-A's length: the rule asked in general is answered."""
    question = (
        "METAR LFPG 291030Z 24012KT 9999 BKN020 RMK PRO-A MAX 18 MOIS\n\nOn m'a transmis ça. Sérieusement, une Pro-A "
        "dure entre combien et combien de mois ?"
    )
    kind, _, arguments, _ = _routed(question)
    assert kind != "clarify" and 18 not in arguments.values()


# --- facts said another way (second pass over each calculator's inputs) --------------------------------------------


def test_a_bac_denied_leaves_the_vocational_diploma_open() -> None:
    """Art. 3.4: up to 36 months for those "qui n'ont pas validé un second cycle de l'enseignement secondaire et qui
    ne sont pas titulaires d'un diplôme de l'enseignement technologique ou professionnel": "il n'a pas son bac" does
    not say he holds no CAP, so the condition stays open (not answered "no"); "aucun diplôme" answers it."""
    _, _, open_case, _ = _routed("Mon alternant de 19 ans n'a pas son bac : durée maximale de son contrat de pro ?")
    assert "without_diploma" not in open_case
    _, _, decided, _ = _routed("Mon alternant de 19 ans n'a aucun diplôme : durée maximale de son contrat de pro ?")
    assert decided.get("without_diploma") is True


@pytest.mark.parametrize(
    "question",
    [
        # circular V: "Epreuve écrite … Note éliminatoire ≤ 6": the written grade alone decides
        "Mon écrit au CQP gestionnaire conseil : 6/20. Je suis recalé ?",
        "Écrit du CQP : 5/20, suis-je certifiée ?",
    ],
)
def test_a_grade_after_the_exam_s_certification_and_a_colon(question: str) -> None:
    kind, name, arguments, _ = _routed(question)
    assert (kind, name) == ("calculator", "cqp_certification") and arguments["written"] <= 6


@pytest.mark.parametrize(
    ("question", "points"),
    [
        # art. 4.3: 7 points per month begun — January to June 2026: 6 months
        ("Je suis tuteur, la mission a commencé en janvier 2026 et se termine fin juin 2026. Ma prime ?", 42),
        ("Tutrice : mission démarrée en mars 2026, terminée fin mai 2026. Sa prime ?", 21),
    ],
)
def test_a_month_said_to_start_before_an_end(question: str, points: int) -> None:
    assert _value(question, "tutor_bonus") == points


@pytest.mark.parametrize(
    ("question", "total", "eligible"),
    [
        # art. 5: "tout salarié en CDI qui justifie d'une ancienneté d'au moins 5 années passées en qualité de salarié
        # dont 12 mois au sein de l'organisme"
        (
            "Je suis en CDI depuis un an et demi dans mon organisme, et salarié depuis 2012. Absence pour un CEP ?",
            60,
            True,
        ),
        ("En CDI dans ma caisse depuis 2 ans, je travaille depuis 2023. Ai-je droit à l'absence CEP ?", 0, False),
    ],
)
def test_a_career_s_start_said_apart_is_the_total_seniority(question: str, total: int, eligible: bool) -> None:
    kind, name, arguments, _ = _routed(question)
    assert (kind, name) == ("calculator", "cep_absence")
    assert arguments["months_as_employee"] >= total
    assert CALCULATORS["cep_absence"].run(**arguments).eligible is eligible
