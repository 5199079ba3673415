"""Which thing the question asks about: the subject's complement after "à", a CQP's qualifier, a text's name, a
price (issue #21, scope10).

Checked against the real texts (`chunks`: every passage of the shipped corpus). The questions are written for these
tests, in other words than any evaluation set; the property tests build their questions from the texts' own
phrases, so that whatever the texts write is never read as another thing.
"""

from __future__ import annotations

import re

import pytest

from assistant.answering.attributes import asks_price, unstated_attribute
from assistant.answering.complements import foreign_complement, foreign_cqp
from assistant.answering.corpus_words import CorpusPhrases, CorpusWords
from assistant.answering.frameworks import foreign_named_text
from ingest.models import Chunk
from knowledge.hybrid import Evidence

NAMES = ["Protocole d'accord relatif à la formation professionnelle du 19 décembre 2019", "avenant", "circulaire"]


@pytest.fixture(scope="module")
def words(chunks: list[Chunk]) -> CorpusWords:
    return CorpusWords([c.text for c in chunks])


@pytest.fixture(scope="module")
def phrases(chunks: list[Chunk]) -> CorpusPhrases:
    return CorpusPhrases([c.context_text for c in chunks] + NAMES)


@pytest.mark.parametrize(
    "question",
    [
        "La formation au sauvetage aquatique est-elle prise en charge pour les agents d'accueil ?",
        "Combien de jours de formation à la soudure l'employeur doit-il accorder ?",
        "Une formation aux gestes de manutention, c'est obligatoire tous les ans ?",
        "Quelle est la durée d'un stage à la plongée sous-marine pour nos techniciens ?",
    ],
)
def test_a_complement_after_a_naming_a_kind_the_texts_never_treat_moves_the_question(
    question: str, words: CorpusWords, phrases: CorpusPhrases
) -> None:
    assert foreign_complement(question, words, phrases) is not None


@pytest.mark.parametrize(
    "question",
    [
        "Un stagiaire a raté des heures : sont-elles payées ?",  # "a" is the verb, not "à"
        "La demande d'absence se pose combien de temps à l'avance ?",  # a locution, not a kind of thing
        "Le droit à la formation est-il garanti après quatre ans ?",  # the texts' own phrase
        "La formation au printemps compte-t-elle pour la garantie individuelle ?",  # a time
        "L'accès à la Pro-A dépend-il du diplôme ?",
    ],
)
def test_the_texts_own_complements_times_and_verbs_are_not_another_thing(
    question: str, words: CorpusWords, phrases: CorpusPhrases
) -> None:
    assert foreign_complement(question, words, phrases) is None


def test_every_complement_after_a_the_texts_write_is_theirs(
    chunks: list[Chunk], words: CorpusWords, phrases: CorpusPhrases
) -> None:
    """Property: each "N à la / au / aux M" the texts write, asked about as the subject of a question, is theirs."""
    found = set()
    for chunk in chunks:
        for match in re.finditer(r"\b([a-zà-ÿ]{4,}) (à la|à l'|au|aux) ([a-zà-ÿ-]{5,})", chunk.text.replace("’", "'")):
            found.add(
                f"{match.group(1)} {match.group(2)}{'' if match.group(2).endswith(chr(39)) else ' '}{match.group(3)}"
            )
    assert len(found) > 20
    wrong = [p for p in found if foreign_complement(f"Quelles sont les règles de la {p} ?", words, phrases)]
    assert not wrong


@pytest.mark.parametrize(
    "question",
    [
        "Le CQP de la grande distribution se prépare-t-il en alternance ?",
        "Pour un CQP de fleuriste, quelle est la note éliminatoire ?",
        "Le CQP de toiletteur canin compte combien de blocs ?",
    ],
)
def test_a_cqp_qualified_by_words_the_texts_never_use_is_another_branchs(
    question: str, words: CorpusWords, phrases: CorpusPhrases
) -> None:
    assert foreign_cqp(question, words, phrases) is not None


def test_every_cqp_the_fiche_names_is_theirs(chunks: list[Chunk], words: CorpusWords, phrases: CorpusPhrases) -> None:
    """Property: each CQP a heading of the texts names ("CQP Manager opérationnel"), asked about, is theirs; so is
    one named by initials or with a typing slip."""
    named = {
        re.sub(r"\s+", " ", m.group(0)).strip()
        for c in chunks
        for m in re.finditer(r"CQP(?: [A-Za-zÀ-ÿ'’-]+){1,4}", c.section_title + " " + c.section_path)
    }
    assert len(named) >= 5
    asked = [f"Le {name} est-il inscrit au RNCP ?" for name in named]
    asked += ["Le CQP GC est-il au RNCP ?", "Le CQP gestionaire conseil dure combien ?", "Le CQP suffit-il ?"]
    assert [q for q in asked if foreign_cqp(q, words, phrases)] == []


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Selon la convention Métallurgie, combien de points pour un tuteur ?", "Métallurgie"),
        ("L'accord Renault prévoit-il un congé VAE plus long ?", "Renault"),
        ("Dans le protocole Dupont, la Pro-A dure-t-elle douze mois ?", "Dupont"),
    ],
)
def test_a_text_named_by_a_name_the_texts_never_write_is_another_framework(
    question: str, name: str, phrases: CorpusPhrases
) -> None:
    assert foreign_named_text(question, phrases) == name


