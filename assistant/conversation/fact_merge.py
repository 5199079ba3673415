"""How a follow-up's facts replace the earlier question's, as text.

"Et avec trois stagiaires ?" after "Je tutore deux salariés du 1er janvier au 31 mars 2025, combien
de points ?" means the same question with "trois stagiaires" in place of "deux salariés"; "et si la
mission s'arrête fin mai ?" moves the end of the period. The facts are read with their spans
(`conversation.slots`), and a follow-up is merged into the earlier question *as text*: the result is a
standalone question that goes through routing like any other, can be shown to the user, and reads the same
in a log of feedback. A fact of a kind the earlier question did not state is added at its end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from assistant.conversation import vocabulary as v
from assistant.conversation.shared_grades import keep_for_the_others, out_of_shared_list
from assistant.conversation.slots import GRADE, LEVEL, Slot, find_slots
from assistant.conversation.years import is_moment_of_asking, moved_periods, relative_year
from assistant.routing.extraction.dates import DateSpan
from calculators.dates import format_date_fr
from text.folding import same_length

_END_WORDS = r"\b(?:s'arret\w*|arret\w*|termin\w*|fin|finit|finira|fini\w*|jusqu\w*|achev\w*|clot\w*|au)\b"
_START_WORDS = r"\b(?:commenc\w*|debut\w*|demarr\w*|a partir|a compter|depuis|partir du|des le|du)\b"
_BOUND_VERBS = r"\b(?:commenc|debut|demarr|termin|arret|finit|finira|fini|achev|clot)"
_COUNT_WORDS = {
    1: "un",
    2: "deux",
    3: "trois",
    4: "quatre",
    5: "cinq",
    6: "six",
    7: "sept",
    8: "huit",
    9: "neuf",
    10: "dix",
}
_COUNTED = re.compile(r"^\S+ +(?:(?:autres?|nouveaux|nouvelles|jeunes|seule?s?) +)?(?P<noun>.+)$")
_AGO = re.compile(r"(?:il y a|voila|ca fait|cela fait)\b")
_PERIOD_PREPOSITION = re.compile(r"\b(?:du|de|d'|entre|depuis(?: le| l')?|a partir du|a compter du)\s*$")


@dataclass(frozen=True)
class Merge:
    """The earlier question with the follow-up's facts in place, and the follow-up words left to add."""

    text: str
    replaced: list[Slot]
    rest: str


def merge_facts(earlier: str, follow: str, today: date) -> Merge:
    """Put each fact of `follow` in place of the fact of the same kind in `earlier`.

    A date alone next to an end word ("s'arrête fin mai", "jusqu'en août") moves the end of the
    earlier period, next to a start word its start; its year, when not written, is the one that
    keeps the period in order. What `follow` says besides the replaced facts is returned as `rest`.
    """
    before = find_slots(earlier, today)
    changes: list[tuple[tuple[int, int], str]] = []
    replaced: list[Slot] = []
    used: set[int] = set()
    follow_folded = same_length(follow)
    follow_slots = find_slots(follow, today)
    year = relative_year(follow)
    if year is not None:  # "et l'an prochain ?": the earlier dates a year on (years.py)
        offset, at = year
        replaced.append(Slot("year", at, follow[at[0] : at[1]]))
        follow_slots = [s for s in follow_slots if not (s.span[0] < at[1] and at[0] < s.span[1])]
        follow_slots = [s for s in follow_slots if not is_moment_of_asking(s, before, today)]
        if not any(s.when is not None for s in follow_slots):
            # (a year moved keeps the text's length: the earlier facts' spans still hold)
            earlier = moved_periods(earlier, before, offset) or earlier
    follow_slots = _new_values(follow_slots, follow_folded)
    for slot in follow_slots:
        change = (
            _recounted(earlier, before, used, slot)
            if slot.kind.startswith("count")
            else _replacement(earlier, before, used, slot, follow_folded)
        )
        if change is not None:
            changes.append(_affirmed(earlier, change, follow[: slot.span[0]]))
            replaced.append(slot)
    if any(s.when is not None for s in follow_slots) and not any(s.when is not None for s in replaced):
        # the follow-up's own dates found no place in the earlier question: no year counted from it either
        replaced = [s for s in replaced if s.kind != "year"]
    text = earlier
    for (start, end), words in sorted(changes, reverse=True):
        text = _one_determiner(text[:start], words) + text[end:]
    rest = follow
    for slot in sorted(replaced, key=lambda s: s.span, reverse=True):
        rest = rest[: slot.span[0]] + rest[slot.span[1] :]
    return Merge(text, replaced, re.sub(r"\s+", " ", rest).strip())


