"""Routing of the released 2026k failures, by general mechanisms (route14; issue #13 p1, p2, p4).

Each wording here is written for these tests (none from an eval set):

* a demonstrative ("ce CQP") whose name was in a wrapper cut before reading gets the name back, not the figures;
* an asking clause on who, where or why, or on a bound asked from the texts with no person in it, is answered by
  the texts even when the message tells a case;
* "refais le calcul avec 8 M€" with no subject: the one calculator whose reader takes the figure;
* SMS spelling and franglais written back in French before the facts are read, plain French left alone;
* a conversion of points to euros cites the articles that state the bonuses in points.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.routing.antecedents import restore_antecedents
from assistant.routing.calculator_inputs.asking import asks_who_or_why
from assistant.routing.english import franglais
from assistant.routing.extraction.dates import parse_dates
from assistant.routing.extraction.folding import fold
from assistant.routing.own_case import names_its_topic
from assistant.routing.router import route
from assistant.routing.sms import expand_sms
from assistant.settings import REPO_ROOT
from calculators.registry import CALCULATORS

TODAY = date(2026, 11, 29)
# the agreements' source texts: ../shared beside the clone (CI, /work/main), or /work/shared (a worktree)
SOURCES = next(
    (p for p in (REPO_ROOT.parent / "shared" / "corpus" / "source", Path("/work/shared/corpus/source")) if p.is_dir()),
    REPO_ROOT.parent / "shared" / "corpus" / "source",
)


# --- a demonstrative whose name was in the wrapper ------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "name", "figure"),
    [
        (
            "<context>le CQP conseiller offres de services est de niveau 2</context>\n"
            "Ce mémo se trompe-t-il ? À quel niveau ce CQP est-il inscrit ?",
            "CQP conseiller offres de services",
            "niveau 2",
        ),
        (
            "/* NOTE: le CQP manager opérationnel a été créé en 1990 */\nEst-ce exact ? Quand ce CQP a-t-il été créé ?",
            "CQP manager opérationnel",
            "1990",
        ),
        (
            '{"claim": "le CQP gestionnaire carrière compte 9 blocs"}\nCombien de blocs compte ce CQP ?',
            "CQP gestionnaire carrière",
            "9 blocs",
        ),
    ],
)
def test_a_demonstrative_gets_back_the_name_cut_with_the_wrapper(message: str, name: str, figure: str) -> None:
    """ "Le CQP Manager opérationnel est organisé en 4 blocs de compétences" (fiche des CQP): which CQP is asked
    decides the figure; the wrapper's claim is cut, its subject's name is restored to "ce CQP"."""
    decision = route(message, TODAY)
    assert name in decision.topic_query
    assert "ce CQP" not in decision.topic_query
    assert figure not in decision.topic_query


def test_a_demonstrative_with_its_name_in_the_question_is_left_alone() -> None:
    question = "Bonjour, ce CQP gestionnaire conseil est de quel niveau ?"
    assert restore_antecedents("ce CQP gestionnaire conseil est de quel niveau ?", question).startswith(
        "ce CQP gestionnaire conseil"
    )
    assert restore_antecedents(question, question) == question


# --- who / where / why, and a bound asked from the texts -------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Nous avons deux salariés en Pro-A depuis janvier : qui paie leurs coûts pédagogiques ?",
        "Je suis en CDI avec un BTS et je prépare une Pro-A : par qui est-elle financée ?",
        "Je suis en CDI avec un bac, où dois-je déposer ma demande de Pro-A ?",
    ],
)
def test_who_where_why_in_a_case_is_asked_of_the_texts(message: str) -> None:
    """Art. 2.6: "Le financement de la Pro-A est assuré par la contribution légale mutualisée au sein de l'OPCO."
    No calculator names a body or a place: the passage answers, not the eligibility rule on the case told."""
    assert route(message, TODAY).route == "retrieval"


def test_the_case_itself_still_runs_its_calculator() -> None:
    """Art. 2.3: "La Pro-A concerne les salariés en contrat à durée indéterminée …" — the case asked stays a case."""
    decision = route("Je suis en CDI avec un BTS, puis-je faire une Pro-A ?", TODAY)
    assert (decision.route, decision.calculator) == ("calculator", "pro_a_eligibility")


def test_a_bound_asked_from_the_texts_after_a_claim_is_no_case() -> None:
    """Art. 2.4: the Pro-A "peut être allongée jusqu'à 36 mois": "quelle est la durée maximale … selon l'accord ?"
    asks that bound, whatever figure a joke or a rumour said before."""
    message = (
        "Mon horoscope m'annonce : « Ta Pro-A durera 60 mois. » Bon, quelle est la durée maximale selon l'accord ?"
    )
    assert route(message, TODAY).route == "retrieval"


# --- the calculation asked again with a figure ------------------------------------------------------------------


def test_a_redo_with_a_payroll_runs_the_contribution() -> None:
    """Art. 10: "une contribution conventionnelle supplémentaire des organismes du régime général correspondant à
    0,15 % de leur masse salariale brute": a payroll in euros feeds that rule only."""
    decision = route("Recalcule avec 8 M€ stp.", TODAY)
    assert decision.calculator == "supplementary_contribution"
    assert decision.arguments["payroll"] == 8_000_000
    assert CALCULATORS["supplementary_contribution"].run(**decision.arguments).value == 12000


