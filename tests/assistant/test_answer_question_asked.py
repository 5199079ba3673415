"""Answer the question asked (issue #13): general mechanisms of the lead, the quotes and the search plan.

Each test uses its own wording, not an evaluation question's; the texts quoted in the docstrings are the
protocole's sentences the mechanism must bring to the answer.
"""

from __future__ import annotations

from assistant.answering.dispositifs import on_named_document, scheme_search
from assistant.answering.lead import Candidate
from assistant.answering.lead_span import lead_units
from assistant.answering.passages import PickedPassage, supporting_quotes
from assistant.answering.units import (
    asked_figure_kind,
    idf_weights,
    passage_units,
    query_weights,
    score_unit,
    select_units,
    unit_scores,
    unit_terms,
)
from ingest.models import Chunk
from knowledge.hybrid import Evidence

QUALIFICATIONS = (
    "En application des dispositions légales, le contrat de professionnalisation permet l’accès aux qualifications :"
    "\n\n– enregistrées au répertoire national des certifications professionnelles (RNCP) ;"
    "\n\n– reconnues dans les classifications du régime général de sécurité sociale ;"
    "\n\n– ouvrant droit à un certificat de qualification professionnelle."
)


def test_a_short_list_leads_whole_when_one_of_its_items_answers() -> None:
    """Art. 3.2: « … permet l'accès aux qualifications : – enregistrées au RNCP ; – reconnues dans les
    classifications … ; – ouvrant droit à un certificat de qualification professionnelle. » A question on
    one case is answered by the whole list, not by its first item alone (which reads as the only case)."""
    units = passage_units(QUALIFICATIONS)
    question = "un CQP maison, ça peut être visé en alternance pro ?"
    item = next(u for u in units if "certificat" in u.text)
    chosen = lead_units(question, Candidate(item, 0, 1.0, 1.0), units, units)
    assert [u.text for u in chosen] == [u.text for u in units]


def test_a_short_answering_article_is_quoted_whole() -> None:
    """Art. 3.7: « Le financement des contrats de professionnalisation est assuré par la contribution légale
    mutualisée au sein de l'OPCO. La CPNEFP définit les taux de prise en charge… » The second sentence
    (who sets the rate) scores under the floor but belongs to the answer of a two-sentence article."""
    text = (
        "Le financement des contrats de professionnalisation est assuré par la contribution légale mutualisée "
        "au sein de l’OPCO. La CPNEFP définit les taux de prise en charge dans le cadre de l’adoption des "
        "priorités de financement."
    )
    units = passage_units(text)
    chunk = Chunk("accord", "3.7", "Financement", "Article 3.7", text, 1, 1, 0)
    passage = PickedPassage(Evidence("x", chunk, 1.0), 1.0, units, [1.0, 0.1], units)
    quotes = supporting_quotes([passage], units[:1])
    assert [u.text for u in quotes[0]] == [units[1].text]


def test_general_french_equivalences_score_the_answering_sentence() -> None:
    """« La CPNEFP définit les taux de prise en charge » answers "qui décide du pourcentage remboursé ?";
    « accessible gratuitement » answers "faut-il payer ?" (payant ↔ gratuit); a "%" reads as a rate."""
    question = "c'est qui qui décide du % pris en charge ?"
    weights = query_weights(question)
    assert "pource" in weights
    sentence = "La CPNEFP définit les taux de prise en charge dans le cadre des priorités de financement."
    assert {"decid", "pource"} <= unit_terms(sentence)  # définit ↔ décide, taux ↔ pourcentage
    assert score_unit(sentence, weights, {}, False) > score_unit("La prime est versée.", weights, {}, False)
    assert "gratui" in unit_terms("c'est payant ?")


def test_an_indefinite_duration_answers_how_long() -> None:
    """Art. 12: « Le présent accord, qui est conclu pour une durée indéterminée, pourra être révisé… »"""
    kind = asked_figure_kind("ce protocole vaut pour combien de temps ?")
    assert kind is not None
    assert kind.search("Le présent accord, qui est conclu pour une durée indéterminée, pourra être révisé")


def test_a_demonstrative_sentence_is_read_with_the_one_before() -> None:
    """Annexe 1: « Le DEAES est obligatoire pour exercer le métier. … Ce diplôme de niveau 3 est accessible
    par l'apprentissage » — "Ce diplôme" takes its subject from the sentence before it."""
    text = (
        "Le diplôme d’État d’accompagnant éducatif et social (DEAES) est obligatoire pour exercer le métier. "
        "Ce diplôme de niveau 3 est accessible par l’apprentissage et la validation des acquis."
    )
    question = "le diplôme d'accompagnant éducatif, il se situe à quel niveau ?"
    units = passage_units(text)
    idf = idf_weights([text], query_weights(question))
    scores = unit_scores(question, units, idf)
    assert scores[1] > scores[0]
    assert len(select_units(question, text)) == 2