# a determiner ending the words before a replaced fact, and one opening the new words ("j'ai un BTS" then "je n'ai
# que le brevet": "un le brevet" is no French)
_DETERMINER_BEFORE = re.compile(r"\b(?:un|une|le|la|les|l'|mon|ma|mes|son|sa|ses)\s*$")
_DETERMINER_OPENING = re.compile(r"^(?:un|une|le|la|les|l'|mon|ma|mes|son|sa|ses)(?:\b\s*|(?<=')\s*)")


# the denial of a possession right before a fact ("je n'ai pas le bac", "elle n'a jamais eu son", "je n'ai" before
# "aucun diplôme"), with the subject pronoun "je" whose elision changes once the denial goes
_DENIED_BEFORE = re.compile(
    r"(?P<je>\bje\s+)?\bn'(?P<verb>ai|a|avons|avez|ont)\s+(?P<not>(?:pas|jamais|aucune?|plus)\s+)?"
    r"(?:(?:eu|obtenu|de|d'|le|la|l'|les|son|sa|ses|mon|ma|mes)\s*)*$"
)
_DETERMINER_ENDING = re.compile(r"\b(?:un|une|le|la|les|l'|mon|ma|mes|son|sa|ses)\s*$")


def _affirmed(earlier: str, change: tuple[tuple[int, int], str], follow_before: str) -> tuple[tuple[int, int], str]:
    """A fact the follow-up states in place of one the earlier message denied ("Je n'ai pas le bac" then "ah si, en
    fait j'ai eu un bac pro"): the denial goes with the old fact, and the new one keeps the follow-up's determiner
    ("J'ai un bac pro"), else the earlier question would still deny it. A denied follow-up fact never gets here
    (`_new_values`)."""
    (start, end), words = change
    denied = _DENIED_BEFORE.search(same_length(earlier[:start]).lower())
    old = same_length(earlier[start:end]).lower()
    if denied is None or not (denied.group("not") or re.match(r"aucune?\b|pas de\b", old)):
        return change
    determiner = _DETERMINER_ENDING.search(same_length(follow_before).lower())
    said = follow_before[determiner.start() :].strip() + " " if determiner is not None else ""
    verb = denied.group("verb")
    if denied.group("je"):  # "je n'ai pas" → "j'ai", its capital kept
        verb = earlier[denied.start()] + "'" + verb
    return (denied.start(), end), f"{verb} {said}{words}"


_EVENT_WORD = re.compile(r"[a-z]{5,}")
_EVENT_STOP = frozenset(
    {"depuis", "remonte", "c'etait", "etait", "plutot", "pardon", "finalement", "alors", "janvier", "fevrier"}
    | {"avril", "juillet", "septembre", "octobre", "novembre", "decembre", "premier", "dernier"}
)


def _dates_another_event(earlier: str, follow_folded: str) -> bool:
    """The follow-up dates an event of its own, in words the earlier message does not use ("Sa dernière action de
    formation remonte à mai 2020." after "agent en CDI chez nous depuis 2014"): a fact added to the case, not the
    earlier period moved. Only a statement: a correction ("non, c'était en avril 2025"), a question or a hypothesis
    ("et en avril 2025 ?", "Et si ma dernière formation avait lieu en juin 2028 ?") moves it."""
    folded = follow_folded.lower()
    if "?" in folded or v.RE_CORRECTION.match(folded) or v.RE_HYPOTHESIS.match(folded.lstrip(" ,.")):
        return False  # ("Et si ma dernière formation avait lieu en juin 2028 ?" changes the date the case told)
    held = {w[:5] for w in _EVENT_WORD.findall(same_length(earlier).lower())}
    own = {w[:5] for w in _EVENT_WORD.findall(folded) if w not in _EVENT_STOP and w[:5] not in held}
    return len(own) >= 2


