"""Answer a message that names a part of the texts ("l'article 9.3 : quel montant ?", "le titre IV
traite de quoi ?") or pastes a phrase of them ("« Elle n'est pas accordée au salarié qui… » :
complète la phrase"), from that part itself.

The ordinary retrieval searches the whole corpus with the message's words; a message that points at
a part says where to read, and its remaining words are often too few to search with ("quel
montant ?") or match the title page ("le titre IV du protocole"). Here the part is resolved from the
texts' structure (`named_parts`), a pasted phrase from the corpus text itself (word-sequence match),
and the answer quotes that part: its heading first, then the sentences that answer what the message
asks (scored like any answer's sentences, `units.unit_scores`), or, when it asks nothing more than
"what does it say", its opening sentences and the headings it contains.

The message's own subject decides whether the part answers it: the words left once the part's name,
the text's name and the words that ask about a text ("dit", "traite", "complète la phrase") are set
aside must be found in the part; otherwise the part is only context ("selon l'article 4.3, combien pour
5 mois ?") and the ordinary steps answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from assistant.answering import wording
from assistant.answering.citations import CitationBook
from assistant.answering.document_facts import folded
from assistant.answering.document_questions import FRAME, content_words, names_of
from assistant.answering.lead import COSINE_SCALE, MEANING_WEIGHT
from assistant.answering.meaning import UnitMeaning
from assistant.answering.named_parts import (
    TITRE,
    PartReference,
    ResolvedPart,
    in_force,
    read_references,
    resolve,
    title_words,
)
from assistant.answering.per_index import PerIndex
from assistant.answering.splitting import Unit, passage_units
from assistant.answering.units import REFERS_BACK, asks_enumeration, idf_weights, query_weights, unit_scores
from ingest.models import Chunk, DocumentInfo
from knowledge.hybrid import Evidence

# The answer's own sentences (French, for an employee).
PHRASE_FOUND = "Cette phrase figure dans {source} [{n}]. En entier : « {sentence} »"
PHRASE_CONTEXT = "Ce qui l'entoure [{n}] :"
PART_HEADING = "{label} {of_document} s'intitule « {title} » [{n}]."
PART_HEADING_FACT = "D'après {label} {of_document} (« {title} ») [{n}] :"
PART_CONTENTS_TITRE = "Il regroupe :"
PART_CONTENTS = "Il comprend :"
PART_SECTION = "{label} [{n}] :"
PART_NOW = "Attention : depuis, la numérotation a changé ; aujourd'hui : {now}."
PART_BEFORE = "Attention : dans le texte publié à l'origine, {label} portait le numéro {original} ({citation})."
PART_CREATED = "Attention : {label} ne figure pas dans le texte publié à l'origine ({citation})."
PART_REUSED = (
    "Attention : dans le texte publié à l'origine, le numéro {number} désignait un autre article, "
    "« {title} », devenu depuis : {now}."
)

# The words by which a message asks about a part or a phrase rather than naming a subject of its own.
_ABOUT_WORDS = (
    "dit dire disent traite traiter parle parler porte portent contient contenu prevoit prevoient "
    "concerne consacre resume resumer explique expliquer explication signifie signifier veut veulent sens "
    "phrase complete completer completez manque manquant suite fin mot mots passage extrait citation "
    "texte intitule titre chapitre partie section annexe article articles paragraphe alinea sujet theme "
    "objet plait merci exactement juste globalement quoi consolide origine originel initial actuel "
    "actuelle version ecrit redige indique mentionne stipule lire lit note cite vise "
)
# The message's courtesy and request verbs ("peux-tu me dire", "pourriez-vous donner"): grammar, not subject.
_REQUEST_WORDS = (
    "portait portaient parlait traitait disait prevoyait contenait "
    "peux pouvez pourrais pourriez voudrais aimerais donne donner donnez dis dites montre montrer svp stp"
)
_ABOUT_TEXT = set(_ABOUT_WORDS.split()) | set(_REQUEST_WORDS.split())
# A message asking which article a number became is a question on the renumbering (`documents`).
_ASKS_NUMBER = re.compile(r"\bnumero|\bnumerot|\brenumer|\bdevenu|\bdeviennent|\bporte quel\b|\bquel article\b")
# Two parts or two versions set against each other: a comparison, not a reading of one part.
# "… mais l'annexe 5 parle d'autre chose", "alors que l'accord dit…": the part is set against another text.
_COMPARES = re.compile(
    r"\bdifferen|\bcompar|\bversus\b|\bvs\b|\bqui a raison\b|\bcontradi|\berreur\b|"
    r"\bmais\b|\balors que\b|\btandis que\b"
)
_NAMES_PART = re.compile(r"\b(?:article|art|annexe|titre|partie|chapitre|section|point|paragraphe|passage|rubrique)\b")
_QUOTE = re.compile(r"«\s*([^»]{12,}?)\s*»|\"([^\"]{12,}?)\"|“([^”]{12,}?)”")
QUOTE_MATCH = 0.8  # share of the pasted phrase's words found in order in one sentence of the texts
SUBJECT_COVERED = 0.5  # share of the message's own words the part must hold to answer it
MIN_QUOTE_WORDS = 5
LEAD_UNITS = 2  # the opening sentences quoted for "what does it say"
MAX_SECTIONS = 4  # sections listed or opened in a summary
MAX_FACT_UNITS = 3
WHOLE_PART_CHARS = 1000  # a part this short is quoted whole: its own wording, complete, answers best
MAX_LIST_ITEMS = 4


def own_subject(question: str, spans: Sequence[tuple[int, int]], documents: Sequence[DocumentInfo]) -> set[str]:
    """The message's content words (light stems) once its references, the texts' names and the words
    that ask about a text are set aside."""
    text = re.sub(r"\s+", " ", folded(question))
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    named: set[str] = set()
    for info in documents:
        heads, cqp, _ = names_of(info)
        named |= heads | cqp
    frame = {w[:6] for w in FRAME | _ABOUT_TEXT | named}
    return {w for w in content_words(text) if w not in frame}


def covered(subject: set[str], chunks: Sequence[Chunk]) -> float:
    if not subject:
        return 1.0
    text = " ".join(f"{c.section_path} {c.text}" for c in chunks)
    words = {w[:6] for w in re.findall(r"[a-z]+", folded(text)) if len(w) > 3} | title_words(text)
    return len(subject & words) / len(subject)


@dataclass(frozen=True)
class _Read:
    """The index as this module reads it: its passages, and the sentences in force as word lists."""

    chunks: tuple[Chunk, ...]
    sentences: list[tuple[Chunk, int, list[str]]]


def _read(passages: Iterable[Chunk]) -> _Read:
    chunks = tuple(passages)
    sentences = [
        (chunk, i, re.findall(r"[a-z0-9]+", folded(unit.text)))
        for chunk in chunks
        if in_force(chunk)
        for i, unit in enumerate(passage_units(chunk.text))
    ]
    return _Read(chunks, sentences)


def _phrase(phrase: str, sentences: list[tuple[Chunk, int, list[str]]]) -> tuple[Chunk, int] | None:
    """The passage and sentence that hold a pasted phrase (its words in order, most of them), the
    text in force first."""
    words = re.findall(r"[a-z0-9]+", folded(phrase.strip(" .…")))
    if len(words) < MIN_QUOTE_WORDS:
        return None
    best: tuple[float, Chunk, int] | None = None
    for chunk, index, sentence in sentences:
        if not set(words[:3]) & set(sentence) and not set(words[-3:]) & set(sentence):
            continue
        matcher = SequenceMatcher(None, words, sentence, autojunk=False)
        share = sum(block.size for block in matcher.get_matching_blocks()) / len(words)
        # a sentence two articles share word for word (art. 4.3 and 9.3 on the bonuses' base): the same
        # one whatever order the index lists its passages in, so that an answer does not vary between builds
        if best is None or share > best[0] or (share == best[0] and chunk.id < best[1].id):
            best = (share, chunk, index)
    if best is None or best[0] < QUOTE_MATCH:
        return None
    return best[1], best[2]


class PartsAnswerer:
    """The service's door: the passages read once per loaded index, a part or a phrase resolved and
    answered, cited in the answer's own book."""

    def __init__(self, manifest: Mapping[str, DocumentInfo], names: Mapping[str, str]) -> None:
        self._manifest = manifest
        self._names = names
        self._index: PerIndex[_Read] = PerIndex(_read, _Read((), []))

    def answer(
        self,
        question: str,
        retriever: Any,
        book: CitationBook,
        *,
        refused: bool,
        meaning: Callable[[], UnitMeaning | None] = lambda: None,
    ) -> str | None:
        """The answer from the part the message names (or the phrase it pastes); None to leave it to the
        ordinary steps. `refused`: the ordinary steps would refuse it, so a named part answers anyway."""
        text = folded(question)
        quoted = [next(g for g in m.groups() if g) for m in _QUOTE.finditer(question)]
        if not quoted and not _NAMES_PART.search(text):
            return None  # most messages: nothing named, no index read
        if _ASKS_NUMBER.search(text) or _COMPARES.search(text):
            return None
        read = self._index.get(retriever)
        chunks = read.chunks
        if not chunks:
            return None
        for phrase in quoted:
            found = _phrase(phrase, read.sentences)
            if found is not None:
                spans = [m.span() for m in _QUOTE.finditer(folded(question))]
                subject = own_subject(question, spans, list(self._manifest.values()))
                if subject and not refused:
                    return None  # a quoted term inside a question of its own ("la famille « … »": which ones?)
                return self._quote_answer(found[0], found[1], book)
        references = read_references(question, self._manifest)
        if len({(r.kind, r.number) for r in references}) != 1:
            return None  # none, or two parts set side by side: the ordinary steps
        reference = references[0]
        documents = [self._manifest[d] for d in {c.document for c in chunks} if d in self._manifest]
        subject = own_subject(question, [r.span for r in references], documents)
        part = resolve(reference, chunks, self._manifest, subject)
        if part is None:
            return None
        # The part is context and the subject lies elsewhere ("l'article 9 du code civil", "d'après l'article 5,
        # mon employeur peut-il refuser mes congés ?"), unless the message is the reference and one word
        # ("article 8 : échéance ?"), or would be refused while naming one of our texts.
        if (
            len(subject) > 1
            and covered(subject, part.chunks) < SUBJECT_COVERED
            and not (refused and reference.document)
        ):
            return None
        return self._part_answer(question, part, subject, book, meaning, chunks)

    # -- a pasted phrase ----------------------------------------------------------------------

    def _quote_answer(self, chunk: Chunk, index: int, book: CitationBook) -> str:
        units = passage_units(chunk.text)
        around = [u.text for u in units[max(0, index - 1) : index + 2]]
        n = book.cite(Evidence(chunk.id, chunk, 1.0), "\n".join(around))
        source = wording.source_phrase(_citation(chunk), self._name(chunk.document))
        lines = [PHRASE_FOUND.format(source=source, sentence=units[index].text, n=n)]
        context = [u.text for i, u in enumerate(units[max(0, index - 1) : index + 2], max(0, index - 1)) if i != index]
        if context:
            lines.extend(["", PHRASE_CONTEXT.format(n=n)])
            lines.extend(f"- « {t} »" for t in context)
        return "\n".join(lines)

    # -- a named part -------------------------------------------------------------------------
    def _part_answer(
        self,
        question: str,
        part: ResolvedPart,
        subject: set[str],
        book: CitationBook,
        meaning: Callable[[], UnitMeaning | None],
        chunks: Sequence[Chunk],
    ) -> str:
        name = self._name(part.document)
        first = part.chunks[0]
        units_by_chunk = [(c, passage_units(c.text)) for c in part.chunks]
        lines: list[str] = []
        if subject:
            whole = sum(len(c.text) for c in part.chunks) <= WHOLE_PART_CHARS
            chosen = units_by_chunk if whole else _best_units(question, units_by_chunk, meaning())
            n = _cite(book, chosen[0][0], [u.text for u in chosen[0][1]])
            lines.append(_heading(PART_HEADING_FACT, part, name, n))
            for chunk, units in chosen:
                m = _cite(book, chunk, [u.text for u in units])
                if chunk is not chosen[0][0]:
                    lines.append(PART_SECTION.format(label=_citation(chunk), n=m))
                lines.extend(f"- « {u.text} »" for u in units)
        else:
            n = _cite(book, first, [u.text for u in units_by_chunk[0][1][:LEAD_UNITS]])
            lines.append(_heading(PART_HEADING, part, name, n))
            sections = _sections(part)
            if part.reference.kind == TITRE or len(sections) > 1:
                lines.append(PART_CONTENTS_TITRE if part.reference.kind == TITRE else PART_CONTENTS)
                for label, title in sections[:MAX_SECTIONS]:
                    lines.append(f"- {label} : « {title} »")
            opened: set[str] = set()
            for chunk, units in units_by_chunk:
                if chunk.section_number in opened or len(opened) >= MAX_SECTIONS or not units:
                    continue
                opened.add(chunk.section_number)
                lead = [u for u in units if not u.is_header][:LEAD_UNITS] or units[:LEAD_UNITS]
                m = _cite(book, chunk, [u.text for u in lead])
                lines.extend(["", PART_SECTION.format(label=_citation(chunk), n=m)])
                lines.extend(f"- « {u.text} »" for u in lead)
        note = _renumbering_note(part, chunks)
        if note:
            lines.extend(["", note])
        return "\n".join(lines)

    def _name(self, document: str) -> str:
        return self._names.get(document, self._manifest[document].title if document in self._manifest else document)


