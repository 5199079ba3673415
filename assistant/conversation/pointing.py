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


def points_back(body: str) -> bool:
    """The message (its lead-in removed) opens on a pronoun or a demonstrative, or holds a clitic standing for the
    previous thing."""
    folded = same_length(body).lower()
    return bool(_PRONOUN_FIRST.match(folded) or _DEMONSTRATIVE_FIRST.match(folded) or v.RE_CLITIC_BACK.search(folded))


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
