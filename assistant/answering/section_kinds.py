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

Inside a passage whose heading says nothing of it (art. 6 "Entretien professionnel"), what a thing is for is stated
by a sentence of one form: the thing as its subject, then a verb of purpose ("L'entretien professionnel doit
permettre à chaque salarié d'envisager…"); `states_purpose` reads it, `asks_what_for` the question asking it.
"""

from __future__ import annotations

import re

from assistant.answering.units import query_weights, unit_terms
from text.folding import without_accents

BENEFICIARIES = "beneficiaries"
PURPOSE = "purpose"
DURATION = "duration"
PAY = "pay"
FUNDING = "funding"
MISSIONS = "missions"
QUALIFICATIONS = "qualifications"

# The head noun opening one coordinated part of a heading (folded, lower case).
_HEADING_HEADS: dict[str, re.Pattern[str]] = {
    BENEFICIARIES: re.compile(r"^(?:beneficiaires?|publics?)\b"),
    PURPOSE: re.compile(r"^(?:objet|objectifs?|finalites?)\b"),
    DURATION: re.compile(r"^durees?\b"),
    PAY: re.compile(r"^remunerations?\b"),
    FUNDING: re.compile(r"^(?:financement|(?:modalites\s+de\s+)?prise\s+en\s+charge)\b"),
    MISSIONS: re.compile(r"^missions?\b"),
    QUALIFICATIONS: re.compile(r"^(?:qualifications?|certifications?)\b"),
}
_PARTS = re.compile(r"\s+et\s+|\s*[,;]\s*")
# an article, or a heading's frame before its head noun: "Définition des qualifications accessibles"
_LEADING_ARTICLE = re.compile(r"^(?:(?:definition|liste)\s+(?:des|de\s+la|de|du)\s+|(?:les?|la|des|du)\s+|l')")

# What the question's interrogative phrase asks for (folded, lower case).
_ASKS: dict[str, re.Pattern[str]] = {
    BENEFICIARIES: re.compile(
        r"\bqui\b[^?.;:]{0,30}?\b(?:benefici\w*|(?:a|ont|avoir)\s+(?:pas\s+|plus\s+)?droit|concern\w*|"
        r"eligibles?|acces|acceder|pretendre|profiter)\b|"
        r"\bpour\s+qui\b|\ba\s+qui\s+(?:s'adresse|est\s+(?:destinee?|ouverte?|reservee?)|profite|s'applique)|"
        r"\bquel(?:le)?s?\s+(?:sont\s+les\s+)?(?:salaries|publics?|personnes|beneficiaires|population|categories|profils?)\b|"
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
    # pay asked of the person ("suis-je payé", "combien je touche") or by the interrogative's own noun ("quel
    # plancher de salaire", "quand la paie …"), not a pay noun inside another clause ("… dit si le salaire est
    # remboursé" asks who decides)
    PAY: re.compile(
        r"\bquel(?:le)?s?\s+(?:est\s+(?:le|la)\s+)?(?:[\w-]+\s+(?:de|du)\s+)?(?:salaire|remuneration|coefficient|paie)\b|"
        r"\b(?:suis-je|serai-je|est-il|est-elle|sont-ils|sont-elles|etre|sera|seront|suis|est|sont)\s+(?:\w+\s+)?"
        r"(?:payee?s?|remuneree?s?)\b|"
        r"\b(?:quand|comment|combien)\s+(?:[\w'-]+\s+){0,3}?(?:la|le|sa|son|ma|mon)\s+(?:paie|salaire|remuneration)\b|"
        r"\bcombien\s+(?:je|j'|il|elle|on)\s*(?:vais\s+|va\s+)?(?:touche|gagne)"
    ),
    FUNDING: re.compile(
        r"\bqui\s+(?:paie|paye|finance|prend\s+en\s+charge|regle)\b|\bpar\s+qui\b[^?]{0,30}\b(?:finance|paye|pris)|"
        r"\b(?:comment|par\s+quel\s+\w+)\s+(?:[\w'-]+\s+){0,4}?(?:financee?s?|alimentee?s?|pris\s+en\s+charge)\b|"
        r"\bquel(?:le)?\s+(?:est\s+le\s+)?financement\b|\bd'ou\s+vient\s+l'argent\b"
    ),
    # what can be prepared: "quel type de certification", "peut-il préparer un titre …"
    QUALIFICATIONS: re.compile(
        r"\bquel(?:le)?s?\s+(?:sont\s+les\s+)?(?:types?\s+de\s+|sortes?\s+de\s+)?"
        r"(?:titres?|diplomes?|certifications?|qualifications?)\b|"
        r"\bpreparer\s+(?:un|une|des|le|la|les)\s+(?:[\w-]+\s+){0,2}?(?:titres?|diplomes?|certifi\w*|qualifications?)\b"
    ),
    # the missions asked ("quelles sont ses missions", "quel est le rôle"), not a mission named ("exercer sa mission")
    MISSIONS: re.compile(
        r"\bquel(?:le)?s?\s+(?:sont\s+)?(?:les\s+|ses\s+|leurs\s+)?(?:missions|taches|attributions)\b|"
        r"\bquel(?:le)?\s+(?:est\s+)?(?:le\s+|son\s+|sa\s+)?role\b|\bque\s+doit\s+faire\b"
    ),
}


def _folded(text: str) -> str:
    return without_accents(text.lower()).replace("’", "'")


def heading_kinds(title: str) -> frozenset[str]:
    """The kinds a section heading names by the head noun of one of its coordinated parts."""
    kinds: set[str] = set()
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


# What a thing is for, asked of it: "à quoi sert X", "quel est l'objet / l'objectif / le but de X", not "quel rôle" (an
# actor's missions: "le rôle de la CPNEFP vis-à-vis de la VAE" is not what the VAE is for) nor "pourquoi" (a reason).
_ASKS_WHAT_FOR = re.compile(
    r"\b(?:a\s+quoi\s+(?:ca\s+|cela\s+)?ser[tv]\w*|sert\s+a\s+quoi|pour\s+quoi\s+faire|"
    r"quel(?:le)?\s+(?:est\s+)?(?:l'|le\s+|la\s+|son\s+|sa\s+)?(?:objet|objectif|finalite|but|utilite))\b"
)


def asks_what_for(question: str) -> bool:
    """The question asks what a thing is for ("à quoi sert l'entretien professionnel ?")."""
    return bool(_ASKS_WHAT_FOR.search(_folded(question)))


# A sentence stating what its subject is for: the subject first (no clause before it), then the verb of purpose.
_STATES_PURPOSE = re.compile(
    r"^(?P<subject>[^,;:()]{2,80}?)\s+(?:a\s+pour\s+(?:objet|objectif|mission|vocation|finalité)|vise(?:nt)?\s+à|"
    r"doi(?:t|vent)\s+permettre|permet(?:tent)?|(?:est|sont)\s+destinée?s?\s+à|ser(?:t|vent)\s+à)\b",
    re.IGNORECASE,
)


def states_purpose(sentence: str, question: str) -> bool:
    """The sentence says what the thing the question names is for: "La Pro-A a pour objet de…", "L'entretien
    professionnel doit permettre…". Every word of its subject is the question's: "L'entretien professionnel doit
    permettre…" does not say what "l'entretien de bilan" is for."""
    match = _STATES_PURPOSE.match(sentence.strip())
    if match is None:
        return False
    subject = unit_terms(match.group("subject"))
    return bool(subject) and subject <= set(query_weights(question))
