"""One part of a thing asked in place of another: "l'écrit c'est quel coeff ?" then "et l'oral ?".

The texts list the parts of some things side by side — the CQP gestionnaire conseil's grading table (tronc commun,
option, épreuve écrite, épreuve orale, applications professionnelles tutorées: « Les épreuves sont les mêmes pour
toutes les options, avec les mêmes coefficients », part V), its path's modules (Pass, Prem'ss, the option: part IX).
After a question on one part, an elliptic message naming another part of the same thing asks the same question of
that part: appended to the earlier question ("l'écrit c'est quel coeff, l'oral ?") it kept the first part, and the
answer led with it (conversations-2026: c26-67). So the part the message names takes the place of its sibling in
the earlier question (`sibling_question`), written as the texts name it ("l'épreuve orale"), so retrieval reads
the texts' own words.

The parts are data (`_GROUPS`): each group is one thing's parts as one passage of the texts lists them, each part
with the words users say it with. A message that names a part of no group, or a question that names none of its
siblings, is left to the other readings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text.folding import same_length


@dataclass(frozen=True)
class Part:
    """One part of a thing: how the texts name it, and the words (folded, lower case) that name it."""

    name: str
    words: tuple[str, ...]


# Each tuple: the parts of one thing, as one passage of the texts lists them side by side.
_GROUPS: tuple[tuple[Part, ...], ...] = (
    # CQP gestionnaire conseil, part V: the grading table (coefficients, eliminating grades, totals)
    (
        Part("le contrôle continu du tronc commun", ("controles? continus? du tronc commun", "tronc commun")),
        Part("le contrôle continu de l'option", ("controles? continus? de l'option", "l'option")),
        Part("l'épreuve écrite", ("epreuve ecrite", "l'ecrit", "ecrit", "etude de cas ecrite")),
        Part(
            "l'épreuve orale",
            ("epreuve orale", "l'oral", "oral", "epreuve devant le jury", "entretien avec le jury"),
        ),
        Part(
            "les applications professionnelles tutorées",
            ("applications? (?:professionnelles? )?tutorees?", "mises? en situation(?: professionnelles?)?"),
        ),
    ),
    # CQP gestionnaire conseil, part IX and the path: its modules (hours of face-to-face teaching, funding)
    (
        Part("Pass", ("pass",)),
        Part("Prem'ss", ("prem'?ss",)),
    ),
)
# an elliptic message: "et l'oral ?", "Et pour l'épreuve écrite ?", "même question pour l'écrit ?", "et Prem'ss, elle ?"
_ELLIPTIC = re.compile(
    r"^(?:et|mais|ok|d'accord|bon)?,? *(?:(?:la )?meme (?:question|chose) )?(?:pour |de |sur |a |concernant |cote )?"
    r"(?P<rest>.{1,60}?)(?:,? *(?:elle|il|lui|alors|donc|du coup|dans ce cas))? *\?$"
)


def sibling_question(message: str, previous: str) -> str | None:
    """The previous question with the part it names replaced by the sibling the elliptic message names ("CQP
    gestionnaire conseil : l'écrit c'est quel coeff ?" + "et l'oral ?" → "… : l'épreuve orale c'est quel coeff ?");
    None when the message is no such ellipsis or the previous question names no sibling of its part."""
    folded = same_length(message).lower().strip()
    m = _ELLIPTIC.match(folded)
    if m is None or len(m.group("rest").split()) > 6:
        return None
    before = same_length(previous).lower()
    for group in _GROUPS:
        named = [p for p in group if _names(p, m.group("rest"))]
        if len(named) != 1:
            continue
        others = [(p, span) for p in group if p != named[0] for span in [_find(p, before)] if span is not None]
        if len(others) != 1:
            return None
        (start, end) = others[0][1]
        return previous[:start] + named[0].name + previous[end:]
    return None


def _names(part: Part, text: str) -> bool:
    """Whether `text` (folded) is the words of `part`, articles aside."""
    body = re.sub(r"^(?:les?|la|l'|aux?|du|des) *", "", text.strip())
    return any(re.fullmatch(rf"(?:l')?(?:{w})", body) for w in part.words)


def _find(part: Part, text: str) -> tuple[int, int] | None:
    """The span of the first words naming `part` in `text` (folded), with its article."""
    for w in part.words:
        found = re.search(rf"(?:\b(?:le|la|les) |\bl')?(?<![a-z])(?:{w})\b", text)
        if found:
            return found.span()
    return None