@pytest.mark.parametrize(
    "question",
    [
        "La convention COS prévoit-elle un délai de paiement ?",  # initials of "conseiller offres de service"
        "L'accord Ucanss de 2019 fixe-t-il la prime du tuteur ?",
        "Le protocole Pro-A est-il toujours en vigueur ?",
        "Convention Uniformation : qui signe ?",  # the first word of the sentence
    ],
)
def test_the_texts_own_names_after_a_kind_of_text_are_theirs(question: str, phrases: CorpusPhrases) -> None:
    assert foreign_named_text(question, phrases) is None


def _about(chunks: list[Chunk], words: str) -> list[Evidence]:
    found = [c for c in chunks if words.lower() in (c.section_path + c.section_title + c.text).lower()]
    assert found, words
    return [Evidence(id=c.id, chunk=c, score=1.0) for c in found[:5]]


@pytest.mark.parametrize(
    "question",
    [
        "Combien coûte une session de formation de l'École nationale supérieure de sécurité sociale ?",
        "À quel prix l'Institut 4.10 vend-il ses modules ?",
        "Quel est le tarif d'une journée à l'Institut 4.10 ?",
    ],
)
def test_a_price_is_stated_only_by_an_amount(question: str, chunks: list[Chunk], words: CorpusWords) -> None:
    """The preamble names the Institut 4.10 and the École nationale supérieure de sécurité sociale: "Les
    opérateurs institutionnels que sont l'Institut 4.10 et l'École nationale supérieure de sécurité sociale
    constituent un véritable atout" — no amount."""
    assert asks_price(question)
    assert unstated_attribute(question, _about(chunks, "Institut 4.10 et l"), words) == "prix"


def test_a_price_the_passages_state_with_an_amount_is_stated(chunks: list[Chunk], words: CorpusWords) -> None:
    """The circular states the OPCA's hourly rate in euros ("12 € de l'heure" or the like): a price asked of it is
    stated."""
    amounts = [c for c in chunks if re.search(r"\d\s*(?:€|euros)", c.text)]
    assert amounts
    evidence = [Evidence(id=c.id, chunk=c, score=1.0) for c in amounts[:5]]
    assert unstated_attribute("Quel est le coût horaire pris en charge ?", evidence, words) is None
    assert not asks_price("Combien vaut la prime du tuteur ?")


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("Côté paie on se demande si la prime du formateur interne entre dans la gratification.", ["prim", "format"]),
        ("Chez nous personne ne sait si le tuteur garde sa prime en cas d'arrêt.", ["tuteur"]),
        ("Les élus voudraient savoir si la contribution conventionnelle a changé en 2023.", ["contri"]),
    ],
)
def test_a_question_asked_indirectly_is_read_after_si(question: str, subject: list[str]) -> None:
    """The clause after "se demande si / savoir si" is what is asked, whatever frame opens the message."""
    from assistant.answering.answerable import _subjects

    assert any(all(any(t.startswith(s) for t in terms) for s in subject) for terms in _subjects(question))


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("Le délégué syndical prétend que la contribution conventionnelle est passée à 1 % ?", ["contri", "conven"]),
        ("Ma responsable m'a dit qu'un tuteur ne peut suivre que deux alternants ?", ["tuteur"]),
        ("Les anciens affirment que le congé VAE dure cinq jours ?", ["cong", "va"]),
    ],
)  # fmt: skip
def test_a_reported_claim_is_read_after_que(question: str, subject: list[str]) -> None:
    """Who claims is not the subject: the clause after "prétend / affirme / m'a dit que" is (a claim to check,
    `question_frame`). Measured: with the claimant's words in its only subject, "le délégué syndical prétend
    que la contribution …" was refused whenever the avenant's art. 5 outranked art. 10 by a hair."""
    from assistant.answering.answerable import _subjects

    assert any(all(any(t.startswith(s) for t in terms) for s in subject) for terms in _subjects(question))


@pytest.mark.parametrize(
    ("question", "cut"),
    [
        ("La CPNEFP dont dépend notre caisse fixe-t-elle les priorités ?", "depend"),
        ("Le tuteur auquel on confie trois alternants touche-t-il plus ?", "confi"),
        ("Le congé VAE duquel bénéficie un agent sans bac est-il plus long ?", "benef"),
    ],
)
def test_a_relative_pronoun_ends_the_subject(question: str, cut: str) -> None:
    """What follows "dont / auquel / lesquelles" says something of the subject; it is not the subject."""
    from assistant.answering.answerable import _subjects

    assert all(not any(t.startswith(cut) for t in terms) for terms in _subjects(question))


