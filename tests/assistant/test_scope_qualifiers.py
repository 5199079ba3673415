"""A qualifier that moves a question outside the texts, though its subject is theirs (issue #21).

The domain a rule is asked for ("dans la branche de l'hôtellerie", "dans la fonction publique territoriale",
"dans le BTP") and the actor who pays or receives ("l'État", "Pôle emploi", "l'inspection du travail") are
read from the message's grammar and checked against the real texts (`chunks`: every passage of the shipped
corpus). The questions are written for these tests, in other words than any evaluation set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from assistant.answering.corpus_words import CorpusPhrases, CorpusWords
from assistant.answering.qualifiers import actor_outside, foreign_domain, foreign_purpose, named_actors
from ingest.models import Chunk
from knowledge.hybrid import Evidence

if TYPE_CHECKING:
    from assistant.service import Assistant

NAMES = ["Protocole d'accord relatif à la formation professionnelle", "circulaire", "avenant"]


@pytest.fixture(scope="module")
def words(chunks: list[Chunk]) -> CorpusWords:
    return CorpusWords([c.text for c in chunks])


@pytest.fixture(scope="module")
def phrases(chunks: list[Chunk]) -> CorpusPhrases:
    return CorpusPhrases([c.context_text for c in chunks] + NAMES)


@pytest.mark.parametrize(
    ("question", "domain"),
    [
        ("Chez nous dans la branche de l'hôtellerie, le tuteur touche-t-il une prime ?", "hotellerie"),
        ("La convention collective de la chimie prévoit quoi pour le CPF ?", "chimie"),
        ("Un formateur occasionnel du secteur de la restauration est-il payé en points ?", "restauration"),
        ("Agent de la fonction publique territoriale, ai-je droit à un CEP d'une demi-journée ?", "fonction publique"),
        ("Une Pro-A dans le BTP dure combien de mois au maximum ?", "btp"),
        ("Les contrats de professionnalisation chez les couvreurs sont-ils rémunérés pareil ?", "couvreurs"),
    ],
)
def test_a_domain_the_texts_never_speak_of_is_found(
    question: str, domain: str, words: CorpusWords, phrases: CorpusPhrases
) -> None:
    assert domain in (foreign_domain(question, words, phrases) or "")  # alone, or with its noun ("secteur …")


@pytest.mark.parametrize(
    "question",
    [
        "Dans la branche du régime général, qui fixe les priorités de financement ?",  # the texts' own branch
        "La branche de la Sécu finance-t-elle les CQP ?",  # a clipped word of theirs
        "Dans l'accord de 2019, quel article traite du tutorat ?",  # a year, not a domain
        "Après huit ans dans une banque, ai-je droit au CEP ?",  # the asker's past, not the rule's domain
        "Dans ma caisse, le tuteur est-il désigné par le manager ?",  # the asker's own employer
        "Dans la nomenclature des diplômes, le DEAES est à quel niveau ?",  # a common noun, not a sector
        "Que dit la circulaire sur les épreuves du CQP gestionnaire conseil ?",  # an indexed text's name
    ],
)
def test_the_texts_own_domains_and_the_askers_situation_are_not_foreign(
    question: str, words: CorpusWords, phrases: CorpusPhrases
) -> None:
    assert foreign_domain(question, words, phrases) is None


def test_a_leave_asked_for_a_purpose_the_texts_never_speak_of_is_found(
    words: CorpusWords, phrases: CorpusPhrases
) -> None:
    """The texts grant absences for their own purposes (a CEP, a VAE, a training, a jury)."""
    assert foreign_purpose("Ai-je un congé pour mon déménagement ?", words, phrases) == "demenagement"
    assert foreign_purpose("Combien d'heures d'absence pour aller au baptême de mon neveu ?", words, phrases)
    assert foreign_purpose("Un jour de congé pour célébrer mes noces d'argent, c'est prévu ?", words, phrases)
    # their own purposes, in the user's words
    assert foreign_purpose("Puis-je m'absenter pour un rendez-vous CEP ?", words, phrases) is None
    assert foreign_purpose("Le congé pour la préparer dure combien ?", words, phrases) is None
    assert foreign_purpose("Combien d'heures de congé pour préparer une VAE ?", words, phrases) is None
    assert foreign_purpose("Une absence pour suivre une formation est-elle payée ?", words, phrases) is None


@pytest.mark.parametrize(
    "question",
    [
        "Puis-je m'absenter pour les soins dentaires de ma fille ?",
        "Une autorisation d'absence pour les obsèques de mon oncle, ça existe ?",
        "Ai-je droit à un congé pour passer le concours de la magistrature ?",
    ],
)
def test_a_purpose_in_words_the_texts_use_elsewhere_is_still_theirs_only_if_they_speak_of_it(
    question: str, words: CorpusWords, phrases: CorpusPhrases
) -> None:
    """ "soins", "concours", "obsèques"… may be words of the texts; the purpose as a phrase is spoken of nowhere."""
    assert foreign_purpose(question, words, phrases) is not None


@pytest.mark.parametrize(
    "question",
    [
        "Une absence pour un autre CEP cette année, c'est possible ?",  # their scheme, by its acronym
        "Le congé pour la passer, c'est 24 heures ?",  # a pronoun for the VAE named before
        "Je peux m'absenter pour un entretien VAE ?",
    ],
)
def test_a_purpose_naming_their_scheme_or_standing_for_it_is_theirs(
    question: str, words: CorpusWords, phrases: CorpusPhrases
) -> None:
    assert foreign_purpose(question, words, phrases) is None


def test_the_actor_who_pays_or_receives_is_read_from_the_grammar() -> None:
    assert named_actors("Pour un contrat pro, la région nous verse-t-elle une aide ?") == ["région"]
    assert named_actors("Combien Pôle Emploi rembourse-t-il pour une VAE ?") == ["Pôle Emploi"]
    assert named_actors("Le plan de formation doit-il être envoyé à la DREETS ?") == ["DREETS"]
    assert named_actors("Comment saisir le conseil de discipline ?") == ["conseil de discipline"]
    assert named_actors("Qui paie la Pro-A ?") == []  # an interrogative, not an actor
    assert named_actors("Je lui accorde une demi-journée ?") == []  # the asker


def _evidence(chunks: list[Chunk], section: str) -> list[Evidence]:
    found = [c for c in chunks if c.section_number == section and c.document.startswith("accord")]
    assert found, section
    return [Evidence(id=c.id, chunk=c, score=1.0) for c in found]


def test_an_actor_the_best_passages_do_not_name_moves_the_question_elsewhere(
    chunks: list[Chunk], phrases: CorpusPhrases
) -> None:
    """The contrat de professionnalisation's article (3.6, 3.7) names the OPCO as the one that finances it;
    a question on what the State or a région pays is theirs, not the texts'. A plain noun the texts use
    elsewhere ("la caisse verse…") is the branch's own organisation and is left to the other checks."""
    contrat = _evidence(chunks, "3.6") + _evidence(chunks, "3.7")
    assert actor_outside("Pour une alternante en contrat pro, l'État nous verse combien ?", contrat, phrases)
    assert actor_outside("La DREETS finance-t-elle nos contrats de professionnalisation ?", contrat, phrases)
    assert actor_outside("Le plan doit-il être transmis à l'inspection académique ?", contrat, phrases)
    assert actor_outside("L'OPCO prend-il en charge le contrat de professionnalisation ?", contrat, phrases) is None
    assert actor_outside("Pour un contrat pro, la caisse verse-t-elle le salaire ?", contrat, phrases) is None


