"""Tell the interrogative "quand" (when?) from the conjunction "quand" (when, whenever) and "quand même".

Whether a question asks a value (an amount, a date) decides whether a calculator's question back is
worth asking. "quand" is one of the words that ask a date ("je la touche quand ?", "quand dois-je faire
mon entretien ?"), but it is as often a conjunction opening a clause of circumstance ("le tuteur fait
quoi pour moi quand je suis en formation ?", "Quand la caisse abonde un CPF, doit-elle … ?") or part of
"quand même" ("ma prime est-elle due quand même ?"); read as a date asked, those turn a question on the
rule into a question back about the user's dates. The grammar decides, not a list of questions:

* "quand même" never asks anything;
* "quand" followed by a subject (a pronoun, a determiner and its noun) opens a clause; it asks only at
  the head of its sentence (fillers aside: "et", "alors", "euh"…) and when no comma closes the clause
  before the question mark ("Quand je vais toucher ma prime ?" asks; "Quand je pars en formation, qui
  me remplace ?" does not);
* every other "quand" (at the end, before a verb in the inverted form, after a preposition: "avant",
  "à partir de", "jusqu'à", "depuis", "d'ici", or after "c'est") asks.

Runs on folded text (`extraction.folding.fold`); the conjunctions are replaced by "lorsque" and "quand
même" by "pourtant", which no pattern reads as a question.
"""

from __future__ import annotations

import re

_SUBJECT = (
    r"(?:je|j'|tu|il|elle|on|nous|vous|ils|elles|le|la|les|l'|un|une|mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos|"
    r"votre|vos|leur|leurs|ce|cet|cette|ces|c'|ca|cela|celui|celle|ceux|tout|toute|chaque)"
)
# after a preposition ("avant quand", "à partir de quand", "d'ici quand") or "c'est", "quand" is a date asked
_QUAND = re.compile(
    r"(?<!partir de )(?<!jusqu'a )(?<!depuis )(?<!c'est )(?<!avant )(?<!apres )(?<!pour )(?<!d'ici )"
    rf"\bquand\b(?= ?{_SUBJECT}(?:\b|(?<=')))"
)
_HEAD_FILLERS = re.compile(r"^(?:\s|,|\b(?:et|mais|alors|euh|bon|donc|ok|du coup|bref|dites|dis)\b)*$")


def mask_conjunctions(folded: str) -> str:
    """`folded` with "quand même" and the conjunction "quand" replaced by words that ask nothing."""
    folded = re.sub(r"\bquand meme\b", "pourtant", folded)
    out: list[str] = []
    last = 0
    for m in _QUAND.finditer(folded):
        start = max(folded.rfind(mark, 0, m.start()) for mark in ".!?;:\n") + 1
        ends = [i for i in (folded.find(mark, m.end()) for mark in ".!?;\n") if i >= 0]
        end = min(ends) if ends else len(folded)
        at_head = _HEAD_FILLERS.match(folded[start : m.start()]) is not None
        if at_head and "," not in folded[m.end() : end]:
            continue  # "quand je vais toucher ma prime ?": the date is asked
        out.append(folded[last : m.start()] + "lorsque")
        last = m.end()
    out.append(folded[last:])
    return "".join(out)
