"""The previous answer put in another form (`forms`): one sentence for a mail, or a table comparing what it named.

Both are written from the previous turn's answer and its citations, never from a new search on the message
("mets-moi ça en une phrase…" searched alone finds anything): the sentence is the lead's sentence that answers the
question asked, with its citation; the table's rows are the things the exchange named — in the message, the
question or the answer, else the parts beside the cited one in the text's structure (the articles of the same
title: "les deux dispositifs" of Titre II are the Pro-A and the contrat de professionnalisation) — each with the
cited sentence on the aspect compared ("leurs durées"). A thing whose sentence the answer did not cite is asked
about by name with that aspect ("Contrat de professionnalisation : durées ?"), one question per thing, so its row
holds its own text's sentence and not a sentence on another subject. The French frames are in `wording`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from assistant.answer import Answer, Citation
from assistant.conversation import wording
from assistant.conversation.cited_parts import (
    document_name,
    lead_text,
    renumbered,
    section_number,
    sentences,
    without_markers,
)
from assistant.conversation.state import Turn
from assistant.conversation.state import answered as answered_turns
from assistant.conversation.subject import Subject, find_subject, member_of, subjects_in
from ingest.models import Chunk
from text.folding import same_length

MAX_ROWS = 6
# several things spoken of, none named: "leurs durées", "les deux dispositifs", "compare-les"
_SEVERAL = re.compile(
    r"\bleurs\b|\b(?:les|des|ces) (?:deux|trois|quatre|[234]|differents|divers)\b|\bcompar\w*|\bchacun\w*"
)
_COUNT = {"deux": 2, "2": 2, "trois": 3, "3": 3, "quatre": 4, "4": 4}


def _stems(text: str, size: int = 5) -> set[str]:
    """Content words by their first letters; a rate's adjective read as its unit ("mensuelle" as "mois")."""
    stems = {w[:size] for w in re.findall(r"[a-z0-9]{4,}", same_length(text).lower())} - _STOP
    return {_RATE_UNITS.get(s, s) for s in stems}


_RATE_UNITS = {"mensu": "mois", "annue": "annee", "hebdo": "semai", "quoti": "jour"}


_STOP = frozenset({"combi", "quell", "quels", "comme", "cette", "celle", "dans", "pour", "avec", "sont", "leurs"})


def _answered(turns: Sequence[Turn]) -> Turn | None:
    """The last turn that said something from the texts: an answer, or a question back leading with its rule."""
    answered = answered_turns(turns)
    last = answered[-1] if answered else None
    if last is None or last.route == "refusal" or not last.lead or not last.citations:
        return None
    return last


# a question back's own sentences ("Indiquez la date…", "À quelle date … ?"): no rule to pass on
_ASKING_BACK = re.compile(r"\?\s*(?:\[\d+\])?$|^(?:indiquez|precisez|dites|donnez)\b")
# the question answered asks a quantity: the sentence holding a figure says it ("la prime mensuelle" → 7 points)
_QUANTITY = re.compile(
    r"\bcombien\b|\bjusqu'a\b|\bau (?:maximum|minimum|plus|moins)\b|\bmensuel\w*|\bannuel\w*|\bplafon\w*|"
    r"\bquel(?:le)?s? (?:est |sont |serait )?(?:le |la |les |l')?(?:montant|prime|duree|nombre|taux|pourcentage|"
    r"plafond|maximum|minimum|delai|frequence|part|coefficient|niveau|age)\b"
)


