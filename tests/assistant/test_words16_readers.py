"""The calculators read the user's facts as they are written (issue #13 p1, words16).

Each reader is tested on the rule it feeds, the article's sentence quoted; the wordings are written for these
tests (none from the eval sets):

* numbers in words to the millions, "et demi" after a scale, round figures ("une quinzaine de"): the payroll of
  art. 9 ("une contribution conventionnelle supplémentaire … correspondant à 0,15 % de leur masse salariale
  brute");
* a length said of several people ("X et Y chacun douze mois"), a trainee added by an ordinal ("une troisième
  pendant dix mois"), a length anchored on the date it ends ("si je termine en mars 2028 une mission de quatre
  mois"): art. 4.3 ("il correspond à 7 points par mois, complet ou non", "au maximum à 252 points par année
  civile et par tuteur");
* an assisted contract described as ending is a fixed-term CUI: art. 2.3 ("les salariés bénéficiaires d'un
  contrat unique d'insertion à durée indéterminée");
* a claim reported inside a quotation ("« ils m'ont dit que la Pro-A dure 5 ans »") is no fact of the case;
* a question asking how many people a tutor may take is art. 4.2's cap ("chaque tuteur accompagne, au
  maximum, 3 salariés"), not a bonus to compute.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.calculator_inputs.amounts import plan_contribution
from assistant.routing.calculator_inputs.facts import read_facts
from assistant.routing.extraction.folding import fold
from assistant.routing.extraction.quantities import parse_money
from assistant.routing.extraction.situation import parse_contract
from assistant.routing.extraction.spelled import spell_digits
from assistant.routing.router import route
from calculators.registry import CALCULATORS

TODAY = date(2026, 11, 29)


def _facts(text: str):  # type: ignore[no-untyped-def]
    return read_facts(text, fold(text), TODAY)


@pytest.mark.parametrize(
    ("written", "digits"),
    [
        ("trente et un millions quatre cent mille euros", "31400000 euros"),
        ("neuf millions six cent mille euros", "9600000 euros"),
        ("un million deux cent mille euros", "1200000 euros"),
        ("deux milliards trois cents millions", "2300000000"),
        ("deux millions et demi d'euros", "2500000 d'euros"),
        ("une quinzaine de millions d'euros", "15 millions d'euros"),
        ("une dizaine de jours", "10 jours"),
        ("1,2 million", "1,2 million"),  # a scale after digits is left to the amount readers
        ("deux mille vingt-sept", "2027"),
    ],
)
def test_numbers_in_words_to_the_milliards(written: str, digits: str) -> None:
    assert spell_digits(written) == digits


@pytest.mark.parametrize(
    ("question", "payroll", "contribution"),
    [
        ("Masse salariale brute de douze millions huit cent mille euros : quelle contribution ?", 12_800_000, 19_200),
        (
            "Notre masse salariale brute : cinq millions deux cent cinquante mille euros. Contribution ?",
            5_250_000,
            7_875,
        ),
        ("Avec deux millions et demi d'euros de masse salariale, combien de contribution ?", 2_500_000, 3_750),
        ("Une masse salariale d'une quinzaine de millions d'euros donne quelle contribution ?", 15_000_000, 22_500),
    ],
)
def test_payroll_in_words_is_read_whole(question: str, payroll: int, contribution: int) -> None:
    """Art. 9: "une contribution conventionnelle supplémentaire des organismes du régime général correspondant à
    0,15 % de leur masse salariale brute" — on the whole payroll written, never the millions alone."""
    plan = plan_contribution(_facts(question))
    assert plan is not None and plan.arguments["payroll"] == payroll
    assert CALCULATORS["supplementary_contribution"].run(payroll=payroll).value == contribution


def test_money_reads_half_after_a_scale_in_digits() -> None:
    assert [m.amount for m in parse_money("2 millions et demi")] == [2_500_000]


def _points(question: str) -> int:
    decision = route(question, TODAY)
    assert decision.calculator == "tutor_bonus", decision
    result = CALCULATORS["tutor_bonus"].run(**decision.arguments)
    return int(result.value or 0)


