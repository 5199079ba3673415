"""The same subject in another text: "et l'avenant de 2022, il a changé quoi là-dessus ?", "et dans la
convention, c'est pareil ?", "et la circulaire du CQP gestionnaire conseil, elle en compte combien ?".

The texts of the corpus speak of the same things (the accord and the avenant that rewrote it, the circulaire
and the convention of a CQP, the fiche of the CQPs and the avenant's annexes). A follow-up may name another of
them by its kind ("l'avenant", "la circulaire", "l'annexe") and keep the subject of the previous question:
read alone, it is a question on the text in general (its title block), or — when the text's name holds a
CQP ("la circulaire du CQP gestionnaire conseil") — on that CQP rather than the subject spoken of.

The text named is read from the message's grammar: a determiner, a kind of text, and what qualifies it (a
year, "de l'avenant", "du CQP …", "de formation"). A named thing of the corpus inside that phrase names the
text, not a subject of the message; the previous question's subject is read the same way (outside the texts
it names). Then:

* an anaphor ("là-dessus", "sur ce point", "sur ce métier") is replaced by the previous subject ("sur la
  VAE"), so the question reads as one asked of that text;
* a message asking nothing of its own ("et dans la convention ?", "c'est pareil dans l'avenant ?") is the
  previous question asked of the text it names (its own text phrase replaced, or the new one put in front);
* any other question of its own is asked about the previous subject, put in front ("Parcours Prem'ss : …").
"""

from __future__ import annotations

import re

from assistant.conversation import vocabulary as v
from assistant.conversation.resolution import Context, Resolution
from assistant.conversation.subject import ENTITY_PATTERNS, Subject
from text.folding import same_length

_TEXT = v.RE_TEXT_NAME
_ANAPHOR = re.compile(
    r"\b(?:la-dessus|la dessus|sur ce point|a ce sujet|sur ce sujet|a ce propos|sur (?:ce|cet|cette) [a-z-]{3,})\b"
)
_ASKS = v.RE_QUESTION_WORDS
# a text named as a moment ("avant l'avenant", "depuis l'accord"), not as the text asked
_TIME_BEFORE = re.compile(r"\b(?:avant|apres|depuis|jusqu'a|des|a partir de)\s*$")
# what a message asking the same thing again of another text says besides naming it
_SAME = re.compile(
    r"(?:(?:et|alors|mais|du coup|pour|dans|selon|c'est|ca|cela|est-ce|pareil|aussi|idem|meme|chose|la|le|"
    r"de meme|egalement|que|dit|prevoit|il|elle)\b|[\s,;:?!.…'-])*"
)


# what asks nothing of its own beside the text named: the previous question's quantity ("c'est combien ?") or
# the text called "the other one" ("dans l'autre texte, l'accord de branche, c'est combien ?")
_BARE_ASK = re.compile(
    r"\b(?:(?:c'est|ca fait|cela fait|ca donne|il en faut|on en est a) )?combien\b|\bl'autre (?:texte|document)\b"
)


# a verb right after a text named first ("la convention … peut-elle", "l'avenant prévoit-il"): the text is the
# subject of the message's own question, not a topic put in front of a follow-up ("et l'avenant, il …")
_OWN_VERB = re.compile(
    r"\s+(?!(?:il|elle|ils|elles|c'est|ca|la-dessus)\b)[a-z']+(?:-t)?-(?:il|elle|ils|elles)\b|\s+(?:prevoit|dit|fixe|precise|impose|permet|s'applique)\b"
)


def points_back_to(message: str) -> bool:
    """The message holds an anaphor of a previous subject ("là-dessus", "sur ce point", "sur ce métier")."""
    return _ANAPHOR.search(same_length(message).lower()) is not None


def _outside_texts(text: str) -> tuple[str, list[tuple[int, int]]]:
    """`text` folded, and the spans of the texts it names."""
    folded = same_length(text).lower()
    return folded, [m.span() for m in _TEXT.finditer(folded)]


def subject_outside_texts(text: str) -> Subject | None:
    """The named thing of the corpus `text` speaks of, outside the names of the texts it mentions (the
    earliest, the longest there)."""
    folded, spans = _outside_texts(text)
    found: list[tuple[int, int, Subject]] = []
    for entity, pattern in ENTITY_PATTERNS:
        for m in pattern.finditer(folded):
            if any(a <= m.start() < b for a, b in spans):
                continue
            found.append((m.start(), m.start() - m.end(), Subject(entity.name, entity.display, entity.topic, m.span())))
    return min(found, key=lambda f: (f[0], f[1]))[2] if found else None


def in_other_text(message: str, context: Context) -> Resolution | None:
    """The message read as the previous subject asked of the text it names; None when it names no text, names
    a subject of its own, or there is no previous subject (see the module docstring)."""
    folded, spans = _outside_texts(message)
    if not spans or subject_outside_texts(message) is not None:
        return None
    if not folded[: spans[0][0]].strip() and _OWN_VERB.match(folded, spans[0][1]) and not _ANAPHOR.search(folded):
        return None  # "La convention … peut-elle être dénoncée ?": the text is the subject of a question of its own
    if _TIME_BEFORE.search(folded[: spans[0][0]]):
        return None  # "avant l'avenant de 2022, c'était pareil ?": a time, the wording before it (about_answer)
    previous = _previous_subject(context)
    if previous is None:
        return None
    start, end = spans[0]
    named = message[start:end].strip()
    anaphor = _ANAPHOR.search(folded)
    if anaphor is not None:
        text = message[: anaphor.start()] + f"sur {previous.display}" + message[anaphor.end() :]
        return Resolution(_clean(text), "reference", previous)
    rest = (folded[:start] + " " + folded[end:]).strip()
    if (not _ASKS.search(rest) and _SAME.fullmatch(rest)) or _SAME.fullmatch(_BARE_ASK.sub(" ", rest)):
        _, earlier_spans = _outside_texts(context.question)
        if earlier_spans:
            a, b = earlier_spans[0]
            asked = context.question[:a] + " " + named + " " + context.question[b:]
        else:
            asked = f"{named}, {context.question[:1].lower()}{context.question[1:]}"
        return Resolution(_clean(asked), "circumstance", previous)
    return Resolution(f"{previous.name[:1].upper()}{previous.name[1:]} : {_clean(message)}", "reference", previous)


def _previous_subject(context: Context) -> Subject | None:
    """The previous turn's subject, unless the previous question names it only inside a text's name (the
    CQP of "la convention du CQP …"): then the thing it names outside the texts. A subject the previous
    question names outside any text ("Diplôme d'État … : il est ouvert à la Pro-A ?") stays the subject,
    whatever else that question names."""
    outside = subject_outside_texts(context.question)
    subject = context.subject
    if subject is None:
        return outside
    folded, spans = _outside_texts(context.question)
    at = [m.start() for m in re.finditer(re.escape(same_length(subject.name).lower()), folded)]
    if at and any(not any(a <= i < b for a, b in spans) for i in at):
        return subject
    return outside or subject


def _clean(text: str) -> str:
    text = re.sub(r"^\s*(?:et|mais|alors)\b\s*,?\s*", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+(?=,)", "", text)
    return text[:1].upper() + text[1:]
