"""Chunking: a pure function; chunks stay inside one section, carry its path, and keep stable ids."""

from __future__ import annotations

import copy
from itertools import pairwise

import pytest

from ingest.chunking import FORM_LINE, MAX_CHARS, chunk_section, chunk_sections
from ingest.manifest import load_manifest
from ingest.models import PATH_SEPARATOR, Chunk, ParsedDocument, Section
from ingest.pipeline import parse_pdf
from ingest.tables import TABLE_MARKER
from tests.ingest import ACCORD, FICHE, MANIFEST, PDF_DIR, find_section


def _section(text: str, *, number: str = "4.3", pages: tuple[int, ...] = (), ordinal: int = 0) -> Section:
    return Section(
        document="doc",
        number=number,
        title="Reconnaissance de l’activité tutorale",
        text=text,
        page_start=pages[0] if pages else 6,
        page_end=pages[-1] if pages else 6,
        path=("Titre II", "Article 4", number),
        ordinal=ordinal,
        paragraph_pages=pages,
    )


# -- pure behaviour --------------------------------------------------------------------------


def test_short_section_is_one_chunk_with_its_context() -> None:
    section = _section("La prime correspond à 7 points par mois.\n\nElle est versée en une fois.")
    (chunk,) = chunk_section(section)
    assert chunk.text == section.text
    assert (chunk.document, chunk.section_number, chunk.section_ordinal) == ("doc", "4.3", 0)
    assert chunk.section_path == "Titre II › Article 4 › 4.3"
    assert (
        chunk.context_text
        == "Titre II › Article 4 › 4.3\nLa prime correspond à 7 points par mois.\n\nElle est versée en une fois."
    )
    assert chunk.label == "Article 4.3"
    assert chunk.id.startswith("doc:4.3:0:")


def test_chunking_is_pure_and_deterministic() -> None:
    sections = [_section("Premier paragraphe. " * 40 + "\n\n" + "Second paragraphe. " * 40, pages=(5, 6))]
    before = copy.deepcopy(sections)
    first, second = chunk_sections(sections), chunk_sections(sections)
    assert first == second
    assert [c.id for c in first] == [c.id for c in second]
    assert sections == before


def test_paragraphs_are_packed_whole_under_the_limit() -> None:
    paragraphs = [f"Paragraphe {i}." + " mot" * 60 for i in range(8)]  # ~260 characters each
    section = _section("\n\n".join(paragraphs), pages=(1, 1, 1, 2, 2, 2, 3, 3))
    chunks = chunk_section(section, max_chars=600)
    assert len(chunks) > 1
    assert all(len(c.text) <= 600 for c in chunks)
    assert [p for c in chunks for p in c.text.split("\n\n")] == paragraphs
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    assert chunks[0].page_start == 1 and chunks[-1].page_end == 3
    assert len({c.id for c in chunks}) == len(chunks)


def test_the_paragraph_separator_counts_toward_the_limit() -> None:
    fits = _section("a" * 549 + "\n\n" + "b" * 549)  # joined: exactly 1,100 characters
    assert [len(c.text) for c in chunk_section(fits, max_chars=1100)] == [1100]
    over = _section("a" * 550 + "\n\n" + "b" * 550)  # joined: 1,102
    assert [len(c.text) for c in chunk_section(over, max_chars=1100)] == [550, 550]


def test_a_long_paragraph_is_split_at_sentence_ends() -> None:
    sentences = [f"Phrase numéro {i} qui décrit une règle de la branche professionnelle." for i in range(40)]
    chunks = chunk_section(_section(" ".join(sentences)), max_chars=500)
    assert len(chunks) > 1
    assert all(len(c.text) <= 500 for c in chunks)
    assert all(c.text.endswith(".") for c in chunks)
    assert " ".join(c.text for c in chunks) == " ".join(sentences)


def test_a_table_is_one_chunk_even_when_longer_than_the_limit() -> None:
    table = f"{TABLE_MARKER} : Intitulé | Famille\n" + "\n".join(f"– Ligne {i} — Famille : 0{i % 9}" for i in range(80))
    section = _section(f"Avant le tableau.\n\n{table}\n\nAprès le tableau.")
    chunks = chunk_section(section, max_chars=300)
    assert [c.text for c in chunks] == ["Avant le tableau.", table, "Après le tableau."]


def test_chunks_never_cross_sections() -> None:
    a = _section("Texte court de 4.2.", number="4.2", ordinal=0)
    b = _section("Texte court de 4.3.", number="4.3", ordinal=1)
    chunks = chunk_sections([a, b])
    assert [(c.section_number, c.section_ordinal, c.text) for c in chunks] == [
        ("4.2", 0, "Texte court de 4.2."),
        ("4.3", 1, "Texte court de 4.3."),
    ]


def test_chunk_id_changes_with_text_but_not_with_metadata() -> None:
    base = Chunk("doc", "4.3", "t", "p", "texte", 1, 1, 0)
    assert Chunk("doc", "4.3", "autre titre", "autre chemin", "texte", 2, 2, 0, metadata={"x": 1}).id == base.id
    assert Chunk("doc", "4.3", "t", "p", "texte modifié", 1, 1, 0).id != base.id
    assert Chunk("doc", "4.3", "t", "p", "texte", 1, 1, 1).id != base.id


# -- the real corpus -------------------------------------------------------------------------


def test_corpus_chunks_stay_within_their_section(
    corpus: dict[str, ParsedDocument], corpus_chunks: dict[str, list[Chunk]]
) -> None:
    for document, doc in corpus.items():
        chunks = corpus_chunks[document]
        assert {c.section_ordinal for c in chunks} == {s.ordinal for s in doc.sections}
        for chunk in chunks:
            section = doc.sections[chunk.section_ordinal]
            assert chunk.document == document
            assert chunk.section_number == section.number
            assert _carries_path(chunk, section)
            assert chunk.text in section.text
            assert section.page_start <= chunk.page_start <= chunk.page_end <= section.page_end