@pytest.mark.parametrize(
    ("question", "points"),
    [
        # 2 × 12 × 7 + 8 × 7
        (
            "En 2026, j'ai accompagné Inès et Malik chacun douze mois et Théo huit mois : "
            "combien de points de prime de tuteur ?",
            224,
        ),
        (
            "En 2026, Léa et Hugo ont chacun été tutorés par moi pendant six mois : "
            "combien de points de prime de tutorat ?",
            84,
        ),
        # 2 × 12 × 7 + 10 × 7
        (
            "Je suis tutrice de deux apprenties en 2026, chacune sur l'année complète, et d'une troisième pendant "
            "dix mois : quelle prime en points ?",
            238,
        ),
        ("Si je termine en mars 2028 une mission de tutorat de quatre mois, combien de points ?", 28),
        ("Une mission de tutorat de six mois qui s'achèvera fin juin 2027 rapporte combien de points ?", 42),
        ("Tutorat d'un an et demi commencé le 1er janvier 2026 : combien de points au total ?", 126),
    ],
)
def test_tutor_missions_as_written(question: str, points: int) -> None:
    """Art. 4.3: "il correspond à 7 points par mois, complet ou non" and "la prime peut atteindre un montant
    correspondant au maximum à 252 points par année civile et par tuteur" — each person and each length as said."""
    assert _points(question) == points


def test_mission_ending_on_a_month_runs_up_to_it() -> None:
    decision = route("En mars 2028, si je termine une mission de tutorat de quatre mois, combien de points ?", TODAY)
    [mission] = decision.arguments["missions"]
    assert (mission["start"], mission["end"]) == (date(2027, 12, 1), date(2028, 3, 31))


@pytest.mark.parametrize(
    ("text", "contract"),
    [
        ("Embauchée par un contrat aidé d'insertion qui s'arrête dans six mois", "CUI-CDD"),
        ("Je suis en contrat unique d'insertion qui se termine en juin 2027", "CUI-CDD"),
        ("En CUI-CAE de 12 mois", "CUI-CDD"),
        ("En contrat aidé à durée indéterminée", "CUI-CDI"),
        ("Je suis en CUI", "CUI"),
    ],
)
def test_assisted_contract_described(text: str, contract: str) -> None:
    assert parse_contract(text) == contract


def test_fixed_term_cui_is_not_eligible_to_pro_a() -> None:
    """Art. 2.3: "La Pro-A concerne les salariés en contrat à durée indéterminée et les salariés bénéficiaires
    d'un contrat unique d'insertion à durée indéterminée"."""
    decision = route(
        "Recrutée en contrat aidé d'insertion qui finit dans dix mois : la Pro-A m'est-elle ouverte ?", TODAY
    )
    assert decision.calculator == "pro_a_eligibility" and decision.arguments["contract"] == "CUI-CDD"
    assert CALCULATORS["pro_a_eligibility"].run(**decision.arguments).eligible is False


def test_reported_claim_in_a_quotation_is_no_fact() -> None:
    """The figure of « on m'a affirmé que la Pro-A dure 4 ans » is the claim to check (art. 2.4: "Le dispositif
    Pro-A s'étend sur une durée comprise entre 6 et 12 mois"), not the length of the user's Pro-A."""
    decision = route(
        "Sur un forum : « on m'a affirmé que la Pro-A dure 4 ans au moins ». En vrai, combien dure une Pro-A ?", TODAY
    )
    assert decision.arguments.get("months") != 48


@pytest.mark.parametrize(
    "question",
    [
        "Ma collègue est déjà tutrice de deux apprentis ; on lui en propose un autre : combien peut-elle en accepter ?",
        "Je suis tuteur d'un alternant : combien de salariés puis-je encore accompagner ?",
    ],
)
def test_people_asked_is_not_a_bonus(question: str) -> None:
    """Art. 4.2: "chaque tuteur accompagne, au maximum, 3 salariés" — a number of people asked, not points."""
    decision = route(question, TODAY)
    assert not (decision.calculator == "tutor_bonus" and decision.missing == ["missions"])


@pytest.mark.parametrize(
    "question",
    [
        "J'ai une licence pro : une promotion en alternance m'est-elle ouverte ?",
        "En CDI avec un CAP, ai-je droit à une reconversion en alternance ?",
    ],
)
def test_pro_a_named_by_its_phrase_with_en(question: str) -> None:
    """Art. 2.1: "Le contrat de travail du salarié fait l'objet d'un avenant qui précise la durée et l'objet de la
    reconversion ou de la promotion par alternance" — "en alternance" names the same scheme."""
    assert route(question, TODAY).calculator == "pro_a_eligibility"
