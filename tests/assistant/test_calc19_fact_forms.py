"""calc19 (issue #13, class 1): figures the calculator should compute, and no question back when the facts decide.

Each class is tested with three or more wordings, none of them an evaluation item's: a length with a half ("deux
mois et demi"), an end said in its own sentence in a compound tense, a round figure with an adjective ("une bonne
quinzaine d'années"), "ça fait N ans que je suis en CDI dans mon organisme", the last day of a dated Pro-A asked
"jusqu'à quelle date", trainees named together before "chacun", several trainers each with an action, two grades
under the continuous assessments' heading in the singular, a question on how schemes combine, where something took
place or how a text can do what it does (the texts answer), one part of the CQP's common path funded alone, a
threat to the job denied, and the VAP (not the VAE). The rules' sentences are quoted where a rule is applied.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.routing.extraction.grades import parse_grades
from assistant.routing.extraction.holidays import name_days
from assistant.routing.extraction.situation import parse_job_threatened
from assistant.routing.extraction.spelled import spell_digits
from assistant.routing.router import route
from calculators.registry import CALCULATORS

TODAY = date(2026, 11, 29)


def _routed(question: str) -> tuple[str, str | None, dict[str, Any]]:
    d = route(question, TODAY)
    return d.route, d.calculator, d.arguments


def _value(question: str, calculator: str) -> Any:
    kind, name, arguments = _routed(question)
    assert (kind, name) == ("calculator", calculator), (kind, name, arguments)
    return CALCULATORS[calculator].run(**arguments).value


@pytest.mark.parametrize(
    ("question", "calculator", "points"),
    [
        (
            "Formateur interne : une action de deux mois et demi à partir du 1er mars 2026, combien de points ?",
            "trainer_bonus",
            21,
        ),
        ("J'ai animé une formation pendant trois mois et demi dès le 2 février 2026 : ma prime ?", "trainer_bonus", 28),
        (
            "Tutrice pendant un an et demi à partir du 1er janvier 2025 : combien de points de prime ?",
            "tutor_bonus",
            126,
        ),
    ],
)
def test_a_half_month_is_a_month_begun(question: str, calculator: str, points: int) -> None:
    """Protocole art. 4.3: "il correspond à 7 points par mois, complet ou non"; avenant art. 3 (art. 9.3): "7 points
    par mois pour chaque action de formation": the half month begun counts as a month, never rounded down."""
    assert _value(question, calculator) == points


@pytest.mark.parametrize(
    "question",
    [
        "Je suis tuteur depuis le 15 septembre 2025. La mission s'est arrêtée le 14 mars 2026. Combien de points ?",
        "Tutrice depuis le 15 septembre 2025 ; le tutorat a pris fin le 14 mars 2026. Ma prime ?",
        "J'accompagne un alternant depuis le 15 septembre 2025. Son contrat a cessé le 14 mars 2026. Ma prime ?",
    ],
)
def test_an_end_said_in_its_own_sentence_closes_the_mission(question: str) -> None:
    """15 September 2025 to 14 March 2026: six months begun, 42 points (art. 4.3), not a mission running to today."""
    assert _value(question, "tutor_bonus") == 42


def test_round_figures_with_an_adjective_of_at_least() -> None:
    assert spell_digits("une bonne quinzaine d'années") == "15 années"
    assert spell_digits("une grosse vingtaine de mois") == "20 mois"
    assert spell_digits("une belle dizaine d'années") == "10 années"
    # "une petite dizaine" says fewer than ten: left in words, so the figure is asked rather than overstated
    assert spell_digits("une petite dizaine de mois") == "une petite dizaine de mois"


@pytest.mark.parametrize(
    "question",
    [
        "Ça fait une bonne quinzaine d'années que je suis en CDI dans mon organisme : ai-je droit à l'absence CEP ?",
        "Cela fait six ans que je suis salariée en CDI à la caisse, puis-je avoir la demi-journée pour un CEP ?",
        "Voilà 8 ans que je travaille en CDI dans cette CPAM : absence pour un conseil en évolution professionnelle ?",
    ],
)
def test_time_in_the_organisation_said_with_ca_fait(question: str) -> None:
    """Art. 5: "tout salarié en CDI qui justifie d'une ancienneté d'au moins 5 années passées en qualité de salarié
    dont 12 mois au sein de l'organisme": five years or more in the organisation decide alone."""
    kind, name, arguments = _routed(question)
    assert (kind, name) == ("calculator", "cep_absence")
    assert arguments["months_in_organisation"] >= 60
    assert CALCULATORS["cep_absence"].run(**arguments).details.get("eligible", True) is not False


