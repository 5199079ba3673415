"""A rule of the leading sentence applied to the user's own figure, where no calculator does it (issue #13 p. 1).

Why: "Pro-A pour une salariée peu qualifiée sur une action de 900 h : jusqu'à combien d'heures de formation ?"
was answered by art. 2.5's sentence « Cette durée peut être portée jusqu'à 70 % du total de la durée de
l'action … » and left the user to compute 70 % of 900 h. When the sentence that leads states a ratio or a
rate in its drafting formula — "N % du total de la durée", "au moins égale à N % de la durée … sans être
inférieure à M heures", "N points par mois" — and the question gives exactly one figure of the quantity that
ratio applies to (hours for a share of a length, months for a rate per month), the operation is done here,
deterministically, and shown with its operands. No model writes a number: every figure of the line is the
user's, the text's, or their product (`number_guard` then checks the line against exactly those).

Only the forms read off the texts' own drafting are applied; a question with several figures of that unit
(two actions, three periods) is left to the calculators, which know how to split them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answering.number_guard import guard_numbers

_NUMBER = r"(\d+(?:[,.]\d+)?)"
# "jusqu'à 70 % du total de la durée de l'action", "excéder 70 % de la durée totale", "au moins égale à 15 % de la
# durée de la certification": a share of a length.
_SHARE_OF_LENGTH = re.compile(
    rf"(?P<bound>jusqu['’]\s*à|excéder|au\s+plus|au\s+moins\s+égale?\s+à|au\s+moins|au\s+minimum)?\s*{_NUMBER}\s?%\s+"
    r"(?:du\s+total\s+de\s+la\s+|de\s+la\s+|du\s+)?durée",
    re.IGNORECASE,
)
# "sans être inférieure à 150 heures": a floor under that share.
_FLOOR = re.compile(rf"sans\s+(?:être|pouvoir\s+être)\s+inférieure?\s+à\s+{_NUMBER}\s*heures", re.IGNORECASE)
# "7 points par mois": a rate per unit of time.
_RATE = re.compile(rf"{_NUMBER}\s+(points?|euros?|€)\s+par\s+(mois|heure)\b", re.IGNORECASE)
_ASKS_MOST = re.compile(r"\b(?:jusqu['’]\s*(?:à|a)|au\s+(?:plus|maximum)|maxim\w*|monter|plafond)", re.IGNORECASE)
_ASKS_LEAST = re.compile(r"\b(?:au\s+(?:moins|minimum)|minim\w*|plancher)", re.IGNORECASE)


def _at_least(share: re.Match[str]) -> bool:
    return (share.group("bound") or "").lower().startswith(("au moins", "au minimum"))


# The user's figure, thousands written apart or not ("1 200 h", "900 heures", "5 mois").
_FIGURE = r"(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:[,.]\d+)?)"
_HOURS = re.compile(rf"(?<![\d,.]){_FIGURE}\s*(?:h|heures?)\b", re.IGNORECASE)
_MONTHS = re.compile(rf"(?<![\d,.]){_FIGURE}\s*mois\b", re.IGNORECASE)
_ASKS_AMOUNT = re.compile(
    r"\b(?:combien|quel(?:le)?\s+(?:durée|montant|volume|nombre)|jusqu['’]\s*où|au\s+(?:plus|maximum|moins|minimum)|"
    r"chiffr\w*|calcul\w*|maximum|minimum|plafond|plancher)\b",  # "un exemple chiffré", "calcule-moi", "plafond ?"
    re.IGNORECASE,
)
# "chaque tuteur accompagne, au maximum, 3 salariés": a cap of things per unit (art. 4.2), applied to a count.
_CAP_PER_UNIT = re.compile(
    r"\bchaque\s+(?P<unit>\w+)\s+\w+,?\s+(?:au\s+maximum|au\s+plus),?\s+(?P<cap>\d+)\s+(?P<things>\w+)", re.IGNORECASE
)
# A length in months written in words: "six mois", "une année (civile) entière", "un an" (12 months).
_NUMBER_WORDS = {
    "un": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
}
_MONTHS_IN_WORDS = re.compile(rf"\b({'|'.join(_NUMBER_WORDS)})\s+mois\b", re.IGNORECASE)
# A count of people or things: "100 alternants", "dix salariés" (the noun after the figure is kept to tell the unit).
# "un tuteur" is the article of a noun, not a count of one.
_COUNT = re.compile(
    rf"(?<![\d,.])(\d+|\b(?:{'|'.join(w for w in _NUMBER_WORDS if w != 'un')})\b)\s+(\w+)", re.IGNORECASE
)
_ONE_YEAR = re.compile(r"\b(?:une\s+année(?:\s+civile)?(?:\s+(?:entière|complète|pleine))?|un\s+an)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Applied:
    """The operation done on the user's figure: what is shown, and the figures it may contain."""

    operation: str  # "70 % × 900 heures = 630 heures"
    bound: str  # "au plus", "au moins" or ""


