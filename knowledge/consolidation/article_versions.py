"""The consolidated view of an agreement: each article's successive versions and the changes behind them.

Retrieval and citations need "article 7 as of 2021" vs "as of 2023", and a citation that says which
avenant gave the current wording ("Article 7 (rédaction issue de l'avenant du 11 octobre 2022,
art. 2)"). These types hold that history; `knowledge.consolidation.apply` builds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ingest.models import section_label
from knowledge.consolidation.amendments import Amendment


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
