"""A detail the texts do not state, of a rule they do set: said so, then the nearest rule (issues #13 p3, #21).

The asked detail is read from the question's grammar (`asked_details`), whether the texts state it from the
subject's real passages (`unstated_detail`, on the shipped corpus's chunks), and the whole answer from the
real assistant. Every question here is written for these tests, in other words than the evaluation sets;
a fully answered detail (the bonus's amount, the CEP absence's length) must not be called silent.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from assistant.answering.silent import asked_details, silent_answer, unstated_detail
from ingest.models import Chunk
from knowledge.hybrid import Evidence

if TYPE_CHECKING:
    from assistant.service import Assistant

ACCORD = "accord-2019-12-19-formation-professionnelle"
AVENANT = "avenant-2022-10-11-formation-professionnelle"
CIRCULAR = "cqp-gestionnaire-conseil-mise-en-oeuvre"
TODAY = date(2026, 11, 29)
SILENT = "ne précisent pas"


def _passages(chunks: list[Chunk], document: str, *needles: str) -> list[Evidence]:
    """The real passages of a document holding every needle, as a search would return them."""
    found = [c for c in chunks if c.document == document and all(n in c.text for n in needles)]
    assert found, (document, needles)
    return [Evidence(id=c.id, chunk=c, score=1.0) for c in found]


# -- the asked detail, from the question's grammar alone -------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "kind", "words"),
    [
        # tax and social charges
        ("Dois-je déclarer la prime de formateur aux impôts ?", "social", "impôts"),
        ("La prime de tuteur est-elle nette de charges sociales ?", "social", "charges sociales"),
        ("La prime, je la touche en brut ou en net ?", "social", "en brut ou en net"),
        # a format or modality
        ("Mon entretien pro peut-il avoir lieu en visioconférence ?", "modality", "en visioconférence"),
        ("Le module CQP est-il proposé en e-learning ?", "modality", "e-learning"),
        ("On peut faire le bilan par téléphone ?", "modality", "par téléphone"),
        # a time of day or a frequency, with its alternative
        ("La formation du tuteur a lieu le soir ou le samedi ?", "schedule", "le soir ou le samedi"),
        ("Les réunions de suivi de l'alternant sont hebdomadaires ?", "schedule", "hebdomadaires"),
        ("Le versement de la contribution se fait chaque semestre ?", "schedule", "chaque semestre"),
        # an expense item, a duration, a count, a price
        ("Mon taxi pour aller au jury est-il pris en charge ?", "expense", "taxi"),
        ("En combien de temps la CPNEFP examine-t-elle une demande ?", "duration", "En combien de temps"),
        ("Il faut prévenir combien de jours avant la session ?", "duration", "combien de jours"),
        ("Combien de tuteurs une caisse doit-elle désigner ?", "count", "Combien de tuteurs"),
        ("Quel est le prix d'un parcours Prem'ss ?", "price", "Quel est le prix"),
        # stopping before the end
        ("Une tutrice peut-elle arrêter sa mission avant la fin ?", "withdrawal", "arrêter sa mission"),
        ("Puis-je abandonner ma Pro-A en cours ?", "withdrawal", "abandonner ma Pro-A"),
        ("Le formateur peut-il se retirer de la formation qu'il anime ?", "withdrawal", "se retirer de la formation"),
    ],
)
def test_the_asked_detail_is_read_from_the_grammar(question: str, kind: str, words: str) -> None:
    found = {k.name: question[s[0] : s[1]] for k, s in asked_details(question)}
    assert found.get(kind) == words, found


@pytest.mark.parametrize(
    "question",
    [
        "Qui peut bénéficier de la Pro-A ?",
        "Quel est le taux de réussite au CQP gestionnaire conseil ?",  # an entity the texts only name: scope's
        "Le DEAES, ça paie combien une fois diplômé ?",
        "Que dit l'article 6 ?",
    ],
)
def test_no_detail_is_read_where_none_is_asked(question: str) -> None:
    """A question on the rule itself, or on an attribute of something the texts only name (a certification's pay
    or success rate: the scope check's criterion), asks no detail of a rule the texts set."""
    assert asked_details(question) == []


# -- stated or not, in the subject's real passages ----------------------------------------------------------------
@pytest.mark.parametrize(
    "question",
    [
        "Faut-il payer des impôts sur la prime de tutorat ?",
        "La prime du tuteur supporte-t-elle des cotisations sociales ?",
        "Prime de tutorat : elle est imposable ou pas ?",
    ],
)
def test_tax_on_the_tutor_bonus_is_not_stated(chunks: list[Chunk], question: str) -> None:
    """Art. 4.3 sets the bonus ("il correspond à 7 points par mois") and what it does not enter ("La prime
    n'entre pas dans la base de calcul de l'allocation vacances") but says nothing of tax or social charges."""
    detail = unstated_detail(question, _passages(chunks, ACCORD, "7 points par mois"), TODAY)
    assert detail is not None and detail.kind == "social"
    assert SILENT in detail.sentence()


@pytest.mark.parametrize(
    "question",
    [
        "La prime du tuteur s'élève à combien de points par mois ?",
        "Combien de salariés un tuteur suit-il au plus ?",
        "Le tuteur, combien de personnes il peut prendre en charge en même temps ?",
    ],
)
def test_a_stated_figure_of_the_tutor_is_not_silent(chunks: list[Chunk], question: str) -> None:
    """ "il correspond à 7 points par mois" (4.3) and "chaque tuteur accompagne, au maximum, 3 salariés" (4.2)
    state the count asked: the answer is the texts' figure, never "les textes ne précisent pas"."""
    passages = _passages(chunks, ACCORD, "7 points par mois") + _passages(chunks, ACCORD, "au maximum")
    assert unstated_detail(question, passages, TODAY) is None


@pytest.mark.parametrize(
    "question",
    [
        "L'absence pour le conseil en évolution professionnelle dure combien de temps ?",
        "Combien de jours d'absence pour aller au conseil en évolution professionnelle ?",
        "Pour mon rendez-vous de conseil en évolution professionnelle, j'ai combien d'heures ?",
    ],
)
def test_the_cep_absence_length_is_stated(chunks: list[Chunk], question: str) -> None:
    """Art. 5: "bénéficie à sa demande d'une autorisation d'absence rémunérée de 1 demi-journée"."""
    passages = _passages(chunks, ACCORD, "demi-jour")
    assert unstated_detail(question, passages, TODAY) is None


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Le conseil en évolution professionnelle peut-il se faire en visioconférence ?", "modality"),
        ("Ma demi-journée de conseil en évolution professionnelle, le matin ou l'après-midi ?", "schedule"),
        ("Faut-il demander l'absence pour le conseil en évolution professionnelle par courrier ?", "form"),
    ],
)
def test_what_the_cep_article_leaves_unsaid(chunks: list[Chunk], question: str, kind: str) -> None:
    """Art. 5 states who, how long and which costs, not the format, the time of day nor the form of the request."""
    detail = unstated_detail(question, _passages(chunks, ACCORD, "demi-jour"), TODAY)
    assert detail is not None and detail.kind == kind