def _value(text: str) -> float:
    return float(re.sub(r"[ \u00a0\u202f]", "", text).replace(",", "."))


def _shown(value: float) -> str:
    """French writing: "1 200", "7,5"."""
    whole, _, decimals = f"{value:.2f}".rstrip("0").rstrip(".").partition(".")
    grouped = f"{int(whole):,}".replace(",", " ")
    return f"{grouped},{decimals}" if decimals else grouped


def _one(pattern: re.Pattern[str], question: str, sentence: str) -> float | None:
    """The question's one figure of that unit, when it is not the sentence's own (a figure quoted from the text)."""
    found = _one_ranged(pattern, question, sentence)
    return None if found is None else found[1]


# "entre 1 000 et", "de 4 à", "4 à", "4-": the lower end of a range written before the unit's figure
_RANGE_BEFORE = re.compile(rf"(?:\bentre\s+{_FIGURE}\s+et|(?<![\d,.]){_FIGURE}\s*(?:\bà|-))\s*$", re.IGNORECASE)


def _one_ranged(pattern: re.Pattern[str], question: str, sentence: str) -> tuple[float | None, float] | None:
    """The question's one figure of that unit and, when it is a range's upper end ("entre 1 000 et 1 400 heures",
    "de 4 à 6 mois"), the range's lower end; None without exactly one figure of the user's own."""
    own = {m.group(1) for m in pattern.finditer(sentence)}
    matches = [m for m in pattern.finditer(question) if m.group(1) not in own]
    if len({m.group(1) for m in matches}) != 1:
        return None
    match = matches[0]
    ranged = _RANGE_BEFORE.search(question[max(0, match.start() - 30) : match.start()])
    high = _value(match.group(1))
    low = _value(ranged.group(1) or ranged.group(2)) if ranged else None
    return (low if low is not None and 0 < low < high else None), high


def _ends(low: float | None, high: float) -> str:
    """A figure or a range's two ends: "1 400", "1 000 à 1 400"."""
    return _shown(high) if low is None else f"{_shown(low)} à {_shown(high)}"


