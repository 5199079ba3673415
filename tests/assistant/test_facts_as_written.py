"""Decide with the facts as the user writes them, compute every bound asked (issue #13 point 1, calc11).

Each mechanism is read from the texts' own terms or the message's grammar, with three or more wordings written
for these tests (none from the eval sets):

* a contract described instead of named ("sans date de fin", "pour une durée illimitée", "mon contrat s'arrête
  en juin") is the one art. 2.3 and art. 5 name; a contract denied ("ni en CDI ni en CDD") is not held;
* a question back given before any fact leads with the rule's statement (the registry's description), so a
  tutor asking his bonus learns the rate;
* the user's own inputs named without their values ("mes notes", "mon ancienneté", "ma dernière formation")
  make a case to complete, asked back, while a question on how an input counts is the rule's;
* both bounds of art. 2.5 are computed; "peu qualifié" is art. 2.5's insufficient qualification;
* "aujourd'hui" in a clause asking who or what, naming nobody, dates the asking, not an event;
* a calculation whose best passage is the article it applies is answered, not refused.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from assistant.routing.calculator_inputs.certification import listed_parts
from assistant.routing.calculator_inputs.facts import read_facts, time_of_asking
from assistant.routing.calculator_inputs.own_inputs import TOPIC_RULES, input_heads, names_own_input
from assistant.routing.extraction.folding import fold
from assistant.routing.extraction.quantities import parse_durations
from assistant.routing.extraction.situation import parse_contract
from assistant.routing.router import route
from calculators.numbers import format_number
from calculators.pro_a import pro_a_training_hours
from calculators.registry import CALCULATORS
from calculators.result import CalcError

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("text", "contract"),
    [
        ("On m'a embauché sans date de fin, avec un BTS.", "CDI"),
        ("Recrutée pour une durée illimitée à la caisse.", "CDI"),
        ("Mon contrat n'a pas de terme prévu.", "CDI"),
        ("Mon contrat de travail n'est pas limité dans le temps.", "CDI"),
        ("Mon contrat se termine le 30 juin prochain.", "CDD"),
        ("J'ai signé pour une durée limitée de 8 mois.", "CDD"),
        ("Ni en CDI ni en CDD : je suis en CUI à durée indéterminée.", "CUI-CDI"),
    ],
)
def test_a_contract_described_is_the_one_the_articles_name(text: str, contract: str) -> None:
    """Art. 2.3: « La Pro-A concerne les salariés en contrat à durée indéterminée et les salariés bénéficiaires
    d'un contrat unique d'insertion à durée indéterminée » — a contract without an end is the first, one with an
    end date is a contract of fixed duration."""
    assert parse_contract(text) == contract


@pytest.mark.parametrize("text", ["Une mission de tutorat sans date de fin.", "Une formation de durée limitée."])
def test_a_length_described_without_a_contract_is_no_contract(text: str) -> None:
    assert parse_contract(text) is None


@pytest.mark.parametrize(
    ("question", "eligible"),
    [
        ("Embauchée sans date de fin de contrat, titulaire d'un BTS : la Pro-A m'est-elle ouverte ?", True),
        ("Recruté pour une durée illimitée, j'ai un CAP. Puis-je demander une Pro-A ?", True),
        ("Mon contrat finit en mars 2027, j'ai le bac : la Pro-A est-elle possible pour moi ?", False),
        ("Pas en CDI ni en CDD mais en CUI à durée indéterminée, bac pro en poche : Pro-A possible pour moi ?", True),
    ],
)
def test_the_pro_a_is_decided_on_a_described_contract(question: str, eligible: bool) -> None:
    """Art. 2.3: « Sont concernés, les salariés n'ayant pas atteint un niveau de qualification sanctionné par une
    certification professionnelle enregistrée au RNCP et correspondant au grade de la licence. »"""
    decision = route(question, TODAY)
    assert decision.route == "calculator" and decision.calculator == "pro_a_eligibility"
    result = CALCULATORS["pro_a_eligibility"].run(**decision.arguments)
    assert result.eligible is eligible


@pytest.mark.parametrize(
    ("question", "calculator"),
    [
        ("Je suis tuteur d'un apprenti, elle vaut combien ma prime ?", "tutor_bonus"),
        ("On m'a confié un alternant à encadrer : je vais toucher combien ?", "tutor_bonus"),
        ("Je donne des cours en interne en plus de mon travail de formateur : combien je vais percevoir ?", None),
    ],
)
def test_a_question_back_without_facts_leads_with_the_rate(question: str, calculator: str | None) -> None:
    """Art. 4.3: « il correspond à 7 points par mois, complet ou non » — the rate answers before any date."""
    decision = route(question, TODAY)
    if decision.route != "clarify":  # the rule answered by retrieval is also an answer with the rate
        assert decision.route == "retrieval"
        return
    assert calculator is None or decision.calculator == calculator
    assert decision.follow_up is not None and "7 points par mois" in decision.follow_up
    assert decision.follow_up.index("7 points") < decision.follow_up.index("?")


@pytest.mark.parametrize(
    ("question", "calculator"),
    [
        ("Mes notes me permettent-elles d'être certifié au CQP gestionnaire conseil ?", "cqp_certification"),
        ("Vu mes notes, est-ce que le CQP gestionnaire conseil est validé ?", "cqp_certification"),
        (
            "Mon ancienneté suffit-elle pour une absence en vue d'un conseil en évolution professionnelle ?",
            "cep_absence",
        ),
        ("Avec mon contrat, ai-je droit à l'absence pour un CEP ?", "cep_absence"),
        ("Compte tenu de ma dernière formation, la garantie individuelle s'applique-t-elle à moi ?", None),
    ],
)
def test_own_inputs_named_without_values_are_asked_back(question: str, calculator: str | None) -> None:
    """Art. 5: « tout salarié en CDI qui justifie d'une ancienneté d'au moins 5 années … dont 12 mois au sein de
    l'organisme » — whose seniority decides; named as the user's own but not given, it is asked for."""
    decision = route(question, TODAY)
    assert decision.route == "clarify"
    assert calculator is None or decision.calculator == calculator
    assert decision.missing


@pytest.mark.parametrize(
    "question",
    [
        "Ma note d'oral compte pour combien dans le CQP gestionnaire conseil ?",
        "Quel coefficient a ma note d'écrit au CQP gestionnaire conseil ?",
        "Comment mon ancienneté est-elle comptée pour l'absence CEP ?",
    ],
)
def test_how_an_own_input_counts_is_the_rules_question(question: str) -> None:
    """Circular, V: coefficients 1, 1, 3, 3 and 2 — how a grade counts is stated by the rule, for anyone."""
    assert route(question, TODAY).route != "clarify"


def test_every_rule_named_by_its_inputs_has_them_in_the_registry() -> None:
    """Property: each topic's rule decides with partial inputs, and each of its help texts gives a head noun
    that a possessive before it names as the user's own."""
    for calculator in set(TOPIC_RULES.values()):
        spec = CALCULATORS[calculator]
        assert spec.partial
        heads = input_heads(calculator)
        assert heads
        for head in heads:
            assert any(head in fold(p.help) for p in spec.params)
            assert names_own_input(f"est-ce que mon {head} suffit ?", calculator)
            assert not names_own_input(f"est-ce que le {head} suffit ?", calculator)


