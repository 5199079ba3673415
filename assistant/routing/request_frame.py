"""How a question is asked, apart from what it asks about: the order that opens a message ("Dresse la liste
des …", "Peux-tu énumérer …", "Liste-moi …"), the kind of answer named after an interrogative ("dans quel
but", "quel intérêt"), a text named by its year ("l'accord de 2019").

Why: the subject check (`assistant.routing.subject`) takes the first noun phrase after the interrogative
frame as what the question is about. A request to enumerate put as an order ("Dresse la liste de ceux qui
…") or a purpose asked by a noun ("dans quel but …") gave "dresse liste ceux" or "but 2019" as the subject,
which no passage speaks of, and the question was refused (u26g-085, u26g-087). These forms are read from
the message's grammar (an imperative, an infinitive after "peux-tu", a noun right after "quel"), never
from one question's words. Works on folded text (`fold`, apostrophes as spaces).
"""

from __future__ import annotations

import re

# A request said as an order at the head of the message frames what is asked, it is not its subject: an
# imperative with its pronoun ("Liste-moi …", "Fais-moi …", "Cite-nous …"), a bare imperative, i.e. a first word
# ending like one ("-e" but not a participle's "-ée", "-is") followed at once by an article or a pronoun,
# which no noun is ("Recense les …", "Dresse la …", "Énumère ce que …"), or "peux-tu / pourriez-vous /
# merci de" + an infinitive ("Peux-tu énumérer …"). After it, a noun naming the form of the answer, then
# "de" ("la liste des …", "l'inventaire de …", "le détail des …"), frames it too; "ceux qui …",
# "ce que …" leave the subject to the relative clause.
_DETERMINER = r"(?:les|la|le|l|des|du|un|une|ce|ces|cet|cette|ceux|celles|mes|mon|ma|nos|notre|vos|votre|quels|quelles)"
_NOT_VERB = frozenset({"toute", "toutes", "tous", "chaque", "meme", "memes", "plusieurs", "certains", "certaines"})
_REQUEST = re.compile(
    r"^\s*(?:(?:bonjour|salut|svp|stp|merci)\W+)*"
    r"(?:(?:peux|pourrais|pouvez|pourriez|peut|voudrais|voudriez|veux|voulez)-(?:tu|vous|on)\s+(?:bien\s+)?"
    r"(?:me\s+|m\s+|nous\s+)?([a-z]+(?:er|ir|re))\b|merci\s+de\s+(?:me\s+|m\s+|nous\s+)?([a-z]+(?:er|ir|re))\b|"
    rf"([a-z]+)-(?:moi|nous|les|le|la)\b|([a-z]{{2,}}[^e\W]e|[a-z]{{2,}}is)(?=\s+{_DETERMINER}\b))"
)
_ANSWER_FORM = re.compile(
    r"^\s*(?:(?:moi|nous)\s+)?(?:(?:la|le|l|une|un|les)\s+)?(?:liste|inventaire|detail|recapitulatif|ensemble|tableau|"
    r"synthese|enumeration|panorama|noms?|totalite)\s+(?:(?:complete|exhaustive|precise)\s+)?(?:de|des|du|d)\b"
)


def without_request(text: str, function_words: frozenset[str] = frozenset()) -> str:
    """The folded message without how it is asked: the order that opens it (`_REQUEST`) and the answer's form
    named after it, the kind of answer named after an interrogative (`_ASKED_KIND`), a text's year."""
    text = _TEXT_YEAR.sub(r"\1", _ASKED_KIND.sub(" ", text))
    match = _REQUEST.match(text)
    if match is None:
        return text
    verb = next(g for g in match.groups() if g)
    if verb in function_words or verb in _NOT_VERB:
        return text  # "quelles les …", "toutes les formations …": no order
    rest = text[match.end() :]
    form = _ANSWER_FORM.match(rest)
    return rest[form.end() :] if form else rest


# The kind of answer asked, said as a noun after the interrogative: "dans quel but", "pour quelle raison", "quel
# est l'intérêt de", "quel objectif": what the answer states (a purpose), not what it is about.
_ASKED_KIND = re.compile(
    r"\b(?:(?:dans|pour|avec|a|en)\s+)?quel(?:le)?s?\s+(?:(?:est|sont|etait|serait)\s+)?(?:(?:l|le|la|les)\s+)?"
    r"(?:but|raison|objectif|interet|finalite|motif|utilite|intention|optique)s?\b"
    # and the verb right after it, before its subject's article ("quel objectif poursuit le tutorat")
    r"(?:\s+[a-z]{3,}(?=\s+(?:le|la|les|un|une|des|du|ce|cet|cette|ces)\b))?"
)
# A text named by its year ("l'accord de 2019", "l'avenant de 2022"): the year names the text.
_TEXT_YEAR = re.compile(
    r"\b(accords?|avenants?|protocoles?|conventions?|circulaires?|textes?)\s+(?:de|du|d)\s+(?:19|20)\d\d\b"
)