def apply_rule(question: str, sentences: Sequence[str], *, caps_only: bool = False) -> Applied | None:
    """The leading sentences' ratio or rate applied to the question's one figure of its unit, or None.

    `caps_only`: the sentences are the rest of the lead's passage, not the lead; only a cap per unit is applied
    there, which names the noun counted ("combien de tuteurs"). A share or a rate elsewhere in the passage may be
    another action's ("120 h" claimed for one module is no total that a 70 % of another row applies to)."""
    text = " ".join(sentences)
    if not _ASKS_AMOUNT.search(question):
        return _cap_checked(question, text)  # "5 tuteurs pour 14 alternants : la règle est-elle respectée ?"
    if caps_only and _CHECK_ASKED.search(question):
        checked = _cap_checked(question, text)
        if checked is not None:
            return checked
    if caps_only:
        return _capped_count(question, text)
    shares = list(_SHARE_OF_LENGTH.finditer(text))
    if len(shares) > 1:  # "au moins 15 % … Cette durée peut être portée jusqu'à 70 %": the bound the question asks
        wanted = _ASKS_MOST.search(question) is not None, _ASKS_LEAST.search(question) is not None
        if wanted[0] == wanted[1]:
            return None
        shares = [m for m in shares if _at_least(m) == wanted[1]][:1]
    if shares:
        share = shares[0]
        found = _one_ranged(_HOURS, question, text)
        if found is None:
            return None
        low, hours = found  # a range of hours ("entre 1 000 et 1 400 h"): the share of each end
        percent = _value(share.group(2))
        result = percent * hours / 100
        low_result = None if low is None else percent * low / 100
        at_least = _at_least(share)
        operation = f"{_shown(percent)} % × {_ends(low, hours)} heures = {_ends(low_result, result)} heures"
        floor = _FLOOR.search(text[share.end() : share.end() + 120]) if at_least else None
        lowest = result if low_result is None else low_result
        if floor is not None and _value(floor.group(1)) > lowest:  # the floor lifts the result, or the range's bottom
            least = _value(floor.group(1))
            top, bottom = max(result, least), None if low_result is None else max(low_result, least)
            below = "moins que le plancher" if result < least else "le bas sous le plancher"
            lifted = _ends(bottom if bottom != top else None, top)
            operation += f", {below} de {floor.group(1)} heures : {lifted} heures"
        return Applied(operation, "au moins" if at_least else ("au plus" if share.group("bound") else ""))
    capped = _capped_count(question, text) or _cap_checked(question, text)
    if capped is not None:
        return capped
    rate = _RATE.search(text)
    if rate is not None and rate.group(3).lower() == "mois":
        found_months = _one_ranged(_MONTHS, question, text)
        low_months, months = found_months if found_months is not None else (None, None)
        if months is None and not _MONTHS.search(question):
            worded = [_NUMBER_WORDS[m.group(1).lower()] for m in _MONTHS_IN_WORDS.finditer(question)]
            worded += [12 for _ in _ONE_YEAR.finditer(question)]
            months = float(worded[0]) if len(worded) == 1 else None
        if months is None or months != int(months):
            return None
        per, unit = _value(rate.group(1)), rate.group(2).lower()
        unit = "points" if unit.startswith("point") else "€"
        result = per * months
        low_result = None if low_months is None or low_months != int(low_months) else per * low_months
        low_months = None if low_result is None else low_months  # "de 4 à 6 mois": the rate applied to each end
        operation = f"{_shown(per)} {unit} × {_ends(low_months, months)} mois = {_ends(low_result, result)} {unit}"
        return Applied(operation, "")
    return None


