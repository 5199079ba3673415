"""Numbers written in words, rewritten in digits: "deux mille vingt-sept" → "2027", "le premier mars" → "le 1er mars".

Every reader (dates, durations, grades, counts, amounts) looks for digits; a user who writes "dix-huit
mois", "quinze janvier deux mille vingt-sept" or "un an et trois mois" says the same thing. Rather than
teach each reader a list of words, the text the calculator readers work on is rewritten once, by a
small grammar of French cardinal numbers (units, tens with "et un" and the 70/80/90 forms, "cent",
"mille", "million", "milliard"), so any number is read, whatever its wording: "trente et un millions quatre
cent mille euros" is 31 400 000 €, never 31 000 000 € (a payroll the contribution is computed on). A scale
followed by "et demi" takes its half ("deux millions et demi" → 2500000), and a round figure counted by its
collective noun ("une quinzaine de millions", "une dizaine de jours") is that figure.

Words that are also ordinary words are rewritten only where they count something: "un"/"une" only
before a unit ("un an", "une semaine", "un million d'euros"), "neuf" (new) only before a unit or a
grade's wording ("neuf sur 20", "neuf à l'écrit") or in a list of numbers ("TC neuf, option huit"),
"cent" never after "pour" ("cinquante pour cent" keeps its meaning as a rate: "50 pour cent"), "premier"
only before a month.
"""

from __future__ import annotations

import re

# fmt: off
_SMALL: dict[str, int] = {
    "zero": 0, "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16,
}
_TENS: dict[str, int] = {
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "quatre-vingt": 80, "quatre-vingts": 80, "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
}
# fmt: on
_SCALES: dict[str, int] = {"million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9}
# "une quinzaine de jours", "une dizaine de millions": the collective nouns of round figures
_ROUND: dict[str, int] = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "centaine": 100,
}
_WORDS = sorted([*_SMALL, *_TENS, "cent", "cents", "mille", *_SCALES], key=len, reverse=True)
_WORD = rf"(?:{'|'.join(re.escape(w) for w in _WORDS)})"
_JOIN = r"(?:-et-|-| et | )"
# A run of number words; "pour cent" is a rate's wording, not a number.
_NOT_A_RATE = r"(?!(?<=pour )cents?\b)"
_RUN = re.compile(rf"(?<![\w-]){_NOT_A_RATE}{_WORD}(?:{_JOIN}{_NOT_A_RATE}{_WORD})*(?![\w-])", re.IGNORECASE)
_UNITS_AFTER = (
    r"(?:ans?|annees?|années?|mois|semaines?|jours?|heures?|h\b|trimestres?|semestres?|"
    r"demi-journees?|demi-journées?|millions?|milliards?|"
    r"sur (?:20|vingt)|/ ?20|a l'|à l'|a la|à la|au |aux |en (?:tc|tronc|option|oral|ecrit|écrit)|partout)"
)
_AMBIGUOUS = {"un", "une", "neuf"}
_MONTHS = (
    r"(?:janvier|fevrier|février|mars|avril|mai|juin|juillet|aout|août|septembre|octobre|novembre|"
    r"decembre|décembre)"
)
# After a word: a comma, up to two words, then a number (digits or a number word other than un/une/neuf).
_LISTED = re.compile(rf"\s*,\s*(?:[^\W\d][\w'’]*\s+){{0,2}}(?:\d|(?!(?:un|une|neuf)\b){_WORD}\b)", re.IGNORECASE)
_LISTED_BEFORE = re.compile(
    rf"(?:\d|\b(?!(?:un|une|neuf)\b){_WORD})\s*,\s*(?:[^\W\d][\w'’]*\s+){{0,2}}$", re.IGNORECASE
)
_FIRST = re.compile(rf"\b(?:premier|1ere|1ère)(?= {_MONTHS}\b)", re.IGNORECASE)
# "une quinzaine de millions d'euros" → "15 millions d'euros"; "quelques dizaines" is no figure. An adjective saying
# "at least" ("une bonne quinzaine d'années", "une grosse vingtaine", "une longue dizaine") keeps the round figure,
# a lower bound the rules can decide on; "une petite dizaine" (fewer) is left in words, so it is asked about.
_ROUND_FIGURE = re.compile(
    rf"\b(?:une|la) (?:(?:bonne|grosse|belle|large|longue) )?({'|'.join(_ROUND)})s? (?:de |d'|d’)",
    re.IGNORECASE,
)
# "deux millions et demi": the half of the scale just said
_HALF_AFTER = re.compile(r"^ et demie?\b", re.IGNORECASE)