def _heading(template: str, part: ResolvedPart, name: str, n: int) -> str:
    of_document = wording.source_phrase("Article", name).removeprefix("l'article ")
    text = template.format(label=part.label, of_document=of_document, title=part.title, n=n)
    return text[:1].upper() + text[1:]


def _citation(chunk: Chunk) -> str:
    return str(chunk.metadata.get("citation") or chunk.label)


def _cite(book: CitationBook, chunk: Chunk, quote: list[str]) -> int:
    return book.cite(Evidence(chunk.id, chunk, 1.0), "\n".join(quote) or None)


def _best_units(
    question: str, units_by_chunk: list[tuple[Chunk, list[Unit]]], meaning: UnitMeaning | None
) -> list[tuple[Chunk, list[Unit]]]:
    """The sentences of the part that answer the message, grouped by passage, best passage first: the
    lexical score of every sentence (as for any answer), moved by its closeness in meaning to the
    message ("le choix du tuteur" → "choisi sur la base du volontariat")."""
    idf = idf_weights([c.text for c, _ in units_by_chunk], query_weights(question))
    scored: list[tuple[float, int, int]] = []
    for k, (chunk, units) in enumerate(units_by_chunk):
        heading = f"{chunk.section_title} {chunk.section_path}"
        for i, score in enumerate(unit_scores(question, units, idf, heading)):
            if not units[i].is_header and len(units[i].text.split()) >= 5:  # "Le référentiel métier": a heading
                scored.append((score, k, i))
    if meaning is not None and scored:
        best = max(s[0] for s in scored)
        cosines = meaning.similarities(question, [units_by_chunk[k][1][i].text for _, k, i in scored])
        known = [c for c in cosines if c is not None]
        if best > 0 and known:
            closest = max(known)
            scored = [
                (
                    score + best * MEANING_WEIGHT * (cosine - closest) / COSINE_SCALE if cosine is not None else score,
                    k,
                    i,
                )
                for (score, k, i), cosine in zip(scored, cosines)
            ]
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    top = [s for s in scored[:MAX_FACT_UNITS] if s[0] >= scored[0][0] * 0.5] if scored and scored[0][0] > 0 else []
    if not top:  # nothing scores: the part's opening sentences
        chunk, units = units_by_chunk[0]
        return [(chunk, units[:LEAD_UNITS])]
    grouped: dict[int, list[int]] = {}
    for _, k, i in top:
        grouped.setdefault(k, []).append(i)
    order = sorted(grouped, key=lambda k: next(n for n, s in enumerate(top) if s[1] == k))
    result = []
    for k in order:
        chunk, units = units_by_chunk[k]
        picked = set(grouped[k])
        for i in list(picked):  # a sentence that opens a list brings its items; "Il s'agit…" the one before
            if i > 0 and REFERS_BACK.match(units[i].text) and not units[i - 1].in_list:
                picked.add(i - 1)
            if units[i].opens_list:
                cap = LISTED_ITEMS if asks_enumeration(question) else MAX_LIST_ITEMS
                picked.update(j for j in range(i + 1, min(len(units), i + 1 + cap)) if units[j].in_list)
        result.append((chunk, [units[i] for i in sorted(picked)]))
    return _continued_lists(question, units_by_chunk, result)


