"""Quantities in French text: durations ("3 ans et 6 mois"), amounts in euros ("12,5 M€"), counts.

Each calculator input that is "how much" or "how many" — a length of service, a payroll, a number
of trainees — is read here, with the guards that keep a year, a percentage or a distance from being
taken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.routing.extraction.folding import prepare
from assistant.routing.extraction.numbers import MAX_QUANTITY, NUM, NUM_OR_WORD, NUM_WORD, parse_number

Unit = Literal["hour", "day", "week", "month", "year"]

# fmt: off
UNITS: dict[str, Unit] = {
    "heure": "hour", "heures": "hour", "h": "hour", "jour": "day", "jours": "day",
    "semaine": "week", "semaines": "week", "mois": "month", "an": "year", "ans": "year",
    "annee": "year", "annees": "year",
    "semestre": "month", "semestres": "month", "trimestre": "month", "trimestres": "month",
}
# A half-year or a quarter counted ("depuis un semestre", "deux trimestres"), in months: a length of service said in
# the calendar's parts is the same length in months (art. 5's "12 mois au sein de l'organisme")
_MONTHS_IN: dict[str, float] = {"semestre": 6.0, "semestres": 6.0, "trimestre": 3.0, "trimestres": 3.0}
MULTIPLIERS: dict[str, float] = {
    "k": 1e3, "mille": 1e3, "m": 1e6, "million": 1e6, "millions": 1e6, "md": 1e9, "mds": 1e9,
    "milliard": 1e9, "milliards": 1e9,
}
# fmt: on

COUNT_NOUNS: dict[str, str] = {
    "trainee": r"(?:salarie|alternant|apprenti|stagiaire|tutore|personne|collegue|agent|beneficiaire|"
    r"nouvel? embauche|nouveaux embauches|jeune|contrats? (?:de )?pro(?:fessionnalisation)?|etudiant)e?s?",
    "action": r"(?:actions?|formations?|sessions?|modules?)(?: de formation)?",
    "request": r"(?:demandes?|dossiers?)",
}


_MONTHS_PER_UNIT: dict[str, float] = {"year": 12.0, "month": 1.0, "week": 12 / 52, "day": 12 / 365}


@dataclass(frozen=True)
class Duration:
    """A length of time: "8 mois", "un an et demi", "3 ans et 6 mois" (months), "1 600 heures"."""

    value: float
    unit: Unit
    text: str
    span: tuple[int, int]
    low: float | None = None  # "entre 20 et 30 mois", "18 à 24 mois": the range's lower end (value: the upper)

    @property
    def months(self) -> float | None:
        """The duration in months (None for hours, which are not a calendar length)."""
        factor = _MONTHS_PER_UNIT.get(self.unit)
        return None if factor is None else self.value * factor

    @property
    def low_months(self) -> float | None:
        """The range's lower end in months ("de 4 à 6 mois" → 4), None without a range or for hours."""
        factor = _MONTHS_PER_UNIT.get(self.unit)
        return None if factor is None or self.low is None else self.low * factor


@dataclass(frozen=True)
class Money:
    """An amount in euros: "40 millions d'euros", "12,5 M€", "2 300 000 €"."""

    amount: float
    text: str
    span: tuple[int, int]
    low: float | None = None  # "entre 40 et 50 millions d'euros", "de 2 à 3 M€": the range's lower end (amount: upper)


@dataclass(frozen=True)
class Count:
    """A number of things: "deux salariés" (trainee), "2 actions" (action), "une demande" (request)."""

    value: int
    noun: str
    text: str
    span: tuple[int, int]


_DURATION = re.compile(
    rf"(?P<num>{NUM_OR_WORD}) *(?P<unit>heures?|h(?![a-z])|jours?|semaines?|mois|ans?|annees?|semestres?|trimestres?)\b"
    r"(?P<half> et demie?)?"
)
_COMBINED = re.compile(r"^ *(?:et|,)? *$")
_RANGE_BEFORE = re.compile(rf"(?:\bentre +(?P<a>{NUM_OR_WORD}) +et|(?<![\d,.])(?P<b>{NUM_OR_WORD}) *(?:\ba|-)) *$")


def parse_durations(text: str) -> list[Duration]:
    """Every duration, in order: "8 mois", "deux ans", "un an et demi", "1 600 heures", "18 h".

    "3 ans et 6 mois" is one duration of 42 months, because users mean one length of service
    (but "2 ans, 18 mois" stays two: 18 months is not the remainder of a year count).
    """
    original, folded = prepare(text)
    found: list[Duration] = []
    for m in _DURATION.finditer(folded):
        value = parse_number(m.group("num"))
        if value > MAX_QUANTITY:
            continue
        if m.group("half"):
            value += 0.5
        value *= _MONTHS_IN.get(m.group("unit"), 1.0)
        unit = UNITS[m.group("unit")]
        current = Duration(value, unit, original[m.start() : m.end()], (m.start(), m.end()))
        ranged = _RANGE_BEFORE.search(folded[max(0, m.start() - 30) : m.start()])
        low = parse_number(ranged.group("a") or ranged.group("b")) if ranged else None
        if ranged and low is not None and low < value:
            start = m.start() - len(ranged.group(0))
            current = Duration(value, unit, original[start : m.end()], (start, m.end()), low=low)
        previous = found[-1] if found else None
        if (
            previous is not None
            and previous.unit == "year"
            and unit == "month"
            and value < 12
            and _COMBINED.match(folded[previous.span[1] : m.start()])
            and not re.search(_WINDOW_BEFORE, folded[max(0, previous.span[0] - 20) : previous.span[0]])
        ):
            start = previous.span[0]
            current = Duration(previous.value * 12 + value, "month", original[start : m.end()], (start, m.end()))
            found[-1] = current
            continue
        found.append(current)
    return _elliptic_parts(original, folded, found)