def one_sentence(turns: Sequence[Turn], typed: str, passages: Iterable[Chunk] | None = None) -> Answer | None:
    """ "Mets-moi ça en une phrase pour un mail": the lead's sentence that answers the question asked (most of its
    words shared; a list's items joined after its colon), with its citation. None when the last turn answered
    nothing from the texts (a refusal, a question back): the message is then read as usual."""
    last = _answered(turns)
    if last is None:
        return None
    parts = [p.strip() for p in re.split(r"\n+", lead_text(last.lead)) if p.strip()]
    pieces: list[str] = []
    for part in parts:  # a list's items joined to the sentence that opens them ("… conditions : – …; – …")
        if pieces and re.match(r"[–•-]", part):
            joint = " " if pieces[-1].rstrip(" []0123456789").endswith(":") else " ; "
            pieces[-1] = f"{pieces[-1].rstrip()}{joint}{part.lstrip('–•- ').rstrip(' ;.')}"
        else:
            pieces.extend(sentences(part) or [part])
    pieces = [p for p in pieces if not _ASKING_BACK.search(same_length(p).lower())]
    asked = _stems(last.question)
    quantity = bool(_QUANTITY.search(same_length(last.question).lower()))
    if quantity and not any(re.search(r"\d", without_markers(p)) for p in pieces):
        # (a quantity asked and a lead without a figure: the cited sentence stating it, "7 points par mois")
        ids = {c.evidence_id for c in last.citations}
        texts = {ch.id: ch.text for ch in passages or () if ch.id in ids}  # (the passage cited, whole)
        for citation in last.citations:
            whole = texts.get(citation.evidence_id, citation.quote)
            pieces.extend(f"{x} [{citation.number}]" for x in sentences(whole) if re.search(r"\d", x) and "|" not in x)
    if not pieces:
        return None

    def rank(piece: str) -> tuple[bool, int, int]:
        figure = quantity and bool(re.search(r"\d", without_markers(piece)))
        return figure, len(_stems(piece) & asked), -pieces.index(piece)

    best = max(pieces, key=rank)
    used = [int(n) for n in re.findall(r"\[(\d+)\]", best)]
    kept = [c for c in last.citations if c.number in used] or list(last.citations[:1])
    sentence = without_markers(best).strip().rstrip(" ;,:")
    sentence = sentence[:1].upper() + sentence[1:]
    if not sentence.endswith((".", "!", "?")):
        sentence += "."
    markers = "".join(f"[{i}]" for i in range(1, len(kept) + 1))
    cited = renumbered(kept, 1)
    text = wording.in_one_sentence(f"{sentence} {markers}", "; ".join(_where(c) for c in cited))
    return Answer(typed, text, "retrieval", citations=cited)


def table(
    turns: Sequence[Turn],
    typed: str,
    aspect: str,
    passages: Iterable[Chunk] | None,
    ask: Callable[[str], Answer],
) -> Answer | None:
    """ "Fais-moi un tableau qui compare leurs durées": one row per thing the exchange named, its sentence on the
    aspect; with fewer than two things, one row per cited sentence on the aspect (the lead's sentences and those
    holding a figure when no aspect is said). None when the last turn answered nothing from the texts."""
    last = _answered(turns)
    if last is None:
        return None
    things = _things(last, typed, list(passages) if passages is not None else [])
    wanted = _stems(aspect)
    if len(things) >= 2 and wanted:
        rows = _rows_by_thing(things, last, aspect, typed, ask)
        if rows:
            return _table_answer(typed, rows, header=(wording.table_thing(), _aspect_heading(aspect, typed)))
    quoted = _quoted_table(last, typed)
    if quoted is not None and not (len(things) >= 2 and wanted):
        return quoted
    found = _cited_rows(last, wanted)
    if not found:
        return None
    return _table_answer(typed, found, header=(wording.table_point(), wording.table_text()))


# a table of the texts as the parse renders it in a passage: its header line, then one line per row, the row's name
# then its cells by column ("– Epreuve écrite — Note/ : /20; Coefficient : 3; Note éliminatoire : ≤ 6")
_TABLE_HEADER = re.compile(r"^Tableau\s*:\s*(?P<columns>[^|\n]+(?:\|[^|\n]+)+)$")
_TABLE_ROW = re.compile(r"^[–-]\s*(?P<name>.+?)(?:\s+—\s+(?P<cells>.+))?$")


def _quoted_table(last: Turn, typed: str) -> Answer | None:
    """The table a cited passage holds, written again as a table with its own columns ("mets-moi ça sous forme de
    tableau" after the CQP's grading table quoted as lines): the answer already gave the texts' table, so its rows
    are the rows, each cell the value the text puts in that column. A row with no cell (a group's heading,
    "Contrôles continus") is left out. None when no cited passage holds a table of two rows."""
    for citation in last.citations:
        lines = [line.strip() for line in citation.quote.splitlines()]
        at = next((i for i, line in enumerate(lines) if _TABLE_HEADER.match(line)), None)
        if at is None:
            continue
        header = _TABLE_HEADER.match(lines[at])
        assert header is not None
        columns = [c.strip() for c in header.group("columns").split("|")]
        rows: list[list[str]] = []
        for line in lines[at + 1 :]:
            row = _TABLE_ROW.match(line)
            if row is None:
                break
            cells = dict(
                (key.strip(), value.strip())
                for key, _, value in (p.partition(" : ") for p in (row.group("cells") or "").split("; "))
                if value
            )
            if cells:
                rows.append([row.group("name").strip(), *(cells.get(c, "–") for c in columns[1:])])
        if len(rows) < 2:
            continue
        cited = renumbered([citation], 1)
        lines_out = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        lines_out += ["| " + " | ".join(cell.replace("|", "/") for cell in row) + " |" for row in rows]
        text = wording.table_as_written(f"{_where(citation)} [1]") + "\n\n" + "\n".join(lines_out)
        return Answer(typed, text, "retrieval", citations=cited)
    return None


