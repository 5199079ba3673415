"""An earlier thing named by an ordinal or "l'autre", a request about the answer named by its noun or its
aspect, and a year counted from the earlier dates (issue #14), in wordings no evaluation set uses.

Without the index: the reading of the messages (`backrefs.ordinal_subject` through `followups.resolve`,
`about_answer.read`, `fact_merge.merge_facts`), with a property over the CQP fiche's structure (every pair of its
CQPs, by the titles of its parts). With the index (`assistant`): whole exchanges.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import Any

import pytest

from assistant.conversation.about_answer import read
from assistant.conversation.backrefs import EarlierTurn
from assistant.conversation.fact_merge import merge_facts
from assistant.conversation.followups import Context, Resolution, resolve
from assistant.conversation.subject import find_subject
from assistant.routing.router import route
from ingest.models import Chunk
from tests.assistant.conversation_helpers import TODAY, ask_in_turn

FICHE = "cqp-regime-general"


def _context(*questions: str) -> Context:
    turns = tuple(EarlierTurn(q, find_subject(q)) for q in questions)
    last = questions[-1]
    return Context(
        question=last,
        topic=route(last, TODAY).topic,
        subject=turns[-1].subject,
        earlier=tuple(reversed(questions[:-1])),
        turns=turns,
    )


def _resolve(message: str, context: Context) -> Resolution:
    decision = route(message, TODAY)
    refused = decision.route == "refusal" or decision.refusal_topic is not None
    return resolve(message, context, TODAY, own_topic=decision.topic, refused=refused)


def _subject(message: str, *questions: str) -> str | None:
    resolution = _resolve(message, _context(*questions))
    return resolution.subject.name if resolution.subject is not None else None


# --- an earlier thing named by an ordinal or "l'autre" ----------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Bon, et sur le premier sujet, qui prend en charge les frais ?",
        "La première des deux, elle dure combien de mois au maximum ?",
        "Concernant le premier dispositif dont je parlais, faut-il un avenant au contrat ?",
        "Et la première de ces deux formules, elle est ouverte aux CDD ?",
    ],
)
def test_an_ordinal_anywhere_stands_for_the_subject_named_first(message: str) -> None:
    assert _subject(message, "La Pro-A, c'est pour qui ?", "Et le contrat de professionnalisation ?") == "Pro-A"


@pytest.mark.parametrize(
    "message",
    [
        "Pour l'autre, on la touche à quel moment ?",
        "Et l'autre, elle est plafonnée ?",
        "L'autre des deux est-elle proratisée ?",
    ],
)
def test_the_other_is_the_subject_before_the_last(message: str) -> None:
    subject = _subject(message, "Combien rapporte le tutorat ?", "Et la prime de formateur interne ?")
    assert subject in ("tuteur", "prime de tutorat")


@pytest.mark.parametrize(
    "message",
    [
        "La première année, je suis payé combien ?",
        "Le premier jour du mois suivant, je suis absent ?",
        "Et dans l'autre texte, c'est écrit pareil ?",
    ],
)
def test_an_ordinal_with_a_noun_of_its_own_is_no_earlier_subject(message: str) -> None:
    assert _subject(message, "La Pro-A, c'est pour qui ?", "Et le contrat de professionnalisation ?") != "Pro-A"


def _fiche_cqps(chunks: list[Chunk]) -> list[str]:
    """The CQPs of the fiche, by the titles of its own parts (« CQP Inspecteur du recouvrement »…)."""
    titles = [c.section_title for c in chunks if c.document == FICHE and c.section_title.startswith("CQP ")]
    named = [(t, find_subject(t)) for t in dict.fromkeys(titles)]
    return [t for t, subject in named if subject is not None and subject.name != "CQP"]


def test_the_first_of_two_cqps_is_the_first_asked_for_every_pair_of_the_fiche(chunks: list[Chunk]) -> None:
    """Property over the fiche's structure: after any two of its CQPs, "le premier des deux" and "le second"
    stand for them in the order they were asked, whatever the pair."""
    cqps = _fiche_cqps(chunks)
    assert len(cqps) >= 6
    for first, second in itertools.permutations(cqps, 2):
        questions = (f"Le {first} date de quand ?", f"Et le {second} ?")
        a, b = find_subject(first), find_subject(second)
        assert a is not None and b is not None
        assert _subject("Et le premier des deux, il mène à quel emploi ?", *questions) == a.name, (first, second)
        assert _subject("Le second, il est inscrit au RNCP ?", *questions) == b.name, (first, second)


# --- a request about the answer, by its noun or its aspect ------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Tu me donnes la référence de l'article ?",
        "C'est quoi le numéro du paragraphe, stp ?",
        "Et son intitulé exact ?",
    ],
)
def test_the_reference_asked_by_its_noun_is_a_source_request(message: str) -> None:
    request = read(message)
    assert request is not None and request.operation == "source"


def test_a_question_on_a_number_of_the_texts_is_no_source_request() -> None:
    assert read("Quel est le numéro RNCP du CQP gestionnaire conseil ?") is None
    assert read("Le nom du tuteur doit-il figurer dans le contrat ?") is None


@pytest.mark.parametrize(
    ("message", "aspect"),
    [
        ("Cite-moi le passage concernant le versement", "le versement"),
        ("Recopie le texte exact sur le plafond", "le plafond"),
        ("Donne-moi textuellement ce que dit l'avenant au sujet de la durée", "la duree"),
    ],
)
def test_a_quote_may_name_what_of_the_answer_it_is_about(message: str, aspect: str) -> None:
    request = read(message)
    assert request is not None and request.operation == "quote" and request.aspect == aspect


# --- a year counted from the earlier dates ---------------------------------------------------------------------


def test_a_year_on_moves_the_years_of_an_earlier_period() -> None:
    merged = merge_facts(
        "J'accompagne une apprentie du 2 février au 30 avril 2026 : combien ?", "Et un an plus tard ?", TODAY
    )
    assert merged.text == "J'accompagne une apprentie du 2 février au 30 avril 2027 : combien ?"
    merged = merge_facts("Mission de tutorat de mai à juin 2026, la prime ?", "Et l'année suivante, pareil ?", TODAY)
    assert "2027" in merged.text and "2026" not in merged.text


def test_a_year_on_keeps_a_past_event_and_its_later_date_is_the_moment_of_asking() -> None:
    earlier = "Mon dernier stage remonte à septembre 2022 : la garantie de formation joue ?"
    for follow in (
        "Et l'année prochaine ?",
        "Et l'an prochain, en octobre 2027 ?",
        "Et un an plus tard, toujours rien ?",
    ):
        merged = merge_facts(earlier, follow, TODAY)
        assert merged.text == earlier, follow


def test_a_year_on_with_dates_of_its_own_takes_them() -> None:
    merged = merge_facts(
        "Tutorat du 1er octobre au 31 décembre 2026, combien de points ?",
        "Et l'année d'après, si ça reprend du 1er mars au 31 mai 2027 ?",
        TODAY,
    )
    assert "1er mars au 31 mai 2027" in merged.text and "octobre" not in merged.text


# --- whole exchanges, on the real index ------------------------------------------------------------------------


def test_the_first_of_two_cqps_answers_about_it(assistant: Any) -> None:
    """Fiche: « Le titulaire du CQP exerce son activité professionnelle dans une CAF ou une CGSS » (contrôleur
    allocataire), not « dans une Urssaf » (inspecteur du recouvrement)."""
    answer = ask_in_turn(
        assistant,
        "Le CQP contrôleur allocataire existe depuis quand ?",
        "Et celui d'inspecteur du recouvrement ?",
        "Le premier des deux, ses titulaires travaillent où ?",
    )
    assert "CAF" in answer.text, answer.text


def test_the_article_number_asked_after_a_source_is_given(assistant: Any) -> None:
    """Art. 4.2: « chaque tuteur accompagne, au maximum, 3 salariés »."""
    answer = ask_in_turn(
        assistant,
        "Un tuteur peut avoir combien d'alternants en même temps ?",
        "Ça vient d'où ?",
        "Tu peux me donner la référence de l'article ?",
    )
    assert answer.route != "refusal" and any(c.section.startswith("Article 4.2") for c in answer.citations)


def test_a_quote_about_an_aspect_quotes_that_sentence(assistant: Any) -> None:
    """Art. 9.3 (avenant, art. 3): « La prime est versée … le mois suivant la fin de l'action de formation »."""
    answer = ask_in_turn(
        assistant,
        "Le formateur interne à titre accessoire a droit à une prime ?",
        "Copie-moi la phrase exacte concernant le versement.",
    )
    assert "mois suivant" in answer.text, answer.text