@pytest.mark.parametrize("total", [150, 800, 1000, 1234, 2000, 3000, 5000])
def test_both_bounds_of_the_pro_a_training_are_computed(total: int) -> None:
    """Art. 2.5: « d'une durée au moins égale à 15 % de la durée de la certification, sans être inférieure à 150
    heures. Cette durée peut être portée jusqu'à 70 % du total de la durée de l'action » — both bounds shown,
    with their operation, whether or not the public is named."""
    for extended in (False, True):
        result = pro_a_training_hours(total, extended_public=extended)
        minimum = max(Decimal(total) * Decimal("0.15"), Decimal(150))
        assert Decimal(str(result.value)) == minimum
        text = " ".join([result.summary, *result.steps, *result.warnings])
        assert (
            f"70 % de {format_number(total)} heures = {format_number(Decimal(total) * Decimal('0.7'))} heures" in text
        )


@pytest.mark.parametrize(
    "question",
    [
        "Une Pro-A de 1 200 heures pour une salariée peu qualifiée : combien d'heures de formation au plus ?",
        "Pour un agent pas assez qualifié, une Pro-A de 900 heures : quel maximum de formation ?",
        "Pro-A de 2 500 heures, collègue insuffisamment qualifié : plafond d'heures de formation ?",
    ],
)
def test_an_insufficient_qualification_said_with_the_adjective_is_the_extended_public(question: str) -> None:
    """Art. 2.5: « … pour les salariés visés à l'article L. 6325-1-1 et tous les salariés dont la qualification
    est insuffisante au regard des métiers institutionnels »."""
    decision = route(question, TODAY)
    assert decision.calculator == "pro_a_training_hours"
    assert decision.arguments.get("extended_public") is True


