"""Which sentences lead with the chosen one: what it refers back to, the list it announces, what continues it.

Split from `assistant.answering.lead` (which chooses the sentence): a sentence quoted alone can lose its antecedent
("Toutefois, …", "Elle…"), announce a list without its items, or state a rule whose exception follows; these rules
extend the lead to the units that make it read whole, and pick the rows of a list the question names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.lead import Candidate
from assistant.answering.units import (
    MAX_LIST_ITEMS,
    PRONOUN_SUBJECT,
    REFERS_BACK,
    Unit,
    asks_enumeration,
    query_weights,
    unit_terms,
)
from assistant.routing.subject import asking_clause


def lead_units(question: str, lead: Candidate, units: Sequence[Unit], selected: Sequence[Unit]) -> list[Unit]:
    """The lead sentence, with the sentence it refers back to, or the list items it announces.

    For a question that asks for a list ("quelles certifications…"), an item never leads alone:
    the list's introduction leads, followed by the items the passage's selection kept.
    """
    i = next((k for k, u in enumerate(units) if u.text == lead.unit.text and u.index == lead.unit.index), None)
    if i is None:
        return [lead.unit]
    chosen = [units[i]]
    if units[i].in_list and asks_enumeration(question):
        start = i
        while start > 0 and (units[start - 1].in_list or units[start - 1].is_header):
            start -= 1
        end = i
        while end + 1 < len(units) and units[end + 1].in_list:
            end += 1
        kept = {u.index for u in selected}
        intro = [units[start - 1]] if start > 0 and units[start - 1].opens_list else []
        items = [u for u in units[start : end + 1] if u.index in kept and not u.is_header] or [units[i]]
        return intro + items[:MAX_LIST_ITEMS]
    if units[i].in_list:
        k = i - 1
        while k >= 0 and units[k].in_list:
            k -= 1
        if k >= 0 and units[k].opens_list and not units[k].is_header:
            end = i
            while end + 1 < len(units) and units[end + 1].in_list:
                end += 1
            members = units[k + 1 : end + 1]
            if len(members) <= SHORT_LIST_ITEMS and sum(len(u.text) for u in members) <= SHORT_LIST_CHARS:
                # "une qualification reconnue dans nos classifications, ça marche ?" is answered by the
                # whole short list (RNCP; classifications; CQP), not by its first item with the
                # introduction: a lone item would read as the only case the rule allows.
                return [units[k], *members]
            return [units[k], units[i]]
        return chosen
    k = i
    while k > 0 and i - k < MAX_ANTECEDENTS and _depends(units[k].text) and not units[k - 1].in_list:
        k -= 1  # "Toutefois, … jusqu'à 36 mois" needs the rule it qualifies; "Elle…" the sentence naming "elle"
    chosen = list(units[k : i + 1])
    if len(chosen) > 2 and all(PRONOUN_SUBJECT.match(u.text) for u in chosen[1:]):
        # "Cette contribution … s'ajoute à la contribution légale. Elle appartient au régime général et est pilotée
        # par la CPNEFP. Elle est gérée par l'OPCO": the lead's pronoun names what the first sentence names; the
        # sentences between, with the same pronoun, say other things and must not lead before it ("qui la gère ?")
        chosen = [chosen[0], chosen[-1]]
    if units[i].opens_list:
        j = i + 1
        announced: list[Unit] = []
        while j < len(units) and (units[j].in_list or units[j].is_header):
            announced.append(units[j])
            j += 1
        named = named_items(question, [u for u in announced if not u.is_header], " ".join(u.text for u in chosen))
        if named:  # "qui forme au master manager stratégique ?": the row the question names, under its header
            return chosen + [u for u in announced if u.is_header or u in named]
        chosen.extend(announced[:MAX_LIST_ITEMS])
    elif (
        i + 1 < len(units)
        and REFERS_BACK.match(units[i + 1].text)
        and units[i + 1].index in {u.index for u in selected}
    ):
        # "Celui-ci est l'occasion de faire un état des lieux…" says what the lead names: it continues
        # the lead when the passage's selection kept it (quoted alone it would lose its antecedent).
        chosen.append(units[i + 1])
    elif i + 1 < len(units) and not units[i + 1].in_list and _CONSEQUENCE.match(units[i + 1].text):
        # "Le salarié bénéficie d'un droit … plus favorable que la loi. Le bénéfice d'une formation est ainsi
        # garanti à tous …": the sentence drawing the consequence ("ainsi", "par conséquent") says what the
        # lead states in general terms; the two are one rule.
        chosen.append(units[i + 1])
    elif i + 1 < len(units) and not units[i + 1].in_list and _SUBJECT_REFERS_BACK.match(units[i + 1].text):
        # "Les candidats qui ne possèdent pas ce niveau … procèdent à une VAP": the exception to the lead's
        # rule, named by a demonstrative in its subject, completes the rule ("sans bac+4, je peux ?").
        chosen.append(units[i + 1])
    return chosen


MIN_NAMING_WORDS = 2  # an item is named by this many of its own words (those no other item of its list holds)


def named_items(question: str, items: Sequence[Unit], announcing: str = "") -> list[Unit]:
    """The items of a list (its rows) that the question names by their own words: "master manager stratégique" names
    the master's row ("Master manager stratégique — … EN3S"), not the "CQP manager opérationnel" one, which shares
    only "manager". A word every other item lacks counts; an item is named by `MIN_NAMING_WORDS` of them (or by its
    only one). The words of the sentence announcing the list (`announcing`) name no item: "qui peut bénéficier d'un
    contrat de professionnalisation ?" names the list ("le contrat de professionnalisation s'adresse :"), not its
    item on the "bénéficiaires du RSA … contrat unique d'insertion". [] when the question names none, or names
    every item (it then asks for the list)."""
    if len(items) < 2:
        return []
    # the asking clause only: "Notre caisse n'a pas de service formation interne : qui peut dispenser les modules ?"
    # names the asker's situation first, not the item asked
    asked = set(query_weights(asking_clause(question))) - unit_terms(announcing)
    bags = [unit_terms(u.text) for u in items]
    named = []
    for n, (item, bag) in enumerate(zip(items, bags)):
        others = set().union(*(b for m, b in enumerate(bags) if m != n))
        own = bag - others
        hits = own & asked
        if hits and len(hits) >= min(MIN_NAMING_WORDS, len(own)):
            named.append(item)
    return named if len(named) < len(items) else []


# A sentence whose subject points back at the sentence before: "Les salariés qui n'ont pas ce diplôme…".
_SUBJECT_REFERS_BACK = re.compile(
    r"^(?:Les?|La|L['’])\s*[^\s,;:]+\s+(?:qui|dont)\s+(?:[^\s,;:]+\s+){0,5}?(?:ce|cet|cette|ces)\s+\w+"
)


# A sentence that draws the consequence of the one before: "… est ainsi garanti …", "Par conséquent, …".
_CONSEQUENCE = re.compile(
    r"^(?:Par conséquent|En conséquence|De ce fait|C['’]est ainsi que)\b|^(?:[^\s.;:]+\s+){1,7}?ainsi\b(?!\s+que)"
)


SHORT_LIST_ITEMS = 5  # a list this short (items and characters) leads whole when one of its items leads
SHORT_LIST_CHARS = 600


# A sentence that qualifies or continues the one before ("Toutefois, …", "À cet égard, elle fixe…"):
# it leads only with the sentence it depends on.
MAX_ANTECEDENTS = 2


def _depends(sentence: str) -> bool:
    """Whether the sentence needs the one before to be read. An additive connector ("De plus, chaque salarié qui
    exerce … une mission de tuteur … perçoit une prime") adds a rule that names its own subject: it depends only
    when what follows the connector refers back ("De plus, elle …"). Pulled in as the antecedent of "Cette prime est
    versée en une seule fois à l'issue de la mission", it must not pull in the unrelated sentence before it too
    ("Un point spécifique est fait sur cette activité…"), which would lead the answer to "quand est-elle versée ?"."""
    additive = _ADDITIVE.match(sentence)
    if additive:
        rest = sentence[additive.end() :]
        return bool(REFERS_BACK.match(rest) or _ADDITIVE_REFERS.match(rest))
    return bool(REFERS_BACK.match(sentence) or _CONNECTOR.match(sentence))


# Connectors that add a rule rather than qualify the one before ("in addition"), and what after them still refers
# back: a pronoun or demonstrative subject ("De plus, elle …", "En outre, cette prime …").
_ADDITIVE = re.compile(r"^(?:De plus|En outre|Par ailleurs)\s*,?\s*")
_ADDITIVE_REFERS = re.compile(r"^(?:il|elle|ils|elles|celle-ci|celui-ci|ce|cet|cette|ces)\b", re.IGNORECASE)


_CONNECTOR = re.compile(
    r"^(Toutefois|Cependant|Néanmoins|Dans ce cadre|De plus|En outre|Par ailleurs|À cet égard|À ce titre|"
    r"Pour ce faire|À cette fin|Dans ce cas)\b|^[^,]{2,30}, (il|elle|ils|elles)\b"
)
