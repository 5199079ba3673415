"""A contact detail asked of the texts — a telephone number, a postal address, an e-mail — and whether they state it.

Why: "Quelle est l'adresse du CRFP de Lyon ?", "Quel est le numéro de téléphone du service des contrats de
professionnalisation chez Uniformation ?" name a body the texts speak of (the regional training centres, the OPCO), so
the subject check finds its passages, and the answer quoted them: the centres' role, the contrat de
professionnalisation's beneficiaries. What is asked is a value of a kind a passage either holds or not: a telephone
number is written as digits in pairs, a postal address as a number and a street or a postcode and a town, an e-mail
around an "@". No user word is a synonym for one (unlike "le plafond de la prime" for "au maximum 252 points", which
`attributes` leaves to the topic's rules), so the check runs whatever topic the router read, as the census's does.

What is asked is read from the question's grammar: the noun after the interrogative ("quel est le numéro de
téléphone", "à quelle adresse", "quelles sont les coordonnées"), never the verb "s'adresser" ("à qui
m'adresser ?") nor a form's field named in a statement ("faut-il indiquer l'adresse de chaque école ?").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.routing.extraction.folding import fold
from knowledge.hybrid import Evidence

# The best passages read for the value (as `attributes.DEPTH`).
DEPTH = 5

# The interrogative and its noun, folded, apostrophes as spaces: "quel est le numéro de téléphone", "à quel numéro
# de fax", "quelle est l'adresse", "à quelle adresse", "quelles sont les coordonnées", "quel courriel".
_WHICH = (
    r"\b(?:quel|quels|quelle|quelles)\s+(?:(?:est|sont|etait|serait)(?:-(?:il|elle|ce))?\s+)?"
    r"(?:(?:le|la|l|les)\s+)?"
)
_ASKED = {
    "telephone": re.compile(_WHICH + r"(?:numeros?\s+(?:de\s+)?(?:telephone|tel|fax|portable)|telephone)\b"),
    "adresse": re.compile(_WHICH + r"adresses?\b(?!\s+(?:mail|e-mail|email|electronique|courriel))"),
    "courriel": re.compile(_WHICH + r"(?:courriel|e-mail|email|mail|adresses?\s+(?:mail|e-mail|email|electronique))\b"),
    "coordonnees": re.compile(_WHICH + r"coordonnees\b"),
}

# The values, in the passages as written: a French telephone number ("01 45 67 89 10", "+33 1 …"), a postal address
# (a number and a street word, or a postcode and a capitalised town), an e-mail.
_PHONE = re.compile(r"(?:\+33\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b")
_STREET = re.compile(
    r"\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|quai|all[ée]e|chemin|cours|impasse|route)\b",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"\b\d{5}\s+[A-ZÉÈ][a-zéèêëàâîïôöûüç-]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_VALUES: dict[str, tuple[re.Pattern[str], ...]] = {
    "telephone": (_PHONE,),
    "adresse": (_STREET, _POSTCODE),
    "courriel": (_EMAIL,),
    "coordonnees": (_PHONE, _STREET, _POSTCODE, _EMAIL),
}


def asked_contact(question: str) -> str | None:
    """The kind of contact detail the question asks ("telephone", "adresse", "courriel", "coordonnees"), or None."""
    text = fold(question.replace("’", "'")).replace("'", " ")
    return next((kind for kind, pattern in _ASKED.items() if pattern.search(text)), None)


def unstated_contact(question: str, evidence: Sequence[Evidence]) -> str | None:
    """The contact detail the question asks (`asked_contact`) when none of the best passages holds a value of its
    kind (else None): "quelle est l'adresse du CRFP de Lyon ?" is not answered by a passage naming the CRFP."""
    kind = asked_contact(question)
    if kind is None or not evidence:
        return None
    texts = [e.chunk.context_text for e in evidence[:DEPTH]]
    if any(pattern.search(text) for pattern in _VALUES[kind] for text in texts):
        return None
    return kind
