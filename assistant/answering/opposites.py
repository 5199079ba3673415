"""A yes/no question whose verb the answering sentence contradicts by its own, opposite verb.

`lead_opening.yes_or_no` reads "oui" when the sentence holds the question's terms: "est-ce que ça remplace la
contribution légale ?" against "cette contribution conventionnelle s'ajoute à la contribution légale" shares
"contribution légale" and read "Oui", when "s'ajoute à" is the contrary of "remplace". A few pairs of contrary
predicates, of the kinds the texts state (adding to / replacing; free / paid by the person), say "non" instead:
the question holds one side, the sentence the other and not the first.
"""

from __future__ import annotations

import re

from text.folding import same_length

# (the question's side, the sentence's contrary side)
_PAIRS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        re.compile(r"\b(?:remplac\w*|substitu\w*|a la place d\w*|au lieu d\w*)"),
        re.compile(r"\b(?:s'ajout\w*|en plus d\w*|en complement d\w*|complet\w* (?:la|le|les)\b|se cumul\w*)"),
    ),
    (
        re.compile(r"\b(?:payer|paie|paye|payant\w*|a mes frais|a ses frais|a ma charge|de (?:ma|sa|leur) poche)\b"),
        re.compile(r"\b(?:gratuit\w*|sans frais|pris en charge|rembourse\w*)\b"),
    ),
)


def contradicted(question: str, sentence: str) -> bool:
    """The sentence states the contrary of what the closed question asks (module docstring)."""
    asked, said = same_length(question).lower(), same_length(sentence).lower()
    return any(side.search(asked) and other.search(said) and not side.search(said) for side, other in _PAIRS)