@pytest.mark.parametrize(
    ("question", "dropped"),
    [
        ("À qui s'adresser aujourd'hui pour financer un contrat de professionnalisation ?", True),
        ("Les textes ont changé : qui gère actuellement la contribution conventionnelle ?", True),
        ("Quel organisme finance à ce jour la Pro-A ?", True),
        ("J'ai obtenu ma certification aujourd'hui, quel salaire ?", False),
        ("Quel salaire si je suis certifié aujourd'hui ?", False),
        ("Aujourd'hui j'ai eu mon diplôme : à partir de quand le cadre conventionnel ?", False),
    ],
)
def test_today_in_a_clause_asking_who_dates_the_asking(question: str, dropped: bool) -> None:
    folded = fold(question)
    assert bool(time_of_asking(folded)) is dropped
    facts = read_facts(question, folded, TODAY)
    assert (TODAY not in [d.start for d in facts.dates]) is dropped


def test_a_rule_question_dated_today_is_not_a_calculation() -> None:
    for question in (
        "Vers quel organisme se tourner aujourd'hui pour la prise en charge d'un contrat pro ?",
        "Aujourd'hui, qui définit les taux de prise en charge du contrat de professionnalisation ?",
        "Qui finance actuellement les contrats de professionnalisation de la branche ?",
    ):
        assert route(question, TODAY).route == "retrieval", question


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "level"),
    [
        (
            "Nous prévoyons d'embaucher deux jeunes en contrat de professionnalisation sur des emplois de niveau 3 en "
            "avril 2027 : quel coefficient minimum retenir pour leur paie pendant la formation ?",
            "niveau 2",
        ),
        (
            "En septembre prochain nous recruterons en contrat pro un demandeur d'emploi pour un poste de niveau 5 : "
            "sur quelle base minimale le rémunérer durant la formation ?",
            "niveau 3",
        ),
        (
            "Budget 2027 : un contrat de professionnalisation visant un emploi de niveau 4, à quel coefficient "
            "minimal dois-je le payer pendant sa formation ?",
            "niveau 3",
        ),
    ],
)
def test_a_planning_question_with_facts_is_calculated(assistant: Any, question: str, level: str) -> None:
    """Art. 3.6: « les bénéficiaires d'un contrat de professionnalisation, visant une qualification relevant du
    niveau 3 de la classification des emplois, sont rémunérés, au minimum, sur la base du coefficient de
    qualification du niveau 2. Ceux visant des qualifications supérieures au niveau 3, … du niveau 3. »"""
    answer = assistant.ask(question, today=TODAY)
    assert answer.route == "calculator", answer.text
    assert level in answer.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "calculators", "figures"),
    [
        (
            "En CDI, titulaire d'un BEP, je vise le diplôme d'État d'éducateur spécialisé par la VAE : combien "
            "d'heures de congé pour la préparer, et ce diplôme figure-t-il sur la liste Pro-A ?",
            ["vae_leave", "pro_a_certification"],
            ["48 heures", "éducateur spécialisé"],
        ),
        (
            "Ce diplôme d'État d'infirmier est-il accessible en Pro-A ? Et combien d'heures de congé VAE pour un "
            "salarié qui a seulement le brevet ?",
            ["pro_a_certification", "vae_leave"],
            ["infirmier", "48 heures"],
        ),
        (
            "Salariée sans le bac, je veux passer le diplôme d'État d'aide-soignant en VAE : quel congé pour m'y "
            "préparer, et ce diplôme est-il ouvert à la Pro-A ?",
            ["vae_leave", "pro_a_certification"],
            ["48 heures", "aide-soignant"],
        ),
    ],
)
def test_two_clauses_two_calculators_both_computed(
    assistant: Any, question: str, calculators: list[str], figures: list[str]
) -> None:
    """Avenant art. 2: « Le congé pour préparer la validation des acquis de l'expérience (VAE) d'une durée de 24
    heures est augmenté pour les agents n'ayant pas atteint le niveau 4 … à 48 heures maximum. » and art. 2.2 /
    annexe 1: the list of certifications open to the Pro-A — two questions, two rules, both applied."""
    answer = assistant.ask(question, today=TODAY)
    assert answer.route == "calculator", answer.text
    assert sorted(c.name for c in answer.tool_calls) == sorted(calculators)
    for figure in figures:
        assert figure in answer.text


