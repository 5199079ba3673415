"""Whether a message asks, by its form, for a list: its request verb or the shape it wants the answer in.

Why: "Liste-moi, sans en oublier, les structures habilitées au CEP", "Énumère point par point ce qu'il faut remplir",
"Sous forme de liste à tirets : quels profils…", "Fais l'inventaire des postes…" ask for the members of something;
a lead that states one rule of the section ("l'absence peut être portée à 1 journée…") answers another question,
however many of the message's words it repeats. A plural interrogative ("quels organismes ?") may ask for one
member as well as for all of them; these forms ask for all of them.

The reading is one of form only: a verb of enumerating in the imperative followed by what it enumerates ("cite
les…", "liste-moi…", "donne-les toutes"), a noun naming a list as the thing asked ("la liste des…", "l'inventaire
des…", "énumération complète"), or the layout asked for ("en puces", "à tirets", "point par point", "une à une",
"une ligne par étape"). Never a word of the subject: "la liste des demandeurs d'emploi" inside a rule is no request
(it follows no request verb), "lequel citer ?" asks which, not all.
"""

from __future__ import annotations

import re

_VERB = (
    r"(?:liste|lister|énumère|énumérer|enumere|enumerer|cite|citer|nomme|nommer|recense|recenser|récapitule|"
    r"recapitule|récapituler|inventorie|détaille|detaille|détailler|donne|donner|dresse|dresser|mets|mettre|fais|faire)"
)

_LIST_REQUEST = re.compile(
    # a verb of enumerating in the imperative, then what it enumerates: "cite-moi les…", "liste-les", "énumère tous…"
    r"\b(?:liste|énumère|enumere|énumérez|cite|citez|nomme|nommez|recense|récapitule|recapitule|inventorie)"
    r"(?:-(?:moi|nous|les|la))*(?:\s*,[^,]{0,40},)?(?:-|\s+)(?:les|tou(?:te)?s|l['’]ensemble|chacun|ce\s+qu)\b|"
    r"\b(?:liste|énumère|enumere|cite|nomme|récapitule|recapitule|donne|donnez)[sz]?-les\b|"
    # a noun naming the list asked for: "fais-moi la liste des…", "l'inventaire des…", "une énumération complète"
    rf"(?:^|[.?!:;,]\s*){_VERB}(?:-(?:moi|nous))?\s+(?:la|une)\s+liste\b|\b{_VERB}-(?:moi|nous)\s+(?:la|une)\s+liste\b|"
    r"\b(?:veux|voudrais|aimerais|souhaite|souhaiterais)\s+(?:avoir\s+)?(?:la|une)\s+liste\b|"
    r"\b(?:l['’]\s*)?inventaire\s+d|\bénumération\b|\benumeration\b|"
    rf"\b{_VERB}(?:-(?:les|moi|nous))*\s+en\s+(?:liste|puces)\b|"
    # the layout asked for
    r"\bsous\s+(?:la\s+)?forme\s+d['’]\s*(?:une\s+)?liste\b|\b(?:liste|forme)\s+(?:à|a)\s+(?:tirets|puces)\b|"
    r"\ben\s+puces\b|\b(?:un|une)\s+(?:tiret|puce|ligne)\s+par\b|"
    r"\b(point|bloc|élément|element|critère|critere|condition)\s+par\s+\1\b|"
    r"\b(un|une)\s+(?:par|à)\s+\2\b|\bl['’]une?\s+après\s+l['’]autre\b|"
    r"\bpass(?:e|ez|er)\s+en\s+revue\b|\bsans\s+(?:en\s+|rien\s+)?oublier\b|\btous\s+les\s+noms\b",
    re.IGNORECASE,
)


def asks_list(question: str) -> bool:
    """The message asks, by its form, for every member of what it names (see the module's docstring)."""
    return bool(_LIST_REQUEST.search(question))
