"""A message that sets two texts against each other ("la circulaire demande 3 ans, l'accord parle d'une
année : laquelle s'applique ?", "la fiche dit X, l'annexe dit autre chose, qui a raison ?", or two texts named
with two values of one kind quoted, "l'accord dit une année et la circulaire trois ans : et pour moi ?"): each text
read on its own, both cited, and the most recent text in force named.

One search for the whole message returns the passages of the text its words favour, and the answer
quotes one side (the circular's 3 years, without the accord's one year). Here the texts are those the
message names, by the names users give them (`document_questions.names_of`: "la circulaire", "l'accord",
"l'avenant", "la fiche", "la convention"), each searched on its own with the message; of each, the
sentence that answers it best, and that states a figure the message quotes when it quotes one, is
set beside the other. When both state a quantity of one kind with different values, the texts disagree
(`disagreement.quantities`): the most recent text in force applies (`disagreement.text_date`: an
article rewritten by an avenant is dated by it) and both are cited.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from assistant.answering import wording
from assistant.answering.citations import CitationBook
from assistant.answering.disagreement import quantities, text_date
from assistant.answering.document_facts import folded, french_day
from assistant.answering.document_questions import FRAME, names_of
from assistant.answering.named_parts import in_force, read_references, resolve
from assistant.answering.splitting import passage_units
from assistant.answering.units import idf_weights, query_weights, unit_scores, unit_terms
from ingest.models import Chunk, DocumentInfo
from knowledge.hybrid import Evidence

Search = Callable[[str, int, str], list[Evidence]]  # (query, k, document) -> passages of that document

# The message sets the texts against each other: it asks which one holds, or says they differ.
_SETS_AGAINST = re.compile(
    r"\blaquelle\b|\blequel\b|\bqui a raison\b|\bcroire\b|\bprevaut\b|\bfait foi\b|\bs.applique\b|\bretenir\b|"
    r"\bretiens\b|\bcontradi|\bcontredi|\bpas la meme chose\b|\balors que\b|\btandis que\b|\bmais\b|\bdifferen|"
    r",\s*(?:lui|elle|eux|elles)\s*[,?]"  # "l'accord de 2019, lui, de qui parle-t-il ?": one set apart
)
_NOT_A_NAME = {"cqp"}  # the fiche's head word names every CQP: only "la fiche" names the fiche
SEARCHED = 4
RANK_DISCOUNT = 0.05
CANDIDATES = 8  # sentences of each text weighed as a pair with the other's
SHARED_WORDS_WEIGHT = 1.0  # two sentences about the same thing share their words…
SAME_KIND_BONUS = 0.5  # …or state a quantity of the same kind
QUOTED_FIGURE_BONUS = 0.5  # a sentence stating a figure the message quotes is the one it sets against the other

SIDES_INTRO = "Ce que dit chacun des deux textes :"
SIDE = "- {source} [{n}] : « {sentence} »"
MOST_RECENT = "Le plus récent des deux, {source} ({day}), est celui qui s'applique aujourd'hui [{n}]."
UNDATED = "Leurs dates ne permettent pas de dire lequel prévaut : faites vérifier ce point par votre service RH."


def named_documents(question: str, manifest: Mapping[str, DocumentInfo]) -> list[str]:
    """The texts the message names, in manifest order."""
    text = folded(question)
    named = []
    for document, info in manifest.items():
        heads = names_of(info)[0] - _NOT_A_NAME
        # its own year, or the year of a text that rewrote it: "l'accord réécrit en 2022" is the accord of 2019
        years = {(info.signed or "")[:4]} | {
            (other.signed or "")[:4] for other in manifest.values() if other.amends == document
        }
        for match in re.finditer(r"\b(" + "|".join(sorted(heads)) + r")\b(?P<after>(?:\W+\w+){0,4})", text):
            dated = re.search(r"\b(?:19|20)\d\d\b", match["after"])
            # "un protocole de 2010" is not the one of 2019
            if not dated or not info.signed or dated.group(0) in years:
                named.append(document)
                break
    return named


def answer_disagreement(
    question: str,
    manifest: Mapping[str, DocumentInfo],
    search: Search,
    book: CitationBook,
    names: Mapping[str, str],
    passages: Callable[[], Iterable[Chunk]] = tuple,
) -> str | None:
    """Both texts the message sets against each other, each quoted and cited, and which one applies;
    None when the message does not name two texts nor set them against each other."""
    documents = named_documents(question, manifest)
    if len(documents) < 2 or not (_SETS_AGAINST.search(folded(question)) or quotes_two_values(question)):
        return None
    others = [manifest[d] for d in documents]  # every text named: none of their names is a side's subject
    documents = _two_sides(documents, manifest)
    asked = quantities(question)
    candidates: list[list[tuple[float, Evidence, str]]] = []
    for document, facing in zip(documents, reversed(documents)):
        query = side_query(question, manifest[document], [manifest[facing], *others])
        hits = _named_part(query, document, manifest, passages()) or [
            e for e in search(query, SEARCHED, document) if e.document == document and in_force(e.chunk)
        ]
        # a figure quoted in the clause naming the other text is not this text's ("3 ans" is the circular's)
        quoted = [c for d in documents if d != document for c in own_clauses(question, manifest[d])]
        figures = {k: v for k, v in asked.items() if not any(k in quantities(c) for c in quoted)}
        found = _sentences(query, hits, figures)
        if not found:
            return None
        candidates.append(found)
    sides = _same_thing(*candidates)
    (first, first_text), (second, second_text) = sides
    numbers = [book.cite(first, first_text), book.cite(second, second_text)]
    sources = [wording.source_phrase(e.citation, names.get(e.document, e.document)) for e, _ in sides]
    one, other = quantities(first_text), quantities(second_text)
    if any(kind in other and not values & other[kind] for kind, values in one.items()):
        dated = [(text_date(first), 0), (text_date(second), 1)]
        if all(d for d, _ in dated) and dated[0][0] != dated[1][0]:
            recent = max(dated)[1]
            older = 1 - recent
            return wording.texts_disagree(
                sources[recent], numbers[recent], sides[recent][1], sources[older], numbers[older], sides[older][1]
            )
        return wording.texts_disagree_undated(sources[0], numbers[0], first_text, sources[1], numbers[1], second_text)
    lines = [SIDES_INTRO]
    lines.extend(SIDE.format(source=s, n=n, sentence=t) for s, n, (_, t) in zip(sources, numbers, sides))
    dates = [text_date(e) for e, _ in sides]
    if all(dates) and dates[0] != dates[1]:
        recent = 0 if dates[0] > dates[1] else 1
        day = french_day(f"{str(dates[recent])[:4]}-{str(dates[recent])[4:6]}-{str(dates[recent])[6:8]}")
        lines.append(MOST_RECENT.format(source=sources[recent], day=day, n=numbers[recent]))
    elif not all(dates):
        lines.append(UNDATED)
    return "\n".join(lines)


def quotes_two_values(question: str) -> bool:
    """The message quotes two values of one kind ("l'accord parle d'une année et la circulaire de trois ans"):
    with two texts named, it sets them against each other even without a word saying so."""
    return any(len(values) > 1 for values in quantities(question).values())


def _two_sides(documents: list[str], manifest: Mapping[str, DocumentInfo]) -> list[str]:
    """Of three texts named ("la convention et la circulaire parlent de l'OPCA ; l'accord, lui, …"), the two
    set against each other: the most recent signed and the most recent of the others (so that the answer can
    say which applies), in the order the manifest lists them; the first two named when none is dated."""
    if len(documents) <= 2:
        return documents
    dated = sorted((d for d in documents if manifest[d].signed), key=lambda d: manifest[d].signed or "", reverse=True)
    chosen = set(dated[:2]) if len(dated) >= 2 else set(dated) | {d for d in documents if d not in dated}
    return [d for d in documents if d in chosen][:2]


def _named_part(
    query: str, document: str, manifest: Mapping[str, DocumentInfo], passages: Iterable[Chunk]
) -> list[Evidence]:
    """The passages of the part the side's clause names in that text ("l'annexe 4 de l'avenant"), if any."""
    references = [r for r in read_references(query, manifest) if r.document in (None, document)]
    own = [c for c in passages if c.document == document] if references else []
    if not own:
        return []
    part = resolve(replace(references[0], document=document), own, manifest, set())
    return [Evidence(c.id, c, 1.0) for c in part.chunks] if part else []


