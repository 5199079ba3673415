"""A change of subject decided by what the message means, not by the absence of a topic word.

`followups.resolve` reads a message against the conversation from its words: a message without a
named thing of the corpus, opening with "et" or holding a pronoun, continues the previous question.
Two readings of the message *alone* overrule that, both made by the product's own scope check
(the router with the example bank's meaning, and the answer's subject check), never by a list of
out-of-scope words:

* **after a refusal** — the last question was refused (out of scope) and the message alone reads as
  one of the texts' topics ("Sinon, côté animation de sessions en interne, la prime…" after a
  question on the prime de partage de la valeur): it is not glued to the refused question, it is
  asked alone (`stands_alone_after_refusal`);
* **a subject of its own, outside the texts** — the message names a thing with an article, not a
  pronoun nor a possessive ("et le forfait jours, il s'applique… ?", "et pour le congé de proche
  aidant, c'est combien ?"), the previous question does not hold it, and the message alone is refused
  by the answer's scope check: the refusal is the answer, not the previous topic's article
  (`own_phrase` picks such messages; `exchange.converse` asks them alone).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from assistant.conversation import vocabulary as v
from assistant.conversation.backrefs import ORDINAL_WORDS
from assistant.conversation.slots import find_slots
from assistant.conversation.subject import subjects_in
from assistant.routing.router import RouteDecision
from text.folding import same_length

# The message's own noun phrase, in front (after "et", "sinon", a preposition such as "pour", "côté"):
# an article or a first-person possessive, then a noun — a third-person possessive ("son numéro") or a
# pronoun points back, so it is not one.
_OWN_PHRASE = re.compile(
    r"^(?:\s|[,;:.!…-])*(?:(?:et|alors|mais|sinon|bon|ok|puis|aussi)\b(?:\s|[,;:.!…-])*)*"
    r"(?:(?:pour|avec|sur|concernant|niveau|cote|quant a|a propos d[eu]|au sujet d[eu]|en ce qui concerne)\s+)?"
    # (the user's own thing, "mes frais kilométriques", is no pointer back to the previous subject either)
    r"(?P<phrase>(?:(?:les|le|la|un|une|des|du|mon|ma|mes|notre|nos)\s+|l')(?P<noun>[a-z][a-z-]{3,})"
    r"(?:\s+(?:de |d'|du |des )?[a-z][a-z-]{2,}){0,3})"
)
_PERSON = v.RE_THIRD_PERSON
_NOT_NAMES = ORDINAL_WORDS | {"meme", "memes", "autre", "autres"}
_FIVE = 5  # words are compared on their first letters: "congé"/"congés", "technicien"/"techniciens"


def own_phrase(message: str, previous: str) -> str | None:
    """The noun phrase the message puts in front as its own subject when the previous question
    (`previous`) does not hold its noun, else None ("et le forfait jours, il…" → "le forfait jours")."""
    folded = same_length(message)
    m = _OWN_PHRASE.match(folded)
    if m is None:
        return None
    if m.group("noun") in _NOT_NAMES:
        return None  # "la première, elle…", "le même, …": an earlier thing counted, not a new one
    if _PERSON.fullmatch(m.group("noun")):
        return None  # "et pour mon collègue bachelier ?": a person the question is asked for, not a thing
    before = same_length(previous)
    if re.search(rf"\b{re.escape(m.group('noun')[:_FIVE])}", before):
        return None
    return message[m.start("phrase") : m.end("phrase")]


def stands_alone_after_refusal(meant: RouteDecision) -> bool:
    """After a refused question: the message alone reads as one of the texts' topics (by its cues
    and the example bank's meaning together), so it is asked alone rather than continuing the
    refused question."""
    return meant.route != "refusal" and meant.topic is not None and meant.refusal_topic is None


_LEAD = v.RE_LEAD_IN
# A thing a follow-up names after a preposition and a determiner ("et pour la cantine, …", "sur mes RTT").
_NAMED_THING = re.compile(
    r"(?:^ *|\b(?:pour|avec|sur|concernant|niveau|cote|a propos de|au sujet de) +)"
    # (not a third-person possessive: "son classement au RNCP ?" is a thing of the previous subject, as in
    # `own_phrase`)
    r"(?:(?:les|le|la|mes|mon|ma|nos|notre|vos|votre|des|du)\b ?|l')"
    r"(?P<noun>[a-z][a-z-]{3,}(?: (?:de |d'|du |des )?[a-z][a-z-]{3,}){0,2})\b"
)


_NOT_HEADS = {
    "meme",
    "memes",
    "autre",
    "autres",
    "nouvelle",
    "nouveau",
    "prochaine",
    "prochain",
    "premiere",
    "dernier",
    "derniere",
    "petite",
    "petit",
    "grande",
    "grand",
}


def named_thing(message: str, before_text: str, today: date) -> str:
    """The noun a follow-up names that neither the previous question nor a named thing of the corpus
    holds ("cantine" in "Et sinon pour la cantine, ça marche comment ?"), else "". The caller drops
    the follow-up reading when the texts never use that word: a new subject, answered alone."""
    folded = same_length(message)
    lead = _LEAD.match(folded)
    body = folded[lead.end() :] if lead else folded
    m = _NAMED_THING.search(body)
    if m is None or subjects_in(message) or find_slots(message, today):
        return ""  # (a follow-up changing a fact, "avec trois stagiaires sur la même période", is merged)
    noun = m.group("noun")
    before = same_length(before_text)
    if any(re.search(rf"\b{re.escape(word[:5])}", before) for word in noun.split() if len(word) > 3):
        return ""
    # the head noun alone is checked: "crèche" in "crèche d'entreprise" (the texts use "entreprise")
    heads = [w for w in noun.split() if w not in _NOT_HEADS and len(w) > 3]
    if heads and _PERSON.fullmatch(heads[0]):
        return ""  # "et pour mon collègue bachelier ?": a person the question is asked for, not a new thing
    return heads[0] if heads else ""


def in_previous_answer(message: str, question: str, quotes: Sequence[str], today: date) -> bool:
    """Whether the thing an elliptic follow-up names ("et le repas du midi, pas remboursé ?") is one the previous
    answer's cited passages speak of ("les frais de transport et de repas …"): a follow-up on what was just quoted,
    never a subject outside the texts, whatever the message's own words read alone."""
    noun = named_thing(message, question, today)
    if not noun or not quotes:
        return False
    cited = same_length(" ".join(quotes)).lower()
    # (the whole word, a plural aside: "titres-repas" is not the "titre" of "à titre accessoire")
    stem = same_length(noun).lower().rstrip("sx")
    return re.search(rf"(?<![\w-]){re.escape(stem)}[sx]?(?![\w-])", cited) is not None
