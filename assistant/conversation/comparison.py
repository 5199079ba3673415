"""A comparison asked as a follow-up: one standalone question naming both sides.

"c'est plus ou moins que le formateur interne ?" after a question on the tutor's bonus, "et le
conseiller offres de services, il est au-dessus ou en dessous ?" after the level of the CQP
gestionnaire conseil, "et par rapport au contrat pro ?", "c'est mieux que la VAE ?": the message names
one side (a named thing of the corpus) and says it compares, the other side is the previous subject.
Read alone it is answered about its own side only; read as a follow-up about the previous subject, about
the other side only. So it becomes the previous question asked about the new side, the side it is
compared with kept apart (`Resolution.compared_with`): the new side is answered alone — naming the other
side in the searched text pulls its passages in front — and the previous answer's first paragraph about
the other side is recalled after it (`first_paragraph`). The resolved question shown and kept names both
(`compared_question`):

    « Le CQP conseiller offres de services est de quel niveau ? Comparaison avec le CQP gestionnaire
    conseil. »

The comparison is recognised by French's comparative constructions (more/less/better/above/below/same/
different, "par rapport à", "comparé à"), never by the subjects' own words, so it holds for any pair of
named things. This is the shape a comparison answerer takes (a question naming both sides).
"""

from __future__ import annotations

import re

from assistant.conversation.cited_parts import without_markers
from text.folding import same_length

# Comparative constructions: "plus ou moins que", "plus élevé", "mieux que", "au-dessus", "en dessous",
# "supérieur", "par rapport à", "comparé au", "différence", "pareil", "la même chose", "autant que", "vs".
_COMPARES = re.compile(
    r"\b(?:plus ou moins|(?:plus|moins) (?:que|qu'|de|d'|eleve|elevee|haut|haute|bas|basse|long|longue|court|courte|"
    r"cher|chere|avantageux|avantageuse|interessant|interessante|favorable|important|importante|grand|grande)|"
    r"mieux|pire|au[- ]dessus|en[- ]dessous|au[- ]dessous|superieure?s?|inferieure?s?|par rapport (?:a|au|aux)|"
    r"compare[es]* (?:a|au|aux|avec)|comparaison|differen(?:ce|t|te|ts|tes)|pareil(?:le)?s?|identiques?|"
    r"la meme chose|le meme|la meme|autant (?:que|qu')|equivalente?s?|versus|vs)\b"
)


# A question of its own beside the comparison ("Question différente : quelles certifications… ?"): no
# follow-up comparison ("que", "combien" and "ou" are left out: "plus que", "combien de plus", "plus ou moins").
_OWN_QUESTION = re.compile(r"\b(?:qui|quoi|quel|quelle|quels|quelles|quand|comment|pourquoi)\b")


def compares(body: str) -> bool:
    """The message compares (a comparative construction) and asks nothing else, whatever it compares."""
    folded = same_length(body)
    return bool(_COMPARES.search(folded)) and not _OWN_QUESTION.search(folded)


COMPARATIVE = _COMPARES  # the comparative constructions alone, for a message that names neither side


def compared_question(question_about_new_side: str, other_display: str) -> str:
    """The standalone comparison: the previous question asked about the new side, then the side it is
    compared with ("… est de quel niveau ? Comparaison avec le CQP gestionnaire conseil.")."""
    asked = question_about_new_side.rstrip()
    if not asked.endswith(("?", ".", "!")):
        asked += " ?"
    return f"{asked} Comparaison avec {other_display}."


def first_paragraph(answer: str) -> str:
    """An answer's first paragraph without its citation markers (they number another answer's passages),
    recalled when the next message compares its subject with another."""
    paragraph = answer.strip().split("\n\n", 1)[0].strip()
    return without_markers(paragraph)