def _one_determiner(before: str, words: str) -> str:
    """The earlier question up to the replaced fact, then the new words: when both put a determiner before the fact,
    the new one stays (its gender is the new noun's: "j'ai le bac" then "une licence" → "j'ai une licence")."""
    old = _DETERMINER_BEFORE.search(same_length(before).lower())
    if old is not None and _DETERMINER_OPENING.match(same_length(words).lower()):
        return before[: old.start()] + words
    return before + words


def _replacement(
    earlier: str, before: list[Slot], used: set[int], slot: Slot, follow_folded: str
) -> tuple[tuple[int, int], str] | None:
    """Where in `earlier` the follow-up's `slot` goes, and the words it puts there (None: nowhere)."""
    same = [i for i, s in enumerate(before) if s.kind == slot.kind and i not in used]
    if slot.kind == "date" and slot.when is not None:
        periods = [i for i, s in enumerate(before) if s.kind == "period" and i not in used]
        window = follow_folded[max(0, slot.span[0] - 30) : slot.span[1]]
        bound = "end" if re.search(_END_WORDS, window) else "start" if re.search(_START_WORDS, window) else None
        if bound and len(periods) == 1:
            i = periods[0]
            old = before[i]
            assert old.when is not None
            used.add(i)
            return _moved_bound(earlier, old, old.when, slot.when, bound)
        other = _other_bound(earlier, before, used, bound) if bound and not periods else None
        if other is not None and bound is not None:  # "commence le 1er mars" then "fin août": one period
            assert slot.when is not None
            return _joined(earlier, before[other], slot.when, bound)
        if not same and len(periods) == 1 and not _dates_another_event(earlier, follow_folded):
            same = periods  # "et en avril 2025 ?": the whole period changes
    if slot.kind == "duration:calendar":  # "6 mois dans ma caisse" may correct "depuis 3 ans dans ma caisse"
        same += [i for i, s in enumerate(before) if s.when is not None and s.when.kind == "since" and i not in used]
        # "c'est 3 ans" corrects "il y a 5 ans": a date counted back from today is a duration too
        same += [i for i, s in enumerate(before) if _AGO.match(same_length(s.text)) and i not in used]
    if slot.kind == "level":  # "un niveau 4" corrects the level of "un titre de niveau 3"
        same += [i for i, s in enumerate(before) if s.kind == "diploma" and LEVEL.search(same_length(s.text))]
    if not same and slot.kind.startswith("grade:"):  # "7 à l'oral" after "10 à l'écrit, à l'oral et aux APT"
        return out_of_shared_list(earlier, slot.kind.removeprefix("grade:"), slot.text)
    if len(same) > 1:
        same = _nearest(earlier, before, same, slot, follow_folded)
    if len(same) != 1:
        return None
    i = same[0]
    used.add(i)
    old = before[i]
    words = slot.text
    if old.when is not None and old.when.kind == "since" and slot.kind == "duration:calendar":
        return old.span, f"depuis {slot.text}"
    if slot.kind == "duration:calendar" and _AGO.match(same_length(old.text)):
        return old.span, f"il y a {slot.text}"
    if slot.kind == "level" and old.kind == "diploma":
        level = LEVEL.search(same_length(old.text))
        assert level is not None
        return (old.span[0] + level.start(), old.span[0] + level.end()), slot.text
    if slot.kind.startswith("grade:"):  # "à l'oral j'ai eu 6" → the earlier "oral 10" becomes "oral 6"
        grade = re.search(GRADE, same_length(slot.text))
        number = re.search(GRADE, same_length(old.text))
        if grade and number:
            words = old.text[: number.start()] + slot.text[grade.start() : grade.end()] + old.text[number.end() :]
            return keep_for_the_others(earlier, old.span, words)  # "12 à l'écrit, à l'oral…": the oral keeps 12
    if slot.when is not None and old.when is not None and slot.when.year_inferred:
        words = _with_year(slot.when, old.when.start.year)
    if old.kind == "date" and slot.when is not None and slot.when.precision != "day":
        # "terminée le 14 mai" corrected by "c'était en mars": "le" goes with a day, a month takes "en"
        le = re.search(r"\ble +$", same_length(earlier[max(0, old.span[0] - 4) : old.span[0]]))
        if le:
            return (old.span[0] - len(le.group(0)), old.span[1]), f"en {words}"
    if old.kind == "period" and old.when is not None and old.when.kind == "since" and slot.kind == "date":
        # "depuis janvier 2021" corrected by "c'était janvier 2023": still a period running since then
        # (the period's words leave out the "depuis" before them, which stays)
        return old.span, words
    whole = slot.when is not None and slot.when.precision != "day"
    if old.kind == slot.kind == "period" and old.when is not None and old.when.kind == "range" and whole:
        # "sur toute l'année 2026" in place of "du 1er janvier au 31 décembre 2026": the year's bounds written as
        # days, the earlier period's preposition replaced ("du 2026" is no French)
        assert slot.when is not None
        at = _preposition_start(earlier, old.span[0])
        return (at, old.span[1]), f"du {format_date_fr(slot.when.start)} au {format_date_fr(slot.when.end)}"
    if old.kind == "period" and slot.when is not None and slot.kind == "date":
        start = _preposition_start(earlier, old.span[0])
        article = ("en " if slot.when.precision != "day" else "le ") if start < old.span[0] else ""
        return (start, old.span[1]), article + words
    return old.span, words