def _evidence(document: str, signed: str, text: str = "Texte.", amended_by: str = "") -> Evidence:
    chunk = Chunk(document, "1", "Titre", "Article 1", text, 1, 1, 0)
    chunk.metadata.update({"signed": signed, "amended_by": amended_by})
    return Evidence(f"{document}:{text}", chunk, 1.0)


def test_a_text_named_with_its_year_sets_the_others_aside() -> None:
    """ "l'avenant de 2022" is answered from the avenant (and the articles it wrote into the protocole)."""
    protocole = _evidence("accord-2019", "2019-12-19")
    written = _evidence("accord-2019", "2019-12-19", "Article créé.", amended_by="avenant-2022-10-11-formation")
    avenant = _evidence("avenant-2022", "2022-10-11")
    hits = [protocole, written, avenant]
    assert on_named_document("Qu'a changé l'avenant de 2022 pour les formateurs ?", hits) == [written, avenant]
    assert on_named_document("le protocole formation de 2019 s'applique à qui ?", hits) == [protocole, written]
    assert on_named_document("Qui a droit au CEP ?", hits) == hits  # no text named: nothing set aside
    assert on_named_document("l'article 9 du protocole de 2019, devenu quoi avec l'avenant ?", hits) == hits
    assert on_named_document("l'accord de 2015 sur les frais ?", hits) == hits  # no passage of it: unchanged


def test_one_search_plan_for_the_scheme() -> None:
    """The routed topic's name, the texts' name of a scheme named otherwise, and the depth, in one plan."""
    plan = scheme_search("contrat pro : on est payé combien ?", "professionalisation", 10)
    unnamed = scheme_search("contrat pro : on est payé combien ?", None, 10)  # named by the question only
    assert unnamed.text.endswith(" contrat de professionnalisation") and unnamed.depth == 10
    assert plan.text == plan.query and "(contrat de professionnalisation)" in plan.query
    assert plan.schemes == frozenset({"professionalisation"})
    assert plan.searched == 2 * plan.depth >= 20
    plain = scheme_search("Que dit le préambule ?", None, 10)
    assert (plain.text, plain.depth, plain.searched) == ("Que dit le préambule ?", 10, 10)


def test_the_exception_named_by_a_demonstrative_completes_the_lead() -> None:
    """Annexe 5: « Les candidats à la formation doivent être titulaires du baccalauréat et justifier d'un
    titre à Bac+ 4. Les candidats qui ne possèdent pas ce niveau de formation initiale procèdent à une
    validation des acquis professionnels (VAP)… » The second sentence is the answer for whoever lacks it."""
    text = (
        "Les candidats à la formation doivent être titulaires du baccalauréat et justifier d’un titre à Bac+ 4. "
        "Les candidats qui ne possèdent pas ce niveau de formation initiale procèdent à une validation des "
        "acquis professionnels (VAP). Le master est inscrit au RNCP."
    )
    units = passage_units(text)
    chosen = lead_units("avec un bac+2 seulement, ça passe ?", Candidate(units[0], 0, 1.0, 1.0), units, units)
    assert [u.index for u in chosen] == [0, 1]


def test_a_counted_noun_is_answered_by_its_own_figure() -> None:
    """Annexe 1: « Ce diplôme de niveau 3 est accessible par l'apprentissage » answers "quel niveau ?"; a
    sentence dated 2016 does not, unless the question also asks when ("créé quand et de quel niveau ?")."""
    level = "Ce diplôme de niveau 3 est accessible par l’apprentissage."
    dated = "Le diplôme est le premier niveau de qualification depuis la fusion du 29 janvier 2016."
    alone = "ce diplôme, il est de quel niveau ?"
    weights, kind = query_weights(alone), asked_figure_kind(alone)
    assert score_unit(level, weights, {}, True, asked=kind) > score_unit(dated, weights, {}, True, asked=kind)
    assert score_unit(dated, weights, {}, True, asked=kind) < score_unit(dated, weights, {}, False)
    both = "ce diplôme, il date de quand et il est de quel niveau ?"
    kind_both = asked_figure_kind(both)
    assert score_unit(dated, query_weights(both), {}, True, asked=kind_both) > score_unit(
        dated, query_weights(both), {}, False
    )


def test_a_chain_of_sentences_is_quoted_after_its_lead() -> None:
    """Art. 12: « Le présent accord, qui est conclu pour une durée indéterminée… Il sera déposé pour
    extension… Il s'applique sous réserve de l'agrément… » — "Il…" chains the sentences into one quote;
    when the first two lead, the third (the agrément asked about) is still quoted."""
    text = (
        "Le présent accord, qui est conclu pour une durée indéterminée, pourra être révisé. "
        "Il sera déposé pour extension auprès du ministère. "
        "Il s’applique sous réserve de l’agrément prévu par le code de la sécurité sociale."
    )
    units = passage_units(text)
    chunk = Chunk("accord", "12", "Durée", "Article 12", text, 1, 1, 0)
    passage = PickedPassage(Evidence("x", chunk, 1.0), 1.0, units, [1.0, 0.9, 0.8], units)
    quotes = supporting_quotes([passage], units[:2])
    assert [u.index for u in quotes[0]] == [2]
