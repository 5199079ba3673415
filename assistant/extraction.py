"""Deterministic French parsing of a question's figures: dates, durations, money, grades, diplomas.

Calculators need typed inputs, and a language model that guesses "du 1er février au 20 juin" can
be wrong in ways nobody notices. These helpers read the usual French wordings with regular
expressions over a *folded* copy of the text (`fold`: lower case, no accents, straight
apostrophes). Folding maps one character to one character, so every span found in the folded text
is also a span of the (NFC-normalised) original. All functions are pure; those that depend on the
current date take it as `today`.

Diploma levels follow the French national nomenclature of 2019 (décret n° 2019-14):

* 0 — no diploma ("sans diplôme", "aucun diplôme"), as in `calculators.qualification_levels`;
* 2 — brevet des collèges, CFG, CléA (below CAP; the nomenclature's level 3 is the first diploma);
* 3 — CAP, BEP, DEAES, "titre professionnel de niveau 3";
* 4 — baccalauréat (général, technologique, professionnel), BP, BT, DAEU, "niveau bac";
* 5 — BTS, DUT, DEUG, DEUST, "bac+2";
* 6 — licence (pro), bachelor, BUT, maîtrise / master 1, "bac+3", "bac+4";
* 7 — master, DEA, DESS, diplôme d'ingénieur, "bac+5";
* 8 — doctorat, "bac+8".

A diploma the user is *preparing* ("je prépare un BTS", "préparer le master en Pro-A") is not one
they hold, so mentions after such verbs are ignored.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

Precision = Literal["day", "month", "year"]
DateKind = Literal["point", "range", "since", "from"]
Unit = Literal["hour", "day", "week", "month", "year"]

# --- vocabularies -------------------------------------------------------------------------------

# fmt: off
MONTHS: dict[str, int] = {
    "janvier": 1, "janv.": 1, "fevrier": 2, "fevr.": 2, "fev.": 2, "mars": 3, "avril": 4, "avr.": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil.": 7, "aout": 8, "septembre": 9, "octobre": 10,
    "oct.": 10, "novembre": 11, "nov.": 11, "decembre": 12, "dec.": 12,
}
MONTH_NAMES_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                  "septembre", "octobre", "novembre", "décembre")
NUMBER_WORDS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "vingt-quatre": 24,
    "trente": 30, "trente-six": 36, "quarante": 40, "quarante-huit": 48, "cinquante": 50,
    "soixante": 60, "cent": 100,
}
UNITS: dict[str, Unit] = {
    "heure": "hour", "heures": "hour", "h": "hour", "jour": "day", "jours": "day",
    "semaine": "week", "semaines": "week", "mois": "month", "an": "year", "ans": "year",
    "annee": "year", "annees": "year",
}
MULTIPLIERS: dict[str, float] = {
    "k": 1e3, "mille": 1e3, "m": 1e6, "million": 1e6, "millions": 1e6, "md": 1e9, "mds": 1e9,
    "milliard": 1e9, "milliards": 1e9,
}
# fmt: on

# Diploma wordings per level (folded); acronyms apart, matched only when written in capitals
# ("CAP", not "cap"; "BUT", not "but").
DIPLOMA_WORDS: dict[int, tuple[str, ...]] = {
    0: (r"sans (?:aucun )?diplomes?", r"aucun diplome", r"pas (?:de|d'un) diplome", r"non diplomee?"),
    2: (r"brevet des colleges", r"dnb", r"cfg", r"clea"),
    3: (r"certificat d'aptitude professionnelle", r"deaes", r"titre professionnel de niveau 3"),
    4: (
        r"bac(?:calaureat)?(?: (?:pro|professionnel|techno|technologique|general|stmg))?(?! ?\+)",
        r"brevet professionnel",
        r"brevet de technicien(?! superieur)",
        r"daeu",
    ),
    5: (r"bac ?\+ ?2", r"deug", r"deust", r"brevet de technicien superieur"),
    6: (
        r"bac ?\+ ?[34]",
        r"licences?(?: pro(?:fessionnelle)?)?",
        r"bachelor",
        r"maitrise",
        r"master 1",
        r"m1",
    ),
    7: (
        r"bac ?\+ ?5",
        r"masters?(?! 1)",
        r"dea",
        r"dess",
        r"diplome d'ingenieur",
        r"ingenieure? diplomee?",
        r"grande ecole",
        r"mba",
    ),
    8: (r"doctorat", r"phd", r"bac ?\+ ?8", r"docteur"),
}
DIPLOMA_ACRONYMS: dict[int, tuple[str, ...]] = {
    3: ("CAP", "BEP", "CAPA", "BEPA"),
    4: ("BP", "BT"),
    5: ("BTS", "DUT", "BTSA"),
    6: ("BUT",),
}
# "un diplôme de niveau 5": the level is read from the text.
DIPLOMA_LEVEL_WORDING = r"\b(?:diplome|titre)s? (?:\w+ ){0,2}(?:de |du )?niveau ([1-8])\b"
# Words announcing a diploma the user aims at, not one they hold.
TARGET_WORDS = (
    r"\b(?:prepar\w*|vis\w*|obten\w*|obtiendr\w*|passer|faire|suivre|integrer|acceder|reprendre|decrocher|"
    r"entrer en|candidat\w* (?:a|au))\s+(?:[\w']+\s+){0,3}$"
    r"|\b(?:vers|pour) (?:un|une|le|la|l') ?$|\ben pro-? ?a\s+$"
)

CONTRACTS: tuple[tuple[str, str], ...] = (
    (r"\bcui[ -]?cdi\b|\bcontrat unique d'insertion a duree indeterminee\b", "CUI-CDI"),
    (r"\bcui[ -]?cdd\b|\bcontrat unique d'insertion a duree determinee\b", "CUI-CDD"),
    (r"\bcui\b|\bcontrat unique d'insertion\b", "CUI"),
    (r"\bcdi\b|\bcontrat a duree indeterminee\b|\ba duree indeterminee\b", "CDI"),
    (r"\bcdd\b|\bcontrat a duree determinee\b|\ba duree determinee\b", "CDD"),
    (r"\binterim(?:aire)?\b", "interim"),
    (r"\b(?:je suis|en) (?:contrat d')?apprenti(?:e|ssage)\b", "apprentissage"),
    (r"\b(?:je suis |)en contrat (?:de )?pro(?:fessionnalisation)?\b", "professionnalisation"),
)

COUNT_NOUNS: dict[str, str] = {
    "trainee": r"(?:salarie|alternant|apprenti|stagiaire|tutore|personne|collegue|agent|beneficiaire|"
    r"nouvel? embauche|nouveaux embauches|jeune|contrats? (?:de )?pro(?:fessionnalisation)?|etudiant)e?s?",
    "action": r"(?:actions?|formations?|sessions?|modules?)(?: de formation)?",
    "request": r"(?:demandes?|dossiers?)",
}

GRADE_LABELS: dict[str, str] = {
    "continuous_common": r"(?:(?:(?:controles? continus?|cc) (?:du |de |en |sur le )?)?tronc commun"
    r"(?: interbranches?)?|tc)",
    "continuous_option": r"(?:(?:controles? continus?|cc) (?:de l'|d'|en |sur l'|sur )?)?option",
    "written": r"(?:epreuve )?ecrite?",
    "oral": r"(?:epreuve )?orale?",
    "tutored": r"(?:applications? (?:professionnelles? )?tutorees?|\bapt\b|mises? en situation "
    r"(?:professionnelles? )?tutorees?)",
}

# "10 partout": one grade for every exam.
ALL_EXAMS = (
    r"(?:partout|a (?:toutes les|chaque) (?:epreuves?|notes?|evaluations?|matieres?)|"
    r"dans (?:toutes les|chaque) (?:epreuves?|matieres?)|sur (?:toute la ligne|tout))\b"
)

# --- folding and numbers ------------------------------------------------------------------------

_APOSTROPHES = "\u2019\u2018\u02bc\u00b4`"
_SPACES = "\u00a0\u202f\u2009\u2007\u2002\u2003\t\r\n"
_DASHES = "\u2013\u2014\u2010\u2011\u2212"


def fold(text: str) -> str:
    """Lower-case, accent-free copy of `text` with the same length (one char for one).

    Keeping the length lets a match in the folded text be cut out of the original (the router
    strips injected instructions this way). Call it on NFC text: a decomposed accent would stay.
    """
    out: list[str] = []
    for ch in text:
        if ch in _APOSTROPHES:
            out.append("'")
        elif ch in _SPACES:
            out.append(" ")
        elif ch in _DASHES:
            out.append("-")
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).lower()
            lowered = ch.lower()
            out.append(base if len(base) == 1 else lowered if len(lowered) == 1 else ch)
    return "".join(out)


def _prepare(text: str) -> tuple[str, str]:
    """NFC original and its folded twin, the pair every parser works on."""
    original = unicodedata.normalize("NFC", text)
    return original, fold(original)


_NUMWORD = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
MAX_QUANTITY = 1e6  # larger durations are not durations; amounts stop at a million billions
NUM = r"(?<![\d,.])(?:\d{1,3}(?:[ .]\d{3})+|\d+)(?:,\d+|\.\d{1,2}(?!\d))?(?![\d])"
NUM_OR_WORD = rf"(?:{NUM}|\b(?:{_NUMWORD})\b)"


def parse_number(token: str) -> float:
    """Value of a French number token: "1 600", "12,5", "2.300.000", "deux", "vingt-quatre"."""
    token = token.strip()
    if token in NUMBER_WORDS:
        return float(NUMBER_WORDS[token])
    if re.fullmatch(r"\d{1,3}(?:[ .]\d{3})+(?:,\d+)?", token):
        token = token.replace(" ", "").replace(".", "")
    return float(token.replace(" ", "").replace(",", "."))


# --- typed results ------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class Duration:
    """A length of time: "8 mois", "un an et demi", "3 ans et 6 mois" (months), "1 600 heures"."""

    value: float
    unit: Unit
    text: str
    span: tuple[int, int]

    @property
    def months(self) -> float | None:
        """The duration in months (None for hours, which are not a calendar length)."""
        factor = {"year": 12.0, "month": 1.0, "week": 12 / 52, "day": 12 / 365}.get(self.unit)
        return None if factor is None else self.value * factor


@dataclass(frozen=True)
class Money:
    """An amount in euros: "40 millions d'euros", "12,5 M€", "2 300 000 €"."""

    amount: float
    text: str
    span: tuple[int, int]


@dataclass(frozen=True)
class Count:
    """A number of things: "deux salariés" (trainee), "2 actions" (action), "une demande" (request)."""

    value: int
    noun: str
    text: str
    span: tuple[int, int]


@dataclass(frozen=True)
class WorkTime:
    """Working time stated by the user: `fraction` 0.5 for "mi-temps", None for "temps partiel" alone."""

    part_time: bool
    fraction: float | None
    text: str


# --- dates --------------------------------------------------------------------------------------

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
    rf"|(?P<dmy>(?:\b(?P<mod>debut|fin|mi)[ -]+)?(?:\b(?P<day>{_DAY_RE}) +)?\b(?P<month>{_MONTH_RE})(?![a-z])"
    rf"(?: +(?P<year>{_YEAR_RE})\b)?)"
    rf"|(?P<dayonly>\b(?:{_DAY_RE})\b(?= +(?:au|a|et|-) +(?:le +)?(?:{_DAY_RE}) +(?:{_MONTH_RE})))"
    r"|(?P<ago>\bil y a (?P<agon>" + NUM_OR_WORD + r") +(?P<agou>mois|ans?|annees?|semaines?|jours?)\b)"
    r"|(?P<sincedur>\bdepuis (?:maintenant |deja |plus de |presque |environ )?(?P<sdn>"
    + NUM_OR_WORD
    + r") +(?P<sdu>mois|ans?|annees?|semaines?|jours?)\b)"
    r"|(?P<relyear>\b(?:" + "|".join(_RELATIVE_YEARS) + r")\b)"
    r"|(?P<today>\baujourd'hui\b)"
    rf"|(?P<yearonly>(?<!\d[ .])\b{_YEAR_RE}\b(?! *{_NOT_AFTER_YEAR}))"
)
_RANGE_PREFIX = re.compile(
    r"(?:\b(?:du|de|d'|des|entre|depuis le|depuis|a partir du|a partir de|a compter du|a compter de)) *$"
)
_RANGE_CONNECTOR = re.compile(r"^ *(?:au|a|jusqu'au|jusqu'a|jusqu'en|jusqu'a fin|et|-|->|>) *(?:le +)?$")
_STRONG_CONNECTOR = re.compile(r"^ *(?:au|jusqu'au|jusqu'a|jusqu'en|-|->) *(?:le +)?$")
_WHOLE_YEAR_BEFORE = re.compile(
    r"\b(?:toute|pendant|durant|sur|tout au long de|au cours de)(?: toute)? +(?:l'|l' )?annee(?: civile)? *$"
    r"|\btoute l'annee +(?:civile +)?$|\btout(?:e)? +(?:l'annee +)?$"
)
_WHOLE_YEAR_AFTER = re.compile(r"^ *(?:entiere|complete|civile entiere)\b")
_FUTURE = re.compile(
    r"\b(?:vais|vas|va|allons|allez|vont|serai|sera|serons|seront|aurai|aura|prochaine?s?|futur\w*|"
    r"\w+erai|\w+eras|\w+era|\w+erons|\w+eront|\w+irai|\w+ira|\w+drai|\w+dra|a venir|bientot)\b"
)
_PAST = re.compile(
    r"\b(?:ai|as|avons|avez|ont) (?:ete|eu|fait|\w+e|\w+i|\w+u|\w+is|\w+it)\b|\b(?:etais|etait|etions|"
    r"etaient|avais|avait|derniere?s?|passee?s?|termine(?:e|es|s)?|fini(?:e|es|s)?)\b"
)


@dataclass
class _Atom:
    """A date expression before ranges are joined and missing parts filled."""

    start: int
    end: int
    day: int | None = None
    month: int | None = None
    year: int | None = None
    mod: str | None = None
    kind: DateKind = "point"
    fixed: tuple[date, date] | None = None  # fully resolved (relative expressions)
    precision: Precision = "day"


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def shift_months(day: date, months: int) -> date:
    """Shift by whole months, clamping the day (31 March − 1 month → 28/29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month0 = divmod(index, 12)
    return date(year, month0 + 1, min(day.day, _last_day(year, month0 + 1)))


def _relative(today: date, value: float, unit: str) -> date | None:
    """The date `value` units before `today` ("il y a 2 ans", "depuis 8 mois").

    None beyond a century back ("depuis 2025 ans" is not a period anyone works).
    """
    unit_key = UNITS.get(unit, "month")
    days = value * {"year": 365.25, "month": 30.44, "week": 7.0}.get(unit_key, 1.0)
    if days > 36_525:
        return None
    if unit_key == "year":
        return shift_months(today, -round(value * 12))
    if unit_key == "month":
        return shift_months(today, -round(value))
    return today - timedelta(days=round(days))


def _atoms(folded: str, today: date) -> list[_Atom]:
    atoms: list[_Atom] = []
    for m in _ATOM.finditer(folded):
        atom = _Atom(m.start(), m.end())
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
        elif m.group("dmy"):
            atom.month = MONTHS[m.group("month")]
            atom.year = int(m.group("year")) if m.group("year") else None
            day = m.group("day")
            atom.day = 1 if day in ("1er", "premier") else int(day) if day else None
            atom.mod = m.group("mod")
            atom.precision = "day" if atom.day or atom.mod else "month"
        elif m.group("dayonly"):
            token = m.group("dayonly")
            atom.day = 1 if token in ("1er", "premier") else int(token)
        elif m.group("ago"):
            point = _relative(today, parse_number(m.group("agon")), m.group("agou"))
            if point is None:
                continue
            atom.fixed, atom.precision = (
                (point, point),
                "day" if m.group("agou").startswith(("j", "s")) else "month",
            )
        elif m.group("sincedur"):
            start = _relative(today, parse_number(m.group("sdn")), m.group("sdu"))
            if start is None:
                continue
            atom.fixed, atom.kind = (start, today), "since"
        elif m.group("relyear"):
            offset = next(v for k, v in _RELATIVE_YEARS.items() if re.fullmatch(k, m.group("relyear")))
            atom.year, atom.precision = today.year + offset, "year"
        elif m.group("today"):
            atom.fixed = (today, today)
        else:
            atom.year, atom.precision = int(m.group("yearonly")), "year"
        if atom.day is not None and atom.month is not None and not _valid(atom.year or 2000, atom.month, atom.day):
            continue
        if atom.month is not None and not 1 <= atom.month <= 12:
            continue
        atoms.append(atom)
    return atoms


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _last_day(year, month)


def _bounds(atom: _Atom, year: int) -> tuple[date, date]:
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


def _infer_year(folded: str, month: int, day: int, today: date, kind: DateKind) -> int:
    """Year of a yearless date: this year, unless the tense says it must be the next or last one."""
    candidate = date(today.year, month, min(day, _last_day(today.year, month)))
    if kind == "since" and candidate > today:
        return today.year - 1
    tense = _tense(folded)
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
    original, folded = _prepare(text)
    atoms = _atoms(folded, today)
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
    return spans


def _single(original: str, folded: str, a: _Atom, before: str, today: date) -> DateSpan:
    text, span = original[a.start : a.end], (a.start, a.end)
    if a.fixed:
        kind: DateKind = a.kind
        return DateSpan(a.fixed[0], a.fixed[1], kind, a.precision, text, span)
    inferred = a.year is None
    if a.month is None:  # a year
        year = a.year if a.year is not None else today.year
        whole = _WHOLE_YEAR_BEFORE.search(before) or _WHOLE_YEAR_AFTER.match(folded[a.end :])
        start, end = _bounds(a, year)
        kind = "range" if whole else "point"
    else:
        kind = "point"
        year = a.year if a.year is not None else _infer_year(folded, a.month, a.day or 1, today, "point")
        start, end = _bounds(a, year)
    if re.search(r"\bdepuis(?: le| l'| la)? *$", before):
        kind, end = "since", today
        if inferred and start > today and a.month is not None:
            start, _ = _bounds(a, year - 1)
    elif re.search(r"\b(?:a partir|a compter)(?: du| de| d'| de la)? *$", before):
        kind = "from"
    return DateSpan(start, max(start, end), kind, a.precision, text, span, inferred)


def _join_range(original: str, folded: str, a: _Atom, b: _Atom, today: date) -> DateSpan:
    if a.month is None and a.day is not None:  # "du 10 au 25 mars": the month comes from the end
        a.month, a.precision = b.month, "day"
    inferred = a.year is None and b.year is None
    if inferred:
        month, day = (a.month or 1), (a.day or 1)
        year_b = year_a = _infer_year(folded, month, day, today, "range")
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


def format_date_fr(day: date) -> str:
    """A date as a French reader writes it: "1er février 2025", "20 juin 2025"."""
    return f"{'1er' if day.day == 1 else day.day} {MONTH_NAMES_FR[day.month - 1]} {day.year}"


# --- durations, money, counts -------------------------------------------------------------------

_DURATION = re.compile(
    rf"(?P<num>{NUM_OR_WORD}) *(?P<unit>heures?|h(?![a-z])|jours?|semaines?|mois|ans?|annees?)\b"
    r"(?P<half> et demie?)?"
)
_COMBINED = re.compile(r"^ *(?:et|,)? *$")


def parse_durations(text: str) -> list[Duration]:
    """Every duration, in order: "8 mois", "deux ans", "un an et demi", "1 600 heures", "18 h".

    "3 ans et 6 mois" is one duration of 42 months, because users mean one length of service
    (but "2 ans, 18 mois" stays two: 18 months is not the remainder of a year count).
    """
    original, folded = _prepare(text)
    found: list[Duration] = []
    for m in _DURATION.finditer(folded):
        value = parse_number(m.group("num"))
        if value > MAX_QUANTITY:
            continue
        if m.group("half"):
            value += 0.5
        unit = UNITS[m.group("unit")]
        current = Duration(value, unit, original[m.start() : m.end()], (m.start(), m.end()))
        previous = found[-1] if found else None
        if (
            previous is not None
            and previous.unit == "year"
            and unit == "month"
            and value < 12
            and _COMBINED.match(folded[previous.span[1] : m.start()])
        ):
            start = previous.span[0]
            current = Duration(previous.value * 12 + value, "month", original[start : m.end()], (start, m.end()))
            found[-1] = current
            continue
        found.append(current)
    return found


_MONEY = re.compile(
    rf"(?P<num>{NUM}) *(?:(?P<mult>milliards?|millions?|mds?|mille|k|m)(?![a-z]))? *"
    r"(?:(?:d'|de )?(?P<cur>€|euros?|eur)(?![a-z]))?"
)


def parse_money(text: str) -> list[Money]:
    """Amounts in euros: "40 millions d'euros", "12,5 M€", "2 300 000 €", "500 k€", "1,2 milliard".

    A bare number is not money; it needs a currency or a multiplier word ("40 millions"). The
    one-letter multipliers "k" and "m" need a currency too ("40 m" may be metres).
    """
    original, folded = _prepare(text)
    found: list[Money] = []
    for m in _MONEY.finditer(folded):
        mult, cur = m.group("mult"), m.group("cur")
        if not cur and (not mult or mult in ("k", "m")):
            continue
        if folded[m.end() : m.end() + 2].strip().startswith("%"):
            continue
        amount = round(parse_number(m.group("num")) * (MULTIPLIERS.get(mult, 1.0) if mult else 1.0), 2)
        if amount > MAX_QUANTITY * 1e9:
            continue
        end = m.end() if cur else m.start("mult") + len(mult)
        found.append(Money(amount, original[m.start() : end].strip(), (m.start(), end)))
    return found


def parse_counts(text: str) -> list[Count]:
    """Counted things: "deux salariés", "2 alternants", "un apprenti", "deux actions de formation"."""
    original, folded = _prepare(text)
    found: list[Count] = []
    for noun, pattern in COUNT_NOUNS.items():
        regex = (
            rf"(?P<num>\b\d{{1,2}}\b|\b(?:{_NUMWORD})\b) +(?:(?:autres?|nouveaux|nouvelles|jeunes|"
            rf"seule?s?) +)?(?P<noun>{pattern})\b"
        )
        for m in re.finditer(regex, folded):
            found.append(
                Count(
                    int(parse_number(m.group("num"))),
                    noun,
                    original[m.start() : m.end()],
                    (m.start(), m.end()),
                )
            )
    return sorted(found, key=lambda c: c.span)


def count_of(text: str, noun: str) -> int | None:
    """The first count of a kind of thing ("trainee", "action", "request"), or None."""
    return next((c.value for c in parse_counts(text) if c.noun == noun), None)


# --- grades, diplomas, contracts, flags ---------------------------------------------------------

_GRADE = r"(?P<g>\d{1,2}(?:[,.]\d{1,2})?)(?: */ *20| sur 20)?"


def parse_grades(text: str) -> dict[str, float]:
    """Named CQP grades (out of 20), keyed like the `cqp_certification` calculator's arguments.

    Reads "écrit 9", "oral : 10/20", "tronc commun 12, option 11", "applications professionnelles
    tutorées 14", and the other order, "j'ai eu 8 à l'oral", "12 en tronc commun". A number is
    given to one label only; a grade above 20 is not a grade and is ignored. "10 partout" (or "à
    toutes les épreuves") gives that grade to every exam not named otherwise.
    """
    _, folded = _prepare(text)
    grades: dict[str, float] = {}
    used: set[int] = set()
    patterns = [
        (key, rf"\b{label}\b *(?:[:=]|-|de|a|note|: *note)? *{_GRADE}(?![\d%])") for key, label in GRADE_LABELS.items()
    ] + [
        (
            key,
            rf"(?<![\d,.]){_GRADE} *(?:a|en|au|aux|pour|dans|sur) +(?:l'|la +|le +|les +)?"
            rf"(?:epreuves? +(?:d'|de l'|de +)?)?\b{label}\b",
        )
        for key, label in GRADE_LABELS.items()
    ]
    for key, pattern in patterns:
        if key in grades:
            continue
        for m in re.finditer(pattern, folded):
            value = parse_number(m.group("g"))
            if m.start("g") in used or not 0 <= value <= 20:
                continue
            grades[key] = value
            used.add(m.start("g"))
            break
    everywhere = re.search(rf"(?<![\d,.]){_GRADE} *{ALL_EXAMS}", folded)
    if everywhere and 0 <= parse_number(everywhere.group("g")) <= 20:
        for key in GRADE_LABELS:
            grades.setdefault(key, parse_number(everywhere.group("g")))
    return grades


def parse_diploma_level(text: str) -> int | None:
    """Highest diploma level the user says they hold (see the module docstring for the mapping).

    A negated diploma ("je n'ai pas le bac", "sans licence") says the level is *below* it, which
    is what the rules compare against ("n'ayant pas atteint le niveau 4"), so it gives that level
    minus one when nothing positive is said.
    """
    original, folded = _prepare(text)
    mentions: list[tuple[int, int]] = []  # (position, level)
    for level, words in DIPLOMA_WORDS.items():
        mentions += [(m.start(), level) for m in re.finditer(rf"\b(?:{'|'.join(words)})\b", folded)]
    for level, acronyms in DIPLOMA_ACRONYMS.items():
        mentions += [(m.start(), level) for m in re.finditer(rf"\b(?:{'|'.join(acronyms)})\b", original)]
    mentions += [(m.start(), int(m.group(1))) for m in re.finditer(DIPLOMA_LEVEL_WORDING, folded)]
    held: list[int] = []
    below: list[int] = []
    for position, level in mentions:
        if folded.startswith("cap emploi", position):
            continue
        before = folded[max(0, position - 40) : position]
        if re.search(TARGET_WORDS, before):
            continue
        if level > 0 and re.search(r"\b(?:pas|sans|ni|jamais|aucun(?:e)?)\b (?:[\w']+ ){0,2}$", before):
            below.append(level)
        else:
            held.append(level)
    if held:
        return max(held)
    return max(0, min(below) - 1) if below else None


def parse_contract(text: str) -> str | None:
    """The user's employment contract: "CDI", "CDD", "CUI-CDI", "CUI-CDD", "CUI", "interim", …

    When several are named ("j'étais en CDD, je suis en CDI"), the one after "je suis (en)" wins,
    else the last one; a negated one ("pas en CDI") is skipped.
    """
    _, folded = _prepare(text)
    mentions: list[tuple[int, str, bool]] = []
    taken: list[tuple[int, int]] = []
    for pattern, name in CONTRACTS:
        for m in re.finditer(pattern, folded):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            before = folded[max(0, m.start() - 30) : m.start()]
            if re.search(r"\b(?:pas|plus|jamais) (?:en |sous |d'un |de )?$", before):
                continue
            taken.append((m.start(), m.end()))
            is_current = bool(
                re.search(r"\b(?:je suis|suis|j'ai|je travaille|actuellement|maintenant)\b[^.?!]*$", before)
            )
            mentions.append((m.start(), name, is_current))
    if not mentions:
        return None
    mentions.sort()
    current = [name for _, name, is_current in mentions if is_current]
    return current[0] if current else mentions[-1][1]


def parse_work_time(text: str) -> WorkTime | None:
    """Working time: "mi-temps" (0.5), "temps partiel à 80 %" (0.8), "4/5" (0.8), "temps plein" (1.0).

    "temps partiel" without a rate gives `fraction=None`: the caller asks when it matters.
    """
    _, folded = _prepare(text)
    m = re.search(r"\b(?:mi|demi)-? ?temps\b", folded)
    if m:
        return WorkTime(True, 0.5, m.group(0))
    partial = re.search(r"\btemps (?:partiel|non complet)\b", folded)
    fifth = re.search(r"\b(?P<n>[1-4]) ?/ ?5(?:e|eme)?s?\b|\b(?P<w>quatre|trois|deux) cinquiemes?\b", folded)
    pct = re.search(r"(?<![\d,.])(?P<pct>[1-9]\d) ?%", folded)
    if pct and not (
        partial
        or re.search(r"\btravaill|\bbosse|\btemps\b|\bquotite\b|\bemploye\w* a\b", folded)
        or re.search(r"(?<!jusqu')\b(?:a|suis a|etais a) (?P<p>[1-9]\d) ?%", folded)
    ):
        pct = None
    if not (partial or fifth or pct):
        full = re.search(r"\btemps (?:plein|complet)\b", folded)
        return WorkTime(False, 1.0, full.group(0)) if full else None
    fraction: float | None = None
    if fifth:
        fraction = (int(fifth.group("n")) if fifth.group("n") else NUMBER_WORDS[fifth.group("w")]) / 5
    elif pct:
        fraction = int(pct.group("pct")) / 100
    wording = next(x.group(0) for x in (partial, fifth, pct) if x)
    return WorkTime(True, fraction, wording)


def parse_job_threatened(text: str) -> bool | None:
    """Whether the user says their job is threatened (True/False), or None when not said."""
    _, folded = _prepare(text)
    threat = re.search(
        r"\b(?:emploi|poste|metier)\b[^.?!]{0,30}\bmenace|\bmenace\w* (?:sur|de suppression)"
        r"|suppression de (?:mon |notre )?(?:poste|emploi|service)|\brestructuration\b|\bplan social\b"
        r"|\breorganisation\b",
        folded,
    )
    if not threat:
        return None
    return not re.search(r"\b(?:n'est|ne sont|n'etait|n'est plus) (?:pas|plus|nullement)\b[^.?!]{0,15}menace", folded)


def parse_far(text: str) -> bool | None:
    """Whether the advice provider is said to be far from home ("éloigné", "à 80 km", "loin")."""
    _, folded = _prepare(text)
    if re.search(r"\b(?:pas|non) (?:tres |trop )?(?:eloigne|loin)", folded):
        return False
    if re.search(r"\beloigne\w*|\bloin\b|\ba \d+ ?km\b|\b\d+ ?km\b|\bdistance\b", folded):
        return True
    return None