_STOP = {
    "dans",
    "pour",
    "avec",
    "sur",
    "les",
    "des",
    "une",
    "mon",
    "mes",
    "c'est",
    "fait",
    "ans",
    "mois",
    "depuis",
    "dont",
}


def _nearest(earlier: str, before: list[Slot], candidates: list[int], slot: Slot, follow_folded: str) -> list[int]:
    """Of several earlier facts a follow-up's fact may replace, the one whose neighbouring words it
    repeats ("6 mois dans ma caisse" → "depuis 3 ans dans ma caisse", not "10 ans de carrière");
    without a clue, those of the same kind (several: nothing is replaced)."""

    def words(text: str, span: tuple[int, int], stop: int | None = None) -> set[str]:
        # the words right after the fact up to the end of its phrase or the next fact ("8 mois d'ancienneté dans
        # l'organisme" and "depuis 4 ans dans mon organisme" share "organisme"; "10 ans de carrière dont 2 ans ici"
        # gives "ici" to the 2 years alone), each without its elided article and cut to its stem, so that
        # "l'organisme" and "organisme", "caisse" and "caisses" are one word
        end = min(span[1] + 40, stop if stop is not None else len(text))
        after = re.split(r"[,;:?!.]", text[span[1] : end], maxsplit=1)[0]
        around = text[max(0, span[0] - 10) : span[0]] + " " + after
        found = (re.sub(r"^[a-z]{1,2}'", "", w) for w in re.findall(r"[a-z']{3,}", around.lower()))
        return {w[:6] for w in found if len(w) >= 3 and w not in _STOP}

    near = words(follow_folded, slot.span)
    folded = same_length(earlier)

    def next_fact(i: int) -> int | None:
        return min((o.span[0] for o in before if o.span[0] >= before[i].span[1]), default=None)

    scores = [(len(near & words(folded, before[i].span, next_fact(i))), i) for i in candidates]
    best = max(score for score, _ in scores)
    if best > 0:
        return _same_part([i for score, i in scores if score == best], before, folded, slot, follow_folded)
    same = [i for i in candidates if before[i].kind == slot.kind]  # no clue: the fact of the same kind
    return _same_part(same, before, folded, slot, follow_folded)


_PART_OF = re.compile(r"\b(?:dont|y compris|parmi lesquel\w*)\s+(?:\S+\s+){0,2}$")


