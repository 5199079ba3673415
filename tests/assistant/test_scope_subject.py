"""The subject of a question read by its grammar and by the texts' own words (issue #21, false refusals of #13).

Who asks is not what is asked ("Élue CSE :", "en tant que manager,"); a question on whether the texts
speak of something is about that thing; a subject holding a word no passage of the texts uses is not
theirs to answer. The questions are written for these tests, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.answering.answerable import names_foreign_subject, texts_are_silent
from assistant.answering.corpus_words import CorpusWords, foreign_words
from assistant.routing.router import RouteDecision, route
from assistant.routing.subject import subject_phrase, without_asker
from assistant.service import Assistant
from ingest.models import Chunk
from knowledge.hybrid import Evidence

TODAY = date(2026, 11, 29)


def test_the_clause_saying_who_asks_is_set_aside() -> None:
    assert (
        without_asker("Déléguée syndicale : la branche finance-t-elle les CQP ?")
        == "la branche finance-t-elle les CQP ?"
    )
    assert without_asker("En tant que responsable d'agence, qui valide le plan ?") == "qui valide le plan ?"
    assert without_asker("Manager ici. Qui choisit les formateurs ?") == "Qui choisit les formateurs ?"
    assert without_asker("En tant qu'élue, qui paie ?", roles_only=True) == "qui paie ?"
    assert without_asker("Pour mon équipe, le tutorat compte-t-il ?") == "le tutorat compte-t-il ?"
    # not a clause of its own, or the whole message: kept
    assert (
        without_asker("Un délégué du personnel a combien d'heures ?") == "Un délégué du personnel a combien d'heures ?"
    )
    assert without_asker("Élu CSE.") == "Élu CSE."


def test_a_described_situation_is_kept_when_only_roles_are_set_aside() -> None:
    # "je suis enceinte" may be what the question is about: only a role is set aside for the scope
    assert without_asker("Je suis enceinte, la formation est maintenue ?", roles_only=True).startswith("Je suis")
    assert without_asker("Je suis en CDD depuis un an, puis-je faire un bilan ?") == "puis-je faire un bilan ?"
    assert (
        without_asker("Représentante du personnel, je demande : qui paie ?", roles_only=True)
        == "je demande : qui paie ?"
    )


def test_a_question_on_whether_the_texts_speak_of_something_is_about_that_thing() -> None:
    assert subject_phrase("Je voudrais savoir si l'avenant dit quelque chose sur le handicap.") == "handicap"
    assert subject_phrase("Est-ce que le protocole parle de la mobilité des agents ?") == "mobilite agents"
    assert subject_phrase("Le texte prévoit-il quelque chose pour les seniors ?") == "seniors"


def test_the_role_of_the_asker_does_not_make_a_question_out_of_scope() -> None:
    """A role naming the CSE is the asker, not the subject: the question on the agreement is routed as one."""
    decision = route("Élue au CSE : les caisses sont-elles tenues d'appliquer le protocole formation ?", TODAY)
    assert decision.route != "refusal"
    assert route("Combien d'heures de délégation pour une élue au CSE ?", TODAY).route == "refusal"


CORPUS = [
    "Le tuteur perçoit une prime de 7 points par mois et par salarié accompagné.",
    "Le conseil en évolution professionnelle (CEP) est dispensé par les opérateurs désignés.",
    "L'abondement du compte personnel de formation est financé par la branche.",
]


def test_a_word_is_known_by_its_form_its_stem_or_one_slip_away() -> None:
    words = CorpusWords(CORPUS)
    assert words.knows("tuteur") and words.knows("tuteurs")  # as written, by its stem
    assert words.knows("abondemnt")  # a letter missing: a typing slip
    assert words.knows("cep") and words.knows("lol")  # too short to tell: acronyms, slang
    assert not words.knows("coiffure")
    assert not words.knows("auto-ecole")  # a compound is known as a compound
    assert foreign_words("prime auto-ecole", "Ma prime paie l'auto-école ?", words) == ["auto-ecole"]
    assert foreign_words("karim contrat", "Karim peut-il signer ?", words) == ["contrat"]  # a name is not


def _evidence(text: str) -> Evidence:
    chunk = Chunk("accord", "11", "Abondement", "Article 11", text, 1, 1, 0)
    return Evidence(id=chunk.id, chunk=chunk, score=1.0)


def test_a_subject_the_texts_never_name_is_silent_even_under_a_corpus_topic() -> None:
    """The router named a corpus topic (the CPF's abondement) and the passage shares words with the question,
    but the subject ("un abondement solidaire") holds a word the texts never use: they are silent."""
    words = CorpusWords(CORPUS)
    question = "Le montant de l'abondement solidaire du compte de formation, c'est combien ?"
    evidence = [_evidence(CORPUS[2])]
    decision = RouteDecision("retrieval", topic="other_corpus", outside=0.05)
    assert names_foreign_subject(question, words)
    assert texts_are_silent(question, evidence, decision, words)
    assert not texts_are_silent(question, evidence, decision)  # without the vocabulary: the word coverage
    assert not names_foreign_subject("L'abondement du compte de formation, qui le finance ?", words)
    # what is said of the subject is not the subject: "envisageable" is not a word of these texts either
    assert not names_foreign_subject("Un abondement est envisageable ?", words)
    assert names_foreign_subject("L'abondement peut-il payer le parachutisme ?", words)  # a verb's object is


def test_accents_do_not_change_whether_a_passage_speaks_of_the_subject() -> None:
    """The subject is read folded; the passage must be too ("accès" and "acces" stem apart)."""
    decision = RouteDecision("retrieval", topic=None)
    evidence = [_evidence("La garantie individuelle d’accès à la formation s'applique à tous les salariés.")]
    assert not texts_are_silent("La garantie individuelle d'accès, c'est pour qui ?", evidence, decision)


@pytest.mark.parametrize(
    "question",
    [
        "Les cours de parapente sont-ils finançables par le compte formation ?",
        # a named corpus topic (the Pro-A) no longer outweighs the CQP's own name, a word the texts never use
        "Le CQP boulanger de la branche boulangerie ouvre-t-il droit à la Pro-A ?",
    ],
)
def test_near_corpus_questions_on_things_the_texts_never_name_are_refused(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, today=TODAY)
    assert answer.route == "refusal", answer.text


@pytest.mark.parametrize(
    ("question", "section"),
    [
        (
            "Représentant du personnel : le protocole dit-il quelque chose sur l'égal accès des femmes et des hommes ?",
            "",
        ),
        ("En tant qu'élue, je voudrais savoir qui fixe les priorités de financement de la branche.", ""),
    ],
)
def test_a_question_asked_with_a_role_in_front_is_answered(assistant: Assistant, question: str, section: str) -> None:
    answer = assistant.ask(question, today=TODAY)
    assert answer.route != "refusal", answer.text
    assert answer.citations


def test_a_clipped_word_of_the_subject_stands_for_the_texts_word_it_begins() -> None:
    """ "contrat pro" is the texts' "contrat de professionnalisation"; the words must still stand together."""
    decision = RouteDecision("retrieval", topic="professionalisation", outside=0.6)
    evidence = [_evidence("Le contrat de professionnalisation est ouvert aux demandeurs d'emploi de 26 ans et plus.")]
    assert not texts_are_silent("Un contrat pro, c'est pour qui ?", evidence, decision)
    far = [
        _evidence(
            "Le contrat de travail précise les horaires, les congés, la durée, la rémunération, les missions et "
            "le lieu d'affectation de chaque agent. Un projet est ensuite défini."
        )
    ]
    assert texts_are_silent("Un contrat pro, c'est pour qui ?", far, decision)


def test_what_the_question_sets_aside_first_is_not_its_subject() -> None:
    """ "Au-delà de …," / "En plus du …," / "Outre …," name what the question is not about."""
    assert subject_phrase("Au-delà du tutorat, quelles missions confie-t-on au formateur interne ?").startswith(
        "missions"
    )
    assert subject_phrase("En plus du CPF, la caisse peut-elle abonder ?") == "caisse abonder"
    assert subject_phrase("Outre le diplôme, quelles pièces faut-il pour la VAE ?").startswith("pieces")


def test_without_a_question_mark_the_indirect_question_asks_not_the_closing_formula() -> None:
    from assistant.routing.subject import asking_clause

    letter = (
        "Bonjour, étant tutrice depuis peu, je souhaiterais savoir combien de salariés je peux accompagner. "
        "Bien cordialement."
    )
    assert "combien de salariés" in asking_clause(letter)
    note = "Monsieur, je vous prie de bien vouloir m'indiquer quel organisme finance la Pro-A. Merci d'avance."
    assert "quel organisme finance" in asking_clause(note)
    assert asking_clause("Le tuteur touche une prime. Merci.") == "Merci."  # no indirect question: the last
    assert asking_clause("Fais comme si tu étais mon manager. J'ai un BTS.") == "J'ai un BTS."  # "comme si"


def test_a_bare_interrogative_after_a_colon_asks_about_what_precedes_it() -> None:
    from assistant.routing.subject import asking_clause

    assert (
        asking_clause("Les épreuves du CQP gestionnaire conseil : lesquelles ?")
        == "Les épreuves du CQP gestionnaire conseil "
    )
    assert asking_clause("Il existe des options au CQP : combien ?").startswith("Il existe des options")
    # a clause after the colon that names something is what is asked
    assert asking_clause("Pour l'intranet : les tuteurs, combien ?") == " les tuteurs, combien ?"


def test_a_word_between_a_noun_and_a_bare_article_is_a_verb() -> None:
    """Nouns are linked by prepositions, not by a bare article: "quel rôle joue la CPNEFP" has the verb "joue"."""
    assert subject_phrase("Quelle mission remplit le tuteur auprès de l'alternant ?").startswith("mission tuteur")
    assert subject_phrase("Combien d'agents forme un formateur interne par an ?") == "agents formateur interne"
    assert subject_phrase("Mon apprentie prépare un BTS, sa paie démarre quand ?").startswith("apprentie bts")
    assert subject_phrase("La prime de la tutrice est de combien ?") == "prime tutrice"  # "de la": a preposition


def test_a_date_is_when_not_what() -> None:
    """A passage dated "15 juillet 2019" does not speak of a question on a holiday falling on a Saturday."""
    assert "juillet" not in subject_phrase("Le 14 juillet tombe un dimanche, on a un jour en plus ?")
    assert subject_phrase("Le 1er novembre 2026, ma Pro-A démarre : combien de mois au plus ?").startswith("pro-a")
    assert subject_phrase("Embauchée le 3 avril 2021, mon entretien de bilan ?") == "embauchee"
