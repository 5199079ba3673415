"""The corpus's own enumerations, read from the parsed structure (issue #13, enumeration questions).

A *family* is a set of siblings that the texts themselves lay out as one enumeration, so nothing is
typed by hand and a new or amended text brings its families with it:

- the rows of a table (`Tableau : Intitulé | Famille professionnelle | …` followed by one
  `– member — Colonne : valeur; …` line per row, as `ingest.tables` writes them): the Pro-A list of
  annex 1, the grading grid of the CQP gestionnaire conseil…;
- the headings that share one parent heading (the CQP fiche's one heading per CQP, the avenant's
  annexes, one per certification added);
- the articles of a document (its numbered top-level articles).

A family is named by the words of its own heading, table header and members' first words (`nouns`),
and placed by the words of its title, path and document (`context`); the question side
(`assistant.answering.enumerations`) matches the noun a question asks about against these words.
When the consolidated text replaces an amended table, the members the amendment brought are marked
`added` by comparing the two versions, so "ajoutées par l'avenant" is a filter read from the texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.answering.splitting import continues_item
from ingest.models import PATH_SEPARATOR, Chunk
from text.folding import without_accents

_ROW = re.compile(r"^[–-]\s+(.+)$")
_WORD = re.compile(r"[a-z0-9]+")
# function words of French: never a family's noun nor a qualifier
STOP = frozenset(
    re.findall(
        r"\S+",
        """a au aux avec ce ces cet cette d dans de des du en et il ils elle elles est l la le les leur leurs
    ou par pour qu que qui quel quels quelle quelles sa se ses son sont sur un une y ne pas plus mais
    ont a-t-il sous entre tout tous toute toutes donc car me moi nous vous on s t n j c""",
    )
)


def fold(text: str) -> str:
    return without_accents(text).lower()


def stem(word: str) -> str:
    """Plural and singular alike: "certifications" → "certification", "travaux" → "travau"."""
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


def words(text: str) -> list[str]:
    """Folded, stemmed content words in order."""
    return [stem(w) for w in _WORD.findall(fold(text)) if w not in STOP and len(w) > 1]


@dataclass(frozen=True)
class Member:
    """One sibling: its own label, the rest of its row (columns) and the passage that holds it."""

    label: str
    detail: str
    chunk: Chunk
    added: bool = False

    @property
    def head(self) -> str:
        """The member's first word ("CQP", "Diplôme", "Master"), folded and stemmed."""
        found = words(self.label)
        return found[0] if found else ""


@dataclass
class Family:
    """One enumeration of the texts: its title, its members, and the words that name and place it."""

    kind: str  # "table" | "headings" | "articles"
    title: str
    document: str
    chunk: Chunk  # the passage cited for the family as a whole
    members: list[Member] = field(default_factory=list)
    nouns: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)  # members' shared first words: a noun that sorts them
    named_by: set[str] = field(default_factory=set)  # the heading's or header's own noun: all members
    context: set[str] = field(default_factory=set)
    amended_by: str = ""  # the document whose amendment added the members marked `added`


