"""The avenant's annexes by their own numbered parts (`ingest.sections`, issue #13, docs9's finding).

Each annex of the avenant of 11 October 2022 ("Annexe 4 Manager opérationnel") is written as a
preamble, numbered parts and a conclusion: "1. Présentation du métier", "2. Les dynamiques
d'évolution ou d'émergence du métier", … The numbered headings are set in the body's weight (not in
bold), so they were not read as headings: every passage of an annex was labelled "Préambule" (up to
21,000 characters) and competed with the avenant's own preamble. They are now told from a numbered
list by their place: inside an annex, the number after the annex's last part, restarting at 1 in each
annex. Headings as printed (source text: /work/shared/corpus/source/avenant-2022-10-11-*.txt).
"""

from __future__ import annotations

from ingest.models import ParsedDocument
from tests.ingest import AVENANT

EXPECTED = {
    "Annexe 1": [
        "Préambule",
        "1. Le métier d’accompagnant éducatif et social",
        "2. Les textes de référence",
        "3. Les conditions d’accès",
        "4. Le référentiel métier",
        "5. Les tendances d’évolution",
        "Conclusion",
    ],
    "Annexe 2": [
        "Préambule",
        "1. Les textes de référence",
        "2. Les conditions d’accès",
        "3. Le référentiel métier",
        "4. Les tendances d’évolution",
        "Conclusion",
    ],
    "Annexe 3": [
        "Préambule",
        "1. Les textes de référence",
        "2. Les conditions d’accès",
        "3. Le référentiel métier",
        "4. Les tendances d’évolution",
        "Conclusion",
    ],
    "Annexe 4": [
        "Préambule",
        "1. Présentation du métier",
        "2. Les dynamiques d’évolution ou d’émergence du métier",
        "3. Les preuves ou indices de changements",
        "4. Positionnement du métier par rapport aux certifications et aux formations",
        "Conclusion",
    ],
}


def test_each_annex_has_its_numbered_parts_in_order(corpus: dict[str, ParsedDocument]) -> None:
    sections = corpus[AVENANT].sections
    for annex, titles in EXPECTED.items():
        got = [s.title for s in sections if s.number == annex]
        assert len(got) == len(titles), (annex, got)
        assert all(g.startswith(t) for g, t in zip(got, titles)), (annex, got)
        parts = [s for s in sections if s.number == annex and s.title[:1].isdigit()]
        assert all(s.path == ("Annexes", annex, s.title) for s in parts)


def test_every_annex_numbers_its_parts_from_one(corpus: dict[str, ParsedDocument]) -> None:
    """The property on all five annexes: the numbered parts of each run 1, 2, 3, … with no gap."""
    sections = corpus[AVENANT].sections
    for n in range(1, 6):
        numbers = [int(s.title.split(".")[0]) for s in sections if s.number == f"Annexe {n}" and s.title[:1].isdigit()]
        assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 4, (n, numbers)


def test_the_parts_carry_their_text_not_the_preamble(corpus: dict[str, ParsedDocument]) -> None:
    """The diploma of annex 2's access conditions is in its part 2, no longer in a 'Préambule'."""
    sections = {(s.number, s.title): s for s in corpus[AVENANT].sections}
    access = sections[("Annexe 2", "2. Les conditions d’accès")]
    assert "diplôme d’État d’assistant de service social (DEASS)" in access.text
    assert "DEASS" not in sections[("Annexe 2", "Préambule")].text
    assert len(sections[("Annexe 1", "Préambule")].text) < 5000


def test_no_other_text_gains_a_numbered_part(corpus: dict[str, ParsedDocument]) -> None:
    """Only inside an annex: the other texts keep their sections (counts measured before the change)."""
    counts = {name: len(doc.sections) for name, doc in corpus.items()}
    assert {k: v for k, v in counts.items() if k != AVENANT} == {
        "accord-2019-12-19-formation-professionnelle": 30,
        "cqp-gestionnaire-conseil-mise-en-oeuvre": 10,
        "cqp-regime-general": 9,
        "convention-formation-cqp-conseiller-offres-de-service": 16,
    }