@pytest.mark.parametrize(
    "question",
    [
        "L'épreuve écrite du CQP gestionnaire conseil dure combien de temps ?",
        "Combien d'heures faut-il prévoir pour l'écrit du CQP gestionnaire conseil ?",
    ],
)
def test_the_written_exam_length_is_not_the_orals(chunks: list[Chunk], question: str) -> None:
    """The circular's table gives the oral's length ("Organisée par les CRFP, 40 à 45 mn"), not the written
    exam's ("Etudes de cas et questions de cours, en fin de formation"): a duration counts only in a row or
    sentence naming the subject's head noun."""
    detail = unstated_detail(question, _passages(chunks, CIRCULAR, "40 à 45 mn"), TODAY)
    assert detail is not None and detail.kind == "duration"


def test_the_oral_length_is_stated(chunks: list[Chunk]) -> None:
    """ "Epreuve orale … Organisée par les CRFP, 40 à 45 mn"."""
    question = "L'oral du CQP gestionnaire conseil dure combien de temps ?"
    assert unstated_detail(question, _passages(chunks, CIRCULAR, "40 à 45 mn"), TODAY) is None


@pytest.mark.parametrize(
    ("question", "silent"),
    [
        ("Quel taux de contribution conventionnelle en 2029 ?", True),
        ("La contribution supplémentaire restera-t-elle à ce niveau en 2030 ?", True),
        ("Quel était le taux de la contribution supplémentaire en 2024 ?", False),
    ],
)
def test_a_year_after_a_rule_dated_by_years(chunks: list[Chunk], question: str, silent: bool) -> None:
    """The avenant dates the rate: "Pour les années 2023 à 2025, le taux de la contribution conventionnelle
    supplémentaire est maintenu à 0,15 %." A later year finds no rule; a year inside the range does."""
    detail = unstated_detail(question, _passages(chunks, AVENANT, "2023 à 2025"), TODAY)
    assert (detail is not None and detail.kind == "year") is silent


def test_a_year_asked_of_an_undated_rule_is_not_silent(chunks: list[Chunk]) -> None:
    """Art. 4.3 carries no year: the bonus of 2028 is the bonus the article sets."""
    question = "En 2028, la prime du tuteur sera de combien de points par mois ?"
    assert unstated_detail(question, _passages(chunks, ACCORD, "7 points par mois"), TODAY) is None


