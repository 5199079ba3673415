"""Decide with the facts given, every case the message holds (issue #13 point 1, calc10).

Each mechanism is read from the texts' structure or the message's grammar, with three or more wordings written
for these tests (none from the eval sets):

* the CQP grades named by the circular's own names of its parts (Prem'ss, the "socle interbranche"), by a
  pronoun ("celle de l'option"), or as two grades under the continuous assessments' heading, in the order of
  the circular's table;
* a contract the user held before ("après 6 ans d'intérim") is not the current one; a label carrying the
  article's own window ("activité salariée sur les 5 dernières années : 30 mois") is the total;
* "c'est possible pour moi ?" asks for one's own case (a question back when the deciding facts are missing);
* a quotation that names nobody is a rule someone claims: its dates are not the asker's facts;
* a tutor's and a trainer's case told in one message are each read by their own rule;
* several certifications named with the Pro-A list asked are each looked up; "ce diplôme" names none.
"""

from __future__ import annotations

import itertools
import re
from datetime import date

import pytest

from assistant.routing.extraction.folding import fold
from assistant.routing.extraction.grades import parse_grades
from assistant.routing.extraction.situation import parse_contract
from assistant.routing.router import route
from calculators.pro_a_certifications import PRO_A_CERTIFICATIONS
from calculators.registry import CALCULATORS
from ingest.models import Chunk

TODAY = date(2026, 11, 29)
CIRCULAR = "cqp-gestionnaire-conseil-mise-en-oeuvre"
ALL_FIVE = {"continuous_common", "continuous_option", "written", "oral", "tutored"}


def _circular(chunks: list[Chunk]) -> str:
    return fold(" ".join(c.text for c in chunks if c.document == CIRCULAR))


@pytest.mark.parametrize(
    ("alias", "bound_in_the_circular"),
    [
        ("prem'ss", r"tronc commun interbranche \(prem'ss"),
        ("socle interbranche", r"socle interbranche est donc organise .{0,120}controle continu"),
        ("tronc commun interbranche", r"tronc commun interbranche"),
    ],
)
def test_the_circulars_names_of_the_common_part_name_its_grade(
    chunks: list[Chunk], alias: str, bound_in_the_circular: str
) -> None:
    """Circular IV: « tronc commun interbranche (Prem'ss – préparation aux essentiels des métiers de la sécurité
    sociale) », « Ce socle interbranche est donc organisé par les CRFP … et validé par un contrôle continu ».
    Each name the circular gives the common part is in its text, and a grade said with it is that part's."""
    assert re.search(bound_in_the_circular, _circular(chunks)), alias
    for wording in (f"{alias} 13", f"13 en {alias}", f"j'ai eu 13 au contrôle continu du {alias}"):
        assert parse_grades(wording) == {"continuous_common": 13.0}, wording


def test_two_grades_under_the_continuous_assessments_heading_follow_the_tables_order(chunks: list[Chunk]) -> None:
    """Circular V, table: « Contrôles continus / - Tronc commun /20 1 non /20 / - Option /20 1 non /20 »: the
    common part first, then the option."""
    text = _circular(chunks)
    heading = text.index("controles continus")
    assert heading < text.index("tronc commun", heading) < text.index("option", heading)
    for wording in (
        "Contrôles continus 8 et 9, écrit 12, oral 11, APT 13",
        "pour les contrôles continus j'ai 14 et 12 ; écrit 11, oral 9, applications tutorées 10",
        "CC : 7/20 et 15/20. Écrit 10, oral 10, APT 10.",
    ):
        grades = parse_grades(wording)
        assert set(grades) == ALL_FIVE, wording
        first, second = (float(g.replace(",", ".")) for g in re.findall(r"(\d+)(?:/20)? et (\d+)", wording)[0])
        assert (grades["continuous_common"], grades["continuous_option"]) == (first, second), wording


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ma note de tronc commun est de 10, celle d'option de 12", {"continuous_common": 10, "continuous_option": 12}),
        ("14 au contrôle continu du socle et 9 à celui de l'option", {"continuous_common": 14, "continuous_option": 9}),
        ("l'option vaut 11, le tronc commun 8", {"continuous_common": 8, "continuous_option": 11}),
    ],
)  # fmt: skip
def test_a_pronoun_or_a_copula_carries_the_grade_to_its_test(text: str, expected: dict[str, float]) -> None:
    """Circular V: each continuous assessment (tronc commun, option) has its own grade out of 20."""
    assert parse_grades(text) == expected


