"""A figure of the previous answer said back by the user: no new fact of the case.

"Ces 30 000 €, c'est en plus de la contribution légale ?" after an answer of 30 000 € on a payroll of 20 M€ points at
the answer's amount; read as a fact, it would replace the payroll and recompute the contribution of a 30 000 €
payroll. A figure is the answer's when a demonstrative points at it ("ces 30 000 €", "ce 35", "ces 42 points"), the
previous answer's lead gives it and the previous question does not (a figure of the question said back with a
demonstrative stays the user's fact). It is then named by its unit ("ce montant", "ces points", "ce chiffre"), so the
message asks about the answer's figure without stating it again as a fact.
"""

from __future__ import annotations

import re

from text.folding import same_length

_NUMBER = r"\d+(?:[  \u202f.,]\d+)*"
_UNIT = r"(?:€|euros?|k€|m€|points?|heures?|h|mois|ans?|annees?|jours?|journees?|%|salaries?|alternants?)"
_POINTED_FIGURE = re.compile(rf"\b(?P<det>ce|cet|cette|ces) (?P<number>{_NUMBER})(?: ?(?P<unit>{_UNIT}))?(?!\w)")
# the noun that names a figure of each unit once its number is set aside
_NOUN = {"€": "montant", "euro": "montant", "k€": "montant", "m€": "montant", "%": "taux"}


def _digits(text: str) -> set[str]:
    """The numbers of a text as digit strings ("30 000 €" → "30000", "0,15" → "015")."""
    return {re.sub(r"\D", "", m) for m in re.findall(_NUMBER, re.sub(r"(?<=\d)[\s.](?=\d{3}\b)", "", text))}


def without_answer_figures(message: str, question: str, lead: str) -> str:
    """`message` with each figure of the previous answer (`lead`) that a demonstrative points at, and that
    `question` did not state, named by its unit instead ("Ces 30 000 €, …" → "Ce montant, …")."""
    folded = same_length(message).lower()
    given, asked = _digits(lead), _digits(question)
    parts: list[str] = []
    at = 0
    for m in _POINTED_FIGURE.finditer(folded):
        number = re.sub(r"\D", "", m.group("number"))
        if number not in given or number in asked:
            continue
        unit = (m.group("unit") or "").rstrip("s") if m.group("unit") not in ("mois", "%") else m.group("unit")
        noun = _NOUN.get(unit or "", unit or "chiffre")
        plural = noun.endswith("s") or (m.group("det") == "ces" and noun not in ("montant", "taux", "chiffre"))
        phrase = f"{'ces' if plural else 'ce'} {noun}{'s' if plural and not noun.endswith('s') else ''}"
        if message[m.start()].isupper():
            phrase = phrase.capitalize()
        parts += [message[at : m.start()], phrase]
        at = m.end()
    return "".join(parts) + message[at:] if parts else message
