"""How many identical units a one-unit rule's total is asked for: trainees funded, organisations of the same size.

Why: the 2013 funding of the CQP path is written per trainee (circular IX: hours "pris en charge … à hauteur de
12 € par heure") and the supplementary contribution per organisation (art. 10: "0,15 % de leur masse salariale
brute"). "Pour deux stagiaires", "une promotion de 12 stagiaires", "si on additionne cinq caisses de la même taille"
ask the total of that many identical units; read as one unit, the answer gave one trainee's or one caisse's figure.
The count is read from the structure (a number before the rule's unit noun), never from a question's wording, and
only when one count is said and no per-unit figure is asked ("par stagiaire", "chacun").
"""

from __future__ import annotations

import re

from assistant.routing.calculator_inputs.facts import Facts, Plan
from assistant.routing.extraction.numbers import NUM_WORD, parse_number
from calculators.team import COUNTED_RULES

_COUNT = rf"(\d+|\b(?:{NUM_WORD}))"
# the unit each rule counts, as people name it; trainees may be told as a cohort ("une promotion de 12")
_UNITS = {
    "training_path_hours": re.compile(
        rf"(?<![\w.,]){_COUNT}\s+(?:stagiaires?|candidat(?:e|es|s)?|apprenants?|agents?|salarie(?:e|es|s)?)\b"
        rf"|\bpromotion de {_COUNT}\b|\bpour (?:les|ces|nos|mes) {_COUNT}\s*(?=[?.!,;]|$)"
    ),
    # organisations counted as identical: "cinq caisses de la même taille", "trois organismes comme le nôtre"
    "supplementary_contribution": re.compile(
        rf"(?<![\w.,]){_COUNT}\s+(?:caisses?|organismes?|cpam|caf|carsat|urssaf|structures?|etablissements?)\b"
        r"(?=[^.?!;]{0,30}?\b(?:de (?:la )?meme (?:taille|masse)|comme (?:la|le) (?:notre|nous|leur)|identiques?"
        r"|similaires?|equivalent\w*|pareil\w*))"
    ),
}
# one unit's figure asked: no total then
_PER_UNIT = re.compile(
    r"\bpar (?:stagiaire|candidat|personne|agent|salarie|tete|organisme|caisse|structure)\b|\bchacun(?:e)?\b"
)


def with_count(plan: Plan, facts: Facts) -> Plan:
    """The plan with `count` when its rule adds up over units and the message counts one number (≥ 2) of them."""
    pattern = _UNITS.get(plan.calculator)
    if pattern is None or plan.calculator not in COUNTED_RULES or "count" in plan.arguments:
        return plan
    if plan.calculator == "training_path_hours" and "hours" not in plan.arguments:
        return plan  # the path's dates or hours asked, not a funding: nothing adds up
    if _PER_UNIT.search(facts.folded):
        return plan
    counts = {int(parse_number(next(g for g in m.groups() if g))) for m in pattern.finditer(facts.folded)} - {0, 1}
    if len(counts) != 1:
        return plan
    return Plan(plan.calculator, {**plan.arguments, "count": counts.pop()}, plan.missing, plan.notes)