def _table_rows(text: str) -> tuple[list[str], list[tuple[str, str]]] | None:
    """The header and rows of the table a passage holds (None when it holds none)."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("Tableau :")), None)
    if start is None:
        return None
    header = [h.strip() for h in lines[start][len("Tableau :") :].split("|") if h.strip()]
    rows: list[tuple[str, str]] = []
    for line in lines[start + 1 :]:
        match = _ROW.match(line.strip())
        if not match:
            if rows:
                break
            continue
        label, _, detail = match.group(1).partition(" — ")
        rows.append((label.strip(), detail.strip()))
    return (header, rows) if len(header) >= 2 and len(rows) >= 2 else None


def _key(chunk: Chunk) -> tuple[str, str, str]:
    return chunk.document, chunk.section_number, chunk.section_title


def _tables(chunks: list[Chunk]) -> list[Family]:
    current: dict[tuple[str, str, str, str], tuple[Chunk, list[str], list[tuple[str, str]]]] = {}
    original: dict[tuple[str, str, str, str], list[tuple[str, str]]] = {}
    for chunk in chunks:
        table = _table_rows(chunk.text)
        if table is None:
            continue
        header, rows = table
        key = (*_key(chunk), fold(header[0]))
        if chunk.metadata.get("consolidated"):
            current[key] = (chunk, header, rows)
        else:
            original.setdefault(key, rows)
            current.setdefault(key, (chunk, header, rows))
    families = []
    for key, (chunk, header, rows) in current.items():
        if len({fold(label) for label, _ in rows}) < len(rows):
            continue  # a form's repeated lines, not an enumeration: each member is listed once
        before = {fold(label) for label, _ in original.get(key, rows)}
        amended_by = str(chunk.metadata.get("amended_by") or "") if chunk.metadata.get("consolidated") else ""
        members = [
            Member(label, detail, chunk, bool(amended_by) and fold(label) not in before) for label, detail in rows
        ]
        family = Family(
            "table", chunk.section_title or chunk.label, chunk.document, chunk, members, amended_by=amended_by
        )
        family.heads = _shared_heads(members)
        family.named_by = set(words(header[0])[:1]) | set(_title_nouns(family.title))
        family.nouns = family.heads | family.named_by
        family.context = set(words(chunk.section_path)) | set(words(" ".join(header)))
        families.append(family)
    return families


def _shared_heads(members: list[Member]) -> set[str]:
    """The first words that at least two members share ("CQP …", "Diplôme d'État …"): the kinds of
    member a question may ask for; a word heading one row only ("Option") names no kind."""
    heads = [m.head for m in members]
    return {h for h in heads if h and heads.count(h) >= 2}


def _title_nouns(title: str) -> list[str]:
    """The noun a heading names its members by: "Liste de certifications éligibles…" → certification,
    "Les certificats de qualification professionnelle (CQP)…" → certificat (and the acronym CQP)."""
    found = words(title)
    if found and found[0] in ("liste", "list"):
        found = found[1:]
    nouns = found[:1]
    nouns += [stem(fold(a)) for a in re.findall(r"\(([A-Z][A-Za-z-]{1,9})\)", title)]
    return nouns


def _headings(chunks: list[Chunk], titles: dict[str, str]) -> list[Family]:
    """Sibling headings: the distinct children of each heading, kept when they are at least three and
    share their first word (one heading per CQP, one annex per certification)."""
    children: dict[tuple[str, tuple[str, ...]], dict[str, Chunk]] = {}
    for chunk in chunks:
        if chunk.metadata.get("consolidated"):
            continue
        parts = tuple(chunk.section_path.split(PATH_SEPARATOR)) if chunk.section_path else ()
        for depth in range(1, len(parts)):
            siblings = children.setdefault((chunk.document, parts[:depth]), {})
            known = siblings.get(parts[depth])
            if known is None or (chunk.page_start, chunk.ordinal) < (known.page_start, known.ordinal):
                siblings[parts[depth]] = chunk
    families = []
    for (document, parent), siblings in children.items():
        labels = list(siblings)
        heads = {(words(label) or [""])[0] for label in labels}
        if len(labels) < 3 or len(heads) != 1 or heads == {""}:
            continue
        ordered = sorted(labels, key=lambda label: (siblings[label].page_start, siblings[label].section_ordinal))
        members = [Member(_bare(label), "", siblings[label]) for label in ordered]
        title = parent[-1]
        family = Family("headings", title, document, siblings[ordered[0]], members)
        family.heads, family.named_by = heads, set(_title_nouns(_bare(title)))
        family.nouns = heads | family.named_by
        family.context = set(words(" ".join(parent))) | set(words(titles.get(document, "")))
        families.append(family)
    return families


def _bare(label: str) -> str:
    """ "Annexe 2 – Assistant(e) de service social" stays; a heading keeps its own words."""
    return label.strip()


def _articles(chunks: list[Chunk], titles: dict[str, str]) -> list[Family]:
    """Each document's top-level articles ("Article 3 – …"), in the text's own numbering."""
    by_document: dict[str, dict[str, Chunk]] = {}
    for chunk in chunks:
        if chunk.metadata.get("consolidated"):
            continue
        for part in chunk.section_path.split(PATH_SEPARATOR):
            if re.match(r"Article \d+\b", part):
                known = by_document.setdefault(chunk.document, {}).get(part)
                if known is None or chunk.page_start < known.page_start:
                    by_document[chunk.document][part] = chunk
                break
    families = []
    for document, articles in by_document.items():
        if len(articles) < 2:
            continue
        ordered = sorted(articles, key=lambda a: int(re.findall(r"\d+", a)[0]))
        members = [Member(label, "", articles[label]) for label in ordered]
        family = Family("articles", titles.get(document, document), document, articles[ordered[0]], members)
        family.nouns = family.heads = {"article"}
        family.context = set(words(titles.get(document, "")))
        families.append(family)
    return families


# a list head names its members by a drafting formula: "les emplois suivants :", "Six options ont été
# créées…", "organisé en 4 blocs de compétences :" (the noun after a count, or before "suivant(e)s")
_COUNT = r"(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze)"
_COUNTED = re.compile(rf"\b{_COUNT}\s+([a-z][a-z-]+)")
_FOLLOWING = re.compile(r"\b(?:les|des|aux|ses|leurs)\s+([a-z][a-z-]+)(?:\s+[a-z'-]+){0,3}\s+suivante?s\s*:\s*$")


# a count of time ("36 mois", "11 octobre") is no list's noun
_MONTH_WORDS = frozenset(
    re.findall(r"\w+", "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre mois ans")
)


def _list_nouns(head: str) -> set[str]:
    sentence = re.split(r"(?<=[.!?])\s+", fold(head))[-1]
    found = [m.group(1) for m in _COUNTED.finditer(sentence)]
    following = _FOLLOWING.search(sentence)
    if following:  # "les emplois suivants", "les objectifs de formation suivants": the noun after "les"
        found.append(following.group(1))
    return {stem(w) for w in found if w not in STOP and w not in _MONTH_WORDS}


def _lists(chunks: list[Chunk]) -> list[Family]:
    """The items of a list whose head names them ("Le manager opérationnel peut exercer les emplois
    suivants : – … – …"): one family per head, its members the "– " items that follow it."""
    families: list[Family] = []
    seen: set[tuple[str, str]] = set()
    for chunk in chunks:
        if chunk.metadata.get("consolidated"):
            continue
        lines = [line.strip() for line in chunk.text.splitlines() if line.strip()]
        for i, head in enumerate(lines):
            if not head.endswith(":") or head.startswith(("Tableau", "–")) or (chunk.document, head) in seen:
                continue
            items: list[str] = []
            last = ""
            for line in lines[i + 1 :]:
                match = _ROW.match(line)
                if not match and items and continues_item(last, line):  # the item goes on after a PDF break
                    last = f"{last} {line}"
                    items[-1] = last.rstrip(" ;.,")
                    continue
                if not match:
                    break
                last = match.group(1)
                items.append(last.rstrip(" ;.,"))
            nouns = _list_nouns(head)
            if len(items) < 2 or not nouns:
                continue
            seen.add((chunk.document, head))
            parts = chunk.section_path.split(PATH_SEPARATOR)
            title = PATH_SEPARATOR.join(parts[-2:] if len(parts) > 2 else parts[-1:])  # "Annexe 4 – … › Préambule"
            family = Family("list", title, chunk.document, chunk, [Member(item, "", chunk) for item in items])
            family.nouns = family.named_by = nouns
            family.context = set(words(chunk.section_path)) | set(words(head))
            families.append(family)
    return families


def read_families(chunks: Iterable[Chunk], titles: dict[str, str]) -> list[Family]:
    """Every enumeration of the indexed texts (tables, sibling headings, articles of a document, lists
    whose head names their items)."""
    every = list(chunks)
    return _tables(every) + _headings(every, titles) + _articles(every, titles) + _lists(every)
