"""What a section is about, read from its heading, and what kind of section a question asks for.

Why: the texts' articles are drafted on one plan, each part headed by what it rules ("2.1 Objet de la Pro-A",
"2.3 Bénéficiaires concernés", "2.4 Durée et nature de l'avenant", "3.6 Rémunération des bénéficiaires", "3.7
Financement et modalités de prise en charge", "4.1 Objet du tutorat et missions du tuteur"). The lexical score of
a sentence cannot tell which of them answers "qui peut bénéficier de la Pro-A ?": the duration's list ("portée
jusqu'à 36 mois pour : les personnes âgées de 16 à 25 ans…") repeats "bénéficiaires" and "Pro-A" as often as the
beneficiaries' own part. The heading says it: the part whose head noun is what the question asks for (its
interrogative and its head noun: "qui peut bénéficier" → the beneficiaries, "dans quel but" → the object, "quelle
durée" → the duration) is the part that answers.

Two readings, both of form, never of one question's words:
- `heading_kinds(title)`: the kinds a heading names by the head noun of each of its coordinated parts ("Durée et
  nature de l'avenant" → duration; "Rémunération des bénéficiaires" → pay, not beneficiaries: the complement is
  whose pay it is, not what the part rules);
- `asked_kinds(question)`: the kinds the question's interrogative phrase asks for.
The composer lets a passage whose heading names an asked kind compete for the lead, and prefers it
(`lead.choose_lead`'s `preferred`), when the passage the ranking put first is headed by something else.
"""

from __future__ import annotations

import re

from text.folding import without_accents

BENEFICIARIES = "beneficiaries"
PURPOSE = "purpose"
DURATION = "duration"
PAY = "pay"
FUNDING = "funding"
MISSIONS = "missions"

# The head noun opening one coordinated part of a heading (folded, lower case).
_HEADING_HEADS: dict[str, re.Pattern[str]] = {
    BENEFICIARIES: re.compile(r"^(?:beneficiaires?|publics?)\b"),
    PURPOSE: re.compile(r"^(?:objet|objectifs?|finalites?)\b"),
    DURATION: re.compile(r"^durees?\b"),
    PAY: re.compile(r"^remunerations?\b"),
    FUNDING: re.compile(r"^(?:financement|(?:modalites\s+de\s+)?prise\s+en\s+charge)\b"),
    MISSIONS: re.compile(r"^missions?\b"),
}
_PARTS = re.compile(r"\s+et\s+|\s*[,;]\s*")
_LEADING_ARTICLE = re.compile(r"^(?:les?|la|l'|des|du)\s*")

# What the question's interrogative phrase asks for (folded, lower case).
_ASKS: dict[str, re.Pattern[str]] = {
    BENEFICIARIES: re.compile(
        r"\bqui\b[^?.;:]{0,30}?\b(?:benefici\w*|a\s+droit|ont\s+droit|avoir\s+droit|y\s+a\s+droit|concern\w*|"
        r"eligibles?|acces|acceder|pretendre|profiter)\b|"
        r"\bpour\s+qui\b|\ba\s+qui\s+(?:s'adresse|est\s+(?:destinee?|ouverte?|reservee?)|profite|s'applique)|"
        r"\bquel(?:le)?s?\s+(?:sont\s+les\s+)?(?:salaries|publics?|personnes|beneficiaires|population|categories)\b|"
        r"\ba\s+quel(?:le)?s?\s+(?:salaries|publics?|personnes)\b"
    ),
    PURPOSE: re.compile(
        r"\b(?:a\s+quoi\s+(?:ca\s+|cela\s+)?ser[tv]\w*|sert\s+a\s+quoi|dans\s+quel\s+but|pour\s+quoi\s+faire|"
        r"quel(?:le)?\s+(?:est\s+)?(?:l'|le\s+|la\s+|son\s+|sa\s+)?(?:objet|objectif|finalite|but|role|vocation))\b|"
        r"^pourquoi\b"
    ),
    DURATION: re.compile(
        r"\b(?:quel(?:le)?\s+(?:est\s+la\s+)?duree|combien\s+de\s+(?:temps|mois)|dure\w*\s+combien|"
        r"duree\s+(?:minimale|maximale|max|min)\w*)\b|\bduree\s*\?"
    ),
    PAY: re.compile(
        r"(?<!qui\s)\b(?:payee?s?|remuneree?s?|remuneration|salaire|paie)\b(?!\s+(?:la|le|les|l')\b)|"
        r"\bcoefficient\b"
    ),
    FUNDING: re.compile(
        r"\bqui\s+(?:paie|paye|finance|prend\s+en\s+charge|regle)\b|\bfinance(?:e|es|s)?\b|\bfinancement\b|"
        r"\bprise\s+en\s+charge\b|\bd'ou\s+vient\s+l'argent\b|\balimentee?s?\b"
    ),
    MISSIONS: re.compile(
        r"\bmissions?\b|\bque\s+doit\s+faire\b|\bquel(?:le)?s?\s+(?:sont\s+(?:les|ses)\s+)?(?:taches|attributions)\b|"
        r"\brole\b"
    ),
}


def _folded(text: str) -> str:
    return without_accents(text.lower()).replace("’", "'")


def heading_kinds(title: str) -> frozenset[str]:
    """The kinds a section heading names by the head noun of one of its coordinated parts."""
    kinds = set()
    for part in _PARTS.split(_folded(title).strip()):
        head = _LEADING_ARTICLE.sub("", part.strip())
        kinds.update(kind for kind, pattern in _HEADING_HEADS.items() if pattern.match(head))
    return frozenset(kinds)


def asked_kinds(question: str) -> frozenset[str]:
    """The kinds of section the question's interrogative phrase asks for ("qui peut bénéficier" → beneficiaries)."""
    folded = _folded(question)
    return frozenset(kind for kind, pattern in _ASKS.items() if pattern.search(folded))


def answers_kind(question_kinds: frozenset[str], title: str) -> bool:
    """Whether a section headed `title` is about one of the kinds the question asks for."""
    return bool(question_kinds & heading_kinds(title))
