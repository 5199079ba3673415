"""A claim to check: the message reports a figure ("il paraît que c'est une demi-journée au plus") and asks
whether it holds ("C'est exact ?", "Elle a raison ?", "Tu peux vérifier ?").

What answers such a message is not only the sentence that repeats the claimed figure (it scores best: it
shares the claim's words) but the sentence of the same passage that states *another* figure of the same
measure: "L'absence peut être portée à 1 journée lorsque …" corrects "jamais plus d'une demi-journée". The
lead keeps the sentence it chose and this one follows it (`composer`), so the rule and its other figure are
both said before any quote.

Both sides are read from form only: the claim is a figure with its unit in a message that asks for a check
(the grammar of checking: "c'est exact / vrai / juste / le cas", "a-t-il raison", "se trompe", "vérifier",
"confirmer", "vrai ou faux"; or a statement reported after a verb of saying: "affirme que", "il paraît
que", "on m'a dit que", "j'ai lu que"); the sentence is any sentence holding a figure of the same measure (a duration
in days, in hours or minutes, in months or years; points; a share; a number of people) with another value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.number_guard import WORD_NUMBERS
from assistant.answering.units import Unit

_I = re.IGNORECASE

# The grammar of asking whether a reported statement holds (never a subject word).
_CHECK = re.compile(
    r"\b(?:c['’]est|est-ce|serait-ce|ce\s+serait)\s+(?:bien\s+|vraiment\s+|donc\s+)?(?:exact|vrai|juste|correct|"
    r"le\s+cas|ça|cela|bon)\b|\bvrai\s+ou\s+faux\b|\b(?:a|ont|avait)-t?-?(?:il|elle|ils|elles|on)\s+raison\b|"
    r"\b(?:se|me|te|nous|vous)\s+tromp\w*|\b(?:vérifier|vérifie[sz]?|confirme[sz]?|confirmer|infirme[sz]?)\b|"
    r"\b(?:exact|vrai|juste|correct|fondé)e?\s*\?|"
    # a statement reported by a verb of saying (the check itself may have been cut off the asked sentence)
    r"\b(?:affirm|prétend|soutien|souti|assur|répèt|racont|dit|dis|disent|paraît|parait|lu|entendu|lis|entends)"
    r"[a-zé]{0,4}\s+(?:que|qu['’])",
    _I,
)

_NUMBER = r"(?:\d+(?:[,.]\d+)?|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
# Each unit noun and the measure it belongs to: a claim in hours is answered by a sentence in minutes, one in
# years by one in months.
_MEASURES = {
    # durations by their scale: a claim in days is corrected by a figure in days, not by a seniority in years
    "days": r"demi-journées?|journées?|jours?",
    "hours": r"heures?|h|minutes?|mn|min",
    "weeks": r"semaines?",
    "months": r"mois|ans|an|années?",
    "points": r"points?",
    "share": r"%|pour\s?cent",
    "people": r"salariés?|personnes?|stagiaires?|bénéficiaires?|alternants?|apprentis?",
    "money": r"euros?|€",
}
_FIGURE = re.compile(
    rf"(?<![\w,])({_NUMBER}(?:[ \u00a0]\d{{3}})*)[ \u00a0]?(?:à\s+{_NUMBER}[ \u00a0]?)?"
    rf"({'|'.join(_MEASURES.values())})(?![\w-])",
    _I,
)
_MEASURE_OF = [(name, re.compile(rf"^(?:{pattern})$", _I)) for name, pattern in _MEASURES.items()]


def figures(text: str) -> set[tuple[str, str, str]]:
    """The figures a text states, as (measure, value, unit): "1 demi-journée" and "une demi-journée" are one."""
    found: set[tuple[str, str, str]] = set()
    for match in _FIGURE.finditer(text.replace("\u2011", "-")):
        number, unit = match.group(1).lower(), match.group(2).lower()
        measure = next((name for name, pattern in _MEASURE_OF if pattern.match(unit)), "")
        value = WORD_NUMBERS.get(number, number.replace(",", ".").replace(" ", "").replace("\u00a0", ""))
        found.add((measure, value, unit[:-1] if unit.endswith("s") and unit != "mois" else unit))
    return found


def claimed_figures(question: str) -> set[tuple[str, str, str]]:
    """The figures of a claim the message asks to check; empty when it asks no check or states no figure."""
    if not _CHECK.search(question):
        return set()
    return figures(question)


def other_figure_unit(
    question: str, lead: Sequence[Unit], candidates: Sequence[tuple[Unit, float]], floor: float
) -> Unit | None:
    """The sentence of the lead's passage stating another figure of the claim's measure, when the lead does not.

    `candidates` are the passage's units with their scores; one scoring under `floor` (a share of the lead's
    own score) is off the claim's subject. The lead already stating such a figure answers alone."""
    claimed = claimed_figures(question)
    if not claimed or not lead:
        return None
    measures = {m for m, _, _ in claimed}
    values = {(v, u) for _, v, u in claimed}

    def corrects(text: str) -> bool:
        return any(m in measures and (v, u) not in values for m, v, u in figures(text))

    if any(corrects(u.text) for u in lead):
        return None
    shown = {u.text for u in lead}
    best = max((s for u, s in candidates if u.text in shown), default=0.0)
    fitting = [
        (s, u)
        for u, s in candidates
        if u.text not in shown and not u.is_header and s > 0 and s >= best * floor and corrects(u.text)
    ]
    return max(fitting, key=lambda pair: pair[0])[1] if fitting else None
