"""Two readings of a follow-up's opening that decide which thing it is about, whatever its own words read alone.

* A pronoun or a demonstrative heading the message, with nothing put in front of it but a frame ("Vrai ou faux :
  elle compte dans la gratification annuelle ?", "et ces points, ils …"), or a clitic standing for the thing just
  spoken of ("et qui n'y a pas droit ?"), points back to the previous subject: the message is read against it even
  when its own words alone would be refused (the scope check still judges the resolved question). A thing put in
  front of the pronoun ("et ma prime d'intéressement, elle …") is the message's own instead.
* An opposition lead-in ("et à l'inverse, sa durée la plus courte ?", "dans l'autre sens, son plancher ?") keeps
  the previous subject and replaces what the previous question asked by the message's own noun phrase; an
  extreme alone ("et à l'opposé, le minimum ?") keeps the previous question, its thing being that question's.
"""

from __future__ import annotations

import re

from assistant.conversation import vocabulary as v
from text.folding import same_length

# a subject pronoun heading the message after a frame only
_PRONOUN_FIRST = re.compile(
    r"^(?:\s|[,:;]|\b(?:et|mais|alors|ok|du coup|donc|vrai ou faux|juste)\b)*(?:il|elle|ils|elles)\b", re.IGNORECASE
)
# a noun of the message's own after a determiner ("sa durée", "le nombre"), not an extreme alone ("le minimum")
_OWN_NOUN = re.compile(
    r"\b(?:sa|son|ses|le|la|les|l'|leur)\s*(?!(?:minimum|maximum|mini|maxi|plus|moins|contraire|inverse|oppose)\b)"
    r"[a-z]{4,}"
)


# a demonstrative heading the message ("et ces points, ils comptent … ?", "cette prime est-elle imposable ?"): what it
# shows was just spoken of; not a time ("cette année", "ce mois-ci"), which situates the question
_DEMONSTRATIVE_FIRST = re.compile(
    r"^(?:\s|[,:;]|\b(?:et|mais|alors|ok|du coup|donc|vrai ou faux|juste)\b)*(?:ce|cet|cette|ces)\s+"
    r"(?!(?:annee|annees|an|ans|mois|semaine|semaines|jour|jours|matin|soir|midi|trimestre|semestre|fois|"
    r"week-end|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|printemps|ete|automne|hiver)\b)[a-z]"
)


# an object pronoun standing for the thing just spoken of, before the verb it is the object of: after a preposition
# or a modal verb, before an infinitive ("le congé pour la préparer", "je devrai le payer", "pour y aller"), or after
# a subject pronoun ("qui les paie ?", "qui la finance ?"); an article before a noun is no such pronoun ("pour la
# formation": the infinitive's ending, or the subject pronoun before it, tells them apart)
_OBJECT_CLITIC = re.compile(
    # a modal verb then the pronoun ("je devrai le payer", "je peux la demander")
    r"\b(?:peux|peut|pouvez|pourrai|pourrais|dois|doit|devez|devrai|devrais|faut|vais|va|veux|veut)\s+"
    r"(?:le|la|les|l'|y)\s*[a-z]{3,}\b"
    # a preposition then a feminine or plural pronoun (a masculine noun in -er, "pour le master", is no verb) or "y"
    r"|\b(?:pour|de|d'|sans|a)\s*(?:(?:la|les)\s+[a-z]{3,}(?:er|ir)|y\s+[a-z]{3,}(?:er|ir|re))\b"
    # a subject pronoun then the pronoun and a verb of paying, granting or running ("qui les paie ?")
    r"|\b(?:qui|je|j'|tu|on|il|elle|ils|elles)\s*(?:le|la|les|l')\s*(?:paie|paye|finance|gere|prend|verse|rembourse|"
    r"accorde|fait|fixe|decide|choisit|organise|assure|dispense)\w*\b"
)


def points_back(body: str) -> bool:
    """The message (its lead-in removed) opens on a pronoun or a demonstrative, or holds a clitic standing for the
    previous thing (an object pronoun before its verb included: "le congé pour la préparer")."""
    folded = same_length(body).lower()
    return bool(
        _PRONOUN_FIRST.match(folded)
        or _DEMONSTRATIVE_FIRST.match(folded)
        or v.RE_CLITIC_BACK.search(folded)
        or _OBJECT_CLITIC.search(folded)
    )


def opposes(lead: str, body: str) -> bool:
    """The lead-in opposes the message to the previous question and the message names a thing of its own."""
    return bool(v.RE_OPPOSITE.search(same_length(lead).lower()) and _OWN_NOUN.search(same_length(body).lower()))


# a demonstrative and its noun anywhere in the message: "pour ce conseil", "de cette prime"
_SHOWN = re.compile(r"\b(?:ce|cet|cette|ces)\s+(?P<noun>[a-z]{4,})")


def shows_subject(body: str, subject_words: str) -> bool:
    """The message shows the previous subject with a demonstrative and its head noun ("vers quels organismes puis-je
    me tourner pour ce conseil ?" after the CEP): read against it, even when its other words alone are refused."""
    words = set(re.findall(r"[a-z]{4,}", same_length(subject_words).lower()))
    return any(
        m.group("noun").rstrip("s") in {w.rstrip("s") for w in words}
        for m in _SHOWN.finditer(same_length(body).lower())
    )