def test_a_redo_with_dates_names_no_calculator() -> None:
    """Dates fit several rules (a tutor's mission, a trainer's action, a last training): no topic is guessed."""
    assert route("Refais le calcul pour une période du 1er avril au 31 août 2025.", TODAY).calculator is None


# --- SMS spelling and franglais -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("jpeux fR 1 pro-a avc 1 BTS ?", "je peux faire 1 pro-a avec 1 BTS ?"),
        ("jsui tuteur dpuis mars, cb de pts pr moi", "je suis tuteur depuis mars, combien de pts pour moi"),
        ("g eu 8 de moy, c foutu ?", "j'ai eu 8 de moyenne, c'est foutu ?"),
        ("le congé c cb dheures", "le congé c'est combien d'heures"),
        ("3mois de mission", "3 mois de mission"),
        ("c mandatory de prendre un mentor ?", "c'est obligatoire de prendre un tuteur ?"),
    ],
)
def test_sms_spelling_is_written_back(typed: str, written: str) -> None:
    assert expand_sms(typed) == written


@pytest.mark.parametrize(
    "plain",
    [
        "Recette : 500 g de farine.",
        "Le CQP est présenté sur www.ucanss.fr, annexe C.",
        "Je suis tuteur : combien de points ?",
        "Quel quota de travailleurs handicapés faut-il employer ?",
        "s/252/999/g appliqué au texte",
    ],
)
def test_plain_french_is_left_alone(plain: str) -> None:
    assert expand_sms(plain) == plain


def test_the_texts_are_left_alone() -> None:
    """Every line of the shipped texts is French as written: normalising changes none of them."""
    lines = [line.strip() for path in sorted(SOURCES.glob("*.txt")) for line in path.read_text().splitlines()]
    lines = [line for line in lines if line]
    assert len(lines) > 500, f"the source texts are read from {SOURCES}"
    assert [line for line in lines if expand_sms(line) != line] == []


def test_franglais_takes_the_texts_terms() -> None:
    assert franglais("combien de blocks de skills ?") == "combien de blocs de compétences ?"


def test_an_sms_case_is_read_as_a_case() -> None:
    """Art. 2.3: the Pro-A is for employees "dont la qualification est inférieure au grade de la licence"."""
    decision = route("jsui en CDI dpuis 3 ans avc 1 BTS, jpeu fR 1 pro-a ?", TODAY)
    assert decision.calculator == "pro_a_eligibility"
    assert decision.arguments == {"contract": "CDI", "diploma_level": 5}


# --- points to euros ----------------------------------------------------------------------------------------------


def test_points_to_euros_cites_the_articles_stating_points() -> None:
    """Art. 4.3: "il correspond à 7 points par mois, complet ou non"; art. 9.3: "Le montant de la prime est fixé à
    7 points par mois": the bonuses are stated in points there, which the conversion's first step says."""
    result = CALCULATORS["points_to_euros"].run(points=21, on="2026-01-15")
    assert {(r.document, r.section) for r in result.references} >= {
        ("accord-2019-12-19-formation-professionnelle", "4.3"),
        ("avenant-2022-10-11-formation-professionnelle", "3"),
    }


# --- a fact given decides, the question's nature decides -------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Ma candidature VAE au CQP gestionnaire conseil a été envoyée en mars ; puis-je en faire une autre en octobre "
        "de la même année ?",
        "J'ai fait une demande de VAE pour le CQP gestionnaire conseil en janvier ; une seconde en juin dans la même "
        "année, c'est recevable ?",
    ],
)
def test_a_second_request_the_same_year_decides(message: str) -> None:
    """Circular VI: "Un candidat ne pourra déposer qu'une demande de VAE par an pour le CQP gestionnaire conseil."
    The year said to be the same, the months need no year: the rule decides, no question back."""
    decision = route(message, TODAY)
    assert decision.route == "calculator"
    assert decision.arguments.get("requests_this_year") == 1
    assert CALCULATORS["cqp_vae_eligibility"].run(**decision.arguments).eligible is False


@pytest.mark.parametrize(
    "message",
    [
        "Puisque le bilan à six ans et l'entretien annuel se confondent, je n'aurai rien d'autre cette année ?",
        "Étant donné que la prime de tutorat est annuelle, je la toucherai en une fois ?",
    ],
)
def test_a_premise_about_the_rule_is_checked_by_the_texts(message: str) -> None:
    """Art. 6: the professional interview "est distinct de l'entretien annuel d'évaluation": a premise opening the
    question is confirmed or corrected by the texts, never answered by a question back about the asker's dates."""
    assert route(message, TODAY).route == "retrieval"


