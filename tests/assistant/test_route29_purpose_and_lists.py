"""A general question asked after the asker's purpose, a Pro-A list entry's other columns, the class of persons asked.

Issue #13 class 1 (route29). "Je rédige la note RH du mois prochain." says what the asker is doing, not a case: the
question after it, impersonal, asks the rule. A question naming an entry of the Pro-A list asks the list's row (what
the name means, who trains for it) unless it asks whether the entry is on the list. "Quels agents doivent …" asks
whom the rule covers. Routed without the bank's reading (cues and readers decide), as the other router tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.asker_purpose import asker_purpose
from assistant.routing.calculator_inputs.asking import asks_who_is_covered
from assistant.routing.calculator_inputs.list_entry import asks_an_entry_attribute
from assistant.routing.extraction.folding import fold
from assistant.routing.router import route

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("message", "question"),
    [
        (
            "Je rédige le bulletin RH du mois prochain. Quelles qualifications le contrat de professionnalisation "
            "permet-il d'atteindre ?",
            "Quelles qualifications le contrat de professionnalisation permet-il d'atteindre ?",
        ),
        (
            "Je suis tuteur depuis peu et je relis l'accord. Comment la prime de tutorat est-elle versée ?",
            "Comment la prime de tutorat est-elle versée ?",
        ),
        (
            "On m'a posé la question en réunion RH. Quand la prime de formateur interne est-elle payée ?",
            "Quand la prime de formateur interne est-elle payée ?",
        ),
    ],
)
def test_the_askers_purpose_is_set_apart(message: str, question: str) -> None:
    split = asker_purpose(message)
    assert split is not None and split[1] == question


@pytest.mark.parametrize(
    "message",
    [
        # a figure in the story is a fact told
        "Je prépare mon dossier, tutrice depuis 5 mois. Combien de points de prime pour un tuteur ?",
        # the question points back at a person the story names
        "Un agent m'a demandé conseil. Peut-il partir en Pro-A avec un BTS ?",
        "Une collègue m'a écrit à ce sujet. Sa prime de tutrice est-elle versée en une fois ?",
        # the story tells who the asker is, not what they are doing with the texts
        "Je suis tutrice d'une alternante. Combien de points de prime par mois de mission ?",
    ],
)
def test_what_is_not_a_purpose_stays(message: str) -> None:
    assert asker_purpose(message) is None


def test_a_general_question_after_a_purpose_is_answered_by_the_texts() -> None:
    # art. 4.3: "Cette prime est versée en une seule fois à l'issue de la mission de tutorat"
    decision = route(
        "Je suis tutrice depuis peu et je découvre l'accord. À quel moment la prime de tutorat est-elle versée ?",
        TODAY,
    )
    assert decision.route == "retrieval" and decision.topic == "tutor_bonus"
    # art. 3.2: "le contrat de professionnalisation permet l'accès aux qualifications : – enregistrées au répertoire
    # national des certifications professionnelles (RNCP) ; …": the newsletter's month is no certification date
    decision = route(
        "Je rédige la lettre RH du mois prochain. Quelles qualifications l'article 3.2 ouvre-t-il au contrat de "
        "professionnalisation ?",
        TODAY,
    )
    assert decision.route == "retrieval" and decision.calculator is None


def test_a_question_in_the_first_person_after_a_purpose_stays_a_case() -> None:
    # art. 4.3: "il correspond à 7 points par mois, complet ou non": the asker's own mission, dated, is computed
    decision = route(
        "Je prépare mon entretien annuel. Tutrice du 1er mars au 31 août 2026, combien de points vais-je toucher ?",
        TODAY,
    )
    assert decision.route == "calculator" and decision.calculator == "tutor_bonus"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # accord, annexe 1: "DAMC : dispositif d'accès aux métiers de contrôle – formation initiale des Inspecteurs
        # … Institut 4.10": the row's other columns, asked openly
        ("Le DAMC de la liste Pro-A, ça veut dire quoi ?", True),
        ("Par quel organisme est préparé le CQP délégué de l'assurance maladie de la liste Pro-A ?", True),
        ("Quelle famille professionnelle pour le CQP contrôleur allocataire de la liste Pro-A ?", True),
        # whether the entry is on the list: the calculator's question
        ("Le diplôme d'État d'éducateur spécialisé est-il sur la liste Pro-A ?", False),
        ("Le diplôme d'aide-soignant figure-t-il dans la liste Pro-A, et préparé où ?", False),
        ("Le DAMC, c'est ouvert en Pro-A, et c'est quoi ?", False),
        # its membership named as what is asked about: when and how it came on the list (avenant art. 6)
        ("De quelle décision dépendait l'ouverture du DEAES à la Pro-A ?", False),
    ],
)
def test_a_list_entry_asked_another_column(question: str, expected: bool) -> None:
    assert asks_an_entry_attribute(fold(question), "pro_a_certification") is expected
    assert not asks_an_entry_attribute(fold(question), "pro_a_eligibility")


def test_the_list_entry_asked_what_it_means_is_answered_by_the_texts() -> None:
    decision = route("Le DAMC qu'on trouve dans la liste des certifications Pro-A, que veut dire ce sigle ?", TODAY)
    assert decision.route == "retrieval"
    decision = route("Le master manager stratégique est-il sur la liste Pro-A ?", TODAY)
    assert decision.route == "calculator" and decision.calculator == "pro_a_certification"


def test_the_class_of_persons_asked_whatever_the_verb() -> None:
    # avenant art. 2: "Le congé … d'une durée de 24 heures est augmenté pour les agents n'ayant pas atteint le niveau
    # 4 ou dont l'emploi est menacé par les évolutions économiques ou technologiques, à 48 heures maximum."
    assert asks_who_is_covered(fold("Selon l'avenant de 2022, quels agents peuvent avoir leur congé VAE à 48 heures ?"))
    assert asks_who_is_covered(fold("Quels salariés bénéficient de la Pro-A ?"))
    assert not asks_who_is_covered(fold("Quels agents de mon équipe ont droit au congé de 48 heures ?"))


@pytest.mark.parametrize(
    ("question", "calculator", "missing"),
    [
        # art. 4.3: "Cette prime est versée en une seule fois à l'issue de la mission de tutorat": the total at the
        # end of a mission running "depuis" a date needs its end
        (
            "Tutrice d'un apprenti depuis la rentrée de septembre, combien de points toucherai-je au final ?",
            "tutor_bonus",
            "missions",
        ),
        # art. 7: "dès lors que la personne justifie d'une activité, continue ou non, d'au moins 1 année": whether
        # one's own experience suffices needs its length
        (
            "Mon ancienneté me permet-elle de passer le CQP gestionnaire conseil par la VAE ?",
            "cqp_vae_eligibility",
            None,
        ),
        # the path's last day is counted from its first Prem'ss day
        ("Jusqu'à quelle date mon parcours Prem'ss peut-il s'étendre ?", "training_path_hours", "first_premss_day"),
        # avenant art. 3 (art. 9.3): "7 points par mois pour chaque action": the actions' dates decide
        (
            "J'ai animé une action comme formateur interne : qu'est-ce que ça va me rapporter ?",
            "trainer_bonus",
            "actions",
        ),
    ],
)
def test_ones_own_result_with_its_fact_missing_is_asked_back(
    question: str, calculator: str, missing: str | None
) -> None:
    decision = route(question, TODAY)
    assert decision.route == "clarify" and decision.calculator == calculator, (decision.route, decision.calculator)
    assert missing is None or missing in decision.missing


def test_a_length_said_with_que_is_the_missions_length() -> None:
    # art. 4.3: "il correspond à 7 points par mois, complet ou non": a mission of two weeks is one month begun
    decision = route("Ma mission de tutrice n'a duré que trois semaines : combien de points de prime ?", TODAY)
    assert decision.route == "calculator" and decision.calculator == "tutor_bonus"
