"""A follow-up after a calculation that asks about the rule, not about the case computed.

After a calculation on the user's case ("Notre Carsat a une masse salariale de 40 millions : combien ?"), a message
that states no fact of the case (`slots.find_slots` finds none, read by the caller) can still ask for the case again
("et ça fait combien en tout ?", "et en jours ?", "et si j'étais à temps partiel ?") or ask a question of its own about
the rule the calculation applied ("est-ce que ça remplace la contribution légale ?", "je devrai le payer de ma
poche ?", "elle compte dans la gratification annuelle ?"). Appended to the case, the second kind runs the same
calculator on the same facts again and its answer says the figure already given, not what was asked; asked of the
subject, it is answered from the texts.

The two are told apart by the message's own grammar, not by its words about the subject: a question (a question word,
an inverted subject, "est-ce que", or the question mark of a spoken yes/no question) that is no hypothesis ("et
si …", which changes the case) and asks no quantity or figure (what a calculation gives: "combien", "quel montant",
"au total", "ça fait", "quand"), nor a unit for the figure given ("en euros", handled before), nor questions the
result itself ("pourquoi ce chiffre ?"), nor asks a verdict on the person ("j'y ai toujours droit ?"), nor names
again someone of the case ("et Paul, … ?").
"""

from __future__ import annotations

import re

from assistant.conversation import vocabulary as v
from text.folding import same_length

# what a calculation gives: a quantity, an amount, a date of the case ("et ça tombe quand sur ma fiche de paie ?"
# after a bonus: the month the calculation gives for it)
_FIGURE_ASKED = re.compile(
    r"\b(?:combien|quel(?:le)?s? (?:(?:est|sont|serait|etait) )?(?:(?:sa|son|ses|ma|mon|mes|la|le|les|l') ?)?"
    r"(?:montant|nombre|total|somme|chiffre|duree|date|niveau|plafond|taux|moyenne|note|points?|prime|resultat)|"
    r"a (?:partir de )?quelle date|quand|au total|en tout|au final|"
    r"(?:ca|cela) (?:me |nous )?(?:fait|ferait|donne|donnerait|represente)|"
    r"en (?:euros?|jours?|heures?|mois|semaines?|points?|demi-journees?))\b"
)
# the lead-ins that open a follow-up ("et", "mais", "ok", "du coup")
_LEAD = re.compile(r"^(?:(?:et|mais|alors|donc|ok|d'accord|du coup|au fait|sinon|par contre|bon)\b[ ,]*)+")
# a pronoun or a noun phrase set before a question by a comma ("et ces points, ils …"): the question is what follows
_QUESTION_MARK = re.compile(r"\?\s*$")


# the result itself questioned ("pourquoi ce chiffre-là, d'où vient-il ?", "comment tu arrives à ça ?"): its reason
# is the calculation's, on the same case
_RESULT_QUESTIONED = re.compile(
    r"\bpourquoi\b|\bd'ou (?:vient|viennent|sort|sortent)\b|"
    r"\bcomment (?:tu |vous |on )?(?:as|avez|a|arrive\w*|trouve\w*|calcul\w*|obtien\w*|compte\w*)\b|"
    r"\b(?:ce|cet|cette) (?:chiffre|resultat|calcul|montant|total|nombre)\b"
)
# a verdict on the person, what an eligibility calculation gives ("et j'y ai toujours droit ?", "suis-je quand même
# éligible ?"): the case's question again, not the rule's
_VERDICT_ON_PERSON = re.compile(
    r"\b(?:je|j'|moi|ai-je|suis-je|puis-je|il|elle|ils|elles)\b[^?]*\b(?:droit|eligible\w*|admissible\w*|admis|"
    r"certifie\w*|valide\w*|beneficier|pretendre|toucher|percevoir|acceder|ouvert\w*|conforme\w*)\b"
)
# a word written with a capital inside the message: a first name, a place ("Et Paul, quelle est sa moyenne ?")
_CAPITALISED = re.compile(r"(?<!^)\b[A-ZÀÉÈÎÔ][a-zà-ÿ]{2,}\b")


def asks_of_rule(body: str, case: str = "") -> bool:
    """`body` (its correction or lead-in removed) asks a question of its own about the rule: a question, no
    hypothesis, no figure asked, no one of the `case` named again ("et Paul, … ?" asks about Paul's case)."""
    folded = same_length(body).lower().strip()
    rest = _LEAD.sub("", folded)
    if not rest or v.RE_HYPOTHESIS.match(rest) or _FIGURE_ASKED.search(rest) or _RESULT_QUESTIONED.search(rest):
        return False
    if _VERDICT_ON_PERSON.search(rest):
        return False
    named = {m.group() for m in _CAPITALISED.finditer(body.strip())} - {"Et", "Mais", "Alors", "Donc"}
    if any(re.search(rf"\b{re.escape(name)}\b", case) for name in named):
        return False
    asks = bool(v.RE_QUESTION_WORDS.search(rest)) or bool(_QUESTION_MARK.search(rest))
    # a few words only ("et pour mon collègue ?", "et le CDD ?") are the case asked again of something else
    return asks and len(re.findall(r"[a-z]+", rest)) >= 4