def _continued_lists(
    question: str, units_by_chunk: list[tuple[Chunk, list[Unit]]], chosen: list[tuple[Chunk, list[Unit]]]
) -> list[tuple[Chunk, list[Unit]]]:
    """The chosen passages, with the rest of a list whose introduction was chosen and whose items run on into the
    part's next passages (lead19): "Cinq compétences sont en émergence :" ends one passage after its first item, the
    four others open the two passages after it; quoted alone, the first item reads as the whole list. As many items
    as the introduction brings when the message asks for the members (`units.asks_enumeration`: "donne la liste
    des …", "quelles compétences …"), else `MAX_LIST_ITEMS` in all."""
    cap = LISTED_ITEMS if asks_enumeration(question) else MAX_LIST_ITEMS
    position = {id(chunk): k for k, (chunk, _) in enumerate(units_by_chunk)}
    result: list[tuple[Chunk, list[Unit]]] = []
    seen: set[int] = set()
    for chunk, units in chosen:
        k = position.get(id(chunk))
        if k is None or k in seen:
            continue
        seen.add(k)
        result.append((chunk, units))
        own = units_by_chunk[k][1]
        start = next((n for n in range(len(own) - 1, -1, -1) if own[n].opens_list), None)
        if start is None or own[start] not in units or not all(u.in_list for u in own[start + 1 :]):
            continue  # no list, or one that ends inside its passage
        if own[-1] not in units:
            continue  # its last item was not quoted
        count = len(own) - start - 1
        for n in range(k + 1, len(units_by_chunk)):
            after, after_units = units_by_chunk[n]
            items = []
            for unit in after_units:
                if not unit.in_list or count >= cap:
                    break
                items.append(unit)
                count += 1
            if not items:
                break
            seen.add(n)
            result.append((after, items))
            if len(items) < len(after_units) or count >= cap:
                break
    return result


