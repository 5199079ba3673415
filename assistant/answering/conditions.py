"""Condition matching: the case a question states, read from the list of cases an article's rule names.

Split out of `assistant.answering.units` (which scores units against a question). A rule followed by a
list of the cases it applies to ("cette durée peut être portée jusqu'à 36 mois pour : – les personnes
âgées de 16 à 25 ans… – les bénéficiaires du revenu de solidarité active…") answers a question stating
one of those cases, rather than the general rule before it. The cases are the article's own list items,
never a list typed by hand; the words that only measure ("plus de deux ans") state no case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answering.splitting import Unit

MAX_LIST_ITEMS = 14  # the items one list introduction brings (`units`, `lead`)

TIME_NOUNS = r"(?:heures?|h|minutes?|min|mn|jours?|journées?|demi-journées?|mois|ans|années?|semaines?)"
NUMBER_WORDS = r"(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|dix-huit|vingt-quatre|trente-six)"


def stated_case(
    units: Sequence[Unit], i: int, weights: dict[str, float], known: set[str], terms: Callable[[str], set[str]]
) -> Unit | None:
    """The item of the list `units[i]` announces whose words state the case the question states.

    "cette durée peut être portée jusqu'à 36 mois pour : – les bénéficiaires du revenu de solidarité
    active…": the items of a list are the cases its introduction's rule applies to. A question stating
    one of them ("pour une bénéficiaire du RSA ?") is answered by that rule, not by the general one before
    it: the introduction is scored with the item's words, those of the question it lacks. Only question
    words that neither the introduction, the sentence before it nor the heading hold count as the case
    (the item must add something the rule itself does not say). The best such item, by weight covered.
    """
    said = terms(units[i].text) | known | (terms(units[i - 1].text) if i > 0 else set())
    said |= {t for t in weights if _QUANTITY.fullmatch(t)}  # "plus de deux ans" measures, it states no case
    best: tuple[float, Unit] | None = None
    j = i + 1
    while j < len(units) and (units[j].in_list or units[j].is_header) and j - i <= MAX_LIST_ITEMS:
        added = sum(w for t, w in weights.items() if t in terms(units[j].text) and t not in said)
        if added > 0 and (best is None or added > best[0]):
            best = (added, units[j])
        j += 1
    return best[1] if best else None


# Words that measure rather than name a case ("plus de deux ans"): never the case a list item states.
_QUANTITY = re.compile(
    rf"\d+|{TIME_NOUNS}|{NUMBER_WORDS}|an|ann\w*|journ\w*|heur\w*|semain\w*|minut\w*|plus|moins", re.IGNORECASE
)
# A list of the cases a rule applies to: "… jusqu'à 36 mois pour :", "dans les cas suivants :", "lorsque … :".
CASES_FOLLOW = re.compile(
    r"(?:\bpour|\bsuivante?s|\bcas)\s*:\s*$|\b(?:lorsque|lorsqu['’]|si|dès\s+lors|à\s+condition|dans\s+les\s+cas)\b",
    re.IGNORECASE,
)
