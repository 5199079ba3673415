"""Consolidated view of an agreement after its avenants, built from data (`corpus/amendments.json`).

The amendment description lists operations (`insert_paragraph`, `append_to_list`,
`replace_article`, `create_article`, `renumber`, `append_paragraphs`), each naming the avenant
article whose text carries the new wording; the wording itself is read from the parsed avenant
(the « … » quotation), never copied into code or data. Applying the operations in order to the
parsed agreement gives, for every article (section), its successive versions: number in force,
original number, title, text, validity dates and the avenant articles that shaped it. Hence
"article 7 as of 2021" vs "as of 2023", and citations such as
"Article 7 (rédaction issue de l'avenant du 11 octobre 2022, art. 2)".

Pure logic: no I/O besides `load_amendments`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from ingest.models import ParsedDocument, Section, section_label

OPERATIONS = (
    "insert_paragraph",
    "append_to_list",
    "replace_article",
    "create_article",
    "renumber",
    "append_paragraphs",
)

_HEADING = re.compile(r"^\s*Article\s+(\d+(?:\.\d+)*)(?:er)?\s*[|:–—-]\s*(.+?)\s*$")
_TOP_ARTICLE = re.compile(r"^\d+$")


class ConsolidationError(ValueError):
    """The amendment description does not fit the parsed texts (missing article, no quote…)."""


# -- the amendment description (data) ---------------------------------------------------------


@dataclass(frozen=True)
class Operation:
    op: str
    source: str  # avenant article (section number) whose text carries the new wording
    target: str = ""  # article number in force when the operation applies
    number: str = ""  # create_article: number of the new article
    after: str = ""  # create_article: article it follows; append_to_list: text marker
    position: str = "end"
    quote: int = 1  # which « … » quotation of the source article (1-based)
    mapping: Mapping[str, str] = field(default_factory=dict)  # renumber: old → new
    items: tuple[str, ...] = ()  # append_to_list: list entries, checked against the avenant text
    heading: str = ""
    effective_from: date | None = None  # None: the amendment's date
    effective_note: str = ""
    date_certain: bool = True


@dataclass(frozen=True)
class Amendment:
    avenant: str
    target: str
    label: str
    effective_from: date
    effective_note: str
    operations: tuple[Operation, ...]
    signed: date | None = None


def _parse_date(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ConsolidationError(f"{where}: date invalide {value!r}") from exc


def parse_amendments(data: Mapping[str, Any]) -> list[Amendment]:
    """Validate the JSON description and turn it into `Amendment`s."""
    amendments: list[Amendment] = []
    for a_index, raw in enumerate(data.get("amendments", [])):
        where = f"amendments[{a_index}]"
        try:
            avenant, target = str(raw["avenant"]), str(raw["target"])
        except KeyError as exc:
            raise ConsolidationError(f"{where}: champ {exc} manquant") from exc
        signed = _parse_date(raw.get("signed"), where)
        effective = _parse_date(raw.get("effective_from"), where) or signed
        if effective is None:
            raise ConsolidationError(f"{where}: ni 'effective_from' ni 'signed'")
        ops: list[Operation] = []
        for o_index, op in enumerate(raw.get("operations", [])):
            o_where = f"{where}.operations[{o_index}]"
            kind = op.get("op")
            if kind not in OPERATIONS:
                raise ConsolidationError(f"{o_where}: opération inconnue {kind!r}")
            if "source" not in op:
                raise ConsolidationError(f"{o_where}: 'source' (article de l'avenant) manquant")
            if kind == "renumber" and not op.get("mapping"):
                raise ConsolidationError(f"{o_where}: 'mapping' manquant")
            if kind == "create_article" and not op.get("number"):
                raise ConsolidationError(f"{o_where}: 'number' manquant")
            if kind not in ("renumber", "create_article") and not op.get("target"):
                raise ConsolidationError(f"{o_where}: 'target' manquant")
            op_date = _parse_date(op.get("effective_from"), o_where)
            condition = str(op.get("effective_condition", ""))
            ops.append(
                Operation(
                    op=kind,
                    source=str(op["source"]),
                    target=str(op.get("target", "")),
                    number=str(op.get("number", "")),
                    after=str(op.get("after", "")),
                    position=str(op.get("position", "end")),
                    quote=int(op.get("quote", 1)),
                    mapping={str(k): str(v) for k, v in (op.get("mapping") or {}).items()},
                    items=tuple(str(i) for i in op.get("items", ())),
                    heading=str(op.get("heading", "")),
                    effective_from=op_date,
                    effective_note=str(op.get("effective_note", "")) or condition,
                    date_certain=not condition,
                )
            )
        amendments.append(
            Amendment(
                avenant=avenant,
                target=target,
                label=str(raw.get("label") or avenant),
                effective_from=effective,
                effective_note=str(raw.get("effective_note", "")),
                operations=tuple(ops),
                signed=signed,
            )
        )
    return amendments


def load_amendments(path: Path) -> list[Amendment]:
    """Read `corpus/amendments.json` (an absent file means no amendment)."""
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ConsolidationError(f"{path}: JSON invalide ({exc})") from exc
    return parse_amendments(data)


# -- the consolidated view -------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One avenant article that changed an article, and from when."""

    op: str
    avenant: str
    avenant_label: str
    avenant_section: str
    effective_from: date
    date_certain: bool = True
    note: str = ""

    @property
    def reference(self) -> str:
        return f"{self.avenant_label}, art. {self.avenant_section}"


