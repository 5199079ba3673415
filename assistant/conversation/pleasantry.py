"""The acknowledgement a follow-up opens with, and the label announcing what follows it.

"Merci, c'est plus clair. Dernière précision sur le même sujet : mets-moi ça sous forme de tableau.", "Très bien, je
note tout ça dans mon carnet. Question suivante : fais-m'en une liste numérotée…", "Parfait. Pourrait-elle entrer en
Pro-A ?": the user thanks or acknowledges the last answer in a sentence of its own, then asks. That sentence says
nothing about the texts, but its words were read as the request's (the table's aspect became "parfait merci"), as a
fact glued to the case ("… depuis mai 2020, merci, c'est clair. Et du coup…"), or as a subject the scope check
refused. `followups` already drops a first sentence made only of thanks ("Ok merci."); this reads the longer ones: a
sentence opened by an acknowledgement word, holding no figure, no question, no subject of the texts and no change of
subject, is taken off, and so is a short label ending in a colon right after it ("Question suivante :", "Ensuite :")
that names nothing either. A sentence that changes the subject ("je passe à tout autre chose"), corrects ("non,
erreur de ma part :") or steps aside keeps the message whole: those words are read by `switch`, `fact_merge` and
`frames`.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.conversation import vocabulary as v
from assistant.conversation.slots import find_slots
from assistant.conversation.subject import find_subject
from text.folding import same_length

# a sentence opened by an acknowledgement: "merci…", "ok, je transmets", "très bien, je note", "bien compris, …"
_ACKNOWLEDGE = re.compile(
    r"^(?:(?:ah|oh|bon|alors|ok|okay|d'accord|dac)\s*,?\s+)?"
    r"(?:merci|ok|okay|d'accord|dac|super|parfait|genial|top|cool|tres bien|bien compris|compris|entendu|"
    r"c'est note|note|bien note|bien recu|ca marche|vu|bien vu|excellent|impeccable|nickel|je vois|ah ok|"
    r"c'est (?:clair|plus clair|bon|parfait|top|super|utile|gentil))\b"
)
# the first sentence, ended by a full stop, an exclamation, an ellipsis or a semicolon, and what follows it
_FIRST = re.compile(r"^\s*(?P<first>[^.!?;…:]+)(?:[.!;…]+)\s+(?P<rest>\S.*)$", re.DOTALL)
# a label announcing the question, ended by a colon: "Question suivante :", "Dernière précision sur le même sujet :"
_LABEL = re.compile(r"^\s*(?P<label>[^.!?;…:]{1,70}?)\s*:\s+(?P<rest>\S.*)$", re.DOTALL)
_MAX_LABEL_WORDS = 9
# the words that change the subject or step aside inside a sentence ("je passe à tout autre chose")
_ELSEWHERE = re.compile(
    r"\b(?:autre (?:chose|sujet|question|theme|registre|domaine)|tout autre|change\w* de sujet|rien a voir|"
    r"sans rapport|passe a|passons)\b"
)


def _says_nothing(part: str, today: date) -> bool:
    """No figure, no question, no fact, no subject of the texts, no change of subject, no correction or step aside."""
    folded = same_length(part).lower().strip()
    if not folded or re.search(r"\d|\?", folded) or _ELSEWHERE.search(folded):
        return False
    clauses = [c.strip() for c in re.split(r"[,;]", folded) if c.strip()]
    marked = (v.RE_SWITCH, v.RE_DIGRESSION, v.RE_CORRECTION)
    if any(rx.match(c) for rx in marked for c in clauses):
        return False
    return find_subject(part) is None and not find_slots(part, today)


def without_pleasantry(message: str, today: date) -> str:
    """The message without an opening sentence that only acknowledges the last answer, and without the label that
    follows it; the message as it is when nothing else would be left or the sentence says something."""
    found = _FIRST.match(message)
    if found is None:
        return message
    first, rest = found.group("first"), found.group("rest")
    if not _ACKNOWLEDGE.match(same_length(first).lower().strip()) or not _says_nothing(first, today):
        return message
    label = _LABEL.match(rest)
    if (
        label is not None
        and len(label.group("label").split()) <= _MAX_LABEL_WORDS
        and _says_nothing(label.group("label"), today)
    ):
        rest = label.group("rest")
    return rest[:1].upper() + rest[1:]


# who asks, put in front of the question ("Question de mon binôme au plateau téléphonique :", "Question posée par un
# stagiaire de Prem'ss à sa tutrice :", "Message de mon manager :"): a person named with a determiner, then a colon
_ASKER = re.compile(
    r"^\s*(?:question|message|demande)s?\s+(?:(?:posee|transmise|envoyee|relayee|recue|remontee)\s+)?"
    r"(?:par|de|d'|du|de la|des)\s*(?:mon|ma|mes|un|une|notre|nos|l'|le|la|les|d'un|d'une|ce|cette)\s*"
    r"[^:?!.]{2,90}?\s*:\s+(?=\S)"
)


def without_asker(message: str) -> str:
    """The message without the frame saying who asks it: the words after it are the question, and the person the
    frame names is not its subject (the stagiaire "de Prem'ss" made the conversation about the Prem'ss path, and
    "binôme au plateau téléphonique" was read as a subject outside the texts). A frame naming a subject and no person
    ("Question de paie :") stays."""
    found = _ASKER.match(same_length(message).lower())
    if found is None:
        return message
    rest = message[found.end() :]
    return rest[:1].upper() + rest[1:]