def _things(last: Turn, typed: str, chunks: list[Chunk]) -> list[Subject]:
    """The things the table compares: named in the message (two or more), else in the question answered and its
    answer, else those plus the articles of the same title as the part cited first (at most the count the exchange
    said: "les deux dispositifs")."""
    named = _distinct(subjects_in(typed))
    if len(named) >= 2:
        return named
    said = _distinct([*subjects_in(last.question), *subjects_in(lead_text(last.lead))])
    if len(said) >= 2 or not chunks or not _SEVERAL.search(same_length(f"{typed} {last.question}").lower()):
        return said  # (the parts beside the cited one only when several things are spoken of: "leurs", "les deux")
    counts = [_COUNT[w] for w in re.findall(r"\b(deux|trois|quatre|[234])\b", same_length(f"{typed} {last.question}"))]
    limit = counts[0] if counts else 4
    cited = next((c for c in last.citations if section_number(c.section)), None)
    if cited is None:
        return said
    path = next((ch.section_path for ch in chunks if ch.id == cited.evidence_id), cited.path)
    title = path.split(" › ")[0]
    siblings: list[Subject] = list(said)
    for chunk in chunks:
        levels = chunk.section_path.split(" › ")
        if chunk.document != cited.document or len(levels) < 2 or levels[0] != title:
            continue
        found = find_subject(levels[1])
        if found is not None:
            siblings.append(found)
    return _distinct(siblings)[:limit]


def _distinct(found: Iterable[Subject]) -> list[Subject]:
    """Each thing once, in order; a family left out when one of its members is named, a member of a thing kept
    apart from it only when it is not the same name ("tuteur" and "prime de tutorat" are both kept)."""
    kept: list[Subject] = []
    for subject in found:
        if any(k.same_as(subject) for k in kept):
            continue
        kept.append(subject)
    return [s for s in kept if not any(member_of(other, s) for other in kept if other is not s)]


def _rows_by_thing(
    things: Sequence[Subject], last: Turn, aspect: str, typed: str, ask: Callable[[str], Answer]
) -> list[tuple[str, Citation, str]]:
    """Each thing's sentence on the aspect: among the answer's citations of its own part first (the part's path names
    it), else the answer to the thing asked by name with the aspect's words."""
    wanted = _stems(aspect)
    words = _typed_aspect(aspect, typed)
    lead = [p for p in re.split(r"\n+|(?<=[.;])\s+", lead_text(last.lead)) if len(p) > 20]
    rows: list[tuple[str, Citation, str]] = []
    for thing in things:
        # the answer's own sentences first: its lead's naming the thing (2), its citations of the thing's part (1)
        pool = [(2, c, without_markers(x).strip()) for x in lead if _names(x, thing) for c in _marked(x, last)]
        pool += [(1, c, x) for c in last.citations if _speaks_of(c, thing) for x in sentences(c.quote)]
        if not any(_holds(x, wanted) and re.search(r"\d", x) for _, _, x in pool):
            # no sentence of the answer states it: the thing asked about by name with the aspect's words (0)
            reply = ask(f"{thing.name[:1].upper()}{thing.name[1:]} : {words} ?")
            if reply.route == "retrieval" and reply.citations:
                asked = [c for c in reply.citations if _speaks_of(c, thing)] or list(reply.citations)
                pool += [(0, c, x) for c in asked for x in sentences(c.quote)]
                led = _led(reply)
                pool += [(0, led[0], led[1])] if led is not None else []
        found = _best(pool, wanted)
        if found is not None:
            rows.append((thing.name[:1].upper() + thing.name[1:], *found))
    return rows if len(rows) >= 2 else []