def _same_part(candidates: list[int], before: list[Slot], folded: str, slot: Slot, follow_folded: str) -> list[int]:
    """Of earlier facts still tied, the one of the same kind, else the one told in the same part of a "whole, dont
    part" pair as the follow-up's: "8 ans de carrière dont 3 ans ici" corrects "30 mois de salariat … dont 6 mois
    dans cette caisse" figure by figure, the whole for the whole and the part for the part (article 5's two
    seniorities: « 5 années passées en qualité de salarié dont 12 mois au sein de l'organisme »)."""
    if len(candidates) < 2 or not re.search(r"\b(?:dont|y compris|parmi lesquel\w*)\b", follow_folded):
        # (only a follow-up telling a whole and its part pairs them: "il me manque juste un mois" tells neither)
        return candidates
    kind = [i for i in candidates if before[i].kind == slot.kind]  # a duration for a duration before a period
    if len(kind) == 1:
        return kind
    candidates = kind or candidates
    part = bool(_PART_OF.search(follow_folded[max(0, slot.span[0] - 30) : slot.span[0]]))
    kept = [
        i
        for i in candidates
        if bool(_PART_OF.search(folded[max(0, before[i].span[0] - 30) : before[i].span[0]])) == part
    ]
    return kept if len(kept) == 1 else candidates


def _recounted(earlier: str, before: list[Slot], used: set[int], slot: Slot) -> tuple[tuple[int, int], str] | None:
    """A count in place of the earlier one: "trois stagiaires" for "deux salariés"; a count without its
    noun ("j'en ai trois") takes the earlier count's noun; "deux autres" is added to it."""
    kinds = (slot.kind,) if slot.kind != "count" else tuple(s.kind for s in before if s.kind.startswith("count:"))
    same = [i for i, s in enumerate(before) if s.kind in kinds and i not in used]
    if len(same) != 1 or slot.value is None:
        return None
    i = same[0]
    old = before[i]
    if (
        slot.kind != "count"
        and not slot.adds
        and slot.value == old.value
        and same_length(slot.text) != same_length(old.text)
    ):
        # "une bénéficiaire du RSA" after "un contrat de pro": the same count of another thing is no
        # change of the count; the follow-up names a circumstance of its own
        return None
    used.add(i)
    if slot.kind != "count" and not slot.adds:
        return old.span, slot.text
    total = slot.value + (old.value or 0) if slot.adds else slot.value
    counted = _COUNTED.match(old.text)
    noun = counted.group("noun") if counted else old.text
    first, _, others = noun.partition(" ")
    if total > 1 and not first.endswith(("s", "x")):
        first += "s"
    number = _COUNT_WORDS.get(total, str(total))
    start = old.span[0]
    if same_length(earlier[max(0, start - 2) : start]) == "d'":  # "d'un alternant" → "de deux alternants"
        start, number = start - 2, f"de {number}"
    return (start, old.span[1]), " ".join(filter(None, (number, first, others)))


def _moved_bound(earlier: str, old: Slot, period: DateSpan, new: DateSpan, bound: str) -> tuple[tuple[int, int], str]:
    start, end = period.start, period.end
    at = _preposition_start(earlier, old.span[0])
    if bound == "start" and period.kind == "since":
        # "depuis le 1er mars" corrected by "elle a commencé le 1er janvier": still running since then, its end
        # (today, or a date given apart: "mission terminée le 31 août") untouched
        return (at, old.span[1]), f"depuis le {format_date_fr(_aligned(new, end, after=False).start)}"
    if bound == "end":
        end = _aligned(new, start, after=True).end
    else:
        start = _aligned(new, end, after=False).start
    return (at, old.span[1]), f"du {format_date_fr(start)} au {format_date_fr(end)}"


def _other_bound(earlier: str, before: list[Slot], used: set[int], bound: str) -> int | None:
    """The one date of `earlier` that bounds a period on the other side ("commence le 1er mars" for
    an end given next), read from the word before it; None when there is not exactly one."""
    folded = same_length(earlier)
    words = _START_WORDS if bound == "end" else _END_WORDS
    found = [
        i
        for i, s in enumerate(before)
        if s.kind == "date" and i not in used and re.search(words, folded[max(0, s.span[0] - 30) : s.span[0]])
    ]
    if len(found) != 1:
        return None
    used.add(found[0])
    return found[0]


