"""An entry of the Pro-A list asked what it is or who runs it: the list's row answers, not the membership check.

Why (issue #13, class 1): `pro_a_certification` answers one question, whether a certification is on the Pro-A
list (accord annexe 1, avenant art. 1). "Le DAMC qu'on voit sur la liste des certifications Pro-A, ça désigne
quoi ?", "Par quel organisme sont formés les candidats au CQP délégué de l'assurance maladie inscrits sur la
liste Pro-A ?", "Quel groupe a demandé que le DEAES figure sur la liste ?" name an entry and even say it is on the
list; what they ask is another column of its row ("DAMC : dispositif d'accès aux métiers de contrôle – formation
initiale des Inspecteurs", "Institut 4.10", "EN3S") or the annex that argues for it. The texts answer them.

The reading is the asking clause's grammar, not its words: an open question (an interrogative word: quel, quoi,
qui, comment, "que signifie") with no yes/no on the entry (no inverted verb, "est-ce que", "c'est ouvert /
éligible …"). "Le diplôme d'aide-soignant est-il dans la liste Pro-A, et préparé où ?" asks the membership too
and stays the calculator's; so does "ce diplôme est-il sur la liste ?".
"""

from __future__ import annotations

import re

from assistant.routing.calculator_inputs.facts import asking_sentence

# Calculators that look an entry up in a list of the texts.
LIST_LOOKUPS = ("pro_a_certification",)

_OPEN_ASK = re.compile(
    r"\b(?:quel|quelle|quels|quelles|quoi|qui|comment|lequel|laquelle|lesquels|lesquelles)\b"
    r"|^\W*(?:que|qu'est-ce)\b|\bque (?:signifie|veut dire|designe|recouvre)\b"
)
# A yes/no on the entry: an inverted verb with no interrogative word before it ("est-il sur la liste", "figure-t-il";
# "par quel organisme est-il préparé ?" is open), "est-ce que" (not "qu'est-ce que"), or a verdict said with "c'est"
# ("c'est ouvert en Pro-A ?").
_WH = r"\b(?:quel\w*|quoi|qui|comment|combien|pourquoi|quand|lequel\w*|laquelle|lesquel\w*)\b"
_YES_NO = re.compile(
    rf"^(?:(?!{_WH})[^?])*?\b[a-z]+-(?:t-)?(?:il|elle|ils|elles|on)\b|(?<!qu')\best-ce qu"
    r"|\bc'est (?:bien )?(?:ouvert|eligible|accessible|possible|dans|sur|inscrit|pris|accepte|finance)\w*"
)

# The entry's membership named as the thing asked about: "de quel acte dépendait l'ouverture de ce diplôme à la
# Pro-A ?" asks when and how it came on the list (avenant art. 6: "conditionnée à l'extension"), the lookup's answer.
_MEMBERSHIP = re.compile(r"\b(?:ouverture|eligibilite|inscription|ajout|entree)\b")


def asks_an_entry_attribute(folded: str, calculator: str) -> bool:
    """The asking clause asks an open question of a list's entry, with no yes/no on its membership."""
    if calculator not in LIST_LOOKUPS:
        return False
    clause = asking_sentence(folded).rsplit(":", 1)[-1].strip()
    return bool(_OPEN_ASK.search(clause)) and not _YES_NO.search(clause) and not _MEMBERSHIP.search(clause)
