"""A subject set aside before the next question: "Bon, laissons le salaire. Ce certificat se découpe en combien de
blocs ?".

After a refused question (a salary, the canteen's hours), the user often drops it in words before asking on: "tant
pis pour le salaire", "laissons ça", "peu importe le montant en euros.", "oublions la cantine :". The words they drop
it with name the thing the texts do not cover, so the scope check read the whole message as being about it and
refused again, though what it asks is a question on the texts (conversations-2026r: c26r-21). The clause says what
the user no longer asks: it is taken out, and the rest is the message (`without_set_aside`), resolved as any other.

Only a clause that ends its sentence (". ", ":", ";", "!", or a comma after all but "peu importe <something>") is
taken out, and only when a question follows: "peu importe le contrat, j'y ai droit ?" says the contract does not
matter to the question, which keeps it; "laisse tomber ce que j'ai dit sur…" takes back a fact, which the corrections
read (`fact_merge`).
"""

from __future__ import annotations

import re

from text.folding import same_length

# the words that drop something, with what they drop ("laissons le salaire", "tant pis pour la cantine")
_DROP = (
    r"(?:laiss(?:ons|e|ez)(?: tomber)?(?: (?:le|la|les|l'|ca|cela|ce|cette|ces)\b[^.!?;:,]{0,40})?"
    r"|oublions(?: (?:le|la|les|l'|ca|cela|ce|cette|ces)\b[^.!?;:,]{0,40})?"
    r"|tant pis(?: pour [^.!?;:,]{1,40})?"
    r"|peu importe(?: (?:le|la|les|l'|ca|cela|ce|cette|ces)\b[^.!?;:,]{0,40})?"
    r"|passons(?: sur [^.!?;:,]{1,40})?"
    r"|(?:on )?(?:laisse|met|mettons) (?:le|la|les|l'|ca|cela|ce|cette|ces)\b[^.!?;:,]{0,40} de cote)"
)
_OPENERS = r"(?:(?:bon|bref|ok|okay|d'accord|alors|ben|bon ben|ah|euh)\s*,?\s+)*"
# the clause, at the start of the message or after a sentence of its own, and the end of its sentence
_SET_ASIDE = re.compile(
    rf"(?:^|(?<=[.!?;:])\s+){_OPENERS}(?P<drop>{_DROP})\s*(?:,\s*(?:alors|donc)\s*)?(?P<end>[.!;:]|,)\s*"
)


def without_set_aside(message: str) -> str:
    """The message without the clauses that set a subject aside, when a question follows the last one; else the
    message as it is."""
    folded = same_length(message).lower()
    last = None
    for m in _SET_ASIDE.finditer(folded):
        drop = m.group("drop")
        if "ce que" in drop:  # "laisse tomber ce que j'ai dit sur…": a fact taken back, read by the corrections
            continue
        if m.group("end") == "," and drop.startswith("peu importe "):
            continue  # "peu importe le contrat, j'y ai droit ?": the clause belongs to the question
        last = m
    if last is None:
        return message
    rest = message[last.end() :].strip()
    if "?" not in rest or len(rest.split()) < 3:
        return message
    return rest[0].upper() + rest[1:]
