"""The horizon of a personal question: a date to come at which the question is asked, not an event of the case.

"D'ici mars 2027, ma caisse devra-t-elle m'avoir fait suivre une formation ? Ma dernière remonte à février 2022."
asks the rule at March 2027; "février 2022" is the case's fact. Read as a fact, the horizon becomes a last
training, an action's end or a certification date, and the calculator answers another case. The horizon is told by
grammar, never by a rule's words: a date after today introduced by a preposition of limit ("d'ici", "à l'horizon
de"), or said at the head of the sentence as its frame ("Au 1er avril 2028, …", "Avant fin 2028, …"), or closing a
question with "au" ("… hors délai au 1er janvier 2028 ?") where no verb of an event dates it ("se termine au …").
"""

from __future__ import annotations

import re
from datetime import date

from assistant.routing.extraction.dates import DateSpan

# "d'ici mars 2027", "d'ici à décembre", "d'ici la fin de l'année 2027", "à l'horizon de 2028"
_LIMIT = re.compile(
    r"\b(?:d'ici|a l'horizon)(?:\s+(?:a|au|de|d'|la|le|l'|fin|la fin|debut|le debut|l'ete|l'automne|l'hiver|"
    r"le printemps|la rentree))*\s*(?:de |d'|du |des )?(?:la |le |l')?$"
)
# "Au 1er avril 2028, …", "Avant fin 2028, aurai-je …", "…: au 1er avril 2028, combien …": a date framing
# the whole sentence or clause
_HEAD = re.compile(r"(?:^|[.?!;:]\s*)(?:au|avant|a|en|fin|a fin|pour)\s*(?:le |la |l'|fin |la fin de |fin de )?$")
# "… sera-t-elle hors délai au 1er janvier 2028 ?": "au" before a date closing a question
_AT = re.compile(r"\b(?:au|a la date du|a fin|fin)\s*$")
# the stems of a verb starting or ending an event ("se termine", "commencé", "démarre"), read by both checks below
_STARTS_OR_ENDS = r"termin|fini|achev|commenc|demarr|debut"
# the verb of an event the date belongs to: "se termine au 28 février", "prolongée jusqu'au", "décalée au"
_EVENT_VERB = re.compile(
    rf"\b(?:{_STARTS_OR_ENDS}|prolong|decal|report|repouss|pass|dur|court|va|allant|jusqu)\w*\s+(?:\w+\s+)?$"
)
# the clause a head date frames tells an event of the case: "En mars 2028, si je termine une mission de quatre
# mois, …" dates the mission's end (a hypothesis or a first-person event verb), it is not the date asked at
_FRAMED_EVENT = re.compile(
    r"^,\s*(?:si|s'|quand|lorsque|lorsqu'|des que|des qu')\b"
    rf"|\b(?:je|j'|il|elle|on)\s+(?:\w+\s+)?(?:{_STARTS_OR_ENDS}|pars|part)\w*"
)


def horizon_of(folded: str, dates: list[DateSpan], today: date) -> DateSpan | None:
    """The date the question is asked at, among `dates` (spans in `folded`), when one is said as a horizon."""
    for d in dates:
        if d.end <= today or d.kind not in ("point", "from"):
            continue
        before = folded[: d.span[0]]
        if _LIMIT.search(before[-40:]):
            return d
        if d.start <= today:
            continue  # "En 2026, Léa et Hugo ont …", "En novembre, j'ai animé …": the frame of facts told, not to come
        after = folded[d.span[1] :].lstrip()
        if _HEAD.search(before[-20:]) and after.startswith(",") and not _FRAMED_EVENT.search(after.split("?")[0]):
            return d
        at = _AT.search(before)
        if at is not None and after.startswith("?") and not _EVENT_VERB.search(before[: at.start()][-40:]):
            return d
    return None