LISTED_ITEMS = 14  # the items of a list asked for, across the part's passages


def _sections(part: ResolvedPart) -> list[tuple[str, str]]:
    """The headings a part contains: its articles (for a titre) or its sub-sections, in order."""
    seen: list[tuple[str, str]] = []
    depth = 1 if part.reference.kind == TITRE else 2
    for chunk in part.chunks:
        heads = [h for h in chunk.section_path.split(" › ")]
        head = heads[min(depth, len(heads) - 1)]
        label, _, title = head.partition(" – ")
        entry = (label.strip(), title.strip() or chunk.section_title)
        if entry not in seen:
            seen.append(entry)
    return seen


def _renumbering_note(part: ResolvedPart, chunks: Sequence[Chunk] = ()) -> str:
    """Where a number reads differently in the text in force and as published, say so.

    A number an avenant gave to a new article may have been another article's in the text as published
    (the protocole's article 9 was the contribution, renumbered 10, before the avenant created the internal
    trainer's article 9): the note then names that other article, never "absent from the original text"."""
    chunk = part.chunks[0]
    if not part.current:
        now = str(chunk.metadata.get("superseded_by") or "")
        return PART_NOW.format(now=now) if now else ""
    original = str(chunk.metadata.get("original_number") or "")
    citation = _citation(chunk)
    if chunk.metadata.get("consolidated") and not original:
        number = part.reference.number
        former = next(
            (
                c
                for c in chunks
                if c.document == part.document and c.section_number == number and c.metadata.get("superseded_by")
            ),
            None,
        )
        if former is not None:
            now = str(former.metadata.get("superseded_by"))
            return PART_REUSED.format(number=number, title=former.section_title, now=now)
        return PART_CREATED.format(label=part.label, citation=citation)
    if chunk.metadata.get("consolidated") and original != chunk.section_number:
        return PART_BEFORE.format(label=part.label, original=original, citation=citation)
    return ""


def named_reference(question: str, manifest: Mapping[str, DocumentInfo]) -> PartReference | None:
    """The one part a message names, if any (for callers that only need to know)."""
    references = read_references(question, manifest)
    return references[0] if len({(r.kind, r.number) for r in references}) == 1 else None