_PHRASES = {
    "replace_article": "rédaction issue de l'{ref}",
    "create_article": "créé par l'{ref}",
    "insert_paragraph": "complété par l'{ref}",
    "append_paragraphs": "complété par l'{ref}",
    "append_to_list": "liste complétée par l'{ref}",
}


@dataclass(frozen=True)
class ArticleVersion:
    """The wording of one article (section) during one period."""

    document: str
    number: str
    original_number: str | None  # None for an article created by an avenant
    title: str
    text: str
    path: tuple[str, ...]
    page_start: int
    page_end: int
    valid_from: date | None  # None: since the agreement itself applies
    valid_to: date | None = None  # exclusive; None: still in force
    changes: tuple[Change, ...] = ()
    source_document: str = ""  # document whose text carries this wording
    source_section: str = ""
    trail: tuple[str, ...] = ()  # the path with the headings' titles ("Article 7 – Validation…")

    def in_force(self, on: date) -> bool:
        starts = self.valid_from is None or self.valid_from <= on
        return starts and (self.valid_to is None or on < self.valid_to)

    @property
    def amended(self) -> bool:
        return bool(self.changes)

    @property
    def label(self) -> str:
        return section_label(self.number, self.title)

    @property
    def citation(self) -> str:
        """ "Article 7 (rédaction issue de l'avenant du 11 octobre 2022, art. 2)"."""
        notes: list[str] = []
        for change in self.changes:
            if change.op == "renumber":
                if self.original_number and self.original_number != self.number:
                    former = section_label(self.original_number).lower()
                    notes.append(f"ancien {former}, renuméroté par l'{change.reference}")
            else:
                notes.append(_PHRASES[change.op].format(ref=change.reference))
        unique = list(dict.fromkeys(notes))
        return f"{self.label} ({' ; '.join(unique)})" if unique else self.label


@dataclass
class ConsolidatedArticle:
    """An article's identity across renumbering, with its versions in time order."""

    key: str
    original_number: str | None
    versions: list[ArticleVersion]

    @property
    def current(self) -> ArticleVersion:
        return self.versions[-1]

    @property
    def current_number(self) -> str:
        return self.current.number

    def as_of(self, on: date) -> ArticleVersion | None:
        for version in self.versions:
            if version.in_force(on):
                return version
        return None


@dataclass
class ConsolidatedDocument:
    document: str
    title: str
    articles: list[ConsolidatedArticle]
    amendments: tuple[Amendment, ...] = ()

    def as_of(self, on: date) -> list[ArticleVersion]:
        """The articles in force on a date, in document order."""
        return [v for a in self.articles if (v := a.as_of(on)) is not None]

    def article(self, number: str, on: date | None = None) -> ArticleVersion | None:
        """The version numbered `number` in force on `on` (today's wording when `on` is None)."""
        for article in self.articles:
            version = article.as_of(on) if on else (article.current if article.current.valid_to is None else None)
            if version is not None and version.number.casefold() == number.casefold():
                return version
        return None

    def by_original_number(self, number: str) -> ConsolidatedArticle | None:
        for article in self.articles:
            if article.original_number is not None and article.original_number.casefold() == number.casefold():
                return article
        return None

    def amended_versions(self) -> list[ArticleVersion]:
        """Every version that differs from the original wording or number."""
        return [v for a in self.articles for v in a.versions if v.amended]

    def superseded_on(self, original_number: str) -> date | None:
        """When the original wording of an article stopped applying (None: it still applies)."""
        article = self.by_original_number(original_number)
        if article is None or not article.versions:
            return None
        return article.versions[0].valid_to


