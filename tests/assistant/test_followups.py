"""Follow-up resolution without the index: which messages continue the conversation, and how.

Each case is a message after a context, and the standalone question it must become. The router's
topic of the message alone is passed as the assistant passes it.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.conversation.answers import closed_question, statement
from assistant.conversation.fact_merge import merge_facts
from assistant.conversation.followups import Context, resolve
from assistant.conversation.slots import find_slots
from assistant.conversation.statements import states_facts
from assistant.conversation.subject import find_subject
from assistant.routing.router import route
from tests.assistant.conversation_helpers import TODAY, resolved


def _context(question: str, *, pending: bool = False, case: bool = False, missing: tuple[str, ...] = ()) -> Context:
    decision = route(question, TODAY)
    return Context(
        question=question,
        topic=decision.topic,
        subject=find_subject(question),
        pending=question if pending else None,
        missing=missing,
        case=case or pending,
    )


@pytest.mark.parametrize(
    ("earlier", "message", "subject"),
    [
        ("C'est quoi la Pro-A ?", "et qui la finance ?", "Pro-A"),
        ("Qu'est-ce que le conseil en évolution professionnelle ?", "Qui le dispense ?", "conseil en évolution"),
        ("La prime de tutorat c'est combien ?", "c'est plafonné ?", "prime de tutorat"),
        ("Combien touche un formateur interne ?", "Et quand est-elle versée ?", "formateur interne"),
    ],
)
def test_a_question_without_a_subject_is_about_the_previous_one(earlier: str, message: str, subject: str) -> None:
    resolution = resolved(message, _context(earlier))
    assert resolution.kind == "reference"
    assert resolution.subject is not None and subject in resolution.subject.name
    assert resolution.text.lower().startswith(resolution.subject.name.lower() + " :")


@pytest.mark.parametrize(
    ("earlier", "message"),
    [
        ("C'est quoi la Pro-A ?", "Combien d'heures de congé pour préparer une VAE ?"),
        ("Parle-moi du CQP gestionnaire conseil", "Et le CQP manager opérationnel, il a combien de blocs ?"),
        ("Qui peut bénéficier de la Pro-A ?", "Combien de jours de congés payés ai-je ?"),
    ],
)
def test_a_question_naming_its_own_subject_starts_afresh(earlier: str, message: str) -> None:
    resolution = resolved(message, _context(earlier))
    assert resolution.kind == "new"
    assert resolution.text == message


def test_an_elliptic_message_asks_the_previous_question_about_its_words() -> None:
    resolution = resolved("et son numéro RNCP ?", _context("Parle-moi du CQP gestionnaire conseil"))
    assert resolution.kind == "circumstance"
    assert resolution.text == "Parle-moi du CQP gestionnaire conseil, son numéro RNCP ?"


def test_a_changed_circumstance_is_put_in_place_of_the_old_one() -> None:
    resolution = resolved("et pour un CDD ?", _context("Le CEP, ça marche comment pour un salarié en CDI ?"))
    assert resolution.kind == "circumstance"
    assert resolution.text == "Le CEP, ça marche comment pour un salarié en CDD ?"


def test_a_correction_replaces_the_fact_it_names() -> None:
    context = _context("Quelle contribution pour une masse salariale de 10 M€ ?", case=True)
    assert (
        resolved("non, pardon, 3 M€ seulement", context).text
        == "Quelle contribution pour une masse salariale de 3 M€ ?"
    )


def test_a_new_circumstance_is_added_when_the_question_had_none() -> None:
    resolution = resolved(
        "Et pour un demandeur d'emploi inscrit depuis 2 ans ?",
        _context("Quelle est la durée d'un contrat de professionnalisation ?"),
    )
    assert resolution.text == (
        "Quelle est la durée d'un contrat de professionnalisation, pour un demandeur d'emploi inscrit depuis 2 ans ?"
    )


def test_the_answer_to_a_clarification_completes_the_pending_question() -> None:
    context = _context("Combien de points pour ma prime de tuteur ?", pending=True, missing=("missions",))
    resolution = resolved("du 1er septembre au 30 novembre 2025, deux salariés", context)
    assert resolution.kind == "completion"
    assert route(resolution.text, TODAY).route == "calculator"


def test_a_bare_number_answering_a_clarification_gets_the_unit_asked_for() -> None:
    context = _context("Quelle est la contribution de mon organisme ?", pending=True, missing=("payroll",))
    assert resolved("20000000", context).text.endswith("20000000 euros ?")


def test_a_question_after_a_calculation_keeps_the_case() -> None:
    context = _context("Je tutore un salarié de janvier à mars 2026", case=True)
    resolution = resolved("combien de points ça fait ?", context)
    assert resolution.text.startswith("Je tutore un salarié de janvier à mars 2026")
    assert route(resolution.text, TODAY).route == "calculator"


@pytest.mark.parametrize("message", ["merci", "ok merci", "et merci beaucoup !", "Super, c'est noté.", "oui d'accord"])
def test_thanks_are_not_a_follow_up(message: str) -> None:
    resolution = resolved(message, _context("C'est quoi la Pro-A ?"))
    assert resolution.kind == "aside" and not resolution.is_follow_up


def test_the_end_of_a_period_moves_and_keeps_its_year() -> None:
    merged = merge_facts(
        "Je tutore un salarié du 1er janvier au 31 mars 2025, combien de points ?",
        "si la mission s'arrête fin mai",
        TODAY,
    )
    assert merged.text == "Je tutore un salarié du 1er janvier 2025 au 31 mai 2025, combien de points ?"


def test_the_start_of_a_period_moves() -> None:
    merged = merge_facts("Je tutore deux salariés de janvier à mars 2025 ?", "si elle a commencé en février", TODAY)
    assert "du 1er février 2025 au 31 mars 2025" in merged.text


def test_a_count_and_a_grade_are_replaced_by_kind() -> None:
    assert (
        "trois stagiaires" in merge_facts("Je tutore deux salariés en mars 2025 ?", "avec trois stagiaires", TODAY).text
    )
    merged = merge_facts("TC 9, option 9, écrit 9, oral 9, APT 9, certifié ?", "si j'avais eu 13 à l'oral", TODAY)
    assert "oral 13" in merged.text and "oral 9" not in merged.text


def test_slots_do_not_overlap() -> None:
    slots = find_slots("depuis 2 ans en CDD à mi-temps", TODAY)
    assert [s.kind for s in slots] == ["period", "contract", "work_time"]


def test_a_plural_pronoun_points_to_the_previous_question_not_its_dispositif() -> None:
    resolution = resolved(
        "elles s'appliquent depuis quand ?",
        _context("Quelles certifications ont été ajoutées à la liste Pro-A en 2022 ?"),
    )
    assert resolution.text == (
        "Quelles certifications ont été ajoutées à la liste Pro-A en 2022, elles s'appliquent depuis quand ?"
    )


def test_a_topic_found_in_a_continuing_message_is_no_switch() -> None:
    """A classifier may find a topic in "et elle dure combien ?": the pronoun still points back."""
    context = _context("C'est quoi la Pro-A ?")
    resolution = resolve("et elle dure combien ?", context, TODAY, own_topic="vae", refused=False)
    assert resolution.kind == "reference" and resolution.text == "Pro-A : elle dure combien ?"
    fresh = resolve("Combien d'heures faut-il ?", context, TODAY, own_topic="vae", refused=False)
    assert fresh.kind == "new"


VAE_CLARIFICATION = (
    "Quel est votre plus haut diplôme (CAP, bac, BTS, licence, master…) ? "
    "Votre emploi est-il menacé par des évolutions économiques ou technologiques ?"
)


def _pending(question: str, asked: str) -> Context:
    return replace(_context(question, pending=True), asked=asked)


@pytest.mark.parametrize(("message", "threatened"), [("oui", True), ("Non, pas du tout.", False), ("ah oui", True)])
def test_a_bare_yes_or_no_answers_the_closed_question_of_the_clarification(message: str, threatened: bool) -> None:
    context = _pending("Combien d'heures de congé pour préparer ma VAE ?", VAE_CLARIFICATION)
    resolution = resolved(message, context)
    assert resolution.kind == "completion"
    assert resolution.text.startswith("Combien d'heures de congé pour préparer ma VAE, mon emploi ")
    decision = route(resolution.text, TODAY)
    assert decision.calculator == "vae_leave" and decision.arguments["job_threatened"] is threatened


def test_yes_is_no_answer_to_an_alternative() -> None:
    """ "Êtes-vous en CDI ou en CDD ?" is not answered by "oui": no statement is made up."""
    context = _pending("Je peux faire une Pro-A ?", "Êtes-vous en CDI ou en CDD ?")
    resolution = resolved("oui", context)
    assert "je suis" not in resolution.text.lower()


@pytest.mark.parametrize(
    ("question", "yes", "no"),
    [
        (
            "Avez-vous déjà bénéficié d'un CEP au cours des 5 dernières années ?",
            "J'ai déjà bénéficié d'un CEP au cours des 5 dernières années",
            "Je n'ai pas bénéficié d'un CEP au cours des 5 dernières années",
        ),
        ("Êtes-vous à temps partiel ?", "Je suis à temps partiel", "Je ne suis pas à temps partiel"),
        ("L'organisme est-il éloigné de votre domicile ?", "L'organisme est éloigné de mon domicile", None),
    ],
)
def test_a_closed_question_becomes_the_statement_it_asks_about(question: str, yes: str, no: str | None) -> None:
    assert closed_question(f"Quelle est votre date d'embauche ? {question}") == question
    assert statement(question, True) == yes
    if no:
        assert statement(question, False) == no


@pytest.mark.parametrize(
    ("earlier", "message", "expected", "count"),
    [
        (
            "Je suis tuteur d'un alternant de janvier à juin 2026, combien de points ?",
            "et si j'en ai deux ?",
            "Je suis tuteur de deux alternants de janvier à juin 2026",
            2,
        ),
        (
            "Je tutore deux alternants du 1er mars au 31 août 2026, ça fait combien de points ?",
            "non pardon, j'en ai trois",
            "Je tutore trois alternants du 1er mars au 31 août 2026",
            3,
        ),
        (
            "J'ai animé une formation interne en mai 2026, combien de points ?",
            "et si j'en anime deux autres en mai, ça fait combien en tout ?",
            "J'ai animé trois formations interne en mai 2026",
            3,
        ),
        ("Je suis tutrice de deux salariés sur toute l'année 2026, combien ?", "et avec trois ?", "", 3),
    ],
)
def test_a_count_without_its_noun_changes_the_earlier_count(
    earlier: str, message: str, expected: str, count: int
) -> None:
    """ "j'en ai trois" counts what the earlier question counted; "deux autres" adds to it."""
    resolution = resolved(message, _context(earlier, case=True))
    assert resolution.text.startswith(expected)
    decision = route(resolution.text, TODAY)
    assert decision.route == "calculator"
    if decision.calculator == "tutor_bonus":
        assert sum(m.get("trainees", 1) for m in decision.arguments["missions"]) == count
    else:
        assert len(decision.arguments["actions"]) == count


def test_a_count_of_months_or_a_year_is_no_count() -> None:
    assert not [s for s in find_slots("j'en ai pour 3 mois, en 2026", TODAY) if s.kind.startswith("count")]


@pytest.mark.parametrize(
    "message",
    ["pourquoi ?", "Sur quel article tu te bases ?", "tu es sûr ?", "t'es sûr ? c'est pas plus ?", "source ?"],
)
def test_a_question_about_the_answer_asks_the_previous_question_again(message: str) -> None:
    earlier = "Je suis en CDD, je peux faire une Pro-A ?"
    resolution = resolved(message, _context(earlier, case=True))
    assert (resolution.kind, resolution.text) == ("meta", earlier)


def test_a_question_about_another_subject_is_no_question_about_the_answer() -> None:
    resolution = resolved("Sur quel article repose la prime de tutorat ?", _context("C'est quoi la Pro-A ?"))
    assert resolution.kind == "new"


def test_sur_in_a_question_is_not_sure() -> None:
    """ "c'est sur mon temps de travail ?" asks about the Pro-A, it does not doubt the answer ("c'est sûr ?")."""
    resolution = resolved("et c'est sur mon temps de travail ?", _context("Pro-A : combien de temps ça dure ?"))
    assert resolution.kind != "meta"


def test_a_correction_goes_back_to_the_question_that_stated_the_fact() -> None:
    context = replace(
        _context("Pro-A : et ça dure combien ?"), earlier=("Je suis en CDI avec un CAP, je peux faire une Pro-A ?",)
    )
    resolution = resolved("non, je suis en CDD", context)
    assert resolution.text == "Je suis en CDD avec un CAP, je peux faire une Pro-A ?"
    assert route(resolution.text, TODAY).arguments["contract"] == "CDD"


def test_after_a_refusal_a_message_without_its_own_subject_stays_refused() -> None:
    context = replace(_context("Combien de jours de congés payés ai-je ?"), refused=True)
    resolution = resolved("et c'est payé comment ?", context)
    assert route(resolution.text, TODAY).route == "refusal"


def test_a_grade_said_in_a_sentence_replaces_the_earlier_one() -> None:
    merged = merge_facts(
        "Notes CQP GC : TC 10, option 10, écrit 10, oral 10, APT 10", "à l'oral j'ai eu 6, pas 10", TODAY
    )
    assert merged.text == "Notes CQP GC : TC 10, option 10, écrit 10, oral 6, APT 10"


def test_facts_stated_before_a_question_stay_in_front_of_it() -> None:
    """An adviser describes the case, then asks: the question is about that case."""
    stated = "Ma salariée est en CDI et a un CAP."
    assert states_facts(stated, TODAY) and not states_facts("Elle est en CDI, peut-elle faire une Pro-A ?", TODAY)
    context = replace(_context(stated), stated=(stated,))
    resolution = resolved("Peut-elle faire une Pro-A ?", context)
    assert resolution.text == "Ma salariée est en CDI et a un CAP. Peut-elle faire une Pro-A ?"
    decision = route(resolution.text, TODAY)
    assert decision.calculator == "pro_a_eligibility" and decision.arguments["contract"] == "CDI"


def test_a_corrected_length_of_time_goes_where_its_words_point() -> None:
    """ "6 mois dans ma caisse" corrects the time in the organisation, not the career length."""
    earlier = "Je suis en CDI depuis 3 ans dans ma caisse, avec 10 ans d'ancienneté, j'ai droit au CEP ?"
    merged = merge_facts(earlier, "je me suis trompé, ça fait 6 mois dans ma caisse", TODAY)
    assert merged.text.startswith("Je suis en CDI depuis 6 mois dans ma caisse, avec 10 ans d'ancienneté")
    merged = merge_facts("CDI, 10 ans de carrière dont 2 ans ici, droit au CEP ?", "non, 3 ans ici", TODAY)
    assert merged.text == "CDI, 10 ans de carrière dont 3 ans ici, droit au CEP ?"


@pytest.mark.parametrize("message", ["et en euros ?", "ça fait combien en euros ?", "et en € ?"])
def test_points_asked_in_euros_are_converted(message: str) -> None:
    earlier = "Je tutore un alternant de janvier à mars 2026, combien de points ?"
    context = replace(_context(earlier, case=True), points=21.0)
    resolution = resolved(message, context)
    assert resolution.text == "Combien valent 21 points en euros ?"
    decision = route(resolution.text, TODAY)
    assert decision.calculator == "points_to_euros" and decision.arguments["points"] == 21


@pytest.mark.parametrize(
    ("citation", "sentence"),
    [
        ("Article 5", "La règle applicable figure à l'article 5 [1]."),
        ("Préambule", "La règle applicable figure dans la partie « préambule » [1]."),
    ],
)
def test_the_clarification_points_to_its_article_in_french(citation: str, sentence: str) -> None:
    from assistant.answering.wording import applicable_rule

    assert applicable_rule(citation, 1) == sentence


@pytest.mark.parametrize(
    ("message", "addition"),
    [
        ("et les tickets resto ?", "les tickets resto ?"),
        ("et son numéro RNCP ?", "son numéro RNCP ?"),
        ("et elle est plafonnée ?", ""),
        ("et pour un CDD ?", ""),
    ],
)
def test_an_elliptic_follow_up_naming_a_thing_is_offered_for_the_vocabulary_check(message: str, addition: str) -> None:
    """Only a bare noun phrase is checked against the texts' words: "elle est plafonnée" may say in other
    words what the texts say, and a contract is a fact of the earlier question."""
    resolution = resolved(message, _context("La prime de formateur interne c'est combien ?"))
    assert resolution.is_follow_up and resolution.addition == addition
