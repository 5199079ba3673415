"""Resolve a message against the conversation: a standalone question, and what was understood.

Deterministic, in these cases, decided from the message's own words (`assistant.conversation.vocabulary`):

* **new** — the message names its own subject (another dispositif, another CQP, an out-of-corpus
  subject), or there is nothing before it: it is answered alone, the conversation starts afresh.
* **completion** — the previous answer asked for a missing fact ("Sur quelle période… ?") and the
  message gives it: the pending question is completed with it.
* **circumstance** — the message changes a circumstance of the previous question ("et pour un
  CDD ?", "et avec trois stagiaires ?", "non, plutôt en CDD", "et si la mission s'arrête fin
  mai ?"): the previous question is rewritten with the new fact in place of the old one
  (`assistant.conversation.slots`), so a calculation is rerun with the changed input.
* **reference** — the message asks something new about the same subject without naming it ("qui
  la finance ?", "c'est plafonné ?", "et son numéro RNCP ?"): the subject is put in front of it
  ("Pro-A : qui la finance ?").
* **meta** — the message questions the previous answer itself ("pourquoi ?", "sur quel article ?",
  "tu es sûr ?"): the previous question is asked again, so the answer shows the same passages.
* **aside** — thanks or a greeting ("ok merci"): answered alone, and the next message is resolved
  against the turn before it (`Conversation.context` skips asides).

A bare "oui" or "non" answering a clarification's yes/no question becomes the statement it stands
for (`assistant.conversation.answers`); a correction whose fact the last question does not hold
goes to the latest earlier question that holds it ("non, je suis en CDD" two turns later); after a
refusal, a message without a subject of its own continues the refused question, so it is refused
too rather than read against an older subject.

The result is always plain text, routed and answered like any question: nothing downstream knows
about conversations, and the resolved question can be shown to the user and kept with feedback.

This module reads what surrounds the message (thanks before it, a marked change of subject or digression, the
frame it continues, the facts stated earlier); which case it is against the turn it continues is decided by
`assistant.conversation.followup_kinds`; the text of the standalone question is written by
`assistant.conversation.restate`, and the types they use live in `assistant.conversation.resolution`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from assistant.conversation import frames
from assistant.conversation import vocabulary as v
from assistant.conversation.followup_kinds import resolve_followup
from assistant.conversation.resolution import Context, Kind, Resolution
from assistant.conversation.slots import find_slots
from assistant.conversation.statements import person
from assistant.conversation.subject import find_subject, message_subject
from assistant.conversation.switch import named_thing
from text.folding import same_length

__all__ = ["Context", "Kind", "Resolution", "resolve"]

_PRONOUN = v.RE_PRONOUN
_COURTESY = v.RE_COURTESY
_SWITCH = v.RE_SWITCH
_THANKS_FIRST = re.compile(r"^\s*([^.!?…]+[.!…]+)\s+(\S.*)$", re.DOTALL)


def resolve(message: str, context: Context | None, today: date, *, own_topic: str | None, refused: bool) -> Resolution:
    """The standalone question `message` means after `context` (see the module docstring).

    `own_topic` is the router's topic for the message alone; `refused` says the message alone names
    a subject outside the corpus. Both come from the caller so that routing stays in one place.
    A question that would start afresh after facts the user stated without asking keeps them in front
    ("Une salariée en CDI a un CAP. Peut-elle faire une Pro-A ?").
    """
    thanked = _THANKS_FIRST.match(message)
    if context is not None and thanked and _COURTESY.match(same_length(thanked.group(1))):
        message = thanked.group(2)  # "Ok merci. Sinon, la Pro-A …": the thanks carry nothing to answer
    if context is not None and _SWITCH.match(same_length(message)):
        # "rien à voir, mais …": the user says the subject changes; nothing of before is carried over
        return Resolution(re.sub(r"\s+", " ", message).strip(), "new", find_subject(message))
    if context is not None and frames.is_digression(message):
        aside = frames.without_digression_mark(message)
        # (an aside sharing nothing with the previous question — no "et", pronoun, demonstrative or word of its
        # own — is its own subject too, even one outside the texts: "Hors sujet : ma femme accouche…")
        own = own_topic is not None or find_subject(aside) is not None or not frames.continues(aside, context.question)
        # (the pronoun of "la caisse doit-elle …" repeats its noun: no pointing back)
        if own and not _PRONOUN.search(v.RE_NOUN_INVERSION.sub(" ", same_length(aside).lower())):
            # "Petite parenthèse : c'est quoi l'AFEST ?": answered alone, without the facts stated before
            return Resolution(re.sub(r"\s+", " ", message).strip(), "new", find_subject(aside), digression=True)
    if context is not None and context.beneath is not None and not frames.continues(message, context.question):
        # the message does not go on with the digression: read against the subject before it
        context = context.beneath
    elif context is not None and context.stack:
        # "Si ma mission finit le 31 août, combien ?" after an unmarked question on something else
        context = frames.case_beneath(message, context, today) or context
    resolution = resolve_followup(message, context, today, own_topic=own_topic, refused=refused)
    named_kind = resolution.kind in ("reference", "circumstance") and not resolution.recast
    if context is not None and named_kind and not resolution.addition:
        named = named_thing(message, " ".join(filter(None, (context.question, context.pending))), today)
        if named:  # "et sinon pour la cantine, ça marche comment ?": checked against the texts' words
            resolution = replace(resolution, addition=named)
    if resolution.kind == "new" and resolution.subject is not None:
        resolution = replace(resolution, subject=message_subject(resolution.text))
    if context is None or not context.stated or (refused and own_topic is None):
        return resolution
    # ("Combien de points pour elle ?" after facts stated in two messages: a question about the stated case,
    # even when its subject was put in front of it; a message with facts of its own changes them instead)
    # (a question on two earlier subjects at once, "il peut cumuler les deux primes ?", asks how their rules
    # combine, not about the stated case)
    pair = resolution.subject is not None and " et " in resolution.subject.name
    carried = resolution.kind == "reference" and not pair and not find_slots(message, today)
    if resolution.kind != "new" and not carried:
        return resolution
    asker = person(message)
    if asker is not None and any(person(f) not in (None, asker) for f in context.stated):
        # "Mon collègue a un master." then "Moi j'ai un CAP, je peux faire une Pro-A ?": the colleague's
        # facts are not the user's; the question is answered on its own facts
        return resolution
    if asker is None and own_topic is not None and context.topic is not None and own_topic != context.topic:
        # "Qui finance la Pro-A ?" after "Je suis tuteur depuis février.": a question on another topic that
        # names nobody is no question about the facts stated
        return resolution
    facts = " ".join(f.strip().rstrip(".") + "." for f in context.stated)
    asked = resolution.text if resolution.kind == "new" else message.strip()
    return Resolution(f"{facts} {asked}", "circumstance", resolution.subject, case=True)
