"""Dates and periods in French text: "du 1er février au 20 juin 2025", "depuis 8 mois", "l'an dernier".

The bonuses and deadlines the calculators compute depend on periods, and users rarely write them
fully: the year is left out, a range borrows its month from its end, a duration stands for a start
("depuis 8 mois"). This module reads those wordings into `DateSpan`s and says when it had to infer
the year, from `today` and the tense of the text.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from assistant.routing.extraction.folding import prepare
from assistant.routing.extraction.numbers import NUM_OR_WORD, parse_number
from assistant.routing.extraction.relative_dates import (
    WEEKDAYS,
    Atom,
    DateKind,
    Precision,
    next_or_last,
    relative,
    relative_atom,
    years_beside,
)
from assistant.routing.extraction.written_dates import yearless_day_month

# fmt: off
MONTHS: dict[str, int] = {
    "janvier": 1, "janv.": 1, "fevrier": 2, "fevr.": 2, "fev.": 2, "mars": 3, "avril": 4, "avr.": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil.": 7, "aout": 8, "septembre": 9, "octobre": 10,
    "oct.": 10, "novembre": 11, "nov.": 11, "decembre": 12, "dec.": 12,
}
# fmt: on


@dataclass(frozen=True)
class DateSpan:
    """A date or period mentioned in the text.

    `kind` is "point" for one date, month or year ("le 12 juin 2025", "mars 2021"), "range" for
    "du … au …" / "toute l'année 2025", "since" for an ongoing period ("depuis 8 mois": `end` is
    today), "from" for an open start ("à partir du 1er mars": `end` equals the start's period end).
    `start`/`end` bound the period at its precision (a month runs from the 1st to its last day).
    `year_inferred` says the year was not written and was chosen from `today` and the tense.
    """

    start: date
    end: date
    kind: DateKind
    precision: Precision
    text: str
    span: tuple[int, int]
    year_inferred: bool = False


_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DAY_RE = r"1er|premier|\d{1,2}"
_YEAR_RE = r"(?:19|20)\d{2}"
_NOT_AFTER_YEAR = r"(?:h\b|heures?|€|euros?|points?|k€|m€|%|mois|ans?\b|salaries)"
_RELATIVE_YEARS = {
    r"l'an dernier|l'annee derniere|l'an passe|l'annee passee": -1,
    r"cette annee|l'annee en cours": 0,
    r"l'an prochain|l'annee prochaine": 1,
}
_ATOM = re.compile(
    rf"(?P<iso>\b(?P<iy>{_YEAR_RE})-(?P<im>\d{{2}})-(?P<id>\d{{2}})\b)"
    rf"|(?P<numeric>\b(?P<nd>\d{{1,2}})[/.](?P<nm>\d{{1,2}})[/.](?P<ny>\d{{4}}|\d{{2}})\b)"
    # "1/02", "31/05" without a year: a zero-padded part, or a day above the month (a grade or a fraction, "8/10",
    # "1/2", never has its numerator above its denominator nor writes "02")
    rf"|(?P<numdm>\b(?P<dd>\d{{1,2}})/(?P<dm>\d{{1,2}})\b(?![/.,]\d))"
    rf"|(?P<dmy>(?:\b(?P<mod>debut|fin|mi)[ -]+)?(?:\b(?P<day>{_DAY_RE}) +)?\b(?P<month>{_MONTH_RE})(?![a-z])"
    rf"(?: +(?P<year>{_YEAR_RE})\b| +(?P<mrel>prochaine?|derniere?)\b)?)"
    rf"|(?P<dayonly>\b(?:{_DAY_RE})\b(?= +(?:au|a|et|-) +(?:le +)?(?:{_DAY_RE}) +(?:{_MONTH_RE})))"
    r"|(?P<ago>\bil y a (?P<agon>" + NUM_OR_WORD + r") +(?P<agou>mois|ans?|annees?|semaines?|jours?)\b"
    r"(?P<agohalf> et demie?\b)?)"
    r"|(?P<sincedur>\bdepuis (?:maintenant |deja |plus de |presque |environ )?(?P<sdn>"
    + NUM_OR_WORD
    + r") +(?P<sdu>mois|ans?|annees?|semaines?|jours?)\b(?P<sdhalf> et demie?\b)?)"
    r"|(?P<relyear>\b(?:" + "|".join(_RELATIVE_YEARS) + r")\b)"
    r"|(?P<today>\baujourd'hui\b)"
    r"|(?P<relday>\b(?:apres-demain|apres demain|avant-hier|avant hier|demain|hier)\b)"
    r"|(?P<weekday>\b(?P<wd>" + "|".join(WEEKDAYS) + r") (?P<wrel>prochain|dernier)\b)"
    r"|(?P<relmonth>\b(?:(?P<rmmod>debut|fin|mi)[ -]+(?:de |du )?)?(?:le |au |du |ce |de ce )?mois"
    r"(?: (?P<rmrel>prochain|dernier|passe|suivant)|-ci| en cours)\b)"
    r"|(?P<endmonth>\b(?:a la |d'ici la |avant la )?fin du mois\b)"
    r"|(?P<rentree>\b(?:a la|de la|la) rentree(?: scolaire| de septembre)?"
    rf"(?: (?P<ry>{_YEAR_RE}))?\b)"
    r"|(?P<ahead>\bdans (?P<ahn>" + NUM_OR_WORD + r") +(?P<ahu>mois|ans?|annees?|semaines?|jours?)\b)"
    rf"|(?P<yearonly>(?<!\d[ .])\b{_YEAR_RE}\b(?! *{_NOT_AFTER_YEAR}))"
)
_RANGE_PREFIX = re.compile(
    r"(?:\b(?:du|de|d'|des|les|entre(?: +le)?|depuis le|depuis|a partir du|a partir de|a compter du|a compter de)) *$"
)
_RANGE_CONNECTOR = re.compile(
    r"^ *,? *(?:au|a|jusqu'au|jusqu'a|jusqu'en|jusqu'a fin|et|-|->|>|\u2192|\u2013) *(?:le +)?$"
)
_STRONG_CONNECTOR = re.compile(r"^ *,? *(?:au|jusqu'au|jusqu'a|jusqu'en|-|->|\u2192|\u2013) *(?:le +)?$")
_WHOLE_YEAR_BEFORE = re.compile(
    r"\b(?:toute|pendant|durant|sur|tout au long de|au cours de)(?: toute)? +(?:l'|l' )?annee(?: civile)? *$"
    r"|\btoute l'annee +(?:civile +)?$|\btout(?:e)? +(?:l'annee +)?$"
    # "suivis tout au long de 2026", "sur l'ensemble de 2025", "durant toute 2026": the year as a whole period
    r"|\b(?:tout au long|(?:sur |pendant |durant )?l'ensemble|(?:sur |pendant |durant )?la totalite) (?:de |d')"
    r"(?:l'annee +)?$"
)
_WHOLE_YEAR_AFTER = re.compile(
    r"^ *(?:entiere|complete|civile entiere)\b"
    # "deux alternantes en 2026, chacune sur l'année complète": the whole year, said later in the sentence
    r"|^[^.?!;]{0,40}\b(?:(?:sur|pendant|durant) (?:toute )?l'annee (?:complete|entiere|civile)|toute l'annee)\b"
)
_FUTURE = re.compile(
    r"\b(?:vais|vas|va|allons|allez|vont|serai|sera|serons|seront|aurai|aura|prochaine?s?|futur\w*|"
    r"\w+erai|\w+eras|\w+era|\w+erons|\w+eront|\w+irai|\w+ira|\w+drai|\w+dra|a venir|bientot)\b"
)
_PAST = re.compile(
    r"\b(?:ai|as|avons|avez|ont) (?:ete|eu|fait|\w+e|\w+i|\w+u|\w+is|\w+it)\b|\b(?:etais|etait|etions|"
    r"etaient|avais|avait|derniere?s?|passee?s?|(?<!\bse )termine(?:e|es|s)?|fini(?:e|es|s)?)\b"
)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _atoms(folded: str, today: date) -> list[Atom]:
    atoms: list[Atom] = []
    for m in _ATOM.finditer(folded):
        atom = Atom(m.start(), m.end())
        if m.group("iso") or m.group("numeric"):
            y, mo, d = (
                (m.group("iy"), m.group("im"), m.group("id"))
                if m.group("iso")
                else (m.group("ny"), m.group("nm"), m.group("nd"))
            )
            year = int(y)
            if year < 100:
                year += 2000 if year <= today.year % 100 + 10 else 1900
            atom.year, atom.month, atom.day = year, int(mo), int(d)
        elif m.group("numdm"):
            day, month = m.group("dd"), m.group("dm")
            if not yearless_day_month(day, month):
                continue
            atom.month, atom.day = int(month), int(day)
        elif m.group("dmy"):
            atom.month = MONTHS[m.group("month")]
            atom.year = int(m.group("year")) if m.group("year") else None
            day = m.group("day")
            atom.day = 1 if day in ("1er", "premier") else int(day) if day else None
            atom.mod = m.group("mod")
            atom.precision = "day" if atom.day or atom.mod else "month"
            if m.group("mrel"):  # "fin février prochain": the next such month after today; "mars dernier": the last
                atom.year = next_or_last(today, atom.month, m.group("mrel").startswith("p"))
        elif m.group("dayonly"):
            token = m.group("dayonly")
            atom.day = 1 if token in ("1er", "premier") else int(token)
        elif m.group("ago"):
            # "il y a quatre ans et demi": the half counts
            point = relative(today, parse_number(m.group("agon")) + (0.5 if m.group("agohalf") else 0), m.group("agou"))
            if point is None:
                continue
            atom.fixed, atom.precision = (
                (point, point),
                "day" if m.group("agou").startswith(("j", "s")) else "month",
            )
        elif m.group("sincedur"):
            start = relative(today, parse_number(m.group("sdn")) + (0.5 if m.group("sdhalf") else 0), m.group("sdu"))
            if start is None:
                continue
            atom.fixed, atom.kind = (start, today), "since"
        elif m.group("relyear"):
            offset = next(v for k, v in _RELATIVE_YEARS.items() if re.fullmatch(k, m.group("relyear")))
            atom.year, atom.precision = today.year + offset, "year"
        elif m.group("today"):
            atom.fixed = (today, today)
        elif m.group("yearonly"):
            atom.year, atom.precision = int(m.group("yearonly")), "year"
        elif not relative_atom(m, atom, today):
            continue
        if atom.day is not None and atom.month is not None and not _valid(atom.year or 2000, atom.month, atom.day):
            continue
        if atom.month is not None and not 1 <= atom.month <= 12:
            continue
        atoms.append(atom)
    return atoms


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _last_day(year, month)


def _bounds(atom: Atom, year: int) -> tuple[date, date]:
    """First and last day an atom covers once its year is known."""
    if atom.fixed:
        return atom.fixed
    if atom.month is None:
        return date(year, 1, 1), date(year, 12, 31)
    last = _last_day(year, atom.month)
    if atom.day is not None:
        day = min(atom.day, last)
        return date(year, atom.month, day), date(year, atom.month, day)
    if atom.mod == "fin":
        return date(year, atom.month, last), date(year, atom.month, last)
    if atom.mod == "mi":
        return date(year, atom.month, 15), date(year, atom.month, 15)
    if atom.mod == "debut":
        return date(year, atom.month, 1), date(year, atom.month, 1)
    return date(year, atom.month, 1), date(year, atom.month, last)


@lru_cache(maxsize=64)
def _tense(folded: str) -> int:
    """+1 when the text speaks only of the future, -1 only of the past, 0 otherwise (cached: one
    text has many dates)."""
    future, past = bool(_FUTURE.search(folded)), bool(_PAST.search(folded))
    return (future and not past) - (past and not future)


def clause_around(folded: str, start: int, end: int) -> str:
    """The clause a date belongs to: from the last sentence break or coordinating conjunction before it
    to the next one after it ("a démarré à la rentrée, le 1er septembre | et se terminera fin février")."""
    head = re.split(r"[.;:!?\n]|\b(?:et|puis|mais|alors que|tandis que)\b", folded[max(0, start - 120) : start])[-1]
    tail = re.split(r"[.;:!?\n]|\b(?:et|puis|mais|alors que|tandis que)\b", folded[end : end + 120])[0]
    return f"{head} {tail}"


def _infer_year(
    folded: str, month: int, day: int, today: date, kind: DateKind, span: tuple[int, int] | None = None
) -> int:
    """Year of a yearless date: this year, unless the tense says it must be the next or last one.

    The tense of the date's own clause decides first ("a démarré le 1er septembre et se terminera fin
    février": September is past, February to come), the whole text's when the clause has none."""
    candidate = date(today.year, month, min(day, _last_day(today.year, month)))
    if kind == "since" and candidate > today:
        return today.year - 1
    tense = _tense(clause_around(folded, *span)) if span is not None else 0
    tense = tense or _tense(folded)
    if tense > 0 and candidate < today:
        return today.year + 1
    if tense < 0 and candidate > today:
        return today.year - 1
    return today.year


def parse_dates(text: str, today: date) -> list[DateSpan]:
    """Every date or period in `text`, in reading order.

    Reads "le 12 juin 2025", "12/06/2025", "mars 2021", "en avril 2025", "du 1er février au
    20 juin 2025", "du 10 au 25 mars 2025", "de mars à août", "entre janvier et juin 2025",
    "toute l'année 2025", "depuis le 3 janvier 2025 jusqu'au 15 mai", "depuis 8 mois",
    "il y a 2 ans", "l'an dernier". A range's missing year or month is taken from its other end;
    a date without any year gets `today`'s year, moved by one when the tense demands it
    ("je vais être tutrice de mars à août" in November means next year).
    """
    original, folded = prepare(text)
    atoms = _atoms(folded, today)
    atoms = years_beside(folded, atoms)
    spans: list[DateSpan] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        before = folded[max(0, a.start - 25) : a.start]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and a.fixed is None and b.fixed is None:
            between = folded[a.end : b.start]
            prefixed = bool(_RANGE_PREFIX.search(before))
            if _RANGE_CONNECTOR.match(between) and (prefixed or _STRONG_CONNECTOR.match(between)):
                spans.append(_join_range(original, folded, a, b, today))
                i += 2
                continue
        if a.month is None and a.year is None and a.fixed is None:  # a lone day number: not a date
            i += 1
            continue
        spans.append(_single(original, folded, a, before, today))
        i += 1
    return _merge_appositions(folded, spans)


_APPOSITION = re.compile(r"^ *[,(]? *(?:soit |c'est-a-dire |donc )?(?:le |la |l'|du |au |en |de |d')? *$")


def _merge_appositions(folded: str, spans: list[DateSpan]) -> list[DateSpan]:
    """One date said twice in apposition ("à la rentrée, le 1er septembre", "demain (le 30 novembre)")
    is one date: the second, more precise, is kept, with the first's words before it (its "depuis", its
    "à partir de" still bound to it)."""
    merged: list[DateSpan] = []
    for d in spans:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.start <= d.start <= prev.end
            and d.end <= prev.end
            and _APPOSITION.match(folded[prev.span[1] : d.span[0]])
        ):
            kind = prev.kind if prev.kind != "point" else d.kind
            merged[-1] = replace(d, kind=kind, span=(prev.span[0], d.span[1]), text=prev.text + ", " + d.text)
            continue
        merged.append(d)
    return merged


