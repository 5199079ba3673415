"""A figure of the previous case scaled by the follow-up: "et si ça avait duré deux fois plus longtemps ?".

"Et pour le double ?", "trois fois plus long", "moitié moins", "une masse salariale deux fois plus petite" state no
figure of their own: they change one the previous question stated (a period, a length, an amount) by a factor. Read
as words appended to the previous question, the factor's number is taken for a count ("deux" missions) and the
calculator answers another case; left alone, the message asks nothing. So the factor is read (`factor`), the fact it
applies to is found among the previous question's slots (`conversation.slots`, the calculators' own readers), and the
previous question is asked again with that fact recomputed and written out (`scaled_question`): the calculator gets a
changed argument through the same path as any stated fact, and the answer's "Question comprise" shows it.

Which fact: the one whose dimension the message names (a length of time: "long", "durée", "duré"; an amount:
"masse salariale", "montant", "budget", "euros"), else the only scalable fact of the question. A period keeps its
start (the same starting point) and moves its end by the months added or taken; a mission told as "depuis le …"
then ended "le …" moves that end date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from fractions import Fraction

from assistant.conversation.slots import Slot, find_slots
from assistant.routing.extraction.numbers import NUM_WORD, parse_number
from assistant.routing.extraction.quantities import parse_durations, parse_money
from calculators.dates import add_months, format_date_fr, started_months
from text.folding import same_length

# "deux fois plus", "3 fois moins"
_TIMES = re.compile(rf"\b(?P<num>\d{{1,2}}|{NUM_WORD}) fois (?P<way>plus|moins)\b(?P<rest>(?: [\w']+){{0,2}})")
# an adjective of smallness after "N fois plus" reverses the factor: "deux fois plus petite", "trois fois plus courte"
_SMALL = re.compile(r"\b(?:petite?s?|courte?s?|faibles?|basse?s?|reduite?s?|maigres?)\b")
_WORDS = (
    (re.compile(r"\b(?:(?:le|au|du) double|doubl(?:e|ee|es|ees|er|ait|aient|erait|eraient))\b"), Fraction(2)),
    (re.compile(r"\b(?:(?:le|au|du) triple|tripl(?:e|ee|es|ees|er|ait|aient|erait|eraient))\b"), Fraction(3)),
    (re.compile(r"\b(?:(?:le|au|du) quadruple|quadrupl(?:e|ee|es|er|ait|erait))\b"), Fraction(4)),
    (re.compile(r"\b(?:(?:la|de) moitie|moitie moins|divise\w* par (?:deux|2))\b"), Fraction(1, 2)),
)
# the dimension the message names
_TIME_WORDS = re.compile(r"\b(?:long\w*|duree|dure\w*|court\w*|mois|mission|periode|temps|prolong\w*)\b")
_MONEY_WORDS = re.compile(r"\b(?:masse salariale|montant|budget|euros?|salaires?|effectifs?|grosse|petite|taille)\b")


def factor(message: str) -> Fraction | None:
    """The factor the message scales a figure by (2 for "le double", 1/2 for "deux fois plus petite"), None when it
    names none or more than one."""
    folded = same_length(message).lower()
    found: list[Fraction] = []
    for m in _TIMES.finditer(folded):
        n = Fraction(int(parse_number(m.group("num"))))
        if n <= 1:
            continue
        smaller = m.group("way") == "moins" or bool(_SMALL.search(m.group("rest")))
        found.append(1 / n if smaller else n)
    found += [value for pattern, value in _WORDS if pattern.search(folded)]
    return found[0] if len(set(found)) == 1 else None


def scaled_question(message: str, question: str, today: date) -> str | None:
    """`question` with the fact `message` scales recomputed ("du 1er février au 30 juin 2026" doubled → "du 1er
    février au 30 novembre 2026"), None when the message scales nothing or `question` holds no such fact."""
    by = factor(message)
    if by is None or (find_slots(message, today) and _states_figure(message)):
        return None
    folded = same_length(message).lower()
    slots = find_slots(question, today)
    timed = _time_change(question, slots, by)
    money = _money_change(question, slots, by)
    if _MONEY_WORDS.search(folded) and not _TIME_WORDS.search(folded):
        change = money
    elif _TIME_WORDS.search(folded) and not _MONEY_WORDS.search(folded):
        change = timed
    else:
        change = money if timed is None else timed if money is None else None
    if change is None:
        return None
    (start, end), words = change
    return question[:start] + words + question[end:]


def _states_figure(message: str) -> bool:
    """The message states a figure of its own besides the factor ("le double, soit 80 millions")."""
    dated = re.search(r"\b\d{1,2}/\d{1,2}\b|\b20\d\d\b", message)
    return bool(parse_money(message) or parse_durations(message) or dated)


def _time_change(question: str, slots: list[Slot], by: Fraction) -> tuple[tuple[int, int], str] | None:
    """The span of the question's mission length and its words once scaled."""
    ranges = [s for s in slots if s.kind == "period" and s.when is not None and s.when.kind == "range"]
    lengths = [s for s in slots if s.kind == "duration:calendar"]
    if len(ranges) == 1:
        slot = ranges[0]
        assert slot.when is not None
        end = _scaled_end(slot.when.start, slot.when.end, by)
        if end is None:
            return None
        at = slot.span[0]
        if same_length(question[max(0, at - 3) : at]).lower() == "de ":  # "de mars à fin mai" → "du 1er mars au …"
            at -= 3
            return (at, slot.span[1]), f"du {format_date_fr(slot.when.start)} au {format_date_fr(end)}"
        return slot.span, f"{format_date_fr(slot.when.start)} au {format_date_fr(end)}"
    # "depuis le 1er février 2026, … terminée le 30 juin 2026": the start told as a since, the end as a date
    points = [s for s in slots if s.kind == "date" and s.when is not None and s.when.precision == "day"]
    since = [s for s in slots if s.kind == "period" and s.when is not None and s.when.kind in ("since", "from")]
    if not ranges and len(points) == 1 and since:
        # (the nearest since before the end: "depuis douze ans" earlier tells a seniority, not the mission)
        before = [s for s in since if s.span[1] <= points[0].span[0] and s.when and s.when.precision == "day"]
        if before and before[-1].when is not None and points[0].when is not None:
            end = _scaled_end(before[-1].when.start, points[0].when.start, by)
            return None if end is None else (points[0].span, format_date_fr(end))
    if not ranges and len(lengths) == 1:
        durations = parse_durations(question[lengths[0].span[0] : lengths[0].span[1]])
        if len(durations) == 1 and durations[0].months:
            months = Fraction(durations[0].months) * by
            if months.denominator == 1 and months >= 1:
                return lengths[0].span, f"{months.numerator} mois"
    return None


def _scaled_end(start: date, end: date, by: Fraction) -> date | None:
    """The end of a period of the same start whose months (started) are scaled by `by`."""
    if end < start:
        return None
    months = started_months(start, end)
    scaled = months * by
    if scaled < 1 or scaled.denominator != 1:
        return None
    moved = add_months(end, int(scaled) - months)
    if (end + timedelta(days=1)).day == 1:  # a month's last day stays one ("30 avril" doubled → "31 juillet")
        moved = add_months(moved.replace(day=1), 1) - timedelta(days=1)
    return moved


def _money_change(question: str, slots: list[Slot], by: Fraction) -> tuple[tuple[int, int], str] | None:
    """The span of the question's one amount and the amount scaled, in euros."""
    amounts = [s for s in slots if s.kind == "money"]
    if len(amounts) != 1:
        return None
    found = parse_money(amounts[0].text)
    if len(found) != 1 or found[0].low is not None:
        return None
    value = Fraction(found[0].amount) * by
    euros = f"{round(float(value)):,}".replace(",", " ")
    return amounts[0].span, f"{euros} euros"
