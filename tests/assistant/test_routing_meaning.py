"""The router with a reading of the example bank (routing by meaning, issues #13 and #21).

Readings are built by hand here, so these tests pin the combination rule (cue scores plus the
bank's vote) without the model; tests/assistant/test_meaning.py covers the bank itself.
"""

from __future__ import annotations

from datetime import date

from assistant.answering import wording
from assistant.routing.meaning import OUT_OF_SCOPE, Reading
from assistant.routing.router import route
from assistant.routing.scope import half_in_scope
from assistant.routing.subject import speaks_of, subject_phrase
from assistant.routing.topics import uncovered

TODAY = date(2025, 11, 25)
FICHE = ("Le contrat à durée déterminée (CDD)", "https://travail-emploi.gouv.fr/le-contrat-duree-determinee-cdd")


def reading(intent: str, share: float = 1.0, fiche: tuple[str, str] | None = None) -> Reading:
    scores = {intent: share}
    if share < 1.0:
        scores["other"] = 1.0 - share
    return Reading(scores=scores, intent=intent, share=share, similarity=0.95, fiche=fiche)


def test_a_labour_law_question_is_refused_by_meaning_with_the_ministrys_fiche() -> None:
    decision = route("Quelle est la durée maximale d'un CDD ?", TODAY, lambda _: reading(OUT_OF_SCOPE, fiche=FICHE))
    assert decision.route == "refusal" and decision.fiche == FICHE


def test_without_a_reading_the_cues_decide_as_before() -> None:
    assert route("Quelle est la durée maximale d'un CDD ?", TODAY).route == "retrieval"


def test_a_topic_named_by_a_strong_cue_outweighs_a_weak_out_of_scope_vote() -> None:
    decision = route("Combien touche un tuteur ?", TODAY, lambda _: reading(OUT_OF_SCOPE, 0.6))
    assert decision.route != "refusal" and decision.topic == "tutor_bonus"


def test_meaning_alone_brings_a_question_named_by_no_cue_to_its_topic() -> None:
    question = "je chaperonne une nouvelle recrue en alternance, ça me rapporte quoi ?"
    assert route(question, TODAY).topic != "tutor_bonus"
    assert route(question, TODAY, lambda _: reading("tutor_bonus")).topic == "tutor_bonus"


def test_meaning_does_not_bring_back_a_subject_named_outright_as_out_of_corpus() -> None:
    decision = route("Quand est versée la prime d'intéressement ?", TODAY, lambda _: reading("tutor_bonus", 0.7))
    assert decision.route == "refusal"


def test_a_family_the_texts_cover_in_part_is_answered_with_what_they_leave_out() -> None:
    question = "Quelles sont les primes prévues par la convention collective ?"
    decision = route(question, TODAY, lambda _: reading(OUT_OF_SCOPE))
    assert decision.route == "retrieval"
    assert decision.refusal_topic and "autres primes" in decision.refusal_topic
    assert "tuteur" in decision.topic_query and "formateur interne" in decision.topic_query  # what the texts hold
    note = wording.uncovered_part(decision.refusal_topic)
    assert note.startswith("Les textes indexés ne traitent pas des autres primes")


def test_asking_what_the_agreement_says_goes_to_the_texts() -> None:
    question = "La formation des salariés handicapés, le protocole en dit quelque chose ?"
    assert route(question, TODAY, lambda _: reading(OUT_OF_SCOPE)).route == "retrieval"


def test_the_subject_is_the_head_noun_phrase() -> None:
    assert subject_phrase("Quelle est la durée maximale d'un CDD ?") == "duree maximale cdd"
    assert subject_phrase("Le plafond du CPF en euros c'est combien ?") == "plafond cpf"
    assert subject_phrase("Quelle est la durée du dispositif Pro-A ?") == "duree dispositif pro-a"