@pytest.mark.parametrize(
    ("question", "holder"),
    [
        ("Le protocole fixe-t-il un plafond pour les tuteurs à temps partiel ?", "tuteur"),
        ("L'accord prévoit-il une durée pour les salariés en activité partielle ?", "salar"),
        ("La circulaire indique-t-elle un nombre d'heures aux candidats libres ?", "candid"),
    ],
)
def test_whom_a_text_states_something_for_is_a_subject(question: str, holder: str) -> None:
    """ "Le texte donne-t-il un N pour X ?": N is what is stated, X what the texts must speak of."""
    from assistant.answering.answerable import _subjects

    assert any(any(t.startswith(holder) for t in terms) for terms in _subjects(question)[1:])


@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("Quel est le taux d'embauche des titulaires du CQP contrôleur allocataire ?", "Contrôleur allocataire"),
        ("Quel est le taux de féminisation des lauréats du CQP manager opérationnel ?", "Manager opérationnel"),
        ("Quel est le délai de correction des copies du CQP délégué de l'assurance maladie ?", "Délégué"),
    ],
)
def test_an_attribute_named_by_a_pair_the_texts_never_write_is_unstated(
    question: str, part: str, chunks: list[Chunk], words: CorpusWords, phrases: CorpusPhrases
) -> None:
    """ "Quel est le N de M ?": when the texts never write N with M, and no passage about the thing does, the
    attribute is stated nowhere (the fiche states a CQP's level, blocks and creation, not its hiring rate)."""
    assert unstated_attribute(question, _about(chunks, part), words, phrases) is not None


@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("Quel est le niveau de qualification du CQP manager opérationnel ?", "Manager opérationnel"),
        ("Quel est le numéro d'enregistrement au RNCP du CQP contrôleur allocataire ?", "Contrôleur allocataire"),
        ("Quelle est l'année de création du CQP conseiller offres de services ?", "Conseiller offres"),
    ],
)
def test_an_attribute_pair_the_passages_state_is_stated(
    question: str, part: str, chunks: list[Chunk], words: CorpusWords, phrases: CorpusPhrases
) -> None:
    """The fiche: "Le CQP est inscrit au Répertoire National de la Certification Professionnelle (RNCP) au niveau 6
    de qualification sous le numéro 35271"; "a été créé par la CPNEFP … en 2013"."""
    assert unstated_attribute(question, _about(chunks, part), words, phrases) is None


@pytest.mark.parametrize(
    ("question", "situation"),
    [
        ("Mon CPF est-il gelé durant une mise en disponibilité ?", "mise disponibilite"),
        ("Puis-je mobiliser mon compte formation pendant une période de chômage partiel ?", "periode de chomage"),
        ("Que devient mon CPF après un licenciement économique ?", "licenciement economique"),
    ],
)
def test_a_situation_the_texts_never_speak_of_is_unstated(
    question: str, situation: str, phrases: CorpusPhrases
) -> None:
    from assistant.answering.attributes import unstated_situation

    found = unstated_situation(question, phrases)
    assert found is not None and found.split()[0] == situation.split()[0]


@pytest.mark.parametrize(
    "question",
    [
        "Le salaire est-il maintenu pendant la formation ?",  # "pendant la période de la formation" (art. 3.6)
        "Que se passe-t-il après l'obtention de la certification ?",  # "suit l'obtention de la certification"
        "D'après la convention type, qui paie ?",  # a source, not a situation
        "La prime est-elle versée après la mission de tutorat ?",  # "à l'issue de la mission de tutorat"
    ],
)
def test_the_texts_own_situations_are_stated(question: str, phrases: CorpusPhrases) -> None:
    from assistant.answering.attributes import unstated_situation

    assert unstated_situation(question, phrases) is None


def test_a_clipped_word_stands_for_a_content_word_not_a_grammatical_one() -> None:
    """A subject word of three or four letters clips the passage's word ("contrat pro" is the "contrat de
    professionnalisation"), but "don" is no clipping of "dont": the convention's art. 7 table writes "Durée
    totale En jours : 8,5 ; dont : nb d'heures de formation", which must not speak of "un don de jours de repos"."""
    from assistant.answering.answerable import _abbreviated
    from assistant.answering.units import PREFIX
    from knowledge.french import analyze
    from text.folding import without_accents

    def terms(text: str) -> list[str]:
        return [t[:PREFIX] for t in analyze(without_accents(text).lower())]

    table = terms("Durée totale En jours : 8,5 ; dont : nb d'heures de formation")
    assert "don" not in _abbreviated(table, [terms("don de jours de repos")])
    contract = terms("Le contrat de professionnalisation a pour objet")
    assert "pro" in _abbreviated(contract, [terms("contrat pro")])
