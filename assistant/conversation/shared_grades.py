"""One exam's grade changed when the earlier message gave one grade for several exams.

"10/20 en TC, en option, à l'écrit, à l'oral et aux APT : c'est suffisant ?" then "et avec 7 à
l'oral au lieu de 10 ?": the earlier message holds no grade of the oral's own to replace (its 10 is
shared by the list), so the oral is taken out of the list and its new grade written after it —
"10/20 en TC, en option, à l'écrit et aux APT, 7 à l'oral" — which the grade reader reads as the
user means it. The exams are the grade reader's own labels (`routing.extraction.grades.GRADE_LABELS`).
"""

from __future__ import annotations

import re

from assistant.routing.extraction.grades import GRADE_LABELS
from text.folding import same_length

_LABELS = {key: re.compile(rf"\b{label}\b") for key, label in GRADE_LABELS.items()}
# the words in front of an exam's name in a list ("à l'écrit", "aux APT", "en option", ", et")
_IN_FRONT = re.compile(r"(?:\s*(?:,|\bet\b))?\s*(?:\b(?:a|en|pour|dans) +)?(?:\b(?:la|le|les|l') *|\b(?:au|aux) +)?$")
_GAP = re.compile(r"^(?:\s*(?:,|\bet\b)\s*(?:\b(?:a|en|pour|dans) +)?(?:\b(?:la|le|les|l') *|\b(?:au|aux) +)?)$")


def out_of_shared_list(earlier: str, exam: str, new_grade: str) -> tuple[tuple[int, int], str] | None:
    """The span of `earlier` from `exam`'s mention to the end of the clause of the list it is in, and the
    words that replace it: the clause without the exam, then `new_grade` ("7 à l'oral"); None when `exam`
    is not named in a list of exams."""
    folded = same_length(earlier)
    label = _LABELS.get(exam)
    mention = label.search(folded) if label else None
    if mention is None:
        return None
    mentions = sorted((m.start(), m.end()) for pattern in _LABELS.values() for m in pattern.finditer(folded))
    chain = [mention.span()]
    for start, end in mentions:  # the exams that follow it in the same list (only list words between)
        if start >= chain[-1][1] and _GAP.match(folded[chain[-1][1] : start]):
            chain.append((start, end))
    earlier_list = [s for s in mentions if s[1] <= mention.start() and _GAP.match(folded[s[1] : mention.start()])]
    if not earlier_list and len(chain) == 1:
        return None  # the exam alone: no list shares its grade
    front = _IN_FRONT.search(folded[: mention.start()])
    start = front.start() if front else mention.start()
    end = chain[-1][1]
    rest = earlier[mention.end() : end]
    if not earlier_list:  # the first of the list: what follows it loses its joining word, its own words go
        rest = re.sub(r"^\s*(?:,|\bet\b)\s*", " ", rest)
        start = _front_only(folded, mention.start())
    # the new grade goes after the list's clause, past a grade written after the list ("écrit et APT à 13")
    clause = re.search(r"\s*[,;:.?!]", folded[end:])
    stop = end + clause.start() if clause else len(earlier)
    return (start, stop), f"{rest}{earlier[end:stop]}, {new_grade}"


def _front_only(folded: str, at: int) -> int:
    """Where the preposition and article in front of the mention at `at` begin (the list's own words kept)."""
    m = re.search(r"(?:\b(?:a|en|pour|dans) +)?(?:\b(?:la|le|les|l') *|\b(?:au|aux) +)?$", folded[:at])
    return m.start() if m else at


_GRADE_FIRST = re.compile(r"^\d{1,2}(?:[,.]\d{1,2})?(?: */ *20| sur 20)?")
_LIST_GAP = re.compile(r"^\s*(?:,\s*et|,|\bet\b)\s*")


def keep_for_the_others(earlier: str, span: tuple[int, int], words: str) -> tuple[tuple[int, int], str]:
    """A grade given before a list of exams ("12 à l'écrit, à l'oral et en option") changed for the first
    exam only ("5 à l'écrit"): the others keep the old grade, written again in front of them — "5 à
    l'écrit, 12 à l'oral et en option" — instead of inheriting the new one."""
    folded = same_length(earlier)
    old = _GRADE_FIRST.match(folded[span[0] : span[1]])
    gap = _LIST_GAP.match(folded[span[1] :])
    if old is None or gap is None:
        return span, words
    rest = folded[span[1] + gap.end() :]
    front = re.match(r"(?:\b(?:a|en|pour|dans|au|aux) +)?(?:\b(?:la|le|les|l') *)?", rest)
    after = rest[front.end() if front else 0 :]
    if not any(re.match(rf"{label}\b", after) for label in GRADE_LABELS.values()):
        return span, words  # the next words are no exam: the grade was the first exam's own
    return (span[0], span[1] + gap.end()), f"{words}, {earlier[span[0] : span[0] + old.end()]} "