def test_the_lead_verdict_is_replaced_by_the_silence() -> None:
    """A "Oui"/figure opener answered the detail; the silence sentence takes its place."""
    from assistant.answering.silent import Detail

    detail = Detail("payment", "par virement", "le mode de versement", "La prime est-elle versée ?")
    text = silent_answer(detail, "Oui : la prime est versée le mois suivant [1].\n\nD'après …")
    assert text.startswith("Les textes ne précisent pas le mode de versement (« par virement »).")
    assert "Oui :" not in text and "la prime est versée le mois suivant [1]" in text


# -- the whole answer on the real assistant ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "figure", "section"),
    [
        ("Sur la prime de tuteur, est-ce que je paie de la CSG ?", "7 points", "4.3"),
        ("Les séances de Pro-A peuvent-elles se faire en visio ?", "temps de travail", "2.5"),
        ("Le taux de 0,15 % vaudra-t-il encore en 2031 ?", "0,15 %", "10"),
    ],
)
def test_the_answer_says_so_then_gives_the_nearest_rule(
    assistant: Assistant, question: str, figure: str, section: str
) -> None:
    answer = assistant.ask(question, today=TODAY)
    assert answer.route == "retrieval"
    assert answer.text.startswith("Les textes ne précisent pas"), answer.text[:200]
    assert figure in answer.text
    assert any(c.section.split(" ")[0].rstrip(".").endswith(section) or section in c.section for c in answer.citations)


@pytest.mark.parametrize(
    "question",
    [
        "Combien de points par mois rapporte la mission de tuteur ?",
        "De combien de temps d'absence dispose-t-on pour un conseil en évolution professionnelle ?",
        "Le formateur interne touche sa prime à quel moment ?",
        # art. 3.4, "Durée et nature du contrat": "La durée de l'action de professionnalisation est comprise entre 6
        # et 12 mois." The sentence names the action, the section's title the contract.
        "Un contrat de professionnalisation, ça dure combien de temps ?",
    ],
)
def test_a_stated_detail_is_answered_not_called_silent(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, today=TODAY)
    assert SILENT not in answer.text, answer.text[:200]


def test_an_out_of_scope_subject_stays_refused(assistant: Assistant) -> None:
    """Only the detail's words may be unknown to the texts: the maternity leave, without its duration, is still a
    subject the texts never speak of."""
    answer = assistant.ask("Le congé maternité dure combien de semaines ?", today=TODAY)
    assert answer.route == "refusal"


@pytest.mark.parametrize(
    "question",
    [
        # "assister" is not "assistante de service social" (an annexe's title): headings match by their words
        "Combien de jours d'absence pour assister au mariage de ma sœur ?",
        # the legal rule asked: the texts' nearest rule is not its answer
        "D'après la loi et pas la convention, un salarié du privé a droit à combien d'heures pour sa VAE ?",
    ],
)
def test_no_nearest_rule_for_another_subject_or_the_law(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, today=TODAY)
    assert SILENT not in answer.text, answer.text[:200]


@pytest.mark.parametrize(
    "question",
    [
        "Pour passer le CQP gestionnaire conseil, il faut quelle moyenne, et dans quel délai le jury national "
        "se réunit-il ?",
        "Moyenne exigée puis : en combien de temps le jury national rend-il son verdict ?",
    ],
)
def test_a_delay_of_the_subject_inverted_after_the_detail_is_stated(chunks: list[Chunk], question: str) -> None:
    """Circular, V: « Il se réunira dans un délai maximal d'un mois après chaque session d'examen afin que les
    résultats soient disponibles » — the jury named after "en combien de temps" is the subject whose delay is
    asked, even when the clause before it names another thing (the average)."""
    passages = _passages(chunks, CIRCULAR, "jury national")
    assert unstated_detail(question, passages, TODAY) is None


@pytest.mark.parametrize(
    "question",
    [
        "Quelle durée d'expérience exige la circulaire pour la VAE ?",
        "En équivalent temps plein, combien d'années d'expérience faut-il pour une VAE ?",
    ],
)
def test_the_detail_s_own_complement_names_what_is_measured(chunks: list[Chunk], question: str) -> None:
    """Circular, VI: « La durée de l'expérience doit être au minimum de 3 ans, dans les 8 dernières années. » —
    "durée d'expérience" asks the length of the experience, which that sentence states without naming the VAE."""
    passages = _passages(chunks, CIRCULAR, "au minimum de 3 ans")
    assert unstated_detail(question, passages, TODAY) is None


def test_an_unstated_delay_stays_silent_with_the_new_heads(chunks: list[Chunk]) -> None:
    """Art. 4.3: « Cette prime est versée en une seule fois à l'issue de la mission de tutorat … » states when the
    bonus is paid, in no delay: the heads read after the detail ("la prime du tuteur") do not make it stated."""
    passages = _passages(chunks, ACCORD, "7 points par mois")
    detail = unstated_detail(
        "En combien de temps la prime du tuteur est-elle versée après la mission ?", passages, TODAY
    )
    assert detail is not None and detail.kind == "duration"
