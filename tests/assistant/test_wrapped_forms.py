"""The same question in another form (issue #13, points 2 and 4): leetspeak, a forwarded quote, English, a
source label before a quote, spoken markers. Wordings written for these tests, unlike the eval items and the
harness's transforms; the real-corpus half checks the texts' figure reaches the answer.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.routing.english import drop_english, in_french, is_english
from assistant.routing.noise import strip_noise
from assistant.routing.question_frame import strip_frames
from assistant.routing.unwrap import decode_leet

TODAY = date(2026, 11, 29)


# --- leetspeak: decoded when the message is leet, by the words it gives back -----------------------------------
@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("qu3ll3 3st l4 dur33 d3 l4 pr0-A ?", ["quelle", "est", "la", "duree", "de", "pro-A"]),
        ("l3 c3p 3st 1l gr4tu1t ?", ["le", "cep", "est", "il", "gratuit"]),
        ("QU1 F1N4NC3 L3 C0NTR4T D3 PR0F3SS10NN4L1S4T10N ?", ["QUI", "FINANCE", "LE", "CONTRAT", "DE"]),
        ("c0mb13n d'h3ur35 d3 c0ng3 p0ur 1a v4e ?", ["combien", "heures", "conge", "pour", "vae"]),
    ],
)
def test_a_leet_message_is_read_in_letters(message: str, words: list[str]) -> None:
    decoded, changed = decode_leet(message)
    assert changed and all(w in decoded for w in words), decoded


@pytest.mark.parametrize(
    "message",
    [
        "Le CQP niveau B2 du RNCP34, art. 4.3, le 1er mars 2025 : quelle prime ?",
        "Après 3 ans et 4 mois, le 2e entretien a lieu quand ?",
        "Un salarié en L5 avec un bac+3 peut-il faire une Pro-A ?",
    ],
)
def test_codes_ordinals_and_figures_are_not_leet(message: str) -> None:
    assert decode_leet(message) == (message, False)


# --- a forwarded question: the quote is the message when the rest asks nothing of the texts ---------------------
@pytest.mark.parametrize(
    "message",
    [
        "> Le congé VAE dure combien d'heures ?\n\nQuelqu'un m'a demandé ça au service, tu sais ?",
        "> Qui finance la Pro-A ?\n> Bonne journée\n\nRéponse rapide stp, je dois lui répondre avant midi.",
        "Le 4 avril, Marc a écrit :\n> À quoi sert l'entretien de bilan ?\n\nTu aurais une idée ?",
    ],
)
def test_a_forwarded_question_in_a_quote_is_kept(message: str) -> None:
    cleaned, _ = strip_noise(message)
    question = next(line for line in message.split("\n") if line.startswith(">") and "?" in line)
    assert question.lstrip("> ").strip() in cleaned and ">" not in cleaned


@pytest.mark.parametrize(
    ("message", "own"),
    [
        ("> Tu as vu la note sur les tickets-restaurant ?\n\nLa Pro-A dure combien de temps ?", "La Pro-A"),
        ("> La Pro-A est-elle ouverte aux CDI ?\n\nEt pour les CDD ?", "Et pour les CDD ?"),
        ("> Le congé VAE dure combien ?\n\nEt avec un BTS ?", "Et avec un BTS ?"),
    ],
)
def test_a_quote_beside_a_question_of_ones_own_is_still_cut(message: str, own: str) -> None:
    cleaned, _ = strip_noise(message)
    assert cleaned.startswith(own) and ">" not in cleaned


# --- English: framing cut beside a French question, a question in English read in the texts' French ------------
@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("Sorry to bother you again: le CEP est-il payé ? Cheers!", "le CEP est-il payé ?"),
        ("Hi, I have one for you. Qui désigne le tuteur ?", "Qui désigne le tuteur ?"),
        ("Qui paie la VAE ? This is for my report, thanks.", "Qui paie la VAE ?"),
    ],
)
def test_english_sentences_beside_a_french_question_are_cut(message: str, kept: str) -> None:
    assert drop_english(message).strip() == kept


@pytest.mark.parametrize(
    ("message", "terms"),
    [
        ("How long can a professionalisation contract last?", ["durée", "contrat", "professionnalisation"]),
        ("Who funds the training of internal trainers?", ["qui", "financement", "formation", "formateurs", "interne"]),
        ("Is the tutor bonus prorated for part-time staff?", ["tuteur", "prime", "proratisée", "temps partiel"]),
    ],
)
def test_an_english_question_is_read_with_the_texts_terms(message: str, terms: list[str]) -> None:
    assert is_english(message)
    french = in_french(message)
    assert all(t in french for t in terms), french


@pytest.mark.parametrize(
    "message",
    [
        "Le CQP de niveau I dure-t-il 1 an ?",
        "Un an de VAE, on peut le faire à Pôle emploi ?",
        "La prime du tuteur est-elle versée en fin de mission ?",
    ],
)
def test_french_is_not_read_as_english(message: str) -> None:
    assert not is_english(message) and in_french(message) == message and drop_english(message) == message


# --- a source label before a quote, spoken markers ------------------------------------------------------------
@pytest.mark.parametrize(
    ("message", "starts"),
    [
        ("Affiche de la salle de pause : « Le tuteur accompagne 8 salariés. » Vrai d'après le protocole ?", "«"),
        ("Fiche mémo du manager (version 2021) : « Pro-A = 3 ans ». C'est ce que dit l'avenant ?", "«"),
        ("Extrait du podcast RH : « la VAE, c'est 100 heures de congé ». Et en vrai ?", "«"),
    ],
)
def test_a_source_label_before_a_quote_is_cut(message: str, starts: str) -> None:
    cleaned, flagged = strip_frames(message)
    assert cleaned.startswith(starts) and not flagged, cleaned


@pytest.mark.parametrize(
    "message",
    [
        "Article 4.3 : « 7 points par mois », c'est toujours en vigueur ?",
        "Pour un CDD de 6 mois : « le CEP est refusé », c'est exact ?",
        "Le tuteur : « au maximum 3 salariés », et pour un CQP ?",
    ],
)
def test_a_label_naming_a_part_a_fact_or_a_subject_stays(message: str) -> None:
    assert strip_frames(message)[0].startswith(message.split(":")[0])


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("Bah dis, le congé VAE, on l'a pour quel diplôme, hein ?", "le congé VAE, on l'a pour quel diplôme ?"),
        ("Eh, la Pro-A c'est payé par qui, tu crois ?", "la Pro-A c'est payé par qui ?"),
        ("Tiens, l'entretien d'bilan, c'est quand, dis ?", "l'entretien de bilan, c'est quand ?"),
    ],
)
def test_spoken_markers_are_cut(message: str, question: str) -> None:
    assert strip_frames(message)[0] == question


# --- chatter after the closing question ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "message",
    [
        "Qui désigne le tuteur ? Bon, ici la neige tombe depuis ce matin, le parking est glissant.",
        "Le CEP est-il gratuit ? Au fait, la cantine sert du couscous aujourd'hui, on se voit là-bas.",
        "La Pro-A dure combien de temps ? Excellente semaine à toute l'équipe et bon courage pour l'inventaire.",
    ],
)
def test_chatter_after_the_question_is_cut(message: str) -> None:
    assert strip_frames(message)[0] == message.split("?")[0] + "?"


@pytest.mark.parametrize(
    "message",
    [
        "Ai-je droit au CEP ? Je suis en CDD depuis l'an dernier.",
        "Combien de points ? Elle a terminé sa mission en juin.",
        "Combien de places ? (c'est dans l'annexe sur le DEAES)",
    ],
)
def test_a_fact_or_a_pointer_after_the_question_stays(message: str) -> None:
    assert strip_frames(message)[0] == message


# --- real corpus: the texts' figure reaches the answer whatever the form --------------------------------------
REAL_FORMS = [
    ("qu3ll3 d0r33 p0ur l3 c0ng3 v4e ?", "24 heures"),
    ("> Le tuteur suit combien de salariés au plus ?\n\nPas sûre de la réponse, tu regardes ?", "3 salariés"),
    ("What is the contribution rate paid by the organisations?", "0,15"),
    ("Post LinkedIn d'un consultant : « le CEP = 3 jours pour tous ». Et dans l'accord ?", "demi-journée"),
    ("Ben, la prime du formateur, elle tombe quand, hein ?", "mois suivant"),
]


@pytest.mark.parametrize(("message", "expected"), REAL_FORMS)
def test_every_form_reaches_the_texts_figure(real_assistant: Any, message: str, expected: str) -> None:
    answer = real_assistant.ask(message, today=TODAY)
    assert answer.route != "refusal" and expected in answer.text, answer.text[:300]