@pytest.mark.parametrize(
    "question",
    [
        "Dans la branche de l'hôtellerie, combien de points touche un tuteur par mois ?",
        "Pour une Pro-A dans le BTP, combien d'heures de formation au minimum ?",
        "Quand on embauche en contrat de professionnalisation, l'Agefiph nous verse-t-elle une aide ?",
        # (a known gap until the seventeenth session: "la région" is a noun the texts use; the refusal judge reads it)
        "Quand on embauche en contrat de professionnalisation, la région nous verse-t-elle une aide ?",
        "Est-ce que le bilan de la Pro-A doit être envoyé à l'inspection académique ?",
    ],
)
def test_the_assistant_refuses_a_rule_asked_for_another_domain_or_payer(assistant: Assistant, question: str) -> None:
    """The subject is the texts' (a tutor, the Pro-A, the contrat de professionnalisation); the qualifier
    moves the question to a domain or a payer they do not treat: refused, not answered with their article."""
    assert assistant.ask(question).route == "refusal"


@pytest.mark.parametrize(
    "question",
    [
        "Dans la branche du régime général, combien de points touche un tuteur par mois ?",
        "L'OPCO prend-il en charge les frais de la Pro-A ?",
        "Après cinq ans dans une banque, puis-je faire une Pro-A dans ma caisse ?",
    ],
)
def test_the_texts_own_domain_and_payer_are_still_answered(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).route != "refusal"


@pytest.mark.parametrize(
    "question",
    [
        "Un congé pour faire du bénévolat associatif, c'est prévu ?",  # the verb without an article
        "Puis-je partir en retraite plus tôt au titre de la pénibilité ?",  # the ground a right is claimed under
        "Ai-je droit à des jours au titre du compte épargne-temps ?",
    ],
)
def test_a_purpose_after_a_bare_verb_or_a_ground_the_texts_never_speak_of_is_found(
    question: str, words: CorpusWords, phrases: CorpusPhrases
) -> None:
    assert foreign_purpose(question, words, phrases) is not None


@pytest.mark.parametrize(
    "question",
    [
        "Puis-je obtenir une absence au titre de la validation des acquis de l'expérience ?",
        "Un abondement au titre du plan de développement des compétences est-il possible ?",
        "Des heures au titre du CPF peuvent-elles servir pour un CQP ?",
        "Une absence pour faire un bilan de compétences est-elle rémunérée ?",
    ],
)
def test_a_ground_or_purpose_of_theirs_is_not_foreign(
    question: str, words: CorpusWords, phrases: CorpusPhrases
) -> None:
    assert foreign_purpose(question, words, phrases) is None
