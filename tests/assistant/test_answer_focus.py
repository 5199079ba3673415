"""An open question ("qui", "où", "quand", "comment") is answered by the sentence holding what it asks
about, not by the sentence restating its premise (issue #13, design point 3).

Each test has its own wording, not an evaluation question's; the article texts are the protocole's.
"""

from __future__ import annotations

from assistant.answering.focus import focus_terms
from assistant.answering.lead import Candidate, choose_lead
from assistant.answering.units import idf_weights, passage_units, query_weights, unit_scores, unit_terms

ARTICLE_8 = (
    "Le salarié bénéficie d’un droit d’accès à la formation, dans des conditions plus favorables que celles prévues "
    "par la loi, qui lui permet de maintenir son employabilité et de développer ses compétences. Le bénéfice d’une "
    "formation est ainsi garanti à tous les salariés présents qui n’en auraient pas suivi depuis 4 ans. Celle-ci "
    "intervient dans l’année suivant cette période de 4 ans. Ce suivi est effectué à l’occasion de l’entretien annuel "
    "d’évaluation et d’accompagnement ou de l’entretien professionnel visé à l’article 6 du présent accord."
    "\n\nÀ l’issue de cet entretien, la formation est choisie d’un commun accord entre l’employeur et le salarié."
    "\n\nLes actions de formation visées par ce droit s’entendent comme celles entrant dans le champ d’application "
    "des dispositions définies par le code du travail. Ces actions sont celles qui permettent au salarié de concourir "
    "au développement des compétences en lien ou non avec leur poste de travail ou d’acquérir une qualification plus "
    "élevée pour permettre d’atteindre un objectif professionnel. Elles sont inscrites au plan de développement des "
    "compétences de l’organisme."
)
ARTICLE_5 = (
    "Le conseil en évolution professionnelle est accessible gratuitement pour le salarié dans le respect des critères "
    "légaux. Il est dispensé par l’un des organismes habilités : Pôle emploi, Association pour l’emploi des cadres "
    "(APEC), mission locale, CAP emploi (pour les personnes en situation de handicap) et les organisations désignées "
    "dans chaque région.\n\nLes parties signataires confirment l’intérêt de ce dispositif pour permettre à chaque "
    "collaborateur d’élaborer son projet professionnel.\n\nAfin d’en faciliter l’accès aux salariés, les services en "
    "charge de la gestion des ressources humaines en assurent la promotion."
)


OTHER_PASSAGES = ["La formation des tuteurs est prise en charge.", "Les actions de formation du plan."]


def _lead(question: str, text: str, heading: str = "") -> str:
    units = passage_units(text)
    idf = idf_weights([text, *OTHER_PASSAGES], query_weights(question))  # as among retrieved passages
    scores = unit_scores(question, units, idf, heading)
    lead = choose_lead(question, [Candidate(u, 0, s, 1.0) for u, s in zip(units, scores)])
    assert lead is not None
    return lead.unit.text


def test_focus_is_the_subject_word_next_to_the_asking_word() -> None:
    assert focus_terms("Les formations garanties tous les 4 ans, on les note où ?") == unit_terms("note")
    assert focus_terms("Le CEP, qui en fait la publicité auprès des agents ?") == unit_terms("publicité")
    assert focus_terms("les formations garanties, elles sont inscrites ou ?") == unit_terms("inscrites")
    # "combien", "quel" ask for a kind of figure (`asked_figure_kind`); "ou" between two words is a conjunction
    assert focus_terms("Combien de jours pour un CEP ?") == frozenset()
    assert focus_terms("CDI ou CDD pour la Pro-A ?") == frozenset()


def test_where_question_is_led_by_the_sentence_saying_where() -> None:
    """Art. 8: « Elles sont inscrites au plan de développement des compétences de l'organisme. » The sentence
    restating the question's premise (« Le bénéfice d'une formation est ainsi garanti … depuis 4 ans ») shares
    more of its words but does not say where the training is inscribed."""
    question = "Aucune formation depuis 4 ans : la formation garantie, on l'inscrit où ?"
    lead = _lead(question, ARTICLE_8, "Garantie individuelle d’accès à la formation professionnelle Article 8")
    assert lead.startswith("Elles sont inscrites au plan de développement des compétences")


def test_who_question_is_led_by_the_sentence_naming_who() -> None:
    """Art. 5: « … les services en charge de la gestion des ressources humaines en assurent la promotion. »"""
    lead = _lead(
        "Le conseil en évolution professionnelle gratuit pour le salarié, qui en assure la promotion ?", ARTICLE_5
    )
    assert "ressources humaines" in lead


def test_without_an_open_asking_word_the_lexical_lead_stands() -> None:
    """Art. 5: « Le conseil en évolution professionnelle est accessible gratuitement pour le salarié … »"""
    lead = _lead("Le conseil en évolution professionnelle est-il gratuit pour le salarié ?", ARTICLE_5)
    assert lead.startswith("Le conseil en évolution professionnelle est accessible gratuitement")