@pytest.mark.parametrize(
    ("question", "end"),
    [
        (
            "Une Pro-A pour une qualification reconnue par la branche démarre le lundi 4 janvier 2027. Jusqu'à quelle "
            "date au plus ?",
            "2029-01-03",
        ),
        ("Pro-A de 10 mois qui commence le 1er mars 2027 : à quelle date se termine-t-elle ?", "2027-12-31"),
        ("Bénéficiaire du RSA, ma Pro-A débute le 2 février 2027 : jusqu'à quel jour au maximum ?", "2030-02-01"),
    ],
)
def test_the_last_day_of_a_dated_pro_a(question: str, end: str) -> None:
    """Art. 2.4: "Le dispositif Pro-A s'étend sur une durée comprise entre 6 et 12 mois", "jusqu'à 24 mois" for a
    qualification the branch recognises, "jusqu'à 36 mois" for the RSA: the start plus the length, less a day."""
    kind, name, arguments = _routed(question)
    assert (kind, name) == ("calculator", "pro_a_duration")
    result = CALCULATORS["pro_a_duration"].run(**arguments)
    assert result.details["end"] == date.fromisoformat(end)


@pytest.mark.parametrize(
    ("question", "points"),
    [
        ("Tutrice de Léa et de Yanis, chacun du 1er janvier au 30 juin 2026 : combien de points au total ?", 84),
        ("Je suis tuteur d'Inès et d'Hugo, tous les deux du 1er septembre 2025 au 28 février 2026 : ma prime ?", 84),
        ("Tuteur de Paul, Zoé et Inès, chacun du 1er janvier au 31 mars 2026 : combien de points ?", 63),
    ],
)
def test_trainees_named_together_over_one_dated_mission(question: str, points: int) -> None:
    """Art. 4.3 counts 7 points per month of each mission, and art. 4.2 lets a tutor accompany "au maximum, 3
    salariés": the mission dated once is each named trainee's."""
    assert _value(question, "tutor_bonus") == points


@pytest.mark.parametrize(
    ("question", "points"),
    [
        (
            "Quatre agents, formateurs internes, animent chacun une action en mars 2027 : combien de points en tout ?",
            28,
        ),
        ("Nos 3 formatrices occasionnelles ont chacune animé une action du 1er au 30 avril 2026 : total ?", 21),
        (
            "Chacun de nos 5 collègues a animé deux actions en mai 2026 comme formateur interne : combien de points ?",
            70,
        ),
    ],
)
def test_several_trainers_each_with_their_actions(question: str, points: int) -> None:
    """Avenant art. 3: "Le montant de la prime est fixé à 7 points par mois pour chaque action de formation": each
    trainer's action counts."""
    assert _value(question, "trainer_bonus") == points


@pytest.mark.parametrize(
    "text",
    [
        "14 et 12 en contrôle continu, 8 à l'écrit",
        "contrôle continu 14 et 12, écrit 8",
        "j'ai eu 14 et 12 au contrôle continu, 8 à l'écrit",
    ],
)
def test_two_grades_under_the_continuous_heading_in_the_singular(text: str) -> None:
    """Circulaire V's table lists "Contrôles continus / - Tronc commun /20 / - Option /20" in that order."""
    assert parse_grades(text) == {"continuous_common": 14, "continuous_option": 12, "written": 8}


@pytest.mark.parametrize(
    "question",
    [
        "Ma formation durera trois ans : la Pro-A peut-elle être combinée avec un autre dispositif ?",
        "Mon école dure 30 mois, peut-on articuler la Pro-A avec d'autres dispositifs ?",
        "Dans quelles villes les sessions Prem'ss ont-elles eu lieu en 2013 ?",
        "L'avenant du 11 octobre 2022 paie la prime de formateur depuis le 1er janvier 2022 : comment un texte "
        "peut-il payer des mois passés ?",
    ],
)
def test_the_texts_answer_how_schemes_combine_where_and_how_a_text_can(question: str) -> None:
    assert _routed(question)[0] == "retrieval"


@pytest.mark.parametrize(
    ("question", "hours"),
    [
        ("En 2013, Pass déjà pris en charge, quel financement pour le Prem'ss seul à 12 €/h ?", 61),
        ("Prise en charge 2013 à 12 €/h de la partie commune hors Pass : combien ?", 61),
        ("En 2013, combien l'OPCA finançait-il pour le Pass uniquement, à 12 €/h ?", 40),
        # both parts named: the whole common part, the year being the funding's
        ("En 2013, à 12 € de l'heure, combien l'OPCA prenait-il en charge pour Pass et Prem'ss ?", 101),
    ],
)
def test_one_part_of_the_common_path_funded(question: str, hours: int) -> None:
    """Circulaire IX: the teaching, tutored and assessment hours "peuvent être prise en charge (dans la limite des
    durées maximales fixées nationalement), à raison de 12 €/h pour l'année 2013"; Pass 40 h, PREM'SS 61 h. A year
    said alone is the funding year, never the first day of PREM'SS."""
    kind, name, arguments = _routed(question)
    assert (kind, name) == ("calculator", "training_path_hours")
    assert arguments["hours"] == hours
    assert "first_premss_day" not in arguments