def test_corpus_chunk_sizes(corpus_chunks: dict[str, list[Chunk]]) -> None:
    oversized = [
        (c.document, c.label, len(c.text))
        for chunks in corpus_chunks.values()
        for c in chunks
        if len(c.text) > MAX_CHARS and TABLE_MARKER not in c.text
    ]
    assert oversized == []
    tables = [c for chunks in corpus_chunks.values() for c in chunks if _table_index(c) is not None]
    assert tables
    for chunk in tables:  # a table chunk holds its table, the sentence announcing it, and the form's lines after it
        paragraphs = chunk.text.split("\n\n")
        at = _table_index(chunk)
        assert at in (0, 1) and all(p.rstrip().endswith(":") for p in paragraphs[:at])
        assert all(len(p) <= FORM_LINE for p in paragraphs[at + 1 :])


def _table_index(chunk: Chunk) -> int | None:
    return next((n for n, p in enumerate(chunk.text.split("\n\n")) if p.startswith(TABLE_MARKER)), None)


@pytest.mark.parametrize(
    "lead",
    [
        "Les participants, salariés de l'organisme bénéficiaire, seront :",
        "Articulation des coûts de chaque module intégré au parcours de formation :",
        "La liste des certifications éligibles est la suivante :",
    ],
)
def test_the_sentence_announcing_a_table_goes_with_it(lead: str) -> None:
    table = f"{TABLE_MARKER} : Nom | Fonction\n– .... — Fonction : ...."
    before = "Une règle générale de la branche, écrite en une phrase complète."
    chunks = chunk_section(_section(f"{before}\n\n{lead}\n\n{table}"))
    assert [c.text for c in chunks] == [before, f"{lead}\n\n{table}"]
    (alone,) = chunk_section(_section(f"{lead}\n\n{table}"))  # nothing else in the section: one chunk
    assert alone.text == f"{lead}\n\n{table}"


@pytest.mark.parametrize(
    ("line", "joins"),
    [
        ("Nombre total de stagiaires : .....", True),
        ("Durée des actions organisées par (nom de l'organisme de formation)", True),
        ("Soit un total général de .....€ TTC", True),
        ("Les montants sont réévalués chaque année.", False),  # a sentence of its own
        ("Après le tableau :", False),  # announces what follows
    ],
)
def test_a_form_line_after_a_table_belongs_to_it(line: str, joins: bool) -> None:
    table = f"{TABLE_MARKER} : Organisme | Heures\n– PASS — Heures : 40"
    texts = [c.text for c in chunk_section(_section(f"{table}\n\n{line}"))]
    assert texts == ([f"{table}\n\n{line}"] if joins else [table, line])


def test_no_passage_of_the_corpus_is_a_lone_announcing_sentence_or_form_line(
    corpus_chunks: dict[str, list[Chunk]],
) -> None:
    """Property over every text: no passage is only a sentence ending in ":" before its section's table, nor only a
    short form line right after one (the convention's "Articulation des coûts … :", "Nombre total de stagiaires :
    ....." were such passages before)."""
    lone = []
    for chunks in corpus_chunks.values():
        for a, b in pairwise(chunks):
            if a.section_ordinal != b.section_ordinal:
                continue
            if a.text.rstrip().endswith(":") and "\n\n" not in a.text and b.text.startswith(TABLE_MARKER):
                lone.append((a.document, a.label, a.text[:60]))
            if _table_index(a) is not None and len(b.text) <= FORM_LINE and not b.text.rstrip().endswith("."):
                lone.append((b.document, b.label, b.text[:60]))
    assert lone == []


def _carries_path(chunk: Chunk, section: Section) -> bool:
    """The chunk's heading context names the section's path, crumb by crumb (titles may follow)."""
    parts = chunk.section_path.split(PATH_SEPARATOR)
    return len(parts) == len(section.path) and all(p.startswith(c) for p, c in zip(parts, section.path))


def test_corpus_chunks_carry_their_section_path(
    corpus: dict[str, ParsedDocument], corpus_chunks: dict[str, list[Chunk]]
) -> None:
    for chunks in corpus_chunks.values():
        for chunk in chunks:
            assert chunk.context_text.startswith(chunk.section_path + "\n")
    tutor = [c for c in corpus_chunks[ACCORD] if c.section_number == "4.3"]
    assert tutor and all(_carries_path(c, find_section(corpus[ACCORD], "4.3")) for c in tutor)
    assert tutor[0].context_text.startswith("Titre II")
    assert any("7 points par mois" in c.text for c in tutor)
    gc = [c for c in corpus_chunks[FICHE] if c.section_title == "CQP Gestionnaire conseil"]
    assert gc[0].context_text.split("\n")[0].split(PATH_SEPARATOR) == [
        "Les certificats de qualification professionnelle (CQP) du Régime général",
        "CQP Gestionnaire conseil",
    ]
    assert any("35729" in c.text for c in gc)


def test_corpus_chunk_ids_unique_and_stable_across_runs(corpus_chunks: dict[str, list[Chunk]]) -> None:
    ids = [c.id for chunks in corpus_chunks.values() for c in chunks]
    assert len(ids) == len(set(ids))
    again = parse_pdf(PDF_DIR / f"{ACCORD}.pdf", load_manifest(MANIFEST)[ACCORD])  # a second, independent run
    assert [c.id for c in chunk_sections(again.sections)] == [c.id for c in corpus_chunks[ACCORD]]
