"""An adviser's question on one employee's case: answered when its deciding fact is given, asked back when missing.

Issue #13 (clarify30). An HR adviser asking what to grant a person of their service ("Quelle durée d'absence puis-je
accorder à une gestionnaire … ?", "peut-on la lui accorder ?") applies a rule to that person's case, as an employee
asking for themself does: the calculator answers when the fact it needs is told, a question back asks it otherwise.
These questions were answered with the general rule: "quelle durée" was no value asked, a relative "qui" after the
asking clause was read as "who?", the granting verb made no case, a CEP had was read in the first person only.
Routed without the bank's reading (the cues and readers decide), as in the other router tests.
"""

from __future__ import annotations

from datetime import date

from assistant.routing.calculator_inputs.asking import asks_who_or_why
from assistant.routing.extraction.folding import fold
from assistant.routing.router import route
from calculators.registry import CALCULATORS

TODAY = date(2026, 12, 3)


def test_the_leave_an_adviser_may_grant_is_asked_back_without_the_diploma() -> None:
    # avenant art. 2: "24 heures est augmenté pour les agents n'ayant pas atteint le niveau 4 … à 48 heures maximum":
    # the diploma decides, so it is asked
    decision = route(
        "Combien de temps d'absence dois-je donner à un technicien de mon équipe, pour sa validation des acquis ?",
        TODAY,
    )
    assert decision.route == "clarify" and decision.calculator == "vae_leave"
    assert decision.missing == ["diploma_level"]
    decision = route(
        "Quelle durée d'absence puis-je accorder à une gestionnaire de mon service qui prépare une VAE ?", TODAY
    )
    assert decision.route == "clarify" and decision.calculator == "vae_leave"


def test_a_relative_who_after_the_asking_clause_asks_no_person() -> None:
    sentence = "Quelle durée d'absence puis-je accorder à une gestionnaire, sans aucun diplôme, qui prépare une VAE ?"
    assert not asks_who_or_why(fold(sentence))
    assert asks_who_or_why(fold("J'ai deux salariés en Pro-A, qui finance leurs formations ?"))
    decision = route(sentence, TODAY)
    assert decision.route == "calculator" and decision.calculator == "vae_leave"
    assert CALCULATORS["vae_leave"].run(**decision.arguments).value == 48


def test_granting_one_persons_request_is_that_persons_case() -> None:
    # art. 5: "Elle n'est pas accordée au salarié qui a déjà bénéficié de ce conseil au cours des 5 dernières années"
    decision = route(
        "Une salariée me demande si elle peut refaire un conseil en évolution professionnelle l'an prochain : "
        "peut-on le lui accorder ?",
        TODAY,
    )
    assert decision.route == "clarify" and decision.calculator == "cep_absence"


def test_a_cep_had_told_of_the_person_decides() -> None:
    decision = route(
        "Une salariée en CDI depuis dix ans a eu un conseil en évolution professionnelle en avril 2022 et en "
        "redemande un pour juillet 2026 : peut-on le lui accorder ?",
        TODAY,
    )
    assert decision.route == "calculator" and decision.calculator == "cep_absence"
    assert decision.arguments["cep_in_last_5_years"] is True
    # a hypothesis tells no CEP had
    decision = route("Si elle a eu un conseil en évolution professionnelle, a-t-elle encore droit à l'absence ?", TODAY)
    assert decision.arguments.get("cep_in_last_5_years") is not True


def test_one_of_my_agents_names_no_certification() -> None:
    # art. 2.3: "La Pro-A concerne les salariés en contrat à durée indéterminée …": the contract and the diploma are
    # asked; "un de mes agents" is the person, no "DE" (diplôme d'État) to look up on the list
    decision = route("Un de mes agents de la Caf me demande s'il peut partir en Pro-A : est-ce possible ?", TODAY)
    assert decision.route == "clarify" and decision.calculator == "pro_a_eligibility"
    assert decision.missing == ["contract", "diploma_level"]
    decision = route("Le DE infirmier est-il ouvert en Pro-A ?", TODAY)
    assert decision.calculator == "pro_a_certification"


def test_points_for_ones_own_trainee_ask_the_tutors_mission() -> None:
    # art. 4.3: "il correspond à 7 points par mois, complet ou non": the mission's months are asked
    for question in (
        "Et pour moi, avec mon apprentie, ça représente combien de points ?",
        "Combien de points vais-je recevoir pour avoir guidé une apprentie pendant sa formation ?",
    ):
        decision = route(question, TODAY)
        assert decision.route == "clarify" and decision.calculator == "tutor_bonus", question