@pytest.mark.parametrize(
    ("question", "hours"),
    [
        # each part's hours in brackets after its name: one list of parts, not the first figure alone
        ("En 2013 à 12 €/h : Pass (40 h) et Prem'ss (46 h de cours, 14 h de tutorat, 1 h d'examen) ?", 101),
        ("Financement 2013 au tarif de 12 €/h : Pass (40 h) + Prem'ss (61 h), ça fait combien ?", 101),
        # the path named, no part: the common part at the national maximum durations
        ("Pour le parcours CQP GC, la prise en charge en 2013 c'était combien de l'heure ?", 101),
    ],
)
def test_the_common_path_funding_read_whole(question: str, hours: int) -> None:
    """Circulaire IX: the hours "peuvent être prise en charge (dans la limite des durées maximales fixées
    nationalement), à raison de 12 €/h pour l'année 2013"; Pass 40 h, PREM'SS 61 h (46 + 14 + 1)."""
    kind, name, arguments = _routed(question)
    assert (kind, name) == ("calculator", "training_path_hours"), (kind, name, arguments)
    assert arguments["hours"] == hours


@pytest.mark.parametrize(
    "question",
    [
        "Combien d'heures d'applications tutorées Prem'ss l'OPCA pouvait-il prendre en charge ?",
        "Quel nombre d'heures de Pass était pris en charge dans le parcours ?",
        "Pour le parcours, combien d'heures d'évaluation Prem'ss étaient financées ?",
    ],
)
def test_hours_asked_of_the_funding_are_the_texts_durations(question: str) -> None:
    """Circulaire IX "précise les durées de prise en charge maximales correspondant : – aux durées d'enseignement …
    soit 40 heures pour Pass, 46 heures pour Prem'ss": a number of hours asked is that sentence, not a sum in euros."""
    assert _routed(question)[1] != "training_path_hours"


@pytest.mark.parametrize(
    ("text", "threatened"),
    [
        ("aucun poste menacé", False),
        ("poste non menacé", False),
        ("pas de menace sur mon emploi", False),
        ("mon poste n'est pas menacé", False),
        ("mon emploi est menacé par la dématérialisation", True),
    ],
)
def test_a_threat_denied(text: str, threatened: bool) -> None:
    """Art. 7 (avenant art. 2): 48 hours "pour les agents dont l'emploi est menacé"; a denied threat is no threat."""
    assert parse_job_threatened(text) is threatened


@pytest.mark.parametrize(
    "question",
    [
        "Titulaire d'une licence, dois-je passer par une validation des acquis professionnels pour entrer en master ?",
        "La VAP permet-elle d'entrer en master avec un bac+3 ?",
        "J'ai un BTS : une VAPP me permettrait-elle d'accéder au master ?",
    ],
)
def test_the_vap_is_not_the_vae_leave(question: str) -> None:
    """The VAE leave of art. 7 is for "la validation des acquis de l'expérience"; the VAP is another scheme."""
    assert _routed(question)[1] != "vae_leave"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("de la fête du Travail au 14 juillet 2026", "du 1er mai au 14 juillet 2026"),
        ("le lendemain du 14 juillet 2025", "le 15 juillet 2025"),
        ("jusqu'à la Toussaint 2026", "jusqu'au 1er novembre 2026"),
        ("la veille du 1er janvier 2027", "le 31 décembre 2026"),
        ("le jour de Noël 2025", "le 25 décembre 2025"),
        # a movable holiday is computed for its year (calc20: Easter 2026 is 5 April)
        ("le lundi de Pâques 2026", "le 6 avril 2026"),
    ],
)
def test_days_named_by_the_calendar(text: str, written: str) -> None:
    assert name_days(text, TODAY) == written


def test_a_mission_dated_by_holidays() -> None:
    """1 May to 14 July 2026: three months begun, 21 points (art. 4.3: "7 points par mois, complet ou non")."""
    question = "Tutrice d'un alternant de la fête du Travail au 14 juillet 2026 : combien de points ?"
    assert _value(question, "tutor_bonus") == 21


@pytest.mark.parametrize(
    ("question", "points"),
    [
        # the people served by the action, not trainers: one action, 7 points
        (
            "3 salariés ont chacun suivi une formation que j'ai animée du 1er au 31 mars 2026 comme formateur interne"
            " : combien de points ?",
            7,
        ),
        ("Deux agents ont chacun été formés par moi, formateur interne, sur une action en mars 2026 : ma prime ?", 7),
        # colleagues who tutor are the missions' count already: 3 × 6 months × 7, not three times that
        (
            "Mes 3 collègues ont chacun accompagné un alternant du 1er janvier au 30 juin 2026 comme tuteurs : total ?",
            126,
        ),
    ],
)
def test_people_served_are_not_counted_as_trainers(question: str, points: int) -> None:
    calculator = "trainer_bonus" if "formateur" in question else "tutor_bonus"
    assert _value(question, calculator) == points


def test_several_tutors_counted_by_their_role() -> None:
    """Art. 4.3: "au maximum à 252 points par année civile et par tuteur": each of the tutors counted has the cap."""
    question = "Nos 4 tuteurs ont chacun accompagné 2 alternants du 1er janvier au 31 décembre 2025 : total ?"
    kind, name, arguments = _routed(question)
    assert (kind, name, arguments.get("tutors")) == ("calculator", "tutor_bonus", 4)
    assert CALCULATORS["tutor_bonus"].run(**arguments).value == 672