def _names(sentence: str, thing: Subject) -> bool:
    return any(s.same_as(thing) for s in subjects_in(sentence))


def _marked(sentence: str, last: Turn) -> list[Citation]:
    """The citation a lead's sentence marks ("[2]"), else the answer's first."""
    numbers = [int(n) for n in re.findall(r"\[(\d+)\]", sentence)]
    return [c for c in last.citations if c.number in numbers][:1] or list(last.citations[:1])


def _holds(sentence: str, wanted: set[str]) -> int:
    return len(_stems(sentence) & wanted)


def _led(reply: Answer) -> tuple[Citation, str] | None:
    """The first sentence of an answer's lead, with the citation it marks."""
    lead = lead_text(reply.text.split("\n\n")[0])
    first = next(iter(sentences(lead)), "")
    marked = re.search(r"\[(\d+)\]", first)
    citation = next((c for c in reply.citations if marked and c.number == int(marked.group(1))), reply.citations[0])
    return (citation, first) if first else None


def _speaks_of(citation: Citation, thing: Subject) -> bool:
    return any(s.same_as(thing) for s in subjects_in(f"{citation.path} {citation.section}"))


def _best(pool: Sequence[tuple[int, Citation, str]], wanted: set[str]) -> tuple[Citation, str] | None:
    """The sentence holding most of the aspect's words, then a figure when it holds one, then the nearest to the
    answer (its lead, its citations, a question asked); with no sentence holding the aspect, the nearest alone
    (the texts' word may not be the user's: "publics" for "s'adresse aux…")."""
    scored = []
    for i, (origin, citation, sentence) in enumerate(pool):
        held = _holds(sentence, wanted)
        figure = bool(held and re.search(r"\d", sentence))
        scored.append(((held, figure, origin, -i), citation, sentence))
    if not scored:
        return None
    _, citation, sentence = max(scored, key=lambda x: x[0])
    return citation, sentence


def _cited_rows(last: Turn, wanted: set[str]) -> list[tuple[str, Citation, str]]:
    """One row per cited sentence on the aspect, else per sentence holding a figure: each labelled by its part."""
    pool = [(c, s) for c in last.citations for s in sentences(c.quote) if "|" not in s]
    chosen = [(c, s) for c, s in pool if wanted and _stems(s) & wanted] or [
        (c, s) for c, s in pool if re.search(r"\d", without_markers(s))
    ]
    seen: set[str] = set()
    rows: list[tuple[str, Citation, str]] = []
    for citation, sentence in chosen:
        if sentence in seen:
            continue
        seen.add(sentence)
        rows.append((_part(citation), citation, sentence))
    return rows[:MAX_ROWS]


def _typed_aspect(aspect: str, typed: str) -> str:
    """The aspect's words as the user typed them ("durées"), for the question asked about each thing."""
    wanted = set(aspect.split())
    typed_words = re.findall(r"[\w'-]+", typed)
    kept = [w for w in typed_words if same_length(w).lower() in wanted]
    return " ".join(kept) or aspect


def _aspect_heading(aspect: str, typed: str) -> str:
    words = _typed_aspect(aspect, typed)
    return words[:1].upper() + words[1:]


def _table_answer(typed: str, rows: Sequence[tuple[str, Citation, str]], header: tuple[str, str]) -> Answer:
    citations: list[Citation] = []
    lines = [f"| {header[0]} | {header[1]} | {wording.table_source()} |", "|---|---|---|"]
    for label, citation, sentence in rows:
        if citation not in citations:
            citations.append(citation)
        number = citations.index(citation) + 1
        cell = " ".join(without_markers(sentence).split()).replace("|", "/")
        lines.append(f"| {label} | {cell} [{number}] | {_where(citation)} |")
    cited = renumbered(citations, 1)
    return Answer(typed, wording.table_head() + "\n\n" + "\n".join(lines), "retrieval", citations=cited)


def _part(citation: Citation) -> str:
    label = re.sub(r"\s*\(.*", "", citation.section).strip()
    return label or citation.path.split(" › ")[-1]


def _where(citation: Citation) -> str:
    label = _part(citation)
    label = label[:1].lower() + label[1:] if label[:1].isupper() and not label[:2].isupper() else label
    name = document_name(citation)
    return f"{label} ({name[:1].upper() + name[1:]})"