def _capped_count(question: str, text: str) -> Applied | None:
    """A cap of things per unit ("chaque tuteur accompagne, au maximum, 3 salariés") applied to the question's one
    count: "combien de tuteurs" for N people is N ÷ 3 rounded up (a fourth person needs a second tutor), "combien
    de salariés" for T tutors is T × 3. A figure equal to the cap is the user restating the text's, not a count."""
    cap_match = _CAP_PER_UNIT.search(text)
    if cap_match is None:
        return None
    unit, cap = cap_match.group("unit").lower(), int(cap_match.group("cap"))
    asked = re.search(r"\b(?:combien|nombre)\b[^?.!]{0,25}?\bd(?:e\s+|['’])(\w+)", question, re.IGNORECASE)
    if asked is None:
        return None
    asks_units = _same_noun(asked.group(1), unit)
    counts = {
        _count_value(m.group(1))
        for m in _COUNT.finditer(question)
        if _same_noun(m.group(2), unit) is not asks_units and m.start() != asked.start()
    } - {cap}
    if len(counts) != 1:
        return None
    count = counts.pop()
    if count < 1:
        return None
    if asks_units:
        needed = -(-count // cap)
        ratio = _shown(count / cap) if count % cap else str(count // cap)
        rounded = f", arrondi à l'entier supérieur : {needed}" if count % cap else ""
        return Applied(f"{count} ÷ {cap} = {ratio}{rounded} {unit}s", "au moins")
    things = cap_match.group("things").lower()
    return Applied(f"{count} {unit}s × {cap} {things} = {count * cap} {things}", "au plus")


# A yes/no on whether the counts meet the cap: "peut-elle respecter la règle ?", "est-ce suffisant ?", "ça passe ?"
_CHECK_ASKED = re.compile(
    r"\b(?:respect\w*|suffi\w*|assez|conforme\w*|possible|en r[eè]gle|dans les clous|ça passe|ca passe|"
    r"tenir|tient|couvr\w*|OK)\b",
    re.IGNORECASE,
)


def _cap_checked(question: str, text: str) -> Applied | None:
    """A cap of things per unit checked against the question's two counts, one of units and one of the things they
    take ("5 tuteurs désignés et 14 alternants : la répartition peut-elle respecter la règle ?"): the units can take
    units × cap at most (5 × 3 = 15), which the other count meets or exceeds. Only a yes/no on that fit is
    answered; each count must be said once, and a figure equal to the cap is the text's restated."""
    cap_match = _CAP_PER_UNIT.search(text)
    if cap_match is None or "?" not in question or not _CHECK_ASKED.search(question):
        return None
    unit, cap = cap_match.group("unit").lower(), int(cap_match.group("cap"))
    counted = [(_count_value(m.group(1)), m.group(2).lower()) for m in _COUNT.finditer(question)]
    units = {n for n, noun in counted if _same_noun(noun, unit)}
    others = {n for n, noun in counted if not _same_noun(noun, unit) and _PEOPLE.search(noun)} - {cap}
    if len(units) != 1 or len(others) != 1:
        return None
    count, people = units.pop(), others.pop()
    if count < 1 or people < 1:
        return None
    most = count * cap
    things = cap_match.group("things").lower()
    fits = "la règle est respectée" if people <= most else f"la règle n'est pas respectée, il faut {-(-people // cap)}"
    fits += "" if people <= most else f" {unit}s au moins"
    return Applied(f"{count} {unit}s × {cap} {things} = {most} {things} au plus, pour {people} : {fits}", "")


# the nouns of a count of people that a cap per person applies to
_PEOPLE = re.compile(
    r"^(?:alternants?|salari[eé]s?|apprentis?|stagiaires?|b[eé]n[eé]ficiaires?|agents?|personnes?|contrats?|"
    r"[eé]l[eè]ves?|nouveaux|nouvelles|recrues?|arrivants?|tutor[eé]s?|accompagn[eé]s?|collaborat\w+|employ[eé]s?)$",
    re.IGNORECASE,
)


def _same_noun(word: str, noun: str) -> bool:
    """The noun or its plural ("tuteurs" for "tuteur")."""
    return word.lower().rstrip("sx") == noun.rstrip("sx")


def _count_value(text: str) -> int:
    return _NUMBER_WORDS.get(text.lower()) or int(text)


def applied_line(question: str, sentences: Sequence[str], number: int, line: str, *, caps_only: bool = False) -> str:
    """The line showing the operation (written by `line`, the wording's), or "" when no rule applies or a figure
    of it is neither the user's, the text's nor the result (the number guard, given exactly those)."""
    applied = apply_rule(question, sentences, caps_only=caps_only)
    if applied is None:
        return ""
    shown = line.format(bound=f" ({applied.bound})" if applied.bound else "", operation=applied.operation, n=number)
    allowed = [question, *sentences, applied.operation]
    return "" if guard_numbers(shown, allowed).changed else shown