# -- wording extraction from the parsed avenant ------------------------------------------------


def extract_quotes(text: str) -> list[str]:
    """The « … » quotations of a text, outermost only (nested ones stay inside), cleaned."""
    quotes: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch == "«":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "»" and depth:
            depth -= 1
            if depth == 0:
                quotes.append(_clean(text[start:i]))
    if depth:  # an unclosed quotation runs to the end of the article
        quotes.append(_clean(text[start:]))
    return quotes


def _clean(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return re.sub(r"\s+", "", "".join(c for c in text if not unicodedata.combining(c)).casefold())


def article_text(avenant: ParsedDocument, number: str) -> tuple[str, Section]:
    """Full text of an avenant article, including any sub-sections the parser split off."""
    sections = list(avenant.sections)
    for i, section in enumerate(sections):
        if section.number == number:
            parts = [section.text]
            for inner in sections[i + 1 :]:
                if _TOP_ARTICLE.match(inner.number) or inner.number.lower().startswith("annexe"):
                    break
                heading = f"Article {inner.number} | {inner.title}" if inner.number else inner.title
                parts.append(f"{heading}\n{inner.text}" if heading else inner.text)
            return "\n\n".join(p for p in parts if p), section
    raise ConsolidationError(f"{avenant.document}: article {number!r} introuvable")


def _quote(avenant: ParsedDocument, op: Operation) -> tuple[str, Section]:
    text, section = article_text(avenant, op.source)
    quotes = extract_quotes(text)
    if len(quotes) < op.quote:
        raise ConsolidationError(
            f"{avenant.document}, art. {op.source}: citation « … » n° {op.quote} introuvable ({len(quotes)} trouvée(s))"
        )
    return quotes[op.quote - 1], section


def split_headed_articles(text: str, default_number: str) -> list[tuple[str, str, str]]:
    """Split quoted wording on "Article N | Titre" lines → [(number, title, body)]."""
    parts: list[tuple[str, str, list[str]]] = []
    for line in text.splitlines():
        match = _HEADING.match(line)
        if match:
            parts.append((match.group(1), match.group(2), []))
        elif parts:
            parts[-1][2].append(line)
        else:
            parts.append((default_number, "", [line]))
    return [(n, t, _clean("\n".join(body))) for n, t, body in parts]


# -- applying the operations ----------------------------------------------------------------


@dataclass
class _Unit:
    article: ConsolidatedArticle

    @property
    def version(self) -> ArticleVersion:
        return self.article.versions[-1]


def _matches(number: str, target: str) -> bool:
    return number.casefold() == target.casefold()


def _under(number: str, target: str) -> bool:
    return _matches(number, target) or number.startswith(target + ".")


def _agreement_start(target: ParsedDocument) -> date | None:
    raw = target.info.in_force or target.info.signed
    return date.fromisoformat(raw) if raw else None


class _Consolidator:
    def __init__(self, target: ParsedDocument, amendment: Amendment, avenant: ParsedDocument) -> None:
        self.amendment = amendment
        self.avenant = avenant
        self.document = target.document

    def change(self, op: Operation) -> Change:
        return Change(
            op=op.op,
            avenant=self.amendment.avenant,
            avenant_label=self.amendment.label,
            avenant_section=op.source,
            effective_from=op.effective_from or self.amendment.effective_from,
            date_certain=op.date_certain,
            note=op.effective_note or self.amendment.effective_note,
        )

    @staticmethod
    def evolve(unit: _Unit, change: Change, **updates: Any) -> None:
        """Close the unit's current version on the change date and open the amended one."""
        current = unit.version
        new = replace(current, valid_from=change.effective_from, changes=(*current.changes, change), **updates)
        if current.valid_from is not None and change.effective_from <= current.valid_from:
            unit.article.versions[-1] = replace(new, valid_from=current.valid_from)  # same day: merge
        else:
            unit.article.versions[-1] = replace(current, valid_to=change.effective_from)
            unit.article.versions.append(new)

    def live(self, units: list[_Unit]) -> list[_Unit]:
        return [u for u in units if u.version.valid_to is None]

    def find(self, units: list[_Unit], target: str, *, prefix: bool = False) -> list[_Unit]:
        test = _under if prefix else _matches
        found = [u for u in self.live(units) if test(u.version.number, target)]
        if not found:
            raise ConsolidationError(f"{self.document}: article {target!r} introuvable pour l'{self.amendment.label}")
        return found

    def apply(self, units: list[_Unit], op: Operation) -> None:
        change = self.change(op)
        if op.op == "renumber":
            self.renumber(units, op, change)
        elif op.op == "create_article":
            self.create(units, op, change)
        elif op.op == "append_to_list":
            self.append_list(units, op, change)
        else:
            wording, source = _quote(self.avenant, op)
            if op.op == "replace_article":
                head, *subs = self.find(units, op.target, prefix=True)
                title, body = head.version.title, wording
                parsed = split_headed_articles(wording, op.target)
                if len(parsed) == 1 and parsed[0][1]:
                    title, body = parsed[0][1], parsed[0][2]
                trail = head.version.trail
                if trail and title != head.version.title:
                    trail = (*trail[:-1], _trail_item(trail[-1].split(" – ")[0], title))
                self.evolve(head, change, text=body, title=title, trail=trail, **self._source(source))
                for sub in subs:  # sub-articles of a rewritten article disappear
                    sub.article.versions[-1] = replace(sub.version, valid_to=change.effective_from)
            else:  # insert_paragraph / append_paragraphs: at the end of the article (of its last sub-article)
                unit = self.find(units, op.target, prefix=True)[-1]
                if op.op == "insert_paragraph" and op.position not in ("end", "last"):
                    raise ConsolidationError(f"position {op.position!r} non prise en charge")
                text = f"{unit.version.text.rstrip()}\n\n{wording}".strip()
                self.evolve(unit, change, text=text, **self._source(source))

    def _source(self, section: Section) -> dict[str, Any]:
        return {"source_document": self.avenant.document, "source_section": section.number}

    def renumber(self, units: list[_Unit], op: Operation, change: Change) -> None:
        moves: list[tuple[_Unit, str]] = []
        for unit in self.live(units):
            number = unit.version.number
            for old, new in op.mapping.items():
                if _under(number, old):
                    moves.append((unit, new + number[len(old) :]))
                    break
        missing = [old for old in op.mapping if not any(_under(u.version.number, old) for u, _ in moves)]
        if missing:
            raise ConsolidationError(f"{self.document}: articles {missing} introuvables pour la renumérotation")
        for unit, new_number in moves:  # simultaneous: computed first, applied after
            path = tuple(_renumber_label(part, op.mapping) for part in unit.version.path)
            trail = tuple(_renumber_label(part, op.mapping) for part in unit.version.trail)
            self.evolve(unit, change, number=new_number, path=path, trail=trail)

    def create(self, units: list[_Unit], op: Operation, change: Change) -> None:
        wording, source = _quote(self.avenant, op)
        pieces = split_headed_articles(wording, op.number)
        live = self.live(units)
        anchor = [u for u in live if op.after and _under(u.version.number, op.after)]
        index = units.index(anchor[-1]) + 1 if anchor else len(units)
        base_path = anchor[-1].version.path[:-1] if anchor and anchor[-1].version.path else ()
        base_trail = anchor[-1].version.trail[:-1] if anchor and anchor[-1].version.trail else ()
        head_title = pieces[0][1] if pieces and pieces[0][0] == op.number else ""
        created: list[_Unit] = []
        for number, title, body in pieces:
            if any(_matches(u.version.number, number) for u in live):
                raise ConsolidationError(f"{self.document}: l'article {number} existe déjà")
            head_label = section_label(op.number)
            path = (*base_path, head_label) if number == op.number else (*base_path, head_label, number)
            head_item = _trail_item(head_label, head_title)
            trail = (
                (*base_trail, head_item)
                if number == op.number
                else (*base_trail, head_item, _trail_item(number, title))
            )
            version = ArticleVersion(
                document=self.document,
                number=number,
                original_number=None,
                title=title,
                text=body,
                path=path,
                trail=trail,
                page_start=source.page_start,
                page_end=source.page_end,
                valid_from=change.effective_from,
                changes=(change,),
                **self._source(source),
            )
            key = f"{self.amendment.avenant}:{op.source}:{number}"
            created.append(_Unit(ConsolidatedArticle(key=key, original_number=None, versions=[version])))
        units[index:index] = created

    def append_list(self, units: list[_Unit], op: Operation, change: Change) -> None:
        """Append the avenant's list rows ("– …" lines after the marker) to the target list.

        The rows keep the avenant's wording; `items`, when given, are checked to be among them.
        Without such rows, the `items` themselves are appended under `heading`.
        """
        text, source = article_text(self.avenant, op.source)
        marker = _fold(op.after)
        lines = text.splitlines()
        start = 0
        if marker:
            hits = [i for i, line in enumerate(lines) if marker in _fold(line)]
            if not hits:
                raise ConsolidationError(f"{self.avenant.document}, art. {op.source}: repère {op.after!r} introuvable")
            start = hits[0] + 1
        rows = [line.strip() for line in lines[start:] if line.strip().startswith(("–", "-", "•"))]
        found = _fold("\n".join(rows) or "\n".join(lines[start:]))
        missing = [item for item in op.items if _fold(item) not in found]
        if missing:
            raise ConsolidationError(f"{self.avenant.document}, art. {op.source}: éléments absents du texte: {missing}")
        if not rows and not op.items:
            raise ConsolidationError(f"{self.avenant.document}, art. {op.source}: aucune ligne de liste à ajouter")
        unit = self.find(units, op.target, prefix=True)[-1]
        if rows:
            addition = "\n" + "\n".join(rows)  # same paragraph: the rows extend the table
        else:
            heading = op.heading or f"Ajouts de l'{self.amendment.label} (art. {op.source})"
            addition = f"\n\n{heading} :\n" + "\n".join(f"– {item}" for item in op.items)
        self.evolve(unit, change, text=unit.version.text.rstrip() + addition, **self._source(source))


def _trail_item(label: str, title: str) -> str:
    return f"{label} – {title}" if title else label


def _renumber_label(label: str, mapping: Mapping[str, str]) -> str:
    """ "Article 10" → "Article 11", "10.1" → "11.1" under {"10": "11"}; other labels unchanged."""
    match = re.fullmatch(r"(Article\s+)?(\d+(?:\.\d+)*)(\b.*)?", label, flags=re.DOTALL)
    if not match:
        return label
    number = match.group(2)
    for old, new in mapping.items():
        if _under(number, old):
            return f"{match.group(1) or ''}{new}{number[len(old) :]}{match.group(3) or ''}"
    return label


def consolidate(
    target: ParsedDocument,
    avenants: Mapping[str, ParsedDocument],
    amendments: Sequence[Amendment],
) -> ConsolidatedDocument:
    """Apply, in order, the amendments aimed at `target` whose avenant was parsed."""
    start = _agreement_start(target)
    units = [
        _Unit(
            ConsolidatedArticle(
                key=f"{target.document}:{i}:{s.number}",
                original_number=s.number,
                versions=[
                    ArticleVersion(
                        document=target.document,
                        number=s.number,
                        original_number=s.number,
                        title=s.title,
                        text=s.text,
                        path=tuple(s.path),
                        trail=tuple(s.trail),
                        page_start=s.page_start,
                        page_end=s.page_end,
                        valid_from=start,
                        source_document=target.document,
                        source_section=s.number,
                    )
                ],
            )
        )
        for i, s in enumerate(target.sections)
    ]
    applied: list[Amendment] = []
    for amendment in amendments:
        if amendment.target != target.document:
            continue
        avenant = avenants.get(amendment.avenant)
        if avenant is None:
            raise ConsolidationError(f"avenant {amendment.avenant} non analysé: consolidation impossible")
        consolidator = _Consolidator(target, amendment, avenant)
        for op in amendment.operations:
            consolidator.apply(units, op)
        applied.append(amendment)
    return ConsolidatedDocument(
        document=target.document,
        title=target.info.title,
        articles=[u.article for u in units],
        amendments=tuple(applied),
    )