def test_a_case_of_grades_named_by_the_parts_is_decided() -> None:
    """Circular V: « Pour être certifiés, les candidats doivent : avoir suivi Pass formation ; avoir obtenu une
    note moyenne supérieure ou égale à 10/20 sans note éliminatoire » (coefficients 1, 1, 3, 3, 2; /200)."""
    for question, total, certified in (
        ("Relevé : Prem'ss 13, option 10, épreuve écrite 9, épreuve orale 11, applications tutorées 12 ; "
         "Pass suivi. Ai-je le CQP gestionnaire conseil ?", 107, True),
        ("Contrôles continus 9 et 8, écrit 10, oral 9, APT 10, Pass fait : CQP gestionnaire conseil obtenu ?",
         94, False),
        ("CQP gestionnaire conseil : 11 au contrôle continu du socle, 10 à celui de l'option, 10 à l'écrit, "
         "10 à l'oral, 9 en applications tutorées, Pass validé. Reçu ?", 99, False),
    ):  # fmt: skip
        decision = route(question, TODAY)
        assert decision.route == "calculator" and decision.calculator == "cqp_certification", question
        result = CALCULATORS["cqp_certification"].run(**decision.arguments)
        assert (result.details["total"], result.certified) == (total, certified), question


@pytest.mark.parametrize(
    ("text", "contract"),
    [
        ("CDI depuis 10 mois chez nous après 6 ans d'intérim", "CDI"),
        ("Après deux CDD, me voici en CDI depuis mars", "CDI"),
        ("Avant j'étais en intérim ; aujourd'hui CDD de 8 mois", "CDD"),
        ("en CDI, anciennement en CDD", "CDI"),
    ],
)
def test_a_contract_held_before_is_not_the_current_one(text: str, contract: str) -> None:
    """Art. 5: the CEP absence's condition depends on the contract held now (« tout salarié en CDI … ou tout
    salarié en CDD … »): a contract said as past is not that one."""
    assert parse_contract(text) == contract


@pytest.mark.parametrize(
    ("question", "eligible"),
    [
        ("CDI depuis 8 mois chez nous, après 7 ans ailleurs : j'ai droit à l'absence payée pour un CEP ?", False),
        ("Situation :\n- contrat : CDD\n- ancienneté dans la caisse : 5 mois\n- activité salariée sur les 5 "
         "dernières années : 30 mois\nPuis-je obtenir l'absence pour un CEP ?", True),
        ("Titulaire d'un CDI depuis 3 ans ici, après 4 ans d'intérim : absence payée pour un CEP possible ?", True),
    ],
)  # fmt: skip
def test_the_cep_case_told_in_nouns_and_lists_is_decided(question: str, eligible: bool) -> None:
    """Art. 5: « tout salarié en CDI qui justifie d'une ancienneté d'au moins 5 années passées en qualité de
    salarié dont 12 mois au sein de l'organisme, ou tout salarié en CDD justifiant d'au moins 24 mois d'activité
    salariée au cours des 5 dernières années dont 4 mois au sein de l'organisme bénéficie … d'une autorisation
    d'absence rémunérée de 1 demi-journée »."""
    decision = route(question, TODAY)
    assert decision.route == "calculator" and decision.calculator == "cep_absence", question
    assert CALCULATORS["cep_absence"].run(**decision.arguments).eligible is eligible


