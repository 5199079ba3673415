"""The facts a message states, and where it states them.

"Et avec trois stagiaires ?" after "Je tutore deux salariés du 1er janvier au 31 mars 2025, combien
de points ?" means the same question with "trois stagiaires" in place of "deux salariés". So a fact is read
with its span (`Slot`), by the readers of `assistant.routing.extraction`, the same ones the calculators'
inputs come from; `conversation.fact_merge` puts a follow-up's facts in place of the earlier ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.routing.extraction.dates import DateSpan, parse_dates
from assistant.routing.extraction.grades import GRADE_LABELS
from assistant.routing.extraction.numbers import NUM_WORD, parse_number
from assistant.routing.extraction.quantities import parse_counts, parse_durations, parse_money
from assistant.routing.extraction.situation import (
    CONTRACTS,
    DIPLOMA_ACRONYMS,
    DIPLOMA_LEVEL_WORDING,
    DIPLOMA_WORDS,
    parse_work_time,
)
from text.folding import same_length

LEVEL = re.compile(r"\bniveau [1-8]\b")
GRADE = r"\d{1,2}(?:[,.]\d{1,2})?(?: */ *20| sur 20)?"
# A named CQP grade, either order ("oral 10", "6 à l'oral"): the labels are the grade reader's own.
_GRADES = {
    key: re.compile(
        rf"\b{label}\b *(?:[:=]|-|de|a|note)? *(?:(?:j'ai|j'avais|il a|elle a|eu|obtenu|c'est|c'etait),? *){{0,3}}"
        rf"{GRADE}(?![\d%])"
        rf"|(?<![\d,.]){GRADE} *(?:a|en|au|aux|pour|dans|sur|de|d') *(?:l'|la +|le +|les +)?"
        rf"(?:epreuves? +(?:d'|de l'|de +)?)?\b{label}\b"
    )
    for key, label in GRADE_LABELS.items()
}
# A count without its noun, carried by the pronoun "en" ("j'en ai deux", "s'il en tutore trois", "j'en
# anime deux autres", "mon manager, qui en a suivi deux") or ending a follow-up ("et avec trois ?"): it counts what
# the earlier question counted.
_COUNT_NUMBER = rf"(?P<num>\b\d{{1,2}}\b|\b(?:{NUM_WORD})\b)"
_MORE = r"(?P<more> +(?:autres?|de plus|en plus|supplementaires?))?"
# ("trois sur cinq" is a share; "deux sur la même période" a count, then when)
_NOT_A_UNIT = (
    rf"(?! *(?:mois|ans?|annees?|heures?|h|jours?|semaines?|euros?|points?|%|€|m€|k€|sur(?= +(?:\d|{NUM_WORD})\b)|/|ou)"
    r"\b)"
)
_BARE_COUNTS = (
    re.compile(
        r"(?:\b(?:j'|n'|s'|qu'|m'|t')|\b(?:il|elle|on|nous|vous|ils|elles|tu|y|qui) +)en +(?:[a-z']+ +){0,2}?"
        + _COUNT_NUMBER
        + _NOT_A_UNIT
        + _MORE
    ),
    re.compile(
        r"(?:^|\b(?:avec|pour|a|si c'est|si c'etait|si on est|s'ils sont|si elles sont) +)"
        + _COUNT_NUMBER
        + _MORE
        + r" *[?.!]* *$"
    ),
)
_MORE_WORDS = re.compile(r"\b(?:autres?|de plus|en plus|supplementaires?)\b")


# "une deuxième action", "un second alternant", "une troisième apprentie": one more, the count it makes said by its rank
_ORDINALS = {"deuxieme": 2, "second": 2, "seconde": 2, "troisieme": 3, "quatrieme": 4, "cinquieme": 5}
_CARDINALS = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq"}
_ORDINAL_COUNT = re.compile(
    r"\b(?:une?|un autre|une autre) (?P<ord>deuxieme|seconde?|troisieme|quatrieme|cinquieme) (?P<noun>[a-z]{4,}?)s?\b"
)


@dataclass(frozen=True)
class Slot:
    """One fact of a message: its kind ("period", "date", "count:trainee", "money", "contract"…),
    where it is in the message, its words, and for dates the period read."""

    kind: str
    span: tuple[int, int]
    text: str
    when: DateSpan | None = None
    value: int | None = None  # counts: how many
    adds: bool = False  # counts: "deux autres", "trois de plus" add to the earlier count


def find_slots(text: str, today: date) -> list[Slot]:
    """Every fact of `text` a follow-up may change, in reading order, without overlaps."""
    folded = same_length(text)
    slots: list[Slot] = []
    for key, pattern in _GRADES.items():
        slots += [Slot(f"grade:{key}", m.span(), text[m.start() : m.end()]) for m in pattern.finditer(folded)]
    for d in parse_dates(text, today):
        kind = "date" if d.kind == "point" else "period"
        slots.append(Slot(kind, d.span, d.text, d))
    slots += [Slot("money", m.span, m.text) for m in parse_money(text)]
    slots += [
        Slot(f"count:{c.noun}", c.span, c.text, value=c.value, adds=bool(_MORE_WORDS.search(same_length(c.text))))
        for c in parse_counts(text)
    ]
    for pattern in _BARE_COUNTS:
        for m in pattern.finditer(folded):
            start, end = m.start("num"), m.end("more") if m.group("more") else m.end("num")
            value = int(parse_number(m.group("num")))
            slots.append(Slot("count", (start, end), text[start:end], value=value, adds=bool(m.group("more"))))
    for m in _ORDINAL_COUNT.finditer(folded):
        # "une deuxième action", "un second alternant": the count reached, in the noun's own kind
        n = _ORDINALS[m.group("ord")]
        counted = parse_counts(f"{_CARDINALS[n]} {m.group('noun')}s")
        if counted:
            # (its words are the count it makes, which replace the earlier count: "deux actions")
            slots.append(Slot(f"count:{counted[0].noun}", m.span(), f"{_CARDINALS[n]} {m.group('noun')}s", value=n))
    for x in parse_durations(text):
        slots.append(Slot("duration:hours" if x.unit == "hour" else "duration:calendar", x.span, x.text))
    for contract_pattern, _name in CONTRACTS:
        slots += [Slot("contract", m.span(), text[m.start() : m.end()]) for m in re.finditer(contract_pattern, folded)]
    work = parse_work_time(text)
    if work is not None:
        at = folded.find(same_length(work.text))
        if at >= 0:
            slots.append(Slot("work_time", (at, at + len(work.text)), text[at : at + len(work.text)]))
    slots += [Slot("diploma", m.span(), text[m.start() : m.end()]) for m in _diploma_mentions(text, folded)]
    # "une qualification de niveau 3", "il vise un niveau 5": a level, whatever it is the level of
    slots += [Slot("level", m.span(), text[m.start() : m.end()]) for m in LEVEL.finditer(folded)]
    kept: list[Slot] = []
    for slot in slots:  # grades, dates, amounts, counts…: a later slot inside an earlier one is dropped
        if not any(s.span[0] < slot.span[1] and slot.span[0] < s.span[1] for s in kept):
            kept.append(slot)
    return sorted(kept, key=lambda s: s.span)


def _diploma_mentions(text: str, folded: str) -> list[re.Match[str]]:
    found = [m for words in DIPLOMA_WORDS.values() for m in re.finditer(rf"\b(?:{'|'.join(words)})\b", folded)]
    found += [m for acr in DIPLOMA_ACRONYMS.values() for m in re.finditer(rf"\b(?:{'|'.join(acr)})\b", text)]
    found += list(re.finditer(DIPLOMA_LEVEL_WORDING, folded))
    return found