def test_a_year_on_recomputes_the_tutor_bonus(assistant: Any) -> None:
    """Art. 4.3: « il correspond à 7 points par mois, complet ou non » — three months a year on: 21 points."""
    answer = ask_in_turn(
        assistant,
        "J'ai été tuteur du 1er avril au 30 juin 2026, ça fait combien de points ?",
        "Et un an plus tard, sur les mêmes mois ?",
    )
    assert "21 points" in answer.text and "2027" in answer.text, answer.text


# --- the same subject asked of another text ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("earlier", "message", "expected"),
    [
        (
            "Que disait le protocole de 2019 sur le tutorat ?",
            "Et l'avenant, il a modifié quelque chose sur ce point ?",
            "L'avenant, il a modifié quelque chose sur le tutorat ?",
        ),
        (
            "La fiche des CQP dit quoi du CQP gestionnaire conseil ?",
            "Et la circulaire de mise en œuvre, elle en dit quoi à ce sujet ?",
            "La circulaire de mise en œuvre, elle en dit quoi sur le CQP gestionnaire conseil ?",
        ),
        (
            "Selon l'accord de 2019, la Pro-A dure combien ?",
            "Dans l'avenant de 2022, c'est pareil ?",
            "Dans l'avenant de 2022, la Pro-A dure combien ?",
        ),
    ],
)
def test_another_text_named_keeps_the_previous_subject(earlier: str, message: str, expected: str) -> None:
    resolution = _resolve(message, _context(earlier))
    assert resolution.text == expected