def _single(original: str, folded: str, a: Atom, before: str, today: date) -> DateSpan:
    text, span = original[a.start : a.end], (a.start, a.end)
    if a.fixed:
        kind: DateKind = a.kind
        if kind == "point" and re.search(r"\bdepuis(?: le| l'| la)? *$", before) and a.fixed[0] <= today:
            return DateSpan(a.fixed[0], today, "since", a.precision, text, span)  # "depuis le mois dernier"
        if kind == "point" and re.search(r"\b(?:a partir|a compter|des)(?: du| de| d'| de la)? *$", before):
            kind = "from"  # "à partir de lundi prochain"
        return DateSpan(a.fixed[0], a.fixed[1], kind, a.precision, text, span)
    inferred = a.year is None
    if a.month is None:  # a year
        year = a.year if a.year is not None else today.year
        whole = _WHOLE_YEAR_BEFORE.search(before) or _WHOLE_YEAR_AFTER.match(folded[a.end :])
        start, end = _bounds(a, year)
        kind = "range" if whole else "point"
    else:
        kind = "point"
        year = (
            a.year if a.year is not None else _infer_year(folded, a.month, a.day or 1, today, "point", (a.start, a.end))
        )
        start, end = _bounds(a, year)
    if re.search(r"\bdepuis(?: le| l'| la)? *$", before):
        kind, end = "since", today
        if inferred and start > today and a.month is not None:
            start, _ = _bounds(a, year - 1)
    elif re.search(r"\b(?:a partir|a compter)(?: du| de| d'| de la)? *$", before):
        kind = "from"
    return DateSpan(start, max(start, end), kind, a.precision, text, span, inferred)


def _join_range(original: str, folded: str, a: Atom, b: Atom, today: date) -> DateSpan:
    if a.month is None and a.day is not None:  # "du 10 au 25 mars": the month comes from the end
        a.month, a.precision = b.month, "day"
    inferred = a.year is None and b.year is None
    if inferred:
        month, day = (a.month or 1), (a.day or 1)
        year_b = year_a = _infer_year(folded, month, day, today, "range", (a.start, b.end))
    else:
        year_b = b.year if b.year is not None else a.year if a.year is not None else today.year
        year_a = a.year if a.year is not None else year_b
    if a.year is None and b.year is not None and a.month and b.month and (a.month, a.day or 1) > (b.month, b.day or 1):
        year_a = year_b - 1  # "de novembre à février 2026": November 2025
    start, _ = _bounds(a, year_a)
    _, end = _bounds(b, year_b)
    if end < start and b.year is None:
        _, end = _bounds(b, year_b + 1)
    precision: Precision = "day" if a.precision == "day" and b.precision == "day" else a.precision
    return DateSpan(start, max(start, end), "range", precision, original[a.start : b.end], (a.start, b.end), inferred)