@pytest.mark.parametrize(
    "question",
    [
        "Pour mon rendez-vous CEP le mois prochain, une absence payée, c'est possible pour moi ?",
        "Une demi-journée rémunérée pour mon CEP, est-ce faisable dans mon cas ?",
        "J'aimerais m'absenter pour un rendez-vous de conseil en évolution professionnelle, je peux ?",
    ],
)
def test_the_cep_absence_asked_for_ones_own_case_without_facts_is_asked_back(question: str) -> None:
    """Art. 5: the right depends on the contract and the seniority (CDI: 5 years of which 12 months in the
    organisation; CDD: 24 months in 5 years of which 4 in it); asked for one's own case, they are asked."""
    assert route(question, TODAY).route == "clarify", question


@pytest.mark.parametrize(
    "question",
    [
        "Une absence payée pour un CEP, c'est possible ?",
        "Un salarié peut-il s'absenter pour un conseil en évolution professionnelle ?",
    ],
)
def test_the_cep_absence_asked_for_nobody_is_answered_by_the_rule(question: str) -> None:
    """Art. 5, asked as a rule: the article answers with its cases; nobody's situation is asked."""
    assert route(question, TODAY).route == "retrieval", question


@pytest.mark.parametrize(
    "question",
    [
        "Ma collègue assure : « la prime formateur est due depuis le 1er mars 2019 ». Selon l'avenant, depuis quand ?",
        "Sur un forum : \"le tutorat rapporte 10 points par mois depuis janvier 2018\". Qu'en dit vraiment l'accord ?",
        "Mon chef jure que « la prime de formateur interne est versée depuis le 1er septembre 2015 ». C'est vrai ?",
    ],
)
def test_a_quotation_naming_nobody_is_a_claim_not_facts(question: str) -> None:
    """Avenant art. 6: « La prime de formateur interne … est versée à effet rétroactif à compter du 1er janvier
    2022 »; a date inside someone's claim is the claim's, checked against the texts, never computed with."""
    decision = route(question, TODAY)
    assert decision.route == "retrieval" and not decision.arguments, question


def test_a_quotation_addressed_to_the_asker_keeps_its_facts() -> None:
    """Art. 4.3: « 7 points par mois, complet ou non »: the dates of a message addressed to the asker are the
    asker's mission."""
    for question, points in (
        ("La paie m'écrit : « Votre mission de tutrice a couru du 1er mars au 31 août 2026. » Combien de points ?", 42),
        ("Mail du RH : « Vous avez été tuteur du 1er janvier au 31 mars 2026 ». Ma prime fait combien de points ?", 21),
        ("Mon manager : « Tu as encadré ton alternant du 1er mai au 30 juin 2026 » ; tuteur, combien ?", 14),
    ):  # fmt: skip
        decision = route(question, TODAY)
        assert decision.calculator == "tutor_bonus", question
        assert CALCULATORS["tutor_bonus"].run(**decision.arguments).value == points, question


@pytest.mark.parametrize(
    ("question", "tutor", "trainer"),
    [
        ("Ce trimestre, Karim a encadré un alternant comme tuteur du 1er juin au 30 septembre 2026, et Inès a "
         "animé une formation interne en octobre 2026. Combien de points pour chacun ?", 28, 7),
        ("Je suis à la fois tutrice (mission du 1er janvier au 30 avril 2026) et formatrice interne à titre "
         "accessoire (une action de deux mois terminée le 31 mai 2026). Quelles primes vais-je percevoir ?", 28, 14),
        ("Paul, tuteur d'une alternante de février à juin 2026 ; Léa, formatrice interne sur une session du 2 au "
         "20 mars 2026. Quelles primes prévoir ?", 35, 7),
    ],
)  # fmt: skip
def test_a_tutor_and_a_trainer_in_one_message_are_each_computed(question: str, tutor: int, trainer: int) -> None:
    """Art. 4.3: « 7 points par mois, complet ou non … versée en une seule fois à l'issue de la mission »;
    art. 9.3: « 7 points par mois pour chaque action … versée le mois suivant la fin de l'action »; art. 9.2:
    the tutor's function does not open the trainer's bonus: two rules, two cases."""
    decision = route(question, TODAY)
    assert decision.calculator == "tutor_and_trainer_bonus", question
    result = CALCULATORS["tutor_and_trainer_bonus"].run(**decision.arguments)
    assert (result.details["tutor_bonus"]["value"], result.details["trainer_bonus"]["value"]) == (tutor, trainer)
    assert result.value == tutor + trainer
    assert {r.section for r in result.references} >= {"4.3", "3"}