@pytest.mark.parametrize(
    ("question", "last", "as_of"),
    [
        (
            "Ma dernière formation s'est achevée en mai 2023 : la garantie individuelle joue-t-elle ? Et en "
            "septembre 2027, si je n'ai toujours rien suivi ?",
            date(2023, 5, 1),
            date(2027, 9, 1),
        ),
        (
            "Aucune formation depuis février 2024. Serai-je couvert par la garantie individuelle en mars 2028 ?",
            date(2024, 2, 1),
            date(2028, 3, 1),
        ),
        (
            "Dernière formation suivie en octobre 2022 ; l'année prochaine, en juin 2027, la garantie "
            "individuelle s'appliquera-t-elle ?",
            date(2022, 10, 1),
            date(2027, 6, 1),
        ),
    ],
)
def test_a_date_to_come_in_a_question_is_the_moment_asked(question: str, last: date, as_of: date) -> None:
    """Art. 8: « Le bénéfice d'une formation est ainsi garanti à tous les salariés présents qui n'en auraient pas
    suivi depuis 4 ans. » — "depuis 4 ans" counts to the day asked about, a date to come in the question."""
    decision = route(question, TODAY)
    assert decision.calculator == "training_guarantee"
    assert decision.arguments["last_training"] == last
    assert decision.arguments["as_of"] == as_of


def test_a_training_said_to_have_ended_in_the_future_is_still_refused() -> None:
    """An impossible input is explained in French, not turned into a date of reference."""
    decision = route("Ma dernière formation s'est terminée en juillet 2027 : ai-je droit à la garantie ?", TODAY)
    with pytest.raises(CalcError, match="postérieure"):
        CALCULATORS["training_guarantee"].run(**decision.arguments)


@pytest.mark.parametrize(
    "question",
    [
        "Je pars à la retraite dans deux ans et je n'ai suivi aucune formation depuis 2020 : la garantie "
        "individuelle me concerne-t-elle toujours ?",
        "Mutation prévue en septembre 2027 ; dernière formation en 2021 : ai-je droit à la garantie individuelle ?",
    ],
)
def test_a_date_to_come_told_before_the_question_is_not_the_moment_asked(question: str) -> None:
    """Art. 8 counts "depuis 4 ans" to the day asked about: another event's date, told before the question, is
    not that day."""
    decision = route(question, TODAY)
    assert decision.calculator == "training_guarantee"
    assert decision.arguments["as_of"] == TODAY


@pytest.mark.parametrize(
    "question",
    [
        "Ma dernière formation remonte à cinq ans : l'employeur doit-il m'en proposer une ?",
        "Mon ancienneté est de 7 ans dont 2 chez nous, en CDI : l'absence pour un CEP est-elle possible pour moi ?",
        "Ma dernière formation date d'il y a 3 ans, la garantie individuelle joue-t-elle pour moi ?",
    ],
)
def test_own_inputs_given_in_other_words_are_not_asked_back(question: str) -> None:
    """A length or a date given for the input ("remonte à cinq ans") is its value: nothing to ask."""
    assert route(question, TODAY).missing != ["last_training"]
    assert route(question, TODAY).route != "clarify" or route(question, TODAY).arguments


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("Prem'ss (46 h en centre, 14 h d'applications tutorées, 1 h d'évaluation), financé à 12 €/h", 61),
        ("En 2013, 20 heures en salle et 10 heures à distance, prises en charge à 12 € l'heure", 30),
        ("Un module de 8 h + 4 h de tutorat, financé combien à 12 € ?", 12),
        ("40 heures de Pass. Ensuite 61 heures de Prem'ss, financées à 12 € de l'heure", 40),
        ("La circulaire finance 46 heures, la convention en affiche 61 au total : lequel croire ?", 46),
        ("L'accord prévoit 150 heures, le centre de formation en annonce 200 heures", 150),
    ],
)
def test_lengths_listed_as_parts_of_one_thing_are_added(text: str, total: int) -> None:
    """Circular, IX: « la prise en charge … sur la base de 12 € de l'heure » applies to the hours of the item, all
    its listed parts (the circular itself writes PREM'SS as 46 + 14 + 1 hours); a sentence break ends the list."""
    hours = [d for d in parse_durations(text) if d.unit == "hour"]
    assert sum(d.value for d in listed_parts(fold(text), hours)) == total