# "30 mois d'activité dont 8 dans mon organisme": the part takes the unit of the whole it is part of.
_ELLIPTIC_PART = re.compile(
    r"\bdont (?P<num>\d+(?:[.,]\d+)?|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze)\b"
    r"(?! ?(?:%|mois|ans?\b|annees?|heures?|h\b|jours?|semaines?|points?|salaries?|stagiaires?))"
)


_WINDOW_BEFORE = r"\b(?:sur|des|au cours des|dans les|pendant les|sur les|lors des)(?: (?:5|cinq) dernier\w*)? *$"


def _elliptic_parts(original: str, folded: str, found: list[Duration]) -> list[Duration]:
    """Add the durations stated without a unit after "dont", with the unit of the duration before."""
    added: list[Duration] = []
    # "20 mois sur les 5 ans dont 10 ici": the part belongs to the amount, not to the window it is counted in
    amounts = [d for d in found if not re.search(_WINDOW_BEFORE, folded[max(0, d.span[0] - 20) : d.span[0]])]
    for m in _ELLIPTIC_PART.finditer(folded):
        whole = next((d for d in reversed(amounts) if d.span[1] <= m.start()), None)
        if whole is None or re.search(r"[.?!;]", folded[whole.span[1] : m.start()]) or m.start() - whole.span[1] > 60:
            continue
        value = parse_number(m.group("num"))
        if 0 < value <= MAX_QUANTITY:
            added.append(Duration(value, whole.unit, original[m.start("num") : m.end("num")], m.span("num")))
    return sorted(found + added, key=lambda d: d.span)


_MONEY = re.compile(
    rf"(?P<num>{NUM}) *(?:(?P<mult>milliards?|millions?|mds?|mille|k|m)(?![a-z])(?P<half> et demie?\b)?)? *"
    r"(?:(?:d'|de )?(?P<cur>€|euros?|eur)(?![a-z]))?"
)


def parse_money(text: str) -> list[Money]:
    """Amounts in euros: "40 millions d'euros", "12,5 M€", "2 300 000 €", "500 k€", "1,2 milliard".

    A bare number is not money; it needs a currency or a multiplier word ("40 millions"). The
    one-letter multipliers "k" and "m" need a currency too ("40 m" may be metres).
    """
    original, folded = prepare(text)
    found: list[Money] = []
    for m in _MONEY.finditer(folded):
        mult, cur = m.group("mult"), m.group("cur")
        if not cur and (not mult or mult in ("k", "m")):
            continue
        if folded[m.end() : m.end() + 2].strip().startswith("%"):
            continue
        number = parse_number(m.group("num")) + (0.5 if m.group("half") else 0.0)  # "2 millions et demi"
        amount = round(number * (MULTIPLIERS.get(mult, 1.0) if mult else 1.0), 2)
        if amount > MAX_QUANTITY * 1e9:
            continue
        end = m.end() if cur else (m.end("half") if m.group("half") else m.start("mult") + len(mult))
        start, low = m.start(), None
        ranged = _RANGE_BEFORE.search(folded[max(0, m.start() - 30) : m.start()])
        if ranged:  # the lower end takes the upper's multiplier: "entre 40 et 50 millions" is 40 millions
            low = round(
                parse_number(ranged.group("a") or ranged.group("b")) * (MULTIPLIERS.get(mult, 1.0) if mult else 1.0), 2
            )
            start, low = (m.start() - len(ranged.group(0)), low) if low < amount else (start, None)
        found.append(Money(amount, original[start:end].strip(), (start, end), low))
    return found


def parse_counts(text: str) -> list[Count]:
    """Counted things: "deux salariés", "2 alternants", "un apprenti", "deux actions de formation"."""
    original, folded = prepare(text)
    found: list[Count] = []
    for noun, pattern in COUNT_NOUNS.items():
        regex = (
            rf"(?P<num>\b\d{{1,2}}\b|\b(?:{NUM_WORD})\b) +(?:(?:autres?|nouveaux|nouvelles|jeunes|"
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


_DAY_LENGTH = re.compile(
    rf"\b(?P<kind>demi[- ]journees?|journees?|jours?)\s+(?:de travail\s+)?(?:de|d'une duree de)\s+"
    rf"(?P<num>{NUM_OR_WORD})\s*(?:h|heures?)(?![a-z])(?:\s*(?P<min>[0-5]\d)\b)?"
)


def parse_day_length(text: str) -> tuple[float, bool] | None:
    """The length of the (half-)days a user counts in: "demi-journées de 4 heures" → (4.0, True),
    "journées de 7 h 30" → (7.5, False); None when the message gives none."""
    _, folded = prepare(text)
    m = _DAY_LENGTH.search(folded)
    if m is None:
        return None
    hours = parse_number(m.group("num")) + (int(m.group("min")) / 60 if m.group("min") else 0.0)
    return (hours, m.group("kind").startswith("demi")) if 0 < hours <= 24 else None