def test_two_roles_with_one_undecided_are_answered_by_the_rules() -> None:
    """Two cases told, one without its dates: neither reader takes the other's clauses as its own case."""
    question = (
        "Sophie a fini sa mission de tutrice fin octobre, Yann a terminé fin octobre l'action qu'il animait comme "
        "formateur interne. Quand chaque prime est-elle versée ?"
    )
    assert route(question, TODAY).calculator is None
    other = (
        "Mon tuteur a touché sa prime de tutorat en juillet ; moi, formatrice interne, j'ai fini mon action le "
        "15 octobre 2026 : quand serai-je payée ?"
    )
    assert route(other, TODAY).calculator != "tutor_and_trainer_bonus"


@pytest.mark.parametrize(
    ("first", "second"), list(itertools.combinations([c.title for c in PRO_A_CERTIFICATIONS], 2))[::7]
)
def test_any_two_entries_of_the_pro_a_list_are_each_looked_up(first: str, second: str) -> None:
    """Art. 2.2 and annex 1 (with avenant art. 1): the Pro-A leads to the certifications of the list; two of its
    entries named together are both looked up, each with its own answer."""
    question = f"Deux salariés visent l'un le {first}, l'autre le {second} : lesquels figurent sur la liste Pro-A ?"
    decision = route(question, TODAY)
    assert decision.calculator == "pro_a_certifications", question
    result = CALCULATORS["pro_a_certifications"].run(**decision.arguments)
    assert len(result.details["certifications"]) == 2, question


@pytest.mark.parametrize(
    ("question", "listed"),
    [
        ("Dans mon service, un CQP manager opérationnel et un BTS comptabilité : lesquels sont sur la liste Pro-A ?",
         {"non inscrite"}),
        ("Le DE d'infirmier et celui d'aide-soignant sont-ils tous deux éligibles à la Pro-A ?", {"inscrite"}),
        ("Une licence pro RH, un titre professionnel secrétaire assistant et le DEES : lesquels ouvrent la Pro-A ?",
         {"non inscrite", "inscrite"}),
    ],
)  # fmt: skip
def test_several_certifications_named_are_each_looked_up(question: str, listed: set[str]) -> None:
    """Art. 2.2: the list decides each one; a name outside it is said to be outside it."""
    decision = route(question, TODAY)
    assert decision.calculator == "pro_a_certifications", question
    values = {
        c["value"] for c in CALCULATORS["pro_a_certifications"].run(**decision.arguments).details["certifications"]
    }
    assert listed <= values, question