def own_clauses(question: str, info: DocumentInfo) -> list[str]:
    """The clauses of the message that name the text ("la circulaire de 2013 parle de 3 ans")."""
    own = names_of(info)[0] - _NOT_A_NAME
    return [c for c in re.split(r"[;:,?!.]", question) if own & set(re.findall(r"[a-z0-9]+", folded(c)))]


def side_query(question: str, info: DocumentInfo, others: Sequence[DocumentInfo]) -> str:
    """What to read in one text: the clause of the message that names it ("la circulaire … demande 3 ans
    d'expérience pour la VAE"), then the message without the other texts' names ("gestionnaire conseil"
    is the circular's CQP, not the accord's subject)."""
    heads, cqp, _ = names_of(info)
    own = heads - _NOT_A_NAME
    clauses = own_clauses(question, info)
    names = own | FRAME  # the texts' names: not the subject
    for other in others:
        if other.document != info.document:
            other_heads, other_cqp, _ = names_of(other)
            names |= (other_heads - _NOT_A_NAME) | (other_cqp - cqp)

    def subject(text: str) -> str:
        return " ".join(w for w in text.split() if not set(re.findall(r"[a-z0-9]+", folded(w))) & names)

    return " ".join([*(subject(c) for c in clauses), subject(question)])


def _sentences(
    question: str, hits: Sequence[Evidence], asked: dict[str, set[float]]
) -> list[tuple[float, Evidence, str]]:
    """The sentences of a text's passages that answer the message, best first; one stating a figure the
    message quotes ("3 ans", "une année") ahead."""
    if not hits:
        return []
    idf = idf_weights([e.chunk.text for e in hits], query_weights(question))
    found: list[tuple[float, int, Evidence, str]] = []
    for rank, item in enumerate(hits):
        units = passage_units(item.chunk.text)
        heading = f"{item.chunk.section_title} {item.chunk.section_path}"
        for unit, score in zip(units, unit_scores(question, units, idf, heading)):
            if unit.is_header or score <= 0:
                continue
            stated = quantities(unit.text)
            if any(kind in asked and values & asked[kind] for kind, values in stated.items()):
                score += QUOTED_FIGURE_BONUS
            found.append((score * (1 - RANK_DISCOUNT * rank), rank, item, unit.text))  # search order: near-ties
    found.sort(key=lambda f: (-f[0], f[1]))
    return [(score, item, text) for score, _, item, text in found[:CANDIDATES]]


def _same_thing(
    one: list[tuple[float, Evidence, str]], other: list[tuple[float, Evidence, str]]
) -> list[tuple[Evidence, str]]:
    """One sentence of each text, about the same thing: the pair that answers the message best, moved
    towards sentences sharing their words ("la formation certifiante menant au CQP … recrutement") or
    stating a quantity of the same kind (the two durations of experience)."""

    def value(a: tuple[float, Evidence, str], b: tuple[float, Evidence, str]) -> float:
        terms_a, terms_b = unit_terms(a[2]), unit_terms(b[2])
        shared = len(terms_a & terms_b) / max(1, len(terms_a | terms_b))
        kinds = quantities(a[2]).keys() & quantities(b[2]).keys()
        return a[0] + b[0] + SHARED_WORDS_WEIGHT * shared + (SAME_KIND_BONUS if kinds else 0.0)

    a, b = max(((a, b) for a in one for b in other), key=lambda pair: value(*pair))
    return [(a[1], a[2]), (b[1], b[2])]
