"""A calculation of the previous turn asked again for several people or bodies: "et pour une équipe de six agents ?".

After a figure computed for one case ("Un agent sans le bac a droit à combien d'heures de congé VAE ?", "8 millions
d'euros de salaires bruts : quelle contribution supplémentaire ?", "Je suis tuteur de Malik pendant 4 mois"), a
message that only counts people or bodies ("Et pour une promotion de 12 stagiaires ?", "si on additionne cinq
caisses de la même taille ?", "et si j'en accompagne trois en même temps ?") asks the same calculation for that many.
Appended to the previous question, the count was read by no calculator or lost (a follow-up that restates the
mission's length was merged as a restatement and its count dropped): the answer repeated the one-case figure.

So the count is read from the message (`head_count`: the conversation's own fact slots, plus the bodies that pay the
contribution), and the previous question is asked again with it (`counted_question`). Every calculator it applies to
counts them itself, so each rule's own limits hold: the tutor bonus reads the trainees of one mission ("avec trois
alternants en même temps": art. 4.2's cap of three and art. 4.3's 252 points a year apply), the VAE leave reads a
team ("pour six agents au total": each person's 24 or 48 hours, `calculators.team`), the contribution and the CQP
path's funding read a number of identical units ("pour cinq caisses de la même taille", "pour 12 stagiaires":
`calculators.team.times_count`, the total with its one-unit figure). The figure is never multiplied here, outside
the calculator and its number guard.

Nothing applies when the message states another fact than the count (a new period, a new payroll): that is a
change of case for `fact_merge`, not a head count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.conversation.slots import find_slots
from assistant.routing.extraction.numbers import NUM_WORD, parse_number
from text.folding import same_length


@dataclass(frozen=True)
class Counted:
    """How a calculator takes a head count: the noun of what it counts and the words that say the count to it."""

    noun: str
    told: str
    bodies: bool = False  # what is counted are caisses (the contribution's payers), not people
    total: str = ""  # the words that make it count a one-person case stated with the count ("au total")


# The calculators a head count applies to (by the names of `calculators.registry`).
COUNTED: dict[str, Counted] = {
    "tutor_bonus": Counted("alternants", "avec {said} en même temps"),
    "vae_leave": Counted("agents", "pour {said} au total", total="au total"),
    "supplementary_contribution": Counted("caisses", "pour {said} de la même taille", bodies=True),
    "training_path_hours": Counted("stagiaires", "pour {said}"),
}

# "cinq caisses", "trois organismes comme le nôtre", "quatre Caf": the bodies that each pay a contribution
_BODIES = re.compile(
    rf"(?P<num>\b\d{{1,3}}\b|\b(?:{NUM_WORD})\b) +(?:autres? +)?"
    r"(?:caisses?|organismes?|etablissements?|structures?|caf|cpam|urssaf|carsat|ugecam|entites?)\b"
)
# a question on the rule's limit ("je peux en suivre trois ?", "trois au maximum ?"), not a case counted
_LIMIT = re.compile(r"\b(?:peu[xt]|peuvent|pourrai\w*|puis-je|maximum|max|au plus|limite)\b")


@dataclass(frozen=True)
class HeadCount:
    """A number of people or bodies the message counts, and its words."""

    value: int
    text: str
    bodies: bool

    @property
    def noun(self) -> str | None:
        """The message's own noun of what it counts ("12 stagiaires" → "stagiaires"), None for "j'en ai trois"."""
        words = self.text.split()
        return " ".join(words[1:]) or None


def head_count(message: str, previous: str, today: date) -> HeadCount | None:
    """The one count of people or bodies (two or more) the message states, when every other fact it states is
    already in the previous question ("pendant ces 4 mois" after "pendant 4 mois"); None otherwise."""
    folded = same_length(message).lower()
    if _LIMIT.search(folded):
        return None
    before = same_length(previous).lower()
    counts: list[HeadCount] = []
    for m in _BODIES.finditer(folded):
        counts.append(HeadCount(int(parse_number(m.group("num"))), message[m.start() : m.end()], bodies=True))
    for slot in find_slots(message, today):
        if slot.kind in ("count", "count:trainee") and slot.value is not None and not slot.adds:
            if not any(c.text in slot.text or slot.text in c.text for c in counts):
                counts.append(HeadCount(slot.value, slot.text, bodies=False))
        elif same_length(slot.text).lower() not in before:
            return None  # another fact of the case changes: not a head count
    if len(counts) != 1 or counts[0].value < 2:
        return None
    return counts[0]


def counted_question(previous: str, count: HeadCount, calculator: str | None, today: date) -> str | None:
    """The previous question asked for `count` units in the words `calculator` reads ("…, avec trois alternants en
    même temps ?"); a count of one it already states ("Un agent", "un stagiaire") becomes the new count. None when the
    calculator takes no head count, counts people where the message counts bodies (or the reverse), or when the
    previous question counted more than one already (`fact_merge` puts the new count in its place)."""
    counted = COUNTED.get(calculator or "")
    if counted is None or counted.bodies != count.bodies:
        return None
    said = count.text if count.noun else f"{count.value} {counted.noun}"  # the message's own words, when it has some
    told = counted.told.format(said=said)
    people = [s for s in find_slots(previous, today) if s.kind in ("count", "count:trainee")]
    if any(s.value != 1 for s in people):
        return None  # "tutrice de deux salariés" then "et si j'en avais trois ?": a stated count replaced (fact_merge)
    if not counted.bodies:
        ones = [s for s in people if s.kind == "count:trainee"]
        if len(ones) == 1:  # "Un agent sans le bac" → "6 agents sans le bac", "d'une alternante" → "de 2 alternantes"
            (start, end), words = ones[0].span, ones[0].text.split(" ", 1)[-1]
            start -= 2 if same_length(previous[max(0, start - 2) : start]).lower() == "d'" else 0
            lead = "de " if start < ones[0].span[0] else ""
            said = count.text if count.noun else f"{count.value} {_plural(words)}"
            question = f"{previous[:start]}{lead}{said}{previous[end:]}"
            return f"{question.rstrip(' ?.!')}, {counted.total} ?" if counted.total else question
    return f"{previous.rstrip(' ?.!')}, {told} ?"


def _plural(words: str) -> str:
    """ "agent" → "agents", "alternante" → "alternantes" (the first word, the noun counted)."""
    noun, _, rest = words.partition(" ")
    noun = noun if noun.endswith(("s", "x")) else noun + "s"
    return f"{noun} {rest}".strip()