def test_a_bare_noun_names_no_certification() -> None:
    """« ce diplôme » refers back; looking « diplôme » up in the list would answer about no certification."""
    for question in (
        "Et ce diplôme est-il accessible en Pro-A ?",
        "Ce titre figure-t-il sur la liste Pro-A ?",
        "Cette certification est-elle éligible à la Pro-A ?",
    ):
        decision = route(question, TODAY)
        assert decision.arguments.get("certification") is None, question


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'écrit m'a donné 9 et l'oral 12", {"written": 9, "oral": 12}),
        ("9/20 écrit, 14/20 oral", {"written": 9, "oral": 14}),
        ("les applications professionnelles tutorées ont été notées 14", {"tutored": 14}),
        ("mises en situation professionnelles guidées par le tuteur : 13", {"tutored": 13}),
        ("j'ai eu 10 et 12 aux contrôles continus", {"continuous_common": 10, "continuous_option": 12}),
    ],
)
def test_a_grade_after_a_short_verb_a_scale_or_the_tables_description(text: str, expected: dict[str, float]) -> None:
    """Circular V: the table names « Applications professionnelles tutorées » and describes them as « Mises en
    situation professionnelles guidées par un tuteur »; each test has its grade « /20 »."""
    assert parse_grades(text) == expected


def test_a_figure_that_is_no_grade_is_not_read() -> None:
    """A number beside an exam's name that is not its grade (a count, a month) is not read as one."""
    assert parse_grades("écrit en juin, 12 candidats") == {}
    assert parse_grades("l'oral dure 45 minutes") == {}
    assert parse_grades("entré dans le Prem'ss le 7 septembre 2026") == {}
    assert parse_grades("oral prévu le 12 juin") == {}


def test_a_quoted_line_of_a_file_is_a_case_not_a_claim() -> None:
    """Art. 8: « Le bénéfice d'une formation est ainsi garanti à tous les salariés présents qui n'en auraient pas
    suivi depuis 4 ans. » A pasted line of a plan or a form (no verb: it states nothing) records a case."""
    for question in (
        "Extrait du plan : « Salarié B — dernière formation : 03/2021 — statut : CDI ». Jusqu'à quand pour le former ?",
        "Fiche RH : « Agent Y — aucune formation depuis 02/2022 ». Avant quelle date doit-il être formé ?",
        "Suivi : « M. Dupont – dernière formation suivie en 04/2021 ». Sa formation garantie, avant quand ?",
    ):
        decision = route(question, TODAY)
        assert decision.calculator == "training_guarantee" and decision.arguments.get("last_training"), question


@pytest.mark.parametrize(
    ("question", "in_organisation"),
    [
        ("Copie de mon bulletin : « Contrat : CDI – Entrée : 01/09/2025 ». J'ai 8 ans d'expérience avant. "
         "Ai-je droit à l'absence pour un CEP ?", 15),
        ("Fiche agent - CDD - date d'embauche : 02/05/2026 - activité salariée sur 5 ans : 26 mois. Absence CEP "
         "possible pour lui ?", 7),
        ("Embauche = 01/12/2024, CDI, 4 ans de salariat avant : l'absence pour un CEP, j'y ai droit ?", 24),
    ],
)  # fmt: skip
def test_the_date_of_entry_on_a_forms_label_gives_the_time_in_the_organisation(
    question: str, in_organisation: int
) -> None:
    """Art. 5: the CEP absence counts the months « au sein de l'organisme »; a form's or a payslip's "Entrée :"
    line dates them."""
    decision = route(question, TODAY)
    assert decision.calculator == "cep_absence", question
    assert decision.arguments["months_in_organisation"] == in_organisation, question


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("TC 11, option 12, écrit 10, oral 10, APT 12, Pass suivi. Et avec 7 à l'écrit ?", "written", 7),
        ("Tronc commun 12, option 11, écrit 9, oral 10, APT 13. Imaginons un 6 à l'oral ?", "oral", 6),
        ("Prem'ss 9, option 9, écrit 12, oral 12, APT 11 ; mettons 14 en option, ça passe ?", "continuous_option", 14),
    ],
)
def test_a_grade_supposed_after_the_list_replaces_that_exams_grade(text: str, key: str, value: float) -> None:
    """Circular V: each exam has one grade; a hypothesis on one exam ("et avec 7 à l'écrit ?") replaces it and
    the others stay, so the certification is recomputed with the five grades."""
    grades = parse_grades(text)
    assert set(grades) == ALL_FIVE and grades[key] == value, text