def test_a_passage_speaks_of_the_subject_only_with_its_words() -> None:
    assert not speaks_of({"plafond", "cpf"}, {"cpf", "abond", "formation"})
    assert speaks_of({"duree", "dispositif", "pro-a"}, {"duree", "pro-a", "mois"})  # all but one of three
    assert speaks_of(set(), {"x"})


def test_the_refusal_names_the_general_rule_as_labour_law_in_one_paragraph() -> None:
    text = wording.refusal(None, FICHE)
    assert "\n" not in text
    assert "ne traitent pas de cette question" in text
    assert "droit du travail" in text and "pas de ces accords" in text
    assert f"« {FICHE[0]} » ({FICHE[1]})" in text
    assert "Pro-A" in text and len(text) < 700


def test_the_bank_says_which_articles_each_topic_is_about() -> None:
    """Retrieval prefers the routed topic's articles (`routing.meaning.topic_articles`): the contrat de
    professionnalisation is art. 3, the Pro-A art. 2 and its list (annexe 1), and a row naming its document
    (the avenant's art. 6, the trainer bonus's date d'effet) is not read as the protocole's art. 6."""
    from assistant.routing.meaning import BANK_DOCUMENT, topic_articles

    articles = topic_articles()
    assert {s for d, s in articles["professionalisation"] if d == BANK_DOCUMENT} <= {f"3.{n}" for n in range(1, 8)}
    assert all(s.startswith("2.") or s == "Annexe 1" for _, s in articles["pro_a"])  # annexe 1: the Pro-A list
    assert ("avenant-2022-10-11-formation-professionnelle", "6") in articles["trainer_bonus"]
    assert (BANK_DOCUMENT, "6") not in articles["trainer_bonus"]
    assert "out_of_scope" not in articles and "other_corpus" not in articles


def test_the_asking_sentence_decides_the_scope_over_the_context_said_before_it() -> None:
    """A refusal cue or an out-of-scope reading of the context ("Délégué syndical de ma caisse.") does not
    refuse a question whose asking sentence, read alone, is clearly one of the texts' topics."""
    question = "Délégué syndical de ma caisse. Qui arbitre l'emploi des fonds mutualisés de la formation ?"

    def bank(text: str) -> Reading:
        return reading("contribution", 0.8) if text.startswith("Qui arbitre") else reading(OUT_OF_SCOPE, 0.9)

    assert route(question, TODAY, lambda _: reading(OUT_OF_SCOPE, 0.9)).route == "refusal"
    decision = route(question, TODAY, bank)
    assert decision.route == "retrieval" and decision.refusal_topic is None
    # an asking sentence that reads out of scope, or that is too short to say anything, leaves the whole decide
    short = "Délégué syndical de ma caisse. On a le droit ?"
    assert route(short, TODAY, bank).route == "refusal"


def test_a_message_half_in_scope_is_routed_on_its_covered_question() -> None:
    """Two questions, one the texts cover and one they do not: the covered one is routed alone (the
    other's "décembre" is no tutoring month) and the other is named as not covered."""
    question = "Combien de points par mois touche un tuteur ? Et mes RTT, je peux les poser quand en décembre ?"

    def bank(text: str) -> Reading:
        return reading(OUT_OF_SCOPE) if "RTT" in text else reading("tutor_bonus")

    decision = route(question, TODAY, bank)
    assert decision.route == "retrieval" and decision.topic == "tutor_bonus"
    assert "décembre" not in decision.topic_query and decision.refusal_topic
    assert wording.uncovered_part(decision.refusal_topic).startswith("Les textes indexés ne traitent pas")
    # every question read as outside (or a single question): no half, the whole message decides as before
    both_outside = "Mes RTT, je peux les poser quand en décembre ? Et mon préavis de démission dure combien ?"
    assert half_in_scope(both_outside, lambda _: reading(OUT_OF_SCOPE), uncovered) is None
    assert half_in_scope("Et mes RTT, je peux les poser quand en décembre ?", bank, uncovered) is None
