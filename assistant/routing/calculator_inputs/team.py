"""Groups of people told in one message, each with its own deciding fact: a team's case, summed by the rule.

Why: a manager tells a team split by the fact the rule turns on — "3 n'ont pas le bac et 4 l'ont", "deux agents ont
un CAP et un a une licence" — and asks the team's total. Read as one person, the message gave one diploma (the
highest) and one person's hours. Here each counted clause is a group: a head count, then a verb of having or being
("ont", "n'ont pas", "a", "sont", "possèdent"), then that group's facts up to the next group or punctuation. A clause
that only takes back the previous one's object ("et 4 l'ont") holds that object, affirmed. The calculators then
apply the one-person rule to each group (`calculators.team`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.routing.extraction.numbers import NUM_WORD, parse_number

# what a counted clause may not count: units of time, money or points ("24 heures ont été …" is no group)
_UNITS = r"(?:heures?|h|mois|ans?|annees?|jours?|semaines?|points?|euros?|€|%|fois)\b"
# a verb of having or being ("n'ont pas", "possèdent"), the previous object taken back ("l'ont"), or the noun
# phrase's own preposition of holding ("sans diplôme", "titulaires d'un master", "avec un BTS")
_HAVE = (
    r"(?:(?:n'|ne )?(?:l')?(?:ont|a|possedent|possede|detiennent|detient|sont|est)\b"
    r"|(?:sans|avec|titulaires? d(?:'|e |u )|diplomee?s? d(?:'|e |u ))\s*)"
)
# a group's own words run to the next group ("et 4 l'ont", "et un a"), or to a comma, semicolon or sentence end
# (one person said with their noun: "et un agent titulaire d'un bac", "une collègue sans diplôme")
_ONE_NOUN = (
    r"(?:\s+(?:agente?|salariee?|collaborat(?:eur|rice)|collegue|technicien(?:ne)?|conseill(?:er|ere)|personne))?"
)
_OWN_WORDS = rf"(?:(?!\bet (?:\d|une?{_ONE_NOUN} (?:n'|ne )?(?:a|est|possede|sans|avec|titulaire)\b))[^,;.?!:])*"
_GROUP = re.compile(
    rf"(?<![\w.,'])(?P<n>\d+)(?:\s+(?!{_UNITS})(?:d'entre (?:eux|elles)|[a-z]+))?\s+(?P<own>{_HAVE}{_OWN_WORDS})"
    rf"|(?<![\w'])(?:un|une)(?:\s+(?:seule?|autre))?{_ONE_NOUN}\s+"
    rf"(?P<one>(?:(?:n'|ne )?(?:a|possede|detient|est)\b|(?:sans|avec|titulaire d(?:'|e |u ))\s*){_OWN_WORDS})"
)
# "et 4 l'ont", "les 2 autres l'ont obtenu": the previous group's object taken back
_TAKEN_BACK = re.compile(r"^(?:n'|ne )?l'(?:ont|a)\b")
_NEGATION = re.compile(r"\b(?:n'|ne |pas |jamais |sans |aucun |aucune )", re.IGNORECASE)


@dataclass(frozen=True)
class Group:
    """A head count and the words that tell that group's facts ("n'ont pas le bac")."""

    count: int
    words: str


def read_groups(folded: str, text: str = "") -> list[Group]:
    """The message's counted groups in order, a clause taking back the previous object given that object affirmed.

    `folded` is the accent-free lower-case message with its numbers in digits (`Facts.folded`); `text`, the same
    message as written, gives each group's words their capitals ("un CAP", "un BTS") when it aligns with `folded`."""
    groups: list[Group] = []
    aligned = len(text) == len(folded)
    for m in _GROUP.finditer(folded):
        count = int(m.group("n")) if m.group("n") else 1
        part = "own" if m.group("own") is not None else "one"
        words = (text[m.start(part) : m.end(part)] if aligned else m.group(part)).strip()
        if _TAKEN_BACK.match(m.group(part)) and groups:
            words = _NEGATION.sub("", groups[-1].words)  # "3 n'ont pas le bac et 4 l'ont": the 4 have the bac
        groups.append(Group(count, words))
    return groups


# the people a team counts, as managers name them (the texts' "salariés", "agents", and the trades of the branch)
_PEOPLE = (
    r"(?:salarie|agent|collaborat(?:eur|rice)|collegue|technicien|conseiller|gestionnaire|employe|personne|"
    r"membre|cadre|manager|alternant|apprenti|stagiaire|tuteur|formateur|assistant|charge|controleur|"
    r"inspecteur|juriste|infirmier|medecin|agent d'accueil|personnel)(?:ne|e)?s?\b"
)
# a count in digits or in words: the ambiguous "neuf" counts before a noun of people ("neuf conseillers")
_HEAD_COUNT = re.compile(
    rf"(?<![\w.,])(?P<n>\d+|\b(?:{NUM_WORD}))\s+{_PEOPLE}|\bequipe de (?P<team>\d+|(?:{NUM_WORD}))\b"
)


def head_count(folded: str) -> int | None:
    """The team's one head count ("j'encadre 12 techniciens", "une équipe de 9 conseillers"), None when the message
    counts no people or several different numbers of them (groups, not one team)."""
    counts = {int(parse_number(m.group("n") or m.group("team"))) for m in _HEAD_COUNT.finditer(folded)} - {0, 1}
    return counts.pop() if len(counts) == 1 else None
