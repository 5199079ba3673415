"""A total asked over the calculations of the conversation: "ça fait combien en tout pour les deux ?".

A bonus computed for one mission, then for another ("et pour Thomas, du 1er septembre au 30 novembre ?"), then
"en tout" or "pour les deux": the answer is neither the last calculation again nor the last case with the words
appended, but the bonus of all the missions together — computed by the rule once (art. 4.3's cap of 252 points a
calendar year and a tutor, art. 9.3's one bonus per action), not added by hand. The periods are the ones the
earlier calculations ran on (their arguments, kept by the conversation), written out as one question, so the
calculator reads them like any other message.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from assistant.conversation.state import Turn
from assistant.conversation.state import answered as answered_turns
from calculators.dates import format_date_fr
from text.folding import same_length

# the whole asked for: "en tout", "au total", "pour les deux", "cumulé", "additionné", "les deux ensemble"
_TOTAL = re.compile(
    r"\b(?:en tout|au total|en cumul\w*|cumul\w*|additionn\w*|(?:pour|avec|de|sur) (?:les|ces|mes|nos) (?:deux|trois)\b"
    r"|les (?:deux|trois) (?:ensemble|reunie?s|confondue?s))"
)
# a figure asked ("combien", "ça fait", "quel total"): a total of something computed, not a question on the rule
_AMOUNT = re.compile(
    r"\b(?:combien|(?:ca|cela) (?:me |nous )?(?:fait|ferait|donne)|quel(?:le)? (?:total|montant|somme))"
)
# the calculators whose case is a list of dated periods, the list's argument, and how one period is told
_PERIODS = {
    "tutor_bonus": ("missions", "un alternant tutoré", "Prime de tutorat, missions réussies"),
    "trainer_bonus": ("actions", "une action de formation animée", "Prime de formateur interne à titre accessoire"),
}


def asks_total(message: str) -> bool:
    """The message asks the whole of what was computed ("ça fait combien en tout pour les deux ?")."""
    folded = same_length(message).lower()
    return bool(_TOTAL.search(folded) and _AMOUNT.search(folded))


def total_question(turns: Sequence[Turn]) -> str | None:
    """The question computing together the periods of the last calculations by the same bonus calculator (two at
    least, back to the first turn of another calculator); None when there are not two different ones."""
    answered = answered_turns(turns)
    if not answered or answered[-1].calculator not in _PERIODS:
        return None
    name = answered[-1].calculator
    key, told, head = _PERIODS[name]
    periods: list[dict[str, object]] = []
    for turn in reversed(answered):
        if turn.calculator != name:
            break
        for period in reversed(list(turn.arguments.get(key) or [])):
            if isinstance(period, dict) and period not in periods:
                periods.insert(0, period)
    if len(periods) < 2:
        return None
    parts = [_told(period, told) for period in periods]
    if any(part is None for part in parts):
        return None
    listed = ", ".join(p for p in parts[:-1] if p) + f" et {parts[-1]}"
    return f"{head} : {listed}. Combien de points en tout ?"


def _told(period: dict[str, object], told: str) -> str | None:
    """One period as the message would tell it ("un alternant tutoré du 1er février 2026 au 30 juin 2026")."""
    try:
        start, end = (_day(period["start"]), _day(period["end"]))
    except (KeyError, ValueError):
        return None
    trainees = period.get("trainees")
    what = f"{trainees} alternants tutorés" if isinstance(trainees, int) and trainees > 1 else told
    return f"{what} du {format_date_fr(start)} au {format_date_fr(end)}"


def _day(value: object) -> date:
    """A period's bound as the calculation's arguments hold it (a date, or its ISO string)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))
