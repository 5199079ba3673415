"""A case told with the fact that decides missing asks for that fact (issue #13, class 1: clarify19).

Three classes, each with wordings unlike the evaluation sets':

1. a told case asking its own value with no fact yet ("j'y ai droit à combien ?", "ça nous fait combien ?"):
   the rule's empty case, its required inputs asked (the dates of the actions, the payroll);
2. a told case asking its own verdict ("il peut ?", "elle a son CQP ?", "on est dans les clous ?", "je dois la
   lui accorder ?"): the eligibility rule runs with nothing known and asks what could change it;
3. a VAE case chooses the rule by its own subject: the CQP's admissibility, the experience, the leave.

A rule asked for anyone stays answered by the texts. Routing runs on the pure router.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.router import RouteDecision, route

TODAY = date(2026, 11, 29)


def _asked_back(question: str, calculator: str) -> RouteDecision:
    """The question is routed to `calculator` as a question back (route "clarify"); its decision."""
    decision = route(question, TODAY)
    assert decision.route == "clarify", decision
    assert decision.calculator == calculator
    return decision


@pytest.mark.parametrize(
    ("question", "calculator"),
    [
        # avenant 2022 art. 3: "7 points par mois pour chaque action" — the actions' dates decide the figure
        ("J'anime des sessions en interne comme formatrice occasionnelle, ça fait combien pour moi ?", "trainer_bonus"),
        ("Je suis formateur interne à titre accessoire : je vais toucher quoi ?", "trainer_bonus"),
        ("Comme formatrice interne, ma prime de formateur fera combien ?", "trainer_bonus"),
        # art. 10: "0,15 % de leur masse salariale brute" — the payroll decides it
        (
            "Je suis DRH d'une CAF : la contribution supplémentaire, ça fait combien pour nous ?",
            "supplementary_contribution",
        ),
        (
            "Notre caisse devra verser combien de contribution conventionnelle supplémentaire ?",
            "supplementary_contribution",
        ),
        (
            "Pour notre organisme, la contribution conventionnelle supplémentaire s'élève à combien ?",
            "supplementary_contribution",
        ),
    ],
)
def test_a_value_asked_of_a_told_case_asks_its_facts(question: str, calculator: str) -> None:
    assert _asked_back(question, calculator).missing


@pytest.mark.parametrize(
    ("question", "calculator"),
    [
        # protocole 2.3: "La Pro-A concerne les salariés en contrat à durée indéterminée …" (and below the licence)
        ("Mon collègue voudrait passer par la Pro-A pour changer de métier, il peut ?", "pro_a_eligibility"),
        ("Une gestionnaire de mon équipe vise une reconversion : la Pro-A, elle y a droit ?", "pro_a_eligibility"),
        # protocole 5: "tout salarié en CDI qui justifie d'une ancienneté d'au moins 5 années …"
        (
            "Un agent me demande une absence payée pour un conseil en évolution professionnelle, je dois la lui "
            "accorder ?",
            "cep_absence",
        ),
        # protocole 6: "tous les 6 ans, au moins deux entretiens professionnels et un entretien de bilan"
        (
            "J'ai fait passer deux entretiens professionnels à un agent, est-ce qu'on est dans les clous ?",
            "professional_reviews",
        ),
        # circulaire V: the average of the grades, 10/20, and no written or oral grade at 6 or below
        ("J'ai passé les épreuves du CQP gestionnaire conseil, je l'ai ou pas ?", "cqp_certification"),
        ("Ma collègue a eu 12 au contrôle continu, elle a son CQP ?", "cqp_certification"),
    ],
)
def test_a_verdict_asked_of_a_told_case_asks_what_decides(question: str, calculator: str) -> None:
    assert _asked_back(question, calculator).missing


@pytest.mark.parametrize(
    ("question", "calculator"),
    [
        # circulaire VI: admissibility of a CQP by VAE
        ("Est-ce que mon expérience suffit pour demander le CQP par la validation des acquis ?", "cqp_vae_eligibility"),
        # protocole 7: "une activité, continue ou non, d'au moins une année, en lien avec la certification"
        ("J'ai de l'expérience à l'accueil du public, c'est assez pour me lancer dans une VAE ?", "vae_experience"),
        ("Mon expérience au service courrier, ça suffit pour une VAE ?", "vae_experience"),
        # avenant art. 2: "24 heures … porté à 48 heures maximum" below level 4 — the diploma held decides
        ("Je prépare une VAE de BTS, j'ai droit à combien d'heures de congé ?", "vae_leave"),
    ],
)
def test_a_vae_case_asks_for_its_own_rule(question: str, calculator: str) -> None:
    _asked_back(question, calculator)


@pytest.mark.parametrize(
    "question",
    [
        "Combien de points par mois touche un tuteur ?",
        "Quelle est la durée du congé VAE prévue par la branche ?",
        "Combien d'heures de congé pour une VAE quand on n'a pas le bac ?",
        "La contribution conventionnelle supplémentaire, c'est quel taux ?",
    ],
)
def test_a_rule_asked_for_anyone_is_not_a_case(question: str) -> None:
    assert route(question, TODAY).route != "clarify"


def test_a_case_whose_facts_decide_is_answered() -> None:
    """Protocole 2.3: a fixed-term contract closes the Pro-A — nothing is asked back."""
    assert route("Mon collègue est en CDD, la Pro-A il peut ?", TODAY).route == "calculator"


@pytest.mark.parametrize(
    "question",
    [
        # protocole 8: "garanti à tous les salariés présents qui n'en auraient pas suivi depuis 4 ans" — the
        # last training's date decides; art. 8's title named without "individuelle" is the same scheme
        "Ça fait un moment que je n'ai pas eu de formation, la garantie d'accès à la formation s'applique à moi ?",
        "La garantie d'accès à la formation, elle joue pour moi ?",
        "Ma collègue se demande si la garantie individuelle d'accès à la formation la concerne, elle ?",
    ],
)
def test_the_guarantee_applied_to_a_person_asks_the_last_training(question: str) -> None:
    assert "last_training" in _asked_back(question, "training_guarantee").missing


def test_the_guarantee_named_without_its_adjective_is_its_topic() -> None:
    assert route("Qu'est-ce que la garantie d'accès à la formation ?", TODAY).topic == "training_guarantee"
