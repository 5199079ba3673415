"""One part of a thing asked in place of another: "l'écrit c'est quel coeff ?" then "et l'oral ?".

The texts list the parts of some things side by side — the CQP gestionnaire conseil's grading table (tronc commun,
option, épreuve écrite, épreuve orale, applications professionnelles tutorées: « Les épreuves sont les mêmes pour
toutes les options, avec les mêmes coefficients », part V), its path's modules (Pass, Prem'ss, the option: part IX).
After a question on one part, an elliptic message naming another part of the same thing asks the same question of
that part: appended to the earlier question ("l'écrit c'est quel coeff, l'oral ?") it kept the first part, and the
answer led with it (conversations-2026: c26-67). So the part the message names takes the place of its sibling in
the earlier question (`sibling_question`), written as the texts name it ("l'épreuve orale"), so retrieval reads
the texts' own words.

The ellipsis may end by asking whether it is the same ("et pour l'épreuve orale, c'est le même seuil ?", "et pour
l'écrit, c'est pareil ?"): that tail asks the earlier question's attribute again, so it is read as the ellipsis alone
(conversations-2026s: c26s-09).

A part named in the previous question is also what a third-person pronoun or possessive of the next message speaks
of when that message asks what such a part has (`part_question`): "Je passe l'oral du CQP gestionnaire conseil : qui
l'organise ?" then "Elle dure combien de temps, et quel est son coefficient ?" asks of the oral, not of the CQP
(conversations-2026r: c26r-09). What a part has is the texts' own columns for it (note, coefficient, note
éliminatoire, total, objectif, déroulement; hours of face-to-face teaching for the modules): a pronoun asking
anything else ("il est de quel niveau ?") still speaks of the thing itself.

The parts are data (`_WHOLES`): each thing with its parts as one passage of the texts lists them, each part with
the words users say it with. A message that names a part of no group, or a question that names none of its
siblings, is left to the other readings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.conversation.restate import capitalised
from text.folding import same_length


@dataclass(frozen=True)
class Part:
    """One part of a thing: how the texts name it, and the words (folded, lower case) that name it."""

    name: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Whole:
    """A thing and its parts, as one passage of the texts lists them side by side: its name as the texts write it,
    the words (folded) a question names it with, what each of its parts has (folded patterns: the columns of the
    passage that lists them), and the parts."""

    name: str
    words: str
    has: str
    parts: tuple[Part, ...]


_WHOLES: tuple[Whole, ...] = (
    # part V's tables: « Note/ », « Coefficient », « Note éliminatoire », « Total/200 », « Objectif de l'épreuve »,
    # « Déroulement » (« Organisée par les CRFP, 40 à 45 mn »)
    Whole(
        "du CQP gestionnaire conseil",
        r"gestionnaire conseil|cqp gc",
        r"coeff?(?:icient)?s?|note|eliminatoire|points?|sur (?:20|200)|total|objectif|deroul\w*|dure\w*"
        r"|combien de temps|minutes?|organisee?s?|organisent|evalu\w*|jury|porte sur",
        # the grading table's parts (coefficients, eliminating grades, totals)
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
    ),
    # the path's modules (part IX: « 40 heures pour Pass, 46 heures pour Prem'ss »)
    Whole(
        "du parcours du CQP gestionnaire conseil",
        r"gestionnaire conseil|cqp gc",
        r"heures?|dure\w*|combien de temps|jours?|prise? en charge|financ\w*|face-a-face",
        # its modules (hours of face-to-face teaching, funding)
        (
            Part("Pass", ("pass",)),
            Part("Prem'ss", ("prem'?ss",)),
        ),
    ),
)
# "…, c'est le même seuil ?", "c'est pareil ?", "c'est la même règle ?", "idem ?": the earlier question's attribute
# asked again of the part the ellipsis names (an optional noun: the attribute, as the earlier question asked it)
_SAME_TAIL = re.compile(
    r",? *(?:(?:c'est|est-ce|c'est aussi|ce sont)(?: que c'est)? *)?"
    r"(?:(?P<article>le|la|les) memes?(?: (?P<noun>[a-z'-]+))?|pareil"
    r"|identiques?|idem|la meme chose) *(?=\?$)"
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
    message = message.strip()
    folded = same_length(message).lower()
    tail = _SAME_TAIL.search(folded)
    noun = tail.group("noun") if tail is not None else None
    if tail is not None:
        folded = folded[: tail.start()] + folded[tail.end() :]
    m = _ELLIPTIC.match(folded)
    if m is None or len(m.group("rest").split()) > 6:
        return None
    before = same_length(previous).lower()
    for whole in _WHOLES:
        group = whole.parts
        named = [p for p in group if _names(p, m.group("rest"))]
        if len(named) != 1:
            continue
        others = [(p, span) for p in group if p != named[0] for span in [_find(p, before)] if span is not None]
        if len(others) != 1:
            return None
        (start, end) = others[0][1]
        asked = previous[:start] + named[0].name + previous[end:]
        if tail is None or not noun or noun[:4] in before or not re.fullmatch(whole.has, noun):
            return asked
        # "c'est le même coefficient ?" after "combien pèse l'écrit ?": a column of the part, asked with it
        return f"{asked.rstrip(' ?')}, {tail.group('article')} {message[tail.start('noun') : tail.end('noun')]} ?"
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


# a third-person pronoun as the message's subject ("Elle dure combien…", "et elles se font où ?") or a possessive
# ("son coefficient", "leur note"), either as the message's first words
_PRONOUN = re.compile(
    r"^(?:et|mais|ok|bon|alors)?,? *(?:(?:il|elle|ils|elles)\b(?! (?:faut|y a)\b)|.{0,40}?\b(?:son|sa|ses|leurs?)\b)"
)


def part_question(message: str, previous: str) -> str | None:
    """The message asked of the one part the previous question named, when a third-person pronoun or possessive
    speaks of it and the message asks what such a part has ("Je passe l'oral du CQP gestionnaire conseil : qui
    l'organise ?" + "Elle dure combien de temps ?" → "L'épreuve orale du CQP gestionnaire conseil : elle dure
    combien de temps ?"); None otherwise (the message names a part itself, the previous question names none or
    several, or the message asks something a part does not have)."""
    folded = same_length(message).lower().strip()
    if _PRONOUN.match(folded) is None:
        return None
    before = same_length(previous).lower()
    for whole in _WHOLES:
        group = whole.parts
        if any(_find(p, folded) is not None for p in group) or re.search(whole.words, folded):
            return None  # the message names the thing or a part of it: no pronoun to resolve
        named = [p for p in group if _find(p, before) is not None]
        if len(named) != 1 or not re.search(whole.words, before) or not re.search(rf"\b(?:{whole.has})\b", folded):
            continue
        return f"{capitalised(named[0].name)} {whole.name} : {message[:1].lower()}{message[1:]}"
    return None