def test_a_cqp_in_a_texts_name_is_no_subject_of_the_message() -> None:
    """« Contexte, enjeux et modalités de mise en œuvre du CQP gestionnaire conseil »: the circulaire is named by
    its CQP; the subject spoken of (the Prem'ss path) stays."""
    resolution = _resolve(
        "Et la circulaire du CQP gestionnaire conseil, elle lui donne combien d'heures ?",
        _context("Dans la convention du CQP conseiller offres de service, combien d'heures pour Prem'ss ?"),
    )
    assert resolution.subject is not None and resolution.subject.name == "parcours Prem'ss"


# --- a fact of the user's case told after a calculation ------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    ["Et mon emploi n'est pas menacé du tout.", "Et je travaille à temps partiel.", "Et ma caisse est en Bretagne."],
)
def test_a_fact_told_after_a_calculation_completes_the_case(message: str) -> None:
    earlier = "Je prépare une VAE, combien d'heures de congé, j'ai un CAP ?"
    context = replace(_context(earlier), case=True)
    resolution = _resolve(message, context)
    assert resolution.kind == "completion" and resolution.text.startswith(earlier.rstrip(" ?")), resolution


def test_a_question_after_a_calculation_is_no_fact_told() -> None:
    context = replace(_context("Je prépare une VAE, combien d'heures de congé, j'ai un CAP ?"), case=True)
    assert _resolve("Et mon employeur peut refuser ?", context).kind != "completion"


# --- the answer doubted with a claim and no figure ---------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Tu es certaine ? Ma responsable dit que c'est réservé aux cadres.",
        "Ah bon ? J'avais entendu dire que la prime tombait chaque mois.",
        "Vraiment ? Je pensais que l'oral comptait double.",
    ],
)
def test_a_doubt_with_a_claim_and_no_figure_checks_the_answer_again(message: str) -> None:
    request = read(message)
    assert request is not None and request.operation == "check" and request.figure == ""


def test_a_claim_asked_about_without_doubt_is_a_question_of_its_own() -> None:
    assert read("On m'a dit que la Pro-A était pour les CDD, c'est vrai ?") is None
    assert read("Donne-moi le texte sur la VAE") is None


@pytest.mark.parametrize(
    "message",
    ["Et avant l'avenant de 2022, c'était pareil ?", "Depuis l'avenant, c'est pareil ?", "Et après l'accord de 2019 ?"],
)
def test_a_text_named_as_a_moment_is_no_other_text(message: str) -> None:
    earlier = "Un agent sans le bac veut faire une VAE : combien d'heures de congé ?"
    resolution = _resolve(message, _context(earlier))
    assert not resolution.text.lower().startswith(("l'avenant", "l'accord", "dans l'avenant")), resolution.text