def _joined(earlier: str, old: Slot, new: DateSpan, bound: str) -> tuple[tuple[int, int], str]:
    """The earlier date and the new one written as the period they bound ("du 1er mars 2026 au 31
    août 2026"), in place of the earlier date and its article."""
    assert old.when is not None
    if bound == "end":
        start, end = old.when.start, _aligned(new, old.when.start, after=True).end
    else:
        start, end = _aligned(new, old.when.end, after=False).start, old.when.end
    at = old.span[0]
    window = same_length(earlier[max(0, at - 40) : at])
    # the verb that bounded it goes too ("la mission commence le 1er mars" → "la mission du … au …")
    verb = re.search(
        r"(?:\b(?:ca|cela|il|elle) +)?(?:\b(?:qui|a|a ete|est|sera|va|doit) +)?(?:s')?"
        + _BOUND_VERBS
        + r"\w* +(?:(?:le|du|au|en|a partir du|a compter du) +)?$",
        window,
    ) or re.search(r"\b(?:le|du|au|en|a partir du|a compter du) +$", window)
    if verb:
        at -= len(window) - verb.start()
    return (at, old.span[1]), f"du {format_date_fr(start)} au {format_date_fr(end)}"


def _aligned(new: DateSpan, anchor: date, *, after: bool) -> DateSpan:
    """A date written without its year takes the year that puts it after (or before) `anchor`."""
    if not new.year_inferred:
        return new
    for year in (anchor.year, anchor.year + 1) if after else (anchor.year, anchor.year - 1):
        try:
            moved = replace(new, start=new.start.replace(year=year), end=new.end.replace(year=year))
        except ValueError:  # 29 February
            continue
        if (moved.end >= anchor) if after else (moved.start <= anchor):
            return moved
    return new


def _with_year(when: DateSpan, year: int) -> str:
    if when.precision == "day" and when.start == when.end:
        return format_date_fr(when.start.replace(year=year))
    return f"{when.text} {year}"


def _preposition_start(text: str, at: int) -> int:
    """Where the preposition before a period starts ("du", "de", "depuis le"), or `at` if none."""
    m = _PERIOD_PREPOSITION.search(same_length(text[max(0, at - 20) : at]))
    return at - (len(text[max(0, at - 20) : at]) - m.start()) if m else at


# a fact turning into another of its kind: "mon CDD se transforme en CDI", "je passe de CDD à CDI", "il devient CDI"
# a contract, a diploma or a level denied: "n'est pas en", "n'a plus de", "ne sont pas titulaires d'un"
_DENIABLE = frozenset({"contract", "diploma", "level", "work_time"})
_DENIED = re.compile(
    r"\b(?:n'|ne )\S+ (?:pas|plus|jamais)(?: \S+)? (?:en |de |d'|du |un |une |d'un |d'une |le |la |l'|a |au )?$"
)
_TURNS_INTO = re.compile(
    r"^\s*(?:(?:se |va se |vient de se )?(?:transform\w*|convert\w*|change\w*|pass\w*|bascul\w*|devien\w*|"
    r"evolu\w*)\s+)?(?:(?:en|a|vers|pour)\s+)?(?:un |une |le |la |l')?$"
)


def _new_values(slots: list[Slot], follow_folded: str) -> list[Slot]:
    """The follow-up's facts without an old value it names only as what changes into a new one of its kind ("Mon
    CDD se transforme en CDI le mois prochain": the CDI is the fact, the CDD was the earlier one; conversations-2026p
    c26p-30). A change verb, or "de … à / en", must join the two. A situation the message denies ("vu qu'elle n'est
    pas en CDI", "il n'a plus de CAP") is no new value either: the case's own stays (probe-conv27 p27-02)."""
    dropped = {
        n
        for n, slot in enumerate(slots)
        if slot.kind in _DENIABLE and _DENIED.search(follow_folded[max(0, slot.span[0] - 30) : slot.span[0]])
    }
    for n, (old, new) in enumerate(pairwise(slots)):
        if old.kind != new.kind or old.kind.startswith(("count", "grade")) or old.when is not None:
            continue
        between = follow_folded[old.span[1] : new.span[0]]
        verb = re.search(r"\b(?:transform|convert|change|pass|bascul|devien|evolu)", between)
        from_to = re.search(r"\bde\s+(?:mon |ma |son |sa |un |une |l'|le |la )?$", follow_folded[: old.span[0]])
        if _TURNS_INTO.match(between) and (verb or from_to):
            dropped.add(n)
    return [s for n, s in enumerate(slots) if n not in dropped]