def _values(words: list[str]) -> list[tuple[int, int, int]]:
    """Read `words` greedily into numbers: (first word index, last word index + 1, value) each.

    A word that cannot continue the number in hand ("deux trois", a unit after a unit) starts a new one,
    so "deux ou trois" never becomes 5. `big` holds the millions and milliards said, `total` the thousands,
    `current` what is below a thousand.
    """
    found: list[tuple[int, int, int]] = []
    start, big, total, current = 0, 0, 0, 0
    for i, word in enumerate(words):
        w = word.lower()
        lower = current % 100
        if w in _SMALL:
            v = _SMALL[w]
            fits = (
                (lower == 0 and (current == 0 or v > 0))
                or (
                    lower in (20, 30, 40, 50, 60, 70, 80, 90) and (1 <= v <= 9 or (lower in (60, 80) and 10 <= v <= 19))
                )
                or (lower in (10, 70, 90) and 7 <= v <= 9)
            )  # dix-sept, soixante-dix-huit, quatre-vingt-dix-neuf
            if i > start and not fits:
                found.append((start, i, big + total + current))
                start, big, total, current = i, 0, 0, 0
            current += v
        elif w in _TENS:
            if i > start and (lower != 0 or (current == 0 and total == 0 and big == 0 and i > start)):
                found.append((start, i, big + total + current))
                start, big, total, current = i, 0, 0, 0
            current += _TENS[w]
        elif w in ("cent", "cents"):
            if i > start and current >= 10:
                found.append((start, i, big + total + current))
                start, big, total, current = i, 0, 0, 0
            current = max(current, 1) * 100
        elif w in _SCALES:
            scale = _SCALES[w]
            # "deux millions trois millions" or "un million un milliard": a scale after a smaller one is a new number
            if i > start and big and big % (scale * 1000) != 0 and big < scale * 1000:
                found.append((start, i, big + total + current))
                start, big, total, current = i, 0, 0, 0
            big += max(total + current, 1) * scale
            total, current = 0, 0
        else:  # mille
            if i > start and (total or current >= 1000):
                found.append((start, i, big + total + current))
                start, big, total, current = i, 0, 0, 0
            total, current = max(current, 1) * 1000, 0
    found.append((start, len(words), big + total + current))
    return found


def _after_digits(text: str, run_start: int, index: int) -> bool:
    """Whether the run's word at `index` is its first and follows a figure in digits ("1,2 million")."""
    return index == 0 and re.search(r"\d\s*$", text[:run_start]) is not None


def spell_digits(text: str, *, small: bool = True) -> str:
    """`text` with its numbers written in words rewritten in digits (see the module's docstring).

    "dix-huit mois" → "18 mois", "deux mille vingt-sept" → "2027", "soixante-quinze" → "75",
    "quatre-vingt-dix" → "90", "un an et trois mois" → "1 an et 3 mois", "le premier mars" → "le 1er mars";
    "un contrat" and "un salarié neuf" are left as they are. `small=False` leaves a number of one word up
    to sixteen ("une demi-journée", "plus de deux ans") and rewrites the others ("cinquante", "deux mille
    dix-neuf"): for the text that is searched, as the texts write small numbers in words and the others in
    digits.
    """
    text = _FIRST.sub("1er", text)
    text = _ROUND_FIGURE.sub(lambda m: f"{_ROUND[m.group(1).lower()]} ", text)
    out: list[str] = []
    last = 0
    for m in _RUN.finditer(text):
        pieces = re.split(rf"({_JOIN})", m.group(0))
        words, joins = pieces[0::2], pieces[1::2]
        # "quatre-vingt" is one word: glue it back before reading
        merged, seps = [words[0]], [""]
        for word, join in zip(words[1:], joins, strict=True):
            if merged[-1].lower() == "quatre" and word.lower() in ("vingt", "vingts") and join == "-":
                merged[-1] = f"{merged[-1]}-{word}"
            else:
                merged.append(word)
                seps.append(join)
        rebuilt = ""
        for a, b, value in _values(merged):
            after = text[m.end() :] if b == len(merged) else seps[b] + merged[b]
            ambiguous = b - a == 1 and merged[a].lower() in _AMBIGUOUS
            kept = ambiguous and not re.match(rf" ?{_UNITS_AFTER}", after, re.IGNORECASE)
            # "TC neuf, option huit, écrit onze": "neuf" in a list of numbers counts like its neighbours
            listed = _LISTED.match(text[m.end() :]) is not None or _LISTED_BEFORE.search(text[: m.start()]) is not None
            kept = kept and not (merged[a].lower() == "neuf" and listed)
            # "le 1er sept. 2024", "sept 2024": the month's short form, not seven
            month = merged[a].lower() == "sept" and b - a == 1 and re.match(r"\.|\s+\d{4}\b", after) is not None
            article = not small and b - a == 1 and merged[a].lower() in _SMALL
            # "1,2 million", "15 mille": a scale after digits multiplies them, read by the amount readers
            scale_alone = b - a == 1 and merged[a].lower() in (*_SCALES, "mille") and _after_digits(text, m.start(), a)
            kept = kept or month or article or scale_alone
            rebuilt += seps[a] + (merged[a] if kept else str(value))
        out.append(text[last : m.start()])
        last = m.end()
        half = _HALF_AFTER.match(text[m.end() :])
        if half and merged[-1].lower() in (*_SCALES, "mille") and rebuilt.strip().isdigit():
            rebuilt = rebuilt.replace(rebuilt.strip(), str(int(rebuilt.strip()) + _values(merged[-1:])[0][2] // 2))
            last = m.end() + half.end()
        out.append(rebuilt)
    out.append(text[last:])
    return "".join(out)
