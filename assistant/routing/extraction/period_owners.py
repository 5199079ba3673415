"""Who each dated period of a message belongs to: "Paul du 1er mars au 31 mai, Léa du 1er mars au 31 août".

A tutor or an adviser tells several people's periods in one message, each introduced by a first name ("Paul est
resté du …, Léa du …") or a rank ("le premier a été suivi du …, le second du …"), then asks about one of them
("combien de points pour Paul ?") or, in a follow-up, about another ("et pour Léa ?", "et pour le deuxième ?"). The
owner of a period is the last first name or rank said between the previous period and this one, in the same
sentence or the one before. The calculator inputs keep the asked person's period only; the conversation replaces the
person asked about (`assistant.conversation.named_ones`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text.folding import same_length

# a rank standing for a person ("le premier", "la seconde", "le deuxième", "la dernière")
RANK = r"(?:le|la) (?:premier|premiere|1er|1re|second|seconde|deuxieme|2e|troisieme|3e|quatrieme|dernier|derniere)"
_RANK = re.compile(rf"\b{RANK}\b")
_RANK_VALUE = {
    "premier": 1, "premiere": 1, "1er": 1, "1re": 1, "second": 2, "seconde": 2, "deuxieme": 2, "2e": 2,
    "troisieme": 3, "3e": 3, "quatrieme": 4, "dernier": -1, "derniere": -1,
}  # fmt: skip
# a first name: a capitalised word of letters, not all capitals (acronyms: "CQP", "CDD"), not a word of the texts'
# institutions or places a message names before its people
_NAME = re.compile(r"(?<![\w'-])[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?(?![\w'-])")
_NOT_NAMES = frozenset(
    [
        "Caf",
        "Cpam",
        "Carsat",
        "Urssaf",
        "Cnav",
        "Cnam",
        "Msa",
        "Ugecam",
        "Cgss",
        "Ucanss",
        "Opco",
        "Pro",
        "Apec",
        "Institut",
        "Pôle",
        "Je",
        "Tu",
        "Il",
        "Elle",
        "On",
        "Nous",
        "Vous",
        "Ils",
        "Elles",
        "Mon",
        "Ma",
        "Mes",
        "Le",
        "La",
        "Les",
        "Un",
        "Une",
        "Des",
        "Depuis",
        "Du",
        "De",
        "Au",
        "En",
        "Et",
        "Mais",
        "Pour",
        "Avec",
        "Sa",
        "Son",
        "Ses",
        "Ce",
        "Cette",
        "Tuteur",
        "Tutrice",
        "Formateur",
        "Formatrice",
        "Combien",
        "Quel",
        "Quelle",
        "Quels",
        "Quelles",
        "Est",
        "Bonjour",
        "Merci",
        "Oui",
        "Non",
        "Madame",
        "Monsieur",
        "Mme",
    ]
)


@dataclass(frozen=True)
class Owner:
    """The person a period belongs to: a first name as written, or a rank (1, 2, …; -1 for the last)."""

    name: str
    rank: int
    span: tuple[int, int]

    def same_as(self, other: Owner) -> bool:
        return (self.name and self.name == other.name) or (bool(self.rank) and self.rank == other.rank)


def owner_at(text: str, start: int, end: int) -> Owner | None:
    """The last first name or rank of `text[start:end]`."""
    folded = same_length(text).lower()
    found: list[Owner] = []
    for m in _NAME.finditer(text, start, end):
        if m.group() not in _NOT_NAMES:
            found.append(Owner(m.group(), 0, m.span()))
    for m in _RANK.finditer(folded, start, end):
        found.append(Owner("", _RANK_VALUE[m.group().split()[-1]], m.span()))
    return max(found, key=lambda o: o.span[0]) if found else None


def period_owners(text: str, spans: list[tuple[int, int]]) -> list[Owner | None]:
    """The owner of each period (by its span, in reading order), None where no name or rank introduces it; the
    owners must all differ for any to be kept (one person's two periods are no two people)."""
    owners: list[Owner | None] = []
    bound = 0
    for start, end in spans:
        window_start = max(bound, _sentence_start(text, start, sentences=2))
        owners.append(owner_at(text, window_start, start))
        bound = end
    named = [o for o in owners if o is not None]
    if len(named) < 2 or any(a.same_as(b) for i, a in enumerate(named) for b in named[i + 1 :]):
        return [None] * len(spans)
    return owners


def asking_span(text: str) -> tuple[int, int]:
    """Where the asking sentence is: from the last sentence break before the last question mark to it."""
    end = text.rfind("?")
    if end < 0:
        return 0, len(text)
    return max(text.rfind(mark, 0, end) for mark in ".!;\n") + 1, end + 1


def asked_owner(text: str, asking: tuple[int, int]) -> Owner | None:
    """The person the asking part of `text` (its span) asks about: "pour Paul", "pour le premier", "de Léa"."""
    folded = same_length(text).lower()
    found = None  # (the last one: "tutrice de Sami … et de Lina …, combien pour Sami ?" asks of Sami)
    for m in re.finditer(r"\b(?:pour|de|d'|a|avec) ?(?=\S)", folded[: asking[1]]):
        if m.start() < asking[0]:
            continue
        owner = owner_at(text, m.end(), min(asking[1], m.end() + 14))
        if owner is not None and owner.span[0] == m.end():
            found = owner
    return found


def index_of(owner: Owner, owners: list[Owner | None]) -> int | None:
    """The period of `owners` that `owner` stands for (a rank counts the named periods in order)."""
    if owner.name:
        at = [i for i, o in enumerate(owners) if o is not None and o.name == owner.name]
        return at[0] if len(at) == 1 else None
    at = [i for i, o in enumerate(owners) if o is not None and o.rank == owner.rank]
    if len(at) == 1:
        return at[0]
    if any(o is None for o in owners) or not owner.rank:
        return None
    # ("et pour le deuxième ?" after Paul and Léa: the periods in the order they were told)
    i = owner.rank - 1 if owner.rank > 0 else len(owners) - 1
    return i if 0 <= i < len(owners) else None


def _sentence_start(text: str, at: int, *, sentences: int) -> int:
    """Where the sentence `sentences` back from `at` starts."""
    start = at
    for _ in range(sentences):
        start = max(text.rfind(mark, 0, max(0, start - 1)) for mark in ".!?;\n") + 1
    return start
