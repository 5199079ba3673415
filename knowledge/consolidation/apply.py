"""Consolidated view of an agreement after its avenants, built from data (`corpus/amendments.json`).

The amendment description lists operations (`insert_paragraph`, `append_to_list`,
`replace_article`, `create_article`, `renumber`, `append_paragraphs`), each naming the avenant
article whose text carries the new wording; the wording itself is read from the parsed avenant
(the « … » quotation), never copied into code or data. Applying the operations in order to the
parsed agreement gives, for every article (section), its successive versions: number in force,
original number, title, text, validity dates and the avenant articles that shaped it. Hence
"article 7 as of 2021" vs "as of 2023", and citations such as
"Article 7 (rédaction issue de l'avenant du 11 octobre 2022, art. 2)".

Pure logic, no I/O. The description is read by `amendments`, the wording by `avenant_wording`;
the resulting versions are the types of `article_versions` (all in this package).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ingest.models import ParsedDocument, Section, section_label
from knowledge.consolidation.amendments import Amendment, ConsolidationError, Operation
from knowledge.consolidation.article_versions import ArticleVersion, Change, ConsolidatedArticle, ConsolidatedDocument
from knowledge.consolidation.avenant_wording import article_text, fold_compact, quoted_wording, split_headed_articles


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
            wording, source = quoted_wording(self.avenant, op)
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
        wording, source = quoted_wording(self.avenant, op)
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
        marker = fold_compact(op.after)
        lines = text.splitlines()
        start = 0
        if marker:
            hits = [i for i, line in enumerate(lines) if marker in fold_compact(line)]
            if not hits:
                raise ConsolidationError(f"{self.avenant.document}, art. {op.source}: repère {op.after!r} introuvable")
            start = hits[0] + 1
        rows = [line.strip() for line in lines[start:] if line.strip().startswith(("–", "-", "•"))]
        found = fold_compact("\n".join(rows) or "\n".join(lines[start:]))
        missing = [item for item in op.items if fold_compact(item) not in found]
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