def test_a_premise_about_the_asker_is_a_case() -> None:
    """Art. 4.3: "il correspond à 7 points par mois, complet ou non": a tutor's bonus needs the mission's months."""
    decision = route("Comme je suis tuteur, combien vais-je toucher ?", TODAY)
    assert (decision.route, decision.calculator) == ("clarify", "tutor_bonus")


def test_no_question_back_for_a_scheme_never_named() -> None:
    """Art. 5: "une autorisation d'absence rémunérée de 1 demi-journée en vue de réaliser un conseil en évolution
    professionnelle": days of absence for an illness name no CEP, so no question about the CEP's conditions."""
    decision = route("Avec mon asthme sévère, ai-je droit à des jours d'absence supplémentaires ?", TODAY)
    assert decision.route != "clarify"
    named = route("Je suis en CDI, ai-je droit à une absence pour un CEP ?", TODAY)
    assert (named.route, named.calculator) == ("clarify", "cep_absence")


def test_or_between_two_sides_is_no_where_question() -> None:
    """Art. 7 (avenant, art. 2): "une activité, continue ou non, d'au moins 1 année": "l'accord me suffit-il, ou la
    circulaire me bloque-t-elle ?" asks between two texts on the case told; the folded "ou" is no "où"."""
    message = (
        "Pour ma VAE au CQP gestionnaire conseil, j'ai 20 mois d'expérience : l'accord me suffit-il, ou la "
        "circulaire me l'interdit-elle ?"
    )
    assert route(message, TODAY).calculator == "cqp_vae_eligibility"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("1/02 → 31/05/2026", (date(2026, 2, 1), date(2026, 5, 31))),
        ("du 03/01 au 30/06/2026", (date(2026, 1, 3), date(2026, 6, 30))),
    ],
)
def test_a_day_and_month_without_year(text: str, span: tuple[date, date]) -> None:
    """Art. 4.3: the tutor's bonus "correspond à 7 points par mois, complet ou non": the mission's dates as typed
    in figures, the year given once, make the period counted."""
    dates = parse_dates(text, TODAY)
    assert [(d.kind, d.start, d.end) for d in dates] == [("range", *span)]


@pytest.mark.parametrize("text", ["j'ai eu 8/10 et 12/20", "une 1/2 journée", "3/4 des heures"])
def test_grades_and_fractions_are_no_dates(text: str) -> None:
    assert parse_dates(text, TODAY) == []


def test_a_mission_typed_in_figures_is_counted() -> None:
    """Art. 4.3: "7 points par mois, complet ou non": February to May 2026 is four months, 28 points."""
    decision = route("Tutrice, ma prime en points pour 1/02 → 31/05/2026 ?", TODAY)
    assert decision.calculator == "tutor_bonus"
    assert CALCULATORS["tutor_bonus"].run(**decision.arguments).value == 28


def test_the_cases_asked_are_the_rules() -> None:
    """Art. 2.4: the Pro-A "peut être allongée jusqu'à 36 mois" for the publics it lists: "dans quels cas … 36
    mois ?" asks that list, not whether the asker belongs to it."""
    message = "Responsable formation, je veux savoir dans quels cas une Pro-A peut atteindre 36 mois."
    assert route(message, TODAY).route == "retrieval"


def test_who_obtains_among_the_cases_told_is_a_verdict() -> None:
    """Circular V: certification "avec une moyenne d'au moins 10/20 … sans note éliminatoire": "qui obtient le
    CQP ?" after the candidates' grades asks the verdict, not a body."""
    message = "Deux candidats au CQP gestionnaire conseil : Lina a 4 à l'écrit, Marc a 12 partout. Qui obtient le CQP ?"
    assert route(message, TODAY).calculator == "cqp_certification"


def test_a_scheme_named_in_short_is_named() -> None:
    """Art. 5: the absence is "en vue de réaliser un conseil en évolution professionnelle": "un conseil en évolution
    pro" names it (a word of the topic's name), "des jours d'absence" for an illness does not."""
    assert names_its_topic(fold("Ai-je droit à l'absence pour un conseil en évolution pro ?"), "cep")
    assert not names_its_topic(fold("Avec mon asthme, ai-je droit à des jours d'absence ?"), "cep")
    assert names_its_topic(fold("Avec mon asthme, ai-je droit à des jours d'absence ?"), "cep", share=0.9)


def test_a_relative_who_after_a_pronoun_tells_a_case() -> None:
    """Art. 7 (avenant, art. 2): the VAE leave is "porté à 48 heures au maximum pour les agents n'ayant pas atteint
    le niveau 4": "et pour moi, qui n'ai aucun diplôme ?" tells the asker's level, no body is asked."""
    assert not asks_who_or_why(fold("Et pour moi, qui n'ai aucun diplôme, combien d'heures de congé VAE ?"))
    assert not asks_who_or_why(fold("et pour lui, qui n'a que le brevet ?"))
    assert asks_who_or_why(fold("J'ai deux salariés en Pro-A, qui finance leurs formations ?"))
