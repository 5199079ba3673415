"""The answer states the kind of fact asked (issue #13 point 3): a "where" question is led by the sentence naming
the place by its own name ("dans une CAF ou une CGSS"), not by the one repeating the kind of place asked ("au
sein d'un organisme de la branche"); "à quel rythme / tous les combien" asks a period, stated like a date
("tous les 3 ans"); a list is filtered by the words of what is asked, not by the asker's own situation.

Wordings are this module's own, not an evaluation question's; the texts are the real corpus's sections.
"""

from __future__ import annotations

import re

import pytest

from assistant.answering.answer_types import DATE, WHERE, asked_types, names_place
from assistant.answering.enumerations import _asked_words
from assistant.answering.lead import Candidate, choose_lead
from assistant.answering.units import idf_weights, passage_units, query_weights, unit_scores
from ingest.models import Chunk
from tests.assistant.lead_helpers import lead_of

FICHE = "cqp-regime-general"


def _lead(question: str, text: str, others: list[str]) -> str:
    """The unit leading the answer from `text`, scored as the composer scores it (see `lead_helpers.lead_of`)."""
    idf = idf_weights([text, *others], query_weights(question))
    units = passage_units(text)
    scores = unit_scores(question, units, idf)
    lead = choose_lead(question, [Candidate(u, 0, s, 1.0) for u, s in zip(units, scores, strict=True)])
    assert lead is not None
    return lead.unit.text


def _fiche(chunks: list[Chunk]) -> dict[str, str]:
    """The fiche's parts by title ("CQP Contrôleur allocataire"), each as one passage."""
    parts: dict[str, list[str]] = {}
    for chunk in chunks:
        if chunk.document == FICHE and chunk.section_title:
            parts.setdefault(chunk.section_title, []).append(chunk.text)
    return {title: "\n\n".join(texts) for title, texts in parts.items()}


@pytest.mark.parametrize(
    "asking",
    [
        "Dans quels organismes travaille le titulaire du {cqp} ?",
        "Une fois certifié, le {job} exerce dans quelles caisses ?",
        "Où exerce-t-on après le {cqp} ?",
    ],
)
def test_where_is_led_by_the_place_named_for_every_cqp_that_names_one(chunks: list[Chunk], asking: str) -> None:
    """Property over the fiche: for every CQP part holding a sentence that names where its holder works by a
    body's name (« Le titulaire du CQP exerce son activité professionnelle dans une CAF ou une CGSS »,
    « Il effectue sa mission … dans une URSSAF »), a where-question on that CQP leads with such a sentence."""
    parts = _fiche(chunks)
    checked = 0
    for title, text in parts.items():
        if not title.startswith("CQP ") or not any(names_place(u.text) for u in passage_units(text)):
            continue
        job = re.sub(r"\s*\(.*\)$", "", title[4:])
        question = asking.format(cqp=title, job=job)
        assert WHERE in asked_types(question)
        others = [t for other, t in parts.items() if other != title][:4]
        assert names_place(_lead(question, text, others)), (title, question)
        checked += 1
    assert checked >= 2  # the allocataire's and the recouvrement controller's parts at least


def test_a_named_place_is_a_body_s_own_name() -> None:
    assert names_place("Le titulaire exerce dans une CAF ou une CGSS.")
    assert names_place("Il effectue sa mission au sein d'une URSSAF.")
    assert names_place("La demande est faite auprès de l'OPCO.")
    assert not names_place("La formation est proposée au sein d'un organisme de la branche Famille.")
    assert not names_place("Il s'inscrit dans une démarche de gestion des mobilités.")


@pytest.mark.parametrize(
    "question",
    [
        "À quelle fréquence le taux de la contribution conventionnelle est-il rediscuté ?",
        "Les partenaires rediscutent la contribution conventionnelle selon quel rythme ?",
        "Quelle est la périodicité de la négociation sur la contribution conventionnelle ?",
    ],
)
def test_how_often_is_led_by_the_period(sections: dict[str, str], question: str) -> None:
    """Art. 9: « Les parties signataires conviennent d'engager une négociation tous les 3 ans, portant sur les
    modalités … de la contribution conventionnelle »: a period answers "how often" as a date answers "when"."""
    assert DATE in asked_types(question)
    assert "tous les 3 ans" in lead_of(question, sections, "9")


@pytest.mark.parametrize(
    ("question", "kept", "dropped"),
    [
        ("Je prépare l'entretien d'un chef d'équipe : quels sont les blocs du CQP manager ?", "bloc", "equipe"),
        ("Nous recrutons en Caf. Quels CQP existent ?", "cqp", "caf"),
        ("Mon agent vise la famille Retraite : quelles certifications de la liste ?", "certification", "retraite"),
    ],
)
def test_a_list_is_not_filtered_by_the_asker_s_situation(question: str, kept: str, dropped: str) -> None:
    """What the asker says of themselves before the question ("Je prépare …", "Nous recrutons …") is not a
    filter of the members; a qualifier said first without a person ("Pour la branche Famille : …") is."""
    words = _asked_words(question)
    assert kept in words and dropped not in words
    assert "famille" in _asked_words("Pour la branche Famille : quels CQP ?")
