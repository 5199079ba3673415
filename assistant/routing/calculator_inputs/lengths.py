"""Several lengths in one message, one per action, mission or person: each is a case of its own.

A manager writes "Julie sur 2 mois, Ahmed sur 3 mois, Claire sur 1 mois", an employee "trois sessions
de 1, 3 et 2 mois" or "l'une sur deux mois, l'autre sur cinq". The bonuses are counted per action
(avenant 2022, art. 9.3: "7 points par mois pour chaque action de formation") and per month of each
mission (art. 4.3: "7 points par mois, complet ou non"), so each length must be counted on its own,
never the first one for all. Read from the message's grammar: a list of figures sharing one unit
("1, 3 et 2 mois"), a figure left without its unit after a distributive word ("l'autre sur cinq"),
or lengths set side by side in their own clauses (", ", " et ", " puis ").
"""

from __future__ import annotations

import re
from itertools import pairwise

from assistant.routing.calculator_inputs.facts import Facts, not_cited, not_threshold
from assistant.routing.extraction.numbers import MAX_QUANTITY, NUM_OR_WORD, parse_number
from assistant.routing.extraction.quantities import Duration

# "de 1, 3 et 2 mois": the figures before the last one share its unit
_LISTED = re.compile(rf"(?P<items>(?:{NUM_OR_WORD})(?: *, *(?:{NUM_OR_WORD}))*) *,? *(?:et|puis) *$")
_ITEM = re.compile(NUM_OR_WORD)
# "l'une sur deux mois, l'autre sur cinq": a figure after a distributive word takes the unit said before it
_DISTRIBUTIVE = re.compile(
    r"\b(?:l'autre|l'une?|la seconde|le second|la deuxieme|le deuxieme|la troisieme|le troisieme|la derniere|"
    r"le dernier|une autre|un autre|la suivante|le suivant)\s*,? (?:sur|de|d'|pendant|durant|en) ?"
    rf"(?P<num>{NUM_OR_WORD})(?! *(?:%|points?|pts|euros?|€|h\b|heures?|jours?|semaines?|mois|ans?\b|annees?|"
    r"salaries?|stagiaires?|alternants?|apprentie?s?|actions?))"
)
_SIDE_BY_SIDE = re.compile(r"[,;]|\b(?:et|puis|ensuite|apres)\b")
# A length bound to something else than an action or a mission: "en CDD de 6 mois", "8 ans d'ancienneté".
_OTHER_NOUN = re.compile(
    r"\b(?:cdd|cdi|contrat|anciennete|experience|poste|emploi|embauche|alternance|apprentissage|conge)s?"
    r"(?: \w+)? (?:de|d'|d'une duree de) *$"
)
_OTHER_AFTER = re.compile(r"^ *(?:d'anciennete|d'experience|de cdd|de contrat|dans (?:la|l'|le|ma|notre))")
_PART = re.compile(r"\bdont *$|\b(?:sur les|au cours des|dans les|pendant les)(?: \d+| cinq)?(?: dernier\w*)? *$")


def several_lengths(facts: Facts, durations: list[Duration]) -> list[Duration]:
    """The lengths of several actions or missions, in reading order; [] when the message states one.

    `durations` are the message's lengths in months that are not part of a date. A length that is a
    part ("dont 8") or a window ("sur les 5 ans"), a threshold ("plus de 12 mois") or a figure quoted
    from a text is no item of its own.
    """
    items = [
        d
        for d in not_cited(facts, not_threshold(facts, durations))
        if d.low is None
        and d.months
        and not _PART.search(facts.folded[max(0, d.span[0] - 25) : d.span[0]])
        and not _OTHER_NOUN.search(facts.folded[max(0, d.span[0] - 40) : d.span[0]])
        and not _OTHER_AFTER.match(facts.folded[d.span[1] : d.span[1] + 30])
    ]
    if not items:
        return []
    implied = _listed(facts, items) + _elliptic(facts, items)
    found = sorted(items + implied, key=lambda d: d.span)
    if len(found) < 2 or len(found) > 12:
        return []
    if not implied and not all(_SIDE_BY_SIDE.search(facts.folded[a.span[1] : b.span[0]]) for a, b in pairwise(found)):
        return []
    return found


def _listed(facts: Facts, items: list[Duration]) -> list[Duration]:
    """The figures listed before a length with its unit: "1, 3 et 2 mois" → 1 mois, 3 mois (and 2 mois)."""
    added: list[Duration] = []
    for d in items:
        before = facts.folded[max(0, d.span[0] - 40) : d.span[0]]
        listed = _LISTED.search(before)
        if not listed:
            continue
        offset = d.span[0] - len(before) + listed.start("items")
        for m in _ITEM.finditer(listed.group("items")):
            value = parse_number(m.group(0))
            if 0 < value <= MAX_QUANTITY:
                span = (offset + m.start(), offset + m.end())
                added.append(Duration(value, d.unit, facts.text[span[0] : span[1]], span))
    return added


def _elliptic(facts: Facts, items: list[Duration]) -> list[Duration]:
    """A figure without a unit after a distributive word, with the unit of the length said before it in
    the same sentence ("l'une sur deux mois, l'autre sur cinq")."""
    added: list[Duration] = []
    for m in _DISTRIBUTIVE.finditer(facts.folded):
        whole = next((d for d in reversed(items) if d.span[1] <= m.start("num")), None)
        if whole is None or re.search(r"[.?!]", facts.folded[whole.span[1] : m.start()]):
            continue
        value = parse_number(m.group("num"))
        if 0 < value <= MAX_QUANTITY:
            added.append(Duration(value, whole.unit, facts.text[m.start("num") : m.end("num")], m.span("num")))
    return added


# "Paul et Zoé chacun douze mois", "Léa et Hugo ont chacun été tutorés six mois", "tous les deux": the length is
# each one's, so it counts once per person named before the distributive word
# ("tous les deux" is "tous les 2" once numbers in words are digits: `extraction.spelled`)
_EACH = re.compile(r"\b(?:chacune?|tou(?:s|tes)(?: les)? (?:deux|2)|l'une? comme l'autre)\b")
_NAME = r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?"
# "de Léa et de Yanis", "d'Ahmed et de Zoé": the names after a preposition repeated before each
_OF = r"(?:de |d'|d’)?"
_NAMED_TOGETHER = re.compile(rf"\b{_NAME}(?:\s*,\s*{_OF}{_NAME})*\s+(?:et|&)\s+{_OF}{_NAME}\b")


def holders(facts: Facts, start: int, end: int) -> int:
    """How many people one length is said of, in `facts.text[start:end]` (the words before it since the last
    length): the people named together before "chacun" ("Paul et Zoé chacun douze mois": 2), else 1."""
    folded = facts.folded[start:end]
    each = _EACH.search(folded)
    if not each:
        return 1
    named = list(_NAMED_TOGETHER.finditer(facts.text[start : start + each.start()]))
    if not named:
        return 1
    return min(len(re.findall(_NAME, named[-1].group(0))), 10)
